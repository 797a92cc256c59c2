"""Switching stores: the separate demo store, back to the real one, another data folder.

The demo store lives in its own folder below the real one (``services.session.demo_data_dir``)
and is never mixed into it. Switching closes the current session, opens the other and
rebuilds the window's widgets on it.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import DomainError
from ..services.changes import EVERYTHING
from ..services.session import demo_data_dir, open_session
from .ops import Op
from .qt import QFileDialog, QMessageBox, QObject
from .widgets import open_box

log = logging.getLogger(__name__)
DEMO_PHOTOS = 40  # generated evidence photos in the demo store (a few seconds to make)

if TYPE_CHECKING:
    from .main_window import MainWindow

class StoreSwitcher(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.demo_op: Op | None = None  # filling the demo store, while it runs
        self.close_box: QMessageBox | None = None

    def switch(self, data_dir: Path, as_user: str | None = None) -> bool:
        """Continue on the store in ``data_dir``; False (and a message) if it cannot open."""
        if self.ctx.ops.active:
            self.window.show_notice(self.tr("Please wait until the running task has finished."))
            return False
        try:
            session = open_session(data_dir, as_user=as_user, lang=self.ctx.lang)
        except DomainError as exc:
            self.window.show_error(exc.message(self.ctx.lang))
            return False
        self.ctx.replace_session(session)
        self.window.rebuild()
        self.ctx.events.publish(EVERYTHING)
        return True

    def open_demo(self) -> Op | None:
        """Open the demo store; an empty one is filled by an Op (progress, cancel)."""
        if not self.ctx.is_demo and not self.switch(demo_data_dir(self.ctx.real_data_dir)):
            return None
        self.window.go_to(0)
        if self.ctx.overview().sites:
            return None
        from ..services.demo import fill_demo  # imported when needed: not at every start

        session = self.ctx.session
        op = self.demo_op = self.ctx.ops.run(
            lambda progress, cancel: fill_demo(session, progress=progress, cancel=cancel,
                                              photos=DEMO_PHOTOS),
            title=self.tr("Creating demo data…"), parent=self.window,
        )
        stopped: list[bool] = []
        op.cancelled.connect(lambda: stopped.append(True))
        op.failed.connect(lambda _message: stopped.append(True))
        op.finished.connect(lambda: self._demo_done(bool(stopped)))  # after the runner forgot it
        return op

    def _demo_done(self, stopped: bool) -> None:
        self.demo_op = None
        if stopped:
            self._discard_half_demo()

    def _discard_half_demo(self) -> None:
        """Generation stopped before the township was in: back to the real store, and the
        empty demo store goes (no empty demo store is left to open next time)."""
        demo_dir = demo_data_dir(self.ctx.real_data_dir)
        if self.ctx.data_dir != demo_dir or self.ctx.overview(fresh=True).sites:
            return  # the township is in (only photos were cut short): keep it
        if not self.switch(self.ctx.real_data_dir, self.ctx.as_user):
            return
        shutil.rmtree(demo_dir, ignore_errors=True)
        log.info("unfinished demo store removed: %s", demo_dir)
        self.window.show_notice(
            self.tr("Demo data was not created; the unfinished demo store was removed."))

    def ask_before_closing(self) -> bool:
        """True if the window may close now. While demo data is being made, ask first:
        stopping cancels it and removes the unfinished demo store, then the window closes."""
        op = self.demo_op
        if op is None or not op.running:
            return True
        if self.close_box is None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Demo data"),
                              self.tr("Demo data is still being created. Stop it and close? "
                                      "The unfinished demo store will be removed."),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                              self.window)
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Stop and close"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep creating"))

            def answered(button: QMessageBox.StandardButton) -> None:
                if button == QMessageBox.StandardButton.Yes and self.demo_op is not None:
                    self.demo_op.finished.connect(self.window.close)
                    self.demo_op.cancel()

            open_box(self, "close_box", box, default=QMessageBox.StandardButton.No,
                     on_answer=answered, forget=True)
        return False

    def back_to_real(self) -> None:
        if self.ctx.data_dir != self.ctx.real_data_dir:
            self.switch(self.ctx.real_data_dir, self.ctx.as_user)

    def choose_data_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.window, self.tr("Choose the data folder"), str(self.ctx.real_data_dir)
        )
        if not chosen:
            return
        path = Path(chosen)
        if path == demo_data_dir(self.ctx.real_data_dir):
            self.open_demo()
        elif self.switch(path, self.ctx.as_user):
            self.ctx.real_data_dir = path
            self.ctx.settings.last_data_dir = str(path)
            self.ctx.events.publish(EVERYTHING)  # the title names the new folder

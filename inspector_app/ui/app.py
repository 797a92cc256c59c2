"""Starting the GUI: QApplication, fonts, translation, opening the store, the main window.

``run_gui`` is what ``inspector-app`` (no sub-command) calls. With ``quit_after`` it runs the
event loop that many seconds and returns 0; nothing on that path waits on a dialog — a store
that cannot be opened is reported on stderr and the function returns 2. Without it, a current
user with a password who does not stay logged in is asked for it first (Esc quits).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from .. import APP_NAME, __version__
from ..core.errors import DomainError
from ..services.session import DATA_ENV, Session, default_data_dir, open_session
from .context import AppContext
from .dialogs.login import log_in_at_start
from .events import AppEvents
from .i18n import Translations, service_lang
from .icons import icon
from .logs import close_logging, setup_logging
from .main_window import MainWindow
from .ops import OpRunner
from .qt import (
    QApplication,
    QCoreApplication,
    QEvent,
    QFileDialog,
    QGuiApplication,
    QMessageBox,
    Qt,
    QTimer,
    QUndoStack,
)
from .settings import Settings
from .single_instance import InstanceServer, ask_running_instance, tell_already_open
from .tray import OverdueNotifier

log = logging.getLogger("inspector_app.ui")

# Tried in order; Qt skips the ones a system lacks (Windows, macOS, Linux, Linux).
CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei")
EXIT_CANNOT_OPEN = 2
EXIT_BUG = 3


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m inspector_app.ui.app``: the GUI alone (the real entry is the launcher)."""
    parser = argparse.ArgumentParser(prog="inspector-app-gui")
    parser.add_argument("--data-dir")
    parser.add_argument("--as", dest="as_user")
    parser.add_argument("--quit-after", type=float)
    args = parser.parse_args(argv)
    return run_gui(args.data_dir, args.as_user, args.quit_after)


def application() -> QApplication:
    """The QApplication (created once; tests reuse pytest-qt's)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    font = app.font()
    font.setFamilies([*CJK_FAMILIES, font.family()])
    app.setFont(font)
    app.setWindowIcon(icon("app"))
    return app  # type: ignore[return-value]


def initial_data_dir(data_dir: str | Path | None, settings: Settings) -> Path:
    """``--data-dir``, then ``INSPECTOR_APP_DATA``, then the folder chosen last time, then default."""
    if data_dir:
        return Path(data_dir)
    if os.environ.get(DATA_ENV) or not settings.last_data_dir:
        return default_data_dir()
    return Path(settings.last_data_dir)


def _open_store(
    data_dir: Path, as_user: str | None, lang: str, interactive: bool
) -> tuple[Session, Path] | None:
    """Open the store; on failure explain and (interactively) offer another folder."""
    while True:
        try:
            return open_session(data_dir, as_user=as_user, lang=lang), data_dir
        except DomainError as exc:
            message = exc.message(lang)
            log.warning("cannot open %s: %s", data_dir, exc.en)
        if not interactive:
            sys.stderr.write(message + "\n")
            return None
        chosen = _ask_for_other_folder(message, data_dir)
        if chosen is None:
            return None
        data_dir = chosen


def _ask_for_other_folder(message: str, data_dir: Path) -> Path | None:
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Grid Inspector"), message)
    box.setInformativeText(QCoreApplication.translate("App", "You can choose another data folder, or quit."))
    choose = box.addButton(QCoreApplication.translate("App", "Choose another folder…"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()  # before any window exists, and never with --quit-after
    if box.clickedButton() is not choose:
        return None
    chosen = QFileDialog.getExistingDirectory(None, QCoreApplication.translate("App", "Choose the data folder"),
                                              str(data_dir.parent if data_dir.parent.exists() else Path.home()))
    return Path(chosen) if chosen else None


def build_context(
    session: Session, settings: Settings, translations: Translations, real_dir: Path,
    log_path: Path | None = None, as_user: str | None = None,
) -> AppContext:
    """Everything the window needs, around an open session (tests build it the same way)."""
    events = AppEvents()
    undo = QUndoStack()
    ops = OpRunner(events, lambda: service_lang(settings.language), log_path, undo)
    return AppContext(
        session=session, settings=settings, events=events, undo=undo,
        translations=translations, ops=ops, real_data_dir=Path(real_dir), log_path=log_path,
        as_user=as_user,
    )


class _BugReporter:
    """sys.excepthook while the GUI runs: log the traceback, tell the user in plain words."""

    def __init__(self, window: MainWindow, log_path: Path | None) -> None:
        self.window, self.log_path = window, log_path
        self.previous = sys.excepthook

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        message = QCoreApplication.translate("App", "Something went wrong; the details were written to the log.")
        if self.log_path is not None:
            message += "\n" + str(self.log_path)
        try:
            self.window.show_error(message)
        except RuntimeError:  # the window is already gone
            sys.stderr.write(message + "\n")


def run_gui(data_dir: str | Path | None = None, as_user: str | None = None,
            quit_after: float | None = None) -> int:
    """Open the main window on the store; returns the exit code (0, or 2 if it cannot open)."""
    settings = Settings()
    lang = service_lang(settings.language)
    first_dir = initial_data_dir(data_dir, settings)
    opened = None
    if quit_after is not None:
        # no dialog may wait: report on stderr before any window (or display) is needed
        opened = _open_store(first_dir, as_user, lang, interactive=False)
        if opened is None:
            return EXIT_CANNOT_OPEN
    app = application()
    translations = Translations(app)
    translations.install(settings.language)
    if ask_running_instance(first_dir):  # one window per store: the first comes forward
        tell_already_open(first_dir)
        if opened is not None:
            opened[0].close()
        translations.clear()
        return 0
    if opened is None:
        opened = _open_store(first_dir, as_user, lang, interactive=True)
    if opened is None:
        translations.clear()
        return EXIT_CANNOT_OPEN
    session, real_dir = opened
    # the password of a current user who does not stay logged in (never with --quit-after
    # or --as, which was checked when the store opened)
    if quit_after is None and as_user is None and not log_in_at_start(session, lang):
        session.close()
        translations.clear()
        return 0
    log_path = setup_logging(session.store.data_dir)
    log.info("GUI started on %s (version %s)", session.store.data_dir, __version__)
    ctx = build_context(session, settings, translations, real_dir, log_path, as_user)
    window = MainWindow(ctx)
    instance = InstanceServer(real_dir, window.bring_to_front)
    reporter = _BugReporter(window, log_path)
    sys.excepthook = reporter
    notifier = OverdueNotifier(window, app)
    try:
        window.show()
        notifier.start()  # the overdue notice: after the first paint, then once a day
        if quit_after is not None:
            QTimer.singleShot(int(max(quit_after, 0) * 1000), app.quit)
        code = app.exec()
    finally:
        sys.excepthook = reporter.previous
        notifier.shutdown()
        notifier.deleteLater()
        instance.close()
        instance.deleteLater()
        window.close()
        window.deleteLater()
        # quit() leaves a posted Quit event behind; processed later, outside exec(), it would
        # set Qt's "quit now" flag and every later event loop of this process (tests) would
        # return at once.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        ctx.ops.cancel_all()
        ctx.session.close()
        translations.clear()
        close_logging()
    return 0 if quit_after is not None else int(code)


if __name__ == "__main__":
    sys.exit(main())

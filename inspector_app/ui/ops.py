"""The Op runner: long, Qt-free work in a worker thread with progress, cancel and clear errors.

A job is ``fn(progress, cancel) -> result`` where ``progress(done, total, message)`` may be
called from the worker thread and ``cancel`` is a ``threading.Event`` the job checks (raising
``core.errors.Cancelled`` when set). The runner

- starts the job on Qt's thread pool, so the window stays responsive;
- shows a window-modal progress dialog only if the job is still running after 0.5 s
  (quick jobs never flash a dialog); its Cancel button sets the event;
- turns a ``DomainError`` into a message box with ``.message(lang)``, any other exception into
  "something went wrong, details in the log" with the traceback written to the log file;
  a ``Cancelled`` job ends quietly;
- on success publishes the ``Changes`` the service returned (``changes_of``: a ``Changes``,
  or any result carrying ``.changes`` — ``Saved``, batch and import reports) on the app-wide
  ``AppEvents.changed`` signal, so every view refreshes itself. UI code never builds them.

``OpRunner.write`` is the one way the GUI writes (Anki's ``CollectionOp``): a zero-argument
service call runs on a single serial write thread (GUI writes keep their order and never run
on the GUI thread, so a write queued behind a long import leaves the window responsive), a
progress dialog appears after 0.5 s only if the job reports progress, a ``DomainError`` goes
to the caller's ``on_error`` (a dialog's inline banner) or a message box, and on success the
runner publishes the changes, pushes the undo command and shows the notice.

Message boxes are opened with ``open()``, never ``exec()``: nothing waits on a nested loop,
and tests (and ``--quit-after``) can watch the ``failed`` signal instead.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.errors import Cancelled, DomainError
from ..services.changes import NOTHING, Changes
from .events import AppEvents
from .qt import (
    QMessageBox,
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QUndoCommand,
    QUndoStack,
    QWidget,
    Signal,
)
from .widgets import open_box

log = logging.getLogger("inspector_app.ui.ops")

Progress = Callable[[int, int, str], None]
Job = Callable[[Progress, threading.Event], Any]

SHOW_PROGRESS_AFTER_MS = 500


def changes_of(result: Any) -> Changes:
    """What a service result says it changed: ``Changes`` itself, ``.changes`` of a ``Saved``
    or report, the union over a tuple of results; nothing for anything else."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    if isinstance(changes, Changes):
        return changes
    if isinstance(result, tuple | list):
        total = NOTHING
        for part in result:
            total = total | changes_of(part)
        return total
    return NOTHING


def warnings_of(result: Any, lang: str) -> list[str]:
    """The non-blocking warnings a result carries (``Saved.warnings``), in ``lang``."""
    return [w.message(lang) for w in getattr(result, "warnings", ()) or ()]


class _WorkerSignals(QObject):
    """Lives in the GUI thread; the worker emits, so slots run queued on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    raised = Signal(object, str)  # exception, formatted traceback


class _Worker(QRunnable):
    def __init__(self, fn: Job, cancel: threading.Event, signals: _WorkerSignals) -> None:
        super().__init__()
        self._fn, self._cancel, self._signals = fn, cancel, signals

    def _progress(self, done: int, total: int, message: str = "") -> None:
        self._signals.progressed.emit(int(done), int(total), str(message or ""))

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._cancel)
        except BaseException as exc:  # noqa: BLE001 - everything reaches the GUI thread
            self._signals.raised.emit(exc, traceback.format_exc())
        else:
            self._signals.succeeded.emit(result)


class Op(QObject):
    """One running job. Watch ``succeeded``/``failed``/``cancelled``; ``finished`` always."""

    succeeded = Signal(object)
    failed = Signal(str)  # the message shown to the user
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self, fn: Job, *, title: str, parent: QWidget | None, events: AppEvents, lang: str,
        log_file: Path | None, on_success: Callable[[Any], None] | None = None,
        always_show_progress: bool = True,
    ) -> None:
        super().__init__()  # no Qt parent: a page may be rebuilt while the job runs
        self.title = title
        self.result: Any = None
        self.error: BaseException | None = None
        self.on_error: Callable[[DomainError], None] | None = None
        self.after_success: list[Callable[[Any], None]] = []  # undo push, notice (write())
        self._always_show_progress = always_show_progress
        self._reported = False  # the job called progress() at least once
        self._dialog_due = False  # 0.5 s passed; show the dialog once progress is reported
        self.cancel_event = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None
        self.running = False
        self._fn, self._parent, self._events, self._lang = fn, parent, events, lang
        self._log_file, self._on_success = log_file, on_success
        self._last: tuple[int, int, str] = (0, 0, "")
        self._signals = _WorkerSignals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.raised.connect(self._on_raised)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)

    # ------------------------------------------------------------------ lifecycle
    def start(self, pool: QThreadPool | None = None) -> Op:
        self.running = True
        self._timer.start(SHOW_PROGRESS_AFTER_MS)
        (pool or QThreadPool.globalInstance()).start(_Worker(self._fn, self.cancel_event, self._signals))
        return self

    def cancel(self) -> None:
        self.cancel_event.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def handle_errors(self, on_error: Callable[[DomainError], None]) -> None:
        """Send a ``DomainError`` to ``on_error`` (a dialog's banner) instead of a message box."""
        self.on_error = on_error

    def _show_dialog(self) -> None:
        if not self.running or self.dialog is not None:
            return
        if not (self._always_show_progress or self._reported):
            self._dialog_due = True  # a write that reports nothing never shows a dialog
            return
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(self.title)
        dialog.setLabelText(self._last[2] or self.title)
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self._apply_progress()
        dialog.show()

    def _apply_progress(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        done, total, message = self._last
        dialog.setMaximum(max(total, 0))  # 0 … 0: a busy indicator
        # setValue may run the event loop: the job can end (and drop the dialog) in there
        dialog.setValue(min(done, total) if total > 0 else 0)
        if message and not self.cancel_event.is_set() and self.dialog is dialog:
            dialog.setLabelText(message)

    def _end(self) -> None:
        self.running = False
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    # ------------------------------------------------------------------ worker results
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self._last = (done, total, message)
        self._reported = True
        if self._dialog_due and self.dialog is None:
            self._show_dialog()
        self._apply_progress()

    def _on_succeeded(self, result: Any) -> None:
        self._end()
        self.result = result
        self._events.publish(changes_of(result))
        for step in self.after_success:
            step(result)
        if self._on_success is not None:
            self._on_success(result)
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_raised(self, exc: BaseException, tb: str) -> None:
        self._end()
        self.error = exc
        if isinstance(exc, Cancelled):
            log.info("%s: cancelled", self.title)
            self.cancelled.emit()
            self.finished.emit()
            return
        if isinstance(exc, DomainError):
            log.info("%s: %s", self.title, exc.en)
            message = exc.message(self._lang)
            icon = QMessageBox.Icon.Warning
            if self.on_error is not None:  # shown where the user typed it (inline banner)
                self.on_error(exc)
                self.failed.emit(message)
                self.finished.emit()
                return
        else:
            log.error("%s failed (a bug):\n%s", self.title, tb)
            message = self.tr("Something went wrong; the details were written to the log.")
            if self._log_file is not None:
                message += "\n" + str(self._log_file)
            icon = QMessageBox.Icon.Critical
        open_box(self, "message_box",
                 QMessageBox(icon, self.title, message, QMessageBox.StandardButton.Ok, self._parent))
        self.failed.emit(message)
        self.finished.emit()


class OpRunner(QObject):
    """Starts Ops and keeps them alive until they finish."""

    def __init__(
        self, events: AppEvents, lang: Callable[[], str], log_file: Path | None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__()
        self._events, self._lang, self.log_file = events, lang, log_file
        self.undo_stack = undo_stack
        self.active: list[Op] = []
        # GUI writes run one after another, in the order the user made them (an edit, then
        # its undo), on one thread that never expires (its read connection stays reused)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self.write_pool.setExpiryTimeout(-1)

    def run(
        self, fn: Job, *, title: str, parent: QWidget | None = None,
        on_success: Callable[[Any], None] | None = None,
    ) -> Op:
        op = Op(fn, title=title, parent=parent, events=self._events, lang=self._lang(),
                log_file=self.log_file, on_success=on_success)
        return self._start(op, None)

    def write(
        self, job: Callable[..., Any], *, title: str, parent: QWidget | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[DomainError], None] | None = None,
        undo: Callable[[Any], QUndoCommand | None] | None = None,
        notice: str | Callable[[Any], str] | None = None,
        reports_progress: bool = False,
    ) -> Op:
        """Run one GUI write off the GUI thread: ``job()`` calls a service and returns its result.

        With ``reports_progress`` the job is ``job(progress, cancel)`` and its progress shows
        after 0.5 s; otherwise no dialog ever appears. On success, on the GUI thread: the
        result's ``Changes`` are published, ``undo(result)``'s command is pushed (its first
        ``redo`` must do nothing: the work is done), ``notice`` (plus the result's warnings) goes
        to the status bar, then ``on_done(result)``. A ``DomainError`` goes to ``on_error``
        (the dialog stays open, input kept) or, without one, to a message box.
        """
        fn: Job = job if reports_progress else (lambda _progress, _cancel: job())
        op = Op(fn, title=title, parent=parent, events=self._events, lang=self._lang(),
                log_file=self.log_file, on_success=on_done, always_show_progress=False)
        if on_error is not None:
            op.handle_errors(on_error)
        lang = self._lang()
        if undo is not None:
            def push(result: Any) -> None:
                command = undo(result)
                if command is not None and self.undo_stack is not None:
                    self.undo_stack.push(command)
            op.after_success.append(push)

        def tell(result: Any) -> None:
            text = notice(result) if callable(notice) else notice
            parts = [p for p in [text, *warnings_of(result, lang)] if p]
            if parts:
                self._events.notice.emit(("；" if lang == "zh" else "; ").join(parts))
        op.after_success.append(tell)
        return self._start(op, self.write_pool)

    def _start(self, op: Op, pool: QThreadPool | None) -> Op:
        self.active.append(op)
        op.finished.connect(lambda: self._forget(op))
        return op.start(pool)

    @property
    def writing(self) -> bool:
        """Whether a GUI write (or any job) is still running: tests and quitting wait on it."""
        return bool(self.active)

    def _forget(self, op: Op) -> None:
        if op in self.active:
            self.active.remove(op)

    def cancel_all(self, wait_ms: int = 5000) -> None:
        """On exit: ask every job to stop and give them a moment to do so."""
        for op in self.active:
            op.cancel_event.set()
        QThreadPool.globalInstance().waitForDone(wait_ms)
        self.write_pool.waitForDone(wait_ms)


def start_up_runner(lang: str) -> OpRunner:
    """A runner for the writes made before any window or context exists (the first admin
    password, the start-up log-in): they too run off the GUI thread."""
    return OpRunner(AppEvents(), lambda: lang, None)

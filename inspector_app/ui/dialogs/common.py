"""What the record dialogs share: the inline error banner and the save-or-stay-open logic."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...core.errors import DomainError
from ..ops import Op
from ..qt import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QShowEvent,
    QTextEdit,
    QWidget,
)
from ..widgets import DateEdit, DateTimeEdit, free_area, open_box, reveal

ERROR_STYLE = (
    "QLabel { background: #fce8e6; color: #a50e0e; border: 1px solid #f5c2bd;"
    " border-radius: 4px; padding: 6px 8px; }"
)
BAD_FIELD_STYLE = "border: 1px solid #d93025; border-radius: 3px;"


def fit_height(window: QWidget) -> None:
    """Grow a shown dialog until every word-wrapped label in it shows all its lines.

    Qt sizes a window once; a banner or hint that later gets more text (or appears) is
    squeezed instead (lines cut at top and bottom, a fixed-height text box pushed over the
    buttons). Never beyond the free screen area: the tallest dialogs scroll (see
    ``widgets.scroll_body``).
    """
    layout = window.layout()
    if layout is None or not window.isWindow():
        return
    layout.activate()
    width = window.width()
    need = max(layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
               else layout.totalSizeHint().height(), layout.totalMinimumSize().height())
    need = min(need, free_area(window).height())
    if window.height() < need:
        window.resize(width, need)


class ErrorBanner(QLabel):
    """A red line at the top of a form; hidden until a save fails."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()
        fit_height(self.window())
        reveal(self)  # a form scrolled down on a small screen: the message is at its top

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def form_state(root: QWidget) -> list[object]:
    """What the user can type or pick in ``root``'s inputs, in a comparable form."""
    state: list[object] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            if not isinstance(w.parent(), QAbstractSpinBox | QComboBox):  # their own editors
                state.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            if not w.isReadOnly():
                state.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            state.append((w.currentIndex(), w.currentText() if w.isEditable() else None))
        elif isinstance(w, QAbstractSpinBox):
            state.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            state.append(w.isChecked())
        elif isinstance(w, QListWidget):
            state.append([w.item(i).text() for i in range(w.count())])
    return state


class GuardedDialog(QDialog):
    """A form that asks “放弃未保存的内容？” before Esc or the close button throws away input.

    The inputs are snapshotted when the dialog is first shown (after the record is loaded);
    ``reject()`` (Esc, 取消, the title bar's close button) compares them with the snapshot and,
    if anything differs, asks first (non-blocking; the box is ``self.discard_box``).
    ``discard()`` closes without asking.
    """

    discard_box: QMessageBox | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot: list[object] | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._snapshot is None:
            self._snapshot = form_state(self)
            fit_height(self)

    def mark_clean(self) -> None:
        """The inputs as they are now count as nothing typed (after a load or a save)."""
        self._snapshot = form_state(self)

    def has_unsaved_input(self) -> bool:
        return self._snapshot is not None and form_state(self) != self._snapshot

    def reject(self) -> None:
        if self.discard_box is not None:
            return
        if not self.has_unsaved_input():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Discard what you typed?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Discard"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))

        def answered(button: QMessageBox.StandardButton) -> None:
            if button == QMessageBox.StandardButton.Discard:
                self.discard()

        open_box(self, "discard_box", box, default=QMessageBox.StandardButton.Cancel,
                 on_answer=answered, forget=True)

    def discard(self) -> None:
        """Close as 取消 does, without asking."""
        QDialog.reject(self)

    def done(self, result: int) -> None:
        super().done(result)
        self._snapshot = None  # shown again (a reused dialog): snapshot afresh


class RecordDialog(GuardedDialog):
    """Base for add/edit forms: OK calls ``save`` and closes only if it succeeds.

    ``save(data)`` returns the running write (an ``Op`` from ``ctx.ops.write``): the buttons
    are disabled while it runs, the window stays responsive, and the dialog closes only once
    it succeeded (``self.saved`` is then its result). A ``DomainError`` (a too-long name, an
    unknown grid …) shows in the banner, the field it names gets a red frame and the focus,
    and everything typed stays in place. (A save that returns a plain value is done at once.)
    """

    pending: Op | None = None  # the write started by the last OK, while it runs

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.saved: Any = None
        self.error_banner = ErrorBanner(self)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.field_widgets: dict[str, QWidget] = {}  # service field name -> widget

    def collect(self) -> Any:
        """The service input built from the form; raise DomainError for bad typing."""
        raise NotImplementedError

    def save_with(self, save: Callable[[Any], Any]) -> None:
        self._save = save

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt)
        if self._snapshot is None:  # first show: impossible dates speak up as they are typed
            for edit in self.findChildren(QAbstractSpinBox):
                if isinstance(edit, DateEdit | DateTimeEdit):
                    edit.impossible_changed.connect(self._on_impossible_date)
        super().showEvent(event)

    def _on_impossible_date(self, message: str) -> None:
        if message:
            self.error_banner.show_message(message)
        elif self.error_banner.text() and not self._impossible_date():
            self.error_banner.clear_message()

    def _impossible_date(self) -> DateEdit | DateTimeEdit | None:
        for edit in self.findChildren(QAbstractSpinBox):
            if isinstance(edit, DateEdit | DateTimeEdit) and edit.problem():
                return edit
        return None

    def accept(self) -> None:
        bad_date = self._impossible_date()
        if bad_date is not None:  # refused in place: the typed text stays to be corrected
            self.error_banner.show_message(bad_date.problem())
            bad_date.setFocus()
            return
        for widget in self.field_widgets.values():
            widget.setStyleSheet("")
        try:
            outcome = self._save(self.collect())
        except DomainError as exc:
            self.show_error(exc)
            return
        if isinstance(outcome, Op):
            self._wait_for(outcome)
            return
        self.saved = outcome
        super().accept()

    def _wait_for(self, op: Op) -> None:
        self.pending = op
        self.button_box.setEnabled(False)
        self.error_banner.clear_message()
        op.handle_errors(self.show_error)  # inline, not a message box
        op.succeeded.connect(self._write_done)
        op.finished.connect(self._write_ended)

    def _write_ended(self) -> None:
        self.pending = None
        self.button_box.setEnabled(True)

    def _write_done(self, result: Any) -> None:
        self.saved = result
        self.pending = None
        QDialog.accept(self)

    def reject(self) -> None:
        if self.pending is not None:  # the write runs: the form stays until it ends
            return
        super().reject()

    def show_error(self, exc: DomainError) -> None:
        self.error_banner.show_message(exc.message(self.lang))
        widget = self.field_widgets.get(_field_of(exc))
        if widget is not None:
            widget.setStyleSheet(BAD_FIELD_STYLE)
            widget.setFocus()
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.selectAll()


def _field_of(exc: DomainError) -> str:
    """The field a validation message is about (``clean_text`` starts it with the name)."""
    explicit = getattr(exc, "field", None)
    if isinstance(explicit, str):
        return explicit
    return exc.en.split(" ", 1)[0].rstrip(":")


def text_or_none(widget: QLineEdit | QPlainTextEdit) -> str | None:
    text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    return text if text.strip() else None

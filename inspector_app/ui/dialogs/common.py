"""What the record dialogs share: the inline error banner and the save-or-stay-open logic."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...core.errors import DomainError
from ..qt import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

ERROR_STYLE = (
    "QLabel { background: #fce8e6; color: #a50e0e; border: 1px solid #f5c2bd;"
    " border-radius: 4px; padding: 6px 8px; }"
)
BAD_FIELD_STYLE = "border: 1px solid #d93025; border-radius: 3px;"


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

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class RecordDialog(QDialog):
    """Base for add/edit forms: OK calls ``save`` and closes only if it succeeds.

    A ``DomainError`` (a too-long name, an unknown grid …) shows in the banner, the field it
    names gets a red frame and the focus, and everything typed stays in place.
    """

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

    def accept(self) -> None:
        for widget in self.field_widgets.values():
            widget.setStyleSheet("")
        try:
            self.saved = self._save(self.collect())
        except DomainError as exc:
            self.show_error(exc)
            return
        super().accept()

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

"""The checklist run's item table: answers in colour, the 1/2/3 keys, Enter for the next item."""

from __future__ import annotations

from typing import Any

from .. import labels
from ..qt import (
    QAbstractTableModel,
    QColor,
    QModelIndex,
    Qt,
    QTableView,
    QWidget,
    Signal,
)
from ..widgets import colour_icon

DISPLAY = Qt.ItemDataRole.DisplayRole
RESULT_COLOUR = {"ok": QColor("#188038"), "hazard": QColor("#d93025"), "na": QColor("#80868b")}
RESULT_TINT = {"ok": QColor("#e6f4ea"), "hazard": QColor("#fce8e6"), "na": QColor("#f1f3f4")}
CODE, TEXT, RESULT, NOTE = range(4)
PHOTO_PANE = 2  # the splitter's third pane: the inspection's photos


class ChecklistModel(QAbstractTableModel):
    """The items of all the inspection's checklists, one row each (plain dicts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[dict[str, Any]] = []

    def result_text(self, result: str | None) -> str:
        return {"ok": self.tr("OK"), "hazard": self.tr("Hazard"), "na": self.tr("N/A")}.get(result or "", "")

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def set_answer(self, row: int, **values: Any) -> None:
        self.items[row].update(values)
        self.dataChanged.emit(self.index(row, 0), self.index(row, NOTE))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return (self.tr("No."), self.tr("Item"), self.tr("Result"), self.tr("Note"))[section]
        return None

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        item, column = self.items[index.row()], index.column()
        result = item.get("result")
        if role == DISPLAY:
            if column == CODE:
                return item["code"]
            if column == TEXT:
                return ("★ " if item["major"] else "") + item["text"]
            if column == RESULT:
                if result == "hazard" and item.get("hazard_level"):
                    return labels.level(item["hazard_level"])  # 一般隐患 / 重大隐患
                return self.result_text(result)
            return item.get("note") or ""
        if role == Qt.ItemDataRole.ToolTipRole and column in (TEXT, NOTE):
            return item["text"] if column == TEXT else item.get("note")
        if role == Qt.ItemDataRole.BackgroundRole and result:
            return RESULT_TINT[result]
        if role == Qt.ItemDataRole.ForegroundRole and column == RESULT and result:
            return RESULT_COLOUR[result]
        if role == Qt.ItemDataRole.DecorationRole and column == RESULT and result:
            return colour_icon(RESULT_COLOUR[result])
        return None

    def counts(self) -> tuple[int, int]:
        return sum(1 for i in self.items if i.get("result")), len(self.items)


class ChecklistView(QTableView):
    """The item table; turns the answer keys into signals (a key press goes nowhere else)."""

    answered = Signal(str)
    advance = Signal()
    note_requested = Signal()
    edit_requested = Signal()

    KEYS = {Qt.Key.Key_1: "ok", Qt.Key.Key_2: "hazard", Qt.Key.Key_3: "na"}

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            if key in self.KEYS:
                self.answered.emit(self.KEYS[key])
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.advance.emit()
                return
            if key == Qt.Key.Key_N:
                self.note_requested.emit()
                return
            if key == Qt.Key.Key_E:
                self.edit_requested.emit()
                return
        super().keyPressEvent(event)

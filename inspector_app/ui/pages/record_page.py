"""Common frame of the list pages: action buttons, filter bar, table and detail pane.

A page listens to ``AppEvents.changed``; when a change concerns what it shows it re-queries
its ids and keeps the selected record selected. It never calls another page: navigation
requests leave through ``open_record`` and the main window routes them.
"""

from __future__ import annotations

from ...services.changes import Changes
from ..context import AppContext
from ..icons import icon
from ..models import IdTableModel
from ..qt import (
    QHBoxLayout,
    QItemSelectionModel,
    QLabel,
    QModelIndex,
    QPushButton,
    QShowEvent,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import DetailView, record_table


class RecordPage(QWidget):
    open_record = Signal(str, str)  # kind, id
    watched: tuple[str, ...] = ()  # Changes kinds that make this page reload

    def __init__(self, ctx: AppContext, model: IdTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        model.hold()
        self.actions_row = QHBoxLayout()
        self.filter_row = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #5f6368;")
        self.table = record_table(model, self)
        self.detail = DetailView(self)
        self.detail.link_activated.connect(self.open_record)
        self.detail.setMinimumWidth(300)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([880, 340])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(self.actions_row)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(lambda _i: self.edit_record())
        self.model.modelReset.connect(self._update_count)
        self._selected: str | None = None
        self._stale = False  # changed while hidden: reload when shown
        ctx.events.changed.connect(self.on_changed)

    def action_button(self, text: str, icon_name: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        self.actions_row.addWidget(button)
        return button

    def shutdown(self) -> None:
        """Stop listening before the page is thrown away (language or store switch)."""
        self.ctx.events.unsubscribe(self.on_changed)

    # ------------------------------------------------------------------ subclass hooks
    def render_detail(self, record_id: str | None) -> str:
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        raise NotImplementedError

    def clear_filters(self) -> bool:
        """Drop every filter; True if there was one (then the model has reloaded)."""
        raise NotImplementedError

    def add_record(self):  # noqa: ANN201 - returns the dialog it opened
        raise NotImplementedError

    def edit_record(self):  # noqa: ANN201
        raise NotImplementedError

    def delete_record(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ selection
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.id_at(index.row())

    def select_id(self, record_id: str, clear_filters: bool = True) -> bool:
        """Select and show a record; filters that hide it are cleared first."""
        self.model.release()
        if self._stale:
            self.reload()
        row = self.model.row_of(record_id)
        if row < 0 and clear_filters:
            if not self.clear_filters():
                self.model.reload()  # written outside this window (CLI, import)
            row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._selected = self.model.id_at(current.row()) if current.isValid() else None
        self.refresh_detail()

    def refresh_detail(self) -> None:
        self.detail.setHtml(self.render_detail(self._selected))

    # ------------------------------------------------------------------ refreshing
    def on_changed(self, changes: Changes) -> None:
        if not changes.touches(*self.watched):
            return
        if self.isVisible():
            self.reload()
        else:  # a hidden page re-queries when it is shown, not on every change
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.model.release()
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        keep = self._selected
        self.model.reload()
        if keep and self.select_id(keep, clear_filters=False):
            return
        self._selected = None
        self.refresh_detail()

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(self.model.rowCount()))

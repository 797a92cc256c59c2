"""Give a grid to sites that have none (after a register import, or from the site list), undoable."""

from __future__ import annotations

from typing import Any

from ...services import register_import
from ...services.regions import list_regions
from ...services.sites import site_rows
from ..context import AppContext
from ..ops import Op
from ..qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..undo import ServiceCommand
from .common import ErrorBanner, GuardedDialog

ID_ROLE = Qt.ItemDataRole.UserRole


class AssignGridDialog(GuardedDialog):
    """Tick sites without a grid, pick a grid, assign (one transaction; Ctrl+Z undoes)."""

    assigned = Signal(int)  # how many sites

    def __init__(self, ctx: AppContext, site_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Assign a grid"))
        self.resize(560, 520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.all_check = QCheckBox(self.tr("Select all"))
        self.all_check.setChecked(True)
        self.all_check.toggled.connect(self._check_all)
        self.list = QListWidget()
        self.list.itemChanged.connect(lambda _i: self._update())
        for row in site_rows(ctx.session, site_ids):
            text = row.name + (f"  —  {row.address}" if row.address else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.grid_combo = QComboBox()
        for grid in list_regions(ctx.session.store.read(), level="grid"):
            self.grid_combo.addItem(grid.name, grid.id)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("color: #188038;")
        self.error_banner = ErrorBanner()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.assign_button = self.buttons.addButton(self.tr("Assign"), QDialogButtonBox.ButtonRole.ActionRole)
        self.assign_button.setDefault(True)
        self.assign_button.clicked.connect(lambda _c=False: self.assign())
        self.undo_button = self.buttons.addButton(self.tr("Undo"), QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(lambda _c=False: self.undo_last())
        self.undo_button.hide()
        undo_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo_key.activated.connect(self.undo_last)
        self.buttons.rejected.connect(self.reject)
        self._undo_index: int | None = None
        self._removed: list[tuple[int, QListWidgetItem]] = []
        grid_row = QHBoxLayout()
        grid_row.addWidget(QLabel(self.tr("Grid:")))
        grid_row.addWidget(self.grid_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.all_check)
        layout.addWidget(self.list, 1)
        layout.addLayout(grid_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        if self.grid_combo.count() == 0:
            self.error_banner.show_message(self.tr("There are no grids yet. A supervisor adds them in Settings."))
        self._update()

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)
        self.list.blockSignals(False)
        self._update()

    def checked_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        n, total = len(self.checked_ids()), self.list.count()
        if total:
            self.intro.setText(self.tr("{} sites have no grid. {} selected.").format(total, n))
        else:
            self.intro.setText(self.tr("Every site in this list has a grid now."))
        self.all_check.setVisible(total > 0)
        self.assign_button.setEnabled(n > 0 and self.grid_combo.count() > 0)

    def assign(self) -> Op | None:
        """Assign the checked sites to the chosen grid, off the GUI thread (Ctrl+Z undoes it)."""
        ids, grid_id, grid_name = self.checked_ids(), self.grid_combo.currentData(), self.grid_combo.currentText()
        if not ids or not grid_id:
            return None
        session = self.ctx.session
        before: list[Any] = []

        def job() -> Any:
            before.append(register_import.site_grids(session, ids))
            return register_import.assign_grid(session, ids, grid_id)

        def command(_result: Any) -> ServiceCommand:
            return ServiceCommand(
                self.ctx, QCoreApplication.translate("Undo", "assign {} sites to grid “{}”").format(len(ids), grid_name),
                redo=lambda: register_import.assign_grid(session, ids, grid_id),
                undo=lambda: register_import.restore_grids(session, before[0]))

        done = self.tr("{} sites assigned to grid “{}”. Press Ctrl+Z to undo.").format(len(ids), grid_name)

        def assigned(_result: Any) -> None:
            self.result_label.setText("✓ " + done)
            self._undo_index = self.ctx.undo.index()
            self._removed = [(i, self.list.item(i).clone()) for i in range(self.list.count())
                             if self.list.item(i).data(ID_ROLE) in ids]
            for i, _item in reversed(self._removed):
                self.list.takeItem(i)
            self.undo_button.show()
            self._update()
            self.assigned.emit(len(ids))

        self.assign_button.setEnabled(False)
        op = self.ctx.ops.write(
            job, title=self.windowTitle(), parent=self, undo=command, notice=done, on_done=assigned,
            on_error=lambda exc: self.error_banner.show_message(exc.message(self.ctx.lang)))
        op.finished.connect(self._update)
        return op

    def undo_last(self) -> None:
        """Undo the assignment just made (if nothing was done since) and list the sites again."""
        if self._undo_index is None or self.ctx.undo.index() != self._undo_index:
            return
        self.ctx.undo.undo()
        self.list.blockSignals(True)
        for i, item in self._removed:
            self.list.insertItem(i, item)
        self.list.blockSignals(False)
        self._undo_index = None
        self.undo_button.hide()
        self.result_label.setText(self.tr("Assignment undone."))
        self.ctx.events.notice.emit(self.tr("Assignment undone."))
        self._update()

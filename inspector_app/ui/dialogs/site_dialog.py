"""Add or edit a site (the premises) and its unit (the legal entity)."""

from __future__ import annotations

from collections.abc import Callable

from ...core.entities import RISK_COLOURS, SiteInput, SiteRow
from ...core.errors import ValidationError
from ...core.uscc import check_uscc
from ...services.changes import Saved
from ...services.regions import list_regions
from .. import labels
from ..context import AppContext
from ..qt import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ..widgets import colour_icon
from .common import RecordDialog, text_or_none

USCC_OK_STYLE = "color: #188038;"
USCC_WARN_STYLE = "color: #b06000;"


class SiteDialog(RecordDialog):
    def __init__(
        self, ctx: AppContext, save: Callable[[SiteInput], Saved], existing: SiteRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx.lang, parent)
        self.ctx, self.existing = ctx, existing
        self.save_with(save)
        self.setWindowTitle(self.tr("Edit site") if existing else self.tr("New site"))
        self.setMinimumWidth(760)
        self._build()
        if existing is not None:
            self._load(existing)
        self._update_unit_enabled()
        self.name_edit.setFocus()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Lucky Noodle House"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("Defaults to the site name"))
        self.no_unit_check = QCheckBox(self.tr("No responsible unit (public place, open land …)"))
        self.no_unit_check.toggled.connect(self._update_unit_enabled)
        self.uscc_edit = QLineEdit()
        self.uscc_edit.setPlaceholderText(self.tr("18 characters; may be left empty"))
        self.uscc_status = QLabel()
        self.uscc_edit.textChanged.connect(self._check_uscc)
        self.legal_rep_edit = QLineEdit()
        self.contact_edit = QLineEdit()
        self.phone_edit = QLineEdit()

        self.address_edit = QLineEdit()
        self.grid_combo = QComboBox()
        self.grid_combo.setEditable(True)
        self.grid_combo.addItem("", None)
        for region in list_regions(self.ctx.session.store.read(), level="grid"):
            self.grid_combo.addItem(region.name, region.id)
        self.grid_combo.lineEdit().setPlaceholderText(self.tr("Choose or type a grid"))
        self.building_edit = QLineEdit()
        self.building_edit.setPlaceholderText(self.tr("For buildings with many tenants"))
        self.landlord_edit = QLineEdit()
        self.landlord_edit.setPlaceholderText(self.tr("For rental housing"))
        self.risk_combo = QComboBox()
        self.risk_combo.addItem(labels.text(labels.UNRATED), None)
        for colour in RISK_COLOURS:
            self.risk_combo.addItem(colour_icon(labels.RISK_COLOUR[colour]), labels.risk(colour), colour)
        self.lat_edit = QLineEdit()
        self.lat_edit.setPlaceholderText(self.tr("Latitude"))
        self.lon_edit = QLineEdit()
        self.lon_edit.setPlaceholderText(self.tr("Longitude"))
        coords = QHBoxLayout()
        coords.setContentsMargins(0, 0, 0, 0)
        coords.addWidget(self.lat_edit)
        coords.addWidget(self.lon_edit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(56)

        uscc_box = QVBoxLayout()
        uscc_box.setContentsMargins(0, 0, 0, 0)
        uscc_box.setSpacing(2)
        uscc_box.addWidget(self.uscc_edit)
        uscc_box.addWidget(self.uscc_status)

        left = QFormLayout()
        left.addRow(self.tr("Name *"), self.name_edit)
        left.addRow(self.tr("Unit name"), self.unit_edit)
        left.addRow("", self.no_unit_check)
        left.addRow(self.tr("USCC"), uscc_box)
        left.addRow(self.tr("Legal rep. / principal"), self.legal_rep_edit)
        left.addRow(self.tr("Contact person"), self.contact_edit)
        left.addRow(self.tr("Phone"), self.phone_edit)
        right = QFormLayout()
        right.addRow(self.tr("Address"), self.address_edit)
        right.addRow(self.tr("Grid"), self.grid_combo)
        right.addRow(self.tr("Building"), self.building_edit)
        right.addRow(self.tr("Landlord"), self.landlord_edit)
        right.addRow(self.tr("Risk level"), self.risk_combo)
        right.addRow(self.tr("Coordinates"), coords)
        right.addRow(self.tr("Notes"), self.notes_edit)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        sector_box = QGroupBox(self.tr("Sectors (tick all that apply)"))
        grid = QGridLayout(sector_box)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        self.sector_checks: dict[str, QCheckBox] = {}
        per_row = 5 if self.ctx.lang == "zh" else 3
        for i, (code, name) in enumerate(labels.sector_choices(self.ctx.lang)):
            check = QCheckBox(name.replace("&", "&&"))  # "Industry & trade": no mnemonic
            self.sector_checks[code] = check
            grid.addWidget(check, i // per_row, i % per_row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(columns)
        layout.addWidget(sector_box)
        layout.addWidget(self.button_box)
        self.field_widgets = {
            "name": self.name_edit, "unit_name": self.unit_edit, "address": self.address_edit,
            "contact": self.contact_edit, "phone": self.phone_edit, "legal_rep": self.legal_rep_edit,
            "landlord": self.landlord_edit, "building": self.building_edit, "notes": self.notes_edit,
            "coordinate": self.lat_edit, "lat": self.lat_edit, "lon": self.lon_edit, "risk": self.risk_combo, "unknown": self.grid_combo,
        }

    def _load(self, row: SiteRow) -> None:
        self.name_edit.setText(row.name)
        self.no_unit_check.setChecked(row.unit_id is None)
        if row.unit_name and row.unit_name != row.name:
            self.unit_edit.setText(row.unit_name)
        self.uscc_edit.setText(row.uscc or "")
        self.legal_rep_edit.setText(row.legal_rep or "")
        self.contact_edit.setText(row.contact or "")
        self.phone_edit.setText(row.phone or "")
        self.address_edit.setText(row.address or "")
        found = self.grid_combo.findData(row.grid_id) if row.grid_id else -1
        if found >= 0:
            self.grid_combo.setCurrentIndex(found)
        self.building_edit.setText(row.building or "")
        self.landlord_edit.setText(row.landlord or "")
        self.risk_combo.setCurrentIndex(max(self.risk_combo.findData(row.risk_colour), 0))
        self.lat_edit.setText("" if row.lat is None else str(row.lat))
        self.lon_edit.setText("" if row.lon is None else str(row.lon))
        self.notes_edit.setPlainText(row.notes or "")
        for code in row.sectors:
            if code in self.sector_checks:
                self.sector_checks[code].setChecked(True)

    # ------------------------------------------------------------------ live feedback
    def _update_unit_enabled(self) -> None:
        has_unit = not self.no_unit_check.isChecked()
        for widget in (self.unit_edit, self.uscc_edit, self.legal_rep_edit):
            widget.setEnabled(has_unit)
        self.uscc_status.setVisible(has_unit and bool(self.uscc_edit.text().strip()))

    def _check_uscc(self, text: str) -> None:
        """Show at once whether the code checks out; a bad code only warns (domain.md §4)."""
        if not text.strip():
            self.uscc_status.clear()
            self.uscc_status.hide()
            return
        check = check_uscc(text)
        if check.ok:
            message = "✓ " + self.tr("Check digit OK")
            if check.normalized != text:
                message += " " + self.tr("(will be saved as {})").format(check.normalized)
            self.uscc_status.setStyleSheet(USCC_OK_STYLE)
        else:
            why = {
                "length": self.tr("should have 18 characters, has {}").format(len(check.normalized)),
                "charset": self.tr("contains letters not used in codes (I, O, S, V, Z)"),
                "checksum": self.tr("check character does not match"),
            }[check.problem or "checksum"]
            message = "⚠ " + why + self.tr(" — can still be saved")
            self.uscc_status.setStyleSheet(USCC_WARN_STYLE)
        self.uscc_status.setText(message)
        self.uscc_status.show()

    # ------------------------------------------------------------------ saving
    def _coordinate(self, edit: QLineEdit, what: str, field: str) -> float | None:
        text = edit.text().strip().replace("，", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            message = self.tr("{} “{}” is not a number (e.g. 30.2741)").format(what, text)
            exc = ValidationError(message, message)
            exc.field = field  # type: ignore[attr-defined]  # which widget to mark
            raise exc from None

    def _grid_value(self) -> str | None:
        text = self.grid_combo.currentText().strip()
        if not text:
            return None
        index = self.grid_combo.currentIndex()
        if index > 0 and self.grid_combo.itemText(index) == text:
            return self.grid_combo.itemData(index)
        return text

    def collect(self) -> SiteInput:
        no_unit = self.no_unit_check.isChecked()
        return SiteInput(
            name=self.name_edit.text(),
            unit_name=None if no_unit else text_or_none(self.unit_edit),
            no_unit=no_unit,
            uscc=None if no_unit else text_or_none(self.uscc_edit),
            legal_rep=None if no_unit else text_or_none(self.legal_rep_edit),
            sectors=[code for code, check in self.sector_checks.items() if check.isChecked()],
            address=text_or_none(self.address_edit),
            grid=self._grid_value(),
            building=text_or_none(self.building_edit),
            landlord=text_or_none(self.landlord_edit),
            contact=text_or_none(self.contact_edit),
            phone=text_or_none(self.phone_edit),
            risk_colour=self.risk_combo.currentData(),
            lat=self._coordinate(self.lat_edit, self.tr("Latitude"), "lat"),
            lon=self._coordinate(self.lon_edit, self.tr("Longitude"), "lon"),
            notes=text_or_none(self.notes_edit),
        )

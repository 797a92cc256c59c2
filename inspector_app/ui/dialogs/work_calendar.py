"""工作日历与检查频次: the rest days deadlines count with, regional holidays, inspection intervals.

Three tabs. 节假日 shows a year's rest days on a calendar (official 调休 where the
``chinesecalendar`` package knows the year, otherwise the computed fallback with a warning).
地方节假日 edits this installation's extra holidays (fixed dates, or yearly rules in the
Gregorian or lunar calendar). 检查频次 sets how many months may pass between inspections per
risk colour. Editing is for admins (``Action.MANAGE_SETTINGS``); others see why it is off.
Each save replaces the whole list in one transaction; a bad rule names itself and nothing is
written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ...core import permissions
from ...core.entities import RISK_COLOURS
from ...core.holidays import HOLIDAY_NAMES, RegionalHoliday
from ...core.permissions import Action
from ...services import holiday_settings, inspection_plan, overdue_rule
from .. import labels
from ..context import AppContext
from ..ops import Op
from ..qt import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QColor,
    QComboBox,
    QDate,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextCharFormat,
    QVBoxLayout,
    QWidget,
)
from .common import ErrorBanner

REST_COLOUR = QColor("#fce8e6")
WORKDAY_ON_WEEKEND_COLOUR = QColor("#e6f4ea")
NAME, KIND, MONTH, DAY, DAYS, ON = range(6)
KINDS = ("solar", "lunar", "fixed")


class WorkCalendarDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Work calendar and inspection intervals"))
        self.resize(760, 560)
        self.can_edit = permissions.can(ctx.session.user, Action.MANAGE_SETTINGS)
        self.banner = ErrorBanner(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._year_tab(), self.tr("Rest days"))
        self.tabs.addTab(self._regional_tab(), self.tr("Regional holidays"))
        self.tabs.addTab(self._intervals_tab(), self.tr("Inspection intervals"))
        self.tabs.addTab(self._overdue_tab(), self.tr("Overdue rule"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not self.can_edit:
            note = QLabel(self.tr("Only an administrator may change these settings; you can look."))
            note.setStyleSheet("color: #5f6368;")
            layout.addWidget(note)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.show_year(ctx.session.clock.today().year)

    # ------------------------------------------------------------------ rest days
    def _year_tab(self) -> QWidget:
        page = QWidget()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2004, 2100)
        self.year_spin.setValue(self.ctx.session.clock.today().year)
        self.year_spin.valueChanged.connect(self.show_year)
        self.year_status = QLabel()
        self.year_status.setWordWrap(True)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.holiday_list = QListWidget()
        self.holiday_list.setMaximumWidth(260)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_spin)
        top.addWidget(self.year_status, 1)
        body = QHBoxLayout()
        body.addWidget(self.calendar, 1)
        body.addWidget(self.holiday_list)
        legend = QLabel(self.tr("Red: rest day (weekend, holiday or regional holiday). "
                                "Green: a weekend day that is a make-up working day."))
        legend.setStyleSheet("color: #5f6368;")
        legend.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(legend)
        return page

    def show_year(self, year: int) -> None:
        cal = holiday_settings.year_calendar(self.ctx.session, year)
        if cal.official:
            self.year_status.setText(self.tr("Official holidays and make-up working days of {}.").format(year))
            self.year_status.setStyleSheet("color: #137333;")
        else:
            self.year_status.setText(self.tr(
                "The official arrangement for {} is not known yet: rest days are computed "
                "(Mon–Fri minus the statutory holidays); deadlines counted in it carry a warning."
            ).format(year))
            self.year_status.setStyleSheet("color: #b06000;")
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear earlier marks
        rest = set(cal.rest_days)
        day = date(year, 1, 1)
        rest_format, work_format = QTextCharFormat(), QTextCharFormat()
        rest_format.setBackground(REST_COLOUR)
        rest_format.setForeground(labels.OVERDUE_COLOUR)
        work_format.setBackground(WORKDAY_ON_WEEKEND_COLOUR)
        while day.year == year:
            if day in rest:
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), rest_format)
            elif day.weekday() >= 5:
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), work_format)
            day = day.fromordinal(day.toordinal() + 1)
        today = self.ctx.session.clock.today()
        self.calendar.setCurrentPage(year, today.month if year == today.year else 1)
        self.holiday_list.clear()
        zh = self.ctx.lang == "zh"
        for when, code in sorted(cal.statutory.items()):
            names = HOLIDAY_NAMES.get(code, (code, code))
            self.holiday_list.addItem(f"{when.isoformat()}  {names[0] if zh else names[1]}")
        for rule in holiday_settings.regional_holidays(self.ctx.session):
            for when in rule.dates_in(year):
                self.holiday_list.addItem(f"{when.isoformat()}  {rule.name} ({self.tr('regional')})")

    # ------------------------------------------------------------------ regional holidays
    def _regional_tab(self) -> QWidget:
        page = QWidget()
        self.rules = QTableWidget(0, 6)
        self.rules.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Kind"), self.tr("Month"), self.tr("Day"), self.tr("Days"),
            self.tr("Date (fixed)"),
        ])
        self.rules.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules.verticalHeader().setVisible(False)
        for rule in holiday_settings.regional_holidays(self.ctx.session):
            self._add_rule_row(rule)
        self.add_rule_button = QPushButton(self.tr("Add"))
        self.add_rule_button.clicked.connect(lambda _c=False: self._add_rule_row(None))
        self.remove_rule_button = QPushButton(self.tr("Remove"))
        self.remove_rule_button.clicked.connect(lambda _c=False: self._remove_rule_rows())
        self.save_rules_button = QPushButton(self.tr("Save regional holidays"))
        self.save_rules_button.clicked.connect(lambda _c=False: self.save_rules())
        hint = QLabel(self.tr(
            "A yearly rule repeats every year on a Gregorian or lunar month and day, e.g. the "
            "Guangxi Sanyuesan festival = lunar 3/3 for 2 days; a fixed date holds for one year "
            "only, e.g. Eid al-Adha as announced. Deadlines count these as rest days."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        row = QHBoxLayout()
        for button in (self.add_rule_button, self.remove_rule_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.save_rules_button)
        for widget in (self.add_rule_button, self.remove_rule_button, self.save_rules_button):
            widget.setEnabled(self.can_edit)
        if not self.can_edit:
            self.rules.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.rules, 1)
        layout.addLayout(row)
        return page

    def _kind_label(self, kind: str) -> str:
        return {"solar": self.tr("Yearly (Gregorian)"), "lunar": self.tr("Yearly (lunar)"),
                "fixed": self.tr("Fixed date")}[kind]

    def _add_rule_row(self, rule: RegionalHoliday | None) -> None:
        row = self.rules.rowCount()
        self.rules.insertRow(row)
        kind = "fixed" if rule and rule.on else ("lunar" if rule and rule.lunar else "solar")
        combo = QComboBox()
        for code in KINDS:
            combo.addItem(self._kind_label(code), code)
        combo.setCurrentIndex(KINDS.index(kind))
        combo.setEnabled(self.can_edit)
        self.rules.setCellWidget(row, KIND, combo)
        values = {
            NAME: rule.name if rule else "",
            MONTH: str(rule.month) if rule and rule.month else "",
            DAY: str(rule.day) if rule and rule.day else "",
            DAYS: str(rule.days) if rule else "1",
            ON: rule.on.isoformat() if rule and rule.on else "",
        }
        for column, text in values.items():
            self.rules.setItem(row, column, QTableWidgetItem(text))
        if rule is None:
            self.rules.setCurrentCell(row, NAME)
            self.rules.editItem(self.rules.item(row, NAME))

    def _remove_rule_rows(self) -> None:
        for row in sorted({i.row() for i in self.rules.selectedIndexes()}, reverse=True):
            self.rules.removeRow(row)

    def rule_dicts(self) -> list[dict[str, Any]]:
        """The table as the service's rule dicts (empty rows skipped)."""
        rules = []
        for row in range(self.rules.rowCount()):
            def text(column: int, row: int = row) -> str:
                item = self.rules.item(row, column)
                return item.text().strip() if item else ""

            if not any(text(c) for c in (NAME, MONTH, DAY, ON)):
                continue
            kind = self.rules.cellWidget(row, KIND).currentData()
            rule: dict[str, Any] = {"name": text(NAME), "days": text(DAYS) or "1"}
            if kind == "fixed":
                rule["on"] = text(ON)
            else:
                rule.update(month=text(MONTH), day=text(DAY), lunar=kind == "lunar")
            rules.append(rule)
        return rules

    def _write(self, call: Callable[[], Any], notice: str,
               on_done: Callable[[Any], None] | None = None) -> Op:
        """One setting saved off the GUI thread; a refusal shows in the banner."""
        self.banner.clear_message()
        return self.ctx.ops.write(call, title=self.windowTitle(), parent=self, notice=notice,
                                  on_done=on_done,
                                  on_error=lambda exc: self.banner.show_message(exc.message(self.ctx.lang)))

    def save_rules(self) -> Op:
        session, rules = self.ctx.session, self.rule_dicts()
        return self._write(lambda: holiday_settings.set_regional_holidays(session, rules),
                           self.tr("Regional holidays saved."),
                           on_done=lambda _r: self.show_year(self.year_spin.value()))

    # ------------------------------------------------------------------ inspection intervals
    def _intervals_tab(self) -> QWidget:
        page = QWidget()
        intervals = inspection_plan.get_intervals(self.ctx.session)
        form = QFormLayout()
        self.interval_spins: dict[str, QSpinBox] = {}
        for colour in (*RISK_COLOURS, "unrated"):
            spin = QSpinBox()
            spin.setRange(1, 24)
            spin.setSuffix(self.tr(" months"))
            spin.setValue(intervals[colour])
            spin.setEnabled(self.can_edit)
            self.interval_spins[colour] = spin
            form.addRow(labels.risk(colour) if colour != "unrated" else self.tr("Not rated"), spin)
        self.save_intervals_button = QPushButton(self.tr("Save intervals"))
        self.save_intervals_button.setEnabled(self.can_edit)
        self.save_intervals_button.clicked.connect(lambda _c=False: self.save_intervals())
        self.keep_default = QCheckBox(self.tr("Red monthly, orange every 2 months, yellow quarterly, "
                                              "blue half-yearly (the usual practice)"))
        self.keep_default.setEnabled(self.can_edit)
        self.keep_default.toggled.connect(self._use_defaults)
        hint = QLabel(self.tr("A site is due for inspection this many months after its last "
                              "finished inspection; the dashboard and the inspection plan use it."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.keep_default)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_intervals_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _use_defaults(self, on: bool) -> None:
        if on:
            for colour, spin in self.interval_spins.items():
                spin.setValue(inspection_plan.DEFAULT_INTERVALS[colour])

    def save_intervals(self) -> Op:
        session = self.ctx.session
        values = {colour: spin.value() for colour, spin in self.interval_spins.items()}
        return self._write(lambda: inspection_plan.set_intervals(session, values),
                           self.tr("Inspection intervals saved."))


    # ------------------------------------------------------------------ overdue rule
    def _overdue_tab(self) -> QWidget:
        page = QWidget()
        hint = QLabel(self.tr(
            "A deadline binds from the day the rectification notice is served. Before that the due "
            "date is provisional, counted from the day the hazard was found, and by default it makes "
            "nothing overdue: neither the dashboard, the lists nor the statistics count it."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.provisional_check = QCheckBox(self.tr(
            "Also count a passed provisional deadline as overdue (hazards whose notice was not served)"))
        self.provisional_check.setChecked(overdue_rule.counts_provisional(self.ctx.session))
        self.provisional_check.setEnabled(self.can_edit)
        self.provisional_check.toggled.connect(self.save_overdue_rule)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.provisional_check)
        layout.addStretch(1)
        return page

    def save_overdue_rule(self, on: bool) -> Op:
        session = self.ctx.session
        return self._write(lambda: overdue_rule.set_counts_provisional(session, on),
                           self.tr("Overdue rule saved."))


def open_work_calendar(ctx: AppContext, parent: QWidget | None = None) -> WorkCalendarDialog:
    dialog = WorkCalendarDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

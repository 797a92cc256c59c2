"""工作日历与检查频次: rest days shown per year, regional holidays and intervals saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inspector_app.core.deadlines import due_date
from inspector_app.services import holiday_settings, inspection_plan
from inspector_app.services.lifecycle_common import calendar_of
from inspector_app.ui.dialogs.work_calendar import (
    DAY,
    DAYS,
    KIND,
    MONTH,
    NAME,
    ON,
    WorkCalendarDialog,
)
from inspector_app.ui.qt import QDate, QTableWidgetItem
from tests.lifecycle_helpers import as_, make_town
from tests.ui.helpers import settle

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")


def _fill(dialog: WorkCalendarDialog, row: int, values: dict[int, str], kind: str) -> None:
    for column, text in values.items():
        dialog.rules.setItem(row, column, QTableWidgetItem(text))
    combo = dialog.rules.cellWidget(row, KIND)
    combo.setCurrentIndex(combo.findData(kind))


def test_official_and_computed_years_are_told_apart(ctx, qtbot) -> None:
    dialog = WorkCalendarDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.year_spin.setValue(2026)
    assert "官方" in dialog.year_status.text()
    national_day = dialog.calendar.dateTextFormat(QDate(2026, 10, 1))
    assert national_day.background().color().name() == "#fce8e6"
    dialog.year_spin.setValue(2031)  # past what the package knows: computed, with a warning
    assert "推算" in dialog.year_status.text()
    assert any("春节" in dialog.holiday_list.item(i).text() for i in range(dialog.holiday_list.count()))


def test_regional_holidays_saved_and_counted_by_deadlines(ctx, qtbot) -> None:
    dialog = WorkCalendarDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_rule_button.click()
    _fill(dialog, 0, {NAME: "三月三", MONTH: "3", DAY: "3", DAYS: "2"}, "lunar")
    dialog.add_rule_button.click()
    _fill(dialog, 1, {NAME: "古尔邦节", ON: "2026-05-27", DAYS: "1"}, "fixed")
    done = dialog.save_rules()
    settle(qtbot, dialog)
    assert done.error is None
    rules = holiday_settings.regional_holidays(ctx.session)
    assert [(r.name, r.lunar, r.days, r.on) for r in rules] == [
        ("三月三", True, 2, None), ("古尔邦节", False, 1, date(2026, 5, 27))]
    # 2026 lunar 3/3 is 4/19 (Sunday) + 4/20 (Monday): Monday is now a rest day
    cal = calendar_of(ctx.session)
    assert due_date(date(2026, 4, 17), 1, working_days=True, is_rest_day=cal.is_rest_day) == date(2026, 4, 21)
    dialog.tabs.setCurrentIndex(1)
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "work-calendar-regional.png"))


def test_a_bad_rule_names_itself_and_nothing_is_saved(ctx, qtbot) -> None:
    dialog = WorkCalendarDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.add_rule_button.click()
    _fill(dialog, 0, {NAME: "坏规则", MONTH: "13", DAY: "1"}, "solar")
    refused = dialog.save_rules()
    settle(qtbot, dialog)
    assert refused.error is not None
    assert "坏规则" in dialog.banner.text()
    assert holiday_settings.regional_holidays(ctx.session) == []


def test_intervals_saved_and_inspectors_may_only_look(ctx, qtbot, session) -> None:
    dialog = WorkCalendarDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.interval_spins["red"].setValue(2)
    done = dialog.save_intervals()
    settle(qtbot, dialog)
    assert done.error is None
    assert inspection_plan.get_intervals(ctx.session)["red"] == 2
    dialog.tabs.setCurrentIndex(0)
    dialog.resize(780, 560)
    dialog.grab().save(str(SHOTS / "work-calendar-year.png"))

    make_town(session)
    ctx.session = as_(session, "li")
    looking = WorkCalendarDialog(ctx)
    qtbot.addWidget(looking)
    assert not looking.can_edit
    assert not looking.save_rules_button.isEnabled() and not looking.interval_spins["red"].isEnabled()
    looking.tabs.setCurrentIndex(2)
    looking.grab().save(str(SHOTS / "work-calendar-inspector.png"))


def test_overdue_rule_counts_provisional_deadlines_only_when_chosen(ctx, qtbot, session) -> None:
    from inspector_app.core.entities import HazardInput, SiteInput
    from inspector_app.services import hazards, overdue_rule, overview, sites

    site = sites.add_site(session, SiteInput(name="店"))
    hazards.add_hazard(session, HazardInput(site_id=site.id, description="通道堵塞", deadline_days=3,
                                            found_on="2026-09-01"))
    dialog = WorkCalendarDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.provisional_check.isChecked() and overview.overview(session).overdue == 0
    dialog.provisional_check.setChecked(True)  # saved at once
    settle(qtbot, dialog)
    assert overdue_rule.counts_provisional(session) and overview.overview(session).overdue == 1
    dialog.provisional_check.setChecked(False)
    settle(qtbot, dialog)
    assert overview.overview(session).overdue == 0

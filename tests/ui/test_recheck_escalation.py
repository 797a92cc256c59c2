"""A failed re-check and its next step in the same form: a new deadline, an escalation rung, or both."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inspector_app.core import hazard_status as hs
from inspector_app.core.deadlines import deadline
from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, rectification, sites, users
from inspector_app.services.lifecycle_common import calendar_of
from inspector_app.services.session import load_user
from inspector_app.ui.dialogs import hazard_actions as ha
from tests.helpers import secure_admin
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")
E = hs.EventKind


@pytest.fixture
def town(session):
    """Grid 一网格 with inspector zhang and supervisor wang; a hazard awaiting its re-check."""
    users.add_grid(session, "一网格")
    secure_admin(session)  # users are added once the admin has a password
    users.add_user(session, "zhang", "张三", "inspector", grids=["一网格"])
    users.add_user(session, "wang", "王站长", "supervisor")
    site_id = sites.add_site(session, SiteInput(name="好运来面馆", grid="一网格")).id
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=site_id, description="后厨燃气软管老化，未安装泄漏报警装置", deadline_days=7,
        found_on="2026-09-20")).id
    rectification.notify(session, hazard_id, served_on="2026-09-21")
    rectification.report_done(session, hazard_id, on="2026-09-26")
    admin = session.user
    yield hazard_id
    session.user = admin


def as_user(session, login: str) -> None:
    session.user = load_user(session.store, login)


def open_recheck(window, hazard_id: str) -> ha.HazardActionDialog:
    window.open_record("hazard", hazard_id)
    page = window.hazards_page
    assert page.current_id() == hazard_id
    dialog = page.open_action(ha.RECHECK)
    assert dialog is not None
    return dialog


def kinds(session, hazard_id: str) -> list[str]:
    return [e["kind"] for e in hazards.hazard_details(session, hazard_id)["events"]]


def test_failed_with_new_deadline_only(window, session, qtbot, town) -> None:
    as_user(session, "wang")
    dialog = open_recheck(window, town)
    assert not dialog.deadline_check.isVisibleTo(dialog)  # "passed" is preselected for a supervisor
    dialog.failed_radio.setChecked(True)
    assert dialog.deadline_check.isVisibleTo(dialog) and dialog.deadline_check.isChecked()
    assert dialog.escalate_check.isEnabled() and not dialog.step_combo.isEnabled()
    dialog.days_spin.setValue(5)
    dialog.working_check.setChecked(False)
    type_text(qtbot, dialog.opinion_edit, "报警装置仍未安装")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.ok_button.click()
        settle(qtbot, window)
    row = hazards.get_hazard(session, town)
    expected = deadline(date(2026, 9, 28), 5, calendar=calendar_of(session)).due.isoformat()
    assert (row.status, row.due_date, row.escalation) == ("notified", expected, None)
    assert kinds(session, town)[-1] == E.RECHECK_FAILED


def test_failed_with_escalation_rung_as_supervisor(window, session, qtbot, town) -> None:
    as_user(session, "wang")
    before = hazards.get_hazard(session, town).due_date
    dialog = open_recheck(window, town)
    dialog.failed_radio.setChecked(True)
    codes = [dialog.step_combo.itemData(i) for i in range(dialog.step_combo.count())]
    assert codes[:4] == ["reminder", "summons", "warning_circular", "listed_supervision"]
    assert dialog.step_combo.currentData() == "reminder"  # the next rung up
    dialog.deadline_check.setChecked(False)
    assert not dialog.days_spin.isEnabled()
    dialog.escalate_check.setChecked(True)
    dialog.step_combo.setCurrentIndex(dialog.step_combo.findData("listed_supervision"))
    type_text(qtbot, dialog.opinion_edit, "复查仍未整改")
    type_text(qtbot, dialog.escalate_reason_edit, "两次复查未整改")
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SHOTS / "recheck-failed-escalate.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.ok_button.click()
        settle(qtbot, window)
    row = hazards.get_hazard(session, town)
    assert (row.status, row.escalation, bool(row.listed), row.due_date) == (
        "notified", "listed_supervision", True, before)
    events = hazards.hazard_details(session, town)["events"]
    assert [e["kind"] for e in events[-3:]] == [E.RECHECK_FAILED, E.ESCALATED, E.LISTED]
    assert events[-2]["data"]["reason"] == "两次复查未整改"


def test_failed_with_neither_is_refused_and_kept(window, session, qtbot, town) -> None:
    as_user(session, "wang")
    dialog = open_recheck(window, town)
    dialog.failed_radio.setChecked(True)
    dialog.deadline_check.setChecked(False)
    type_text(qtbot, dialog.opinion_edit, "未整改")
    dialog.ok_button.click()
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.error_banner.isVisibleTo(dialog)
    assert "升级督办" in dialog.error_banner.text()
    assert hazards.get_hazard(session, town).status == "awaiting_recheck"
    dialog.reject()


def test_inspector_sees_why_escalation_is_unavailable(window, session, qtbot, town) -> None:
    as_user(session, "zhang")
    dialog = open_recheck(window, town)
    assert dialog.failed_radio.isChecked() or dialog.passed_radio.isChecked()
    dialog.failed_radio.setChecked(True)
    assert not dialog.escalate_check.isEnabled() and not dialog.step_combo.isEnabled()
    assert dialog.escalate_note.isVisibleTo(dialog)
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SHOTS / "recheck-failed-inspector.png"))
    assert "监管" in dialog.escalate_note.text() or "supervisor" in dialog.escalate_note.text()
    dialog.escalate_check.setChecked(True)  # even if it were ticked, no escalation is sent
    type_text(qtbot, dialog.opinion_edit, "仍未整改")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.ok_button.click()
        settle(qtbot, window)
    row = hazards.get_hazard(session, town)
    assert (row.status, row.escalation) == ("notified", None)
    assert E.ESCALATED not in kinds(session, town)

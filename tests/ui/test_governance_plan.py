"""治理方案 form of a major hazard, and the notice form that says what is missing and opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, rectification, sites
from inspector_app.ui.dialogs import hazard_actions as ha
from inspector_app.ui.qt import QDate
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")
PLAN = {
    "target": "消除液氨储罐区安全距离不足的重大事故隐患",
    "methods": "迁移两台储罐至新建罐区，增设围堰和气体泄漏报警装置",
    "materials": "企业自筹资金 48 万元，物资由设备科负责采购",
    "bodies": "企业安全生产领导小组，组长：王建国（总经理）",
    "schedule": "2026 年 10 月 31 日前完成迁移并验收",
    "safety": "施工期间设警戒区，专人监护，执行液氨泄漏应急预案",
}


def major_hazard(session) -> str:
    """A confirmed major hazard with 五落实 complete but no governance plan."""
    site_id = sites.add_site(session, SiteInput(name="大华化工有限公司", address="青石镇工业园8号")).id
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=site_id, description="液氨储罐区与周边建筑安全距离不足", level="major",
        deadline_days=30, found_on="2026-09-20")).id
    rectification.confirm_level(session, hazard_id)
    rectification.set_five_implementations(
        session, hazard_id, responsible_person="王建国", responsible_phone="13800001111",
        measures="迁移储罐", funds_amount=480000, funds_source="企业自筹", contingency_plan="液氨泄漏应急预案")
    return hazard_id


def open_hazard(window, hazard_id: str):
    window.open_record("hazard", hazard_id)
    page = window.hazards_page
    assert page.current_id() == hazard_id
    return page


def test_plan_form_saves_every_field_then_the_notice_is_served(window, session, qtbot) -> None:
    hazard_id = major_hazard(session)
    page = open_hazard(window, hazard_id)
    assert page.action_items[ha.PLAN].isEnabled()

    notice = page.open_action(ha.NOTIFY)  # the notice says what is missing and offers the form
    assert notice.hint_label.isVisibleTo(notice)
    assert "治理目标和任务" in notice.hint_label.text() or "plan target" in notice.hint_label.text()
    assert notice.fill_plan_button.isVisibleTo(notice) and not notice.fill_five_button.isVisibleTo(notice)
    notice.date_edit.setDate(QDate(2026, 9, 25))
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitExposed(notice)
    assert notice.grab().save(str(SHOTS / "notify-missing-plan.png"))
    notice.ok_button.click()  # refused: nothing written, the form stays
    settle(qtbot, window)
    assert notice.isVisible() and hazards.get_hazard(session, hazard_id).status == "open"

    plan = notice.open_fill_form(ha.PLAN)
    assert set(plan.plan_edits) == set(PLAN)
    for name, text in PLAN.items():
        type_text(qtbot, plan.plan_edits[name], text)
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitExposed(plan)
    assert plan.grab().save(str(SHOTS / "governance-plan.png"))
    with qtbot.waitSignal(plan.accepted, timeout=2000):
        plan.ok_button.click()
        settle(qtbot, window)
    d = hazards.hazard_details(session, hazard_id)
    assert {name: d[f"plan_{name}"] for name in PLAN} == PLAN
    assert not notice.hint_label.isVisibleTo(notice) and not notice.fill_row.isVisibleTo(notice)

    with qtbot.waitSignal(notice.accepted, timeout=2000):
        notice.ok_button.click()
        settle(qtbot, window)
    row = hazards.get_hazard(session, hazard_id)
    assert (row.status, row.served_on) == ("notified", "2026-09-25")
    detail = page.detail.toPlainText()  # the detail pane shows 五落实 and the plan
    assert PLAN["bodies"] in detail and "王建国 13800001111" in detail
    window.resize(1280, 760)
    assert window.grab().save(str(SHOTS / "hazard-detail-plan.png"))

    again = page.open_action(ha.PLAN)  # pre-filled from the hazard; a cleared field is refused later
    assert again.plan_edits["safety"].toPlainText() == PLAN["safety"]
    again.reject()


def test_plan_is_for_major_hazards_and_keeps_input_on_refusal(window, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="好运来面馆")).id
    general = hazards.add_hazard(session, HazardInput(site_id=site_id, description="灭火器过期",
                                                      deadline_days=7, found_on="2026-09-20")).id
    page = open_hazard(window, general)
    assert not page.action_items[ha.PLAN].isEnabled()

    hazard_id = major_hazard(session)
    page = open_hazard(window, hazard_id)
    plan = page.open_action(ha.PLAN)
    plan.plan_edits["target"].setPlainText("整" * 2001)  # over the limit: refused, typed text kept
    plan.plan_edits["bodies"].setPlainText("安全科")
    plan.ok_button.click()
    settle(qtbot, window)
    assert plan.isVisible() and plan.error_banner.isVisibleTo(plan)
    assert plan.plan_edits["bodies"].toPlainText() == "安全科"
    assert hazards.hazard_details(session, hazard_id)["plan_bodies"] is None
    plan.plan_edits["target"].setPlainText(PLAN["target"])
    plan.ok_button.click()
    settle(qtbot, window)
    d = hazards.hazard_details(session, hazard_id)
    assert (d["plan_target"], d["plan_bodies"]) == (PLAN["target"], "安全科")

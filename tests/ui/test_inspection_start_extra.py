"""Start dialog with co-inspectors and a campaign; editing a checklist hazard's level with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.services import campaigns, hazards, sites, users
from inspector_app.services.inspection_views import get_inspection
from inspector_app.services.inspections import StartInput
from inspector_app.services.regions import add_region
from inspector_app.ui.main_window import HAZARDS_PAGE, INSPECTIONS
from inspector_app.ui.pages.inspections import InspectionsPage
from inspector_app.ui.qt import QDialogButtonBox, Qt
from tests.helpers import secure_admin
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui

OK = QDialogButtonBox.StandardButton.Ok
SAVE = QDialogButtonBox.StandardButton.Save
SHOTS = Path("/tmp/ui-shots")


@pytest.fixture
def town(session) -> dict[str, str]:
    grid = session.write(lambda tx: add_region(tx, "grid", "青石镇第三网格", code="G3"))
    secure_admin(session)  # users are added once the admin has a password
    users.add_user(session, "lixiaoming", "李晓明", "inspector", grids=["G3"])
    users.add_user(session, "zhaoli", "赵丽", "inspector", grids=["G3"])
    site = sites.add_site(session, SiteInput(name="老王小吃店", address="文化路 12 号",
                                             sectors=("nine_small",), grid="G3")).id
    sites.add_site(session, SiteInput(name="宏达五金加工厂", address="工业园 8 号", sectors=("gas",)))
    other = campaigns.create_campaign(session, campaigns.CampaignInput(
        name="燃气安全专项整治", sector="gas", starts_on="2026-09-01", ends_on="2026-12-31")).id
    fitting = campaigns.create_campaign(session, campaigns.CampaignInput(
        name="九小场所消防安全专项整治", sector="nine_small", starts_on="2026-09-15",
        ends_on="2026-10-31")).id
    ids = {u.login: u.id for u in users.list_users(session)}
    return {"site": site, "grid": grid, "li": ids["lixiaoming"], "zhao": ids["zhaoli"],
            "campaign": fitting, "other_campaign": other}


def open_page(window, qtbot) -> InspectionsPage:
    window.go_to(INSPECTIONS)
    page = window.current_page()
    assert isinstance(page, InspectionsPage)
    return page


def test_start_with_co_inspectors_and_a_campaign(window, session, town, qtbot) -> None:
    page = open_page(window, qtbot)
    dialog = page.start_dialog(town["site"])
    assert dialog.isVisible()
    # the current user is always ticked and cannot be unticked; the others start unticked
    me = dialog.inspector_list.item(0)
    assert me.data(Qt.ItemDataRole.UserRole) == session.user.id
    assert me.checkState() == Qt.CheckState.Checked
    assert not me.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.inspector_ids() == [session.user.id]
    # the campaign row appears with 专项整治, the site's sector's active campaign chosen
    assert not dialog.campaign_combo.isVisibleTo(dialog)
    dialog.set_kind("campaign")
    assert dialog.campaign_combo.isVisibleTo(dialog)
    assert dialog.campaign_combo.currentData() == town["campaign"]
    assert dialog.campaign_combo.itemData(1) == town["campaign"]  # best match first
    dialog.set_inspector_checked(town["li"])
    assert dialog.start_input().inspector_ids == [session.user.id, town["li"]]
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.location_edit.setText("后厨")
    qtbot.wait(20)
    assert dialog.grab().save(str(SHOTS / "inspection-start-co-inspectors.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.button_box.button(OK).click()
        settle(qtbot, page)
    inspection_id = page.run.inspection_id
    row = session.store.read().execute(
        "SELECT inspector_ids, campaign_id, kind FROM inspection WHERE id = ?", (inspection_id,)).fetchone()
    assert json.loads(row[0]) == [session.user.id, town["li"]]
    assert (row[1], row[2]) == (town["campaign"], "campaign")
    # the run's header names the inspectors and the campaign; so does the summary
    header = page.run.templates_label.text()
    assert "李晓明" in header and "九小场所消防安全专项整治" in header
    page.run.do_finish()
    settle(qtbot, page)
    summary = page.summary.body.text()
    assert "李晓明" in summary and "九小场所消防安全专项整治" in summary


def test_campaign_kind_without_campaign_and_errors_in_the_dialog(window, session, town, qtbot) -> None:
    page = open_page(window, qtbot)
    dialog = page.start_dialog(town["site"])
    dialog.set_kind("campaign")
    dialog.set_campaign(None)  # 专项整治 without a campaign: the service allows it
    assert dialog.start_input().campaign_id is None and dialog.start_input().kind == "campaign"
    dialog.set_inspector_checked(town["zhao"])
    users.set_active(session, "zhaoli", False)  # meanwhile the co-inspector leaves
    dialog.button_box.button(OK).click()
    settle(qtbot, page)
    assert dialog.isVisible() and dialog.error_banner.isVisible()
    assert "找不到在岗用户" in dialog.error_banner.text()
    assert get_inspection_count(session) == 0
    dialog.set_inspector_checked(town["zhao"], False)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.button_box.button(OK).click()
        settle(qtbot, page)
    data = get_inspection(session, page.run.inspection_id)
    assert (data["kind"], data["campaign_id"]) == ("campaign", None)
    assert [p["id"] for p in data["inspectors"]] == [session.user.id]
    # a kind other than 专项整治 never sends a campaign
    second = page.start_dialog(town["site"])
    assert second.start_input().campaign_id is None
    second.reject()


def get_inspection_count(session) -> int:
    return session.store.read().execute("SELECT count(*) FROM inspection WHERE deleted = 0").fetchone()[0]


def test_edit_a_checklist_hazard_level_with_a_reason(window, session, town, qtbot) -> None:
    page = open_page(window, qtbot)
    page.start(StartInput(site_id=town["site"], template_ids=["nine_small"], location="后厨"))
    settle(qtbot, page)
    run = page.run
    row = next(n for n, i in enumerate(run.model.items) if not i["major"])
    run.select_row(row)
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_E)  # no hazard yet: nothing to edit
    settle(qtbot, page)
    assert run.hazard_dialog is None and not run.edit_hazard_button.isEnabled()
    qtbot.keyClick(run.table, Qt.Key.Key_2)
    settle(qtbot, page)
    hazard_id = run.model.items[row]["hazard_id"]
    assert hazard_id and run.edit_hazard_button.isEnabled()
    assert run.model.data(run.model.index(row, 2)) == "一般隐患"
    assert run.hazard_label.isVisibleTo(run) and "一般隐患" in run.hazard_label.text()

    qtbot.keyClick(run.table, Qt.Key.Key_E)
    settle(qtbot, page)
    dialog = run.hazard_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.suggested_level == "general" and dialog.suggested_label.isVisibleTo(dialog)
    assert not dialog.level_reason_edit.isVisibleTo(dialog)  # the suggested level: no reason
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("major"))
    assert dialog.level_reason_edit.isVisibleTo(dialog)
    dialog.button_box.button(SAVE).click()  # without the reason: refused, nothing written
    settle(qtbot, page)
    assert dialog.isVisible() and dialog.error_banner.isVisible()
    assert "理由" in dialog.error_banner.text()
    assert "#d93025" in dialog.level_reason_edit.styleSheet()  # the field is marked
    assert hazards.get_hazard(session, hazard_id).level == "general"
    type_text(qtbot, dialog.level_reason_edit, "后厨与就餐区未分隔，液化气钢瓶超量存放")
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "hazard-level-reason.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.button_box.button(SAVE).click()
        settle(qtbot, page)

    saved = hazards.get_hazard(session, hazard_id)
    assert saved.level == "major"
    events = [e["data"] for e in hazards.hazard_events(session, hazard_id) if e["kind"] == "level_changed"]
    assert events == [{"level": "major", "reason": "后厨与就餐区未分隔，液化气钢瓶超量存放"}]
    link = session.store.read().execute("SELECT inspection_id FROM hazard WHERE id = ?", (hazard_id,)).fetchone()
    assert link[0] == run.inspection_id  # still the inspection's draft
    assert run.model.data(run.model.index(row, 2)) == "重大隐患"  # the row shows it
    assert "重大隐患" in run.hazard_label.text()

    # undo (Ctrl+Z) goes back to the suggested level; redo applies the reason again
    window.ctx.undo.undo()
    settle(qtbot, page)
    assert hazards.get_hazard(session, hazard_id).level == "general"
    assert run.model.data(run.model.index(row, 2)) == "一般隐患"
    window.ctx.undo.redo()
    settle(qtbot, page)
    assert hazards.get_hazard(session, hazard_id).level == "major"
    assert run.model.data(run.model.index(row, 2)) == "重大隐患"

    # Ctrl+E opens it again, with the reason given before (a shortcut needs the window
    # active again: under a real X server that lags the closing of the modal dialog)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    again = run.hazard_dialog
    assert again is not None and again.isVisible()
    assert again.level_reason_edit.text() == "后厨与就餐区未分隔，液化气钢瓶超量存放"
    again.reject()

    # the hazard's history (hazards page) shows the reason
    run.do_finish()
    settle(qtbot, page)
    window.go_to(HAZARDS_PAGE)
    window.hazards_page.select_id(hazard_id)
    qtbot.waitUntil(lambda: "液化气钢瓶超量存放" in window.hazards_page.detail.toPlainText(), timeout=3000)

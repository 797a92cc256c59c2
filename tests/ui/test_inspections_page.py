"""检查 page: start at a site, answer the checklist with 1/2/3/Enter, resume, finish, summary."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.services import hazards, sites
from inspector_app.services.inspection_views import get_inspection, list_inspections
from inspector_app.services.inspections import StartInput
from inspector_app.ui.main_window import INSPECTIONS, MainWindow
from inspector_app.ui.pages.inspections import InspectionsPage
from inspector_app.ui.qt import QDialogButtonBox, QMessageBox, Qt
from tests.ui.helpers import activate, settle

pytestmark = pytest.mark.ui

KEYS = {"ok": Qt.Key.Key_1, "hazard": Qt.Key.Key_2, "na": Qt.Key.Key_3}


@pytest.fixture
def site_id(session) -> str:
    sites.add_site(session, SiteInput(name="青石镇五金店", address="文化路 3 号", sectors=("gas",)))
    return sites.add_site(session, SiteInput(name="老王小吃店", address="文化路 12 号",
                                             sectors=("nine_small",))).id


def open_page(window, qtbot) -> InspectionsPage:
    window.go_to(INSPECTIONS)
    page = window.current_page()
    assert isinstance(page, InspectionsPage)
    window.activateWindow()
    qtbot.waitActive(window)
    return page


def start_through_dialog(page: InspectionsPage, qtbot) -> str:
    dialog = page.start_dialog()
    assert dialog.isVisible()
    assert not dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.site_combo.setCurrentIndex(dialog.site_combo.findText("老王小吃店"))
    checked = [dialog.template_list.item(i).text() for i in range(dialog.template_list.count())
               if dialog.template_list.item(i).checkState() == Qt.CheckState.Checked]
    assert len(checked) == 1 and checked[0].startswith("九小场所消防安全检查表")
    dialog.location_edit.setText("后厨")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
        settle(qtbot, page)
    assert page.right.currentWidget() is page.run
    return page.run.inspection_id


def press(qtbot, page: InspectionsPage, key) -> None:
    page.run.table.setFocus()
    qtbot.keyClick(page.run.table, key)
    settle(qtbot, page)  # the answer is written off the GUI thread


def items(session, inspection_id: str) -> list[dict]:
    return [i for t in get_inspection(session, inspection_id)["templates"] for i in t["items"]]


def test_run_a_checklist_with_the_keys(window, session, site_id, qtbot) -> None:
    page = open_page(window, qtbot)
    inspection_id = start_through_dialog(page, qtbot)
    data = get_inspection(session, inspection_id)
    assert data["site_id"] == site_id and data["location"] == "后厨"
    assert [t["code"] for t in data["templates"]] == ["nine_small"]
    total = len(items(session, inspection_id))
    assert page.run.progress_label.text().endswith(f"0 / {total}")

    # 1 and 3 move on by themselves; 2 stays on its item until Enter
    press(qtbot, page, KEYS["ok"])                     # item 0 ok
    press(qtbot, page, KEYS["hazard"])                 # item 1 hazard
    assert page.run.current_row() == 1
    press(qtbot, page, Qt.Key.Key_N)
    assert page.run.note_edit.hasFocus() or window.focusWidget() is page.run.note_edit
    qtbot.keyClicks(page.run.note_edit, "beds in the loft")
    qtbot.keyClick(page.run.note_edit, Qt.Key.Key_Return)  # saves the note, back to the table
    settle(qtbot, page)
    press(qtbot, page, Qt.Key.Key_Return)              # next item
    press(qtbot, page, KEYS["na"])                     # item 2 na
    press(qtbot, page, Qt.Key.Key_Return)              # skip item 3
    press(qtbot, page, KEYS["hazard"])                 # item 4 hazard
    press(qtbot, page, Qt.Key.Key_Return)
    press(qtbot, page, KEYS["ok"])                     # item 5 ok

    got = items(session, inspection_id)
    assert [i["result"] for i in got[:6]] == ["ok", "hazard", "na", None, "hazard", "ok"]
    assert all(i["result"] is None for i in got[6:])
    assert got[1]["note"] == "beds in the loft"
    assert page.run.progress_label.text().endswith(f"5 / {total}")
    assert page.run.model.index(1, 2).data(Qt.ItemDataRole.BackgroundRole) is not None

    drafts = {h["id"]: h for h in get_inspection(session, inspection_id)["hazards"]}
    assert all(i["hazard_id"] for i in (got[1], got[4]))
    assert set(drafts) == {got[1]["hazard_id"], got[4]["hazard_id"]}
    assert {h["status"] for h in drafts.values()} == {"draft"}
    assert "beds in the loft" in drafts[got[1]["hazard_id"]]["description"]
    for item in (got[1], got[4]):
        assert drafts[item["hazard_id"]]["level"] == ("major" if item["major"] else "general")
    assert window.statusBar().currentMessage()  # the draft-hazard notice

    # changing a hazard answer to ok drops its draft
    page.run.select_row(4)
    press(qtbot, page, KEYS["ok"])
    assert [h["id"] for h in get_inspection(session, inspection_id)["hazards"]] == [got[1]["hazard_id"]]
    page.run.select_row(4)
    press(qtbot, page, KEYS["hazard"])

    # Ctrl+Enter with unchecked items asks first
    activate(qtbot, window)
    qtbot.keyClick(page.run.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    box = page.run.confirm_box
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(page.run.finished, timeout=2000):
        box.button(QMessageBox.StandardButton.Yes).click()
        settle(qtbot, page)
    assert page.right.currentWidget() is page.summary
    summary = page.summary.summary
    assert (summary["items_checked"], summary["ok"], summary["hazard"], summary["na"]) == (5, 2, 2, 1)
    assert summary["unchecked"] == total - 5
    assert summary["hazards"] == 2
    assert sum(summary["hazards_by_level"].values()) == 2
    assert "5 / " in page.summary.body.text()

    data = get_inspection(session, inspection_id)
    assert data["status"] == "finished"
    assert {h["status"] for h in data["hazards"]} == {"open"}
    answered_2 = {i["hazard_id"] for i in items(session, inspection_id) if i["result"] == "hazard"}
    assert {h["id"] for h in data["hazards"]} == answered_2 and len(answered_2) == 2
    assert len(hazards.list_hazard_ids(session, hazards.HazardFilter(site_id=site_id))) == 2
    assert page.in_progress_ids() == []


def test_resume_after_reopening_the_window(window, ctx, session, site_id, qtbot) -> None:
    page = open_page(window, qtbot)
    inspection_id = start_through_dialog(page, qtbot)
    press(qtbot, page, KEYS["ok"])
    press(qtbot, page, KEYS["na"])
    window.close()

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    page = open_page(again, qtbot)
    assert page.in_progress_ids() == [inspection_id]
    assert page.right.currentWidget() is page.empty
    page.resume_list.setFocus()
    page.resume_list.setCurrentRow(0)
    qtbot.keyClick(page.resume_list, Qt.Key.Key_Return)
    assert page.right.currentWidget() is page.run
    assert page.run.inspection_id == inspection_id
    assert page.run.current_row() == 2  # the first unanswered item
    assert page.run.model.items[0]["result"] == "ok" and page.run.model.items[1]["result"] == "na"
    press(qtbot, page, KEYS["hazard"])
    assert items(session, inspection_id)[2]["result"] == "hazard"
    assert [r["id"] for r in list_inspections(session, status="in_progress", mine=True)] == [inspection_id]


def test_finish_everything_without_a_question(window, session, site_id, qtbot) -> None:
    page = open_page(window, qtbot)
    started = page.start(StartInput(site_id=site_id))
    settle(qtbot, page)
    inspection_id = started.result.id
    total = page.run.model.rowCount()
    press(qtbot, page, KEYS["hazard"])
    press(qtbot, page, Qt.Key.Key_Return)  # a hazard stays on its item until Enter
    for _ in range(total - 1):
        press(qtbot, page, KEYS["ok"])
    assert page.run.progress_label.text().endswith(f"{total} / {total}")
    with qtbot.waitSignal(page.run.finished, timeout=2000):
        qtbot.keyClick(page.run.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, page)
    assert page.run.confirm_box is None
    summary = page.summary.summary
    assert (summary["items_checked"], summary["ok"], summary["hazard"], summary["unchecked"]) == (
        total, total - 1, 1, 0)
    assert get_inspection(session, inspection_id)["status"] == "finished"


def test_screenshot_of_a_run(window, session, site_id, qtbot) -> None:
    from pathlib import Path

    window.resize(1366, 768)
    page = open_page(window, qtbot)
    start_through_dialog(page, qtbot)
    for key in (KEYS["ok"], KEYS["ok"], KEYS["hazard"], Qt.Key.Key_Return, KEYS["na"], KEYS["ok"]):
        press(qtbot, page, key)
    qtbot.wait(50)
    out = Path("/tmp/ui-shots")
    out.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(out / "inspection-run.png"))


def test_ctrl_shift_i_opens_the_start_dialog_with_a_site(window, site_id, qtbot) -> None:
    page = open_page(window, qtbot)
    page.resume_list.setFocus()
    qtbot.keyClick(page.resume_list, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=2000)  # a button shortcut animates
    dialog = page.dialog
    assert dialog.isVisible()
    dialog.set_site(site_id)
    assert dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.start_input().site_id == site_id and dialog.start_input().kind == "patrol"
    dialog.reject()

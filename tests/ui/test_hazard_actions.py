"""Hazard lifecycle actions from the hazard page: notice, report, re-check, roles, refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inspector_app.core.deadlines import deadline
from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, rectification, sites, users
from inspector_app.services.lifecycle_common import calendar_of
from inspector_app.services.session import load_user
from inspector_app.ui.dialogs import hazard_actions as ha
from inspector_app.ui.qt import QDate
from tests.helpers import secure_admin
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")


def add_hazard(session, level: str = "general", site: str = "好运来面馆", grid: str | None = None) -> str:
    site_id = sites.add_site(session, SiteInput(name=site, grid=grid)).id
    return hazards.add_hazard(session, HazardInput(
        site_id=site_id, description="灭火器过期未更换", deadline_days=7, found_on="2026-09-20",
        level=level)).id


def open_hazard(window, hazard_id: str):
    window.open_record("hazard", hazard_id)
    page = window.hazards_page
    assert page.current_id() == hazard_id
    return page


def enabled(page) -> set[str]:
    return {code for code, item in page.action_items.items() if item.isVisible() and item.isEnabled()}


def test_notice_report_recheck_close(window, session, qtbot) -> None:
    hazard_id = add_hazard(session)
    page = open_hazard(window, hazard_id)
    assert {"notify", "fix_on_spot", "five"} <= enabled(page)
    assert not ({"report_done", "recheck", "reopen"} & enabled(page))
    assert "送达" in page.detail.toPlainText() or "Serve" in page.detail.toPlainText()

    dialog = page.open_action(ha.NOTIFY)
    dialog.date_edit.setDate(QDate(2026, 9, 25))
    assert not dialog.hint_label.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.ok_button.click()
        settle(qtbot, window)
    row = hazards.get_hazard(session, hazard_id)
    due = deadline(date(2026, 9, 25), 7, calendar=calendar_of(session)).due.isoformat()
    assert (row.status, row.served_on, row.due_date) == ("notified", "2026-09-25", due)
    assert "整改中" in page.detail.toPlainText()  # the detail pane refreshed
    assert {"report_done", "recheck"} <= enabled(page) and "notify" not in enabled(page)

    dialog = page.open_action(ha.REPORT_DONE)
    type_text(qtbot, dialog.note_edit, "已更换灭火器")
    dialog.ok_button.click()
    settle(qtbot, window)
    assert hazards.get_hazard(session, hazard_id).status == "awaiting_recheck"

    dialog = page.open_action(ha.RECHECK)
    assert dialog.passed_radio.isChecked() and not dialog.days_spin.isEnabled()
    type_text(qtbot, dialog.opinion_edit, "已整改到位")
    dialog.ok_button.click()
    settle(qtbot, window)
    row = hazards.get_hazard(session, hazard_id)
    assert (row.status, row.closed_on) == ("closed", "2026-09-28")
    text = page.detail.toPlainText()
    assert "复查通过" in text and "已销号" in text
    assert enabled(page) == {"reopen"}


def test_failed_recheck_sets_a_new_deadline(window, session, qtbot) -> None:
    hazard_id = add_hazard(session)
    rectification.notify(session, hazard_id, served_on="2026-09-25")
    rectification.report_done(session, hazard_id)
    page = open_hazard(window, hazard_id)
    dialog = page.open_action(ha.RECHECK)
    dialog.failed_radio.setChecked(True)
    assert dialog.days_spin.isEnabled()
    dialog.days_spin.setValue(5)
    dialog.working_check.setChecked(False)
    type_text(qtbot, dialog.opinion_edit, "灭火器仍未更换")
    dialog.ok_button.click()
    settle(qtbot, window)
    expected = deadline(date(2026, 9, 28), 5, calendar=calendar_of(session)).due.isoformat()
    row = hazards.get_hazard(session, hazard_id)
    assert (row.status, row.due_date, row.deadline_days) == ("notified", expected, 5)
    assert "复查未通过" in page.detail.toPlainText()


def test_inspector_does_not_get_supervisor_actions(window, session) -> None:
    users.add_grid(session, "一网格")
    secure_admin(session)  # users are added once the admin has a password
    users.add_user(session, "zhang", "张三", "inspector", grids=["一网格"])
    general = add_hazard(session, grid="一网格")
    rectification.notify(session, general, served_on="2026-09-25")
    admin = session.user
    session.user = load_user(session.store, "zhang")
    try:
        major = add_hazard(session, "major", site="大华化工", grid="一网格")  # level unconfirmed
        page = open_hazard(window, general)
        items = page.action_items
        for code in ha.SUPERVISOR_ONLY:
            assert not items[code].isVisible() and not items[code].isEnabled(), code
        assert {"report_done", "recheck"} <= enabled(page)
        assert "延期" not in page.detail.toPlainText()
        d = hazards.hazard_details(session, major)
        avail = ha.available_actions(session.user, d)
        assert not avail["confirm_level"].visible and not avail["escalate"].visible
        assert avail["notify"].enabled  # shown; the service names what is missing
        page = open_hazard(window, major)
        dialog = page.open_action(ha.NOTIFY)
        assert dialog.hint_label.isVisibleTo(dialog)
        assert "监管人员确认" in dialog.hint_label.text() or "supervisor" in dialog.hint_label.text()
        assert "责任人" in dialog.hint_label.text()
        dialog.reject()
    finally:
        session.user = admin
    page = open_hazard(window, general)
    assert {"extend", "escalate"} <= enabled(page)


def test_refusal_is_shown_and_nothing_changes(window, session, qtbot) -> None:
    hazard_id = add_hazard(session)
    page = open_hazard(window, hazard_id)
    dialog = page.open_action(ha.NOTIFY)
    rectification.notify(session, hazard_id, served_on="2026-09-21")  # meanwhile (another window)
    before = hazards.hazard_details(session, hazard_id)
    dialog.date_edit.setDate(QDate(2026, 9, 26))
    dialog.ok_button.click()
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.error_banner.isVisibleTo(dialog)
    assert "不能执行" in dialog.error_banner.text()
    after = hazards.hazard_details(session, hazard_id)
    assert len(after["events"]) == len(before["events"]) and after["served_on"] == "2026-09-21"
    dialog.reject()

    dialog = page.open_action(ha.RECHECK)  # no opinion: refused, input kept
    dialog.failed_radio.setChecked(True)
    dialog.days_spin.setValue(9)
    dialog.ok_button.click()
    settle(qtbot, window)
    assert dialog.isVisible() and "复查意见" in dialog.error_banner.text()
    assert dialog.days_spin.value() == 9 and dialog.failed_radio.isChecked()
    assert hazards.get_hazard(session, hazard_id).status == "notified"
    dialog.reject()


def test_supervisor_actions_and_five_implementations(window, session, qtbot) -> None:
    secure_admin(session)  # users are added once the admin has a password
    users.add_user(session, "zhang", "张三", "inspector")
    admin, session.user = session.user, load_user(session.store, "zhang")
    hazard_id = add_hazard(session, "major")  # an inspector's major hazard awaits confirmation
    session.user = admin
    page = open_hazard(window, hazard_id)
    assert {"confirm_level", "five", "list"} <= enabled(page)
    dialog = page.open_action(ha.CONFIRM_LEVEL)
    dialog.ok_button.click()
    settle(qtbot, window)
    assert hazards.hazard_details(session, hazard_id)["level_confirmed"]
    assert "confirm_level" not in enabled(page)
    dialog = page.open_action(ha.FIVE)
    dialog.five_edits["responsible_person"].setText("王五")
    dialog.five_edits["funds_amount"].setText("abc")
    dialog.ok_button.click()
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.error_banner.isVisibleTo(dialog)
    dialog.five_edits["funds_amount"].setText("5000")
    dialog.ok_button.click()
    settle(qtbot, window)
    d = hazards.hazard_details(session, hazard_id)
    assert (d["responsible_person"], d["funds_amount"]) == ("王五", 5000)
    dialog = page.open_action(ha.ESCALATE)
    dialog.step_combo.setCurrentIndex(dialog.step_combo.findData("investigation"))
    type_text(qtbot, dialog.reason_edit, "逾期未改")
    dialog.ok_button.click()
    settle(qtbot, window)
    assert hazards.get_hazard(session, hazard_id).escalation == "investigation"
    text = page.detail.toPlainText()  # English until the lead merges /tmp/tr-actions.json
    assert "提级调查" in text or "Investigation taken up a level" in text
    assert "逾期未改" in text


def test_screenshots(window, session, qtbot) -> None:
    hazard_id = add_hazard(session)
    rectification.notify(session, hazard_id, served_on="2026-09-25")
    rectification.report_done(session, hazard_id)
    window.resize(1280, 760)
    page = open_hazard(window, hazard_id)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "hazard-actions-page.png"))
    menu = page.process_menu
    menu.popup(page.process_button.mapToGlobal(page.process_button.rect().bottomLeft()))
    qtbot.waitExposed(menu)
    assert menu.grab().save(str(SHOTS / "hazard-actions-menu.png"))
    menu.close()
    dialog = page.open_action(ha.RECHECK)
    dialog.failed_radio.setChecked(True)
    type_text(qtbot, dialog.opinion_edit, "灭火器仍未更换")
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SHOTS / "hazard-actions-recheck.png"))
    dialog.reject()


def test_fix_on_the_spot_with_an_after_photo(window, session, qtbot, tmp_path) -> None:
    from PIL import Image

    from inspector_app.services import photos as photo_service

    hazard_id = add_hazard(session)
    page = open_hazard(window, hazard_id)
    dialog = page.open_action(ha.FIX_ON_SPOT)
    assert dialog.after_photo_count() == 0
    type_text(qtbot, dialog.note_edit, "当场更换灭火器")
    dialog.ok_button.click()  # no after photo yet: refused, the note stays
    settle(qtbot, window)
    assert dialog.isVisible() and "整改后照片" in dialog.error_banner.text()
    assert dialog.note_edit.toPlainText() == "当场更换灭火器"
    photo = tmp_path / "整改后.jpg"
    Image.new("RGB", (160, 120), (40, 160, 60)).save(photo, quality=90)
    with qtbot.waitSignal(dialog.photos_imported, timeout=60000):
        assert dialog.import_after_photos([str(photo)]) is not None
    assert dialog.after_photo_count() == 1
    assert "1" in dialog.photo_label.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "fix-on-spot-after-photo.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.ok_button.click()
        settle(qtbot, window)
    row = hazards.get_hazard(session, hazard_id)
    assert (row.status, row.closed_on) == ("closed", "2026-09-28")
    linked = photo_service.photos_of_hazard(session, hazard_id)
    assert [p["phase"] for p in linked] == ["after"]
    assert page.photo_strip.model.rowCount() == 1

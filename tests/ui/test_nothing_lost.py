"""Nothing is lost silently: deletes ask first, closed hazards stay closed, typed forms ask
before they are thrown away, impossible dates are refused in place."""

from __future__ import annotations

import pytest

from inspector_app.core import hazard_status as hs
from inspector_app.core.errors import IllegalTransition
from inspector_app.services import hazards, sites
from inspector_app.ui.main_window import HAZARDS_PAGE, SITES_PAGE
from inspector_app.ui.qt import QDialogButtonBox, QMessageBox, Qt
from tests.ui.helpers import add_hazards, add_sites, gone, settle, type_text

pytestmark = pytest.mark.ui

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
SAVE = QDialogButtonBox.StandardButton.Save


def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    box.button(button).click()


def test_deleting_a_hazard_asks_first_naming_it(window, session) -> None:
    (site_id,) = add_sites(session, 1)
    (hazard_id,) = add_hazards(session, site_id, 1)
    window.open_record("hazard", hazard_id)
    window.delete_current()
    page = window.hazards_page
    box = page.delete_box
    assert box is not None and "消防通道堵塞" in box.text() and "测试场所000" in box.text()
    assert box.defaultButton() is box.button(NO)
    answer(box, NO)
    settle(None, window)
    assert [h.id for h in hazards.list_hazards(session)] == [hazard_id]  # No keeps it
    window.delete_current()
    answer(page.delete_box, YES)
    settle(None, window)
    assert hazards.list_hazards(session) == []


def test_deleting_a_site_says_how_many_hazards_go_with_it(window, session) -> None:
    (site_id,) = add_sites(session, 1)
    add_hazards(session, site_id, 3)
    window.go_to(SITES_PAGE)
    window.sites_page.select_id(site_id)
    window.delete_current()
    box = window.sites_page.delete_box
    assert "测试场所000" in box.text() and "3 条隐患" in box.text()
    answer(box, NO)
    settle(None, window)
    assert sites.list_sites(session)
    window.delete_current()
    answer(window.sites_page.delete_box, YES)
    settle(None, window)
    assert sites.list_sites(session) == [] and hazards.list_hazards(session) == []


def _close(session, hazard_id: str) -> None:
    hazards.transition(session, hazard_id, hs.EventKind.FIXED_ON_SPOT, {"on": "2026-09-20"})
    assert hazards.get_hazard(session, hazard_id).status == hs.CLOSED


def test_a_closed_hazard_refuses_edits_in_the_service(session) -> None:
    (site_id,) = add_sites(session, 1)
    (hazard_id,) = add_hazards(session, site_id, 1)
    _close(session, hazard_id)
    data = hazards.hazard_input_of(hazards.get_hazard(session, hazard_id))
    with pytest.raises(IllegalTransition) as caught:
        hazards.update_hazard(session, hazard_id, data)
    assert "销号" in caught.value.message("zh")


def test_undo_after_closing_is_refused_with_the_reason(window, ctx, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    (hazard_id,) = add_hazards(session, site_id, 1)
    window.open_record("hazard", hazard_id)
    dialog = window.edit_current()
    dialog.description_edit.setPlainText("改过的描述")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    _close(session, hazard_id)
    with qtbot.waitSignal(ctx.events.error, timeout=2000) as error:
        window.act_undo.trigger()
    assert "已销号" in error.args[0]
    row = hazards.get_hazard(session, hazard_id)
    assert (row.description, row.status) == ("改过的描述", hs.CLOSED)
    assert ctx.undo.count() == 0 or not ctx.undo.canUndo()  # the entry left the stack


def test_undoing_the_record_of_a_closed_hazard_is_refused(window, ctx, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    window.go_to(HAZARDS_PAGE)
    dialog = window.hazards_page.add_record(site_id)
    type_text(qtbot, dialog.description_edit, "灭火器过期")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    (row,) = hazards.list_hazards(session)
    _close(session, row.id)
    with qtbot.waitSignal(ctx.events.error, timeout=2000):
        window.act_undo.trigger()
    assert [h.id for h in hazards.list_hazards(session)] == [row.id]


# --------------------------------------------------------------------------- forms
def test_esc_on_a_typed_hazard_form_asks_before_discarding(window, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    dialog = window.hazards_page.add_record(site_id)
    qtbot.waitExposed(dialog)
    dialog.reject()  # nothing typed: closes at once
    assert gone(dialog)
    dialog = window.hazards_page.add_record(site_id)
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.description_edit, "灭火器过期")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.text() == "放弃未保存的内容？" and dialog.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()  # keep editing
    assert dialog.isVisible() and dialog.description_edit.toPlainText() == "灭火器过期"
    dialog.close()  # the title bar's close button asks too
    box = dialog.discard_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Discard).click()
    settle(qtbot, window)
    assert gone(dialog)
    assert hazards.list_hazards(session) == []


def test_a_typed_site_form_asks_too(window, session, qtbot) -> None:
    window.go_to(SITES_PAGE)
    dialog = window.sites_page.add_record()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.name_edit, "好运来面馆")
    dialog.reject()
    assert dialog.discard_box is not None and dialog.isVisible()
    dialog.discard_box.button(QMessageBox.StandardButton.Discard).click()
    settle(qtbot, window)
    assert gone(dialog) and sites.list_sites(session) == []


def test_an_edit_form_left_unchanged_closes_without_asking(window, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    (hazard_id,) = add_hazards(session, site_id, 1)
    window.open_record("hazard", hazard_id)
    dialog = window.edit_current()
    qtbot.waitExposed(dialog)
    dialog.reject()
    assert dialog.discard_box is None and not dialog.isVisible()


# --------------------------------------------------------------------------- dates
def _type_date(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.setCurrentSection(edit.Section.YearSection)
    qtbot.keyClicks(edit, text)


def test_an_impossible_found_date_is_refused_in_place(window, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    dialog = window.hazards_page.add_record(site_id)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    type_text(qtbot, dialog.description_edit, "灭火器过期")
    _type_date(qtbot, dialog.found_date, "2026-02-30")
    assert dialog.found_date.lineEdit().text() == "2026-02-30"  # not 2026-02-03
    assert "2026-02-30" in dialog.error_banner.text() and dialog.error_banner.isVisible()
    dialog.description_edit.setFocus()  # leaving the field keeps the text to correct
    assert dialog.found_date.lineEdit().text() == "2026-02-30"
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert dialog.isVisible() and hazards.list_hazards(session) == []
    assert "不是有效日期" in dialog.error_banner.text()
    _type_date(qtbot, dialog.found_date, "2026-02-28")
    assert not dialog.error_banner.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.button_box.button(SAVE).click()
        settle(qtbot, window)
    (row,) = hazards.list_hazards(session)
    assert row.found_on == "2026-02-28"

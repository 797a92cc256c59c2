"""Sites: add and edit through the dialog, delete with undo, filters, the detail pane."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.services import sites
from inspector_app.services.sites import SiteFilter
from inspector_app.ui.main_window import SITES_PAGE
from inspector_app.ui.qt import QApplication, QDialogButtonBox, Qt
from tests.ui.helpers import add_hazards, gone, settle, type_text

pytestmark = pytest.mark.ui

SAVE = QDialogButtonBox.StandardButton.Save


def names(session) -> list[str]:
    return [r.name for r in sites.list_sites(session)]


def test_add_site_through_the_dialog(window, session, qtbot) -> None:
    dialog = window.new_site()
    assert dialog.isVisible() and window.stack.currentIndex() == SITES_PAGE
    type_text(qtbot, dialog.name_edit, "老王烧烤店")
    type_text(qtbot, dialog.address_edit, "青石镇文化路 12 号")
    type_text(qtbot, dialog.contact_edit, "王建国")
    type_text(qtbot, dialog.phone_edit, "13800138000")
    dialog.sector_checks["gas"].setChecked(True)
    dialog.risk_combo.setCurrentIndex(dialog.risk_combo.findData("orange"))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.button_box.button(SAVE), Qt.MouseButton.LeftButton)

    (row,) = sites.list_sites(session)
    assert (row.name, row.address, row.contact, row.sectors, row.risk_colour) == (
        "老王烧烤店", "青石镇文化路 12 号", "王建国", ("gas",), "orange")
    page = window.sites_page
    assert page.model.ids == [row.id]
    assert page.current_id() == row.id
    assert page.model.index(0, 0).data() == "老王烧烤店"
    assert "老王烧烤店" in page.detail.toPlainText()
    assert page.count_label.text() == "共 1 个场所"


def test_uscc_in_lower_case_with_spaces_is_accepted(window, session, qtbot) -> None:
    dialog = window.new_site()
    type_text(qtbot, dialog.name_edit, "某某五金店")
    type_text(qtbot, dialog.uscc_edit, "9133 0100 7996 5505 8b")
    assert dialog.uscc_status.text().startswith("✓ 校验通过")
    assert "91330100799655058B" in dialog.uscc_status.text()
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert gone(dialog)
    (row,) = sites.list_sites(session)
    assert (row.uscc, row.uscc_ok) == ("91330100799655058B", True)
    assert "✓" in window.sites_page.detail.toPlainText()


def test_bad_uscc_warns_but_never_blocks(window, session, qtbot) -> None:
    dialog = window.new_site()
    type_text(qtbot, dialog.name_edit, "小卖部")
    type_text(qtbot, dialog.uscc_edit, "91330100799655058C")
    assert "校验位不符" in dialog.uscc_status.text()
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert gone(dialog)
    (row,) = sites.list_sites(session)
    assert row.uscc_ok is False
    assert "可能有误" in window.statusBar().currentMessage()
    assert "⚠" in window.sites_page.detail.toPlainText()


def test_overlong_name_is_explained_and_nothing_typed_is_lost(window, session, qtbot) -> None:
    dialog = window.new_site()
    long_name = "很长的名字" * 50  # 250 characters, the limit is 200
    dialog.name_edit.setText(long_name)
    type_text(qtbot, dialog.address_edit, "青石镇")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert dialog.isVisible()
    assert dialog.error_banner.isVisible()
    assert "太长" in dialog.error_banner.text() and "200" in dialog.error_banner.text()
    assert dialog.name_edit.text() == long_name and dialog.address_edit.text() == "青石镇"
    assert dialog.focusWidget() is dialog.name_edit
    assert sites.list_sites(session) == []
    dialog.name_edit.setText("正常名字")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert gone(dialog) and names(session) == ["正常名字"]


def test_empty_name_and_bad_coordinates_are_refused(window, session, qtbot) -> None:
    dialog = window.new_site()
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert dialog.isVisible() and "名称" in dialog.error_banner.text()
    type_text(qtbot, dialog.name_edit, "林区")
    type_text(qtbot, dialog.lat_edit, "北纬30度")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert dialog.isVisible() and "纬度" in dialog.error_banner.text()
    assert sites.list_sites(session) == []
    dialog.reject()


def test_edit_then_undo_and_redo(window, ctx, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="旧名字", address="旧地址")).id
    window.go_to(SITES_PAGE)
    window.sites_page.reload()
    assert window.sites_page.select_id(site_id)
    dialog = window.edit_current()
    assert dialog.name_edit.text() == "旧名字"
    dialog.name_edit.clear()
    type_text(qtbot, dialog.name_edit, "新名字")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert names(session) == ["新名字"]
    assert window.sites_page.model.index(0, 0).data() == "新名字"
    assert window.act_undo.text().startswith("撤销")
    window.act_undo.trigger()
    settle(qtbot, window)
    assert names(session) == ["旧名字"]
    assert window.sites_page.model.index(0, 0).data() == "旧名字"
    window.act_redo.trigger()
    settle(qtbot, window)
    assert names(session) == ["新名字"]


def test_delete_then_ctrl_z_restores(window, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="要删除的场所")).id
    window.go_to(SITES_PAGE)
    page = window.sites_page
    page.reload()
    page.select_id(site_id)
    page.table.setFocus()
    qtbot.waitActive(window)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert names(session) == ["要删除的场所"]  # asks first
    page.delete_box.button(page.delete_box.StandardButton.Yes).click()
    settle(qtbot, window)
    window.activateWindow()  # the box closed: the window manager activates the window again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert names(session) == []
    assert page.model.rowCount() == 0
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert names(session) == ["要删除的场所"]
    assert page.model.ids == [site_id]
    qtbot.keyClick(page.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert names(session) == []
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    qtbot.keyClick(page.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert names(session) == []


def test_filters_narrow_the_list(window, session, qtbot) -> None:
    sites.add_site(session, SiteInput(name="红星饭店", risk_colour="red", sectors=["gas"]))
    sites.add_site(session, SiteInput(name="蓝天网吧", risk_colour="blue"))
    window.go_to(SITES_PAGE)
    page = window.sites_page
    page.reload()
    assert page.model.rowCount() == 2
    page.risk_combo.setCurrentIndex(page.risk_combo.findData("red"))
    assert [page.model.index(i, 0).data() for i in range(page.model.rowCount())] == ["红星饭店"]
    page.clear_filters()
    assert page.model.rowCount() == 2
    type_text(qtbot, page.search_edit, "网吧")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.index(0, 0).data() == "蓝天网吧"
    assert page.model.filter == SiteFilter(text="网吧")


def test_site_detail_lists_open_hazards(window, session) -> None:
    site_id = sites.add_site(session, SiteInput(name="危险仓库")).id
    add_hazards(session, site_id, 2)
    window.open_record("site", site_id)
    text = window.sites_page.detail.toPlainText()
    assert "未销号隐患（2）" in text and "消防通道堵塞" in text


def test_delete_key_in_a_text_box_edits_text_not_records(window, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="留着的场所")).id
    window.go_to(SITES_PAGE)
    page = window.sites_page
    page.select_id(site_id)
    qtbot.waitActive(window)
    page.search_edit.setText("ab")
    page.search_edit.setFocus()
    page.search_edit.setCursorPosition(0)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert page.search_edit.text() == "b"
    assert names(session) == ["留着的场所"]


def test_detail_link_opens_the_hazard(window, session) -> None:
    site_id = sites.add_site(session, SiteInput(name="危险仓库")).id
    (hazard_id,) = add_hazards(session, site_id, 1)
    window.open_record("site", site_id)
    window.sites_page.detail.link_activated.emit("hazard", hazard_id)  # what a click on it sends
    assert window.stack.currentIndex() == 3
    assert window.hazards_page.current_id() == hazard_id

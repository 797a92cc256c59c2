"""Hazards: record through the dialog, lazy paging over thousands, sorting, overdue marks."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, rectification, sites
from inspector_app.services.changes import HAZARDS, Changes
from inspector_app.services.hazards import HazardFilter
from inspector_app.ui import labels
from inspector_app.ui.main_window import HAZARDS_PAGE, SITES_PAGE
from inspector_app.ui.models import HazardTableModel
from inspector_app.ui.qt import QDialogButtonBox, Qt
from tests.ui.helpers import add_hazards, add_sites, settle, type_text

pytestmark = pytest.mark.ui

SAVE = QDialogButtonBox.StandardButton.Save


def column(model, key: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.key == key)


def test_record_hazard_through_the_dialog(window, session, qtbot) -> None:
    sites.add_site(session, SiteInput(name="甲乙丙饭店"))
    site_id = sites.add_site(session, SiteInput(name="好运来面馆")).id
    dialog = window.new_hazard()
    assert window.stack.currentIndex() == HAZARDS_PAGE
    type_text(qtbot, dialog.site_picker.lineEdit(), "好运来面馆")
    type_text(qtbot, dialog.description_edit, "后厨液化气钢瓶未设置泄漏报警")
    type_text(qtbot, dialog.location_edit, "后厨")
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("major"))
    dialog.days_spin.setValue(3)
    dialog.factor_combo.setCurrentIndex(dialog.factor_combo.findData("机"))
    assert "到期日" in dialog.due_label.text()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.button_box.button(SAVE).click()
        settle(qtbot, window)
    (row,) = hazards.list_hazards(session)
    assert (row.site_id, row.description, row.location, row.level, row.deadline_days, row.factor) == (
        site_id, "后厨液化气钢瓶未设置泄漏报警", "后厨", "major", 3, "机")
    page = window.hazards_page
    assert page.current_id() == row.id
    assert "登记隐患" in page.detail.toPlainText()  # the event history
    assert window.counts_label.text().startswith("场所 2 · 隐患 1")


def test_hazard_needs_a_site_from_the_list(window, session, qtbot) -> None:
    sites.add_site(session, SiteInput(name="好运来面馆"))
    dialog = window.new_hazard()
    type_text(qtbot, dialog.site_picker.lineEdit(), "不存在的场所")
    type_text(qtbot, dialog.description_edit, "隐患")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert dialog.isVisible() and "选择场所" in dialog.error_banner.text()
    assert hazards.list_hazards(session) == []
    dialog.reject()


def test_record_hazard_from_the_selected_site(window, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="好运来面馆")).id
    window.go_to(SITES_PAGE)
    window.sites_page.select_id(site_id)
    dialog = window.new_hazard()
    assert dialog.site_picker.site_id() == site_id
    dialog.description_edit.setPlainText("灭火器过期")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert [h.site_id for h in hazards.list_hazards(session)] == [site_id]
    assert "未销号隐患（1）" in window.sites_page.detail.toPlainText()


def test_edit_and_delete_hazard_with_undo(window, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    (hazard_id,) = add_hazards(session, site_id, 1)
    window.open_record("hazard", hazard_id)
    dialog = window.edit_current()
    assert not dialog.site_picker.isEnabled()
    dialog.description_edit.setPlainText("改过的描述")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert hazards.get_hazard(session, hazard_id).description == "改过的描述"
    window.delete_current()
    window.hazards_page.delete_box.button(window.hazards_page.delete_box.StandardButton.Yes).click()
    settle(qtbot, window)
    assert hazards.list_hazards(session) == []
    window.act_undo.trigger()
    settle(qtbot, window)
    assert [h.id for h in hazards.list_hazards(session)] == [hazard_id]
    window.act_undo.trigger()
    settle(qtbot, window)
    assert hazards.get_hazard(session, hazard_id).description != "改过的描述"


def test_model_fetches_rows_lazily(window, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    add_hazards(session, site_id, 2000)
    window.go_to(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    model = page.model
    qtbot.waitUntil(lambda: model.cached_rows > 0, timeout=2000)  # the view painted
    assert model.rowCount() == 2000
    assert model.cached_rows <= model.PAGE < 2000 // 5
    assert model.fetches <= 2
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.cached_rows > model.PAGE, timeout=2000)
    assert model.cached_rows <= 2 * model.PAGE  # the first and the last page, nothing between
    assert model.index(1999, 0).data()


def test_sorting_by_due_date(ctx, session) -> None:
    (site_id,) = add_sites(session, 1)
    add_hazards(session, site_id, 40)
    model = HazardTableModel(ctx)
    model.reload()
    due = column(model, "due_date")
    model.sort(due, Qt.SortOrder.AscendingOrder)
    ascending = [model.index(i, due).data() for i in range(model.rowCount())]
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    first_ids = list(model.ids)
    model.sort(due, Qt.SortOrder.DescendingOrder)
    descending = [model.index(i, due).data() for i in range(model.rowCount())]
    assert descending == sorted(ascending, reverse=True)
    assert model.ids != first_ids


def test_unsortable_column_keeps_the_order(ctx, session) -> None:
    (site_id,) = add_sites(session, 1)
    add_hazards(session, site_id, 5)
    model = HazardTableModel(ctx)
    model.reload()
    before = list(model.ids)
    model.sort(column(model, "flags"), Qt.SortOrder.AscendingOrder)
    assert model.ids == before


def test_overdue_is_shown_in_red(window, session, clock) -> None:
    (site_id,) = add_sites(session, 1)
    late = hazards.add_hazard(session, HazardInput(site_id=site_id, description="安全出口上锁",
                                                   deadline_days=3, found_on="2026-09-01")).id
    rectification.notify(session, late, served_on="2026-09-01")  # due 09-04: overdue
    unserved = hazards.add_hazard(session, HazardInput(site_id=site_id, description="灯不亮",
                                                       deadline_days=3, found_on="2026-09-01")).id
    window.go_to(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    model = page.model
    row = model.row_of(late)
    flags = model.index(row, column(model, "flags"))
    assert flags.data() == "逾期"
    assert flags.data(Qt.ItemDataRole.ForegroundRole) == labels.OVERDUE_COLOUR
    assert model.index(row, column(model, "status")).data() == "整改中"
    assert model.index(row, column(model, "due_date")).data() == "2026-09-04"
    # no notice served: its due date (09-04 too) is provisional, said so, and not overdue
    other = model.row_of(unserved)
    assert model.index(other, column(model, "flags")).data() == ""
    assert model.index(other, column(model, "due_date")).data() == "2026-09-04 （暂定）"
    assert model.index(other, column(model, "due_date")).data(Qt.ItemDataRole.ForegroundRole) is None
    page.overdue_check.setChecked(True)
    assert model.ids == [late]
    window.ctx.events.publish(Changes.of(HAZARDS))  # written behind the GUI's back above
    assert window.counts_label.text().endswith("逾期 1")


def test_dashboard_card_opens_the_filtered_list(window, session, qtbot) -> None:
    (site_id,) = add_sites(session, 1)
    late = hazards.add_hazard(session, HazardInput(site_id=site_id, description="安全出口上锁",
                                                   deadline_days=3, found_on="2026-09-01")).id
    rectification.notify(session, late, served_on="2026-09-01")
    add_hazards(session, site_id, 3, found_on="2026-09-28")
    window.dashboard_page.refresh()
    card = window.dashboard_page.cards["overdue"]
    assert card.number.text() == "1"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == HAZARDS_PAGE
    assert window.hazards_page.model.filter == HazardFilter(overdue=True)
    assert window.hazards_page.model.ids == [late]
    window.dashboard_page.cards["due_soon"].click()
    assert window.hazards_page.chip.isVisible() and "3 天内到期" in window.hazards_page.chip.text()
    window.hazards_page.chip.click()
    assert window.hazards_page.model.filter == HazardFilter()


def test_deadline_preview_warns_about_unpublished_holidays(window, session) -> None:
    sites.add_site(session, SiteInput(name="好运来面馆"))
    dialog = window.new_hazard()
    dialog.days_spin.setValue(7)
    assert "2026-10-08" in dialog.due_label.text()  # 10-05 is in the 国庆 holiday: next working day
    assert "尚未公布" not in dialog.due_label.text()
    dialog.days_spin.setValue(120)  # into 2027, whose 调休 is not known yet
    assert "2027 年的放假调休安排尚未公布" in dialog.due_label.text()
    dialog.reject()

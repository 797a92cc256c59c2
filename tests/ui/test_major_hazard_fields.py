"""A major hazard's 五落实 are asked where it is recorded, pre-filled from the site, and the
governance plan takes what 五落实 already says: serving its notice needs far fewer fields."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.services import hazards, rectification, sites
from inspector_app.services.rectification_fields import effective_plan
from inspector_app.ui.qt import QDialogButtonBox
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui

SAVE = QDialogButtonBox.StandardButton.Save


def test_a_major_hazard_takes_its_five_fields_in_the_editor(window, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="好运来面馆", legal_rep="张老板", phone="13800001111")).id
    dialog = window.new_hazard()
    type_text(qtbot, dialog.site_picker.lineEdit(), "好运来面馆")
    type_text(qtbot, dialog.description_edit, "液化气钢瓶存放在地下室")
    assert not dialog.major_box.isVisibleTo(dialog)  # a general hazard is not asked for them
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("major"))
    assert dialog.major_box.isVisibleTo(dialog)
    five = dialog.five_edits
    # pre-filled from the site's principal
    assert (five["responsible_person"].text(), five["responsible_phone"].text()) == ("张老板", "13800001111")
    type_text(qtbot, five["measures"], "钢瓶移出地下室，设置独立气瓶间")
    five["funds_amount"].setText("8000")
    type_text(qtbot, five["funds_source"], "企业自筹")
    type_text(qtbot, five["contingency_plan"], "整改期间停止使用地下室，配备灭火器")
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        dialog.button_box.button(SAVE).click()
        settle(qtbot, window)
    (row,) = hazards.list_hazards(session)
    assert row.site_id == site_id
    d = hazards.hazard_details(session, row.id)
    assert (d["responsible_person"], d["funds_amount"], d["funds_source"]) == ("张老板", 8000.0, "企业自筹")
    # the plan's shared fields come from 五落实: only targets and methods are left
    assert rectification.missing_for_notice(d) == ["plan_target", "plan_methods"]
    plan = effective_plan(d)
    assert "8000" in plan["plan_materials"] and plan["plan_bodies"].startswith("张老板")
    assert plan["plan_safety"] == "整改期间停止使用地下室，配备灭火器"


def test_a_bad_amount_is_refused_in_place(window, session, qtbot) -> None:
    sites.add_site(session, SiteInput(name="好运来面馆"))
    dialog = window.new_hazard()
    type_text(qtbot, dialog.site_picker.lineEdit(), "好运来面馆")
    type_text(qtbot, dialog.description_edit, "消防通道堵塞")
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("major"))
    dialog.five_edits["funds_amount"].setText("五千")
    dialog.button_box.button(SAVE).click()
    settle(qtbot, window)
    assert dialog.isVisible() and "金额" in dialog.error_banner.text()
    assert hazards.list_hazards(session) == []
    dialog.discard()

"""Text that can be read: banners and hints are never squeezed, an inline error never pushes
a field over the buttons, every dialog fits a 1366×768 screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import ValidationError
from inspector_app.services import hazards, rectification, sites
from inspector_app.ui.dialogs import hazard_actions as ha
from inspector_app.ui.qt import QLabel, QWidget
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/shots")


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def assert_laid_out(dialog: QWidget) -> None:
    """Every visible label shows all its lines, and no visible widget overlaps another."""
    dialog.layout().activate()
    layout = dialog.layout()
    rects = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        widget = item.widget()
        if widget is not None and widget.isVisibleTo(dialog):
            rects.append((widget, widget.geometry()))
            if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
                assert widget.height() >= widget.heightForWidth(widget.width()), widget.text()
        elif item.layout() is not None and not item.geometry().isEmpty():
            rects.append((item.layout(), item.geometry()))
    for n, (a, ra) in enumerate(rects):
        assert dialog.rect().contains(ra), a
        for b, rb in rects[n + 1:]:
            assert not ra.intersects(rb), (a, b)


def a_major_hazard(session) -> str:
    site_id = sites.add_site(session, SiteInput(name="大华化工有限公司")).id
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=site_id, description="液氨储罐区与周边建筑安全距离不足", level="major",
        deadline_days=30, found_on="2026-09-20")).id
    rectification.confirm_level(session, hazard_id)
    return hazard_id


def test_the_major_notice_refusal_is_readable_and_clears_once_filled(window, session, qtbot) -> None:
    hazard_id = a_major_hazard(session)
    window.open_record("hazard", hazard_id)
    notice = window.hazards_page.open_action(ha.NOTIFY)
    qtbot.waitExposed(notice)
    assert notice.hint_label.isVisibleTo(notice)
    assert_laid_out(notice)
    notice.ok_button.click()  # refused: the service names what is missing
    settle(qtbot, window)
    qtbot.wait(50)
    assert notice.isVisible() and notice.error_banner.isVisibleTo(notice)
    shot(notice, "notify-refused")
    assert_laid_out(notice)
    rectification.set_five_implementations(  # as the 五落实 form saves them
        session, hazard_id, responsible_person="王建国", responsible_phone="13800001111",
        measures="迁移储罐", funds_amount=480000, funds_source="企业自筹", contingency_plan="应急预案")
    notice._on_filled()  # what the 五落实 form's 保存 calls
    assert not notice.error_banner.isVisibleTo(notice)  # the stale refusal went
    assert "责任人" not in notice.hint_label.text() and "治理目标" in notice.hint_label.text()
    assert_laid_out(notice)
    shot(notice, "notify-after-five")


@pytest.mark.parametrize("action", [ha.EXTEND, ha.RECHECK])
def test_an_inline_error_in_extend_and_recheck_keeps_the_text_box_above_the_buttons(
        window, session, qtbot, action: str) -> None:
    site_id = sites.add_site(session, SiteInput(name="好运来面馆")).id
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=site_id, description="灭火器过期未更换", deadline_days=7, found_on="2026-09-20")).id
    rectification.notify(session, hazard_id, served_on="2026-09-21")
    window.open_record("hazard", hazard_id)
    dialog = window.hazards_page.open_action(action)
    qtbot.waitExposed(dialog)
    if action == ha.RECHECK:  # 未通过 with neither a new deadline nor escalation: refused
        dialog.failed_radio.setChecked(True)
        dialog.deadline_check.setChecked(False)
        type_text(qtbot, dialog.opinion_edit, "灭火器仍未更换")
    else:
        dialog.days_spin.setValue(365)
    dialog.resize(dialog.minimumSizeHint())  # as small as the user can make it
    dialog.ok_button.click()  # nothing filled in: refused with a message in the form
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.error_banner.isVisibleTo(dialog)
    assert_laid_out(dialog)
    # a refusal long enough to wrap over several lines (a store error, the English UI …)
    dialog.show_error(ValidationError("x", "延期申请未能保存：" + "该隐患的整改期限已经延长过，再次延期须写明理由并经负责人同意，" * 3))
    qtbot.wait(20)
    shot(dialog, f"{action}-refused")
    assert_laid_out(dialog)

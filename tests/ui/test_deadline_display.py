"""How a deadline reads: 立即整改 instead of "0 天", provisional only before the notice, the unit
the spin box counts in."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import HazardInput
from inspector_app.services import hazards, rectification
from inspector_app.ui.main_window import HAZARDS_PAGE
from tests.ui.helpers import add_sites

pytestmark = pytest.mark.ui


def _open_on_page(window, hazard_id: str):
    window.go_to(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    assert page.select_id(hazard_id)
    return page


def test_an_immediate_deadline_reads_as_immediately(window, session) -> None:
    (site_id,) = add_sites(session, 1)
    hid = hazards.add_hazard(session, HazardInput(site_id=site_id, description="安全出口上锁",
                                                  deadline_days=0, working_days=True)).id
    text = _open_on_page(window, hid).detail.toPlainText()
    assert "立即整改" in text
    assert "0 个工作日" not in text and "0 天" not in text


def test_the_editor_stops_calling_a_served_deadline_provisional(window, session) -> None:
    (site_id,) = add_sites(session, 1)
    hid = hazards.add_hazard(session, HazardInput(site_id=site_id, description="灭火器过期",
                                                  deadline_days=7, found_on="2026-09-20")).id
    page = _open_on_page(window, hid)
    dialog = page.edit_record()
    assert "暂定" in dialog.due_label.text()  # not served yet: provisional
    dialog.reject()
    rectification.notify(session, hid, served_on="2026-09-27")
    page.reload()
    assert page.select_id(hid)
    dialog = page.edit_record()
    text = dialog.due_label.text()
    assert "暂定" not in text and "2026-09-27" in text and "2026-10-08" in text  # 7 days, holiday moved
    dialog.reject()


def test_the_spin_box_names_working_days_when_they_are_counted(window, session) -> None:
    add_sites(session, 1)
    dialog = window.new_hazard()
    dialog.working_days_check.setChecked(False)
    dialog.days_spin.setValue(7)
    assert dialog.days_spin.text().endswith("7 天")
    dialog.working_days_check.setChecked(True)
    assert dialog.days_spin.text().endswith("7 个工作日")
    assert all("工作日" in b.text() for b, _d in dialog.quick_buttons)
    dialog.days_spin.setValue(0)
    assert dialog.days_spin.text() == "立即整改"
    dialog.reject()

"""专项整治 window: create a campaign, draw sites and inspectors, verify the draw; the plan dialog."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.services import campaigns, sites
from inspector_app.services.users import add_user
from inspector_app.ui.dialogs.campaigns import CampaignsDialog
from inspector_app.ui.dialogs.inspection_plan import InspectionPlanDialog
from inspector_app.ui.main_window import INSPECTIONS
from inspector_app.ui.qt import QMessageBox
from tests.helpers import secure_admin
from tests.ui.helpers import gone, settle, type_text

pytestmark = pytest.mark.ui


@pytest.fixture
def town(session) -> list[str]:
    ids = [sites.add_site(session, SiteInput(name=f"青石镇小餐馆{i:02d}", address=f"文化路{i}号",
                                             sectors=("nine_small",))).id for i in range(8)]
    sites.add_site(session, SiteInput(name="青石镇加油站", sectors=("gas",)))
    secure_admin(session)  # users are added once the admin has a password
    for login, name in (("li", "李网格员"), ("zhao", "赵网格员"), ("sun", "孙网格员")):
        add_user(session, login, name, "inspector")
    return ids


def test_create_draw_and_verify(ctx, session, town, qtbot) -> None:
    window = CampaignsDialog(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.campaign_ids() == [] and window.placeholder.isVisible()

    dialog = window.new_campaign()
    dialog.accept()  # no name: stays open with the message
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.error_banner.isVisible()
    type_text(qtbot, dialog.name_edit, "九小场所消防专项整治")
    dialog.sector_combo.setCurrentIndex(dialog.sector_combo.findData("nine_small"))
    dialog.accept()
    settle(qtbot, window)
    assert gone(dialog)
    [campaign_id] = window.campaign_ids()
    assert window.campaign["name"] == "九小场所消防专项整治" and window.draw_box.isVisible()

    window.sites_spin.setValue(3)
    window.inspectors_spin.setValue(2)
    window.seed_edit.setText("2026-10-01")
    window.confirm_draw()
    assert window.confirm_box is not None
    window.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.result_box.isVisible(), timeout=3000)
    recorded = campaigns.get_campaign(session, campaign_id)
    assert recorded["seed"] == "2026-10-01" and len(recorded["sites"]) == 3
    assert {s["id"] for s in recorded["sites"]} <= set(town)
    assert window.sites_list.count() == 3 and window.inspectors_list.count() == 2
    assert "2026-10-01" in window.seed_label.text()
    assert not window.draw_box.isVisible()  # a draw is final

    result = window.verify()
    assert result is not None and result["ok"]
    assert "2026-10-01" in window.verify_label.text()
    assert "#188038" in window.verify_label.styleSheet()

    # a second draw is refused by the service and said so
    second = window.do_draw()
    settle(qtbot, window)
    assert second.error is not None and window.error_label.isVisibleTo(window)


def test_campaigns_need_a_supervisor(ctx, session, town, qtbot) -> None:
    from inspector_app.services.users import log_in

    session.user = log_in(session, "li", None)
    window = CampaignsDialog(ctx)
    qtbot.addWidget(window)
    assert not window.new_button.isEnabled()


def test_plan_lists_due_sites_and_starts_an_inspection(window, ctx, session, town, qtbot) -> None:
    window.go_to(INSPECTIONS)
    page = window.current_page()
    dialog = page.open_plan()
    assert isinstance(dialog, InspectionPlanDialog)
    names = [dialog.model.item(r, 1).text() for r in range(dialog.model.rowCount())]
    assert "青石镇小餐馆00" in names  # never inspected: due at once
    row = names.index("青石镇小餐馆03")
    dialog.start_at(row)
    assert page.dialog is not None and page.dialog.site_id() == town[3]
    page.dialog.reject()

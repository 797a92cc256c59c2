"""线索 page: public reports (reporter protected, verified by a hazard, closed as unfounded, reward)
and handed-down tasks (recorded by supervisors, completed, overdue ones highlighted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import assigned_tasks, hazards, public_reports, sites, users
from inspector_app.services.assigned_tasks import TaskInput
from inspector_app.services.public_reports import ReportInput
from inspector_app.services.session import load_user
from inspector_app.ui.dialogs.hazard_dialog import HazardDialog
from inspector_app.ui.pages.leads import OVERDUE_BG, LeadsPage
from inspector_app.ui.qt import QDate, QDialogButtonBox
from tests.helpers import secure_admin
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")


@pytest.fixture
def town(session):
    """Grid 一网格 (inspector zhang) with two sites; supervisor wang. Yields the site ids."""
    users.add_grid(session, "一网格")
    secure_admin(session)  # users are added once the admin has a password
    users.add_user(session, "zhang", "张三", "inspector", grids=["一网格"])
    users.add_user(session, "wang", "王站长", "supervisor")
    noodle = sites.add_site(session, SiteInput(name="好运来面馆", grid="一网格", address="青石镇文化路12号")).id
    market = sites.add_site(session, SiteInput(name="青石农贸市场", grid="一网格", address="青石镇集贸街1号")).id
    admin = session.user
    yield {"noodle": noodle, "market": market}
    session.user = admin


def as_user(session, login: str) -> None:
    session.user = load_user(session.store, login)


def make_page(ctx, qtbot) -> LeadsPage:
    page = LeadsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1240, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def save(dialog) -> None:
    ctx = dialog.ctx
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    settle(None, ctx)  # the write runs off the GUI thread


def test_supervisor_records_a_report_with_its_reporter(ctx, session, qtbot, town) -> None:
    as_user(session, "wang")
    page = make_page(ctx, qtbot)
    tab = page.reports
    assert tab.model.rowCount() == 0 and tab.new_button.isEnabled()
    dialog = tab.new_report()
    assert dialog.reporter_box is not None and dialog.reporter_box.isVisibleTo(dialog)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("12345"))
    dialog.site_picker.select(town["noodle"])
    type_text(qtbot, dialog.content_edit, "面馆后厨液化气钢瓶放在地下室使用")
    type_text(qtbot, dialog.name_edit, "刘女士")
    dialog.phone_edit.setText("13900002222")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        save(dialog)
    [row] = public_reports.list_reports(session)
    assert (row.channel, row.site_id, row.anonymous) == ("12345", town["noodle"], False)
    assert (row.reporter.name, row.reporter.phone) == ("刘女士", "13900002222")
    assert tab.model.rowCount() == 1 and tab.current_id() == row.id  # the new report is selected
    assert "刘女士" in tab.detail.toPlainText()
    assert page.tabs.tabText(0) == "群众举报（1 条待核查）"  # says what it counts, not a total


def test_inspector_has_no_reporter_fields_and_never_sees_one(ctx, session, qtbot, town) -> None:
    as_user(session, "wang")
    public_reports.add_report(session, ReportInput(
        channel="12350", content="农贸市场消防通道被摊位占用", site_id=town["market"],
        reporter_name="陈先生", reporter_phone="13700003333"))
    as_user(session, "zhang")
    page = make_page(ctx, qtbot)
    tab = page.reports
    assert tab.model.rowCount() == 1
    assert not tab.close_button.isVisible() and not tab.reward_button.isVisible()
    tab.table.selectRow(0)
    text = tab.detail.toPlainText()
    assert "农贸市场消防通道" in text and "陈先生" not in text and "13700003333" not in text
    dialog = tab.new_report()
    assert dialog.reporter_box is None and not hasattr(dialog, "name_edit")
    type_text(qtbot, dialog.content_edit, "电动车在楼道充电")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        save(dialog)
    assert tab.model.rowCount() == 2
    as_user(session, "wang")
    assert public_reports.get_report(session, tab.current_id()).reporter is None


def test_create_hazard_from_report_links_it_and_reward(ctx, session, qtbot, town) -> None:
    as_user(session, "wang")
    report_id = public_reports.add_report(session, ReportInput(
        channel="12350", content="面馆在地下室使用液化气钢瓶", site_id=town["noodle"],
        location="地下一层")).id
    page = make_page(ctx, qtbot)
    tab = page.reports
    assert tab.select_id(report_id) and tab.hazard_button.isEnabled()
    assert not tab.reward_button.isEnabled()  # not verified yet
    dialog = tab.create_hazard()
    assert isinstance(dialog, HazardDialog)
    assert dialog.description_edit.toPlainText() == "面馆在地下室使用液化气钢瓶"
    assert dialog.site_picker.site_id() == town["noodle"]
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        save(dialog)
    report = public_reports.get_report(session, report_id)
    assert report.status == "verified" and len(report.hazard_ids) == 1
    hazard = hazards.hazard_details(session, report.hazard_ids[0])
    assert (hazard["public_report_id"], hazard["source"], hazard["site_id"]) == (
        report_id, "public_report", town["noodle"])
    assert tab.current_id() == report_id and tab.reward_button.isEnabled()
    assert "面馆在地下室" in tab.detail.toPlainText()  # the linked hazard is listed

    reward = tab.set_reward()
    reward.amount_edit.setText("abc")
    save(reward)
    assert reward.isVisible() and reward.error_banner.isVisibleTo(reward)
    reward.amount_edit.setText("500")
    with qtbot.waitSignal(reward.accepted, timeout=2000):
        save(reward)
    assert public_reports.get_report(session, report_id).reward_amount == 500
    assert "500" in tab.detail.toPlainText()


def test_link_existing_hazard_and_close_unfounded(ctx, session, qtbot, town) -> None:
    as_user(session, "wang")
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=town["market"], description="消防通道被摊位占用", deadline_days=3, found_on="2026-09-27")).id
    linked = public_reports.add_report(session, ReportInput(
        channel="in_person", content="市场通道堵了", site_id=town["market"])).id
    unfounded = public_reports.add_report(session, ReportInput(
        channel="12345", content="面馆晚上违规住人", site_id=town["noodle"])).id
    page = make_page(ctx, qtbot)
    tab = page.reports
    assert tab.select_id(linked)
    pick = tab.link_hazard()
    assert pick.select_hazard(hazard_id)  # the site's hazards come first
    with qtbot.waitSignal(pick.accepted, timeout=2000):
        save(pick)
    assert public_reports.get_report(session, linked).hazard_ids == (hazard_id,)
    assert hazards.hazard_details(session, hazard_id)["public_report_id"] == linked

    assert tab.select_id(unfounded) and tab.close_button.isEnabled()
    dialog = tab.close_unfounded()
    save(dialog)  # no reason: refused, stays open
    assert dialog.isVisible() and dialog.error_banner.isVisibleTo(dialog)
    type_text(qtbot, dialog.text_edit, "现场核查，无人居住")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        save(dialog)
    report = public_reports.get_report(session, unfounded)
    assert (report.status, report.closed_reason) == ("unfounded", "现场核查，无人居住")
    assert not tab.close_button.isEnabled() and not tab.hazard_button.isEnabled()
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("unfounded"))
    assert tab.model.rowCount() == 1 and "无人居住" not in tab.model.item(0, 3).text()


def test_tasks_add_complete_and_overdue_highlight(ctx, session, qtbot, town) -> None:
    as_user(session, "wang")
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=town["market"], description="消防通道被摊位占用", deadline_days=3, found_on="2026-09-27")).id
    page = make_page(ctx, qtbot)
    page.tabs.setCurrentWidget(page.tasks)
    tab = page.tasks
    dialog = tab.new_task()
    type_text(qtbot, dialog.source_edit, "县应急管理局")
    dialog.reference_edit.setText("应急〔2026〕38号")
    dialog.received_edit.setDate(QDate(2026, 9, 1))
    dialog.due_edit.setDate(QDate(2026, 9, 15))  # already past: overdue
    type_text(qtbot, dialog.content_edit, "排查辖区农贸市场消防通道占用情况")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        save(dialog)
    [task] = assigned_tasks.list_tasks(session)
    assert (task.source, task.due_on, task.overdue) == ("县应急管理局", "2026-09-15", True)
    other = assigned_tasks.add_task(session, TaskInput(source="镇党委", content="国庆节前燃气安全检查",
                                                       due_on="2026-09-30"))
    ctx.events.publish(other.changes)  # as if written elsewhere in the app
    assert tab.model.rowCount() == 2
    overdue_row = [r for r, t in enumerate(tab.rows) if t.id == task.id][0]
    assert tab.model.item(overdue_row, 0).background().color() == OVERDUE_BG
    assert tab.model.item(1 - overdue_row, 0).background().color() != OVERDUE_BG
    assert page.tabs.tabText(1) == "上级交办（1 项逾期）"
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("overdue"))
    assert [t.id for t in tab.rows] == [task.id]

    assert tab.select_id(task.id)
    pick = tab.link_hazard()
    assert pick.select_hazard(hazard_id)
    with qtbot.waitSignal(pick.accepted, timeout=2000):
        save(pick)
    assert hazards.hazard_details(session, hazard_id)["assigned_task_id"] == task.id

    done = tab.complete_task()
    type_text(qtbot, done.result_edit, "已督促市场清理通道，立案隐患1条")
    with qtbot.waitSignal(done.accepted, timeout=2000):
        save(done)
    [after] = assigned_tasks.list_tasks(session, "done")
    assert (after.result, after.done_on, after.overdue) == ("已督促市场清理通道，立案隐患1条", "2026-09-28", False)
    assert tab.rows == []  # the overdue filter no longer shows it
    assert page.tabs.tabText(1) == "上级交办"


def test_inspector_cannot_record_a_task_but_completes_one(ctx, session, qtbot, town) -> None:
    as_user(session, "wang")
    assigned_tasks.add_task(session, TaskInput(source="县应急管理局", content="复查九小场所",
                                               due_on="2026-10-10", grid="一网格"))
    as_user(session, "zhang")
    page = make_page(ctx, qtbot)
    tab = page.tasks
    assert not tab.new_button.isEnabled() and tab.new_task() is None
    assert "监管" in tab.new_button.toolTip() or "supervisor" in tab.new_button.toolTip()
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert tab.complete_button.isEnabled()


def test_screenshots(ctx, session, qtbot, town) -> None:
    as_user(session, "wang")
    r1 = public_reports.add_report(session, ReportInput(
        channel="12350", content="好运来面馆后厨液化气钢瓶放在地下室使用，没有报警器",
        site_id=town["noodle"], reporter_name="刘女士", reporter_phone="13900002222",
        received_at="2026-09-25 09:30")).id
    public_reports.add_report(session, ReportInput(
        channel="12345", content="农贸市场东门消防通道被摊位长期占用", site_id=town["market"],
        received_at="2026-09-26 15:10"))
    public_reports.add_report(session, ReportInput(
        channel="in_person", content="文化路一出租屋电动自行车在楼道充电", location="文化路18号3单元",
        received_at="2026-09-27 10:05"))
    public_reports.close_unfounded(session, public_reports.add_report(session, ReportInput(
        channel="12345", content="面馆晚上违规住人", site_id=town["noodle"],
        received_at="2026-09-20 20:40")).id, reason="现场核查，无人居住")
    assigned_tasks.add_task(session, TaskInput(source="县应急管理局", content="排查辖区农贸市场消防通道占用情况",
                                               reference="应急〔2026〕38号", received_on="2026-09-01",
                                               due_on="2026-09-15", site_id=town["market"]))
    assigned_tasks.add_task(session, TaskInput(source="镇党委", content="国庆节前对全镇燃气用户开展安全检查",
                                               due_on="2026-09-30"))
    page = make_page(ctx, qtbot)
    page.reports.select_id(r1)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / "leads-reports.png"))
    page.tabs.setCurrentWidget(page.tasks)
    page.tasks.table.selectRow(1)  # the overdue row (0) keeps its highlight visible
    assert page.grab().save(str(SHOTS / "leads-tasks.png"))
    dialog = page.reports.new_report()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SHOTS / "leads-new-report.png"))
    dialog.reject()
    dialog = page.tasks.new_task()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SHOTS / "leads-new-task.png"))
    dialog.reject()

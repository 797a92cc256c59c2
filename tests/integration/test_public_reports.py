"""Public reports (群众举报) with a protected reporter, and handed-down tasks (上级交办)."""

from __future__ import annotations

import json

import pytest

from inspector_app.core.entities import HazardInput
from inspector_app.core.errors import PermissionDenied, ValidationError
from inspector_app.services import assigned_tasks, hazards, public_reports
from inspector_app.services.assigned_tasks import TaskInput
from inspector_app.services.public_reports import ReportInput
from tests.lifecycle_helpers import make_town


@pytest.fixture
def town(session):
    return make_town(session)


def test_reporter_identity_is_for_supervisors_only(town):
    rid = public_reports.add_report(town.wang, ReportInput(
        channel="12350", content="饭店后厨液化气瓶放在地下室", site_id=town.s2,
        received_at="2026-09-27 20:15", reporter_name="周某某", reporter_phone="13912345678")).id
    seen = public_reports.get_report(town.wang, rid)
    assert seen.reporter is not None and seen.reporter.name == "周某某" and not seen.anonymous
    hidden = public_reports.get_report(town.li, rid)
    assert hidden.reporter is None
    assert "周某某" not in json.dumps(public_reports.report_json(hidden), ensure_ascii=False)
    assert all(r.reporter is None for r in public_reports.list_reports(town.li))
    # an inspector cannot record an identity either
    with pytest.raises(PermissionDenied):
        public_reports.add_report(town.li, ReportInput(channel="in_person", content="x",
                                                       reporter_name="某人"))
    with pytest.raises(PermissionDenied):
        public_reports.set_reporter(town.li, rid, name="改名", phone=None)


def test_the_reporter_never_enters_the_oplog(town, session):
    public_reports.add_report(town.wang, ReportInput(channel="12345", content="出租屋飞线充电",
                                                     reporter_name="周某某", reporter_phone="13912345678"))
    conn = session.store.read()
    ops = " ".join(r[0] or "" for r in conn.execute("SELECT fields_json FROM oplog"))
    assert "周某某" not in ops and "13912345678" not in ops
    assert conn.execute("SELECT name FROM public_report_reporter").fetchone()[0] == "周某某"
    audit = " ".join(r[0] or "" for r in conn.execute("SELECT summary FROM audit_log"))
    assert "周某某" not in audit
    from inspector_app.store.schema import PROTECTED_TABLES, SYNCED_TABLES

    assert "public_report_reporter" in PROTECTED_TABLES and "public_report_reporter" not in SYNCED_TABLES


def test_report_verified_by_an_inspection_and_linked_to_its_hazards(town):
    rid = public_reports.add_report(town.li, ReportInput(channel="in_person", content="超市安全出口上锁",
                                                         site_id=town.s1, anonymous=True)).id
    saved = public_reports.add_hazard_from_report(town.li, rid, HazardInput(
        site_id=town.s1, description="安全出口上锁", deadline_days=1))
    row = public_reports.get_report(town.li, rid)
    assert row.status == "verified" and row.hazard_ids == (saved.id,)
    details = hazards.hazard_details(town.li, saved.id)
    assert details["source"] == "public_report" and details["public_report_id"] == rid
    with pytest.raises(PermissionDenied):
        public_reports.set_reward(town.li, rid, amount=500)
    public_reports.set_reward(town.wang, rid, amount=500, note="举报属实")
    assert public_reports.get_report(town.wang, rid).reward_amount == 500
    internal = public_reports.add_report(town.li, ReportInput(channel="internal", content="员工反映",
                                                              site_id=town.s2)).id
    other = public_reports.add_hazard_from_report(town.li, internal, HazardInput(
        site_id=town.s2, description="配电箱前堆物"))
    assert hazards.get_hazard(town.li, other.id).source == "internal_report"


def test_unfounded_report_closed_by_a_supervisor_with_a_reason(town):
    rid = public_reports.add_report(town.li, ReportInput(channel="12345", content="某店违规住人",
                                                         site_id=town.s1)).id
    with pytest.raises(PermissionDenied):
        public_reports.close_unfounded(town.li, rid, reason="查无实据")
    with pytest.raises(ValidationError):
        public_reports.close_unfounded(town.wang, rid, reason=" ")
    public_reports.close_unfounded(town.wang, rid, reason="现场核查未发现住人")
    row = public_reports.get_report(town.wang, rid)
    assert row.status == "unfounded" and row.closed_reason == "现场核查未发现住人"
    with pytest.raises(ValidationError):
        public_reports.set_reward(town.wang, rid, amount=100)
    hid = town.hazard()
    with pytest.raises(ValidationError):
        public_reports.link_hazard(town.li, rid, hid)


def test_reports_are_scoped_to_grids_and_validated(town):
    public_reports.add_report(town.wang, ReportInput(channel="12350", content="西村", site_id=town.s3))
    public_reports.add_report(town.wang, ReportInput(channel="12350", content="东村", site_id=town.s1))
    assert [r.content for r in public_reports.list_reports(town.li)] == ["东村"]
    assert len(public_reports.list_reports(town.wang)) == 2
    for bad in (ReportInput(channel="wechat", content="x"), ReportInput(channel="12350", content=""),
                ReportInput(channel="12350", content="x", received_at="2030-01-01 08:00"),
                ReportInput(channel="12350", content="x", received_at="昨天")):
        with pytest.raises(ValidationError):
            public_reports.add_report(town.wang, bad)


def test_handed_down_tasks(town, clock):
    with pytest.raises(PermissionDenied):
        assigned_tasks.add_task(town.li, TaskInput(source="县应急管理局", content="排查", due_on="2026-10-20"))
    with pytest.raises(ValidationError):
        assigned_tasks.add_task(town.wang, TaskInput(source="县应急管理局", content="排查",
                                                     due_on="2026-09-01"))
    tid = assigned_tasks.add_task(town.wang, TaskInput(
        source="县应急管理局", reference="县应急〔2026〕12号", content="排查辖区燃气用户",
        due_on="2026-10-09", grid="G1", assigned_to="li")).id
    assert [t.id for t in assigned_tasks.list_tasks(town.li)] == [tid]
    assert assigned_tasks.list_tasks(town.zhao) == []
    hid = town.hazard(site=town.s2, source="assigned", description="燃气报警器未安装")
    assigned_tasks.link_hazard_to_task(town.li, tid, hid)
    clock.advance(days=20)
    assert [t.id for t in assigned_tasks.list_tasks(town.wang, overdue=True)] == [tid]
    assigned_tasks.complete_task(town.li, tid, result="排查 12 户，发现隐患 1 处")
    task = assigned_tasks.list_tasks(town.wang)[0]
    assert task.status == "done" and task.hazard_ids == (hid,) and not task.overdue
    with pytest.raises(ValidationError):
        assigned_tasks.complete_task(town.li, tid, result="again")

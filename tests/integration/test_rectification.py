"""The rectification lifecycle through the services: deadlines, 五落实, re-checks, escalation."""

from __future__ import annotations

import pytest

from inspector_app.core.errors import IllegalTransition, PermissionDenied, ValidationError
from inspector_app.services import hazards, rectification
from tests.lifecycle_helpers import PLAN, make_town


@pytest.fixture
def town(session):
    return make_town(session)


def _snapshot(session, hazard_id):
    """Everything a refused action must leave as it was."""
    conn = session.store.read()
    return (
        hazards.hazard_details(session, hazard_id),
        conn.execute("SELECT count(*) FROM oplog").fetchone()[0],
        conn.execute("SELECT count(*) FROM audit_log").fetchone()[0],
    )


def test_general_lifecycle_and_the_domain_deadline_example(town, clock):
    hid = town.hazard(deadline_days=5, working_days=True)
    # provisional: 5 working days from the found day 2026-09-28 (Mon) -> 09-29, 09-30, 10-08, 10-09, 10-10
    assert hazards.get_hazard(town.li, hid).due_date == "2026-10-10"
    clock.advance(days=2)  # 2026-09-30
    saved = rectification.notify(town.li, hid, served_on="2026-09-30")
    row = hazards.get_hazard(town.li, hid)
    assert (row.status, row.served_on, row.due_date) == ("notified", "2026-09-30", "2026-10-13")
    assert saved.warnings == ()
    clock.advance(days=10)
    rectification.report_done(town.li, hid, note="已清理")
    assert hazards.get_hazard(town.li, hid).status == "awaiting_recheck"
    rectification.recheck(town.li, hid, passed=True, opinion="通道已畅通")
    row = hazards.get_hazard(town.li, hid)
    assert (row.status, row.closed_on) == ("closed", "2026-10-10")
    kinds = [e["kind"] for e in hazards.hazard_events(town.li, hid)]
    assert kinds == ["recorded", "notified", "reported_done", "recheck_passed"]
    audit = [r[0] for r in town.admin.store.read().execute(
        "SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq", (hid,))]
    assert audit == ["hazard_added", "hazard_notified", "hazard_reported_done", "hazard_recheck_passed"]
    events = hazards.hazard_events(town.li, hid)
    assert events[-1]["by"] == "李网格" and events[-1]["data"]["opinion"] == "通道已畅通"


def test_calendar_day_deadline_from_the_served_date(town, clock):
    hid = town.hazard(deadline_days=7, found_on="2026-09-25")
    assert hazards.get_hazard(town.li, hid).due_date == "2026-10-08"  # 10-02 in the holiday
    rectification.notify(town.li, hid, served_on="2026-09-27")
    assert hazards.get_hazard(town.li, hid).due_date == "2026-10-08"  # 7 days -> 10-04 -> 10-08
    other = town.hazard(deadline_days=3)
    rectification.notify(town.li, other, deadline_days=1, working_days=True)
    assert hazards.get_hazard(town.li, other).due_date == "2026-09-29"


def test_major_needs_confirmation_and_the_five_implementations(town):
    hid = town.hazard(level="major")
    row = hazards.get_hazard(town.li, hid)
    assert row.level == "major" and not row.level_confirmed
    before = _snapshot(town.admin, hid)
    with pytest.raises(ValidationError) as exc:
        rectification.notify(town.li, hid)
    assert exc.value.code == "level_unconfirmed"
    rectification.confirm_level(town.wang, hid)
    assert hazards.get_hazard(town.li, hid).level_confirmed
    with pytest.raises(ValidationError) as exc:
        rectification.notify(town.li, hid)
    assert exc.value.code == "five_implementations_missing"
    assert "责任人" in exc.value.zh and "治理目标和任务" in exc.value.zh
    rectification.set_fields(town.li, hid, {k: v for k, v in PLAN.items() if k not in ("plan_safety", "plan_target")})
    with pytest.raises(ValidationError) as exc:
        rectification.notify(town.li, hid)
    # 安全措施和应急预案 is shared with 五落实's 预案: only the plan's own target is missing
    assert exc.value.en.endswith(": plan_target")
    rectification.set_governance_plan(town.li, hid, rectification.GovernancePlan(target="疏通消防通道"))
    assert rectification.missing_for_notice(hazards.hazard_details(town.li, hid)) == []
    rectification.set_fields(town.li, hid, {"contingency_plan": "", "interim_measures": ""})
    missing = rectification.missing_for_notice(hazards.hazard_details(town.li, hid))
    assert missing == ["contingency_plan", "plan_safety"]  # without a 预案 the plan lacks it too
    rectification.set_governance_plan(town.li, hid, rectification.GovernancePlan(safety="专人看守"))
    rectification.set_fields(town.li, hid, {"contingency_plan": "专人值守，禁止人员进入"})
    rectification.notify(town.li, hid)
    assert hazards.get_hazard(town.li, hid).status == "notified"
    assert before[0]["status"] == "open"


def test_a_checklist_major_item_suggests_major_unconfirmed(town):
    item = town.admin.store.read().execute(
        "SELECT id FROM checklist_item WHERE major = 1 LIMIT 1").fetchone()[0]
    hid = town.hazard(item_id=item, level="general")
    row = hazards.get_hazard(town.li, hid)
    assert row.level == "major" and not row.level_confirmed
    rectification.confirm_level(town.wang, hid, "general", reason="实为一般隐患")
    row = hazards.get_hazard(town.li, hid)
    assert row.level == "general" and row.level_confirmed


def test_failed_recheck_sets_a_new_deadline_or_escalates(town, clock):
    hid = town.hazard(deadline_days=3)
    rectification.notify(town.li, hid)
    clock.advance(days=4)  # 2026-10-02
    with pytest.raises(ValidationError) as exc:
        rectification.recheck(town.li, hid, passed=False, opinion="未整改")
    assert exc.value.code == "failed_recheck_needs_action"
    rectification.recheck(town.li, hid, passed=False, opinion="未整改", new_deadline_days=2,
                          working_days=True)
    row = hazards.get_hazard(town.li, hid)
    assert (row.status, row.due_date) == ("notified", "2026-10-09")  # counted from the re-check day
    # an inspector cannot escalate along with the failed re-check
    with pytest.raises(PermissionDenied):
        rectification.recheck(town.li, hid, passed=False, opinion="仍未整改", escalate_step="summons")
    rectification.recheck(town.wang, hid, passed=False, opinion="仍未整改",
                          escalate_step="listed_supervision")
    row = hazards.get_hazard(town.li, hid)
    assert row.escalation == "listed_supervision" and row.listed


def test_opinion_is_required_for_a_recheck(town):
    hid = town.hazard()
    rectification.notify(town.li, hid)
    with pytest.raises(ValidationError):
        rectification.recheck(town.li, hid, passed=True, opinion="  ")


def test_extension_by_a_supervisor_with_reason_and_approver(town, clock):
    hid = town.hazard(deadline_days=5, working_days=True)
    rectification.notify(town.li, hid, served_on="2026-09-28")
    with pytest.raises(PermissionDenied):
        rectification.extend(town.li, hid, days=5, reason="企业申请")
    with pytest.raises(ValidationError):
        rectification.extend(town.wang, hid, days=5, reason="")
    rectification.extend(town.wang, hid, days=3, reason="设备到货延迟", approver="镇分管领导")
    row = hazards.get_hazard(town.li, hid)
    assert row.extended and row.due_date == "2026-10-14"  # due 10-10 + 3 working days: 12, 13, 14
    event = hazards.hazard_events(town.li, hid)[-1]
    assert event["kind"] == "extended" and event["by"] == "王站长"
    assert event["data"]["reason"] == "设备到货延迟" and event["data"]["approver"] == "镇分管领导"
    assert event["data"]["previous_due"] == "2026-10-10"


def test_escalation_steps_are_dated_events_with_who_and_why(town, clock):
    hid = town.hazard(deadline_days=3)
    rectification.notify(town.li, hid)
    clock.advance(days=10)
    for step in ("reminder", "summons", "warning_circular"):
        rectification.escalate(town.wang, hid, step=step, reason=f"逾期未整改（{step}）")
        clock.advance(days=1)
    events = [e for e in hazards.hazard_events(town.li, hid) if e["kind"] == "escalated"]
    assert [e["data"]["step"] for e in events] == ["reminder", "summons", "warning_circular"]
    assert all(e["by"] == "王站长" and e["data"]["reason"] for e in events)
    assert len({e["at"] for e in events}) == 3
    assert hazards.get_hazard(town.li, hid).escalation == "warning_circular"
    with pytest.raises(ValidationError) as exc:
        rectification.escalate(town.wang, hid, step="firing_squad", reason="x")
    assert exc.value.code == "bad_step"
    # overdue after escalation: a general hazard may now be listed, and de-listed
    rectification.list_hazard(town.wang, hid, reason="逾期且经约谈仍未整改", authority="县应急管理局")
    assert hazards.get_hazard(town.li, hid).listed
    with pytest.raises(IllegalTransition):
        rectification.list_hazard(town.wang, hid, reason="again")
    rectification.delist(town.wang, hid, reason="已整改验收")
    assert not hazards.get_hazard(town.li, hid).listed
    kinds = [e["kind"] for e in hazards.hazard_events(town.li, hid)][-2:]
    assert kinds == ["listed", "delisted"]


def test_only_major_or_overdue_after_escalation_is_listed(town):
    hid = town.hazard(deadline_days=30)
    with pytest.raises(ValidationError) as exc:
        rectification.list_hazard(town.wang, hid, reason="想挂牌")
    assert exc.value.code == "not_listable"
    major = town.major_ready()
    rectification.list_hazard(town.wang, major, reason="重大隐患")
    assert hazards.get_hazard(town.wang, major).listed


def test_recheck_window_of_a_major_hazard(town, clock):
    hid = town.major_ready(deadline_days=5)
    rectification.notify(town.li, hid)  # due 2026-10-08
    assert hazards.get_hazard(town.li, hid).recheck_due == "2026-10-19"  # 10-18 is a Sunday
    clock.advance(days=1)
    rectification.report_done(town.li, hid, on="2026-09-29")
    row = hazards.get_hazard(town.li, hid)
    assert (row.reported_on, row.recheck_due) == ("2026-09-29", "2026-10-09")  # 10 days, 10-09 a workday
    ids = hazards.list_hazard_ids(town.wang, hazards.HazardFilter(recheck_window=True))
    assert ids == [hid]
    # an inspector cannot accept (close) a major hazard; a supervisor can
    with pytest.raises(PermissionDenied):
        rectification.recheck(town.li, hid, passed=True, opinion="已整改")
    rectification.recheck(town.wang, hid, passed=True, opinion="验收合格")
    row = hazards.get_hazard(town.li, hid)
    assert row.status == "closed" and row.recheck_due is None


def test_fix_on_spot_general_only_with_evidence(town):
    general = town.hazard()
    major = town.hazard(level="major")
    with pytest.raises(IllegalTransition):
        rectification.fix_on_spot(town.wang, major, note="当场清理")
    with pytest.raises(ValidationError) as exc:
        rectification.fix_on_spot(town.li, general)
    assert exc.value.code in ("note_required", "after_photo_required")
    conn = town.admin.store.read()
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'photo_link'").fetchone():
        sha = "ab" * 32

        def photo(tx):
            tx.insert("media", {"id": sha, "kind": "photo", "mime": "image/jpeg", "size": 1})
            return tx.insert("photo_link", {"media_id": sha, "hazard_id": general, "phase": "after"})

        link = town.admin.write(photo)
        with pytest.raises(ValidationError):
            rectification.fix_on_spot(town.li, general, note="x", after_photo="nope")
        rectification.fix_on_spot(town.li, general, note="当场清理", after_photo=link)
    else:
        rectification.fix_on_spot(town.li, general, note="当场清理")
    assert hazards.get_hazard(town.li, general).status == "closed"


def test_reopen_needs_a_reason_and_sets_a_new_deadline(town, clock):
    hid = town.hazard(deadline_days=3)
    rectification.notify(town.li, hid)
    rectification.close(town.li, hid, opinion="已整改")
    with pytest.raises(ValidationError):
        rectification.reopen(town.li, hid, reason="")
    clock.advance(days=1)
    rectification.reopen(town.li, hid, reason="问题复现", deadline_days=1)
    row = hazards.get_hazard(town.li, hid)
    assert (row.status, row.due_date, row.closed_on) == ("notified", "2026-09-30", None)


def test_set_fields_validates_and_records_level_and_deadline_events(town):
    hid = town.hazard(deadline_days=5)
    rectification.set_fields(town.li, hid, {"factor": "管", "measure_type": "管理防", "funds_amount": "1500.5",
                                            "interim_measures": "设置警示带"})
    details = hazards.hazard_details(town.li, hid)
    assert (details["factor"], details["measure_type"], details["funds_amount"],
            details["interim_measures"]) == ("管", "管理防", 1500.5, "设置警示带")
    for bad in ({"factor": "天"}, {"funds_amount": "-5"}, {"funds_amount": "很多"}, {"nope": 1},
                {"measure_type": "法防"}, {"level": "huge"}):
        with pytest.raises(ValidationError):
            rectification.set_fields(town.li, hid, bad)
    rectification.set_fields(town.li, hid, {"deadline_days": 20})
    assert hazards.get_hazard(town.li, hid).due_date == "2026-10-19"  # 10-18 is a Sunday
    assert hazards.hazard_events(town.li, hid)[-1]["kind"] == "deadline_set"
    rectification.set_fields(town.li, hid, {"level": "major"})
    row = hazards.get_hazard(town.li, hid)
    assert row.level == "major" and not row.level_confirmed
    with pytest.raises(PermissionDenied):  # back to general: a supervisor's decision
        rectification.set_fields(town.li, hid, {"level": "general"})
    rectification.set_fields(town.li, hid, {"responsible_person": ""})  # clears
    assert hazards.hazard_details(town.li, hid)["responsible_person"] is None


# ----------------------------------------------------------------------------- bad input
def test_deadline_before_the_found_date(town):
    with pytest.raises(ValidationError) as exc:
        town.hazard(found_on="2026-09-20", due_on="2026-09-10", deadline_days=None)
    assert exc.value.code == "deadline_before_found"
    hid = town.hazard(found_on="2026-09-20")
    before = _snapshot(town.admin, hid)
    with pytest.raises(ValidationError) as exc:
        rectification.set_fields(town.li, hid, {"due_on": "2026-09-19"})
    assert exc.value.code == "deadline_before_found"
    with pytest.raises(ValidationError) as exc:
        rectification.notify(town.li, hid, served_on="2026-09-19")
    assert exc.value.code == "date_order"
    assert _snapshot(town.admin, hid) == before


def test_closing_without_a_recheck(town):
    hid = town.hazard()
    before = _snapshot(town.admin, hid)
    with pytest.raises(IllegalTransition) as exc:
        rectification.close(town.li, hid, opinion="已整改")
    assert exc.value.code == "no_recheck"
    rectification.notify(town.li, hid)
    with pytest.raises(ValidationError) as exc:
        rectification.close(town.li, hid, opinion=None)
    assert exc.value.code == "no_recheck" and "复查" in exc.value.zh
    assert hazards.get_hazard(town.li, hid).status == "notified"
    assert before[0]["status"] == "open"


def test_closing_a_major_hazard_as_an_inspector(town):
    hid = town.major_ready()
    rectification.notify(town.li, hid)
    rectification.report_done(town.li, hid)
    before = _snapshot(town.admin, hid)
    with pytest.raises(PermissionDenied) as exc:
        rectification.close(town.li, hid, opinion="已整改")
    assert "重大隐患" in exc.value.zh
    assert _snapshot(town.admin, hid) == before
    rectification.close(town.wang, hid, opinion="验收合格")
    assert hazards.get_hazard(town.li, hid).status == "closed"


def test_extending_a_closed_hazard(town):
    hid = town.hazard()
    rectification.notify(town.li, hid)
    rectification.close(town.li, hid, opinion="已整改")
    before = _snapshot(town.admin, hid)
    with pytest.raises(IllegalTransition) as exc:
        rectification.extend(town.wang, hid, days=5, reason="企业申请")
    assert "closed" in exc.value.en and "已销号" in exc.value.zh
    assert _snapshot(town.admin, hid) == before


def test_dates_in_the_future_are_refused(town):
    hid = town.hazard()
    with pytest.raises(ValidationError):
        rectification.notify(town.li, hid, served_on="2026-10-30")


def test_year_not_in_the_holiday_calendar_warns(town, clock, monkeypatch):
    from inspector_app.core import holidays

    monkeypatch.setattr(holidays, "official_year_known", lambda year: year <= 2026)
    clock.advance(days=90)  # 2026-12-27
    saved = hazards.add_hazard(town.li, hazards.HazardInput(site_id=town.s1, description="x",
                                                            deadline_days=10, working_days=True))
    assert [w.code for w in saved.warnings] == ["holiday_calendar_unknown"]
    assert "2027" in saved.warnings[0].zh and "调休" in saved.warnings[0].zh
    notified = rectification.notify(town.li, saved.id)
    assert [w.code for w in notified.warnings] == ["holiday_calendar_unknown"]


def test_clock_jumped_backwards_warns(town, clock):
    hid = town.hazard()
    clock.advance(hours=-1)  # the device's clock is now earlier than the last record
    saved = hazards.add_hazard(town.li, hazards.HazardInput(site_id=town.s1, description="y"))
    assert "clock_behind" in [w.code for w in saved.warnings]
    saved = rectification.notify(town.li, hid)
    assert "clock_behind" in [w.code for w in saved.warnings]
    clock.advance(hours=2)
    assert hazards.add_hazard(town.li, hazards.HazardInput(site_id=town.s1, description="z")).warnings == ()

"""A checklist hazard's level moved away from the item's suggestion needs a reason (issue 4).

Also: inspections with co-inspectors and a campaign, and ``hazard set --level --reason``.
"""

from __future__ import annotations

import json

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.services import (
    campaigns,
    checklists,
    hazards,
    inspection_views,
    inspections,
    sites,
)
from inspector_app.services.regions import add_region
from inspector_app.services.session import open_session
from tests.helpers import cli


def _user(session, login, role, grids=()):
    return session.write(lambda tx: tx.insert("app_user", {
        "login": login, "name": login, "role": role, "grid_ids": json.dumps(list(grids)), "active": 1}))


@pytest.fixture
def town(session):
    grid = session.write(lambda tx: add_region(tx, "grid", "G1网格", code="G1"))
    li = _user(session, "li", "inspector", [grid])
    wang = _user(session, "wang", "inspector", [grid])
    site = sites.add_site(session, SiteInput(name="李记餐馆", sectors=["nine_small"], grid="G1")).id
    return {"site": site, "li": li, "wang": wang, "grid": grid}


def _item(session, major: bool):
    template = checklists.get_template(session, "nine_small")
    return next(i for i in checklists.template_items(session, template.id) if i.major == major)


def _draft(session, site_id: str, major: bool) -> tuple[str, str]:
    started = inspections.start_inspection(session, inspections.StartInput(
        site_id=site_id, template_ids=["nine_small"]))
    rec = inspections.record_result(session, started.id, _item(session, major).code, "hazard")
    assert rec.hazard_id
    return started.id, rec.hazard_id


def _edit(session, hazard_id: str, level: str, reason: str | None = None):
    data = hazards.hazard_input_of(hazards.get_hazard(session, hazard_id))
    data.level, data.level_reason = level, reason
    return hazards.update_hazard(session, hazard_id, data)


def _level_events(session, hazard_id: str) -> list[dict]:
    return [e["data"] for e in hazards.hazard_events(session, hazard_id) if e["kind"] == "level_changed"]


def _links(session, hazard_id: str) -> tuple:
    return tuple(session.store.read().execute(
        "SELECT inspection_id, item_id FROM hazard WHERE id = ?", (hazard_id,)).fetchone())


def test_start_with_a_co_inspector_and_a_campaign(session, town):
    made = campaigns.create_campaign(session, campaigns.CampaignInput(
        name="九小场所消防专项整治", sector="nine_small", starts_on="2026-09-01", ends_on="2026-10-31"))
    started = inspections.start_inspection(session, inspections.StartInput(
        site_id=town["site"], kind="campaign", campaign_id=made.id, inspector_ids=[town["li"]]))
    row = session.store.read().execute("SELECT inspector_ids, campaign_id, kind FROM inspection WHERE id = ?",
                                       (started.id,)).fetchone()
    assert json.loads(row[0]) == [session.user.id, town["li"]]  # the current user always first
    assert (row[1], row[2]) == (made.id, "campaign")
    view = inspection_views.get_inspection(session, started.id)
    assert [p["name"] for p in view["inspectors"]][1] == "li" and view["campaign_id"] == made.id


def test_campaign_kind_without_a_campaign_is_allowed_and_bad_ids_are_refused(session, town):
    started = inspections.start_inspection(session, inspections.StartInput(site_id=town["site"], kind="campaign"))
    row = session.store.read().execute("SELECT kind, campaign_id FROM inspection WHERE id = ?",
                                       (started.id,)).fetchone()
    assert tuple(row) == ("campaign", None)
    before = session.store.read().execute("SELECT count(*) FROM inspection").fetchone()[0]
    with pytest.raises(NotFound) as missing:
        inspections.start_inspection(session, inspections.StartInput(
            site_id=town["site"], kind="campaign", campaign_id="no-such-campaign"))
    assert "专项整治" in missing.value.message("zh")
    with pytest.raises(NotFound):
        inspections.start_inspection(session, inspections.StartInput(
            site_id=town["site"], inspector_ids=["no-such-user"]))
    assert session.store.read().execute("SELECT count(*) FROM inspection").fetchone()[0] == before


def test_level_change_away_from_the_suggestion_needs_a_reason(session, town):
    inspection_id, hazard_id = _draft(session, town["site"], major=False)
    links = _links(session, hazard_id)
    assert links[0] == inspection_id and links[1]
    with pytest.raises(ValidationError) as refused:
        _edit(session, hazard_id, "major")
    assert refused.value.code == "level_reason_required"
    assert "理由" in refused.value.message("zh") and "reason" in refused.value.message("en")
    assert hazards.get_hazard(session, hazard_id).level == "general"  # nothing written
    assert _level_events(session, hazard_id) == []
    with pytest.raises(ValidationError):
        _edit(session, hazard_id, "major", "   ")  # blank is no reason

    _edit(session, hazard_id, "major", "涉及人员密集场所，疏散通道完全堵死")
    assert hazards.get_hazard(session, hazard_id).level == "major"
    assert _level_events(session, hazard_id) == [{"level": "major", "reason": "涉及人员密集场所，疏散通道完全堵死"}]
    assert _links(session, hazard_id) == links  # an edit keeps the inspection and item links
    details = hazards.hazard_details(session, hazard_id)
    assert details["events"][-1]["data"]["reason"] == "涉及人员密集场所，疏散通道完全堵死"

    # back to the suggested level: no reason needed; again away (undo/redo): the earlier one
    _edit(session, hazard_id, "general")
    _edit(session, hazard_id, "major")
    assert _level_events(session, hazard_id)[-1] == {"level": "major", "reason": "涉及人员密集场所，疏散通道完全堵死"}
    # finishing still publishes the edited draft (it stayed linked to the inspection)
    inspections.finish_inspection(session, inspection_id)
    assert hazards.get_hazard(session, hazard_id).status == "open"


def test_too_long_reason_and_hazards_not_from_a_checklist(session, town):
    _inspection, hazard_id = _draft(session, town["site"], major=False)
    with pytest.raises(ValidationError) as long:
        _edit(session, hazard_id, "major", "很" * (hazards.LEVEL_REASON_LIMIT + 1))
    assert long.value.code == "too_long" and hazards.get_hazard(session, hazard_id).level == "general"
    plain = hazards.add_hazard(session, HazardInput(site_id=town["site"], description="灭火器过期")).id
    _edit(session, plain, "major")  # no checklist item, no suggestion: no reason needed
    assert _level_events(session, plain) == [{"level": "major"}]
    assert hazards.suggested_level(session, plain) is None
    assert hazards.suggested_level(session, hazard_id) == "general"


def test_role_rules_stay(session, town):
    li = open_session(session.store.data_dir, as_user="li", clock=session.clock)
    try:
        _inspection, major_id = _draft(li, town["site"], major=True)
        assert hazards.suggested_level(li, major_id) == "major"
        # an inspector may not lower a major hazard, reason or not
        with pytest.raises(PermissionDenied):
            _edit(li, major_id, "general", "其实问题不大")
        assert hazards.get_hazard(li, major_id).level == "major"
        # an inspector may raise a general one, with a reason; it stays unconfirmed
        _inspection2, general_id = _draft(li, town["site"], major=False)
        with pytest.raises(ValidationError):
            hazards.set_level(li, general_id, "major")
        hazards.set_level(li, general_id, "major", "现场存放大量液化气钢瓶")
        row = hazards.get_hazard(li, general_id)
        assert (row.level, row.level_confirmed) == ("major", False)
    finally:
        li.close()
    # a supervisor may lower the major one, with the reason kept
    _edit(session, major_id, "general", "经复核，不属于重大隐患判定标准情形")
    assert _level_events(session, major_id)[-1]["reason"] == "经复核，不属于重大隐患判定标准情形"


def test_hazard_set_level_with_a_reason_on_the_cli(data_dir, session, town):
    _inspection, hazard_id = _draft(session, town["site"], major=False)
    session.close()

    def run(*args: str):
        result = cli("--data-dir", str(data_dir), *args)
        assert "Traceback" not in result.stderr
        return result

    refused = run("hazard", "set", hazard_id, "--level", "major", "--responsible", "张三")
    assert refused.returncode == 1 and "理由" in refused.stderr
    shown = json.loads(run("hazard", "show", hazard_id, "--json").stdout)
    assert shown["level"] == "general" and shown["responsible_person"] is None  # nothing written
    done = run("hazard", "set", hazard_id, "--level", "major", "--reason", "仓库内住人", "--responsible", "张三")
    assert done.returncode == 0, done.stderr
    shown = json.loads(run("hazard", "show", hazard_id, "--json").stdout)
    assert shown["level"] == "major" and shown["responsible_person"] == "张三"
    changed = [e for e in shown["events"] if e["kind"] == "level_changed"]
    assert changed[-1]["data"] == {"level": "major", "reason": "仓库内住人"}
    text = run("hazard", "show", hazard_id).stdout
    assert "仓库内住人" in text


def test_set_fields_follows_the_same_rule(session, town):
    from inspector_app.services import rectification

    _, hazard_id = _draft(session, town["site"], major=False)
    with pytest.raises(ValidationError) as err:
        rectification.set_fields(session, hazard_id, {"level": "major"})
    assert err.value.code == "level_reason_required"
    assert hazards.get_hazard(session, hazard_id).level == "general"
    rectification.set_fields(session, hazard_id, {"level": "major", "level_reason": "涉及人员密集场所"})
    assert hazards.get_hazard(session, hazard_id).level == "major"
    assert _level_events(session, hazard_id)[-1]["reason"] == "涉及人员密集场所"

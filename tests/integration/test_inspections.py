"""The inspection workflow end to end: services, resume after closing, and the CLI."""

from __future__ import annotations

import json

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.services import (
    checklists,
    hazards,
    inspection_views,
    inspections,
    sites,
)
from inspector_app.services.regions import add_region
from inspector_app.services.session import open_session
from tests.helpers import cli


def _grid(session, code):
    return session.write(lambda tx: add_region(tx, "grid", f"{code}网格", code=code))


def _user(session, login, role, grids=()):
    return session.write(lambda tx: tx.insert("app_user", {
        "login": login, "name": login, "role": role, "grid_ids": json.dumps(list(grids)), "active": 1}))


@pytest.fixture
def town(session):
    g1, g2 = _grid(session, "G1"), _grid(session, "G2")
    _user(session, "li", "inspector", [g1])
    _user(session, "sup", "supervisor")
    site = sites.add_site(session, SiteInput(name="李记餐馆", sectors=["nine_small", "crowded_place"],
                                             grid="G1")).id
    far = sites.add_site(session, SiteInput(name="外网格店", sectors=["nine_small"], grid="G2")).id
    return {"site": site, "far": far, "g1": g1, "g2": g2}


def _as(session, login):
    return open_session(session.store.data_dir, as_user=login, clock=session.clock)


def _item(session, template_code, major):
    template = checklists.get_template(session, template_code)
    return next(i for i in checklists.template_items(session, template.id) if i.major == major)


def test_workflow_as_an_inspector(session, town):
    li = _as(session, "li")
    try:
        started = inspections.start_inspection(li, inspections.StartInput(
            site_id=town["site"], location="一楼大厅"))
        view = inspection_views.get_inspection(li, started.id)
        assert [t["code"] for t in view["templates"]] == ["nine_small", "fire_safety"]  # also_sectors
        major, general = _item(li, "nine_small", True), _item(li, "nine_small", False)

        inspections.record_result(li, started.id, general.code, "ok")
        inspections.record_result(li, started.id, "fire_safety/FS-01", "na", "无此设施")
        rec = inspections.record_result(li, started.id, major.code, "hazard", "二楼住人")
        draft = hazards.get_hazard(li, rec.hazard_id)
        assert (draft.status, draft.level, draft.level_confirmed) == ("draft", "major", False)
        assert draft.description.startswith("二楼住人") and major.text in draft.description
        assert draft.basis == major.basis and draft.deadline_days == major.default_days
        assert "level_from_checklist" in [w.code for w in rec.warnings]

        # changing the answer tombstones the draft; answering hazard again makes a new one
        inspections.record_result(li, started.id, major.code, "ok")
        assert hazards.get_hazard(li, rec.hazard_id).deleted
        again = inspections.record_result(li, started.id, major.code, "hazard")
        assert again.hazard_id != rec.hazard_id
        assert hazards.get_hazard(li, again.hazard_id).description == f"不符合要求：{major.text}"
        free = inspections.add_free_hazard(li, started.id, HazardInput(
            site_id="", description="门口私拉电线", deadline_days=3))
        assert hazards.get_hazard(li, free.id).status == "draft"
    finally:
        li.close()

    # a crash or a closed app loses nothing: resume from the store
    li = _as(session, "li")
    try:
        mine = inspection_views.list_inspections(li, status="in_progress", mine=True)
        assert [m["id"] for m in mine] == [started.id]
        view = inspection_views.get_inspection(li, started.id)
        assert view["summary"]["items_checked"] == 3 and view["free_hazards"] == [free.id]
        assert view["location"] == "一楼大厅"

        summary = inspections.finish_inspection(li, started.id)
        assert {k: summary[k] for k in ("items_checked", "ok", "hazard", "na", "hazards")} == {
            "items_checked": 3, "ok": 1, "hazard": 1, "na": 1, "hazards": 2}
        assert summary["hazards_by_level"] == {"general": 1, "major": 1}
        assert summary["major_unconfirmed"] == 1
        for hid in (again.hazard_id, free.id):
            row = hazards.get_hazard(li, hid)
            assert row.status == "open"
            assert [e["kind"] for e in hazards.hazard_events(li, hid)] == ["drafted", "published"]
        with pytest.raises(ValidationError):
            inspections.record_result(li, started.id, general.code, "na")
        with pytest.raises(PermissionDenied):
            inspections.start_inspection(li, inspections.StartInput(site_id=town["far"]))
    finally:
        li.close()
    history = inspection_views.site_history(session, town["site"])
    assert [i["id"] for i in history["inspections"]] == [started.id]
    assert {h["id"] for h in history["hazards"]} == {again.hazard_id, free.id}


def test_a_supervisor_records_a_confirmed_major_level(session, town):
    sup = _as(session, "sup")
    try:
        run = inspections.start_inspection(sup, inspections.StartInput(
            site_id=town["site"], template_ids=["nine_small"], kind="recheck")).id
        rec = inspections.record_result(sup, run, _item(sup, "nine_small", True).code, "hazard")
        row = hazards.get_hazard(sup, rec.hazard_id)
        assert (row.level, row.level_confirmed, row.source) == ("major", True, "patrol")
    finally:
        sup.close()


def test_discard_and_bad_input(session, town):
    run = inspections.start_inspection(session, inspections.StartInput(
        site_id=town["site"], template_ids=["nine_small"])).id
    rec = inspections.record_result(session, run, "NS-01", "hazard")
    with pytest.raises(ValidationError):
        inspections.record_result(session, run, "NS-01", "maybe")
    with pytest.raises(NotFound):
        inspections.record_result(session, run, "XX-99", "ok")
    with pytest.raises(ValidationError):
        inspections.start_inspection(session, inspections.StartInput(site_id=town["site"], kind="party"))
    inspections.discard_inspection(session, run)
    assert hazards.get_hazard(session, rec.hazard_id).deleted
    assert inspection_views.list_inspections(session) == []
    with pytest.raises(NotFound):
        inspection_views.get_inspection(session, run)


def test_the_same_item_code_in_two_checklists_needs_the_template(session, town):
    draft = checklists.draft_of(session, "nine_small")
    draft.code = "nine_small_copy"
    checklists.create_template(session, draft)
    run = inspections.start_inspection(session, inspections.StartInput(
        site_id=town["site"], template_ids=["nine_small", "nine_small_copy"])).id
    with pytest.raises(ValidationError) as err:
        inspections.record_result(session, run, "NS-01", "ok")
    assert err.value.code == "ambiguous_item"
    inspections.record_result(session, run, "nine_small_copy/NS-01", "ok")


def test_cli_workflow_as_an_inspector(data_dir, clock):
    s = open_session(data_dir, clock=clock)
    try:
        g1 = _grid(s, "G1")
        _user(s, "li", "inspector", [g1])
    finally:
        s.close()
    store = ["--data-dir", str(data_dir)]

    def ok(*args):
        result = cli(*store, *args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    site = ok("site", "add", "--name", "李记小吃", "--sector", "九小场所", "--grid", "G1").strip()
    template = json.loads(ok("checklist", "show", "nine_small", "--json"))
    major = next(i for i in template["items"] if i["major"])
    run = json.loads(ok("--as", "li", "inspection", "start", "--site", site, "--checklist",
                        template["id"], "--json"))["id"]
    ok("--as", "li", "inspection", "record", run, "--item", "NS-01", "--result", "ok")
    hazard_id = ok("--as", "li", "inspection", "record", run, "--item", major["code"],
                   "--result", "hazard", "--note", "店内住人").strip()
    shown = json.loads(ok("--as", "li", "inspection", "show", run, "--json"))
    assert shown["status"] == "in_progress" and shown["hazards"][0]["status"] == "draft"
    summary = json.loads(ok("--as", "li", "inspection", "finish", run, "--json"))
    assert (summary["ok"], summary["hazard"], summary["hazards_by_level"]["major"]) == (1, 1, 1)
    hazard = json.loads(ok("hazard", "show", hazard_id, "--json"))
    assert (hazard["status"], hazard["level"], hazard["level_confirmed"]) == ("open", "major", False)
    again = cli(*store, "--as", "li", "inspection", "record", run, "--item", "NS-01", "--result", "na")
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1

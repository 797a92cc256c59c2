"""Sites and hazards through the services: warnings, validation, undoable deletes."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import IllegalTransition, NotFound, ValidationError
from inspector_app.services import hazards, overdue_rule, overview, sites
from inspector_app.services.hazards import HazardFilter


def test_bad_uscc_warns_but_saves(session):
    saved = sites.add_site(session, SiteInput(name="某小店", uscc="91330100799655058C"))
    assert [w.code for w in saved.warnings] == ["uscc_invalid"]
    row = sites.get_site(session, saved.id)
    assert row.uscc == "91330100799655058C" and row.uscc_ok is False


def test_lower_case_uscc_with_spaces_is_normalised(session):
    saved = sites.add_site(session, SiteInput(name="某公司", uscc=" 9144 0300 7152 6726xg"))
    assert saved.warnings == ()
    assert sites.get_site(session, saved.id).uscc == "9144030071526726XG"


def test_same_uscc_links_to_the_existing_unit(session):
    a = sites.add_site(session, SiteInput(name="一号车间", uscc="914403001922038216", unit_name="某实业公司"))
    b = sites.add_site(session, SiteInput(name="二号仓库", uscc="914403001922038216"))
    assert "unit_linked" in [w.code for w in b.warnings]
    assert sites.get_site(session, a.id).unit_id == sites.get_site(session, b.id).unit_id


def test_public_place_has_no_unit(session):
    saved = sites.add_site(session, SiteInput(name="青龙山山场", no_unit=True, sectors=["forest_fire"]))
    row = sites.get_site(session, saved.id)
    assert row.unit_id is None and row.sectors == ("forest_fire",)


def test_sector_by_chinese_name_and_unknown_sector(session):
    saved = sites.add_site(session, SiteInput(name="饭店", sectors=["燃气", "养蜂场"]))
    assert sites.get_site(session, saved.id).sectors == ("gas", "养蜂场")
    assert "unknown_sector" in [w.code for w in saved.warnings]


def test_overlong_text_is_refused_and_nothing_saved(session):
    with pytest.raises(ValidationError) as err:
        sites.add_site(session, SiteInput(name="店" * 201))
    assert "太长" in err.value.zh
    assert sites.count_sites(session) == 0


def test_empty_name_is_refused(session):
    with pytest.raises(ValidationError):
        sites.add_site(session, SiteInput(name="   "))


def test_grid_is_created_for_an_admin(session):
    saved = sites.add_site(session, SiteInput(name="店", grid="东村第一网格"))
    assert "grid_created" in [w.code for w in saved.warnings]
    again = sites.add_site(session, SiteInput(name="店2", grid="东村第一网格"))
    assert again.warnings == ()


def test_delete_and_restore_site_takes_its_hazards_along(session):
    site = sites.add_site(session, SiteInput(name="待删场所"))
    h = hazards.add_hazard(session, HazardInput(site_id=site.id, description="电线私拉乱接"))
    other = hazards.add_hazard(session, HazardInput(site_id=site.id, description="单独删除的隐患"))
    hazards.delete_hazard(session, other.id)
    sites.delete_site(session, site.id)
    assert sites.count_sites(session) == 0
    assert hazards.list_hazards(session) == []
    sites.restore_site(session, site.id)
    assert [r.id for r in hazards.list_hazards(session)] == [h.id]  # the separately deleted stays


def test_hazard_due_date_skips_to_a_working_day(session):
    site = sites.add_site(session, SiteInput(name="店"))
    # 2026-09-28 + 5 days = 10-03, in the National Day holiday (10-01…10-07) -> Thursday 10-08
    saved = hazards.add_hazard(session, HazardInput(site_id=site.id, description="x", deadline_days=5))
    assert hazards.get_hazard(session, saved.id).due_date == "2026-10-08"


def test_impossible_dates_are_refused(session):
    site = sites.add_site(session, SiteInput(name="店"))
    for bad in ("2026-02-30", "明天", "2027-01-01", "1900-01-01"):
        with pytest.raises(ValidationError):
            hazards.add_hazard(session, HazardInput(site_id=site.id, description="x", found_on=bad))
    assert hazards.list_hazards(session) == []


def test_hazard_on_a_missing_site(session):
    with pytest.raises(NotFound):
        hazards.add_hazard(session, HazardInput(site_id="nope", description="x"))


def test_illegal_transition_changes_nothing(session):
    site = sites.add_site(session, SiteInput(name="店"))
    h = hazards.add_hazard(session, HazardInput(site_id=site.id, description="x", deadline_days=3))
    before = hazards.hazard_details(session, h.id)
    with pytest.raises(IllegalTransition):
        hazards.transition(session, h.id, "recheck_passed", {"on": "2026-09-28"})
    after = hazards.hazard_details(session, h.id)
    assert before["events"] == after["events"] and after["status"] == "open"


def test_filters_and_overview(session, clock):
    site = sites.add_site(session, SiteInput(name="店"))
    late = hazards.add_hazard(session, HazardInput(site_id=site.id, description="逾期的", deadline_days=3,
                                                  found_on="2026-09-01", level="major"))
    hazards.add_hazard(session, HazardInput(site_id=site.id, description="新的", deadline_days=30))
    # no notice served: the deadline from the found date is provisional, not overdue
    assert hazards.list_hazards(session, HazardFilter(overdue=True)) == []
    assert not hazards.hazard_rows(session, [late.id])[0].overdue
    assert overview.overview(session).overdue == 0
    overdue_rule.set_counts_provisional(session, True)  # the township counts provisional ones
    assert [r.id for r in hazards.list_hazards(session, HazardFilter(overdue=True))] == [late.id]
    assert hazards.hazard_rows(session, [late.id])[0].overdue
    assert [r.id for r in hazards.list_hazards(session, HazardFilter(level="major"))] == [late.id]
    ov = overview.overview(session)
    assert (ov.sites, ov.hazards, ov.overdue, ov.major_open) == (1, 2, 1, 1)
    ids = hazards.list_hazard_ids(session, sort="due_date", descending=False)
    assert ids[0] == late.id


def test_editing_the_deadline_of_an_open_hazard_is_an_event(session):
    site = sites.add_site(session, SiteInput(name="店"))
    h = hazards.add_hazard(session, HazardInput(site_id=site.id, description="x", deadline_days=3))
    data = hazards.hazard_input_of(hazards.get_hazard(session, h.id))
    data.deadline_days = 30
    hazards.update_hazard(session, h.id, data)
    details = hazards.hazard_details(session, h.id)
    assert details["events"][-1]["kind"] == "deadline_set"
    assert details["due_date"] == "2026-10-28"

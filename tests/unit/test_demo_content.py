"""The demo township generator: deterministic, consistent and realistic enough to demo."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector_app.core.uscc import check_uscc, normalize_uscc
from inspector_app.services.demo_content import generate_township

TODAY = date(2026, 5, 20)
SECTORS_JSON = Path(__file__).resolve().parents[2] / "resources/sectors.json"
STATUSES = {"draft", "open", "notified", "awaiting_recheck", "closed"}


@pytest.fixture(scope="module")
def town():
    return generate_township(today=TODAY)


def test_same_seed_same_output():
    a = generate_township(seed=7, sites=60, hazards=300, today=TODAY)
    b = generate_township(seed=7, sites=60, hazards=300, today=TODAY)
    assert a == b
    c = generate_township(seed=8, sites=60, hazards=300, today=TODAY)
    assert c.sites != a.sites and c.hazards != a.hazards


def test_sites_do_not_depend_on_hazard_count():
    a = generate_township(seed=3, sites=40, hazards=10, today=TODAY)
    b = generate_township(seed=3, sites=40, hazards=500, today=TODAY)
    assert a.sites == b.sites


def test_counts(town):
    assert town.township and town.county and town.agency_short
    assert len(town.villages) == 3
    grids = [g.code for v in town.villages for g in v.grids]
    assert len(grids) == 12 and len(set(grids)) == 12
    assert all(len(v.grids) == 4 for v in town.villages)
    assert len(town.sites) == 200 and len(town.hazards) == 1000
    assert len({s.key for s in town.sites}) == 200
    small = generate_township(seed=1, sites=7, hazards=33, today=TODAY)
    assert len(small.sites) == 7 and len(small.hazards) == 33
    assert generate_township(sites=0, hazards=0, today=TODAY).hazards == ()
    with pytest.raises(ValueError):
        generate_township(sites=0, hazards=5, today=TODAY)


def test_users_cover_every_grid_once(town):
    grids = {g.code for v in town.villages for g in v.grids}
    roles = Counter(u.role for u in town.users)
    assert roles["supervisor"] >= 1 and roles["admin"] + roles["supervisor"] >= 2
    inspectors = [u for u in town.users if u.role == "inspector"]
    assert 6 <= len(inspectors) <= 10
    assert all(1 <= len(u.grid_codes) <= 2 for u in inspectors)
    covered = [c for u in inspectors for c in u.grid_codes]
    assert sorted(covered) == sorted(grids)
    assert len({u.login for u in town.users}) == len(town.users)


def test_sector_codes_are_valid(town):
    codes = {s["code"] for s in json.loads(SECTORS_JSON.read_text("utf-8"))["sectors"]}
    big = generate_township(seed=5, sites=2000, hazards=0, today=TODAY)
    used = Counter(s.sector for s in big.sites)
    assert set(used) <= codes
    assert "mining" not in used
    for common in ("nine_small", "rental_housing", "gas", "ebike", "industry_trade"):
        assert used[common] >= 100
    assert all(s.grid_code in {g.code for v in town.villages for g in v.grids} for s in town.sites)


def test_site_details_fit_the_sector():
    big = generate_township(seed=11, sites=2000, hazards=0, today=TODAY)
    for s in big.sites:
        if s.sector == "forest_fire":
            assert s.unit_name is None and s.uscc is None
        if s.sector == "rental_housing":
            assert s.landlord
        if s.unit_name is None:
            assert s.uscc is None and s.legal_rep is None
        if s.phone:
            assert (s.phone.isdigit() and len(s.phone) == 11 and s.phone[0] == "1") or (
                s.phone[:5].endswith("-") and len(s.phone) == 13)
        assert (s.lat is None) == (s.lon is None)
        assert s.risk_colour in {"red", "orange", "yellow", "blue"}
    public = sum(s.unit_name is None for s in big.sites) / len(big.sites)
    assert 0.02 < public < 0.10
    with_coords = sum(s.lat is not None for s in big.sites) / len(big.sites)
    assert 0.5 < with_coords < 0.7
    buildings = Counter(s.building for s in big.sites if s.building)
    assert buildings and max(buildings.values()) >= 2
    for name in buildings:
        same = {(s.grid_code, s.landlord) for s in big.sites if s.building == name}
        assert len(same) == 1


def test_uscc_mix():
    big = generate_township(seed=2026, sites=2000, hazards=0, today=TODAY)
    codes = [s.uscc for s in big.sites]
    valid = [c for c in codes if c is not None and check_uscc(c).ok and c == normalize_uscc(c)]
    failing = [c for c in codes if c is not None and not check_uscc(c).ok]
    messy = [c for c in codes if c is not None and check_uscc(c).ok and c != normalize_uscc(c)]
    none = [c for c in codes if c is None]
    n = len(codes)
    assert 0.70 < len(valid) / n < 0.88
    assert 0.03 < (len(failing) + len(messy)) / n < 0.12
    assert failing and messy and none
    assert any(len(c) == 15 and c.isdigit() for c in failing)
    assert any(check_uscc(c).problem == "checksum" for c in failing)


def test_statuses_and_dates(town):
    statuses = Counter(h.status for h in town.hazards)
    assert set(statuses) == STATUSES
    assert 30 <= statuses["draft"] <= 70 and 350 <= statuses["closed"] <= 450
    oldest = TODAY - timedelta(days=310)
    for h in town.hazards:
        assert oldest <= h.found_on <= TODAY
        assert h.level in {"general", "major"} and h.factor in "人机环管"
        assert h.source in {"patrol", "public_report", "internal_report", "assigned", "campaign"}
        assert h.deadline_days in {0, 3, 7, 15, 30}
        for d in (h.served_on, h.reported_done_on, h.closed_on):
            assert d is None or d <= TODAY
        if h.status in {"draft", "open"}:
            assert h.served_on is h.reported_done_on is h.closed_on is None
            continue
        assert h.served_on is not None and h.served_on >= h.found_on
        if h.reported_done_on is not None:
            assert h.reported_done_on >= h.served_on
        if h.closed_on is not None:
            assert h.closed_on >= (h.reported_done_on or h.served_on)
        if h.status == "awaiting_recheck":
            assert h.reported_done_on is not None and h.closed_on is None
        if h.status == "closed":
            assert h.closed_on is not None and not h.reopened
        if h.status == "notified" and not h.reopened:
            assert h.reported_done_on is None and h.closed_on is None
        if h.reopened:
            assert h.status == "notified" and h.closed_on is not None and h.closed_on < TODAY
        if h.extended:
            assert h.status == "notified"
        if h.listed:
            assert h.level == "major"
    notified = [h for h in town.hazards if h.status == "notified" and not h.reopened]
    overdue = [h for h in notified if h.served_on + timedelta(days=h.deadline_days) < TODAY]
    assert 0.1 < len(overdue) / len(notified) < 0.7
    assert any(h.extended for h in town.hazards) and any(h.reopened for h in town.hazards)
    assert any(h.listed for h in town.hazards)
    major = sum(h.level == "major" for h in town.hazards) / len(town.hazards)
    assert 0.04 < major < 0.13
    assert 0.3 < sum(h.working_days for h in town.hazards) / len(town.hazards) < 0.7


def test_default_today_is_today():
    t = generate_township(sites=10, hazards=50)
    assert max(h.found_on for h in t.hazards) <= date.today()


def test_hazards_belong_to_sites_and_grid_inspectors(town):
    sites = {s.key: s for s in town.sites}
    grids_of = {u.login: set(u.grid_codes) for u in town.users if u.role == "inspector"}
    for h in town.hazards:
        site = sites[h.site_key]
        assert site.grid_code in grids_of[h.inspector_login]


def test_descriptions_are_varied_and_searchable(town):
    texts = [h.description for h in town.hazards]
    assert sum("消防" in t for t in texts) >= 30
    assert sum("燃气" in t for t in texts) >= 30
    assert sum("电动自行车" in t or "电动车" in t for t in texts) >= 20
    assert sum("灭火器" in t for t in texts) >= 10
    assert any("飞线充电" in t for t in texts)
    assert len(set(texts)) >= 150
    sites = {s.key: s for s in town.sites}
    gas = [h.description for h in town.hazards if sites[h.site_key].sector == "gas"]
    assert len(set(gas)) >= 10
    assert all("{" not in t and "{" not in h.location for t, h in zip(texts, town.hazards,
                                                                         strict=True))


@pytest.mark.slow
def test_large_generation():
    t = generate_township(seed=1, sites=20_000, hazards=100_000, today=TODAY)
    assert len(t.sites) == 20_000 and len(t.hazards) == 100_000
    assert t.sites[-1].key == "S20000"

"""专项整治 campaigns: the 双随机 draw is reproducible from its seed; the CLI."""

from __future__ import annotations

import hashlib
import json

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import PermissionDenied, ValidationError
from inspector_app.services import campaigns, inspections, sites
from inspector_app.services.session import open_session
from tests.helpers import cli


def _inspector(session, login):
    return session.write(lambda tx: tx.insert("app_user", {
        "login": login, "name": login, "role": "inspector", "grid_ids": "[]", "active": 1}))


@pytest.fixture
def pool(session):
    ids = [sites.add_site(session, SiteInput(name=f"餐馆{i}", sectors=["gas"])).id for i in range(12)]
    sites.add_site(session, SiteInput(name="五金店", sectors=["industry_trade"]))
    people = [_inspector(session, f"wg{i}") for i in range(5)]
    return ids, people


def test_the_draw_rule_is_plain_sha256_ranking():
    pool = ["b", "a", "c", "d"]
    expected = sorted(pool, key=lambda i: hashlib.sha256(f"2026-11:site:{i}".encode()).hexdigest())[:2]
    assert campaigns.draw_ids("2026-11", "site", pool, 2) == expected
    assert campaigns.draw_ids("2026-11", "site", list(reversed(pool)), 2) == expected  # order-free
    assert campaigns.draw_ids("other", "site", pool, 4) != campaigns.draw_ids("2026-11", "site", pool, 4)


def test_draw_is_recorded_final_and_verifiable(session, pool):
    site_ids, people = pool
    cid = campaigns.create_campaign(session, campaigns.CampaignInput(
        name="燃气安全一月一重点", sector="城镇燃气", starts_on="2026-11-01", ends_on="2026-11-30")).id
    result = campaigns.draw(session, cid, sites=4, inspectors=2, seed="20261101-福彩3D-527")
    assert len(result.sites) == 4 and set(result.sites) <= set(site_ids)
    assert len(result.inspectors) == 2 and set(result.inspectors) <= set(people)
    assert (result.site_pool, result.inspector_pool) == (12, 5)
    # anyone re-running the rule on the recorded pool with the seed gets the same draw
    assert result.sites == campaigns.draw_ids(result.seed, "site", site_ids, 4)
    check = campaigns.verify_draw(session, cid)
    assert check["ok"] and not check["site_pool_changed"]
    with pytest.raises(ValidationError) as err:
        campaigns.draw(session, cid, sites=4, inspectors=2)
    assert err.value.code == "already_drawn"

    sites.add_site(session, SiteInput(name="新开餐馆", sectors=["gas"]))
    check = campaigns.verify_draw(session, cid)
    assert check["ok"] and check["site_pool_changed"]  # still verifiable from the recorded pool

    run = inspections.start_inspection(session, inspections.StartInput(
        site_id=result.sites[0], campaign_id=cid, template_ids=["gas_catering"]))
    inspections.finish_inspection(session, run.id)
    shown = campaigns.get_campaign(session, cid)
    assert shown["seed"] == "20261101-福彩3D-527" and shown["sector"] == "gas"
    assert [s["finished"] for s in shown["sites"]] == [True, False, False, False]
    assert inspections.KIND_ZH[inspections.KINDS[2]] == "专项整治"


def test_a_random_seed_is_recorded_and_the_same_pool_draws_the_same_elsewhere(session, pool, tmp_path, clock):
    cid = campaigns.create_campaign(session, campaigns.CampaignInput(
        name="燃气", sector="gas", starts_on="2026-11-01", ends_on="2026-11-30")).id
    result = campaigns.draw(session, cid, sites=3, inspectors=0)
    assert len(result.seed) == 16 and result.inspectors == []
    record = session.store.read().execute("SELECT site_pool FROM campaign WHERE id = ?", (cid,)).fetchone()[0]
    assert campaigns.draw_ids(result.seed, "site", json.loads(record), 3) == result.sites


def test_campaign_rules(session, pool):
    with pytest.raises(ValidationError):
        campaigns.create_campaign(session, campaigns.CampaignInput(
            name="x", sector="火星", starts_on="2026-11-01", ends_on="2026-11-30"))
    with pytest.raises(ValidationError):
        campaigns.create_campaign(session, campaigns.CampaignInput(
            name="x", sector="gas", starts_on="2026-11-30", ends_on="2026-11-01"))
    empty = campaigns.create_campaign(session, campaigns.CampaignInput(
        name="矿山", sector="mining", starts_on="2026-11-01", ends_on="2026-11-30")).id
    with pytest.raises(ValidationError) as err:
        campaigns.draw(session, empty, sites=2, inspectors=0)
    assert err.value.code == "empty_pool"
    inspector = open_session(session.store.data_dir, as_user="wg0", clock=session.clock)
    try:
        with pytest.raises(PermissionDenied):
            campaigns.create_campaign(inspector, campaigns.CampaignInput(
                name="x", sector="gas", starts_on="2026-11-01", ends_on="2026-11-30"))
    finally:
        inspector.close()


def test_cli_add_draw_show_verify(data_dir):
    store = ["--data-dir", str(data_dir)]

    def ok(*args):
        result = cli(*store, *args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    for i in range(6):
        ok("site", "add", "--name", f"餐馆{i}", "--sector", "城镇燃气")
    cid = json.loads(ok("campaign", "add", "--name", "燃气专项", "--sector", "燃气", "--from",
                        "2026-11-01", "--to", "2026-11-30", "--json"))["id"]
    drawn = json.loads(ok("campaign", "draw", cid, "--sites", "3", "--seed", "527", "--json"))
    assert drawn["seed"] == "527" and len(drawn["sites"]) == 3
    shown = json.loads(ok("campaign", "show", cid, "--json"))
    assert [s["id"] for s in shown["sites"]] == drawn["sites"]
    assert json.loads(ok("campaign", "verify", cid, "--json"))["ok"] is True
    again = cli(*store, "campaign", "draw", cid, "--sites", "3")
    assert again.returncode == 1 and "重抽" in again.stderr

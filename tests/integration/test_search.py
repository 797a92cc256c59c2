"""Search finds two-character Chinese words (FTS5 trigram alone would find nothing)."""

from __future__ import annotations

import sqlite3

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, search, sites
from inspector_app.store.search_index import index_tokens, match_expression


@pytest.fixture
def filled(session):
    a = sites.add_site(session, SiteInput(name="李记小吃店", address="青石镇东村三组 58 号", uscc="914403001922038216"))
    b = sites.add_site(session, SiteInput(name="兴旺五金加工厂", address="工业园区兴业路 12 号"))
    h1 = hazards.add_hazard(session, HazardInput(site_id=a.id, description="厨房燃气软管老化，未安装泄漏报警装置"))
    h2 = hazards.add_hazard(session, HazardInput(site_id=b.id, description="二楼消防通道被杂物堵塞", location="二楼楼梯间"))
    h3 = hazards.add_hazard(session, HazardInput(site_id=b.id, description="灭火器压力不足，已过期"))
    return {"a": a.id, "b": b.id, "h1": h1.id, "h2": h2.id, "h3": h3.id}


def _ids(hits):
    return {h.id for h in hits}


def test_the_trigram_tokenizer_really_misses_two_character_queries():
    # why the bigram index exists: keep the premise honest on this SQLite
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    conn.execute("INSERT INTO t VALUES ('二楼消防通道被杂物堵塞')")
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH '消防'").fetchone()[0] == 0


@pytest.mark.parametrize("query, key", [("消防", "h2"), ("燃气", "h1"), ("小吃", "a"), ("五金", "b")])
def test_two_character_chinese_queries_match(session, filled, query, key):
    assert filled[key] in _ids(search.search(session, query))


def test_longer_queries_must_be_contiguous(session, filled):
    assert _ids(search.search(session, "消防通道")) == {filled["h2"]}
    assert _ids(search.search(session, "灭火器")) == {filled["h3"]}
    assert search.search(session, "消道") == []  # characters present but not adjacent


def test_single_character_query(session, filled):
    assert filled["h3"] in _ids(search.search(session, "器"))  # last character of 灭火器
    assert filled["h2"] in _ids(search.search(session, "堵"))


def test_several_terms_all_must_match(session, filled):
    assert _ids(search.search(session, "二楼 堵塞")) == {filled["h2"]}
    assert search.search(session, "二楼 燃气") == []


def test_site_found_by_uscc_prefix_and_address_number(session, filled):
    assert filled["a"] in _ids(search.search(session, "91440300"))
    assert filled["b"] in _ids(search.search(session, "兴业路"))


def test_edits_and_deletes_update_the_index(session, filled):
    hid = filled["h2"]
    row = hazards.get_hazard(session, hid)
    data = hazards.hazard_input_of(row)
    data.description = "疏散指示标志损坏"
    hazards.update_hazard(session, hid, data)
    assert hid not in _ids(search.search(session, "消防"))
    assert hid in _ids(search.search(session, "疏散"))
    hazards.delete_hazard(session, hid)
    assert hid not in _ids(search.search(session, "疏散"))
    hazards.restore_hazard(session, hid)
    assert hid in _ids(search.search(session, "疏散"))


def test_unit_rename_reindexes_its_sites(session, filled):
    row = sites.get_site(session, filled["a"])
    data = sites.site_input_of(row)
    data.unit_name = "青石镇李记餐饮有限公司"
    sites.update_site(session, filled["a"], data)
    assert filled["a"] in _ids(search.search(session, "餐饮"))


def test_fts_syntax_in_user_text_is_harmless(session, filled):
    for text in ['"', "消防 OR", "NEAR(", "*", "a:b", "-", "消防\"*"]:
        search.search(session, text)  # must not raise


def test_limit(session, filled):
    assert len(search.search(session, "号", limit=1)) == 1


def test_tokens():
    assert index_tokens("消防通道") == "消防 防通 通道 道"
    assert match_expression("消防通道") == '"消防 防通 通道"'
    assert match_expression("  ") is None

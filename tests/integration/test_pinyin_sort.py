"""Chinese names sort by pinyin (丁 ding, 东 dong, 万 wan), not by code point (丁, 万, 东);
the hazard list's text filter also finds hazards by their site's name (issue 13)."""

from __future__ import annotations

import json
import sqlite3

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, sites, users
from inspector_app.services.hazards import HazardFilter
from inspector_app.services.sites import SiteFilter
from inspector_app.store import collation
from tests.helpers import cli

# code point order: 万 (U+4E07) before 东 (U+4E1C); 北 U+5317 < 重 U+91CD < 长 U+957F
NAMES = ["万家超市", "丁记面馆", "东风饭店", "重庆火锅", "长沙米粉", "北京烤鸭", "Aroma咖啡", "7天酒店"]
PINYIN_ORDER = ["7天酒店", "Aroma咖啡", "北京烤鸭", "长沙米粉", "重庆火锅", "丁记面馆", "东风饭店",
                "万家超市"]


def _add_sites(session) -> dict[str, str]:
    return {name: sites.add_site(session, SiteInput(name=name)).id for name in NAMES}


def test_plain_sqlite_order_is_not_pinyin():
    """Why the collation exists: SQLite's own order puts 万 before 东."""
    conn = sqlite3.connect(":memory:")
    plain = [r[0] for r in conn.execute(
        "SELECT column1 FROM (VALUES ('丁'), ('万'), ('东')) ORDER BY column1")]
    assert plain == ["丁", "万", "东"]
    collation.register(conn)
    assert [r[0] for r in conn.execute(
        "SELECT column1 FROM (VALUES ('丁'), ('万'), ('东')) ORDER BY column1 COLLATE PINYIN")] \
        == ["丁", "东", "万"]


def test_the_key_function_sorts_like_the_collation():
    conn = sqlite3.connect(":memory:")
    collation.register(conn)
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in [*NAMES, None, "西", "西安", "先锋"]])
    by_key = [r[0] for r in conn.execute("SELECT name FROM t ORDER BY pinyin_key(name)")]
    by_collation = [r[0] for r in conn.execute("SELECT name FROM t ORDER BY name COLLATE PINYIN")]
    assert by_key == by_collation
    assert by_key[0] is None and by_key[1:] == [*PINYIN_ORDER[:5], "丁记面馆", "东风饭店", "万家超市",
                                                "西", "西安", "先锋"]


def test_polyphonic_characters_are_read_as_in_their_word():
    key = collation.sort_key
    assert key("长沙") < key("重庆") < key("丁")  # chang, chong (not zhang, zhong)
    assert key("银行") > key("行长") > key("海")  # yin hang; hang zhang after hai
    assert key("长安") < key("长江")  # both chang: an before jiang


def test_collation_is_total_and_deterministic():
    texts = ["重", "重庆", "虫", "崇", "a", "A", "b", "", "1", "东", "東", "冬"]
    ordered = sorted(texts, key=lambda s: collation.sort_key(s))
    assert sorted(reversed(texts), key=collation.sort_key) == ordered
    for a in texts:
        for b in texts:
            c = collation.compare(a, b)
            assert (c == 0) == (a == b)
            assert c == -collation.compare(b, a)


def test_site_list_sorts_by_pinyin(session):
    _add_sites(session)
    rows = sites.list_sites(session)
    assert [r.name for r in rows] == PINYIN_ORDER
    ids = sites.list_site_ids(session, SiteFilter(), sort="name", descending=True)
    assert [r.name for r in sites.site_rows(session, ids)] == PINYIN_ORDER[::-1]


def test_hazards_by_site_name_sort_by_pinyin(session):
    by_name = _add_sites(session)
    for name, site_id in by_name.items():
        hazards.add_hazard(session, HazardInput(site_id=site_id, description=f"{name}的灭火器过期"))
    ids = hazards.list_hazard_ids(session, HazardFilter(), sort="site", descending=False)
    assert [r.site_name for r in hazards.hazard_rows(session, ids)] == PINYIN_ORDER


def test_users_sort_by_name_in_pinyin(session):
    users.set_password(session, session.user.login, "admin-secret-1")  # before adding users
    for login, name in (("u1", "万明"), ("u2", "丁一"), ("u3", "东方亮")):  # login order differs
        users.add_user(session, login, name, "inspector")
    names = [u.name for u in users.list_users(session) if u.login in ("u1", "u2", "u3")]
    assert names == ["丁一", "东方亮", "万明"]


def test_the_writer_connection_knows_the_collation_too(session):
    _add_sites(session)
    got = session.store.write(lambda tx: [r[0] for r in tx.conn.execute(
        "SELECT name FROM site ORDER BY name COLLATE PINYIN")])
    assert got == PINYIN_ORDER


def test_cli_site_list_default_order_is_pinyin(data_dir):
    store = ["--data-dir", str(data_dir)]
    for name in NAMES:
        assert cli(*store, "site", "add", "--name", name).returncode == 0
    listed = json.loads(cli(*store, "site", "list", "--json").stdout)
    assert [s["name"] for s in listed] == PINYIN_ORDER
    table = cli(*store, "site", "list").stdout.splitlines()
    shown = [next(n for n in NAMES if n in line) for line in table if any(n in line for n in NAMES)]
    assert shown == PINYIN_ORDER


def test_hazard_filter_finds_hazards_by_their_site_name(session):
    site = sites.add_site(session, SiteInput(name="兴旺五金厂")).id
    other = sites.add_site(session, SiteInput(name="东风饭店")).id
    mine = hazards.add_hazard(session, HazardInput(site_id=site, description="二楼消防通道堵塞")).id
    hazards.add_hazard(session, HazardInput(site_id=other, description="燃气软管老化"))
    for text in ("兴旺五金厂", "五金", "兴旺"):
        assert hazards.list_hazard_ids(session, HazardFilter(text=text)) == [mine], text
        assert hazards.count_hazards(session, HazardFilter(text=text)) == 1
    # the hazard's own text still matches, and other filters still apply
    assert hazards.list_hazard_ids(session, HazardFilter(text="消防")) == [mine]
    assert hazards.list_hazard_ids(session, HazardFilter(text="五金", level="major")) == []
    assert hazards.list_hazard_ids(session, HazardFilter(text="   ")) == []

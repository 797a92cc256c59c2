"""Cost of sorting by pinyin (``COLLATE PINYIN``) against a plain code-point ``ORDER BY``.

    python -m tests.benchmarks.bench_pinyin_sort [STORE_DIR]

On 20,000 sites: the site list's id query (what the GUI's list view and ``site list`` run)
by name and by grid, and the hazard list sorted by site name, each with the collation and
with the plain ``ORDER BY`` it replaced; prints both and the ratio. The first sort in a
process also fills the key cache (pypinyin per distinct name); "cold" is that first run.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from inspector_app.services.session import open_session
from inspector_app.store import collation
from tests.benchmarks.generate import DEFAULT_STORE, build, median_ms, store_from_argv

QUERIES = {
    "sites by name": "SELECT s.id FROM site s LEFT JOIN unit u ON u.id = s.unit_id "
                     "LEFT JOIN region g ON g.id = s.grid_id WHERE s.deleted = 0 "
                     "ORDER BY s.name{c}, s.id",
    "sites by grid": "SELECT s.id FROM site s LEFT JOIN unit u ON u.id = s.unit_id "
                     "LEFT JOIN region g ON g.id = s.grid_id WHERE s.deleted = 0 "
                     "ORDER BY g.name{c}, s.id",
    "hazards by site": "SELECT h.id FROM hazard h LEFT JOIN site s ON s.id = h.site_id "
                       "WHERE h.deleted = 0 ORDER BY s.name{c}, h.id",
}


def run(store_dir: Path) -> list[str]:
    lines = []
    created = build(store_dir)
    if created:
        lines.append(f"store creation: {created:.1f} s")
    session = open_session(store_dir)
    try:
        store = session.store
        sites = store.read().execute("SELECT count(*) FROM site").fetchone()[0]
        hazards = store.read().execute("SELECT count(*) FROM hazard").fetchone()[0]
        lines.append(f"sites: {sites}, hazards: {hazards}")
        lines.append(f"{'query':<16} {'plain':>9} {'pinyin':>9} {'ratio':>6} {'pinyin cold':>12}")
        for name, sql in QUERIES.items():
            collation.sort_key.cache_clear()
            start = time.perf_counter()
            store.read_column(sql.format(c=" COLLATE PINYIN"))
            cold = (time.perf_counter() - start) * 1000
            plain = median_ms(lambda sql=sql: store.read_column(sql.format(c="")), runs=5)
            pinyin = median_ms(lambda sql=sql: store.read_column(sql.format(c=" COLLATE PINYIN")),
                               runs=5)
            lines.append(f"{name:<16} {plain:>7.1f}ms {pinyin:>7.1f}ms {pinyin / plain:>5.1f}x "
                         f"{cold:>10.1f}ms")
    finally:
        session.close()
    return lines


@pytest.mark.benchmark
def test_pinyin_sort_benchmark():
    for line in run(DEFAULT_STORE):
        print(line)


if __name__ == "__main__":
    for line in run(store_from_argv()):
        print(line)

"""Cost of sorting by pinyin (``COLLATE PINYIN``) against a plain code-point ``ORDER BY``.

    python -m tests.benchmarks.bench_pinyin_sort [STORE_DIR]

On 20,000 sites: the site list's id query (what the GUI's list view and ``site list`` run)
by name and by grid, and the 100,000 hazards sorted by site name, three ways: the plain
code-point ``ORDER BY`` (the old order), ``COLLATE PINYIN`` (a Python callback for every
comparison) and ``ORDER BY pinyin_key(…)`` (one key per row, then SQLite compares strings:
what the services use). Ratios are against plain. The first sort in a process also loads
pypinyin's tables and fills the key cache; "cold" is that first run of pinyin_key.
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
                     "ORDER BY {s.name}, s.id",
    "sites by grid": "SELECT s.id FROM site s LEFT JOIN unit u ON u.id = s.unit_id "
                     "LEFT JOIN region g ON g.id = s.grid_id WHERE s.deleted = 0 "
                     "ORDER BY {g.name}, s.id",
    "hazards by site": "SELECT h.id FROM hazard h LEFT JOIN site s ON s.id = h.site_id "
                       "WHERE h.deleted = 0 ORDER BY {s.name}, h.id",
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
        lines.append(f"{'query':<16} {'plain':>9} {'COLLATE':>9} {'ratio':>6} {'pinyin_key':>10} "
                     f"{'ratio':>6} {'key cold':>9}")
        for name, sql in QUERIES.items():
            column = sql[sql.index("{") + 1:sql.index("}")]
            plain_sql = sql.replace("{" + column + "}", column)
            collate_sql = sql.replace("{" + column + "}", f"{column} COLLATE PINYIN")
            key_sql = sql.replace("{" + column + "}", f"pinyin_key({column})")
            collation.sort_key.cache_clear()
            collation._entries.clear()
            start = time.perf_counter()
            store.read_column(key_sql)
            cold = (time.perf_counter() - start) * 1000
            assert store.read_column(key_sql) == store.read_column(collate_sql)  # the same order
            plain = median_ms(lambda q=plain_sql: store.read_column(q), runs=5)
            collate = median_ms(lambda q=collate_sql: store.read_column(q), runs=3)
            keyed = median_ms(lambda q=key_sql: store.read_column(q), runs=5)
            lines.append(f"{name:<16} {plain:>7.1f}ms {collate:>7.1f}ms {collate / plain:>5.1f}x "
                         f"{keyed:>8.1f}ms {keyed / plain:>5.1f}x {cold:>7.1f}ms")
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

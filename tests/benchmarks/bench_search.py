"""Search latency at 100k hazards: 2-, 3- and 4-character Chinese queries.

    python -m tests.benchmarks.bench_search [STORE_DIR]

Compares the service call (what the GUI's search box and `inspector-app search` use)
with a raw FTS5 MATCH on the same index in the same run. Goal: ≤ 50 ms per query.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.services import search
from inspector_app.services.session import open_session
from inspector_app.store.search_index import match_expression
from tests.benchmarks.generate import DEFAULT_STORE, build, median_ms, store_from_argv

QUERIES = ["消防", "燃气", "电动", "灭火器", "飞线充", "消防通道", "安全出口", "液化石油"]




def run(store_dir: Path) -> list[str]:
    lines = []
    created = build(store_dir)
    if created:
        lines.append(f"store creation: {created:.1f} s (20,000 sites / 100,000 hazards)")
    session = open_session(store_dir)
    try:
        conn = session.store.read()
        total = conn.execute("SELECT count(*) FROM hazard").fetchone()[0]
        lines.append(f"hazards in store: {total}")
        lines.append(f"{'query':<8} {'chars':>5} {'matches':>8} {'raw FTS5':>9} {'search(50)':>11} "
                     f"{'ratio':>6} {'search(all)':>12}")
        for q in QUERIES:
            expr = match_expression(q)

            def raw(expr=expr):
                return conn.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 50",
                    (expr,),
                ).fetchall()

            matches = conn.execute(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (expr,)).fetchone()[0]
            raw_ms = median_ms(raw)
            top_ms = median_ms(lambda q=q: search.search(session, q, limit=50))
            all_ms = median_ms(lambda q=q: search.search(session, q), runs=3)
            lines.append(f"{q:<8} {len(q):>5} {matches:>8} {raw_ms:>7.1f}ms {top_ms:>9.1f}ms "
                         f"{top_ms / raw_ms:>5.1f}x {all_ms:>10.1f}ms")
    finally:
        session.close()
    return lines


@pytest.mark.benchmark
def test_search_benchmark():
    store = DEFAULT_STORE
    for line in run(store):
        print(line)


if __name__ == "__main__":
    target = store_from_argv()
    for line in run(target):
        print(line)

"""Dashboard and statistics latency at 100k hazards / 20k sites.

    python -m tests.benchmarks.bench_dashboard [STORE_DIR]

Times each dashboard panel (as the GUI calls them), the whole dashboard, ``stats`` and the
tray's overdue query — for a supervisor (all grids) and an inspector (their grids) — against
a plain ``SELECT count(*) FROM hazard`` measured in the same run. Median of several runs.
Goal: ≤ 100 ms each. Printed, not asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from inspector_app.services import dashboard, notifications, stats
from inspector_app.services.session import Session, load_user, open_session
from tests.benchmarks.generate import DEFAULT_STORE, build, median_ms, store_from_argv

GOAL_MS = 100.0




def _cases(session: Session) -> dict[str, Callable[[], object]]:
    return {
        "overdue panel": lambda: dashboard.overdue(session),
        "due in 3 days panel": lambda: dashboard.due_soon(session),
        "awaiting re-check panel": lambda: dashboard.awaiting_recheck(session),
        "major under supervision": lambda: dashboard.major_under_supervision(session),
        "re-checks due (10-day)": lambda: dashboard.rechecks_due(session),
        "dashboard, all my panels": lambda: dashboard.dashboard(session, with_sites_due=False),
        "sites due (insp. plan)": lambda: dashboard.sites_due_for_inspection(session),
        "stats": lambda: stats.stats(session),
        "new overdue since": lambda: notifications.new_overdue_since(session, "2026-09-01"),
    }


def run(store_dir: Path) -> list[str]:
    lines = []
    created = build(store_dir)
    if created:
        lines.append(f"store creation: {created:.1f} s (20,000 sites / 100,000 hazards)")
    session = open_session(store_dir)
    try:
        conn = session.store.read()
        total = conn.execute("SELECT count(*) FROM hazard").fetchone()[0]
        sites = conn.execute("SELECT count(*) FROM site").fetchone()[0]
        lines.append(f"hazards in store: {total}, sites: {sites}, schema {session.store.schema_version}")
        base_ms = median_ms(lambda: conn.execute("SELECT count(*) FROM hazard").fetchone())
        lines.append(f"baseline SELECT count(*) FROM hazard: {base_ms:.3f} ms")
        login = conn.execute("SELECT login FROM app_user WHERE role = 'inspector' AND deleted = 0"
                             " ORDER BY login LIMIT 1").fetchone()
        who = [("supervisor/admin (all grids)", session)]
        if login:
            who.append((f"inspector {login[0]} (own grids)",
                        Session(session.store, load_user(session.store, login[0]))))
        for label, s in who:
            lines.append(f"-- as {label}")
            lines.append(f"{'query':<26} {'median':>9} {'x count(*)':>11} {'goal':>6}")
            for name, fn in _cases(s).items():
                ms = median_ms(fn, runs=5)
                verdict = "ok" if ms <= GOAL_MS else "SLOW"
                lines.append(f"{name:<26} {ms:>7.1f}ms {ms / base_ms:>10.1f}x {verdict:>6}")
    finally:
        session.close()
    return lines


@pytest.mark.benchmark
def test_dashboard_benchmark():
    store = DEFAULT_STORE
    for line in run(store):
        print(line)


if __name__ == "__main__":
    target = store_from_argv()
    for line in run(target):
        print(line)

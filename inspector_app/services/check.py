"""``inspector-app check``: is the store sound? (integrity, foreign keys, audit chains)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import audit
from ..store.migration_schedule import COLUMNS as SCHEDULE_COLUMNS
from ..store.migration_schedule import schedule_query
from ..store.migration_tallies import (
    INSPECTION_TALLY_KEYS,
    TALLY_KEYS,
    inspection_tally_query,
    tally_query,
)
from .session import Session


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(session: Session) -> CheckReport:
    """Run every check; each problem is one line naming what is wrong."""
    report = CheckReport()
    conn = session.store.read()
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    report.checked.append("integrity_check")
    if rows != ["ok"]:
        report.problems += [f"integrity: {r}" for r in rows]
    report.checked.append("foreign_key_check")
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        report.problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    report.checked.append("audit_chain")
    for p in audit.verify(conn):
        what = {"gap": "entry missing before", "prev_hash": "chain broken at",
                "hash": "entry altered at"}[p.problem]
        report.problems.append(f"audit log of device {p.device_id}: {what} entry {p.n}")
    report.checked.append("statistics_tally")
    report.problems += tally_problems(conn)
    report.checked.append("derived_tables")
    report.problems += derived_problems(conn)
    from .photos import verify_media

    report.checked.append("media")
    report.problems += verify_media(session)[1]  # re-hash every original: missing / altered
    return report


def tally_problems(conn) -> list[str]:  # noqa: ANN001 - a sqlite3 connection
    """Compare the statistics tally kept by triggers with a fresh count of the hazards."""
    kept = {tuple(r[:-1]): r[-1] for r in conn.execute(
        f"SELECT {', '.join(TALLY_KEYS)}, n FROM hazard_tally WHERE n != 0")}
    fresh = {tuple(r[:-1]): r[-1] for r in conn.execute(tally_query())}
    if kept == fresh:
        return []
    wrong = sum(1 for k in kept.keys() | fresh.keys() if kept.get(k) != fresh.get(k))
    return [f"statistics tally: {wrong} group(s) differ from the hazards"
            " (the statistics would be wrong; report this)"]


def derived_problems(conn) -> list[str]:  # noqa: ANN001 - a sqlite3 connection
    """Compare the trigger-kept inspection schedule and inspection tally (migration 9) with
    what a fresh query over the sites and inspections gives."""
    problems = []
    for label, kept_sql, fresh_sql in (
        ("inspection schedule", f"SELECT {SCHEDULE_COLUMNS} FROM site_schedule", schedule_query()),
        ("inspection tally", f"SELECT {', '.join(INSPECTION_TALLY_KEYS)}, n FROM inspection_tally"
                             " WHERE n != 0", inspection_tally_query()),
    ):
        kept = sorted(map(tuple, conn.execute(kept_sql)), key=repr)
        fresh = sorted(map(tuple, conn.execute(fresh_sql)), key=repr)
        if kept != fresh:
            wrong = len(set(kept) ^ set(fresh))
            problems.append(f"{label}: {wrong} row(s) differ from the sites and inspections"
                            " (the inspection plan or statistics would be wrong; report this)")
    return problems

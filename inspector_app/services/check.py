"""``inspector-app check``: is the store sound? (integrity, foreign keys, audit chains)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import audit
from ..store.migration_schedule import COLUMNS as SCHEDULE_COLUMNS
from ..store.migration_schedule import schedule_query
from ..store.migration_tallies import HAZARD_TALLY, TALLIES
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
    report.checked.append("inspection_schedule")
    report.problems += schedule_problems(conn)
    from .photos import verify_media

    report.checked.append("media")
    report.problems += verify_media(session)[1]  # re-hash every original: missing / altered
    return report


def tally_problems(conn) -> list[str]:  # noqa: ANN001 - a sqlite3 connection
    """Compare the statistics tallies kept by triggers with fresh counts."""
    problems = []
    for tally in TALLIES:
        kept = {tuple(r[:-1]): r[-1] for r in conn.execute(tally.kept_query())}
        fresh = {tuple(r[:-1]): r[-1] for r in conn.execute(tally.fresh_query())}
        if kept != fresh:
            wrong = sum(1 for k in kept.keys() | fresh.keys() if kept.get(k) != fresh.get(k))
            what = "statistics tally" if tally is HAZARD_TALLY else tally.table.replace("_", " ")
            problems.append(f"{what}: {wrong} group(s) differ from the {tally.source} table"
                            " (the statistics would be wrong; report this)")
    return problems


def schedule_problems(conn) -> list[str]:  # noqa: ANN001 - a sqlite3 connection
    """Compare the trigger-kept inspection schedule (migration 9) with a fresh query."""
    kept = sorted(map(tuple, conn.execute(f"SELECT {SCHEDULE_COLUMNS} FROM site_schedule")), key=repr)
    fresh = sorted(map(tuple, conn.execute(schedule_query())), key=repr)
    if kept == fresh:
        return []
    return [f"inspection schedule: {len(set(kept) ^ set(fresh))} row(s) differ from the sites"
            " and inspections (the inspection plan would be wrong; report this)"]

"""``inspector-app check``: is the store sound, and has it been changed behind the app's back?

A reading command: it opens nothing for writing; only ``repair=True`` touches the data
folder (leftover temp files and orphan thumbnails removed, orphan originals moved aside),
never the database. What it can and cannot prove: docs/ARCHITECTURE.md, "What check proves".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ...store import audit, device_file
from ..session import Session
from . import derived, files, oplog
from .derived import schedule_problems, tally_problems
from .problems import Problem

__all__ = ["CheckReport", "Problem", "check_store", "schedule_problems", "tally_problems"]


@dataclass
class CheckReport:
    issues: list[Problem] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    repaired: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    @property
    def problems(self) -> list[str]:
        """The problems in English (logs, tests); ``messages`` gives them in a language."""
        return [p.en for p in self.issues]

    def messages(self, lang: str = "zh") -> list[str]:
        return [p.message(lang) for p in self.issues]


_CHAIN_TEXT = {
    "gap": ("entry missing before", "之前缺少条目"),
    "prev_hash": ("chain broken at", "哈希链断裂于"),
    "hash": ("entry altered at", "条目被改动："),
}


def _chain(conn: sqlite3.Connection) -> list[Problem]:
    out = []
    for p in audit.verify(conn):
        en, zh = _CHAIN_TEXT[p.problem]
        out.append(Problem(f"audit_{p.problem}", f"audit log of device {p.device_id}: {en} entry {p.n}",
                           f"设备 {p.device_id} 的审计日志：{zh}第 {p.n} 条"))
    return out


def anchor_problems(conn: sqlite3.Connection, session: Session) -> list[Problem]:
    """This device's chain against the head anchored in device.json (store/device_file.py)."""
    anchor = device_file.read_anchor(session.store.data_dir)
    if anchor is None or anchor.device_id != session.store.device_id:
        return []
    found = audit.verify_head(conn, anchor.device_id, anchor.n, anchor.hash)
    if found is None:
        return []
    last = audit.head(conn, anchor.device_id)
    ends = last.n if last else 0
    if found == "truncated":
        return [Problem(
            "audit_truncated",
            f"audit log of this device ends at entry {ends}, but device.json anchored entry"
            f" {anchor.n}: its last entries were deleted",
            f"本机审计日志只到第 {ends} 条，但 device.json 记录的最新条目是第 {anchor.n} 条：审计日志末尾的条目被删除")]
    return [Problem(
        "audit_rewritten",
        f"audit log of this device: entry {anchor.n} differs from the one anchored in"
        " device.json: the log was edited and re-hashed",
        f"本机审计日志第 {anchor.n} 条与 device.json 记录的不一致：审计日志被改写并重新计算了哈希")]


def settings_problems(conn: sqlite3.Connection) -> list[Problem]:
    """Synced settings that no declaration knows or that do not parse as declared: every
    device would fall back to the default, silently (settings_registry)."""
    from ..settings_registry import problems_in

    return [Problem("setting_invalid", f"setting {key}: {why} (the default is used instead)",
                    f"设置项 {key} 无效：{why}（改用默认值）") for key, why in problems_in(conn)]


def check_store(session: Session, *, repair: bool = False) -> CheckReport:
    """Run every check; each problem names what is wrong. ``repair``: see the module doc."""
    report = CheckReport()
    conn = session.store.read()  # a read-only connection: check cannot write the database
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    report.checked.append("integrity_check")
    if rows != ["ok"]:
        report.issues += [Problem("integrity", f"integrity: {r}", f"数据库损坏：{r}") for r in rows]
    report.checked.append("foreign_key_check")
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        report.issues.append(Problem(
            "foreign_key", f"foreign key: {table} row {rowid} points to a missing {parent}",
            f"外键：{table} 表第 {rowid} 行指向的 {parent} 记录不存在"))
    report.checked.append("audit_chain")
    report.issues += _chain(conn)
    report.checked.append("audit_anchor")
    report.issues += anchor_problems(conn, session)
    report.checked.append("triggers")
    report.issues += oplog.trigger_problems(conn)
    report.checked.append("oplog")
    report.issues += oplog.row_problems(conn, session.store.device_id)
    report.checked.append("settings")
    report.issues += settings_problems(conn)
    report.checked.append("hazard_status")
    report.issues += derived.hazard_problems(conn)
    report.checked.append("statistics_tally")
    report.issues += tally_problems(conn)
    report.checked.append("inspection_schedule")
    report.issues += schedule_problems(conn)
    from ..photos import verify_media

    report.checked.append("media")
    report.issues += [_media_problem(line) for line in verify_media(session)[1]]
    report.checked.append("files")
    data_dir = session.store.data_dir
    leftovers = files.find_leftovers(conn, data_dir)
    if repair:
        report.repaired = files.repair(leftovers, data_dir)
        leftovers = files.find_leftovers(conn, data_dir)  # what is left (e.g. a file in use)
    report.issues += leftovers.problems(data_dir)
    return report


def _media_problem(line: str) -> Problem:
    """verify_media's lines read ``english - 中文``; the Chinese part leads in Chinese."""
    en, _, zh = line.rpartition(" - ")
    if not en:
        return Problem("media", line, line)
    detail = en.split(": ", 1)[1] if ": " in en else en
    return Problem("media", en, f"{zh}：{detail}")

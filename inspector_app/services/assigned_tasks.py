"""Handed-down tasks (上级交办): a higher authority asks the township to check or fix something
by a date. A supervisor records the task, an inspector of the grid carries it out (hazards it
produced are linked to it) and reports the result; overdue tasks show on the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core import permissions
from ..core.errors import NotFound, ValidationError
from ..core.permissions import Action
from ..core.validation import parse_date
from ..store.store import WriteTx
from .changes import HAZARDS, Changes, Saved
from .hazards import get_hazard, scope_clause
from .lifecycle_common import day_of, required_text, row_dict
from .regions import find_grid
from .session import Session, load_user

OPEN, DONE, CANCELLED = "open", "done", "cancelled"
TASKS = "assigned_task"  # Changes kind


@dataclass
class TaskInput:
    source: str  # who handed it down
    content: str
    due_on: str
    received_on: str | None = None  # default today
    reference: str | None = None  # their document number
    site_id: str | None = None
    grid: str | None = None  # id, code or name
    assigned_to: str | None = None  # login


@dataclass(frozen=True)
class TaskRow:
    id: str
    source: str
    reference: str | None
    received_on: str
    due_on: str
    content: str
    site_id: str | None
    grid_id: str | None
    assigned_to: str | None
    status: str
    done_on: str | None
    result: str | None
    overdue: bool
    hazard_ids: tuple[str, ...]


def add_task(session: Session, data: TaskInput) -> Saved:
    permissions.require(session.user, Action.ADD_TASK)
    today = session.clock.today()
    source = required_text("source", "交办单位", data.source, 200)
    content = required_text("content", "交办内容", data.content, 5000)
    received = day_of("received_on", "收到日期", data.received_on, today)
    due = parse_date("due_on", data.due_on)
    if due is None:
        raise ValidationError("a handed-down task needs a due date", "请填写交办任务的办结期限", code="no_deadline")
    if due < received:
        raise ValidationError(f"the due date {due} is before the day it was received {received}",
                              f"办结期限 {due} 早于收到日期 {received}", code="deadline_before_found")
    conn = session.store.read()
    grid_id = None
    if data.grid:
        grid = find_grid(conn, data.grid)
        if grid is None:
            raise NotFound(f"unknown grid {data.grid!r}", f"没有网格“{data.grid}”")
        grid_id = grid.id
    assignee = load_user(session.store, data.assigned_to).id if data.assigned_to else None

    def job(tx: WriteTx) -> str:
        nonlocal grid_id
        if data.site_id:
            site = tx.conn.execute("SELECT grid_id FROM site WHERE id = ? AND deleted = 0",
                                   (data.site_id,)).fetchone()
            if site is None:
                raise NotFound(f"no site with id {data.site_id}", f"找不到场所（编号 {data.site_id}）")
            grid_id = grid_id or site[0]
        task_id = tx.insert("assigned_task", {
            "source": source, "reference": (data.reference or "").strip() or None,
            "received_on": received.isoformat(), "due_on": due.isoformat(), "content": content,
            "site_id": data.site_id, "grid_id": grid_id, "assigned_to": assignee, "status": OPEN,
        })
        tx.audit("task_added", "assigned_task", task_id, f"{source}: {content[:60]}")
        return task_id

    return Saved(session.write(job), Changes.of(TASKS))


def list_tasks(session: Session, status: str | None = None, overdue: bool = False) -> list[TaskRow]:
    """Tasks in the user's grids (or assigned to them), by due date."""
    today = session.clock.today().isoformat()
    sql, params = "SELECT * FROM assigned_task t WHERE t.deleted = 0", []
    scope, scope_params = scope_clause(session.user, alias="t", owner="assigned_to", owner_any_grid=True)
    if scope:
        sql += " AND " + scope
        params += scope_params
    if status:
        sql += " AND t.status = ?"
        params.append(status)
    if overdue:
        sql += " AND t.status = 'open' AND t.due_on < ?"
        params.append(today)
    conn = session.store.read()
    out = []
    for r in conn.execute(sql + " ORDER BY t.due_on, t.id", params).fetchall():
        hazards = tuple(x[0] for x in conn.execute(
            "SELECT id FROM hazard WHERE assigned_task_id = ? AND deleted = 0", (r["id"],)))
        out.append(TaskRow(
            r["id"], r["source"], r["reference"], r["received_on"], r["due_on"], r["content"],
            r["site_id"], r["grid_id"], r["assigned_to"], r["status"], r["done_on"], r["result"],
            r["status"] == OPEN and r["due_on"] < today, hazards))
    return out


def _task_for_write(tx: WriteTx, session: Session, task_id: str) -> dict[str, Any]:
    row = row_dict(tx.conn, "SELECT * FROM assigned_task WHERE id = ? AND deleted = 0", (task_id,))
    if row is None:
        raise NotFound(f"no handed-down task {task_id}", f"找不到交办任务（编号 {task_id}）")
    permissions.require_scope(session.user, row["grid_id"], row["assigned_to"], any_grid=True,
                              kind="task")
    return row


def complete_task(session: Session, task_id: str, *, result: str | None,
                  on: str | date | None = None) -> Changes:
    """The task is done; ``result`` is what is reported back up."""
    permissions.require(session.user, Action.COMPLETE_TASK)
    text = required_text("result", "办理结果", result, 5000)
    today = session.clock.today()

    def job(tx: WriteTx) -> None:
        row = _task_for_write(tx, session, task_id)
        if row["status"] != OPEN:
            raise ValidationError(f"the task is already {row['status']}", "该交办任务已办结",
                                  code="task_closed")
        day = day_of("on", "办结日期", on, today, row["received_on"], "收到日期")
        tx.update("assigned_task", task_id, {"status": DONE, "done_on": day.isoformat(), "result": text})
        tx.audit("task_done", "assigned_task", task_id, text[:100])

    session.write(job)
    return Changes.of(TASKS)


def link_hazard_to_task(session: Session, task_id: str, hazard_id: str) -> Changes:
    permissions.require(session.user, Action.EDIT_HAZARD)
    get_hazard(session, hazard_id)

    def job(tx: WriteTx) -> None:
        _task_for_write(tx, session, task_id)
        tx.update("hazard", hazard_id, {"assigned_task_id": task_id})
        tx.audit("task_linked", "assigned_task", task_id, f"hazard {hazard_id}")

    session.write(job)
    return Changes.of(TASKS, HAZARDS)

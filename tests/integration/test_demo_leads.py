"""The demo township comes with public reports and handed-down tasks in every state."""

from __future__ import annotations

from inspector_app.services import assigned_tasks, demo, public_reports


def test_demo_has_reports_and_tasks_in_every_state(session) -> None:
    demo.fill_demo(session, sites=60, hazards=200)
    reports = public_reports.list_reports(session)
    assert sorted({r.status for r in reports}) == ["received", "unfounded", "verified"]
    verified = next(r for r in reports if r.status == "verified")
    detail = public_reports.get_report(session, verified.id)
    assert detail.hazard_ids and detail.reward_amount == 200
    # the reporter stays in the protected table, never in the synced report row
    conn = session.store.read()
    assert conn.execute("SELECT count(*) FROM public_report_reporter").fetchone()[0] == 3
    tasks = assigned_tasks.list_tasks(session)
    assert len(tasks) == 4
    assert any(t.status == "done" for t in tasks) and any(t.hazard_ids for t in tasks)
    assert assigned_tasks.list_tasks(session, overdue=True)  # one is past its due date


def test_demo_users_have_unique_logins(session) -> None:
    """The store's first user (admin) becomes the demo's administrator, not a second admin."""
    admin_id = session.user.id
    demo.fill_demo(session, sites=20, hazards=40)
    conn = session.store.read()
    logins = [r[0] for r in conn.execute("SELECT login FROM app_user WHERE deleted = 0")]
    assert len(logins) == len(set(logins)) and "admin" in logins
    row = conn.execute("SELECT id, name, role FROM app_user WHERE login = 'admin'").fetchone()
    assert tuple(row) == (admin_id, "陈立新", "admin")

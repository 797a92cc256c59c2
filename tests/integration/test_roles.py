"""Roles through the services: each guarded action for inspector, supervisor and admin."""

from __future__ import annotations

import pytest

from inspector_app.core.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.core.permissions import Action
from inspector_app.services import hazards, rectification, users
from inspector_app.services.session import open_session
from tests.lifecycle_helpers import as_, make_town


@pytest.fixture
def town(session):
    return make_town(session)


def _notified(town, **kw):
    hid = town.hazard(**kw)
    rectification.notify(town.li, hid)
    return hid


# action -> a call that needs a supervisor; each gets a fresh, suitable hazard
SUPERVISOR_ACTIONS = {
    Action.EXTEND: lambda t, s, h: rectification.extend(s, h, days=3, reason="申请"),
    Action.ESCALATE: lambda t, s, h: rectification.escalate(s, h, step="reminder", reason="逾期"),
    Action.CONFIRM_LEVEL: lambda t, s, h: rectification.confirm_level(s, h, "major"),
    Action.LIST: lambda t, s, h: rectification.list_hazard(s, h, reason="重大"),
}


@pytest.mark.parametrize("action", list(SUPERVISOR_ACTIONS))
@pytest.mark.parametrize("who", ["li", "wang", "admin"])
def test_supervisor_actions(town, action, who):
    hid = town.major_ready() if action == Action.LIST else _notified(town)
    session = {"li": town.li, "wang": town.wang, "admin": town.admin}[who]
    if who == "li":
        with pytest.raises(PermissionDenied):
            SUPERVISOR_ACTIONS[action](town, session, hid)
    else:
        SUPERVISOR_ACTIONS[action](town, session, hid)


def test_delist_and_close_major_need_a_supervisor(town):
    hid = town.major_ready()
    rectification.notify(town.li, hid)
    rectification.list_hazard(town.wang, hid, reason="重大隐患")
    with pytest.raises(PermissionDenied):
        rectification.delist(town.li, hid, reason="x")
    rectification.delist(town.admin, hid, reason="验收")
    with pytest.raises(PermissionDenied):
        rectification.recheck(town.li, hid, passed=True, opinion="ok")
    rectification.recheck(town.li, hid, passed=False, opinion="未完成", new_deadline_days=5)
    rectification.close(town.wang, hid, opinion="验收合格")
    with pytest.raises(PermissionDenied):
        rectification.reopen(town.li, hid, reason="复现")
    rectification.reopen(town.wang, hid, reason="复现")


def test_inspectors_see_and_edit_their_grids_only(town):
    mine = town.hazard(town.li, site=town.s1)
    theirs = town.hazard(town.zhao, site=town.s3)
    assert hazards.list_hazard_ids(town.li) == [mine]
    assert hazards.list_hazard_ids(town.zhao) == [theirs]
    assert set(hazards.list_hazard_ids(town.wang)) == {mine, theirs}
    assert hazards.count_hazards(town.li) == 1
    with pytest.raises(PermissionDenied):
        hazards.get_hazard(town.li, theirs)
    with pytest.raises(PermissionDenied):
        hazards.hazard_details(town.li, theirs)
    for act in (lambda: rectification.notify(town.li, theirs),
                lambda: rectification.set_fields(town.li, theirs, {"measures": "x"}),
                lambda: hazards.delete_hazard(town.li, theirs),
                lambda: hazards.transition(town.li, theirs, "notified", {"served_on": "2026-09-28"}),
                lambda: town.hazard(town.li, site=town.s3)):
        with pytest.raises(PermissionDenied):
            act()
    assert hazards.get_hazard(town.zhao, theirs).status == "open"


def test_mine_restricts_a_supervisor_with_grids(town):
    users.set_grids(town.admin, "wang", ["G2"])
    wang = as_(town.admin, "wang")
    a = town.hazard(town.li, site=town.s1)
    b = town.hazard(town.zhao, site=town.s3)
    assert set(hazards.list_hazard_ids(wang)) == {a, b}
    assert hazards.list_hazard_ids(wang, hazards.HazardFilter(mine=True)) == [b]


def test_generic_transition_checks_authority(town):
    hid = _notified(town)
    with pytest.raises(PermissionDenied):
        hazards.transition(town.li, hid, "extended", {"due_date": "2026-12-01"})
    hazards.transition(town.wang, hid, "extended", {"due_date": "2026-12-01"})


def test_admin_manages_users(town, session):
    with pytest.raises(PermissionDenied):
        users.add_user(town.wang, "x1", "某人", "inspector")
    with pytest.raises(PermissionDenied):
        users.set_role(town.wang, "li", "supervisor")
    with pytest.raises(PermissionDenied):
        users.add_grid(town.wang, "新网格")
    users.set_role(town.admin, "li", "supervisor")
    assert as_(session, "li").user.role == "supervisor"
    with pytest.raises(ValidationError):
        users.add_user(town.admin, "li", "重名", "inspector")
    with pytest.raises(ValidationError):
        users.add_user(town.admin, "x2", "某人", "boss")
    with pytest.raises(NotFound):
        users.add_user(town.admin, "x3", "某人", "inspector", grids=["G99"])
    with pytest.raises(ValidationError) as exc:
        users.set_role(town.admin, "admin", "inspector")  # the last admin
    assert exc.value.code == "last_admin"
    with pytest.raises(ValidationError):
        users.set_active(town.admin, "admin", False)
    users.set_active(town.admin, "zhao", False)
    with pytest.raises(PermissionDenied):
        as_(session, "zhao")
    listed = {u.login: u for u in users.list_users(town.admin)}
    assert listed["admin"].current and not listed["zhao"].active and listed["li"].grids == ("东村第一网格",)
    actions = [r[0] for r in session.store.read().execute("SELECT action FROM audit_log")]
    assert {"user_added", "user_role_set", "user_disabled", "region_added"} <= set(actions)


def test_passwords_are_argon2_and_checked(town, data_dir, clock, session):
    users.set_password(town.admin, "li", "li-secret-1")
    stored = session.store.read().execute(
        "SELECT password_hash FROM app_user WHERE login = 'li'").fetchone()[0]
    assert stored.startswith("$argon2id$") and "li-secret-1" not in stored
    assert users.verify_password(stored, "li-secret-1") and not users.verify_password(stored, "nope")
    with pytest.raises(ValidationError):
        users.set_password(town.admin, "li", "123")  # too short
    # a user changes their own password with the old one; another's only as admin
    li = as_(session, "li")
    with pytest.raises(PermissionDenied):
        users.set_password(li, "li", "new-secret-2", old_password="wrong")
    users.set_password(li, "li", "new-secret-2", old_password="li-secret-1")
    with pytest.raises(PermissionDenied):
        users.set_password(li, "zhao", "zhao-secret")
    session.close()
    with pytest.raises(PermissionDenied) as exc:
        open_session(data_dir, clock=clock, as_user="li")
    assert exc.value.code == "password_required"
    with pytest.raises(PermissionDenied) as exc:
        open_session(data_dir, clock=clock, as_user="li", password="li-secret-1")
    assert exc.value.code == "wrong_password"
    s = open_session(data_dir, clock=clock, as_user="li", password="new-secret-2")
    assert s.user.login == "li"
    s.close()
    s = open_session(data_dir, clock=clock, as_user="zhao")  # no password set: no check
    assert s.user.login == "zhao"
    s.close()


def test_log_in_makes_the_current_user(town, data_dir, clock, session):
    users.set_password(town.admin, "wang", "wang-secret")
    with pytest.raises(PermissionDenied):
        users.log_in(session, "wang", "wrong")
    users.log_in(session, "wang", "wang-secret")
    session.close()
    s = open_session(data_dir, clock=clock)  # stays logged in: no password asked
    assert s.user.login == "wang"
    s.close()

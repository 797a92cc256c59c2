"""Role rules: inspector ⊂ supervisor ⊂ admin, grid scope, event authority."""

from __future__ import annotations

import pytest

from inspector_app.core import permissions as p
from inspector_app.core.entities import User
from inspector_app.core.errors import PermissionDenied
from inspector_app.core.hazard_status import EVENT_KINDS
from inspector_app.core.hazard_status import EventKind as E
from inspector_app.core.permissions import Action

INSPECTOR = User("u1", "li", "李网格", "inspector", ("g1",))
SUPERVISOR = User("u2", "wang", "王站长", "supervisor", ())
ADMIN = User("u3", "admin", "管理员", "admin", ())

SUPERVISOR_ONLY = [Action.CLOSE_MAJOR, Action.REOPEN_MAJOR, Action.EXTEND, Action.ESCALATE,
                   Action.LIST, Action.DELIST, Action.CONFIRM_LEVEL, Action.SEE_ALL_GRIDS,
                   Action.CLOSE_REPORT, Action.SET_REWARD, Action.SEE_REPORTER, Action.ADD_TASK]
ADMIN_ONLY = [Action.MANAGE_USERS, Action.MANAGE_GRIDS, Action.MANAGE_TEMPLATES, Action.MANAGE_SETTINGS]
EVERYONE = [Action.ADD_HAZARD, Action.EDIT_HAZARD, Action.NOTIFY, Action.REPORT_DONE, Action.RECHECK,
            Action.CLOSE_GENERAL, Action.FIX_ON_SPOT, Action.REOPEN_GENERAL, Action.ADD_REPORT,
            Action.LINK_REPORT, Action.COMPLETE_TASK]


@pytest.mark.parametrize("action", SUPERVISOR_ONLY + ADMIN_ONLY + EVERYONE)
def test_each_action_by_role(action):
    assert p.can(INSPECTOR, action) == (action in EVERYONE)
    assert p.can(SUPERVISOR, action) == (action not in ADMIN_ONLY)
    assert p.can(ADMIN, action)


def test_refusal_names_the_role_needed_in_both_languages():
    with pytest.raises(PermissionDenied) as exc:
        p.require(INSPECTOR, Action.CLOSE_MAJOR)
    assert "supervisor" in exc.value.en and "监管人员" in exc.value.zh and "重大隐患" in exc.value.zh
    with pytest.raises(PermissionDenied) as exc:
        p.require(SUPERVISOR, Action.MANAGE_USERS)
    assert "admin" in exc.value.en and "管理员" in exc.value.zh


def test_grid_scope():
    assert p.in_scope(INSPECTOR, "g1")
    assert not p.in_scope(INSPECTOR, "g2")
    assert not p.in_scope(INSPECTOR, None)
    assert p.in_scope(INSPECTOR, None, owner="u1")  # what they recorded at a site without grid
    assert not p.in_scope(INSPECTOR, "g2", owner="u1")
    assert p.in_scope(INSPECTOR, "g2", owner="u1", any_grid=True)  # a task assigned to them
    assert p.in_scope(SUPERVISOR, "g2") and p.in_scope(ADMIN, None)
    with pytest.raises(PermissionDenied):
        p.require_scope(INSPECTOR, "g2")


@pytest.mark.parametrize("kind", EVENT_KINDS)
def test_every_event_has_an_authority(kind):
    for level in ("general", "major"):
        action = p.event_action(kind, level)
        assert action in p.ROLE_ACTIONS["admin"]


def test_event_authority_by_level():
    assert p.can(INSPECTOR, p.event_action(E.RECHECK_PASSED, "general"))
    assert not p.can(INSPECTOR, p.event_action(E.RECHECK_PASSED, "major"))
    assert p.can(SUPERVISOR, p.event_action(E.RECHECK_PASSED, "major"))
    assert not p.can(INSPECTOR, p.event_action(E.REOPENED, "major"))
    assert p.can(INSPECTOR, p.event_action(E.RECHECK_FAILED, "major"))
    assert p.can(INSPECTOR, p.event_action(E.LEVEL_CHANGED, "general"))  # general -> major: suggest
    assert not p.can(INSPECTOR, p.event_action(E.LEVEL_CHANGED, "major"))  # major -> general
    for kind in (E.EXTENDED, E.ESCALATED, E.LISTED, E.DELISTED, E.LEVEL_CONFIRMED):
        assert not p.can(INSPECTOR, p.event_action(kind, "general"))
        assert p.can(SUPERVISOR, p.event_action(kind, "general"))

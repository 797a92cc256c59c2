"""Who may do what (design.md §3 user roles, §7 authority of ops by role).

Three roles, each a superset of the one before: an **inspector** (网格员) records and follows
hazards in the grids assigned to them; a **supervisor** (乡镇应急办/安监站) confirms major
hazards, approves extensions, escalates, lists and de-lists, closes major hazards and sees
every grid and the identity of public reporters; an **admin** also manages users, grids,
checklist templates and settings. The same table answers the services now and the bundle
import later (an op from an inspector's device that only a supervisor may make is refused).
"""

from __future__ import annotations

from collections.abc import Iterable

from .entities import ROLES, User
from .errors import PermissionDenied
from .hazard_status import EventKind as E


class Action:
    ADD_HAZARD = "hazard.add"
    EDIT_HAZARD = "hazard.edit"
    DELETE_HAZARD = "hazard.delete"
    NOTIFY = "hazard.notify"
    REPORT_DONE = "hazard.report_done"
    RECHECK = "hazard.recheck"  # record a re-check; a failed one sets a new deadline
    CLOSE_GENERAL = "hazard.close_general"  # a passed re-check of a general hazard
    CLOSE_MAJOR = "hazard.close_major"  # acceptance (验收) of a major hazard
    FIX_ON_SPOT = "hazard.fix_on_spot"
    REOPEN_GENERAL = "hazard.reopen_general"
    REOPEN_MAJOR = "hazard.reopen_major"
    EXTEND = "hazard.extend"
    ESCALATE = "hazard.escalate"
    LIST = "hazard.list"
    DELIST = "hazard.delist"
    CONFIRM_LEVEL = "hazard.confirm_level"
    SEE_ALL_GRIDS = "grid.see_all"
    ADD_REPORT = "report.add"
    LINK_REPORT = "report.link"  # verify a public report by linking what the inspection found
    CLOSE_REPORT = "report.close_unfounded"
    SET_REWARD = "report.reward"
    SEE_REPORTER = "report.see_reporter"  # the protected identity of a public reporter
    ADD_TASK = "task.add"
    COMPLETE_TASK = "task.complete"
    MANAGE_USERS = "admin.users"
    MANAGE_GRIDS = "admin.grids"
    MANAGE_TEMPLATES = "admin.templates"
    MANAGE_SETTINGS = "admin.settings"  # regional holidays, escalation ladder


_INSPECTOR = frozenset({
    Action.ADD_HAZARD, Action.EDIT_HAZARD, Action.DELETE_HAZARD, Action.NOTIFY,
    Action.REPORT_DONE, Action.RECHECK, Action.CLOSE_GENERAL, Action.FIX_ON_SPOT,
    Action.REOPEN_GENERAL, Action.ADD_REPORT, Action.LINK_REPORT, Action.COMPLETE_TASK,
})
_SUPERVISOR = _INSPECTOR | {
    Action.CLOSE_MAJOR, Action.REOPEN_MAJOR, Action.EXTEND, Action.ESCALATE, Action.LIST,
    Action.DELIST, Action.CONFIRM_LEVEL, Action.SEE_ALL_GRIDS, Action.CLOSE_REPORT,
    Action.SET_REWARD, Action.SEE_REPORTER, Action.ADD_TASK,
}
_ADMIN = _SUPERVISOR | {
    Action.MANAGE_USERS, Action.MANAGE_GRIDS, Action.MANAGE_TEMPLATES, Action.MANAGE_SETTINGS,
}
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "inspector": _INSPECTOR, "supervisor": frozenset(_SUPERVISOR), "admin": frozenset(_ADMIN),
}
assert set(ROLE_ACTIONS) == set(ROLES)

# English and Chinese names of the actions, for refusals a user can understand
ACTION_TEXT: dict[str, tuple[str, str]] = {
    Action.CLOSE_MAJOR: ("close (accept) a major hazard", "重大隐患验收销号"),
    Action.REOPEN_MAJOR: ("reopen a major hazard", "重新打开重大隐患"),
    Action.EXTEND: ("approve an extension", "批准延期"),
    Action.ESCALATE: ("escalate a hazard", "升级督办"),
    Action.LIST: ("put a hazard under listed supervision", "挂牌督办"),
    Action.DELIST: ("de-list a hazard", "摘牌"),
    Action.CONFIRM_LEVEL: ("confirm or change the level of a major hazard", "确认或调整重大隐患等级"),
    Action.SEE_ALL_GRIDS: ("see other grids", "查看其他网格"),
    Action.CLOSE_REPORT: ("close a public report as unfounded", "举报查无实据办结"),
    Action.SET_REWARD: ("set a reward", "设定举报奖励"),
    Action.SEE_REPORTER: ("see or record a reporter's identity", "查看或登记举报人信息"),
    Action.ADD_TASK: ("record a handed-down task", "登记上级交办任务"),
    Action.MANAGE_USERS: ("manage users", "管理用户"),
    Action.MANAGE_GRIDS: ("manage grids", "管理网格"),
    Action.MANAGE_TEMPLATES: ("manage checklist templates", "管理检查表"),
    Action.MANAGE_SETTINGS: ("change settings", "修改系统设置"),
}
ROLE_ZH = {"inspector": "网格员", "supervisor": "监管人员", "admin": "管理员"}


def can(user: User, action: str) -> bool:
    return action in ROLE_ACTIONS.get(user.role, frozenset())


def require(user: User, action: str) -> None:
    """Raise ``PermissionDenied`` unless the user's role allows ``action``."""
    if can(user, action):
        return
    en, zh = ACTION_TEXT.get(action, (action, action))
    needed = "admin" if action.startswith("admin.") else "supervisor"
    raise PermissionDenied(
        f"only a {needed} may {en} ({user.login} is {user.role})",
        f"只有{ROLE_ZH[needed]}可以{zh}（{user.name} 的角色是{ROLE_ZH.get(user.role, user.role)}）",
        code="permission",
    )


def sees_all_grids(user: User) -> bool:
    return can(user, Action.SEE_ALL_GRIDS)


def in_scope(user: User, grid_id: str | None, owner: str | None = None, *,
             any_grid: bool = False) -> bool:
    """Whether a row (hazard, report, task) in ``grid_id`` is within the user's grids.

    An inspector also keeps what they own (``owner``: recorded, received, assigned) when it
    has no grid yet (a site without a grid) — or anywhere, with ``any_grid``.
    """
    if sees_all_grids(user):
        return True
    if grid_id is not None and grid_id in user.grid_ids:
        return True
    return owner is not None and owner == user.id and (any_grid or grid_id is None)


# what a refusal names: the kind of record that is out of the user's grids
SCOPE_TEXT: dict[str, tuple[str, str]] = {
    "hazard": ("this hazard", "该隐患"),
    "site": ("this site", "该场所"),
    "inspection": ("this inspection", "该检查记录"),
    "report": ("this public report", "该举报"),
    "task": ("this task", "该交办任务"),
    "photo": ("this photo", "该照片"),
}


def out_of_scope(kind: str = "hazard") -> PermissionDenied:
    """The refusal for a record of ``kind`` outside the user's grids (it names that kind)."""
    en, zh = SCOPE_TEXT.get(kind, SCOPE_TEXT["hazard"])
    return PermissionDenied(f"{en} is outside your grids", f"{zh}不在您负责的网格内",
                            code="out_of_grid")


def require_scope(user: User, grid_id: str | None, owner: str | None = None, *,
                  any_grid: bool = False, kind: str = "hazard") -> None:
    """Refuse unless ``in_scope``; the message names the ``kind`` of record (see SCOPE_TEXT)."""
    if not in_scope(user, grid_id, owner, any_grid=any_grid):
        raise out_of_scope(kind)


def site_in_scope(user: User, grid_id: str | None) -> bool:
    """A site is the user's when it is in one of their grids or in none (sites record no
    owner, so a site without a grid is everyone's until a grid is set)."""
    return grid_id is None or in_scope(user, grid_id)


def require_site_scope(user: User, grid_id: str | None) -> None:
    if not site_in_scope(user, grid_id):
        raise out_of_scope("site")


def scope_clause(
    user: User, mine: bool = False, alias: str = "h", owner: str | None = "found_by",
    owner_any_grid: bool = False, grid: str = "grid_id",
) -> tuple[str | None, list[object]]:
    """SQL restricting rows to the user's grids (None: every grid) — ``in_scope`` as SQL.

    Inspectors always see only their grids, plus the rows they own (``owner``: recorded,
    received, assigned) that have no grid yet — or, with ``owner_any_grid``, in any grid;
    ``mine`` restricts a supervisor to the grids assigned to them, if any. ``grid``: the
    column (or expression, with ``alias=""``) holding the grid id.
    """
    if sees_all_grids(user) and (not mine or not user.grid_ids):
        return None, []
    col = f"{alias}.{grid}" if alias else grid
    marks = ", ".join("?" for _ in user.grid_ids)
    grids = f"{col} IN ({marks})" if user.grid_ids else "0"
    if owner is None:
        return f"({grids})", [*user.grid_ids]
    who = f"{alias}.{owner}" if alias else owner
    own = f"{who} = ?" if owner_any_grid else f"({col} IS NULL AND {who} = ?)"
    return f"({grids} OR {own})", [*user.grid_ids, user.id]


def site_scope_clause(user: User, alias: str = "s", mine: bool = False) -> tuple[str | None, list[object]]:
    """``site_in_scope`` as SQL over a site table aliased ``alias`` (``""``: unaliased);
    ``mine`` as for ``scope_clause``."""
    clause, params = scope_clause(user, mine, alias=alias, owner=None)
    if clause is None:
        return None, []
    return f"({alias + '.' if alias else ''}grid_id IS NULL OR {clause})", params


def event_action(kind: str, level: str) -> str:
    """The action that recording a hazard event of ``kind`` amounts to."""
    major = level == "major"
    return {
        E.DRAFTED: Action.ADD_HAZARD,
        E.RECORDED: Action.ADD_HAZARD,
        E.PUBLISHED: Action.ADD_HAZARD,
        E.NOTIFIED: Action.NOTIFY,
        E.FIXED_ON_SPOT: Action.FIX_ON_SPOT,
        E.REPORTED_DONE: Action.REPORT_DONE,
        E.RECHECK_PASSED: Action.CLOSE_MAJOR if major else Action.CLOSE_GENERAL,
        E.RECHECK_FAILED: Action.RECHECK,
        E.REOPENED: Action.REOPEN_MAJOR if major else Action.REOPEN_GENERAL,
        E.EXTENDED: Action.EXTEND,
        E.ESCALATED: Action.ESCALATE,
        E.LISTED: Action.LIST,
        E.DELISTED: Action.DELIST,
        E.LEVEL_CHANGED: Action.CONFIRM_LEVEL if major else Action.EDIT_HAZARD,
        E.DEADLINE_SET: Action.EDIT_HAZARD,
        E.LEVEL_CONFIRMED: Action.CONFIRM_LEVEL,
    }.get(kind, Action.CONFIRM_LEVEL)


def require_event(user: User, kind: str, level: str) -> None:
    """Refuse a hazard event the user's role may not record (``level``: the hazard's now)."""
    require(user, event_action(kind, level))


def allowed_roles(action: str) -> Iterable[str]:
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]

"""Users, roles and passwords (design.md §3): admins manage them; anyone may log in.

Passwords are stored as argon2id hashes (``argon2-cffi``). A user without a password can be
acted as freely — a single-user laptop stays logged in as its current user; a user with one
needs it to log in or to be acted as (``--as USER`` with ``INSPECTOR_APP_PASSWORD``).

A fresh store's ``admin`` has no password: fine for one person, but then anyone can act as
the admin. So users are added only once every admin has a password (a new admin, or a user
made admin, needs one; an admin's password stays while there are other users); until
then the CLI warns on stderr and the GUI asks for the password at start.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..core import permissions
from ..core.entities import ROLES, User
from ..core.errors import NotFound, PermissionDenied, ValidationError
from ..core.permissions import ROLE_ZH, Action
from ..store.store import Store, WriteTx, set_info
from . import settings_registry
from .changes import STORE, USERS, Changes, Notice, Saved
from .passwords import MIN_PASSWORD, check_password, hash_password, verify_password  # noqa: F401 - re-exported
from .regions import find_grid
from .session import Session, load_user

# store_info key (this device only, never synced): "0" once someone logged in without
# "stay logged in"; unset or "1" keeps today's behaviour (the current user stays logged in)
STAY = settings_registry.STAY_LOGGED_IN  # device-local: store_info, never synced
STAY_KEY = STAY.key
_LOGIN = re.compile(r"^[^\s]{2,40}$")


@dataclass(frozen=True)
class UserRow:
    id: str
    login: str
    name: str
    role: str
    grid_ids: tuple[str, ...]
    grids: tuple[str, ...]  # grid names, for display
    cert_no: str | None
    active: bool
    has_password: bool
    current: bool


# ----------------------------------------------------------------------------- reading
def list_users(session: Session, include_inactive: bool = True) -> list[UserRow]:
    conn = session.store.read()
    grid_names = {r[0]: r[1] for r in conn.execute(
        "SELECT id, name FROM region WHERE level = 'grid'")}
    current = session.store.info("current_user_id")
    sql = "SELECT * FROM app_user WHERE deleted = 0" + ("" if include_inactive else " AND active = 1")
    out = []
    for r in conn.execute(sql + " ORDER BY pinyin_key(name), login"):  # pinyin order
        grids = tuple(json.loads(r["grid_ids"] or "[]"))
        out.append(UserRow(
            r["id"], r["login"], r["name"], r["role"], grids,
            tuple(grid_names.get(g, g) for g in grids), r["cert_no"], bool(r["active"]),
            bool(r["password_hash"]), r["id"] == current,
        ))
    return out


def current_user(session: Session) -> User:
    return session.user


def stays_logged_in(store: Store) -> bool:
    """Whether this device keeps its current user logged in between starts (the default)."""
    return settings_registry.get(store.read(), STAY)


def has_password(store: Store, user: User) -> bool:
    row = store.read().execute("SELECT password_hash FROM app_user WHERE id = ?", (user.id,)).fetchone()
    return bool(row and row[0])


def admin_without_password(store: Store) -> str | None:
    """The login of an active admin who has no password (anyone could act as them), if any."""
    row = store.read().execute(
        "SELECT login FROM app_user WHERE role = 'admin' AND active = 1 AND deleted = 0"
        " AND (password_hash IS NULL OR password_hash = '') ORDER BY login LIMIT 1").fetchone()
    return row[0] if row else None


def acting_without_password(session: Session) -> bool:
    """Whether the session acts as an admin who has no password, in a real (not demo) store:
    what the CLI warns about and the GUI asks to fix at start."""
    return (session.user.role == "admin" and not session.is_demo
            and not has_password(session.store, session.user))


def password_warning(session: Session) -> Notice:
    """The one-line warning while the admin has no password."""
    login = session.user.login
    return Notice("admin_without_password",
                  f"the admin {login!r} has no password: anyone can act as them; "
                  f"set one with: inspector-app user passwd {login}",
                  f"管理员“{login}”没有设置密码，任何人都能以管理员身份操作；"
                  f"请运行 inspector-app user passwd {login} 设置密码")


def _require_admins_have_passwords(tx: WriteTx) -> None:
    """A second user needs the admins to have passwords first, or anyone could be admin."""
    row = tx.conn.execute(
        "SELECT login FROM app_user WHERE role = 'admin' AND active = 1 AND deleted = 0"
        " AND (password_hash IS NULL OR password_hash = '') ORDER BY login LIMIT 1").fetchone()
    if row is not None:
        raise ValidationError(
            f"set a password for the admin {row[0]!r} before adding users "
            f"(inspector-app user passwd {row[0]}): without one, anyone can act as the admin",
            f"添加用户前请先为管理员“{row[0]}”设置密码（inspector-app user passwd {row[0]}），"
            "否则任何人都能以管理员身份操作", code="admin_password_needed")


def _admin_needs_password(login: str) -> ValidationError:
    return ValidationError(f"an admin needs a password: set one for {login!r} first",
                           f"管理员必须设置密码，请先为“{login}”设置密码", code="admin_password_needed")


def needs_log_in(session: Session) -> bool:
    """Whether the GUI must ask for a password at start: the current user has one and this
    device is not set to stay logged in. A user without a password never needs one."""
    return not stays_logged_in(session.store) and has_password(session.store, session.user)


def set_stay_logged_in(session: Session, stay: bool) -> Changes:
    """Keep (or stop keeping) this device's current user logged in between starts."""
    def job(tx: WriteTx) -> None:
        settings_registry.put(tx, STAY, bool(stay))

    session.write(job)
    return Changes.of(USERS)


def _refresh_self(session: Session, user_id: str) -> None:
    """After an admin changed their own role or grids, act with what the store now says."""
    if user_id == session.user.id:
        session.user = load_user(session.store, user_id)


# ----------------------------------------------------------------------------- writing
def _role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError(f"role must be one of {', '.join(ROLES)}",
                              "角色只能是 " + "、".join(f"{ROLE_ZH[r]}({r})" for r in ROLES),
                              code="bad_role")
    return role


def _grid_ids(session: Session, grids: list[str] | tuple[str, ...]) -> list[str]:
    conn, ids = session.store.read(), []
    for text in grids:
        found = find_grid(conn, text.strip())
        if found is None:
            raise NotFound(f"unknown grid {text!r}", f"没有网格“{text}”，请先添加网格", code="no_grid")
        ids.append(found.id)
    return ids


def _user_row(tx: WriteTx, login: str) -> tuple[str, str, int]:
    row = tx.conn.execute(
        "SELECT id, role, active FROM app_user WHERE (login = ? OR id = ?) AND deleted = 0",
        (login, login)).fetchone()
    if row is None:
        raise NotFound(f"no user {login!r}", f"没有用户“{login}”")
    return row


def _keep_an_admin(tx: WriteTx, user_id: str) -> None:
    others = tx.conn.execute(
        "SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1 AND deleted = 0 AND id != ?",
        (user_id,)).fetchone()[0]
    if not others:
        raise ValidationError("the last active admin cannot lose that role",
                              "这是最后一个启用的管理员，不能取消其管理员身份或停用", code="last_admin")


def add_user(
    session: Session, login: str, name: str, role: str, *, grids: list[str] | tuple[str, ...] = (),
    password: str | None = None, cert_no: str | None = None,
) -> Saved:
    """A new user (admins only); grids by id, code or name. Refused while an admin has no
    password (a store with a password-less admin is a single-person setup); a new admin
    needs a password."""
    permissions.require(session.user, Action.MANAGE_USERS)
    login = (login or "").strip()
    if not _LOGIN.match(login):
        raise ValidationError("a login is 2–40 characters without spaces", "登录名为 2–40 个字符，不含空格",
                              code="bad_login")
    name = (name or "").strip() or login
    grid_ids = _grid_ids(session, grids)
    values = {
        "login": login, "name": name[:100], "role": _role(role), "grid_ids": json.dumps(grid_ids),
        "cert_no": (cert_no or "").strip() or None, "active": 1,
        "password_hash": hash_password(password) if password else None,
    }

    def job(tx: WriteTx) -> str:
        if tx.conn.execute("SELECT 1 FROM app_user WHERE login = ? AND deleted = 0", (login,)).fetchone():
            raise ValidationError(f"login {login!r} is taken", f"登录名“{login}”已被使用", code="duplicate")
        _require_admins_have_passwords(tx)
        if role == "admin" and not values["password_hash"]:
            raise _admin_needs_password(login)
        user_id = tx.insert("app_user", values)
        tx.audit("user_added", "user", user_id, f"{login} {role}")
        return user_id

    return Saved(session.write(job), Changes.of(USERS))


def set_password(session: Session, login: str, password: str | None, *,
                 old_password: str | None = None) -> Changes:
    """Set or (``None``) remove a password: admins for anyone, a user for themselves."""
    new_hash = hash_password(password) if password else None

    def job(tx: WriteTx) -> None:
        user_id, _role_, _active = _user_row(tx, login)
        if user_id != session.user.id:
            permissions.require(session.user, Action.MANAGE_USERS)
        else:
            stored = tx.conn.execute("SELECT password_hash FROM app_user WHERE id = ?",
                                     (user_id,)).fetchone()[0]
            if stored and not permissions.can(session.user, Action.MANAGE_USERS) \
                    and not verify_password(stored, old_password):
                raise PermissionDenied("the current password is wrong", "原密码不正确",
                                       code="wrong_password")
        if new_hash is None and _role_ == "admin" and tx.conn.execute(
                "SELECT count(*) FROM app_user WHERE active = 1 AND deleted = 0").fetchone()[0] > 1:
            raise ValidationError("an admin keeps a password while the store has other users",
                                  "本数据库还有其他用户，管理员的密码不能删除", code="admin_password_needed")
        tx.update("app_user", user_id, {"password_hash": new_hash})
        tx.audit("password_set" if new_hash else "password_removed", "user", user_id, login)

    session.write(job)
    return Changes.of(USERS)


def set_role(session: Session, login: str, role: str) -> Changes:
    permissions.require(session.user, Action.MANAGE_USERS)
    role = _role(role)

    def job(tx: WriteTx) -> None:
        user_id, old, _active = _user_row(tx, login)
        if old == "admin" and role != "admin":
            _keep_an_admin(tx, user_id)
        if role == "admin" and old != "admin" and not tx.conn.execute(
                "SELECT password_hash FROM app_user WHERE id = ?", (user_id,)).fetchone()[0]:
            raise _admin_needs_password(login)
        tx.update("app_user", user_id, {"role": role})
        tx.audit("user_role_set", "user", user_id, f"{login}: {old} -> {role}")
        return user_id

    _refresh_self(session, session.write(job))
    return Changes.of(USERS)


def set_grids(session: Session, login: str, grids: list[str] | tuple[str, ...]) -> Changes:
    permissions.require(session.user, Action.MANAGE_USERS)
    grid_ids = _grid_ids(session, grids)

    def job(tx: WriteTx) -> None:
        user_id, _r, _a = _user_row(tx, login)
        tx.update("app_user", user_id, {"grid_ids": json.dumps(grid_ids)})
        tx.audit("user_grids_set", "user", user_id, f"{login}: {len(grid_ids)} grids")
        return user_id

    _refresh_self(session, session.write(job))
    return Changes.of(USERS)


def set_active(session: Session, login: str, active: bool) -> Changes:
    permissions.require(session.user, Action.MANAGE_USERS)

    def job(tx: WriteTx) -> None:
        user_id, role, _a = _user_row(tx, login)
        if not active and user_id in (session.user.id, session.store.info("current_user_id")):
            # the store opens as its current user: a disabled one would lock everyone out
            raise ValidationError("you cannot disable the user logged in on this device; "
                                  "log in as another admin first",
                                  "不能停用本机当前登录的用户，请先以其他管理员身份登录", code="self_disable")
        if not active and role == "admin":
            _keep_an_admin(tx, user_id)
        tx.update("app_user", user_id, {"active": int(active)})
        tx.audit("user_enabled" if active else "user_disabled", "user", user_id, login)

    session.write(job)
    return Changes.of(USERS)


SWITCHED_USER = Changes.of(STORE, USERS)  # after a log_in: who acts, so everything shown


def log_in(session: Session, login: str, password: str | None, *,
           stay_logged_in: bool | None = None) -> User:
    """Make ``login`` this device's current user (stays logged in until the next log_in).

    ``stay_logged_in`` (the GUI's 保持登录) also sets whether the next start asks again for
    a password; ``None`` leaves that setting as it is.
    """
    user = load_user(session.store, login)
    check_password(session.store, user, password)

    def job(tx: WriteTx) -> None:
        set_info(tx, "current_user_id", user.id)
        if stay_logged_in is not None:
            settings_registry.put(tx, STAY, bool(stay_logged_in))
        tx.user_id = user.id
        tx.audit("logged_in", "user", user.id, user.login)

    session.store.write(job)
    session.user = user
    return user


def add_grid(session: Session, name: str, *, code: str | None = None, village: str | None = None) -> Saved:
    """A new grid (admins only), optionally under a village (id, code or name)."""
    from .regions import add_region

    permissions.require(session.user, Action.MANAGE_GRIDS)
    name = (name or "").strip()
    if not name:
        raise ValidationError("a grid needs a name", "请填写网格名称", code="empty")
    conn = session.store.read()

    def job(tx: WriteTx) -> str:
        if find_grid(tx.conn, code or name):
            raise ValidationError(f"grid {code or name!r} exists", f"网格“{code or name}”已存在",
                                  code="duplicate")
        parent = None
        if village:
            row = conn.execute("SELECT id FROM region WHERE level = 'village' AND deleted = 0 AND "
                               "(id = ? OR code = ? OR name = ?)", (village, village, village)).fetchone()
            if row is None:
                raise NotFound(f"no village {village!r}", f"没有村/社区“{village}”")
            parent = row[0]
        return add_region(tx, "grid", name, code=code or name, parent_id=parent)

    return Saved(session.write(job), Changes.of("region"))

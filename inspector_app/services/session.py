"""A session: an open store acting as one user. Every service takes one."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import platformdirs

from .. import APP_NAME
from ..core.clock import Clock
from ..core.entities import User
from ..core.errors import NotFound, PermissionDenied, StoreError
from ..store.opening import is_writable
from ..store.store import DB_NAME, Store, WriteTx
from ..store.version import SCHEMA_VERSION  # noqa: F401 - the store format this build writes (--version)
from . import setup
from .passwords import check_password

T = TypeVar("T")
DATA_ENV = "INSPECTOR_APP_DATA"
PASSWORD_ENV = "INSPECTOR_APP_PASSWORD"


def default_data_dir() -> Path:
    """``--data-dir`` wins, then ``INSPECTOR_APP_DATA``, then the per-user folder."""
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir(real_data_dir: Path) -> Path:
    """The separate demo store that belongs to a real one (never mixed into it)."""
    return Path(real_data_dir) / "demo"


@dataclass
class Session:
    store: Store
    user: User
    lang: str = "zh"

    @property
    def clock(self) -> Clock:
        return self.store.clock

    def write(self, job: Callable[[WriteTx], T]) -> T:
        return self.store.write(job, user_id=self.user.id)

    @property
    def is_demo(self) -> bool:
        return self.store.info("demo") == "1"

    def close(self) -> None:
        self.store.close()


def _user_from_row(row) -> User:  # sqlite3.Row
    return User(row["id"], row["login"], row["name"], row["role"], tuple(json.loads(row["grid_ids"] or "[]")))


def load_user(store: Store, login_or_id: str) -> User:
    row = store.read().execute(
        "SELECT * FROM app_user WHERE (login = ? OR id = ?) AND deleted = 0", (login_or_id, login_or_id)
    ).fetchone()
    if row is None:
        raise NotFound(f"no user {login_or_id!r} in this store", f"本数据库中没有用户“{login_or_id}”")
    if not row["active"]:
        raise PermissionDenied(f"user {login_or_id!r} is disabled", f"用户“{login_or_id}”已停用")
    return _user_from_row(row)


def _open_for_reading(target: Path, clock: Clock | None, create_parents: bool) -> Store:
    """Read-only if nothing needs writing first; else (a new, old or unseeded store) the
    usual opening, which creates, upgrades or seeds it - if this user may write."""
    try:
        store = Store.open(target, clock=clock, read_only=True)
    except StoreError as exc:
        if exc.code == "needs_upgrade" and not is_writable(target / DB_NAME):
            raise StoreError(
                f"{exc.en}, but it is read-only for this user; open it once with write access",
                f"{exc.zh}，但数据库只读（没有写入权限），无法升级。请用有写入权限的账户打开一次",
                code="read_only",
            ) from exc
        if exc.code not in ("missing", "needs_upgrade"):
            raise
        return Store.open(target, clock=clock, create_parents=create_parents)
    if store.writable and setup.needs_seeding(store):
        store.close()
        return Store.open(target, clock=clock, create_parents=create_parents)
    return store


def open_session(
    data_dir: Path | str | None = None, *, as_user: str | None = None, clock: Clock | None = None,
    lang: str = "zh", password: str | None = None, read_only: bool = False,
) -> Session:
    """Open (create, upgrade) a store and act as its current user or ``as_user``.

    The current user is logged in on this device already; acting as another user who has a
    password needs it (``password``, else the ``INSPECTOR_APP_PASSWORD`` environment variable).
    ``read_only`` (reading commands): open an existing, up-to-date store without writing
    anything, so it can be read in a folder this user cannot write or on a full disk.
    """
    default = default_data_dir()
    target = Path(data_dir) if data_dir else default
    # the per-user default may lack its parents on a fresh system; a named folder may not
    if read_only:
        store = _open_for_reading(target, clock, create_parents=target == default)
    else:
        store = Store.open(target, clock=clock, create_parents=target == default)
    try:
        if not store.read_only:
            setup.ensure_seeded(store)
        current = store.info("current_user_id")
        login = as_user or current
        user = load_user(store, login) if login else None
        if user is None:
            raise NotFound("the store has no current user", "数据库没有当前用户")
        if as_user and user.id != current:
            check_password(store, user, password if password is not None else os.environ.get(PASSWORD_ENV))
    except BaseException:
        store.close()
        raise
    return Session(store, user, lang)

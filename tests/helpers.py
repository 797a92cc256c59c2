"""Test helpers shared by several modules (not fixtures)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args: str, env: dict[str, str] | None = None, unprivileged: bool = False,
        input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m inspector_app ARGS`` as a user would, output decoded as UTF-8.

    ``unprivileged``: as root, drop to ``nobody`` first (design.md §10: a read-only file
    stops nothing for root, so a permission test run as root would prove nothing).
    """
    cmd = [sys.executable, "-m", "inspector_app", *args]
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "ascii", **(env or {})}
    if unprivileged and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to drop privileges"
        cmd = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
        full_env["HOME"] = "/tmp"
    return subprocess.run(
        cmd, capture_output=True, env=full_env, input=input_text, text=True, encoding="utf-8",
        timeout=120, cwd="/" if unprivileged else None,
    )


def world_readable_tmp(base: Path) -> Path:
    """A folder that ``nobody`` can reach (pytest's tmp_path is private to root)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="gi-perm-", dir="/tmp"))
    os.chmod(path, 0o755)
    return path


ADMIN_PASSWORD = "admin-password-1"


def secure_admin(session) -> None:
    """Give the store's admin a password: users are added only once the admin has one."""
    from inspector_app.services import users

    if not users.has_password(session.store, users.load_user(session.store, "admin")):
        users.set_password(session, "admin", ADMIN_PASSWORD)


def undo_sync_ready(conn) -> None:
    """Take a store back before migration 10 (a test faking an older version needs it)."""
    undo_documents(conn)
    for sql in ("DROP TABLE setting", "DROP TABLE applied_op", "DROP INDEX oplog_op_id",
                "DROP TABLE hlc_state", "ALTER TABLE oplog DROP COLUMN op_id"):
        conn.execute(sql)


def undo_documents(conn) -> None:
    """Take a store back before migration 11 (its document tables and their triggers)."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                " AND tbl_name IN ('document', 'number_block')").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE document")
    conn.execute("DROP TABLE number_block")

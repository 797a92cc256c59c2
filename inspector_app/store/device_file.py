"""``device.json``: this installation's identity and the anchor of its audit chain.

The audit chain lives in the database, so someone who can write the database can cut its
last entries or re-hash it from an edited entry and the chain still verifies. The *anchor*
— the ``(n, hash)`` of this device's newest audit entry — is kept outside the database, in
``device.json``, and ``check`` compares the two (and bundles will carry it to receivers).

Crash order: the anchor is written only after the transaction committed *and* the WAL was
fsynced, so it is never ahead of what the database keeps, even after a power loss; a crash
between commit and anchor leaves the anchor one (or a few) entries behind, which ``check``
accepts: the database chain may extend past the anchor, it may not be shorter or differ at
the anchor's entry. The anchor only moves forward.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
NAME = "device.json"
_lock = threading.Lock()  # one read-modify-write at a time within a process


@dataclass(frozen=True)
class Anchor:
    device_id: str
    n: int
    hash: str


def read(data_dir: Path) -> dict[str, Any] | None:
    """The parsed file, or None if it is missing or unreadable."""
    try:
        data = json.loads((Path(data_dir) / NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def read_anchor(data_dir: Path) -> Anchor | None:
    """The anchored head of this device's audit chain (None before the first anchored write)."""
    data = read(data_dir) or {}
    head = data.get("audit_head")
    if not isinstance(head, dict):
        return None
    n, digest, device = head.get("n"), head.get("hash"), data.get("device_id")
    if not (isinstance(n, int) and isinstance(digest, str) and isinstance(device, str)):
        return None
    return Anchor(device, n, digest)


def write(data_dir: Path, data: dict[str, Any], *, sync_dir: bool = True) -> None:
    """Replace the file atomically (temp name unique per process and thread, fsync, rename)."""
    path = Path(data_dir) / NAME
    tmp = path.with_name(f".{NAME}.{os.getpid()}-{threading.get_ident()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _remove_stale_temps(path.parent)
    if sync_dir and hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale_temps(folder: Path) -> None:
    """Temp files of a process killed while writing this file (its pid is in the name)."""
    for tmp in folder.glob(f".{NAME}.*.tmp"):
        try:
            pid = int(tmp.name[len(NAME) + 2:].split("-")[0].split(".")[0])
            if pid == os.getpid():
                continue
            os.kill(pid, 0)
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except (ValueError, OSError):
            continue  # not ours, or its process is alive


def _fsync_wal(db_path: Path) -> None:
    """Make the committed transaction durable before anything outside the database names it.

    The store runs WAL with ``synchronous = NORMAL``: a commit survives a process crash but
    may be lost on power loss until the WAL is synced. An anchor ahead of the database would
    make a clean store look truncated, so the WAL is fsynced first.
    """
    wal = Path(f"{db_path}-wal")
    try:
        fd = os.open(wal, os.O_RDONLY)
    except FileNotFoundError:  # checkpointed meanwhile: the main file holds it
        fd = os.open(db_path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def anchor_after_commit(
    conn: sqlite3.Connection, data_dir: Path, db_path: Path, device_id: str, n: int, digest: str,
) -> None:
    """Record ``(n, hash)`` as the anchored head; call after COMMIT. Never raises.

    A failure here leaves the anchor behind (accepted by ``check``), so it is logged, not
    raised: the user's write has been saved. The anchor moves only along the chain: if the
    entry it names is no longer in the database (the log was cut or rewritten), it stays
    where it is, so the app writing on does not wipe the evidence ``check`` reports.
    """
    try:
        _fsync_wal(db_path)
        with _lock:
            data = read(data_dir)
            if data is None or data.get("device_id") != device_id:
                log.warning("device.json missing or of another device; audit head not anchored")
                return
            old = data.get("audit_head")
            if isinstance(old, dict) and isinstance(old.get("n"), int):
                if old["n"] >= n:
                    return  # another process anchored a later entry already
                kept = conn.execute("SELECT hash FROM audit_log WHERE device_id = ? AND n = ?",
                                    (device_id, old["n"])).fetchone()
                if kept is None or kept[0] != old.get("hash"):
                    log.warning("the audit log no longer holds its anchored entry %s", old["n"])
                    return
            data["audit_head"] = {"n": n, "hash": digest}
            # the directory entry need not be durable: a lost rename leaves the older anchor
            write(data_dir, data, sync_dir=False)
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not anchor the audit head in device.json: %s", exc)

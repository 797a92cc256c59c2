"""The store: one data folder, one SQLite file, one writer thread, many readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils costs ~0.2 s to import; only migrations need it
    import sqlite_utils

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from ..core.clock import Clock, SystemClock, iso_utc
from ..core.errors import StoreError
from ..core.hlc import HybridClock
from ..core.ids import uuid7
from . import audit, collation, device_file, search_index
from .opening import (
    connect_readonly,
    disk_full_error,
    disk_is_full,
    inspect_file,
    is_writable,
    prepare_data_dir,
    read_only_error,
)
from .oplog import RemoteApply, high_stamp, note_clock
from .schema import SYNCED_TABLES, columns_of
from .version import SCHEMA_VERSION
from .writer import BUSY_RETRY_S, WriterThread, begin_write, is_busy

log = logging.getLogger(__name__)
T = TypeVar("T")
DB_NAME = "inspector.db"
WAL_LIMIT = 64 * 2**20  # bytes a checkpointed WAL is truncated to (long imports grow it)


def _translate_write_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    text = str(exc).lower()
    if disk_is_full(exc, path):
        return disk_full_error()
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"{path} cannot be written (read-only)", f"数据库 {path} 是只读的，修改未保存",
            code="read_only",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            "the database is busy in another program; try again",
            "数据库正被其他程序占用，请稍后重试",
            code="locked",
        )
    if "i/o error" in text:
        return StoreError(
            f"the disk reported an error writing {path}", f"写入 {path} 时磁盘出错，修改未保存",
            code="io",
        )
    return None


@dataclass
class WriteTx:
    """What a write job sees: the connection inside an open transaction, stamping helpers."""

    conn: sqlite3.Connection
    store: Store
    user_id: str | None
    now: datetime
    _hlc: str | None = field(default=None, repr=False)
    audit_head: audit.Head | None = field(default=None, repr=False)  # anchored after commit

    @property
    def db(self) -> sqlite_utils.Database:
        import sqlite_utils

        return sqlite_utils.Database(self.conn, recursive_triggers=False, execute_plugins=False)

    @property
    def now_iso(self) -> str:
        return iso_utc(self.now)

    def stamp(self) -> str:
        """A fresh HLC for the next row written in this transaction."""
        self._hlc = self.store.hlc.tick()
        return self._hlc

    def insert(self, table: str, values: dict[str, Any]) -> str:
        """Insert a row into a synced table, adding id and sync columns; returns the id."""
        allowed = set(columns_of(table))
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"unknown columns for {table}: {sorted(unknown)}")
        row = dict(values)
        row.setdefault("id", uuid7())
        row.update(
            created_at=row.get("created_at") or self.now_iso,
            updated_at=self.now_iso,
            device_id=self.store.device_id,
            hlc=self.stamp(),
            deleted=row.get("deleted", 0),
        )
        cols = list(row)
        self.conn.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [row[c] for c in cols],
        )
        return row["id"]

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        """Update fields of a synced row, stamping updated_at/hlc/device (no-op if absent)."""
        allowed = set(SYNCED_TABLES[table]) | {"deleted"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"unknown columns for {table}: {sorted(unknown)}")
        row = dict(values)
        # above the row's own stamp even if that one came from a clock far ahead (tick_after)
        old = self.conn.execute(f"SELECT hlc FROM {table} WHERE id = ?", (row_id,)).fetchone()  # noqa: S608
        self._hlc = self.store.hlc.tick_after(old[0]) if old and old[0] else self.store.hlc.tick()
        row.update(updated_at=self.now_iso, device_id=self.store.device_id, hlc=self._hlc)
        sets = ", ".join(f"{c} = ?" for c in row)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*row.values(), row_id])

    def audit(
        self, action: str, entity: str | None = None, entity_id: str | None = None,
        summary: str | None = None,
    ) -> None:
        self.audit_head = audit.append(
            self.conn,
            device_id=self.store.device_id,
            at=self.now_iso,
            user_id=self.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            summary=summary,
        )

    def applying_remote(self) -> RemoteApply:
        """Silence the oplog triggers while remote ops are applied (sync import); record each
        applied op with :meth:`RemoteApply.record`."""
        return RemoteApply(self.conn, self.now_iso)


class Store:
    """An open data folder. Use :meth:`open`; close it when done."""

    def __init__(self) -> None:  # use Store.open
        self.data_dir: Path
        self.db_path: Path
        self.device_id: str
        self.clock: Clock
        self.hlc: HybridClock
        self._writer: WriterThread
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self.created = False
        self.busy_retry_s = BUSY_RETRY_S  # how long a write retries a lock held elsewhere
        self.read_only = False  # opened by Store.open(read_only=True): no writer, no files made

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        data_dir: Path | str,
        *,
        clock: Clock | None = None,
        busy_timeout_ms: int = 5000,
        target_version: int = SCHEMA_VERSION,
        create_parents: bool = False,
        read_only: bool = False,
    ) -> Store:
        """Open (creating or upgrading) the store in ``data_dir``.

        Raises ``StoreError`` with a message fit to show for every way this can fail; a
        refused file is not modified. ``read_only``: see :meth:`_open_read_only`.
        """
        if read_only:
            return cls._open_read_only(Path(data_dir).expanduser(), clock, busy_timeout_ms,
                                       target_version)
        self = cls()
        data_dir = Path(data_dir).expanduser()
        db_path = data_dir / DB_NAME
        state = inspect_file(db_path, busy_timeout_ms) if db_path.exists() else None
        self.data_dir = prepare_data_dir(data_dir, create_parents)
        self.db_path = db_path
        self.clock = clock or SystemClock()
        self.created = state is None or state.user_version == 0
        try:
            self.device_id = self._load_device_id()
        except OSError as exc:
            if disk_is_full(exc, data_dir):
                raise disk_full_error() from exc
            raise
        self._busy_ms = busy_timeout_ms

        def connect() -> sqlite3.Connection:
            conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=busy_timeout_ms / 1000)
            try:
                conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
                conn.execute("PRAGMA synchronous = FULL")  # NORMAL once in WAL, below
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA recursive_triggers = OFF")
                search_index.register(conn)
                collation.register(conn)
                current = conn.execute("PRAGMA user_version").fetchone()[0]
                if current > target_version:  # changed between the check and now
                    raise StoreError("the store is newer than this app", "数据库版本比本程序新")
                if current < target_version:
                    # in the file's own journal mode: a failed upgrade rolls back to the very
                    # bytes it found (switching to WAL first would already change the header)
                    from .migrations import upgrade  # imported only when the file needs it

                    upgrade(conn, db_path, self.data_dir, current, target_version)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT}")  # WAL shrinks back
            except BaseException:
                conn.close()
                raise
            return conn

        try:
            self._writer = WriterThread(connect)
        except OSError as exc:
            if disk_is_full(exc, data_dir):
                raise disk_full_error() from exc
            raise
        except sqlite3.Error as exc:
            if state is None and db_path.exists() and db_path.stat().st_size == 0:
                db_path.unlink()  # do not leave an empty file that the next start would refuse
            raise _translate_write_error(exc, db_path) or StoreError(
                f"cannot open {db_path}: {exc}", f"无法打开数据库 {db_path}：{exc}"
            ) from exc
        self.hlc = HybridClock(self.device_id, self.clock)
        # start above the highest stamp held, local or applied (a remote op counts too)
        last = high_stamp(self.read(), self.hlc.drift_bound())
        if last:
            self.hlc.witness(last)
        return self

    @classmethod
    def _open_read_only(
        cls, data_dir: Path, clock: Clock | None, busy_timeout_ms: int, target_version: int
    ) -> Store:
        """Open an existing, up-to-date store for reading only: no writer thread, no folders
        or files created, nothing written - so reading works in a folder this user cannot
        write and on a full disk. :meth:`write` then says why it cannot save.

        Refused with code ``missing`` (no store yet) or ``needs_upgrade`` (an older schema):
        a caller that may write opens the store normally instead.
        """
        self = cls()
        db_path = data_dir / DB_NAME
        if not db_path.is_file():
            raise StoreError(f"there is no store in {data_dir}", f"{data_dir} 中没有数据库",
                             code="missing")
        state = inspect_file(db_path, busy_timeout_ms, for_writing=False)
        if state.user_version < target_version:
            raise StoreError(
                f"{db_path} needs an upgrade to schema {target_version} before it can be read",
                f"数据库 {db_path} 需要先升级（数据版本 {state.user_version} → {target_version}）",
                code="needs_upgrade",
            )
        self.read_only = True
        self.data_dir, self.db_path = data_dir, db_path
        self.clock = clock or SystemClock()
        self._busy_ms = busy_timeout_ms
        self._writer = None  # type: ignore[assignment]
        self.device_id = _read_device_id(data_dir) or uuid7()  # a stand-in: nothing is stamped
        self.hlc = HybridClock(self.device_id, self.clock)
        last = high_stamp(self.read(), self.hlc.drift_bound())
        if last:
            self.hlc.witness(last)
        return self

    @property
    def writable(self) -> bool:
        """Whether this user could write the store's file and folder (if opened to write)."""
        return is_writable(self.db_path)

    def _load_device_id(self) -> str:
        """This installation's device id, from device.json (a new one for a new folder)."""
        path = self.data_dir / "device.json"
        try:
            data = json.loads(path.read_text("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("device_id"), str):
                return data["device_id"]
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            log.warning("device.json unreadable; this folder gets a new device id")
        device_id = uuid7()
        write_atomic(
            path,
            json.dumps(
                {"device_id": device_id, "created_at": iso_utc(SystemClock().now())}, indent=2
            ).encode("utf-8"),
        )
        return device_id

    # ----------------------------------------------------------------- access
    def write(self, job: Callable[[WriteTx], T], *, user_id: str | None = None) -> T:
        """Run ``job`` in one IMMEDIATE transaction on the writer thread; all or nothing."""
        if self.read_only:
            raise read_only_error(self.db_path) if not self.writable else StoreError(
                "the store was opened read-only; nothing was saved",
                "数据库只读：本次以只读方式打开，修改未保存", code="read_only")

        def run(conn: sqlite3.Connection) -> T:
            tx = WriteTx(conn, self, user_id, self.clock.now())
            try:
                begin_write(conn, getattr(self, "hlc", None), retry_s=self.busy_retry_s)
                result = job(tx)
                if tx._hlc is not None:  # the next writer, in any process, stamps above it
                    note_clock(conn, self.hlc.last)
                conn.execute("COMMIT")
                if tx.audit_head is not None:  # after the commit: device_file.py, crash order
                    device_file.anchor_after_commit(
                        conn, self.data_dir, self.db_path, self.device_id, tx.audit_head.n,
                        tx.audit_head.hash)
                return result
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    translated = _translate_write_error(exc, self.db_path)
                    if translated is not None:
                        raise translated from exc
                raise

        if self._writer is None:
            raise StoreError("the store is closed", "数据库已关闭", code="closed")
        return self._writer.call(run)

    def read(self) -> sqlite3.Connection:
        """This thread's read-only connection (rows as ``sqlite3.Row``)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            # a read-only store may have to be read without its WAL index (see the function)
            conn = connect_readonly(self.db_path, self._busy_ms / 1000, check_same_thread=False,
                                    allow_immutable=self.read_only)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(self._busy_ms)}")
            collation.register(conn)
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def read_column(self, sql: str, params: Sequence[object] | dict[str, object] = ()) -> list[Any]:
        """First column of every row; skips sqlite3.Row, which costs ~5x for 100k ids."""
        cur = self.read().cursor()
        cur.row_factory = None
        return [r[0] for r in cur.execute(sql, params)]

    def info(self, key: str, default: str | None = None) -> str | None:
        row = self.read().execute("SELECT value FROM store_info WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @property
    def schema_version(self) -> int:
        return self.read().execute("PRAGMA user_version").fetchone()[0]

    def fold_wal(self, above: int = WAL_LIMIT // 4) -> None:
        """Checkpoint and truncate the WAL if it is larger than ``above`` bytes.

        A long import commits batch after batch while other programs read and write; the
        automatic checkpoints then rarely find a moment to restart the WAL, and it grows.
        Called between batches (no transaction open); a busy store just skips it.
        """
        try:
            if os.path.getsize(f"{self.db_path}-wal") <= above:
                return
            self._writer.call(lambda conn: conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())
        except (OSError, sqlite3.Error) as exc:
            log.info("WAL checkpoint skipped: %s", exc)

    def close(self) -> None:
        """Close readers, fold the WAL back into the main file, stop the writer.

        Checkpointing on close leaves one self-contained ``inspector.db``, so a user who
        copies just that file to a USB stick copies everything.
        """
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
        self._local = threading.local()
        writer, self._writer = getattr(self, "_writer", None), None
        if writer is not None:
            try:
                writer.call(_finish)
            except sqlite3.Error as exc:
                log.warning("closing the store: %s", exc)
            writer.stop()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _finish(conn: sqlite3.Connection) -> None:
    """Tidy up on close; skipped, not waited for, while another program uses the store."""
    conn.execute("PRAGMA busy_timeout = 100")
    for pragma in ("optimize", "wal_checkpoint(TRUNCATE)"):
        try:
            conn.execute(f"PRAGMA {pragma}").fetchall()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            log.info("closing the store: %s skipped, the store is busy", pragma)


def set_info(tx: WriteTx, key: str, value: str | None) -> None:
    tx.conn.execute(
        "INSERT INTO store_info(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write to a temp name, fsync, rename: a crash leaves the old file or the new one.

    ``mode``: the file's permissions from its creation on (e.g. 0o600 for secrets), so it is
    never readable by others even for a moment; the temp name is then unique, never reused."""
    if mode is None:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    else:
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _read_device_id(data_dir: Path) -> str | None:
    try:
        data = json.loads((data_dir / "device.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("device_id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


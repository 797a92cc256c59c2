"""Checks made before a store file is touched for writing (design.md §2).

The version is read on a read-only connection first: a newer, foreign, empty or broken
file is refused with a clear message and left byte-for-byte untouched (switching a file
to WAL, as the writer does, already changes it).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import StoreError
from .version import APPLICATION_ID, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    exists: bool
    user_version: int = 0
    application_id: int = 0


def readonly_uri(path: Path, *, immutable: bool = False) -> str:
    return path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")


def is_writable(path: Path) -> bool:
    """Whether this user may change the database file and create its journal next to it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_only_error(path: Path) -> StoreError:
    return StoreError(
        f"the database is read-only: {path} or its folder cannot be written by this user, so "
        "nothing can be saved; copy the data to a writable place (reading still works)",
        f"数据库只读：{path} 或其所在文件夹没有写入权限，无法保存修改。"
        "请复制到可写的位置后再打开（查看数据不受影响）",
        code="read_only",
    )


SQLITE_FULL = 13
SQLITE_IOERR = 10
_NEARLY_FULL = 1 << 20  # bytes; SQLite reports a full disk while growing -shm as an I/O error


def disk_full_error() -> StoreError:
    return StoreError(
        "the disk is full; nothing was saved - free some space and try again",
        "磁盘已满，本次修改未保存。请清理磁盘空间后重试",
        code="disk_full",
    )


def disk_is_full(exc: BaseException, path: Path) -> bool:
    """Whether ``exc`` (an SQLite or OS error writing near ``path``) means the disk is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == SQLITE_FULL:
        return True
    if "disk is full" in str(exc).lower():
        return True
    if (code is None or code & 0xFF == SQLITE_IOERR) and "i/o error" in str(exc).lower():
        try:  # ENOSPC while mapping the WAL index comes back as SQLITE_IOERR_SHMSIZE
            return shutil.disk_usage(_existing_dir(path)).free < _NEARLY_FULL
        except OSError:
            return False
    return False


def _existing_dir(path: Path) -> Path:
    path = Path(path)
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def _wal_has_content(path: Path) -> bool:
    try:
        return Path(str(path) + "-wal").stat().st_size > 0
    except OSError:
        return False


def connect_readonly(
    path: Path, timeout_s: float, *, check_same_thread: bool = True, allow_immutable: bool = True
) -> sqlite3.Connection:
    """A connection that never writes, also in a read-only folder or on a full disk.

    ``mode=ro`` still needs the WAL index (the ``-shm`` file), which SQLite creates and
    grows next to the database: that fails in a folder this user cannot write ("attempt to
    write a readonly database", "unable to open") and on a full disk ("disk I/O error").
    A store closed cleanly has no WAL content, so it is then opened ``immutable`` - read
    from the file alone, without locks or ``-shm``. Only a fallback: with a writer
    running, ``immutable`` could read a page while it changes.
    """
    conn = sqlite3.connect(
        readonly_uri(path), uri=True, timeout=timeout_s, check_same_thread=check_same_thread
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        text = str(exc).lower()
        if "locked" in text or "busy" in text or not allow_immutable:
            raise
        if _wal_has_content(path):  # immutable would not see the changes in the -wal file
            raise StoreError(
                f"{path} was not closed properly: its last changes are in {path.name}-wal, which "
                f"cannot be read without write access to the folder or free disk space ({exc})",
                f"数据库 {path} 上次未正常关闭，最近的修改还在 {path.name}-wal 文件中；"
                "需要所在文件夹的写入权限和空闲磁盘空间才能读取。请用有写入权限的账户打开一次",
                code="unclean_read_only",
            ) from exc
    except BaseException:
        conn.close()
        raise
    conn = sqlite3.connect(
        readonly_uri(path, immutable=True), uri=True, timeout=timeout_s,
        check_same_thread=check_same_thread,
    )
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _sqlite_error(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if disk_is_full(exc, path):
        return disk_full_error()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"the database {path} is locked by another program; close it and try again",
            f"数据库 {path} 正被其他程序占用（可能本程序已在运行），请关闭后重试",
            code="locked",
        )
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return StoreError(
            f"{path} is not a usable database file ({exc})",
            f"{path} 不是可用的数据库文件（已损坏或不是本程序的数据），文件未做任何改动",
            code="not_a_database",
        )
    return StoreError(
        f"cannot open the database {path}: {exc}",
        f"无法打开数据库 {path}：{exc}",
        code="cannot_open",
    )


def inspect_file(path: Path, busy_timeout_ms: int, *, for_writing: bool = True) -> FileState:
    """Read version and owner of an existing file without writing to it.

    ``for_writing``: also refuse a file this user cannot write (a reading command can
    still open it, read-only).
    """
    if not path.exists():
        return FileState(exists=False)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file", f"{path} 是文件夹，不是数据库文件")
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except PermissionError as exc:
        raise StoreError(
            f"no permission to read {path}", f"没有读取 {path} 的权限", code="permission"
        ) from exc
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc}", f"无法读取 {path}：{exc}") from exc
    if not head:
        raise StoreError(
            f"{path} is empty (0 bytes) - perhaps an unfinished copy; restore it from a backup or "
            "move it away to start a new store",
            f"{path} 是空文件（0 字节），可能是未完成的复制。请从备份恢复，或将其移走后新建数据库",
            code="empty_file",
        )
    if not head.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not an SQLite database; it was left untouched",
            f"{path} 不是本程序的数据库文件（不是 SQLite 格式），文件未做任何改动",
            code="not_a_database",
        )
    if _truncated(path, head):
        raise StoreError(
            f"{path} is shorter than its header says: the file is truncated (an interrupted copy?)",
            f"{path} 文件不完整（比记录的长度短，可能复制中断），请从备份恢复；文件未做任何改动",
            code="truncated",
        )
    try:
        conn = connect_readonly(path, busy_timeout_ms / 1000)
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc
    finally:
        conn.close()
    if app_id != APPLICATION_ID and (tables or version):
        raise StoreError(
            f"{path} is a database of another program; it was left untouched",
            f"{path} 是其他程序的数据库，不是网格安全巡查的数据，文件未做任何改动",
            code="foreign",
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was made by a newer version of this app (schema {version}, this app knows "
            f"{SCHEMA_VERSION}); update the app - the file was left untouched",
            f"{path} 由更新版本的程序创建（数据版本 {version}，本程序支持到 {SCHEMA_VERSION}），"
            "请升级程序后再打开；文件未做任何改动",
            code="newer",
        )
    if for_writing and not is_writable(path):
        raise read_only_error(path)
    return FileState(True, version, app_id)


def _truncated(path: Path, head: bytes) -> bool:
    """True if the header's page count says the file should be longer than it is.

    Only trusted when no WAL file exists and the header's size is marked valid (the
    "version-valid-for" number equals the change counter), as SQLite itself does.
    """
    if len(head) < 100 or Path(str(path) + "-wal").exists():
        return False
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96] and pages > 0
    return valid and path.stat().st_size < page_size * pages


def prepare_data_dir(data_dir: Path, create_parents: bool = False) -> Path:
    """Create the data folder and its sub-folders; refuse a path on a missing drive.

    A folder the user named must have an existing parent (else it is probably on an
    unplugged drive); the per-user default may need its parents made on a fresh system.
    """
    data_dir = Path(data_dir).expanduser()
    if data_dir.exists() and not data_dir.is_dir():
        raise StoreError(
            f"the data folder {data_dir} is a file", f"数据目录 {data_dir} 是一个文件，不是文件夹"
        )
    if not data_dir.exists():
        parent = data_dir.parent
        if create_parents and not parent.exists():
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                pass  # reported below
        if not parent.exists():
            raise StoreError(
                f"cannot create the data folder {data_dir}: {parent} does not exist "
                "(is the drive or USB stick connected?)",
                f"无法创建数据目录 {data_dir}：上级目录 {parent} 不存在（U 盘或网络盘是否已连接？）",
                code="missing_drive",
            )
        try:
            data_dir.mkdir()
        except OSError as exc:
            if disk_is_full(exc, parent):
                raise disk_full_error() from exc
            raise StoreError(
                f"cannot create the data folder {data_dir}: {exc.strerror}",
                f"无法创建数据目录 {data_dir}：{exc.strerror}",
                code="permission",
            ) from exc
    for sub in ("media", "thumbs", "documents", "backups", "outbox", "logs"):
        try:
            (data_dir / sub).mkdir(exist_ok=True)
        except OSError as exc:
            if disk_is_full(exc, data_dir):
                raise disk_full_error() from exc
            raise StoreError(
                f"the data folder {data_dir} is not writable: {exc.strerror}",
                f"数据目录 {data_dir} 不可写：{exc.strerror}",
                code="read_only",
            ) from exc
    return data_dir

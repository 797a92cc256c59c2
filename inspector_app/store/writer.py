"""The one writing connection, owned by a dedicated thread (design.md §1).

Services hand it jobs; each job runs inside ``BEGIN IMMEDIATE … COMMIT`` on that thread
and its result (or exception) comes back to the caller. SQLite connections are never
shared between threads.

Another program (a second app window, a script) may hold the store's write lock: then
``BEGIN IMMEDIATE`` waits ``busy_timeout`` inside SQLite and :func:`begin_write` retries it
with backoff for a bounded total time before the caller tells the user. Each process has
its own HLC, so :func:`begin_write` also moves the clock past the highest stamp in the
store once the lock is held - the local ops and the remote ops applied here alike: stamps
stay unique and increasing across processes, and a local edit sorts after what it saw.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from ..core.hlc import HybridClock
from .oplog import high_stamp

log = logging.getLogger(__name__)
_STOP = object()
BUSY_RETRY_S = 30.0  # total time a write keeps trying for the lock before "busy" is shown
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked/busy" (another holder of the lock)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def begin_write(
    conn: sqlite3.Connection, hlc: HybridClock | None, *, retry_s: float = BUSY_RETRY_S,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """``BEGIN IMMEDIATE``, retried with backoff while the lock stays busy, then sync the HLC.

    Each attempt already waits ``busy_timeout`` in SQLite; between attempts the wait grows
    from 50 ms to 1 s, and after ``retry_s`` in all the busy error goes to the caller
    (shown as 数据库正被其他程序占用). Only the BEGIN is retried: nothing has run yet.
    """
    deadline = time.monotonic() + retry_s
    delay = 0.05
    attempt = 1
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() + delay >= deadline:
                raise
            log.info("store busy (attempt %d); retrying in %.2f s", attempt, delay)
            sleep(delay)
            delay, attempt = min(delay * 2, 1.0), attempt + 1
    if hlc is not None:
        # the highest stamp held, local or applied from a remote op (oplog.high_stamp)
        stamp = high_stamp(conn, hlc.drift_bound())
        if stamp:
            hlc.witness(stamp)


class WriterThread:
    """Runs callables on one connection, in the order they were submitted."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], name: str = "store-writer"):
        self._connect = connect
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = Future()  # type: Future[None]
        self._thread.start()
        self._started.result()  # re-raises a failed connect in the opener's thread

    def _run(self) -> None:
        try:
            conn = self._connect()
        except BaseException as exc:  # noqa: BLE001 - handed to the opener
            self._started.set_exception(exc)
            return
        self._started.set_result(None)
        try:
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    break
                fn, fut = item
                if not fut.set_running_or_notify_cancel():
                    continue
                try:
                    fut.set_result(fn(conn))
                except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
                    fut.set_exception(exc)
        finally:
            conn.close()

    def on_writer_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def call(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run ``fn(conn)`` on the writer thread and wait for its result."""
        if self.on_writer_thread():
            raise RuntimeError("nested write: call the inner function with the open transaction")
        if not self._thread.is_alive():
            raise RuntimeError("the store is closed")
        fut: Future[Any] = Future()
        self._jobs.put((fn, fut))
        return fut.result()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout=10)

"""The one writing connection, owned by a dedicated thread (design.md §1).

Services hand it jobs; each job runs inside ``BEGIN IMMEDIATE … COMMIT`` on that thread
and its result (or exception) comes back to the caller. SQLite connections are never
shared between threads.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

_STOP = object()


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

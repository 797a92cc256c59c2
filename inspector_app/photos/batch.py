"""Running :func:`~.worker.prepare` over many files in a process pool.

Decoding is CPU-bound and Pillow holds the GIL for most of it, so threads would not help:
worker *processes* do the sniffing, EXIF, hashing and thumbnails while the caller stores
the results one at a time (one writer). The pool uses the ``spawn`` start method
everywhere: it is what Windows and frozen builds use (with ``freeze_support()`` at the
entry point), and forking a process that runs a database writer thread is unsafe.

Workers never outlive the process that started them (:func:`_worker_init`): a killed app
must not leave processes decoding photos nobody will store.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .errors import Failure, internal
from .sniff import CANDIDATE_SUFFIXES
from .worker import Prepared, prepare

log = logging.getLogger(__name__)
POOL_MIN_FILES = 3  # below this, starting worker processes costs more than it saves
_IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """Files to import (folders recursively, sorted) and files a folder scan skipped.

    A file named directly is always tried (its type is sniffed); inside folders only names
    with a photo/video/PDF suffix are picked up, so a camera card's ``.THM``/``.XML``
    side files do not each become an error. Hidden files are skipped.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.absolute()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            add(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                candidate = Path(root) / name
                if name.startswith(".") or name.lower() in _IGNORED_NAMES:
                    continue
                if candidate.suffix.lower() in CANDIDATE_SUFFIXES:
                    add(candidate)
                else:
                    skipped.append(candidate)
    return files, skipped


def _worker_init() -> None:
    """Make this pool worker exit as soon as its parent process is gone.

    ``ProcessPoolExecutor`` workers wait on a queue whose write end they hold themselves,
    so a parent killed with SIGKILL (or a crash) leaves them running, finishing their
    files and then waiting forever. Two guards:

    * a daemon thread waits on the parent's sentinel (a pipe the parent holds open on
      POSIX, the parent's process handle on Windows: ``multiprocessing.parent_process()``)
      and ends the process when it signals, without polling;
    * on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` as well, so the kernel kills a worker
      that is busy in a decoder holding the GIL (the thread could not run then). The
      signal follows the parent *thread* that started the worker; the pool is created and
      shut down in the one thread that runs :func:`prepare_all`, so that thread outlives it.
    """
    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread remains
            pass
    if parent is None:  # pragma: no cover - not started by multiprocessing
        return
    threading.Thread(target=_exit_with, args=(parent,), name="parent-watch", daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent's sentinel signals: the parent is gone
    os._exit(1)


def _new_pool(size: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now (the batch was interrupted: SIGTERM, Ctrl+C, an error)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, ValueError):  # already gone / closed
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def default_workers() -> int:
    return os.cpu_count() or 1


Outcome = Prepared | Failure


def _in_thread(
    files: list[Path], indexes: Iterable[int], cancel: threading.Event | None,
) -> Iterator[tuple[int, Outcome]]:
    for index in indexes:
        if cancel is not None and cancel.is_set():
            return
        yield index, prepare(str(files[index]))


def prepare_all(
    files: list[Path], *, workers: int | None = None, cancel: threading.Event | None = None,
) -> Generator[tuple[int, Outcome], None, None]:
    """Yield ``(index, outcome)`` as files finish (completion order, not input order).

    ``workers=0`` (or a small batch) prepares in this thread. At most a few files per
    worker are in flight, so finished results (which carry the file bytes) never pile up.
    Stops early once ``cancel`` is set; what was yielded stays yielded.

    A worker that dies (a decoder crash, out of memory) breaks its pool: the files that were
    in flight are tried once more in a fresh pool, a file that breaks it twice gets an
    error. If workers cannot start at all (two pools broke before any result came back),
    the batch goes on in this thread rather than failing every file.
    """
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(files) < POOL_MIN_FILES:
        yield from _in_thread(files, range(len(files)), cancel)
        return
    size = min(workers, len(files))
    pool = _new_pool(size)
    pending: dict[Future[Outcome], int] = {}
    todo = list(range(len(files)))[::-1]  # a stack: next file at the end
    retried: set[int] = set()
    any_result, breaks = False, 0

    def cancelled() -> bool:
        return cancel is not None and cancel.is_set()

    try:
        while True:
            broken = False
            while len(pending) < size * 3 and todo and not cancelled():
                index = todo.pop()
                try:
                    pending[pool.submit(prepare, str(files[index]))] = index
                except BrokenProcessPool:
                    todo.append(index)
                    broken = True
                    break
            if not pending and not broken:
                return
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if cancelled():
                return
            for future in sorted(done, key=pending.__getitem__):
                if isinstance(future.exception(), BrokenProcessPool):
                    broken = True
                    continue  # handled with the rest of the broken pool below
                any_result = True
                index = pending.pop(future)
                yield index, _outcome(future, files[index])
            if not broken:
                continue
            pool.shutdown(wait=False, cancel_futures=True)
            lost, pending = sorted(pending.values()), {}
            breaks += 1
            if breaks >= 2 and not any_result:  # workers cannot start (e.g. a frozen build
                # without freeze_support): the in-thread path still imports everything
                log.warning("worker processes failed to start; preparing in this thread")
                yield from _in_thread(files, sorted(lost + todo), cancel)
                return
            for index in lost:
                if index in retried:
                    yield index, Failure.of(internal("a worker process died on this file twice"))
                else:
                    retried.add(index)
                    todo.append(index)
            pool = _new_pool(size)
    except BaseException:  # interrupted (also GeneratorExit: the caller stopped early)
        _terminate(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(future: Future[Outcome], path: Path) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a worker process died (out of memory …)
        log.error("worker failed on %s: %s", path, exc)
        return Failure.of(internal(f"worker process failed: {type(exc).__name__}"))


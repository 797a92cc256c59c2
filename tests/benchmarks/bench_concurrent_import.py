"""A long register import beside another program that saves every 0.1 s (issue 11).

    python -m tests.benchmarks.bench_concurrent_import [ROWS]     (default 100000 rows)
    pytest -m benchmark tests/benchmarks/bench_concurrent_import.py -s

The register of bench_register_import (ROWS rows) is imported twice into fresh stores:

* **alone** – nothing else touches the store;
* **beside a writer** – a second process (``python -m tests.concurrent_writer``) adds one
  site every 0.1 s through the services, from before the import starts until after it ends.

Printed: the import's time, its longest and median transaction (how long it holds the write
lock at a time), the largest WAL seen (sampled every 0.1 s), and for the writer its saves,
failures (数据库正被其他程序占用) and longest wait for one save. Before the import was split
into batches the writer failed after each 5 s busy timeout for as long as the import held
the lock, and the WAL reached ~300 MB for 100,000 rows. Printed, not asserted.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _import(data_dir: Path, path: Path) -> dict[str, float]:
    from inspector_app.services import register_import
    from inspector_app.services.session import open_session

    session = open_session(data_dir)
    holds: list[float] = []
    write = session.store.write

    def timed(job, **kw):  # how long each transaction of the import holds the lock
        def run(tx):
            t0 = time.perf_counter()
            try:
                return job(tx)
            finally:
                holds.append(time.perf_counter() - t0)
        return write(run, **kw)

    session.store.write = timed  # type: ignore[method-assign]
    wal, done = [0], threading.Event()

    def watch() -> None:
        while not done.is_set():
            try:
                wal[0] = max(wal[0], os.path.getsize(data_dir / "inspector.db-wal"))
            except OSError:
                pass
            time.sleep(0.1)

    threading.Thread(target=watch, daemon=True).start()
    try:
        t0 = time.perf_counter()
        report = register_import.import_register(session, path)
        elapsed = time.perf_counter() - t0
    finally:
        done.set()
        session.close()
    assert report.counts["imported"] >= 1, report.counts
    return {"seconds": elapsed, "batches": len(holds), "hold_max": max(holds),
            "hold_median": statistics.median(holds), "wal_mb": wal[0] / 2**20}


def run(rows: int = 100_000) -> list[str]:
    from inspector_app.services.session import open_session
    from tests.benchmarks.bench_register_import import make_register

    with tempfile.TemporaryDirectory(prefix="gi-bench-concurrent-") as tmp:
        folder = Path(tmp)
        path = make_register(folder / "台账.xlsx", rows)
        alone = _import(folder / "alone", path)

        data_dir = folder / "shared"
        open_session(data_dir).close()
        stop, ready, out = folder / "stop", folder / "ready", folder / "writer.json"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        writer = subprocess.Popen([sys.executable, "-m", "tests.concurrent_writer", str(data_dir),
                                   str(stop), str(ready), str(out)], env=env, cwd=REPO)
        try:
            while not ready.exists():
                if writer.poll() is not None:
                    raise RuntimeError("the writing process ended early")
                time.sleep(0.05)
            beside = _import(data_dir, path)
        finally:
            stop.touch()
            writer.wait(timeout=120)
        w = json.loads(out.read_text("utf-8"))

    def line(label: str, r: dict[str, float]) -> str:
        return (f"{label}: {r['seconds']:6.1f} s, {r['batches']:4.0f} transactions, lock held "
                f"max {r['hold_max']:.2f} s / median {r['hold_median']:.2f} s, WAL max {r['wal_mb']:.0f} MB")

    return [
        f"register: {rows} rows",
        line("import alone         ", alone),
        line("import beside writer ", beside),
        f"writer (a save every 0.1 s): {len(w['saved'])} saved, {len(w['failed'])} failed, "
        f"longest wait {w['max_wait']:.2f} s, mean {w['mean_wait']:.3f} s",
    ]


@pytest.mark.benchmark
def test_concurrent_import_benchmark():
    for text in run(int(os.environ.get("GI_BENCH_ROWS", "100000"))):
        print(text)


if __name__ == "__main__":
    for text in run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000):
        print(text)

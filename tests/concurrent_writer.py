"""A second program writing the store: adds a site every 0.1 s until told to stop.

    python -m tests.concurrent_writer DATA_DIR STOP_FILE READY_FILE OUT_JSON [INTERVAL]

Used by tests/integration/test_concurrent_writers.py and
tests/benchmarks/bench_concurrent_import.py. READY_FILE appears after the first save;
OUT_JSON gets the saved (id, name) pairs, the failures' messages and the longest wait.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import StoreError
from inspector_app.services.session import open_session
from inspector_app.services.sites import add_site


def main(argv: list[str]) -> None:
    data_dir, stop, ready, out = argv[:4]
    interval = float(argv[4]) if len(argv) > 4 else 0.1
    session = open_session(data_dir)
    saved: list[tuple[str, str]] = []
    failed: list[str] = []
    waits: list[float] = []
    deadline = time.monotonic() + 900  # never outlives a forgotten stop file for long
    try:
        while not os.path.exists(stop) and time.monotonic() < deadline:
            name = f"并发写入 {os.getpid()}-{len(saved) + len(failed)}"
            t0 = time.monotonic()
            try:
                saved.append((add_site(session, SiteInput(name=name, no_unit=True)).id, name))
            except StoreError as exc:
                failed.append(str(exc))
            waits.append(time.monotonic() - t0)
            if len(saved) == 1:
                Path(ready).touch()
            time.sleep(interval)
    finally:
        session.close()
    Path(out).write_text(json.dumps({"saved": saved, "failed": failed, "max_wait": max(waits, default=0),
                                     "mean_wait": sum(waits) / max(len(waits), 1)}), "utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Make (or reuse) a benchmark store: 20,000 sites and 100,000 hazards of the demo township.

    python -m tests.benchmarks.generate DIR [--sites N] [--hazards N]

Prints the creation time. The store is an ordinary data folder; open it with
``inspector-app --data-dir DIR``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from inspector_app.services import demo
from inspector_app.services.session import open_session

DEFAULT_STORE = Path(tempfile.gettempdir()) / "inspector-bench-100k"


def store_from_argv() -> Path:
    """The store named on the command line, else the shared default benchmark store."""
    return Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_STORE


def median_ms(fn: Callable[[], object], runs: int = 7) -> float:
    """Median wall time of ``fn`` in milliseconds, after one warm-up call (page cache)."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def build(data_dir: Path, sites: int = 20_000, hazards: int = 100_000) -> float:
    """Create the store; returns seconds taken (0.0 if it already existed)."""
    if (data_dir / "inspector.db").exists():
        return 0.0
    start = time.perf_counter()
    session = open_session(data_dir)
    try:
        def progress(done: int, total: int, message: str) -> None:
            if done % 20_000 == 0:
                sys.stderr.write(f"  {done}/{total}\n")

        demo.fill_demo(session, sites=sites, hazards=hazards, seed=7, progress=progress)
    finally:
        session.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", type=Path)
    parser.add_argument("--sites", type=int, default=20_000)
    parser.add_argument("--hazards", type=int, default=100_000)
    args = parser.parse_args()
    seconds = build(args.dir, args.sites, args.hazards)
    print(f"store creation: {seconds:.1f} s for {args.sites} sites / {args.hazards} hazards")


if __name__ == "__main__":
    main()

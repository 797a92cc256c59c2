"""The README's benchmark command (`pytest -m benchmark`) runs every benchmark module, and the
default run runs none of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _collect(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args,
         "tests/benchmarks"], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(ROOT)}).stdout


def test_every_benchmark_module_is_collected_by_the_benchmark_marker() -> None:
    modules = sorted(p.name for p in (ROOT / "tests" / "benchmarks").glob("bench_*.py"))
    assert modules
    listed = _collect("-m", "benchmark")
    missing = [m for m in modules if f"tests/benchmarks/{m}::" not in listed]
    assert missing == [], listed


def test_the_default_run_deselects_them() -> None:
    listed = _collect()
    assert "::" not in listed.replace("deselected", "")  # no test id left to run
    assert "deselected" in listed

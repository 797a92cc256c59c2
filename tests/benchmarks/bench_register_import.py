"""Site register import throughput against openpyxl's bare read-only iteration.

    python -m tests.benchmarks.bench_register_import [ROWS]     (default 20000 rows)
    pytest -m benchmark tests/benchmarks/bench_register_import.py -s

A register of ROWS rows (序号, 单位名称, 统一社会信用代码, 行业, 地址, 联系人, 联系电话, 网格,
风险等级, 备注 — valid USCCs, a few sectors, risk colours, phone numbers stored as numbers)
is written with openpyxl, then, in the same run with the page cache warm:

* **bare** – ``openpyxl.load_workbook(read_only=True)`` and ``iter_rows(values_only=True)``
  over every row, doing nothing with them (best of three runs);
* **import** – ``services.register_import.import_register`` into a fresh store: sniff, read,
  map the columns, check every row, match against the register, write sites, units, oplog,
  search index and audit in one transaction (one run; the store is new each time).

Goal (the issue): import ≥ 50 % of the bare iteration's rows per second. Printed, not asserted.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pytest

HEADER = ["序号", "单位名称", "统一社会信用代码", "行业", "地址", "联系人", "联系电话", "网格", "风险等级", "备注"]
SECTORS = ["九小场所", "城镇燃气", "工贸", "出租屋", "电动自行车", "有限空间"]


def make_register(path: Path, rows: int, seed: int = 7) -> Path:
    import openpyxl

    from inspector_app.core.uscc import ALPHABET, uscc_check_char

    rnd = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "场所台账"
    ws.append(HEADER)
    for i in range(rows):
        body = "9133" + "".join(rnd.choice(ALPHABET) for _ in range(13))
        ws.append([i + 1, f"青石镇测试商户{i}号店", body + uscc_check_char(body), rnd.choice(SECTORS),
                   f"青石镇{i % 40}村{rnd.randint(1, 300)}号", rnd.choice("张王李赵刘陈") + "某",
                   13800000000 + i, "", rnd.choice("红橙黄蓝"), "三合一" if i % 17 == 0 else None])
    wb.save(path)
    return path


def bare_iteration(path: Path) -> tuple[int, float]:
    import openpyxl

    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True)
    count = sum(1 for _ in wb.active.iter_rows(values_only=True))
    wb.close()
    return count, time.perf_counter() - start


ROUNDS = 3


def run(rows: int = 20_000) -> list[str]:
    from inspector_app.services import register_import
    from inspector_app.services.session import open_session

    with tempfile.TemporaryDirectory(prefix="gi-bench-register-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        path = make_register(folder / "台账.xlsx", rows)
        made = time.perf_counter() - t0
        bare_iteration(path)  # warm the page cache and imports
        # alternate the two, several rounds: this machine's speed drifts between runs, so a
        # single pair (or the best bare run against one import) says more about the drift
        bares, imports = [], []
        for round_no in range(ROUNDS):
            bares.append(bare_iteration(path)[1])
            session = open_session(folder / f"store{round_no}")
            try:
                t0 = time.perf_counter()
                report = register_import.import_register(session, path)
                imports.append(time.perf_counter() - t0)
            finally:
                session.close()
            counts = report.counts
            assert counts["imported"] == rows, counts
        bare, imported = statistics.median(bares), statistics.median(imports)
        rounds = ", ".join(f"{b / i:.0%}" for b, i in zip(bares, imports, strict=True))
        bare_rate, import_rate = rows / bare, rows / imported
        return [
            f"register: {rows} rows, {path.stat().st_size / 2**20:.1f} MB .xlsx (written in {made:.1f} s)",
            f"openpyxl bare read_only iteration: {bare:6.2f} s  {bare_rate:9,.0f} rows/s",
            f"import_register (fresh store):     {imported:6.2f} s  {import_rate:9,.0f} rows/s",
            f"import / bare (medians of {ROUNDS} alternating rounds): {import_rate / bare_rate:.0%}"
            f"  (goal >= 50%; per round: {rounds})",
        ]


@pytest.mark.benchmark
def test_register_import_benchmark():
    for line in run():
        print(line)


if __name__ == "__main__":
    for line in run(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000):
        print(line)

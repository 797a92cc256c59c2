"""``inspector-app site import FILE`` / ``site export -o FILE.xlsx`` as a user runs them."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.helpers import ADMIN_PASSWORD, cli


@pytest.fixture
def store(data_dir):
    return ["--data-dir", str(data_dir)]


def _xlsx(path, rows):
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_import_prints_counts_and_json_report(store, tmp_path):
    path = _xlsx(tmp_path / "台账.xlsx", [
        ["序号", "单位名称", "统一社会信用代码", "地址"],
        [1, "李记小吃", "91330100799655058B", "东村3号"],
        [2, "张记", "91330100799655058C", "东村4号"],
        [3, None, None, "东村5号"],
    ])
    result = cli(*store, "site", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "导入 2 条，更新 0 条，跳过 0 条，拒绝 1 条" in result.stdout
    assert "未使用的列：A 序号" in result.stdout
    assert "第 4 行" in result.stderr and "Traceback" not in result.stderr

    again = cli(*store, "site", "import", str(path), "--json")
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert {k: data[k] for k in ("imported", "updated", "skipped", "rejected")} == {
        "imported": 0, "updated": 0, "skipped": 2, "rejected": 1}
    assert [r["outcome"] for r in data["report"]] == ["skipped", "skipped", "rejected"]
    assert data["unused_columns"] == ["A 序号"]

    verbose = cli(*store, "site", "import", str(path), "--verbose")
    assert "第 2 行：skipped 李记小吃" in verbose.stdout


def test_import_update_and_map_options(store, tmp_path):
    first = _xlsx(tmp_path / "a.xlsx", [["店铺", "号码"], ["小卖部", "138"]])
    result = cli(*store, "site", "import", str(first), "--map", "店铺=name", "--map", "号码=phone", "--json")
    assert json.loads(result.stdout)["imported"] == 1, result.stderr
    second = _xlsx(tmp_path / "b.xlsx", [["店铺", "号码"], ["小卖部", "139"]])
    data = json.loads(cli(*store, "site", "import", str(second), "--map", "店铺=name",
                          "--map", "号码=phone", "--update", "--json").stdout)
    assert data["updated"] == 1 and data["report"][0]["changes"] == {"phone": ["138", "139"]}


@pytest.mark.parametrize("name,content,word", [
    ("报表.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "WPS"),
    ("missing.xlsx", None, "无法读取"),
    ("no_header.xlsx", "no_header", "表头"),
])
def test_unreadable_file_exits_non_zero_with_one_line(store, tmp_path, name, content, word):
    path = tmp_path / name
    if content == "no_header":
        _xlsx(path, [["a", "b"], [1, 2]])
    elif content is not None:
        path.write_bytes(content)
    # with a password the admin is not warned about: the error is the only line
    cli(*store, "user", "passwd", "admin", "--password-env", "NEWPW", env={"NEWPW": ADMIN_PASSWORD})
    result = cli(*store, "site", "import", str(path))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and word in lines[0] and "Traceback" not in result.stderr


def test_export_writes_text_cells(store, tmp_path):
    assert cli(*store, "site", "add", "--name", "=1+1", "--address", "东村").returncode == 0
    out = tmp_path / "导出 台账.xlsx"
    result = cli(*store, "site", "export", "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sites"] == 1
    cell = openpyxl.load_workbook(out).active["B2"]
    assert cell.value == "=1+1" and cell.data_type == "s"

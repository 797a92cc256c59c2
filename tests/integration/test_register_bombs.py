"""Small files that unpack to far more than a register can be are refused before parsing.

The bombs are built the way an attacker would: zipfile's deflate over repetitive XML. Peak
memory is measured in a fresh process (ru_maxrss); no test looks at the clock, a generous
timeout only keeps a regression from hanging the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from inspector_app.core.errors import DomainError
from inspector_app.formats.spreadsheet import SpreadsheetError, open_sheet
from inspector_app.formats.xlsx_rows import MAX_CELL_CHARS, TooLarge, read_shared_strings
from inspector_app.services import checklist_io, register_import
from tests.helpers import REPO

HEADER = ["单位名称", "地址", "联系电话"]
MB = 2**20


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("台账")
    for r, row in enumerate(rows):
        ws.write_row(r, 0, row)
    wb.close()
    return path


def _replace(source: Path, target: Path, member: str, head: bytes, unit: bytes, size: int,
             tail: bytes) -> Path:
    """``source`` with ``member`` replaced by head + unit repeated to ``size`` bytes + tail,
    deflated in a stream (the test never holds the unpacked member)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info))
        with dst.open(member, "w", force_zip64=True) as out:
            out.write(head)
            block = unit * max(1, min(size, MB) // len(unit))
            written = 0
            while written < size:
                out.write(block)
                written += len(block)
            out.write(tail)
    return target


def _strings_bomb(tmp_path: Path, size: int) -> Path:
    base = _workbook(tmp_path / "base.xlsx", [HEADER, ["李记", "东村", "138"]])
    return _replace(base, tmp_path / "台账 strings bomb.xlsx", "xl/sharedStrings.xml",
                    b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><si><t>\xe5\x90\x8d\xe7\xa7\xb0</t></si>',
                    "<si><t>东村东村东村东村东村东村东村东村</t></si>".encode(), size, b"</sst>")


def _sheet_bomb(tmp_path: Path, size: int, name: str = "台账 sheet bomb.xlsx") -> Path:
    base = _workbook(tmp_path / "base.xlsx", [HEADER])
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return _replace(base, tmp_path / name, "xl/worksheets/sheet1.xml",
                    b'<?xml version="1.0"?><worksheet ' + ns + b"><sheetData>",
                    b'<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>',
                    size, b"</sheetData></worksheet>")


_PROBE = """
import json, resource, sys
from inspector_app.services.register_import import import_register
from inspector_app.services.session import open_session
session = open_session(sys.argv[2])
try:
    import_register(session, sys.argv[1])
    outcome = {"refused": None}
except Exception as exc:
    outcome = {"refused": type(exc).__name__, "en": getattr(exc, "en", str(exc)),
               "zh": getattr(exc, "zh", "")}
# VmHWM: this process's own peak; ru_maxrss would carry over the parent's peak across exec
hwm = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
outcome["peak_mb"] = int(hwm[0]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(outcome))
"""


def _import_in_fresh_process(path: Path, data_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(path), str(data_dir)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.timeout(600)
@pytest.mark.parametrize("kind, size", [
    ("strings", 250 * MB), ("sheet", 946 * MB),  # the two files of the report: past the declared caps
    ("strings", 40 * MB), ("sheet", 60 * MB),  # within the caps, but packed hundreds of times
])
def test_bombs_are_refused_before_parsing_within_200_mb(tmp_path, data_dir, kind, size):
    path = _strings_bomb(tmp_path, size) if kind == "strings" else _sheet_bomb(tmp_path, size)
    assert path.stat().st_size < 4 * MB  # small on disk, as in the report
    outcome = _import_in_fresh_process(path, data_dir)
    assert outcome["refused"] == "SpreadsheetError", outcome
    assert "larger inside than a register can be" in outcome["en"] and "超出台账的合理范围" in outcome["zh"]
    assert outcome["peak_mb"] < 200, outcome


def test_a_huge_member_is_refused_by_its_declared_size(tmp_path):
    # 70 MB of shared strings that pack only ~10 times: not a ratio bomb, still more than a register
    base = _workbook(tmp_path / "base.xlsx", [HEADER])
    path = tmp_path / "big strings.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                dst.writestr(info, src.read(info))
        with dst.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(b"<sst>")
            chunk = os.urandom(MB // 2).hex().encode()  # hex of random bytes packs about 2:1
            for _ in range(70):
                out.write(b"<si><t>" + chunk + b"</t></si>")
            out.write(b"</sst>")
    with pytest.raises(SpreadsheetError) as err:
        open_sheet(path)
    assert "sharedStrings.xml unpacks to 70 MB" in err.value.en


def test_shared_strings_are_read_within_limits():
    xml = b"<sst>" + b"<si><t>abcdefghij</t></si>" * 100 + b"</sst>"
    from io import BytesIO

    assert len(read_shared_strings(BytesIO(xml), max_chars=1000, max_count=100)) == 100
    with pytest.raises(TooLarge):
        read_shared_strings(BytesIO(xml), max_chars=999, max_count=100)
    with pytest.raises(TooLarge):
        read_shared_strings(BytesIO(xml), max_chars=10_000, max_count=99)


def test_a_row_past_the_last_sheet_row_is_refused(tmp_path):
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    path = _replace(_workbook(tmp_path / "base.xlsx", [HEADER]), tmp_path / "rows.xlsx",
                    "xl/worksheets/sheet1.xml", b"<worksheet " + ns + b"><sheetData>",
                    b'<row r="2000000"><c t="inlineStr"><is><t>A</t></is></c></row>', 1,
                    b"</sheetData></worksheet>")
    with pytest.raises(SpreadsheetError) as err, open_sheet(path) as sheet:
        list(sheet.rows())
    assert "2000000" in err.value.en


@pytest.mark.timeout(600)
def test_checklist_workbooks_are_bounded_too(session, tmp_path):
    bomb = _sheet_bomb(tmp_path, 300 * MB, "检查表 bomb.xlsx")
    with pytest.raises(DomainError) as err:
        checklist_io.import_templates(session, bomb)
    assert err.value.code == "bad_template" and "larger inside" in err.value.en
    # 20 MB that packs only ~2 times: fine for a register, far more than a checklist template
    base = _workbook(tmp_path / "base.xlsx", [HEADER])
    path = tmp_path / "检查表 big.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/media/padding.bin", os.urandom(10 * MB).hex())
    with pytest.raises(DomainError) as err:
        checklist_io.import_templates(session, path)
    assert err.value.code == "bad_template" and "unpacks to" in err.value.en


def test_one_oversized_cell_rejects_only_its_row_in_csv_and_xlsx(session, tmp_path):
    long_address = "东村" * 100_000  # 200,000 characters: past csv's own field limit
    rows = [HEADER, ["李记", "东村3号", "138"], ["张记", long_address, "139"], ["王记", "东村5号", None]]
    csv_path = tmp_path / "台账.csv"
    csv_path.write_text("\n".join(",".join(v or "" for v in r) for r in rows), "utf-8")
    xlsx_path = _workbook(tmp_path / "台账.xlsx", rows)
    for path in (csv_path, xlsx_path):
        report = register_import.import_register(session, path, dry_run=True)
        outcomes = {r.name: (r.outcome, {m.code for m in r.messages}) for r in report.rows}
        assert outcomes == {"李记": ("imported", set()), "张记": ("rejected", {"too_long"}),
                            "王记": ("imported", set())}, path.name


def test_a_cell_never_grows_past_what_excel_can_hold(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", [HEADER, ["李记", "东" * (MAX_CELL_CHARS - 1), None]])
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    base = _workbook(tmp_path / "base.xlsx", [HEADER])
    huge = _replace(base, tmp_path / "huge cell.xlsx", "xl/worksheets/sheet1.xml",
                    b"<worksheet " + ns + b'><sheetData><row><c t="inlineStr"><is><t>',
                    os.urandom(MB // 2).hex().encode(), 5 * MB,  # packs about 2:1, not a bomb
                    b"</t></is></c></row></sheetData></worksheet>")
    with open_sheet(path) as sheet:
        assert len(dict(sheet.rows(3))[2][1]) == MAX_CELL_CHARS - 1  # a full cell is kept whole
    with open_sheet(huge) as sheet:
        (_, values), = list(sheet.rows(1))
    assert MAX_CELL_CHARS < len(values[0]) <= MAX_CELL_CHARS + 256 * 1024  # at most one more chunk


def test_a_legacy_xls_larger_than_any_register_is_refused_before_reading(tmp_path):
    from inspector_app.formats.spreadsheet import OLE2_MAGIC
    from inspector_app.formats.spreadsheet_xls import MAX_XLS_BYTES

    path = tmp_path / "旧 台账.xls"
    with path.open("wb") as fh:  # sparse: nothing is really written
        fh.write(OLE2_MAGIC)
        fh.truncate(MAX_XLS_BYTES + 1)
    with pytest.raises(SpreadsheetError) as err:
        open_sheet(path)
    assert "legacy .xls, more than a register can be" in err.value.en and "旧版 .xls" in err.value.zh


@pytest.mark.timeout(600)
def test_a_huge_mimetype_member_is_not_unpacked_to_sniff_the_format(tmp_path, data_dir):
    path = tmp_path / "假 表格.xlsx"
    block = b"application/vnd.oasis.opendocument.spreadsheet" * (MB // 46)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("mimetype", "w", force_zip64=True) as out:
        for _ in range(400):
            out.write(block)
    outcome = _import_in_fresh_process(path, data_dir)
    assert outcome["refused"] == "SpreadsheetError" and ".ods" in outcome["en"], outcome
    assert outcome["peak_mb"] < 200, outcome

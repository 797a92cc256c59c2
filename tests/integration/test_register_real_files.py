"""Registers and checklist templates as other programs write them (not only openpyxl).

openpyxl writes inline strings; Excel, WPS, LibreOffice and XlsxWriter keep text in
``xl/sharedStrings.xml``. XlsxWriter files are made here; the LibreOffice files are
committed under tests/fixtures/registers/ (remade by make_fixtures.py there, which needs
soffice; these tests do not).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from inspector_app.formats.spreadsheet import SpreadsheetError, open_sheet
from inspector_app.services import checklist_io, checklists, register_import, sites
from inspector_app.services.regions import add_region

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "registers"
HEADER = ["序号", "单位名称", "统一社会信用代码", "行业", "地址", "联系人", "联系电话", "网格", "风险等级"]
GOOD_USCC = "91330100799655058B"


def xlsxwriter_file(path: Path, rows: list[list[object]], *, sheet: str = "台账",
                    merge: tuple[int, int, int, int, object] | None = None) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                ws.write_string(r, c, value)  # text stays text, even "=…"
            elif value is not None:
                ws.write(r, c, value)
    if merge:
        ws.merge_range(*merge)
    wb.close()
    return path


def by_name(report) -> dict[str, register_import.RowResult]:
    return {r.name: r for r in report.rows}


@pytest.fixture
def grids(session):
    def make(tx):
        add_region(tx, "grid", "东村网格", code="G01")
        add_region(tx, "grid", "西村网格", code="G02")

    session.write(make)


def test_xlsxwriter_register_with_shared_strings_imports(session, tmp_path, grids):
    path = xlsxwriter_file(tmp_path / "台账 XlsxWriter.xlsx", [
        HEADER,
        [1, "李记小吃", GOOD_USCC, "九小场所", "东村3号", "李四", 13800000000, "东村网格", "红色"],
        [2, "张记五金", None, "九小场所", "东村4号", "张三", "0571-88880000", "东村网格", "黄"],
        [3, "王记", None, "燃气", "西村5号", None, None, None, "蓝"],
        [4, "赵记", None, "燃气", "西村6号", None, None, None, "蓝"],
    ], merge=(3, 7, 4, 7, "西村网格"))
    with zipfile.ZipFile(path) as zf:
        assert "xl/sharedStrings.xml" in zf.namelist()  # the case openpyxl never writes
    report = register_import.import_register(session, path)
    assert report.counts == {"imported": 4, "updated": 0, "skipped": 0, "rejected": 0}
    rows = by_name(report)
    li = sites.get_site(session, rows["李记小吃"].site_id)
    assert (li.grid, li.uscc, li.phone, li.risk_colour) == ("东村网格", GOOD_USCC, "13800000000", "red")
    assert sites.get_site(session, rows["张记五金"].site_id).phone == "0571-88880000"
    # 网格 merged down over two rows: both rows carry it
    assert sites.get_site(session, rows["赵记"].site_id).grid == "西村网格"


def test_shared_string_index_past_the_table_is_a_damaged_file_not_empty_cells(tmp_path):
    path = xlsxwriter_file(tmp_path / "t.xlsx", [["单位名称", "地址"], ["李记", "东村"]])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/sharedStrings.xml":  # a table cut short: 1 string of 4
                data = data.replace(b'uniqueCount="4"', b'uniqueCount="1"')
                head, _, _ = data.partition(b"</si>")
                data = head + b"</si></sst>"
            dst.writestr(info, data)
    with pytest.raises(SpreadsheetError) as err, open_sheet(broken) as sheet:
        list(sheet.rows())
    assert "shared string" in err.value.en and "损坏" in err.value.zh


def test_excel_escapes_in_text_are_undone(tmp_path):
    """Excel writes a carriage return as ``_x000D_`` and a literal ``_x000D_`` as ``_x005F_x000D_``."""
    path = xlsxwriter_file(tmp_path / "t.xlsx", [["单位名称"], ["李记"]])
    edited = tmp_path / "escaped.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace("<t>李记</t>".encode(), "<t>李_x000D_记_x005F_x000D_</t>".encode())
            dst.writestr(info, data)
    with open_sheet(edited) as sheet:
        assert dict(sheet.rows(1))[2] == ["李\r记_x000D_"]


@pytest.mark.parametrize("name", ["register_libreoffice.xlsx", "register_libreoffice.xls",
                                  "register_gb18030.csv"])
def test_registers_saved_by_libreoffice_import(session, tmp_path, grids, name):
    path = tmp_path / "导入 文件" / name
    path.parent.mkdir()
    shutil.copy(FIXTURES / name, path)
    report = register_import.import_register(session, path)
    assert report.counts == {"imported": 4, "updated": 0, "skipped": 0, "rejected": 0}, [
        (r.row, r.outcome, [m.zh for m in r.messages]) for r in report.rows]
    assert report.blank_rows == 1
    rows = by_name(report)
    li = sites.get_site(session, rows["李记小吃"].site_id)
    assert (li.grid, li.uscc, li.uscc_ok, li.phone, li.risk_colour, li.sectors) == (
        "东村网格", GOOD_USCC, True, "13800000000", "red", ("nine_small",))
    assert li.notes == "多行\n备注"
    zhang = sites.get_site(session, rows["张记五金"].site_id)
    assert zhang.phone == "0571-88880000" and len(zhang.sectors) == 2
    wang = sites.get_site(session, rows["王记餐馆（分店）"].site_id)
    assert (wang.address, wang.notes, wang.grid) == ("西村5号 2楼", "前后空格", "西村网格")
    zhao = sites.get_site(session, rows["𠮷记赵氏便利店"].site_id)  # outside GBK: GB18030 only
    assert zhao.notes == "=不是公式"
    if name.endswith(".csv"):
        assert "encoding" in {n.code for n in report.notices}
        assert zhao.grid is None  # CSV keeps no merges: the row is left to be assigned
    else:
        assert zhao.grid == "西村网格"  # merged down over an empty row in the workbook


@pytest.mark.parametrize("name", ["checklist_libreoffice.xlsx", "checklist_libreoffice.xls"])
def test_checklist_templates_saved_by_libreoffice_import(session, tmp_path, name):
    path = tmp_path / "检查表 文件" / name
    path.parent.mkdir()
    shutil.copy(FIXTURES / name, path)
    done, _ = checklist_io.import_templates(session, path)
    assert [(d.outcome, d.code, d.version) for d in done] == [("imported", "lo_fixture", 1)]
    template = checklists.get_template(session, done[0].id)
    assert template.title == "九小场所检查表（另存）"
    items = checklists.template_items(session, done[0].id)
    assert [(i.code, i.major, i.default_days) for i in items] == [("1", False, 7), ("2", True, 0), ("3", True, 3)]
    assert items[0].text == "灭火器配置充足、在有效期内"


def test_checklist_template_written_by_xlsxwriter_imports(session, tmp_path):
    exported = checklist_io.export_template(session, "gas_catering", tmp_path / "燃气.xlsx")
    wb = openpyxl.load_workbook(exported)
    path = tmp_path / "燃气 XlsxWriter.xlsx"
    out = xlsxwriter.Workbook(str(path))
    for ws in wb.worksheets:
        sheet = out.add_worksheet(ws.title)
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write_string(r, c, value) if isinstance(value, str) else sheet.write(r, c, value)
    out.close()
    done, _ = checklist_io.import_templates(session, path)
    assert [d.outcome for d in done] == ["skipped"]  # the same content as the shipped template


def test_entity_tricks_in_the_shared_strings_are_refused(tmp_path):
    path = xlsxwriter_file(tmp_path / "t.xlsx", [["单位名称"], ["李记"]])
    evil = tmp_path / "evil.xlsx"
    laughs = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b"<si><t>&b;</t></si><si><t>x</t></si></sst>")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, laughs if info.filename == "xl/sharedStrings.xml" else src.read(info))
    with pytest.raises(SpreadsheetError) as err:
        open_sheet(evil)
    assert "not allowed in a workbook" in err.value.en


def test_a_bloated_styles_part_that_packs_very_well_is_still_read(tmp_path):
    """Years of copy and paste leave thousands of identical formats in styles.xml: packed
    hundreds of times, yet not a bomb (the part's declared size is what bounds it)."""
    path = xlsxwriter_file(tmp_path / "t.xlsx", [["单位名称"], ["李记"]])
    bloated = tmp_path / "bloated styles.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bloated, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/styles.xml":
                data = data.replace(b"<cellStyleXfs", b"<!--" + b" " * (4 * 2**20) + b"--><cellStyleXfs", 1)
            dst.writestr(info, data)
    with zipfile.ZipFile(bloated) as zf:
        info = zf.getinfo("xl/styles.xml")
        assert info.file_size / info.compress_size > 300
    with open_sheet(bloated) as sheet:
        assert dict(sheet.rows(1))[2] == ["李记"]

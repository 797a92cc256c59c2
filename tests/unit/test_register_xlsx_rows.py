"""The fast sheet parser gives what openpyxl gives, and refuses hostile XML."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from inspector_app.formats.spreadsheet import SpreadsheetError, open_sheet
from inspector_app.formats.xlsx_rows import HostileXml, iter_sheet_rows


def _openpyxl_rows(path: Path) -> list[list[object]]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb.active
    ws.reset_dimensions()
    rows = [list(r) for r in ws.iter_rows(max_col=8, values_only=True)]
    wb.close()
    return rows


def _ours(path: Path) -> dict[int, list[object]]:
    with open_sheet(path) as sheet:
        return dict(sheet.rows(8))


def test_same_values_as_openpyxl(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名称", "数字", "小数", "日期", "布尔", "时间", "空", "公式"])
    ws.append(["李记", 13800000000, 30.25, datetime(2026, 3, 5, 9, 30), True, time(8, 15), None, "=1+1"])
    ws.append(["=文本", -5, 1e20, date(2026, 1, 1), False, None, "", None])
    ws["A3"].data_type = "s"
    ws.cell(row=6, column=2, value="gap above")  # rows 4-5 missing in the XML
    ws.cell(row=7, column=1).value = CellRichText([TextBlock(InlineFont(b=True), "粗"), "体"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    theirs = _openpyxl_rows(path)
    ours = _ours(path)
    for number, values in ours.items():
        assert values == theirs[number - 1], number
    assert ours[2][3] == datetime(2026, 3, 5, 9, 30)
    assert ours[3][0] == "=文本"
    assert ours[2][7] is None  # a formula never computed by Excel has no cached value
    assert ours[7][0] == "粗体"


def _with_sheet_xml(tmp_path: Path, xml: bytes) -> Path:
    """A valid workbook whose first sheet's XML is replaced by ``xml``."""
    wb = openpyxl.Workbook()
    wb.active.append(["名称"])
    buffer = io.BytesIO()
    wb.save(buffer)
    path = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, xml if info.filename == "xl/worksheets/sheet1.xml" else data)
    return path


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"""


def test_entity_expansion_is_refused_by_the_parser():
    with pytest.raises(HostileXml):
        list(iter_sheet_rows(io.BytesIO(BILLION_LAUGHS), shared=[], date_styles=set(),
                             timedelta_styles=set(), epoch=None, width=4))


def test_a_hostile_workbook_is_refused_with_a_message(tmp_path):
    path = _with_sheet_xml(tmp_path, BILLION_LAUGHS)
    with pytest.raises(SpreadsheetError) as err:
        _ours(path)
    assert "XML" in err.value.zh


def test_prefixed_tags_and_cells_without_references(tmp_path):
    xml = (b'<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t>'
           b'</x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row r="3"><x:c r="C3" t="b"><x:v>1'
           b'</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    path = _with_sheet_xml(tmp_path, xml)
    assert _ours(path) == {1: ["a", 2, None, None, None, None, None, None],
                           3: [None, None, True, None, None, None, None, None]}

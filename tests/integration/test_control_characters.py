"""A NUL or another control character never gets into the store, and never stops an export.

No XML document can hold C0 control characters (but tab, newline, CR), so one such
character in one site made the whole register export fail (openpyxl's
IllegalCharacterError, no file written). They are cleaned at input (every text goes
through core.validation), and exports clean whatever an older store already holds.
"""

from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest
import xlsxwriter

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import ValidationError
from inspector_app.core.validation import clean_text, strip_control
from inspector_app.services import checklist_io, checklists, register_export, register_import, sites
from inspector_app.services.hazard_input import limited
from tests.helpers import cli

BAD = "\x00\x07\x1b\x01\x08\x0e\x1f\x7f"


def test_strip_control_keeps_tabs_and_line_breaks():
    assert strip_control(f"李{BAD}记\t小\n吃\r") == "李记\t小\n吃\r"
    assert strip_control("东村\x0b3号\x0c") == "东村 3号 "
    assert strip_control("正常文字 ABC") == "正常文字 ABC"
    assert clean_text("name", f" {BAD}李记 ") == "李记"
    assert limited("cause", f"原因{BAD}", 100) == "原因"
    with pytest.raises(ValidationError):
        clean_text("name", BAD, required=True)  # nothing left: empty


def test_cli_site_add_cleans_and_export_writes_the_file(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    added = cli(*store, "site", "add", "--name", "李记\x07小吃\x1b", "--address", "东村\x0b3号",
                "--sector", "九小场所\x07", "--uscc", "91330100799655058B\x1b", "--notes", "第一行\n第二行\x01",
                "--json")
    assert added.returncode == 0, added.stderr
    out = tmp_path / "导出 台账.xlsx"
    exported = cli(*store, "site", "export", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    ws = openpyxl.load_workbook(out).active
    row = {h: v for h, v in zip((c.value for c in ws[1]), (c.value for c in ws[2]), strict=True)}
    assert (row["场所名称"], row["地址"], row["行业"], row["统一社会信用代码"], row["备注"]) == (
        "李记小吃", "东村 3号", "九小场所", "91330100799655058B", "第一行\n第二行")


def test_services_clean_every_site_field(session):
    saved = sites.add_site(session, SiteInput(
        name=f"李记{BAD}", unit_name=f"李记餐饮{BAD}", uscc="913301007996\x0055058B", legal_rep=f"李四{BAD}",
        sectors=[f"九小场所{BAD}", BAD], address=f"东村{BAD}3号", building=f"1幢{BAD}", landlord=f"王{BAD}",
        contact=f"李{BAD}", phone=f"138{BAD}", notes=f"备注{BAD}"))
    site = sites.get_site(session, saved.id)
    values = [site.name, site.unit_name, site.uscc, site.legal_rep, site.address, site.building,
              site.landlord, site.contact, site.phone, site.notes]
    assert values == ["李记", "李记餐饮", "91330100799655058B", "李四", "东村3号", "1幢", "王", "李", "138", "备注"]
    assert site.sectors == ("nine_small",) and site.uscc_ok


def test_imports_clean_control_characters_from_csv_and_xlsx(session, tmp_path):
    csv_path = tmp_path / "台账.csv"
    csv_path.write_bytes("单位名称,地址,备注\n李记\x07\x00,东村\x1b3号,a\x0bb\n".encode())
    xlsx_path = tmp_path / "台账.xlsx"
    wb = xlsxwriter.Workbook(str(xlsx_path))  # writes them as Excel does: _x0007_ escapes
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["单位名称", "地址", "备注"])
    ws.write_row(1, 0, ["张记\x07", "西村\x1b5号", "c\x01d"])
    wb.close()
    with zipfile.ZipFile(xlsx_path) as zf:
        assert b"_x0007_" in zf.read("xl/sharedStrings.xml")
    for path in (csv_path, xlsx_path):
        report = register_import.import_register(session, path)
        assert report.counts["imported"] == 1, path.name
    names = {s.name: (s.address, s.notes) for s in (sites.get_site(session, r.site_id) for r in
             register_import.import_register(session, csv_path).rows + register_import.import_register(
                 session, xlsx_path).rows)}
    assert names == {"李记": ("东村3号", "a b"), "张记": ("西村5号", "cd")}


def test_export_survives_control_characters_already_in_an_old_store(session, tmp_path):
    saved = sites.add_site(session, SiteInput(name="李记", address="东村"))
    session.write(lambda tx: tx.update("site", saved.id, {"name": "李记\x07旧", "notes": "旧\x00数据"}))
    out = tmp_path / "台账.xlsx"
    assert register_export.export_register(session, out) == 1
    ws = openpyxl.load_workbook(out).active
    assert (ws["B2"].value, ws["P2"].value) == ("李记旧", "旧数据")


def test_checklists_clean_control_characters_in_and_out(session, tmp_path):
    path = tmp_path / "检查表.json"
    path.write_text(json.dumps({
        "format": 1, "code": "ctl_demo", "sector": "九小场所", "title": "检查表\x07",
        "items": [{"code": "1\x1b", "text": "灭火器\x00有效"}],
    }), "utf-8")
    done, _ = checklist_io.import_templates(session, path)
    template = checklists.get_template(session, done[0].id)
    items = checklists.template_items(session, done[0].id)
    assert (template.title, items[0].code, items[0].text) == ("检查表", "1", "灭火器有效")
    # an item saved before input was cleaned still exports
    session.write(lambda tx: tx.update("checklist_item", items[0].id, {"text": "旧\x07数据"}))
    out = checklist_io.export_template(session, done[0].id, tmp_path / "导出.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb["检查项"]["B2"].value == "旧数据"


def test_grids_and_hazard_action_reasons_are_cleaned(session):
    from inspector_app.services.lifecycle_common import required_text
    from inspector_app.services.regions import add_region

    rid = session.write(lambda tx: add_region(tx, "grid", "东村\x07网格", code="G\x1b01"))
    row = session.store.read().execute("SELECT name, code FROM region WHERE id = ?", (rid,)).fetchone()
    assert tuple(row) == ("东村网格", "G01")
    assert required_text("reason", "延期理由", "延期\x00理由\x1b") == "延期理由"
    with pytest.raises(ValidationError):
        required_text("reason", "延期理由", "\x00\x07")


def test_supervision_texts_are_cleaned(session):
    from inspector_app.services import hazards, rectification
    from tests.lifecycle_helpers import make_town

    town = make_town(session)
    hid = town.major_ready()
    rectification.list_hazard(town.wang, hid, reason="重大\x07隐患", authority="县应急\x1b管理局")
    events = hazards.hazard_details(town.wang, hid)["events"]
    listed = [e for e in events if e["kind"] == "listed"][-1]
    assert listed["data"]["authority"] == "县应急管理局" and "\x07" not in json.dumps(listed["data"])

"""Site register import through the services: real files, every bad input of the issue."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import openpyxl
import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import Cancelled, PermissionDenied, ValidationError
from inspector_app.formats.spreadsheet import SpreadsheetError
from inspector_app.services import register_export, register_import, search, sites
from inspector_app.services.regions import add_region

HEADER = ["序号", "单位名称", "统一社会信用代码", "行业", "地址", "联系人", "联系电话", "网格", "风险等级"]
GOOD_USCC = "91330100799655058B"
BAD_USCC = "91330100799655058C"


def write_xlsx(path: Path, rows: list[list[object]], *, merges: list[str] = (), text_cells=()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    for ref in text_cells:  # a text starting with "=" stays text, as a user typed it
        ws[ref].data_type = "s"
    wb.save(path)
    return path


def counts(report) -> tuple[int, int, int, int]:
    c = report.counts
    return c["imported"], c["updated"], c["skipped"], c["rejected"]


def codes(row) -> set[str]:
    return {m.code for m in row.messages}


def site_count(session) -> int:
    return session.store.read().execute("SELECT count(*) FROM site").fetchone()[0]


@pytest.fixture
def grid(session):
    session.write(lambda tx: add_region(tx, "grid", "东村网格", code="G01"))
    return "G01"


def test_import_report_warnings_and_unassigned(session, tmp_path, grid):
    path = write_xlsx(tmp_path / "台账 张三.xlsx", [
        HEADER + ["乱七八糟"],
        [1, "李记小吃", GOOD_USCC, "九小场所", "东村3号", "李四", 13800000000, "G01", "红色", "x"],
        [2, "张记五金", BAD_USCC, "火星行业", "东村4号", "张三", "138", "", "红"],
        [3, "王记", None, "燃气", "东村5号", None, None, "不存在的网格", "紫"],
        [4, None, None, "九小场所", "东村6号"],
    ])
    report = register_import.import_register(session, path)
    assert counts(report) == (3, 0, 0, 1)
    assert report.unused_columns == ["A 序号", "J 乱七八糟"]
    assert report.mapping["B 单位名称"] == "name"
    by_row = {r.row: r for r in report.rows}
    assert codes(by_row[2]) == set()
    assert {"uscc_invalid", "unknown_sector"} <= codes(by_row[3])
    assert {"grid_unknown", "unknown_risk"} <= codes(by_row[4])
    assert by_row[5].outcome == "rejected" and codes(by_row[5]) == {"no_name"}
    assert [r.row for r in report.unassigned] == [3, 4]
    li = sites.get_site(session, by_row[2].site_id)
    assert (li.grid, li.risk_colour, li.phone, li.uscc_ok, li.sectors) == (
        "东村网格", "red", "13800000000", True, ("nine_small",))
    zhang = sites.get_site(session, by_row[3].site_id)
    assert zhang.uscc == BAD_USCC and zhang.uscc_ok is False and zhang.sectors == ("火星行业",)
    assert set(register_import.unassigned_site_ids(session)) == {by_row[3].site_id, by_row[4].site_id}
    # every row went through the oplog, and search finds the imported sites
    ops = session.store.read().execute("SELECT count(*) FROM oplog WHERE tbl = 'site'").fetchone()[0]
    assert ops == 3
    assert [h.title for h in search.search(session, "五金")] == ["张记五金"]
    assert [h.title for h in search.search(session, GOOD_USCC)] == ["李记小吃"]


def test_reimport_skips_and_says_so_update_only_when_asked(session, tmp_path, grid):
    rows = [HEADER, [1, "李记小吃", GOOD_USCC, "九小场所", "东村3号", "李四", "138", "G01", "红"]]
    register_import.import_register(session, write_xlsx(tmp_path / "a.xlsx", rows))
    again = register_import.import_register(session, tmp_path / "a.xlsx")
    assert counts(again) == (0, 0, 1, 0) and codes(again.rows[0]) == {"unchanged"}

    changed = [HEADER, [1, "李记小吃", GOOD_USCC, "九小场所", "东村3号", None, "139", "G01", "红"]]
    path = write_xlsx(tmp_path / "b.xlsx", changed)
    skipped = register_import.import_register(session, path)
    assert counts(skipped) == (0, 0, 1, 0)
    assert "exists" in codes(skipped.rows[0]) and "联系电话" in skipped.rows[0].messages[-1].zh
    site = sites.get_site(session, skipped.rows[0].site_id)
    assert site.phone == "138"  # nothing overwritten without update

    updated = register_import.import_register(session, path, update=True)
    assert counts(updated) == (0, 1, 0, 0)
    assert updated.rows[0].changes == {"phone": ("138", "139")}
    site = sites.get_site(session, site.id)
    assert site.phone == "139" and site.contact == "李四"  # the empty contact cell erased nothing


def test_matching_by_name_and_address_and_by_id(session, tmp_path):
    saved = sites.add_site(session, SiteInput(name="老街茶馆", address="老街 1 号"))
    path = write_xlsx(tmp_path / "a.xlsx", [["名称", "地址", "电话"], ["老街茶馆", "老街1号", "135"]])
    report = register_import.import_register(session, path, update=True)
    assert report.rows[0].outcome == "updated" and report.rows[0].site_id == saved.id
    by_id = write_xlsx(tmp_path / "b.xlsx", [["编号", "名称"], [saved.id, "老街茶楼"]])
    report = register_import.import_register(session, by_id, update=True)
    assert report.rows[0].changes == {"name": ("老街茶馆", "老街茶楼")}
    assert site_count(session) == 1


def test_duplicate_usccs_inside_the_file(session, tmp_path):
    path = write_xlsx(tmp_path / "dup.xlsx", [
        ["名称", "信用代码", "地址"],
        ["连锁超市", GOOD_USCC, "东街1号"],
        ["连锁超市", GOOD_USCC, "东街1号"],  # the same row again
        ["连锁超市", GOOD_USCC, "西街9号"],  # another premises of the same unit
    ])
    report = register_import.import_register(session, path)
    assert counts(report) == (2, 0, 0, 1)
    assert report.rows[1].outcome == "rejected" and "第 2 行" in report.rows[1].messages[0].zh
    assert "uscc_shared" in codes(report.rows[2])
    units = {sites.get_site(session, r.site_id).unit_id for r in report.rows if r.site_id}
    assert len(units) == 1


def test_merged_cells_empty_rows_and_wrong_types(session, tmp_path, grid):
    path = write_xlsx(tmp_path / "merged.xlsx", [
        ["青石镇九小场所台账"],
        ["序号", "单位名称", "联系方式", None, "网格", "统一社会信用代码", "纬度", "备注"],
        [None, None, "联系人", "电话", None, None, None, None],
        [1, "甲店", "甲", 13800000001, "G01", 9.14403001922038e17, "abc", None],
        [2, "乙店", "乙", 13800000002, None, None, 30.25, True],
        [None, None, None, None, None, None, None, None],
        [3, "丙店", "丙", "13800000003", None, None, None, None],
    ], merges=["A1:H1", "A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "E4:E7"])
    report = register_import.import_register(session, path)
    assert report.header_row == 3
    assert counts(report) == (3, 0, 0, 0)
    rows = {r.name: r for r in report.rows}
    for name in ("甲店", "乙店", "丙店"):  # the grid cell merged down covers all three
        assert sites.get_site(session, rows[name].site_id).grid == "东村网格"
    jia = sites.get_site(session, rows["甲店"].site_id)
    assert (jia.contact, jia.phone) == ("甲", "13800000001")
    assert {"uscc_number", "bad_coordinate"} <= codes(rows["甲店"])
    yi = sites.get_site(session, rows["乙店"].site_id)
    assert yi.lat == 30.25 and yi.notes == "是"
    assert report.blank_rows == 1


def test_a_name_beginning_with_equals_stays_text_and_exports_as_text(session, tmp_path):
    path = write_xlsx(tmp_path / "eq.xlsx", [["名称", "地址"], ["=HYPERLINK(\"http://x\")", "@东村"]],
                      text_cells=["A2"])
    report = register_import.import_register(session, path)
    site = sites.get_site(session, report.rows[0].site_id)
    assert site.name == '=HYPERLINK("http://x")'
    out = tmp_path / "导出.xlsx"
    assert register_export.export_register(session, out) == 1
    wb = openpyxl.load_workbook(out)
    cell = wb.active["B2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ('=HYPERLINK("http://x")', "s", True)
    assert wb.active["G2"].value == "@东村" and wb.active["G2"].data_type == "s"


def test_export_then_import_into_a_fresh_store_round_trips(session, tmp_path, grid, data_dir, clock):
    from inspector_app.services.session import open_session

    sites.add_site(session, SiteInput(name="甲", uscc=GOOD_USCC, sectors=["gas", "nine_small"],
                                      address="东村", grid="G01", risk_colour="orange", lat=30.1,
                                      lon=120.2, contact="李", phone="138", legal_rep="王"))
    sites.add_site(session, SiteInput(name="乙", building="1号楼", landlord="赵", notes="三合一"))
    out = tmp_path / "register.xlsx"
    register_export.export_register(session, out)
    fresh = open_session(tmp_path / "fresh", clock=clock)
    try:
        fresh.write(lambda tx: add_region(tx, "grid", "东村网格", code="G01"))
        report = register_import.import_register(fresh, out)
        assert counts(report) == (2, 0, 0, 0)
        strip = lambda r: {k: v for k, v in r.__dict__.items() if k not in ("id", "unit_id", "grid_id")}  # noqa: E731
        old = sorted((strip(r) for r in sites.list_sites(session)), key=lambda r: r["name"])
        new = sorted((strip(r) for r in sites.list_sites(fresh)), key=lambda r: r["name"])
        assert old == new
    finally:
        fresh.close()


def test_explicit_mapping_and_header_errors(session, tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [["店铺", "位置信息", "号码"], ["小卖部", "东村", "138"]])
    with pytest.raises(ValidationError) as err:
        register_import.import_register(session, path)
    assert err.value.code == "no_header"
    report = register_import.import_register(session, path, mapping=["店铺=name", "B=address", "号码=电话"])
    assert counts(report) == (1, 0, 0, 0)
    site = sites.get_site(session, report.rows[0].site_id)
    assert (site.address, site.phone) == ("东村", "138")
    with pytest.raises(ValidationError, match="colour_of_sky"):
        register_import.import_register(session, path, mapping=["店铺=colour_of_sky"])


def test_create_grids_is_for_supervisors(session, tmp_path):
    path = write_xlsx(tmp_path / "g.xlsx", [["名称", "网格"], ["甲", "新网格"], ["乙", "新网格"]])
    report = register_import.import_register(session, path, create_grids=True)
    assert counts(report) == (2, 0, 0, 0) and not report.unassigned
    assert "grid_created" in codes(report.rows[0]) and "grid_created" not in codes(report.rows[1])
    inspector = _inspector_session(session)
    try:
        with pytest.raises(PermissionDenied):
            register_import.import_register(inspector, path, create_grids=True)
    finally:
        inspector.close()


def _inspector_session(session):
    from inspector_app.services.session import open_session

    session.write(lambda tx: tx.insert("app_user", {"login": "li", "name": "李网格员", "role": "inspector",
                                                    "grid_ids": "[]", "active": 1}))
    return open_session(session.store.data_dir, as_user="li", clock=session.clock)


def test_preview_maps_the_first_rows_and_writes_nothing(session, tmp_path):
    rows = [HEADER] + [[i, f"店{i}", None, "九小场所", f"东村{i}号", None, None, None, None] for i in range(50)]
    rows[3][1] = None
    path = write_xlsx(tmp_path / "p.xlsx", rows)
    preview = register_import.preview_register(session, path, limit=5)
    assert preview.dry_run and len(preview.rows) == 5
    assert preview.rows[0].values == {"name": "店0", "sector": "九小场所", "address": "东村0号"}
    assert preview.rows[2].outcome == "rejected"
    assert site_count(session) == 0
    assert preview.headers[:3] == ["序号", "单位名称", "统一社会信用代码"]


def test_a_failure_in_the_middle_leaves_nothing_half_imported(session, tmp_path, monkeypatch):
    rows = [["名称", "地址"]] + [[f"店{i}", f"东村{i}号"] for i in range(600)]
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    from inspector_app.services import register_match

    original = register_match.Matcher.apply

    def explode(self, c, result):
        if c.row == 450:
            raise RuntimeError("power cut")
        return original(self, c, result)

    monkeypatch.setattr(register_match.Matcher, "apply", explode)
    with pytest.raises(RuntimeError):
        register_import.import_register(session, path)
    assert site_count(session) == 0
    # the search trigger lifted for the bulk insert is back: a new site is indexed
    monkeypatch.undo()
    sites.add_site(session, SiteInput(name="消防器材店"))
    assert [h.title for h in search.search(session, "消防")] == ["消防器材店"]


def test_too_many_rows_imports_nothing(session, tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "big.xlsx", [["名称"]] + [[f"店{i}"] for i in range(1200)])
    monkeypatch.setattr(register_import, "MAX_ROWS", 1100)
    with pytest.raises(ValidationError) as err:
        register_import.import_register(session, path)
    assert err.value.code == "too_many_rows" and site_count(session) == 0


def test_cancel_stops_with_nothing_imported(session, tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", [["名称"]] + [[f"店{i}"] for i in range(1200)])
    cancel = threading.Event()
    seen = []

    def progress(done, total, message):
        seen.append((done, total, message))
        if message.startswith("保存"):
            cancel.set()  # the user presses Cancel while the rows are being saved

    with pytest.raises(Cancelled):
        register_import.import_register(session, path, progress=progress, cancel=cancel)
    assert any(m.startswith("保存") for _, _, m in seen) and site_count(session) == 0


def test_legacy_xls_with_merged_cells_and_renamed_xls(session, tmp_path, grid):
    xlwt = pytest.importorskip("xlwt", reason="xlwt (test-only) writes the legacy .xls files")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    sheet.write_merge(0, 0, 0, 3, "青石镇场所台账")
    for col, title in enumerate(["单位名称", "地址", "网格", "电话"]):
        sheet.write(1, col, title)
    for r, (name, address, phone) in enumerate([("甲", "东1", 13800000000), ("乙", "东2", "139")], start=2):
        sheet.write(r, 0, name)
        sheet.write(r, 1, address)
        sheet.write(r, 3, phone)
    sheet.write_merge(2, 3, 2, 2, "G01")
    xls = tmp_path / "legacy.xls"
    book.save(str(xls))
    report = register_import.import_register(session, xls)
    assert report.format == "xls" and counts(report) == (2, 0, 0, 0)
    assert {sites.get_site(session, r.site_id).grid for r in report.rows} == {"东村网格"}
    assert sites.get_site(session, report.rows[0].site_id).phone == "13800000000"

    renamed = tmp_path / "其实是旧格式.xlsx"
    renamed.write_bytes(xls.read_bytes())
    report = register_import.import_register(session, renamed)
    assert report.format == "xls" and counts(report) == (0, 0, 2, 0)
    assert [n.code for n in report.notices] == ["format_differs"]


@pytest.mark.parametrize("encoding,bom", [("gb18030", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-8", b""),
                                          ("utf-16", b"")])  # Excel's "Unicode text" (BOM included)
def test_csv_encodings(session, tmp_path, encoding, bom):
    text = "单位名称,地址,联系电话\r\n鑫鑫饭店,东村“一”号,138\r\n𠮷野家,西村,139\r\n"
    if encoding == "gb18030":
        text = text.replace("𠮷", "吉")
    path = tmp_path / "sites.csv"
    path.write_bytes(bom + text.encode(encoding))
    report = register_import.import_register(session, path)
    assert report.format == "csv" and counts(report) == (2, 0, 0, 0)
    names = {sites.get_site(session, r.site_id).name for r in report.rows}
    assert "鑫鑫饭店" in names
    assert sites.get_site(session, report.rows[0].site_id).address == "东村“一”号"


@pytest.mark.parametrize("name,content,words", [
    ("报表.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ["WPS", ".xlsx"]),
    ("假的.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\1" * 600, ["旧版", ".xlsx"]),
    ("空.xlsx", b"", ["空"]),
    ("坏.xlsx", b"PK\x03\x04garbage", ["损坏"]),
    ("图片.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, ["不是表格"]),
    ("文档.xlsx", None, ["Word"]),
    ("不存在.xlsx", "missing", ["无法读取"]),
])
def test_unreadable_files_have_a_clear_message(session, tmp_path, name, content, words):
    path = tmp_path / name
    if content is None:
        import zipfile

        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("word/document.xml", "<w/>")
    elif content != "missing":
        path.write_bytes(content)
    with pytest.raises(SpreadsheetError) as err:
        register_import.import_register(session, path)
    for word in words:
        assert word in err.value.zh
    assert "\n" not in err.value.zh and site_count(session) == 0


def test_a_zip_bomb_is_refused_before_unpacking(session, tmp_path, monkeypatch):
    from inspector_app.formats import spreadsheet_xlsx

    path = write_xlsx(tmp_path / "a.xlsx", [["名称"], ["甲"]])
    monkeypatch.setattr(spreadsheet_xlsx, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(SpreadsheetError, match="unpacks to"):
        register_import.import_register(session, path)


def test_json_of_the_report_is_plain(session, tmp_path):
    from inspector_app.cli.site_register import report_json

    path = write_xlsx(tmp_path / "a.xlsx", [["名称", "信用代码"], ["甲", BAD_USCC]])
    data = report_json(register_import.import_register(session, path))
    assert json.loads(json.dumps(data, ensure_ascii=False))["report"][0]["messages"][0]["code"] == "uscc_invalid"


@pytest.mark.slow
def test_fifty_thousand_rows_in_one_transaction_with_progress(session, tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    ws.append(["名称", "地址", "行业", "联系电话"])
    for i in range(50_000):
        ws.append([f"商户{i}", f"青石镇{i % 500}村{i}号", "九小场所", 13800000000 + i])
    path = tmp_path / "50k.xlsx"
    wb.save(path)
    calls = []
    report = register_import.import_register(session, path, progress=lambda d, t, m: calls.append(d))
    assert counts(report) == (50_000, 0, 0, 0)
    assert site_count(session) == 50_000 and len(calls) > 100
    assert [h.title for h in search.search(session, "商户49999")] == ["商户49999"]

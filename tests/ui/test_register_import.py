"""The site register in the GUI: import wizard, grid assignment, export (real files, real store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from inspector_app.core.column_mapping import FIELDS
from inspector_app.services import sites
from inspector_app.services.regions import add_region
from inspector_app.services.register_import import unassigned_site_ids
from inspector_app.ui.qt import QApplication, Qt
from tests.ui.helpers import settle

pytestmark = pytest.mark.ui

HEADER = ["序号", "企业名称", "统一社会信用代码", "经营地址", "所属网格", "负责人", "联系电话", "行业类别", "备注"]
ROWS = [
    [1, "老王烧烤店", "91330100799655058B", "青石镇文化路12号", "东村网格", "王建国", "13800138000", "九小场所", "夜宵"],
    [2, "福满楼酒家", "91330100799655058C", "青石镇人民路8号", "东村网格", "李红", "0571-88886666", "餐饮", None],
    [3, "顺达五金店", None, "青石镇工业路3号", "北山网格", "赵四", "13900001111", "九小场所", None],
    [4, None, None, "青石镇无名路", "东村网格", None, None, None, "没有名称"],
]


def _xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "企业名单"
    ws.append(["青石镇重点企业台账（2026年）"])  # a title line above the header, as in real lists
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def grid(session) -> str:
    return session.write(lambda tx: add_region(tx, "grid", "东村网格", code="G1"))


def _wizard(window, path: Path):
    page = window.sites_page
    window.go_to(1)
    dialog = page.open_import(path)
    return page, dialog


def _column(dialog, header: str) -> int:
    return next(i for i, h in enumerate(dialog.preview.headers) if h == header)


def _run(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        assert dialog.start_import() is not None


def test_wizard_maps_previews_imports_and_reports(window, session, grid, qtbot, tmp_path) -> None:
    path = _xlsx(tmp_path / "青石镇企业名单.xlsx", ROWS)
    page, dialog = _wizard(window, path)
    assert dialog.isVisible() and dialog.stack.currentIndex() == 0
    assert dialog.preview.header_row == 2
    combos = dialog.combos
    assert combos[_column(dialog, "企业名称")].currentData() == "name"
    assert combos[_column(dialog, "负责人")].currentData() == "contact"
    assert combos[_column(dialog, "序号")].currentData() is None
    assert "序号" in dialog.unused_label.text()
    assert dialog.preview_model.rowCount() == 4  # the first rows, nothing written yet
    assert sites.list_sites(session) == []

    # the user says 负责人 is the legal representative, and drops the notes column
    legal = combos[_column(dialog, "负责人")]
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        legal.setCurrentIndex(legal.findData("legal_rep"))
    notes = combos[_column(dialog, "备注")]
    notes.setCurrentIndex(0)
    assert "备注" in dialog.unused_label.text()
    headers = [dialog.preview_model.horizontalHeaderItem(c).text()
               for c in range(dialog.preview_model.columnCount())]
    assert "法定代表人/负责人" in headers or "Legal rep. / principal" in headers
    assert dialog.explicit_mapping()["F"] == "legal_rep"
    assert sites.list_sites(session) == []

    # without a name column nothing can be imported: said so, the mapping stays editable
    name = combos[_column(dialog, "企业名称")]
    name.setCurrentIndex(0)
    assert dialog.error_banner.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.columns_box.isVisible() and dialog.start_import() is None
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        name.setCurrentIndex(name.findData("name"))
    assert not dialog.error_banner.isVisible() and dialog.import_button.isEnabled()

    _run(qtbot, dialog)
    assert dialog.stack.currentIndex() == 1
    counts = dialog.report.counts
    assert (counts["imported"], counts["rejected"]) == (3, 1)
    rows = {r.name: r for r in sites.list_sites(session)}
    assert set(rows) == {"老王烧烤店", "福满楼酒家", "顺达五金店"}
    wang = rows["老王烧烤店"]
    assert (wang.legal_rep, wang.contact, wang.notes, wang.grid, wang.phone) == (
        "王建国", None, None, "东村网格", "13800138000")
    assert wang.uscc == "91330100799655058B" and wang.uscc_ok is True
    assert rows["福满楼酒家"].uscc_ok is False
    assert rows["顺达五金店"].grid_id is None  # 北山网格 does not exist: left unassigned

    report = {dialog.report_model.item(r, 0).text(): [dialog.report_model.item(r, c).text() for c in range(4)]
              for r in range(dialog.report_model.rowCount())}
    assert set(report) == {"3", "4", "5", "6"}
    assert "缺少名称" in report["6"][3]  # rejected, with the reason
    assert "校验" in report["4"][3] or "check" in report["4"][3].lower()  # bad USCC warning
    assert "北山网格" in report["5"][3]
    assert dialog.assign_button.isVisible() and "1" in dialog.assign_label.text()

    # only problems: the warnings and the rejection
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("rejected"))
    assert dialog.report_model.rowCount() == 1
    copied = dialog.copy_report()
    assert QApplication.clipboard().text() == copied
    assert copied.count("\n") == 4 and "老王烧烤店" in copied and "缺少名称" in copied
    saved = tmp_path / "报告.csv"
    assert dialog.save_report(saved)
    assert "缺少名称" in saved.read_text(encoding="utf-8-sig")

    # the page shows the new sites, and the button for the sites without a grid
    assert page.model.rowCount() == 3
    assert page.unassigned_button.isVisible() and "1" in page.unassigned_button.text()


def test_gb18030_csv(window, session, grid, qtbot, tmp_path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("名称,地址,网格,电话\n李记餐馆,青石镇文化路3号,东村网格,13800138000\n"
                     "张家小卖部,青石镇北街1号,东村网格,13700000000\n".encode("gb18030"))
    _page, dialog = _wizard(window, path)
    assert dialog.preview.format == "csv"
    assert dialog.preview_model.item(0, 2).text() == "李记餐馆"
    _run(qtbot, dialog)
    names = sorted(r.name for r in sites.list_sites(session))
    assert names == ["张家小卖部", "李记餐馆"]
    assert {r.grid for r in sites.list_sites(session)} == {"东村网格"}


@pytest.mark.parametrize("kind", ["wps", "renamed_text", "empty"])
def test_bad_file_shows_the_error_and_imports_nothing(window, session, qtbot, tmp_path, kind) -> None:
    if kind == "wps":
        path = tmp_path / "名单.et"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    elif kind == "renamed_text":
        path = tmp_path / "名单.xlsx"
        path.write_text("这不是表格", encoding="utf-8")
    else:
        path = tmp_path / "空.xlsx"
        path.write_bytes(b"")
    _page, dialog = _wizard(window, path)
    assert dialog.error_banner.isVisible()
    assert dialog.error_banner.text().strip()
    assert not dialog.import_button.isEnabled()
    assert dialog.start_import() is None
    assert sites.list_sites(session) == []


def test_xls_renamed_xlsx_is_read_with_a_note(window, session, qtbot, tmp_path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("名单")
    for c, text in enumerate(["名称", "地址"]):
        sheet.write(0, c, text)
    sheet.write(1, 0, "老李修车铺")
    sheet.write(1, 1, "青石镇东街5号")
    path = tmp_path / "改名的.xlsx"
    book.save(str(path))
    _page, dialog = _wizard(window, path)
    assert dialog.preview is not None and dialog.preview.format == "xls"
    assert dialog.notice_label.isVisible()


def test_no_name_column_lets_the_user_choose_it(window, session, qtbot, tmp_path) -> None:
    path = _xlsx(tmp_path / "名单.xlsx", [["A01", "老王烧烤店", "青石镇文化路12号", "13800138000"]],
                 header=["代码", "店招", "地址", "电话"])
    _page, dialog = _wizard(window, path)
    assert dialog.notice_label.isVisible() and not dialog.error_banner.isVisible()
    shop = dialog.combos[1]
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        shop.setCurrentIndex(shop.findData("name"))
    assert dialog.combos[0].currentData() is None  # one field per column: A was freed
    _run(qtbot, dialog)
    (row,) = sites.list_sites(session)
    assert (row.name, row.address, row.phone) == ("老王烧烤店", "青石镇文化路12号", "13800138000")


def test_cancel_keeps_nothing(window, session, qtbot, tmp_path) -> None:
    path = tmp_path / "大名单.csv"
    lines = ["名称,地址,电话"] + [f"测试商铺{i:05d},青石镇文化路{i}号,138{i:08d}" for i in range(6000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    _page, dialog = _wizard(window, path)
    op = dialog.start_import()
    with qtbot.waitSignal(op.cancelled, timeout=30000):
        dialog.reject()  # Esc while importing cancels the import, the wizard stays
    assert dialog.isVisible()
    assert sites.list_sites(session) == []
    assert dialog.stack.currentIndex() == 0
    assert dialog.error_banner.isVisible() and dialog.import_button.isEnabled()


def test_assign_grid_after_import_and_undo(window, session, grid, qtbot, tmp_path) -> None:
    rows = [[1, "顺达五金店", None, "青石镇工业路3号", "北山网格", "赵四", None, None, None],
            [2, "红星理发店", None, "青石镇工业路5号", None, "钱五", None, None, None],
            [3, "老王烧烤店", None, "青石镇文化路12号", "东村网格", "王建国", None, None, None]]
    page, dialog = _wizard(window, _xlsx(tmp_path / "名单.xlsx", rows))
    _run(qtbot, dialog)
    assert len(unassigned_site_ids(session)) == 2
    with qtbot.waitSignal(dialog.assign_requested, timeout=2000):
        dialog.assign_button.click()
    assign = dialog.assign_dialog
    assert assign.list.count() == 2 and len(assign.checked_ids()) == 2
    assign.all_check.setChecked(False)
    assert not assign.assign_button.isEnabled()
    assign.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert assign.grid_combo.currentText() == "东村网格"
    assert assign.assign() is not None
    settle(qtbot, window)
    assert len(unassigned_site_ids(session)) == 1 and assign.list.count() == 1
    assert "东村网格" in assign.result_label.text()
    assert "1" in page.unassigned_button.text()

    assign.undo_last()  # the assignment is undoable
    settle(qtbot, window)
    assert len(unassigned_site_ids(session)) == 2 and assign.list.count() == 2
    window.ctx.undo.redo()
    settle(qtbot, window)
    assert len(unassigned_site_ids(session)) == 1

    # the page's button lists what is left
    left = page.assign_unassigned()
    assert left.list.count() == 1
    left.assign()
    settle(qtbot, window)
    assert unassigned_site_ids(session) == []
    assert not page.unassigned_button.isVisible()


def test_export_shown_or_all_and_read_back(window, session, grid, qtbot, tmp_path) -> None:
    from inspector_app.core.entities import SiteInput

    sites.add_site(session, SiteInput(name="老王烧烤店", address="青石镇文化路12号", grid="G1",
                                      phone="13800138000", sectors=["nine_small"]))
    sites.add_site(session, SiteInput(name="=HYPERLINK(\"x\")", address="青石镇北街"))
    page = window.sites_page
    window.go_to(1)
    page.reload()
    page.grid_combo.setCurrentIndex(page.grid_combo.findData(grid))
    assert page.model.rowCount() == 1

    out = tmp_path / "导出 台账"
    out.mkdir()
    op = page.export_to(out / "网格.xlsx", True)
    with qtbot.waitSignal(op.succeeded, timeout=20000):
        pass
    assert page.export_box is not None and "1" in page.export_box.text()
    assert any(b.text() in ("打开文件夹", "Open folder") for b in page.export_box.buttons())
    ws = load_workbook(out / "网格.xlsx").active
    values = list(ws.values)
    assert values[0][:3] == ("编号", "场所名称", "单位名称")
    assert [v[1] for v in values[1:]] == ["老王烧烤店"]
    assert values[1][7] == "东村网格" and values[1][11] == "13800138000"

    op = page.export_to(out / "全部", False)  # the .xlsx suffix is added
    with qtbot.waitSignal(op.succeeded, timeout=20000):
        pass
    values = list(load_workbook(out / "全部.xlsx").active.values)
    assert sorted(v[1] for v in values[1:]) == ["=HYPERLINK(\"x\")", "老王烧烤店"]


def test_every_field_has_a_label() -> None:
    from inspector_app.ui.dialogs.register_import import FIELD_LABELS

    assert set(FIELD_LABELS) == set(FIELDS)


def test_reimport_skips_or_updates_existing_sites(window, session, grid, qtbot, tmp_path) -> None:
    first = _xlsx(tmp_path / "名单.xlsx", ROWS[:2])
    _page, dialog = _wizard(window, first)
    _run(qtbot, dialog)
    changed = [list(r) for r in ROWS[:2]]
    changed[0][6] = "13911112222"
    second = _xlsx(tmp_path / "名单2.xlsx", changed)

    dialog.load(second)
    assert dialog.stack.currentIndex() == 0
    _run(qtbot, dialog)
    assert dialog.report.counts["skipped"] == 2
    assert "13911112222" in dialog.report_model.item(0, 3).text()  # what differs is said
    assert {r.phone for r in sites.list_sites(session)} == {"13800138000", "0571-88886666"}

    dialog.load(second)
    dialog.update_check.setChecked(True)
    assert dialog.preview_model.item(0, 1).text() in ("已更新", "Updated")
    _run(qtbot, dialog)
    assert (dialog.report.counts["updated"], dialog.report.counts["skipped"]) == (1, 1)
    assert {r.phone for r in sites.list_sites(session)} == {"13911112222", "0571-88886666"}
    assert len(sites.list_sites(session)) == 2

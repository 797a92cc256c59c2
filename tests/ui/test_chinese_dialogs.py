"""Qt's own dialogs speak Chinese too, and every file dialog opens in a sensible folder (the
last one used, else Documents), never in the program's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.ui.file_dialogs import file_dialog, start_folder
from inspector_app.ui.i18n import _load_copy
from inspector_app.ui.main_window import SITES_PAGE
from inspector_app.ui.qt import QCoreApplication, QDate, QLocale, QTranslator

pytestmark = pytest.mark.ui


def test_qt_own_strings_and_dates_are_chinese(translations) -> None:
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    # gaps of Qt's own translation, filled by ours
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"
    assert QLocale().name() == "zh_CN"
    assert QLocale().toString(QDate(2026, 12, 4), QLocale.FormatType.LongFormat).startswith("2026年12月4日")


def test_a_translation_replaced_on_disk_keeps_working(tmp_path: Path, qapp) -> None:
    """Loaded from a copy in memory: a .qm rebuilt or updated while the app runs cannot
    crash it (a mapped file that shrinks raises SIGBUS on the next lookup)."""
    from inspector_app.ui.i18n import qm_path

    copy = tmp_path / "中文 界面.qm"
    copy.write_bytes(Path(qm_path("zh_CN")).read_bytes())
    translator = QTranslator()
    assert _load_copy(translator, copy)
    copy.write_bytes(b"")  # truncated in place, as a rebuild does
    assert translator.translate("Widgets", "Delete") == "删除"


def test_file_dialogs_open_in_documents_then_the_last_folder(window, ctx, tmp_path: Path) -> None:
    window.go_to(SITES_PAGE)
    dialog = window.sites_page.choose_import_file()
    first = Path(dialog.directory().absolutePath())
    assert first == start_folder(ctx.settings) and first != Path.cwd()
    chosen = tmp_path / "台账 2026" / "场所台账.xlsx"
    chosen.parent.mkdir()
    chosen.write_bytes(b"")
    opened: list[list[str]] = []
    dialog.close()
    again = file_dialog(window, ctx.settings, "导入", opened.append)
    again.filesSelected.emit([str(chosen)])
    assert opened == [[str(chosen)]] and ctx.settings.last_file_dir == str(chosen.parent)
    again.close()
    export = window.sites_page.choose_export_file(True)  # a save dialog starts there too
    assert Path(export.directory().absolutePath()) == chosen.parent
    assert Path(export.selectedFiles()[0]).parent == chosen.parent
    export.close()


def test_a_register_without_header_speaks_of_the_wizard_not_the_command_line(
        window, session, qtbot, tmp_path: Path) -> None:
    """No header row: the wizard lists the columns by letter and says to map them below
    (not “--map 列=字段 … --header-row N”); the import then reads every row."""
    from openpyxl import Workbook

    from inspector_app.services import sites

    book = Workbook()
    for row in (["老王烧烤店", "青石镇文化路12号"], ["福满楼酒家", "青石镇人民路8号"]):
        book.active.append(row)
    path = tmp_path / "无表头 名单.xlsx"
    book.save(path)
    window.go_to(SITES_PAGE)
    dialog = window.sites_page.open_import(path)
    shown = dialog.notice_label.text() + dialog.error_banner.text()
    assert "--map" not in shown and "--header-row" not in shown
    assert dialog.preview is not None and dialog.import_button.isEnabled()
    assert "列对应" in dialog.notice_label.text()
    address = dialog.combos[1]
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        address.setCurrentIndex(address.findData("address"))
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        assert dialog.start_import() is not None
    assert sorted((s.name, s.address) for s in sites.list_sites(session)) == [
        ("福满楼酒家", "青石镇人民路8号"), ("老王烧烤店", "青石镇文化路12号")]


def test_the_wizard_words_a_refusal_for_the_gui(window, tmp_path: Path) -> None:
    from inspector_app.core.errors import ValidationError
    from inspector_app.ui.dialogs.register_import import RegisterImportDialog

    dialog = RegisterImportDialog(window.ctx, window)
    cli = ValidationError("no header row found … --map COLUMN=FIELD … --header-row N",
                          "找不到表头 … 请用 --map 列=字段 指定，并用 --header-row N", code="no_header")
    text = dialog.gui_message(cli)
    assert "--map" not in text and "列对应" in text
    dialog.deleteLater()

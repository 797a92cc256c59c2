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

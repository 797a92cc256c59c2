"""检查表模板: the template list and editor (new version on save, old one unchanged), import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector_app.services import checklists
from inspector_app.services.users import add_user, log_in
from inspector_app.ui.dialogs.checklist_editor import CODE, DAYS, MAJOR, TEXT, ChecklistEditor
from inspector_app.ui.dialogs.checklist_templates import ChecklistTemplatesDialog
from inspector_app.ui.qt import QLineEdit, QMessageBox, Qt
from tests.helpers import secure_admin
from tests.ui.helpers import gone, settle, type_text

pytestmark = pytest.mark.ui


def nine_small(session) -> checklists.TemplateRow:
    return checklists.get_template(session, "nine_small")


def open_editor(ctx, qtbot, template_id: str | None) -> ChecklistEditor:
    dialog = ChecklistTemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    if template_id is None:
        return dialog.open_editor(None)
    dialog.select(template_id)
    assert dialog.current_id() == template_id
    editor = dialog.open_current()
    assert editor is not None
    return editor


def test_list_shows_templates_with_version_and_count(ctx, session, qtbot) -> None:
    dialog = ChecklistTemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    rows = {dialog.model.item(r, 4).text(): r for r in range(dialog.model.rowCount())}
    t = nine_small(session)
    row = rows["nine_small"]
    assert dialog.model.item(row, 1).text() == "九小场所消防安全检查表"
    assert dialog.model.item(row, 2).text() == str(t.version)
    assert dialog.model.item(row, 3).text() == str(t.item_count)


def test_edit_add_major_reorder_save_makes_next_version(ctx, session, qtbot) -> None:
    old = nine_small(session)
    old_items = checklists.template_details(session, old.id)["items"]
    editor = open_editor(ctx, qtbot, old.id)
    qtbot.addWidget(editor)
    assert editor.model.rowCount() == old.item_count and not editor.dirty

    # add an item after the first one, type its text and mark it major
    editor.select_row(0)
    row = editor.add_item()
    assert row == 1 and editor.dirty
    cell_editor = editor.table.findChild(QLineEdit)  # the new item opens for typing
    assert cell_editor is not None
    type_text(qtbot, cell_editor, "仓库内违规设置员工宿舍")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    editor.model.item(row, DAYS).setText("3")
    editor.model.item(row, MAJOR).setCheckState(Qt.CheckState.Checked)
    # move it up with Ctrl+Up: it becomes the first item
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_row() == 0
    assert editor.model.item(0, TEXT).text() == "仓库内违规设置员工宿舍"
    # and the old last item down is a no-op at the end; delete the old NS-15
    editor.select_row(editor.model.rowCount() - 1)
    editor.move_item(1)
    assert editor.current_row() == editor.model.rowCount() - 1
    editor.delete_item()
    # Ctrl+Z brings the deleted item back, Ctrl+Y deletes it again
    assert editor.model.rowCount() == old.item_count
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.rowCount() == old.item_count + 1
    assert editor.model.item(old.item_count, CODE).text() == old_items[-1]["code"]
    editor.undo_stack.redo()
    assert editor.model.rowCount() == old.item_count

    assert editor.save()
    settle(qtbot, editor)
    assert "2" in editor.status_label.text() and not editor.dirty
    new = nine_small(session)
    assert new.version == old.version + 1 and new.id == editor.template_id
    items = checklists.template_details(session, new.id)["items"]
    assert items[0]["text"] == "仓库内违规设置员工宿舍" and items[0]["major"] and items[0]["default_days"] == 3
    assert items[0]["code"] == "NS-15"  # numbered after the others (NS-15 was deleted)
    assert [i["code"] for i in items[1:]] == [i["code"] for i in old_items[:-1]]
    # the old version is exactly as it was
    assert checklists.template_details(session, old.id)["items"] == old_items
    assert editor.version_label.text()  # now says version 2 → 3
    assert editor.model.item(0, CODE).text() == "NS-15"


def test_problems_are_marked_per_cell_and_nothing_is_saved(ctx, session, qtbot) -> None:
    old = nine_small(session)
    editor = open_editor(ctx, qtbot, old.id)
    qtbot.addWidget(editor)
    editor.model.item(2, TEXT).setText("")
    editor.model.item(4, DAYS).setText("abc")
    assert not editor.save()
    assert set(editor.problem_cells()) == {(2, TEXT), (4, DAYS)}
    assert editor.banner.isVisible()
    assert nine_small(session).version == old.version
    editor.model.item(2, TEXT).setText("疏散通道畅通")  # the mark goes as soon as it is fixed
    assert (2, TEXT) not in editor.problem_cells()


def test_new_template_and_unsaved_prompt(ctx, session, qtbot) -> None:
    editor = open_editor(ctx, qtbot, None)  # not addWidget: it deletes itself once saved and closed
    type_text(qtbot, editor.title_edit, "小作坊检查表")
    type_text(qtbot, editor.code_edit, "workshop")
    editor.sector_combo.setCurrentIndex(editor.sector_combo.findData("nine_small"))
    editor.table.closePersistentEditor(editor.model.index(0, TEXT))
    editor.model.item(0, TEXT).setText("灭火器配置到位")
    assert editor.dirty
    editor.close()  # unsaved: asks, stays open
    assert editor.isVisible() and editor.confirm_box is not None
    with qtbot.waitSignal(editor.saved, timeout=3000):
        editor.confirm_box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: gone(editor), timeout=3000)
    t = checklists.get_template(session, "workshop")
    assert (t.version, t.title, t.item_count) == (1, "小作坊检查表", 1)


def import_through(qtbot, dialog, path):
    """Import in the dialog (a write off the GUI thread) and wait for its outcomes."""
    dialog.import_file(path)
    settle(qtbot, dialog)
    return dialog.imported


def test_import_json_through_the_dialog(ctx, session, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "检查表.json"
    path.write_text(json.dumps({"format": 1, "code": "warehouse", "sector": "九小场所", "title": "仓储检查表",
                                "items": [{"code": "W-01", "text": "货物堆放不超高"},
                                          {"code": "W-02", "text": "消防通道畅通", "major": True}]},
                               ensure_ascii=False), "utf-8")
    dialog = ChecklistTemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    done = import_through(qtbot, dialog, path)
    assert [d.outcome for d in done] == ["imported"]
    assert dialog.result_box is not None and "warehouse" in dialog.result_box.text()
    assert dialog.current_id() == done[0].id  # the list refreshed and shows it
    assert checklists.get_template(session, "warehouse").item_count == 2
    # a broken file imports nothing and says why
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    dialog.result_box.close()
    assert import_through(qtbot, dialog, bad) == []
    assert dialog.result_box.icon() == QMessageBox.Icon.Warning
    assert "JSON" in dialog.result_box.text()
    # export round trip
    out = dialog.export_to(done[0].id, tmp_path / "out.json")
    assert out is not None and json.loads(out.read_text("utf-8"))["code"] == "warehouse"


def test_inspector_may_read_but_not_edit(ctx, session, qtbot) -> None:
    secure_admin(session)  # users are added once the admin has a password
    add_user(session, "wang", "王网格员", "inspector")
    session.user = log_in(session, "wang", None)
    editor = ChecklistEditor(ctx, nine_small(session).id)
    qtbot.addWidget(editor)
    assert editor.readonly_note.isVisibleTo(editor)
    assert not editor.save_button.isEnabled() and not editor.save()
    assert editor.banner.text()


def test_export_and_import_xlsx_through_the_dialog(ctx, session, qtbot, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    dialog = ChecklistTemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    source = nine_small(session)
    out = dialog.export_to(source.id, tmp_path / "九小场所.xlsx")
    assert out is not None
    sheet = load_workbook(out, read_only=True).active
    texts = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert any("消防" in t for t in texts)
    dialog.result_box.close()
    assert [d.outcome for d in import_through(qtbot, dialog, out)] == ["skipped"]  # nothing changed
    book = load_workbook(out)
    cell = next(c for row in book.active.iter_rows() for c in row if c.value == source.title)
    cell.value = source.title + "（2027 修订）"
    book.save(out)
    dialog.result_box.close()
    assert [d.outcome for d in import_through(qtbot, dialog, out)] == ["imported"]
    again = checklists.get_template(session, source.code)
    assert (again.version, again.title, again.item_count) == (
        source.version + 1, source.title + "（2027 修订）", source.item_count)

"""用户与网格: admins manage users and grids through the services; others see why they cannot."""

from __future__ import annotations

import pytest

from inspector_app.services import users
from inspector_app.services.changes import USERS, Changes
from inspector_app.services.session import load_user
from inspector_app.ui.dialogs.login import UserBadge, role_name, user_summary, user_switched
from inspector_app.ui.dialogs.users import UsersDialog
from inspector_app.ui.main_window import SETTINGS
from inspector_app.ui.qt import QDialogButtonBox, Qt
from tests.lifecycle_helpers import make_town
from tests.ui.helpers import settle, type_text

pytestmark = pytest.mark.ui
SAVE = QDialogButtonBox.StandardButton.Save


def _dialog(ctx, qtbot) -> UsersDialog:
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot, sub) -> None:
    qtbot.mouseClick(sub.button_box.button(SAVE), Qt.MouseButton.LeftButton)
    settle(qtbot, sub)


def _cells(dialog: UsersDialog, login: str) -> list[str]:
    row = next(i for i, r in enumerate(dialog.rows) if r.login == login)
    return [dialog.model.item(row, c).text() for c in range(dialog.model.columnCount())]


def test_admin_adds_a_user_who_can_then_log_in(ctx, session, qtbot) -> None:
    town = make_town(session)
    dialog = _dialog(ctx, qtbot)
    assert [r.login for r in dialog.rows] == ["admin", "li", "wang", "zhao"]
    form = dialog.add_user()
    type_text(qtbot, form.login_edit, "zhangsan")
    type_text(qtbot, form.name_edit, "张三")
    form.role_combo.setCurrentIndex(form.role_combo.findData("inspector"))
    form.grid_picker.set_checked([town.g2])
    type_text(qtbot, form.password_edit, "zhang-secret")
    type_text(qtbot, form.password2_edit, "zhang-secreT")
    _save(qtbot, form)
    assert form.isVisible() and "不一致" in form.error_banner.text()  # mismatch: stays open
    form.password2_edit.clear()
    type_text(qtbot, form.password2_edit, "zhang-secret")
    with qtbot.waitSignal(ctx.events.changed, timeout=5000):
        _save(qtbot, form)
    assert dialog.current_row().login == "zhangsan"
    cells = _cells(dialog, "zhangsan")
    assert cells[1] == "张三" and cells[3] == "西村第一网格"
    new = next(r for r in users.list_users(session) if r.login == "zhangsan")
    assert new.grid_ids == (town.g2,) and new.has_password and new.role == "inspector"
    with pytest.raises(Exception, match="zhangsan"):
        users.log_in(session, "zhangsan", "wrong-one")
    user = users.log_in(session, "zhangsan", "zhang-secret")
    assert user.grid_ids == (town.g2,)
    audit = session.store.read().execute(
        "SELECT count(*) FROM audit_log WHERE action = 'user_added'").fetchone()[0]
    assert audit == 4  # li, zhao, wang by make_town, zhangsan by the dialog


def test_a_taken_login_is_refused_and_nothing_typed_is_lost(ctx, session, qtbot) -> None:
    make_town(session)
    dialog = _dialog(ctx, qtbot)
    form = dialog.add_user()
    type_text(qtbot, form.login_edit, "li")
    type_text(qtbot, form.name_edit, "另一个李")
    _save(qtbot, form)
    assert form.isVisible() and "已被使用" in form.error_banner.text()
    assert form.name_edit.text() == "另一个李"


def test_last_admin_cannot_be_demoted(ctx, session, qtbot) -> None:
    make_town(session)
    dialog = _dialog(ctx, qtbot)
    dialog.select_login("admin")
    role = dialog.change_role()
    role.role_combo.setCurrentIndex(role.role_combo.findData("inspector"))
    _save(qtbot, role)
    assert role.isVisible() and "最后一个" in role.error_banner.text()
    assert load_user(session.store, "admin").role == "admin"
    role.reject()
    dialog.select_login("admin")
    refused = dialog.toggle_active()  # disabling yourself is refused too, clearly
    settle(qtbot, dialog)
    assert refused.error is not None
    assert dialog.error_banner.isVisible() and "当前登录" in dialog.error_banner.text()


def test_role_grids_password_disable_and_a_new_grid(ctx, session, qtbot) -> None:
    town = make_town(session)
    dialog = _dialog(ctx, qtbot)
    dialog.select_login("zhao")
    role = dialog.change_role()
    role.role_combo.setCurrentIndex(role.role_combo.findData("supervisor"))
    supervisor = role.role_combo.currentText()
    _save(qtbot, role)
    assert load_user(session.store, "zhao").role == "supervisor"
    assert _cells(dialog, "zhao")[2] == supervisor

    dialog.select_login("li")
    grids = dialog.change_grids()
    grids.grid_picker.set_checked([town.g1, town.g2])
    _save(qtbot, grids)
    assert set(load_user(session.store, "li").grid_ids) == {town.g1, town.g2}

    dialog.select_login("li")
    pw = dialog.change_password()
    type_text(qtbot, pw.password_edit, "li-secret-9")
    type_text(qtbot, pw.password2_edit, "li-secret-9")
    _save(qtbot, pw)
    assert next(r for r in dialog.rows if r.login == "li").has_password

    dialog.select_login("li")
    assert dialog.active_button.text() != "" and dialog.toggle_active()
    settle(qtbot, dialog)
    assert not next(r for r in users.list_users(session) if r.login == "li").active
    assert dialog.current_row().login == "li" and dialog.active_button.isEnabled()
    assert dialog.toggle_active()  # and back
    settle(qtbot, dialog)
    assert next(r for r in users.list_users(session) if r.login == "li").active

    grid = dialog.add_grid()
    type_text(qtbot, grid.name_edit, "南村第二网格")
    type_text(qtbot, grid.code_edit, "G3")
    with qtbot.waitSignal(ctx.events.changed, timeout=5000):
        _save(qtbot, grid)
    form = dialog.add_user()
    assert "南村第二网格（G3）" in [form.grid_picker.item(i).text() for i in range(form.grid_picker.count())]
    form.reject()


def test_inspector_sees_management_disabled_with_the_reason(window, ctx, session, qtbot) -> None:
    make_town(session)
    page = window.settings_page
    window.go_to(SETTINGS)
    assert page.manage_users_button.isEnabled() and not page.manage_hint.isVisible()
    users.log_in(session, "li", None)
    ctx.events.publish(Changes.of(USERS))
    assert not page.manage_users_button.isEnabled()
    assert page.manage_hint.isVisible() and role_name("inspector") in page.manage_hint.text()
    assert page.manage_users() is None
    dialog = _dialog(ctx, qtbot)  # even opened some other way, nothing can be changed
    assert not any(b.isEnabled() for b in (dialog.add_button, dialog.role_button, dialog.grid_button))


def test_stay_logged_in_box_on_the_settings_page(window, ctx, session, qtbot) -> None:
    page = window.settings_page
    assert page.stay_check.isChecked()
    page.stay_check.setChecked(False)
    settle(qtbot, window)  # saved off the GUI thread
    assert not users.stays_logged_in(session.store)
    assert page.user_label.text() == user_summary(session) and "管理员" in page.user_label.text()


def test_inspector_changes_their_own_password(window, ctx, session, qtbot) -> None:
    make_town(session)
    users.set_password(session, "li", "li-secret-1")
    users.log_in(session, "li", "li-secret-1")
    page = window.settings_page
    dialog = page.change_password()
    assert dialog.asks_old
    type_text(qtbot, dialog.old_edit, "not-mine")
    type_text(qtbot, dialog.password_edit, "li-secret-2")
    type_text(qtbot, dialog.password2_edit, "li-secret-2")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "原密码不正确" in dialog.error_banner.text()
    dialog.old_edit.clear()
    type_text(qtbot, dialog.old_edit, "li-secret-1")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _save(qtbot, dialog)
    users.log_in(session, "li", "li-secret-2")  # the new one works
    with pytest.raises(Exception, match="li"):
        users.log_in(session, "li", "li-secret-1")


def test_admin_removes_a_password(ctx, session, qtbot) -> None:
    make_town(session)
    users.set_password(session, "wang", "wang-secret")
    dialog = _dialog(ctx, qtbot)
    dialog.select_login("wang")
    pw = dialog.change_password()
    remove = next(b for b in pw.button_box.buttons()
                  if pw.button_box.buttonRole(b) == QDialogButtonBox.ButtonRole.ResetRole)
    with qtbot.waitSignal(ctx.events.changed, timeout=5000):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert not next(r for r in users.list_users(session) if r.login == "wang").has_password
    assert _cells(dialog, "wang")[4] == dialog.tr("none")


def test_user_badge_follows_the_logged_in_user(ctx, session, qtbot) -> None:
    make_town(session)
    badge = UserBadge(ctx)
    qtbot.addWidget(badge)
    assert "管理员" in badge.text()
    users.log_in(session, "li", None)
    user_switched(ctx)
    assert badge.text() == user_summary(session) and "李网格" in badge.text()

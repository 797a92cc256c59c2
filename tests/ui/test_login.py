"""登录 / 切换用户: the start-up password, 保持登录, switching user and what the pages then show."""

from __future__ import annotations

import pytest

from inspector_app.core.errors import ValidationError
from inspector_app.services import users
from inspector_app.services.session import open_session
from inspector_app.ui.app import run_gui
from inspector_app.ui.dialogs.login import (
    LoginDialog,
    log_in_at_start,
    open_switch_user,
    switch_user,
)
from inspector_app.ui.main_window import HAZARDS_PAGE
from inspector_app.ui.qt import QApplication, QDialogButtonBox, Qt, QTimer, QUndoCommand
from tests.lifecycle_helpers import make_town
from tests.ui.helpers import type_text

pytestmark = pytest.mark.ui
OK = QDialogButtonBox.StandardButton.Ok


def _login(qtbot, dialog: LoginDialog, login: str, password: str = "") -> None:
    """Pick the user, type the password, press Enter (the keyboard path)."""
    if not dialog.isVisible():
        dialog.show()
        qtbot.waitExposed(dialog)
    dialog.select_login(login)
    if password:
        type_text(qtbot, dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit if password else dialog.user_combo, Qt.Key.Key_Return)


def test_no_password_means_no_dialog_at_start(session, qtbot) -> None:
    make_town(session)
    users.log_in(session, "li", None)  # a user without a password (a password-less admin is
    assert not users.needs_log_in(session)  # asked to set one: test_first_admin_password.py)
    seen: list[object] = []

    def close_any_modal() -> None:  # a dialog that should not be there must not hang the test
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen.append(modal)
            modal.reject()

    QTimer.singleShot(500, close_any_modal)
    assert log_in_at_start(session, "zh") is True
    qtbot.wait(600)
    assert seen == []


def test_right_and_wrong_password(session, qtbot) -> None:
    make_town(session)
    users.set_password(session, "wang", "wang-secret")
    dialog = LoginDialog(session, "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_login("wang")
    assert dialog.password_edit.isEnabled()
    _login(qtbot, dialog, "wang", "not-his")
    qtbot.waitUntil(dialog.button_box.isEnabled)  # the password is checked off the GUI thread
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    assert dialog.error_banner.isVisible() and "wang" in dialog.error_banner.text()
    assert session.user.login == "admin"
    assert dialog.password_edit.selectedText() == "not-his"  # ready to type over, nothing lost
    dialog.password_edit.clear()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _login(qtbot, dialog, "wang", "wang-secret")
    assert session.user.login == "wang" and session.user.role == "supervisor"
    assert session.store.info("current_user_id") == session.user.id


def test_user_without_password_needs_none(session, qtbot) -> None:
    make_town(session)
    dialog = LoginDialog(session, "zh")
    qtbot.addWidget(dialog)
    dialog.select_login("li")
    assert not dialog.password_edit.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _login(qtbot, dialog, "li")
    assert session.user.login == "li"


def test_stay_logged_in_decides_the_next_start(session, data_dir, clock, qtbot) -> None:
    users.set_password(session, "admin", "admin-secret")
    assert not users.needs_log_in(session)  # stays logged in unless told otherwise
    dialog = LoginDialog(session, "zh")
    qtbot.addWidget(dialog)
    assert dialog.stay_check.isChecked()
    dialog.stay_check.setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _login(qtbot, dialog, "admin", "admin-secret")
    session.close()
    again = open_session(data_dir, clock=clock)
    try:
        assert users.needs_log_in(again)
        start = LoginDialog(again, "zh", at_start=True)
        qtbot.addWidget(start)
        assert not start.stay_check.isChecked()
        start.stay_check.setChecked(True)
        with qtbot.waitSignal(start.accepted, timeout=5000):
            _login(qtbot, start, "admin", "admin-secret")
        assert not users.needs_log_in(again)
    finally:
        again.close()


def test_escape_quits_the_start_up_login(session, qtbot) -> None:
    users.set_password(session, "admin", "admin-secret")
    users.set_stay_logged_in(session, False)
    assert users.needs_log_in(session)

    def press_escape() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, LoginDialog) and modal.windowTitle()
        qtbot.keyClick(modal, Qt.Key.Key_Escape)

    QTimer.singleShot(200, press_escape)
    assert log_in_at_start(session, "zh") is False


def test_switch_user_shows_the_inspectors_grids(window, ctx, session, qtbot) -> None:
    town = make_town(session)
    mine = town.hazard(town.li, site=town.s1)
    town.hazard(town.zhao, site=town.s3)
    window.go_to(HAZARDS_PAGE)
    model = window.hazards_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)
    ctx.undo.push(QUndoCommand("admin's edit"))  # undone as li, it would be misattributed
    assert ctx.undo.count() == 1
    dialog = open_switch_user(ctx, window)
    with qtbot.waitSignal(ctx.events.changed, timeout=5000):
        _login(qtbot, dialog, "li")
    assert ctx.session.user.login == "li" and ctx.session.user.grid_ids == (town.g1,)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert model.id_at(0) == mine
    assert ctx.undo.count() == 0
    assert "李网格" in window.statusBar().currentMessage()
    page = window.settings_page
    assert "李网格" in page.user_label.text()


def test_switch_user_modal_cancel_keeps_the_user(ctx, qtbot) -> None:
    def cancel() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, LoginDialog)
        modal.reject()

    QTimer.singleShot(200, cancel)
    assert switch_user(ctx, None) is False
    assert ctx.session.user.login == "admin"


def test_admin_cannot_disable_the_logged_in_user(session) -> None:
    make_town(session)
    users.set_password(session, "wang", "wang-secret")  # an admin needs a password
    users.set_role(session, "wang", "admin")
    with pytest.raises(ValidationError) as exc:
        users.set_active(session, "admin", False)  # another admin exists, but it is us
    assert exc.value.code == "self_disable"
    users.set_role(session, "admin", "supervisor")  # allowed: wang is an admin
    assert session.user.role == "supervisor"  # the session acts with the new role at once


def _password_store(data_dir, clock) -> None:
    s = open_session(data_dir, clock=clock)
    try:
        users.set_password(s, "admin", "admin-secret")
        users.set_stay_logged_in(s, False)
    finally:
        s.close()


def test_run_gui_asks_for_the_password_and_esc_quits(data_dir, clock, qapp) -> None:
    _password_store(data_dir, clock)
    seen: list[str] = []

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, LoginDialog):
            seen.append(modal.windowTitle())
            modal.reject()  # what Esc does
        else:  # no login asked: do not leave the main window running forever
            seen.append("no dialog")
            QApplication.quit()

    QTimer.singleShot(300, answer)
    assert run_gui(str(data_dir), None, None) == 0
    assert len(seen) == 1 and seen[0] != "no dialog"
    assert not (data_dir / "logs" / "app.log").exists() or "GUI started" not in (
        data_dir / "logs" / "app.log").read_text("utf-8")


def test_quit_after_never_waits_on_the_login(data_dir, clock, qapp) -> None:
    _password_store(data_dir, clock)
    assert run_gui(str(data_dir), None, 0.3) == 0
    assert "GUI started" in (data_dir / "logs" / "app.log").read_text("utf-8")

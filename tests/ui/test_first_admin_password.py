"""设置管理员密码: a store whose admin has no password asks for one at the first start; the
single person then continues, logged in; Quit leaves everything as it was."""

from __future__ import annotations

import threading

import pytest

from inspector_app.services import users
from inspector_app.ui.app import run_gui
from inspector_app.ui.dialogs.first_password import FirstAdminPasswordDialog
from inspector_app.ui.dialogs.login import LoginDialog, UserBadge, log_in_at_start
from inspector_app.ui.qt import QApplication, Qt, QTimer
from tests.helpers import ADMIN_PASSWORD
from tests.ui.helpers import type_text

pytestmark = pytest.mark.ui


def _answer_later(qtbot, seen: list[object], action) -> None:
    """Act on the modal dialog once it is up (a missing dialog must not hang the test)."""
    def run() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(modal)
        if modal is None:
            return
        action(modal)

    QTimer.singleShot(300, run)


def test_first_start_asks_for_the_admin_password_then_continues(session, qtbot) -> None:
    assert users.acting_without_password(session)
    seen: list[object] = []

    def fill(dialog: FirstAdminPasswordDialog) -> None:
        dialog.ok_button.click()  # nothing typed: refused, the dialog stays
        assert dialog.isVisible() and dialog.error_banner.isVisible()
        type_text(qtbot, dialog.password_edit, ADMIN_PASSWORD)
        type_text(qtbot, dialog.password2_edit, "something-else")
        qtbot.keyClick(dialog.password2_edit, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.password2_edit.text() == ""  # differ: again
        assert not users.has_password(session.store, session.user)
        type_text(qtbot, dialog.password2_edit, ADMIN_PASSWORD)
        qtbot.keyClick(dialog.password2_edit, Qt.Key.Key_Return)

    _answer_later(qtbot, seen, fill)
    assert log_in_at_start(session, "zh") is True
    assert len(seen) == 1 and isinstance(seen[0], FirstAdminPasswordDialog)
    assert users.has_password(session.store, session.user)
    assert not users.acting_without_password(session)
    assert not users.needs_log_in(session)  # the single person stays logged in
    users.add_user(session, "li", "李网格", "inspector")  # and may now add users
    with pytest.raises(Exception, match="admin"):
        users.log_in(session, "admin", "wrong-password")
    users.log_in(session, "admin", ADMIN_PASSWORD)


def test_quit_leaves_the_store_as_it_was(session, qtbot) -> None:
    seen: list[object] = []
    _answer_later(qtbot, seen, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert log_in_at_start(session, "zh") is False
    assert isinstance(seen[0], FirstAdminPasswordDialog)
    assert users.acting_without_password(session)


def test_a_password_already_set_asks_nothing(session, qtbot) -> None:
    users.set_password(session, "admin", ADMIN_PASSWORD)
    seen: list[object] = []
    _answer_later(qtbot, seen, lambda dialog: dialog.reject())
    assert log_in_at_start(session, "zh") is True
    qtbot.wait(400)
    assert seen == [None]


def test_run_gui_on_a_fresh_store_asks_first(data_dir, qapp) -> None:
    seen: list[object] = []

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(type(modal).__name__ if modal else None)
        if isinstance(modal, (FirstAdminPasswordDialog, LoginDialog)):
            modal.reject()
        else:  # no dialog: do not leave the main window running forever
            QApplication.quit()

    QTimer.singleShot(500, answer)
    assert run_gui(str(data_dir), None, None) == 0
    assert seen == ["FirstAdminPasswordDialog"]


def test_status_bar_badge_warns_while_the_admin_has_no_password(ctx, session, qtbot) -> None:
    badge = UserBadge(ctx)
    qtbot.addWidget(badge)
    assert "管理员" in badge.text() and "未设密码" in badge.text()
    warned = badge.text()
    with qtbot.waitSignal(ctx.events.changed, timeout=5000):
        ctx.events.publish(users.set_password(session, "admin", ADMIN_PASSWORD))
    assert badge.text() != warned and "未设密码" not in badge.text()
    assert "red" not in badge.styleSheet() and "#b3261e" not in badge.styleSheet()


def test_start_up_writes_run_off_the_gui_thread(session, qtbot, monkeypatch) -> None:
    """Hashing a password takes a moment on a slow laptop: the first password and the
    start-up log-in are stored by the Op runner's write thread, the window keeps painting."""
    threads: list[str] = []
    real_set, real_log_in = users.set_password, users.log_in

    def set_password(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_set(*args, **kwargs)

    def log_in(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_log_in(*args, **kwargs)

    monkeypatch.setattr(users, "set_password", set_password)
    monkeypatch.setattr(users, "log_in", log_in)
    seen: list[object] = []

    def fill(dialog: FirstAdminPasswordDialog) -> None:
        type_text(qtbot, dialog.password_edit, ADMIN_PASSWORD)
        type_text(qtbot, dialog.password2_edit, ADMIN_PASSWORD)
        qtbot.keyClick(dialog.password2_edit, Qt.Key.Key_Return)
        assert dialog.saving and not dialog.buttons.isEnabled()  # stored in the background
        dialog.reject()  # Esc while it is stored does not half-quit
        assert dialog.isVisible()

    _answer_later(qtbot, seen, fill)
    assert log_in_at_start(session, "zh") is True
    assert users.has_password(session.store, session.user)
    users.set_stay_logged_in(session, False)
    _answer_later(qtbot, seen, lambda dialog: (type_text(qtbot, dialog.password_edit, ADMIN_PASSWORD),
                                               qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)))
    assert log_in_at_start(session, "zh") is True
    assert isinstance(seen[-1], LoginDialog)
    assert len(threads) == 2 and threading.main_thread().name not in threads

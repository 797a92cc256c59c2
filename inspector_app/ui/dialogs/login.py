"""登录 / 切换用户: who works on this device (design.md §3; services/users.log_in).

The store keeps a current user who stays logged in, as the CLI does. The dialog appears at
start only when that user has a password and the device was told not to stay logged in
(``users.needs_log_in``); 切换用户 opens it at any time. Passwords are checked by the
service (argon2id), never here.
"""

from __future__ import annotations

from collections.abc import Callable

from ...core.entities import User
from ...core.errors import DomainError
from ...services import users
from ...services.changes import USERS, Changes
from ...services.session import Session
from ..context import AppContext
from ..ops import OpRunner, start_up_runner
from ..qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from .common import ErrorBanner

_HAS_PASSWORD = Qt.ItemDataRole.UserRole + 1  # combo item data: whether that user has a password

ROLE_NAMES = {  # shown wherever a role is named
    "inspector": QT_TRANSLATE_NOOP("Roles", "Grid inspector"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_name(role: str) -> str:
    """The role as the interface language names it (网格员 / 监管人员 / 管理员)."""
    return translate("Roles", ROLE_NAMES[role]) if role in ROLE_NAMES else role


def user_summary(session: Session) -> str:
    """「李网格（网格员）」: who is logged in, for the status bar and the settings page."""
    user = session.user
    return translate("Roles", "{name} ({role})").format(name=user.name, role=role_name(user.role))


class UserBadge(QLabel):
    """「李网格（网格员）」 for the status bar; follows log-ins and role changes by itself."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.events.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(USERS):
            self.refresh()

    def refresh(self) -> None:
        session = self.ctx.session
        tip = self.tr("Logged in on this device: {}").format(session.user.login)
        if users.acting_without_password(session):  # anyone could act as this admin: say so
            self.setText(self.tr("{user} · no password!").format(user=user_summary(session)))
            self.setStyleSheet("color: #b3261e; font-weight: bold; padding: 0 6px;")
            tip += "\n" + self.tr("The administrator has no password: anyone can act as them. "
                                   "Set one under Settings → Users and grids.")
        else:
            self.setText(user_summary(session))
            self.setStyleSheet("color: #3c4043; padding: 0 6px;")
        self.setToolTip(tip)


class LoginDialog(QDialog):
    """User, password, 保持登录. OK logs in through the service; Esc (Cancel) rejects."""

    def __init__(self, session: Session, lang: str, parent: QWidget | None = None, *,
                 at_start: bool = False, ops: OpRunner | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.ops = ops or start_up_runner(lang)  # at start: no window, no context yet
        self.user = None  # the User logged in, after accept()
        self.setWindowTitle(self.tr("Log in") if at_start else self.tr("Switch user"))
        self.setMinimumWidth(380)
        self.error_banner = ErrorBanner(self)

        self.user_combo = QComboBox()
        current = session.user.id
        for row in users.list_users(session, include_inactive=False):
            text = f"{row.name}（{row.login}） · {role_name(row.role)}"
            self.user_combo.addItem(text, row.login)
            self.user_combo.setItemData(self.user_combo.count() - 1, row.has_password, _HAS_PASSWORD)
            if row.id == current:
                self.user_combo.setCurrentIndex(self.user_combo.count() - 1)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Leave empty if the user has no password"))
        self.password_edit.textEdited.connect(lambda _t: self.error_banner.clear_message())
        self.stay_check = QCheckBox(self.tr("Stay logged in on this device"))
        self.stay_check.setToolTip(self.tr(
            "When ticked, the next start opens without asking for the password."))
        self.stay_check.setChecked(users.stays_logged_in(session.store))
        self.user_combo.currentIndexChanged.connect(self._user_changed)

        intro = QLabel(self.tr("Grid Inspector — choose who works on this computer.") if at_start
                       else self.tr("Choose the user to continue as."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user_combo)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.stay_check)
        self.button_box = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Quit") if at_start else self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._user_changed()

    def _user_changed(self, _index: int = 0) -> None:
        self.error_banner.clear_message()
        needs = bool(self.user_combo.currentData(_HAS_PASSWORD))
        self.password_edit.setEnabled(needs)
        if not needs:
            self.password_edit.clear()
        self.password_edit.setPlaceholderText(
            "" if needs else self.tr("This user has no password"))
        (self.password_edit if needs else self.user_combo).setFocus()

    def select_login(self, login: str) -> None:
        self.user_combo.setCurrentIndex(max(self.user_combo.findData(login), 0))

    def accept(self) -> None:
        login = self.user_combo.currentData()
        if login is None:
            return
        session, password, stay = self.session, self.password_edit.text() or None, self.stay_check.isChecked()
        self.button_box.setEnabled(False)  # logging in checks the password: off the GUI thread
        op = self.ops.write(lambda: users.log_in(session, login, password, stay_logged_in=stay),
                            title=self.windowTitle(), parent=self,
                            on_error=lambda exc: self._refused(login, exc), on_done=self._logged_in)
        op.finished.connect(lambda: self.button_box.setEnabled(True))

    def _logged_in(self, user: User) -> None:
        self.user = user
        QDialog.accept(self)

    def _refused(self, login: str, exc: DomainError) -> None:
        if exc.code == "wrong_password":
            text = self.tr("Wrong password for {}. Check the keyboard layout and Caps Lock, "
                           "then try again.").format(login)
        elif exc.code == "password_required":
            text = self.tr("{} has a password: type it to log in.").format(login)
        else:
            text = exc.message(self.lang)
        self.error_banner.show_message(text)
        self.password_edit.selectAll()
        self.password_edit.setFocus()


def log_in_at_start(session: Session, lang: str) -> bool:
    """Ask for the password when the store's current user needs it, or have a password-less
    admin set one first (``first_password.py``); False if the user quit."""
    from .first_password import set_first_admin_password

    ops = start_up_runner(lang)
    if not set_first_admin_password(session, lang, ops):
        return False
    if not users.needs_log_in(session):
        return True
    dialog = LoginDialog(session, lang, at_start=True, ops=ops)
    return dialog.exec() == QDialog.DialogCode.Accepted


def switch_user(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """切换用户 (modal): log in as someone (else) and tell every view; False when cancelled.

    The change is published as ``STORE | USERS`` so each page re-reads what the new user may
    see (an inspector only their grids); the main window should ``rebuild()`` on ``True``
    too, since some pages choose their widgets by role when built.
    """
    dialog = LoginDialog(ctx.session, ctx.lang, parent, ops=ctx.ops)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    user_switched(ctx)
    return True


def open_switch_user(ctx: AppContext, parent: QWidget | None = None,
                     on_switched: Callable[[], None] | None = None) -> LoginDialog:
    """切换用户 without a nested event loop: window-modal ``open()``; returns the dialog."""
    dialog = LoginDialog(ctx.session, ctx.lang, parent, ops=ctx.ops)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: user_switched(ctx))
    if on_switched is not None:
        dialog.accepted.connect(on_switched)
    dialog.open()
    return dialog


def user_switched(ctx: AppContext) -> None:
    """After ``log_in`` changed ``ctx.session.user``: undo history ends, every view refreshes."""
    ctx.undo.clear()  # undoing the previous user's edits as this one would misattribute them
    ctx.events.publish(users.SWITCHED_USER)
    ctx.events.notice.emit(translate("LoginDialog", "Logged in as {}").format(user_summary(ctx.session)))

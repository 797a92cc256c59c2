"""设置管理员密码: the first start of a store whose admin has no password.

Without a password anyone at this computer (or with the CLI's ``--as admin``) acts as the
admin, so the GUI does not open the store until one is set; a single-person setup then
simply continues (it stays logged in, as before). Quit leaves the store as it was. The
password itself is checked and stored by ``services/users.set_password`` (argon2id), off the
GUI thread like every GUI write (hashing takes a noticeable moment on a slow laptop).
"""

from __future__ import annotations

from ...services import users
from ...services.session import Session
from ..ops import OpRunner, start_up_runner
from ..qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from .common import ErrorBanner


class FirstAdminPasswordDialog(QDialog):
    """Password twice; OK sets it and continues, Quit (Esc) rejects and changes nothing."""

    def __init__(self, session: Session, lang: str, parent: QWidget | None = None, *,
                 ops: OpRunner | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.ops = ops or start_up_runner(lang)
        self.saving = False  # the password is being hashed and stored (off the GUI thread)
        self.setWindowTitle(self.tr("Set the administrator's password"))
        self.setMinimumWidth(420)
        self.error_banner = ErrorBanner(self)
        intro = QLabel(self.tr(
            "The administrator ({login}) has no password yet, so anyone using this computer "
            "could act as the administrator. Set a password to continue; if you work alone, "
            "this computer keeps you logged in afterwards.").format(login=session.user.login))
        intro.setWordWrap(True)
        self.password_edit = self._password_edit()
        self.password_edit.setPlaceholderText(
            self.tr("At least {} characters").format(users.MIN_PASSWORD))
        self.password2_edit = self._password_edit()
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password_edit)
        form.addRow(self.tr("Again"), self.password2_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set password and continue"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()

    def _password_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(lambda _t: self.error_banner.clear_message())
        return edit

    def accept(self) -> None:
        if self.saving:
            return None
        password = self.password_edit.text()
        if not password:
            return self._refuse(self.tr("Type a password: the store opens only with one."))
        if password != self.password2_edit.text():
            self.password2_edit.clear()
            return self._refuse(self.tr("The two passwords differ; type it again."),
                                self.password2_edit)
        session, login = self.session, self.session.user.login
        self.saving = True
        self.buttons.setEnabled(False)
        op = self.ops.write(lambda: users.set_password(session, login, password),
                            title=self.windowTitle(), parent=self,
                            on_error=lambda exc: self._refuse(exc.message(self.lang)),
                            on_done=lambda _result: QDialog.accept(self))
        op.finished.connect(self._saved)
        return None

    def _saved(self) -> None:
        self.saving = False
        self.buttons.setEnabled(True)

    def reject(self) -> None:
        if not self.saving:  # quitting while the password is being stored would half-quit
            super().reject()

    def _refuse(self, text: str, focus: QLineEdit | None = None) -> None:
        self.error_banner.show_message(text)
        (focus or self.password_edit).setFocus()


def set_first_admin_password(session: Session, lang: str, ops: OpRunner | None = None) -> bool:
    """Ask for the admin's password when the store's current user is an admin without one
    (never for a demo store); False if the user quit instead."""
    if not users.acting_without_password(session):
        return True
    dialog = FirstAdminPasswordDialog(session, lang, ops=ops)
    return dialog.exec() == QDialog.DialogCode.Accepted

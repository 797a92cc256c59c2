"""用户与网格: admins add users, change roles, grids, passwords, disable users, add grids.

Every action goes through ``services/users`` (which checks the role and writes the audit
log); a refusal (the last admin, a taken login …) shows in the banner and nothing typed is
lost. Passwords are hashed by the service (argon2id), which takes a moment by design.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...core.entities import ROLES
from ...core.errors import ValidationError
from ...core.permissions import Action, can
from ...services import users
from ...services.regions import list_regions
from ...services.users import MIN_PASSWORD, UserRow
from ..context import AppContext
from ..ops import Op
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets import list_table
from .common import ErrorBanner, RecordDialog, text_or_none
from .login import role_name

_ID = Qt.ItemDataRole.UserRole


def _mismatch() -> ValidationError:
    exc = ValidationError("password: the two passwords differ", "两次输入的密码不一致", code="mismatch")
    exc.field = "password2"  # type: ignore[attr-defined]
    return exc


class GridPicker(QListWidget):
    """The grids of the store, each with a check box (an inspector's 责任网格)."""

    def __init__(self, ctx: AppContext, checked: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for grid in list_regions(ctx.session.store.read(), "grid"):
            item = QListWidgetItem(grid.name if not grid.code or grid.code == grid.name
                                   else f"{grid.name}（{grid.code}）", self)
            item.setData(_ID, grid.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if grid.id in checked else Qt.CheckState.Unchecked)
        self.setMinimumHeight(110)
        self.itemActivated.connect(self._toggle)

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def checked_ids(self) -> list[str]:
        return [self.item(i).data(_ID) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: list[str] | tuple[str, ...]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(_ID) in ids else Qt.CheckState.Unchecked)


def _role_combo(current: str = "inspector") -> QComboBox:
    combo = QComboBox()
    for role in ROLES:
        combo.addItem(role_name(role), role)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UserFormDialog(RecordDialog):
    """A new user: login, name, role, grids, 执法证号, initial password (twice)."""

    def __init__(self, ctx: AppContext, save: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.lang, parent)
        self.save_with(save)
        self.setWindowTitle(self.tr("New user"))
        self.setMinimumWidth(440)
        self.login_edit = QLineEdit()
        self.login_edit.setPlaceholderText(self.tr("e.g. zhangsan (2–40 characters, no spaces)"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Full name, e.g. 张三"))
        self.role_combo = _role_combo()
        self.grid_picker = GridPicker(ctx)
        self.cert_edit = QLineEdit()
        self.cert_edit.setPlaceholderText(self.tr("Law-enforcement certificate number, if any"))
        self.password_edit = _password_edit()
        self.password_edit.setPlaceholderText(
            self.tr("At least {} characters; empty: no password").format(MIN_PASSWORD))
        self.password2_edit = _password_edit()
        self.field_widgets = {"login": self.login_edit, "a": self.login_edit, "name": self.name_edit,
                              "role": self.role_combo, "grid": self.grid_picker,
                              "password": self.password_edit, "password2": self.password2_edit}
        form = QFormLayout()
        form.addRow(self.tr("Login name"), self.login_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("Grids"), self.grid_picker)
        form.addRow(self.tr("Certificate no."), self.cert_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Password again"), self.password2_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        self.login_edit.setFocus()

    def collect(self) -> dict[str, Any]:
        password = self.password_edit.text()
        if password != self.password2_edit.text():
            raise _mismatch()
        return {"login": self.login_edit.text(), "name": self.name_edit.text(),
                "role": self.role_combo.currentData(), "grids": self.grid_picker.checked_ids(),
                "cert_no": text_or_none(self.cert_edit), "password": password or None}


class RoleDialog(RecordDialog):
    def __init__(self, lang: str, row: UserRow, save: Callable[[str], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.save_with(save)
        self.setWindowTitle(self.tr("Role of {}").format(row.name))
        self.role_combo = _role_combo(row.role)
        hint = QLabel(self.tr("Grid inspectors see the hazards of their grids; supervisors see all "
                              "grids and confirm major hazards; administrators also manage users, "
                              "grids and checklists."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.button_box)
        self.setMinimumWidth(380)

    def collect(self) -> str:
        return self.role_combo.currentData()


class GridsDialog(RecordDialog):
    def __init__(self, ctx: AppContext, row: UserRow, save: Callable[[list[str]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.lang, parent)
        self.save_with(save)
        self.setWindowTitle(self.tr("Grids of {}").format(row.name))
        self.grid_picker = GridPicker(ctx, row.grid_ids)
        label = QLabel(self.tr("Tick the grids {} is responsible for:").format(row.name))
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addWidget(label)
        layout.addWidget(self.grid_picker, 1)
        layout.addWidget(self.button_box)
        self.setMinimumWidth(360)

    def collect(self) -> list[str]:
        return self.grid_picker.checked_ids()


class PasswordDialog(RecordDialog):
    """Set a new password (twice), or remove it (the user then logs in without one)."""

    def __init__(self, lang: str, row: UserRow, save: Callable[[str | None], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.save_with(save)
        self.remove = False
        self.setWindowTitle(self.tr("Password of {}").format(row.name))
        self.password_edit = _password_edit()
        self.password_edit.setPlaceholderText(self.tr("At least {} characters").format(MIN_PASSWORD))
        self.password2_edit = _password_edit()
        self.field_widgets = {"password": self.password_edit, "a": self.password_edit,
                              "password2": self.password2_edit}
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password_edit)
        form.addRow(self.tr("Again"), self.password2_edit)
        if row.has_password:
            remove = self.button_box.addButton(self.tr("Remove password"),
                                               QDialogButtonBox.ButtonRole.ResetRole)
            remove.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        self.setMinimumWidth(380)

    def _remove(self) -> None:
        self.remove = True
        self.accept()
        self.remove = False

    def collect(self) -> str | None:
        if self.remove:
            return None
        password = self.password_edit.text()
        if not password:
            raise ValidationError(f"a password needs at least {MIN_PASSWORD} characters",
                                  f"密码至少 {MIN_PASSWORD} 位", code="weak_password")
        if password != self.password2_edit.text():
            raise _mismatch()
        return password


class OwnPasswordDialog(RecordDialog):
    """修改密码 for the logged-in user: the current password first (unless an admin)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lang, parent)
        self.ctx = ctx
        user = ctx.session.user
        self.setWindowTitle(self.tr("Change my password"))
        self.old_edit = _password_edit()
        self.password_edit = _password_edit()
        self.password_edit.setPlaceholderText(self.tr("At least {} characters").format(MIN_PASSWORD))
        self.password2_edit = _password_edit()
        self.field_widgets = {"the": self.old_edit, "password": self.password_edit,
                              "a": self.password_edit, "password2": self.password2_edit}
        form = QFormLayout()
        self.asks_old = users.has_password(ctx.session.store, user) and not can(user, Action.MANAGE_USERS)
        if self.asks_old:
            form.addRow(self.tr("Current password"), self.old_edit)
        form.addRow(self.tr("New password"), self.password_edit)
        form.addRow(self.tr("Again"), self.password2_edit)
        self.save_with(self._save_password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        self.setMinimumWidth(380)
        (self.old_edit if self.asks_old else self.password_edit).setFocus()

    def collect(self) -> tuple[str, str | None]:
        password = self.password_edit.text()
        if password != self.password2_edit.text():
            raise _mismatch()
        return password, (self.old_edit.text() or None) if self.asks_old else None

    def _save_password(self, values: tuple[str, str | None]) -> Op:
        password, old = values
        if not password:
            raise ValidationError(f"a password needs at least {MIN_PASSWORD} characters",
                                  f"密码至少 {MIN_PASSWORD} 位", code="weak_password")
        session, login = self.ctx.session, self.ctx.session.user.login
        return self.ctx.ops.write(lambda: users.set_password(session, login, password, old_password=old),
                                  title=self.windowTitle(), parent=self)


class GridDialog(RecordDialog):
    """A new grid, optionally under a village/community."""

    def __init__(self, ctx: AppContext, save: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.lang, parent)
        self.save_with(save)
        self.setWindowTitle(self.tr("New grid"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. 东村第一网格"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Optional, e.g. G01"))
        self.village_combo = QComboBox()
        self.village_combo.addItem(self.tr("(none)"), None)
        for village in list_regions(ctx.session.store.read(), "village"):
            self.village_combo.addItem(village.name, village.id)
        self.field_widgets = {"a": self.name_edit, "grid": self.name_edit}
        form = QFormLayout()
        form.addRow(self.tr("Grid name"), self.name_edit)
        form.addRow(self.tr("Code"), self.code_edit)
        form.addRow(self.tr("Village/community"), self.village_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        self.setMinimumWidth(380)

    def collect(self) -> dict[str, Any]:
        return {"name": self.name_edit.text(), "code": text_or_none(self.code_edit),
                "village": self.village_combo.currentData()}


class UsersDialog(QDialog):
    """The users of this store and what an admin may change about them."""

    COLUMNS = (QT_TRANSLATE_NOOP("UsersDialog", "Login name"), QT_TRANSLATE_NOOP("UsersDialog", "Name"),
               QT_TRANSLATE_NOOP("UsersDialog", "Role"), QT_TRANSLATE_NOOP("UsersDialog", "Grids"),
               QT_TRANSLATE_NOOP("UsersDialog", "Password"), QT_TRANSLATE_NOOP("UsersDialog", "Status"))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[UserRow] = []
        self.setWindowTitle(self.tr("Users and grids"))
        self.resize(860, 460)
        self.error_banner = ErrorBanner(self)
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels([translate("UsersDialog", c) for c in self.COLUMNS])
        self.table = list_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.change_role())

        self.add_button = self._button(self.tr("Add user…"), self.add_user, "Ctrl+N")
        self.role_button = self._button(self.tr("Change role…"), self.change_role)
        self.grids_button = self._button(self.tr("Grids…"), self.change_grids)
        self.password_button = self._button(self.tr("Password…"), self.change_password)
        self.active_button = self._button(self.tr("Disable"), self.toggle_active)
        self.grid_button = self._button(self.tr("Add grid…"), self.add_grid)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        side = QVBoxLayout()
        for button in (self.add_button, self.role_button, self.grids_button, self.password_button,
                       self.active_button):
            side.addWidget(button)
        side.addSpacing(16)
        side.addWidget(self.grid_button)
        side.addStretch(1)
        side.addWidget(close)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #5f6368;")
        self.hint.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(body, 1)
        layout.addWidget(self.hint)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.reload()

    def _button(self, text: str, slot: Callable[[], object], shortcut: str | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
        return button

    # ------------------------------------------------------------------ table
    def reload(self, select_login: str | None = None) -> None:
        keep = select_login or (self.current_row().login if self.current_row() else None)
        self.rows = users.list_users(self.ctx.session)
        self.model.removeRows(0, self.model.rowCount())
        for row in self.rows:
            login = row.login + (self.tr(" (you)") if row.id == self.ctx.session.user.id else "")
            cells = [login, row.name, role_name(row.role), "、".join(row.grids) or "—",
                     self.tr("set") if row.has_password else self.tr("none"),
                     self.tr("Active") if row.active else self.tr("Disabled")]
            items = [QStandardItem(text) for text in cells]
            if not row.active:
                for item in items:
                    item.setForeground(Qt.GlobalColor.gray)
            self.model.appendRow(items)
        index = next((i for i, r in enumerate(self.rows) if r.login == keep), 0 if self.rows else -1)
        if index >= 0:
            self.table.selectRow(index)
        self._update_buttons()

    def current_row(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select_login(self, login: str) -> None:
        for i, row in enumerate(self.rows):
            if row.login == login:
                self.table.selectRow(i)

    def _selection_changed(self) -> None:
        self.error_banner.clear_message()  # a refusal was about the previous row
        self._update_buttons()

    def _update_buttons(self) -> None:
        admin = can(self.ctx.session.user, Action.MANAGE_USERS)
        row = self.current_row()
        for button in (self.role_button, self.grids_button, self.password_button, self.active_button):
            button.setEnabled(admin and row is not None)
        self.add_button.setEnabled(admin)
        self.grid_button.setEnabled(can(self.ctx.session.user, Action.MANAGE_GRIDS))
        self.active_button.setText(self.tr("Enable") if row is not None and not row.active
                                   else self.tr("Disable"))
        self.hint.setText(self.tr("Changes are recorded in the audit log.") if admin else
                          self.tr("Only an administrator can manage users and grids."))

    # ------------------------------------------------------------------ actions
    def _write(self, call: Callable[[], Any]) -> Op:
        """A service call as a GUI write (the runner publishes what the service changed)."""
        return self.ctx.ops.write(call, title=self.windowTitle(), parent=self)

    def _done(self, select: str | None = None, notice: str = "") -> None:
        if notice:
            self.ctx.events.notice.emit(notice)
        self.error_banner.clear_message()
        self.reload(select)

    def _run(self, call: Callable[[], Any], notice: str = "",
             on_done: Callable[[], None] | None = None) -> Op:
        """A one-step action: a write through the service; a refusal shows in the banner."""
        def done(_result: Any) -> None:
            self._done(notice=notice)
            if on_done is not None:
                on_done()

        return self.ctx.ops.write(
            call, title=self.windowTitle(), parent=self, on_done=done,
            on_error=lambda exc: self.error_banner.show_message(exc.message(self.ctx.lang)))

    def add_user(self) -> UserFormDialog:
        def save(values: dict[str, Any]) -> Op:
            return self._write(lambda: users.add_user(
                self.ctx.session, values["login"], values["name"], values["role"],
                grids=values["grids"], password=values["password"], cert_no=values["cert_no"]))

        dialog = UserFormDialog(self.ctx, save, self)

        def added() -> None:
            login = dialog.login_edit.text().strip()
            self._done(login, self.tr("User {} added").format(login))

        return self._open(dialog, added)

    def change_role(self) -> RoleDialog | None:
        row = self.current_row()
        if row is None or not self.role_button.isEnabled():
            return None
        dialog = RoleDialog(self.ctx.lang, row,
                            lambda role: self._write(lambda: users.set_role(self.ctx.session, row.login, role)),
                            self)
        return self._open(dialog, lambda: self._done(row.login))

    def change_grids(self) -> GridsDialog | None:
        row = self.current_row()
        if row is None or not self.grids_button.isEnabled():
            return None
        dialog = GridsDialog(self.ctx, row,
                             lambda ids: self._write(lambda: users.set_grids(self.ctx.session, row.login, ids)),
                             self)
        return self._open(dialog, lambda: self._done(row.login))

    def change_password(self) -> PasswordDialog | None:
        row = self.current_row()
        if row is None or not self.password_button.isEnabled():
            return None
        dialog = PasswordDialog(self.ctx.lang, row,
                                lambda pw: self._write(lambda: users.set_password(self.ctx.session, row.login, pw)),
                                self)
        return self._open(dialog, lambda: self._done(
            row.login, self.tr("Password of {} changed").format(row.login)))

    def toggle_active(self) -> Op | None:
        row = self.current_row()
        if row is None or not self.active_button.isEnabled():
            return None
        return self._run(lambda: users.set_active(self.ctx.session, row.login, not row.active),
                         on_done=lambda: self.select_login(row.login))

    def add_grid(self) -> GridDialog:
        def save(values: dict[str, Any]) -> Op:
            return self._write(lambda: users.add_grid(self.ctx.session, values["name"], code=values["code"],
                                                      village=values["village"]))

        dialog = GridDialog(self.ctx, save, self)
        return self._open(dialog, lambda: self._done(
            notice=self.tr("Grid {} added").format(dialog.name_edit.text().strip())))

    def _open(self, dialog: RecordDialog, on_saved: Callable[[], None]) -> Any:
        """Window-modal, not a nested event loop (as the record pages open their dialogs)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_saved)
        dialog.open()
        return dialog

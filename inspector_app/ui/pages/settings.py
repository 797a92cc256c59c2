"""设置 page: interface language, who is logged in (users and grids), where the data lives,
the demo offer."""

from __future__ import annotations

from ... import __version__
from ...core.permissions import Action, can
from ...services import users
from ...services.changes import USERS, Changes
from ..context import AppContext
from ..dialogs.login import open_switch_user, role_name, user_summary
from ..i18n import LANGUAGE_NAMES
from ..qt import (
    QCheckBox,
    QComboBox,
    QDesktopServices,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import heading


class SettingsPage(QWidget):
    language_chosen = Signal(str)  # "zh_CN" | "en"
    choose_data_dir_requested = Signal()
    user_switched = Signal()  # after 切换用户: the window may rebuild for the new role

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(ctx.settings.language), 0)
        )
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language_combo.currentData())
        )
        language_box = QGroupBox(self.tr("Interface"))
        form = QFormLayout(language_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Language"), self.language_combo)
        hint = QLabel(self.tr("The change applies at once; records keep their own language."))
        hint.setStyleSheet("color: #5f6368;")
        form.addRow("", hint)

        self.data_dir_label = QLabel(str(ctx.data_dir))
        self.data_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_dir_label.setWordWrap(True)
        open_button = QPushButton(self.tr("Open folder"))
        open_button.clicked.connect(self.open_data_dir)
        change_button = QPushButton(self.tr("Use another data folder…"))
        change_button.clicked.connect(lambda _c=False: self.choose_data_dir_requested.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(change_button)
        buttons.addStretch(1)
        users_box = self._users_box()

        data_box = QGroupBox(self.tr("Data"))
        data_form = QFormLayout(data_box)
        data_form.addRow(self.tr("Data folder"), self.data_dir_label)
        data_form.addRow("", buttons)
        kind = self.tr("demo store (invented records)") if ctx.is_demo else self.tr("real store")
        data_form.addRow(self.tr("This store"), QLabel(kind))
        self.demo_offer_check = QCheckBox(self.tr("Offer the demo store when the database is empty"))
        self.demo_offer_check.setChecked(not ctx.settings.demo_offer_dismissed)
        self.demo_offer_check.toggled.connect(self._set_demo_offer)
        data_form.addRow("", self.demo_offer_check)

        about_box = QGroupBox(self.tr("About"))
        about = QFormLayout(about_box)
        about.addRow(self.tr("Version"), QLabel(__version__))
        settings_file = QLabel(ctx.settings.file_name)
        settings_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        settings_file.setWordWrap(True)
        about.addRow(self.tr("Settings file"), settings_file)
        if ctx.log_path:
            log_label = QLabel(str(ctx.log_path))
            log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            log_label.setWordWrap(True)
            about.addRow(self.tr("Log file"), log_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Settings"), 6))
        layout.addWidget(language_box)
        layout.addWidget(users_box)
        layout.addWidget(self._calendar_box())
        layout.addWidget(data_box)
        layout.addWidget(about_box)
        layout.addStretch(1)

    def _calendar_box(self) -> QGroupBox:
        """期限与检查频次: the rest days deadlines count with, regional holidays, intervals."""
        box = QGroupBox(self.tr("Deadlines and inspection intervals"))
        row = QHBoxLayout(box)
        self.calendar_button = QPushButton(self.tr("Work calendar and inspection intervals…"))
        self.calendar_button.clicked.connect(lambda _c=False: self.open_work_calendar())
        hint = QLabel(self.tr("Official holidays and make-up working days, this region's extra "
                              "holidays, how often each risk colour is inspected."))
        hint.setStyleSheet("color: #5f6368;")
        hint.setWordWrap(True)
        row.addWidget(self.calendar_button)
        row.addWidget(hint, 1)
        return box

    def open_work_calendar(self):  # noqa: ANN201 - the dialog it opened
        from ..dialogs.work_calendar import open_work_calendar

        return open_work_calendar(self.ctx, self.window())

    def _users_box(self) -> QGroupBox:
        """用户与网格: who is logged in, 保持登录, 切换用户, and (admins) user management."""
        box = QGroupBox(self.tr("Users and grids"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.user_label = QLabel()
        self.stay_check = QCheckBox(self.tr("Stay logged in on this device"))
        self.stay_check.setToolTip(self.tr(
            "When not ticked, a user with a password must type it each time the program starts."))
        self.stay_check.toggled.connect(self._set_stay)
        self.switch_user_button = QPushButton(self.tr("Switch user…"))
        self.switch_user_button.clicked.connect(self.switch_user)
        self.password_button = QPushButton(self.tr("Change my password…"))
        self.password_button.clicked.connect(self.change_password)
        self.manage_users_button = QPushButton(self.tr("Manage users and grids…"))
        self.manage_users_button.clicked.connect(self.manage_users)
        self.manage_hint = QLabel()
        self.manage_hint.setStyleSheet("color: #5f6368;")
        self.manage_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_user_button)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.manage_users_button)
        buttons.addStretch(1)
        form.addRow(self.tr("Logged in as"), self.user_label)
        form.addRow("", self.stay_check)
        form.addRow("", buttons)
        form.addRow("", self.manage_hint)
        self.ctx.events.changed.connect(self._on_changed)
        self.update_user()
        return box

    def update_user(self) -> None:
        """Show the logged-in user and what they may do here (after a switch or a change)."""
        user = self.ctx.session.user
        self.user_label.setText(user_summary(self.ctx.session))
        self.stay_check.blockSignals(True)
        self.stay_check.setChecked(users.stays_logged_in(self.ctx.session.store))
        self.stay_check.blockSignals(False)
        admin = can(user, Action.MANAGE_USERS)
        self.manage_users_button.setEnabled(admin)
        self.manage_hint.setText("" if admin else self.tr(
            "Only an administrator can manage users and grids; you are logged in as {}.").format(
                role_name(user.role)))
        self.manage_hint.setVisible(not admin)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(USERS):
            self.update_user()

    def _set_stay(self, stay: bool) -> None:
        session = self.ctx.session
        self.ctx.ops.write(lambda: users.set_stay_logged_in(session, stay),
                           title=self.tr("Stay logged in on this device"), parent=self.window())

    def switch_user(self):  # noqa: ANN201 - the login dialog it opened
        return open_switch_user(self.ctx, self.window(), self.user_switched.emit)

    def change_password(self):  # noqa: ANN201 - the dialog it opened
        from ..dialogs.users import OwnPasswordDialog

        dialog = OwnPasswordDialog(self.ctx, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.ctx.events.notice.emit(self.tr("Your password was changed")))
        dialog.open()
        return dialog

    def manage_users(self):  # noqa: ANN201 - the users dialog it opened
        from ..dialogs.users import UsersDialog  # only admins open it: import on demand

        if not can(self.ctx.session.user, Action.MANAGE_USERS):
            return None
        dialog = UsersDialog(self.ctx, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _set_demo_offer(self, offered: bool) -> None:
        self.ctx.settings.demo_offer_dismissed = not offered

    def open_data_dir(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))

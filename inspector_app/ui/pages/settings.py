"""设置 page: interface language, where the data lives, the demo offer."""

from __future__ import annotations

from ... import __version__
from ..context import AppContext
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
        layout.addWidget(data_box)
        layout.addWidget(about_box)
        layout.addStretch(1)

    def _set_demo_offer(self, offered: bool) -> None:
        self.ctx.settings.demo_offer_dismissed = not offered

    def open_data_dir(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))

"""The one door to Qt: every other ui module imports Qt names from here, never from PySide6.

Keeping the binding behind one module means a version quirk is handled once, and a test
can prove that nothing outside ``inspector_app/ui`` touches Qt (design.md §1).
"""

from __future__ import annotations

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRunnable,
    QSettings,
    QSize,
    QStringListModel,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QTableView,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "PYSIDE_VERSION", "QT_TRANSLATE_NOOP", "QAbstractItemView", "QAbstractTableModel", "QAction",
    "QActionGroup", "QApplication", "QBrush", "QCloseEvent", "QButtonGroup", "QByteArray", "QCheckBox", "QColor",
    "QComboBox", "QCompleter", "QCoreApplication", "QDate", "QDateEdit", "QDesktopServices",
    "QDialog", "QDialogButtonBox", "QEvent", "QFileDialog", "QFont", "QFormLayout", "QFrame",
    "QGridLayout", "QGroupBox", "QGuiApplication", "QHBoxLayout", "QHeaderView", "QIcon", "QItemSelectionModel",
    "QKeySequence", "QLabel", "QLibraryInfo", "QLineEdit", "QListWidget", "QListWidgetItem",
    "QLocale", "QMainWindow", "QMessageBox", "QModelIndex", "QObject", "QPainter", "QPalette",
    "QPersistentModelIndex", "QPixmap", "QPlainTextEdit", "QPoint", "QProgressDialog",
    "QPushButton", "QRadioButton", "QRunnable", "QScrollArea", "QSettings", "QShortcut", "QSize",
    "QSizePolicy", "QSpinBox", "QSplitter", "QStackedWidget", "QStandardItem",
    "QStandardItemModel", "QStatusBar", "QStringListModel", "QStyle", "QTableView",
    "QTextBrowser", "QThreadPool", "QTimer", "QToolBar", "QToolButton", "QTranslator", "QUndoCommand",
    "QUndoStack", "QUrl", "QVBoxLayout", "QWidget", "Qt", "Signal", "Slot", "qt_runtime_version",
    "translate",
]


def qt_runtime_version() -> str:
    """The Qt library version actually loaded (may differ from the binding's own)."""
    return qVersion()


def translate(context: str, text: str, n: int = -1) -> str:
    """``QCoreApplication.translate`` for code outside a QObject (labels, undo texts).

    pyside6-lupdate only sees literal calls, so callers write
    ``QCoreApplication.translate("Ctx", "…")`` or mark tables with ``QT_TRANSLATE_NOOP`` and
    look them up through this function at display time.
    """
    return QCoreApplication.translate(context, text, None, n)

"""The one door to Qt: every other ui module imports Qt names from here, never from PySide6.

Keeping the binding behind one module means a version quirk is handled once, and a test
can prove that nothing outside ``inspector_app/ui`` touches Qt (design.md §1).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QRunnable,
    QSettings,
    QSize,
    QStandardPaths,
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
    QClipboard,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPixmapCache,
    QPolygon,
    QPolygonF,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QUndoCommand,
    QUndoStack,
    QValidator,
)
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QSystemTrayIcon,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractButton", "QAbstractSpinBox", "QTextEdit", "QFocusEvent", "QValidator", "QStandardPaths",
    "QPaintEvent",
    "QCalendarWidget", "QTableWidget", "QTableWidgetItem", "QTextCharFormat",
    "NONE_WORKAROUND", "PYSIDE_VERSION", "QT_TRANSLATE_NOOP", "QAbstractItemModel", "QAbstractItemView", "QAbstractListModel",
    "QDragEnterEvent", "QDragMoveEvent", "QDropEvent", "QImage", "QKeyEvent", "QListView", "QMimeData", "QPixmapCache",
    "QResizeEvent", "QAbstractTableModel", "QAction",
    "QActionGroup", "QApplication", "QBrush", "QCloseEvent", "QButtonGroup", "QByteArray", "QCheckBox", "QColor",
    "QComboBox", "QCompleter", "QCoreApplication", "QDate", "QDateEdit", "QDateTime", "QDateTimeEdit", "QDesktopServices",
    "QDialog", "QDialogButtonBox", "QEvent", "QFileDialog", "QFont", "QFormLayout", "QFrame",
    "QGridLayout", "QGroupBox", "QGuiApplication", "QHBoxLayout", "QHeaderView", "QIcon", "QInputMethodEvent", "QItemSelectionModel",
    "QKeySequence", "QLabel", "QLibraryInfo", "QLineEdit", "QListWidget", "QListWidgetItem",
    "QLocale", "QMainWindow", "QMenu", "QMessageBox", "QModelIndex", "QObject", "QPainter", "QPalette",
    "QPersistentModelIndex", "QPixmap", "QPlainTextEdit", "QPoint", "QRect", "QProgressDialog",
    "QPushButton", "QRadioButton", "QRunnable", "QScrollArea", "QSettings", "QShortcut", "QShowEvent", "QSize",
    "QSizePolicy", "QSpinBox", "QSplitter", "QStackedWidget", "QStandardItem",
    "QStandardItemModel", "QStatusBar", "QStringListModel", "QStyle", "QSystemTrayIcon", "QTableView", "QTabWidget",
    "QTextBrowser", "QThreadPool", "QTimer", "QToolBar", "QToolButton", "QTranslator", "QUndoCommand",
    "QUndoStack", "QUrl", "QVBoxLayout", "QWidget", "Qt", "Signal", "Slot", "qt_runtime_version",
    "translate",
    "QClipboard", "QFontMetrics", "QGraphicsEllipseItem", "QGraphicsItem", "QGraphicsPathItem",
    "QGraphicsPixmapItem", "QGraphicsRectItem", "QGraphicsScene", "QGraphicsSimpleTextItem",
    "QGraphicsView", "QImageReader", "QMouseEvent", "QPainterPath", "QPen", "QPointF", "QPolygon", "QPolygonF", "QRectF",
    "QStyleOptionViewItem", "QStyledItemDelegate",
    "QLocalServer", "QLocalSocket",
]


def _void_calls_drop_none() -> bool:
    """True if calling a void C++ method drops a reference to ``None`` (PySide6 6.12.0).

    That release decrements ``None``'s reference count on every call of a method returning
    void. From Python 3.12 on ``None`` is immortal and nothing happens; on 3.11 the count
    reaches zero after a few thousand calls and the interpreter aborts with "none_dealloc:
    deallocating None". 6.11 does not have the bug. Probed, not version-matched, so a fixed
    release switches the workaround off by itself.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    probe = QByteArray(b"x")
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.clear()
    return before - sys.getrefcount(None) >= 100


def _make_none_immortal() -> None:
    """Backport Python 3.12's immortal ``None``: a count no leak can use up.

    ``ob_refcnt`` is the first field of every CPython object; adding 2**60 once means the
    leaked decrements can never reach zero, at run time or at interpreter shutdown.
    """
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 60


NONE_WORKAROUND = _void_calls_drop_none()
if NONE_WORKAROUND:
    _make_none_immortal()
    for _value in (True, False):  # the same stray decrements reach the bools (bool_dealloc)
        ctypes.c_ssize_t.from_address(id(_value)).value += 1 << 60


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

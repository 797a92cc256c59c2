"""Loading the UI translation: English is the source language, Chinese the default."""

from __future__ import annotations

from pathlib import Path

from ..resources_path import resource_path
from .qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}  # each in its own language, never translated


def _load_copy(translator: QTranslator, path: Path) -> bool:
    """Load a .qm from a copy in memory: Qt would map the file, and a file replaced while the
    app runs (an update, a rebuilt translation) would crash it on the next lookup (SIGBUS)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if not translator.load(data):
        return False
    translator.qm_data = data  # type: ignore[attr-defined]  # Qt keeps a pointer into it
    return True


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own translations (qtbase_*.qm) may be: Qt's configured folder, the PySide6
    package's (a frozen or relocated installation may report a wrong one), our resources."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        dirs.append(Path(PySide6.__file__).parent / "Qt" / "translations")
        dirs.append(Path(PySide6.__file__).parent / "translations")
    except ImportError:  # pragma: no cover - PySide6 is what runs this
        pass
    dirs.append(Path(resource_path("i18n")))
    return dirs


def qm_path(language: str) -> str:
    return str(resource_path("i18n", f"inspector_{language}.qm"))


def service_lang(language: str) -> str:
    """The ``lang`` that ``DomainError.message()`` and ``Notice.message()`` take."""
    return "en" if language.startswith("en") else "zh"


class Translations:
    """Installs the app's and Qt's own translators for one language; switchable at run time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Switch to ``language``; False if its .qm file is missing (then English shows)."""
        self.clear()
        self.language = language
        if language == "en":
            QLocale.setDefault(QLocale("en_US"))
            return True
        QLocale.setDefault(QLocale(language))
        app_tr = QTranslator(self._app)
        ok = _load_copy(app_tr, Path(qm_path(language)))
        if ok:  # installed first, so Qt's own (below) is asked first and ours fills its gaps
            self._app.installTranslator(app_tr)
            self._installed.append(app_tr)
        # Qt's own strings (OK/Cancel, the file dialog …) from the translations Qt ships
        qt_tr = QTranslator(self._app)
        for folder in qt_translation_dirs():
            if _load_copy(qt_tr, folder / f"qtbase_{language}.qm"):
                self._app.installTranslator(qt_tr)
                self._installed.append(qt_tr)
                break
        return ok

    def clear(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"


def _qt_gaps() -> list[str]:
    """Strings of Qt's own dialogs that Qt's Chinese translation lacks (the file dialog's
    "Folder", the calendar's buttons). Never called: the literal calls put them
    in our .ts, and our translator, installed behind Qt's, answers for them."""
    return [
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Shortcut", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Unknown"),
        QCoreApplication.translate("QCalendarWidget", "Today"),
        QCoreApplication.translate("QCalendarWidget", "Previous Month"),
        QCoreApplication.translate("QCalendarWidget", "Next Month"),
    ]

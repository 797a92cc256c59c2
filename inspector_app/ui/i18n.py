"""Loading the UI translation: English is the source language, Chinese the default."""

from __future__ import annotations

from ..resources_path import resource_path
from .qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}  # each in its own language, never translated


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
        ok = app_tr.load(qm_path(language))
        if ok:
            self._app.installTranslator(app_tr)
            self._installed.append(app_tr)
        # Qt's own strings (OK/Cancel, the file dialog …) from the translations Qt ships
        qt_tr = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_tr.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_tr)
            self._installed.append(qt_tr)
        return ok

    def clear(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"

"""Icons: small original SVGs in resources/icons, with a Qt standard icon as fallback."""

from __future__ import annotations

from ..resources_path import resource_path
from .qt import QApplication, QIcon, QStyle

_FALLBACK = {
    "dashboard": QStyle.StandardPixmap.SP_DesktopIcon,
    "sites": QStyle.StandardPixmap.SP_DirHomeIcon,
    "inspections": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "hazards": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "documents": QStyle.StandardPixmap.SP_FileIcon,
    "sync": QStyle.StandardPixmap.SP_BrowserReload,
    "statistics": QStyle.StandardPixmap.SP_FileDialogListView,
    "settings": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "add": QStyle.StandardPixmap.SP_FileDialogNewFolder,
    "edit": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "delete": QStyle.StandardPixmap.SP_TrashIcon,
    "undo": QStyle.StandardPixmap.SP_ArrowBack,
    "redo": QStyle.StandardPixmap.SP_ArrowForward,
    "app": QStyle.StandardPixmap.SP_ComputerIcon,
}


def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if path.is_file():
        found = QIcon(str(path))
        if not found.isNull():
            return found
    style = QApplication.style()
    return style.standardIcon(_FALLBACK.get(name, QStyle.StandardPixmap.SP_FileIcon))

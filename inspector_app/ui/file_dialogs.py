"""The one way the app asks for a file or folder: the platform's own dialog where it has one,
opened in a sensible folder (the one used last, else the user's documents, never the
program's folder), and that folder remembered for next time (``Settings.last_file_dir``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .qt import QFileDialog, QStandardPaths, Qt, QWidget
from .settings import Settings


def start_folder(settings: Settings) -> Path:
    """The last folder a file dialog was used in (if it still exists), else Documents."""
    last = settings.last_file_dir
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember(settings: Settings, chosen: str | Path) -> None:
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if str(folder) and folder.is_dir():
        settings.last_file_dir = str(folder)


def file_dialog(
    parent: QWidget, settings: Settings, title: str, on_chosen: Callable[[list[str]], None], *,
    filters: list[str] | None = None, save_name: str | None = None, suffix: str | None = None,
    many: bool = False, folder: str | Path | None = None,
) -> QFileDialog:
    """Open (non-blocking) a dialog to pick one file, several (``many``), or a file to save
    (``save_name``: the suggested name). ``on_chosen`` gets the chosen paths; the folder is
    remembered. ``folder`` overrides the start folder (e.g. where the last import came from).
    The dialog deletes itself when closed."""
    dialog = QFileDialog(parent, title)
    start = Path(folder) if folder and Path(folder).is_dir() else start_folder(settings)
    if save_name is not None:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(str(start / save_name))
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile)
    dialog.setDirectory(str(start))
    if filters:
        dialog.setNameFilters(filters)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(files: list[str]) -> None:
        if files:
            remember(settings, files[0])
            on_chosen(list(files))

    dialog.filesSelected.connect(chosen)
    dialog.open()
    return dialog


def choose_folder(parent: QWidget | None, settings: Settings, title: str, folder: str | Path | None = None) -> Path | None:
    """Ask for a folder (blocking, as before a window exists); remembered like a file's."""
    start = Path(folder) if folder and Path(folder).is_dir() else start_folder(settings)
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    if not chosen:
        return None
    remember(settings, chosen)
    return Path(chosen)

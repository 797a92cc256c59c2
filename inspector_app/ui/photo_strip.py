"""The photo strip under a hazard's details: lazy thumbnails, adding photos, the viewer.

Thumbnails come from the store's small JPEGs (``thumbnail_path``), loaded only when the
view paints an item and cached per sha256; the strip never decodes an original.
Imports run as an Op (worker thread, progress, cancel) and end with a per-file summary.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..core.errors import DomainError
from ..photos.results import DUPLICATE, ERROR, OK, BatchResult
from ..services import photos as photo_service
from ..services.changes import HAZARDS, Changes
from ..services.photos import PHOTOS
from . import labels
from .context import AppContext
from .qt import (
    QAbstractItemView,
    QAbstractListModel,
    QComboBox,
    QCoreApplication,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFileDialog,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QListView,
    QMessageBox,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPixmap,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

THUMB = QSize(112, 84)
PHASE_CODES = ("before", "after", "scene")


def phase_label(code: str | None) -> str:
    if code == "before":
        return QCoreApplication.translate("PhotoStrip", "Before rectification")
    if code == "after":
        return QCoreApplication.translate("PhotoStrip", "After rectification")
    if code == "scene":
        return QCoreApplication.translate("PhotoStrip", "On site")
    return code or ""


class PhotoListModel(QAbstractListModel):
    """The photos of one hazard; ``DecorationRole`` loads a thumbnail on first ask."""

    PhotoRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hazard_id: str | None = None
        self.photos: list[dict[str, Any]] = []
        self._pixmaps: dict[str, QPixmap] = {}  # sha256 -> scaled thumbnail

    def set_hazard(self, hazard_id: str | None) -> None:
        self.beginResetModel()
        self.hazard_id = hazard_id
        self.photos = []
        if hazard_id is not None:
            try:
                self.photos = photo_service.photos_of_hazard(self.ctx.session, hazard_id)
            except DomainError as exc:
                log.info("photos of %s: %s", hazard_id, exc)
        self.endResetModel()

    def reload(self) -> None:
        self.set_hazard(self.hazard_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.photos)

    def photo(self, row: int) -> dict[str, Any] | None:
        return self.photos[row] if 0 <= row < len(self.photos) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        photo = self.photo(index.row()) if index.isValid() else None
        if photo is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return phase_label(photo["phase"])
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(photo["sha256"])
        if role == Qt.ItemDataRole.ToolTipRole:
            taken = labels.local_time(photo["taken_at"]) if photo["taken_at"] else self.tr("unknown")
            return "\n".join([phase_label(photo["phase"]), self.tr("Taken: {}").format(taken),
                              photo.get("original_name") or ""]).strip()
        if role == self.PhotoRole:
            return photo
        return None

    def thumbnail(self, sha256: str) -> QPixmap:
        cached = self._pixmaps.get(sha256)
        if cached is not None:
            return cached
        pixmap = QPixmap()
        try:
            path = photo_service.thumbnail_path(self.ctx.session, sha256)
            pixmap.load(str(path))
        except (DomainError, OSError) as exc:
            log.info("thumbnail of %s: %s", sha256[:12], exc)
        if pixmap.isNull():
            pixmap = QPixmap(THUMB)
            pixmap.fill(Qt.GlobalColor.lightGray)
        else:
            pixmap = pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self._pixmaps[sha256] = pixmap
        return pixmap


class PhotoListView(QListView):
    """Icon grid that takes dropped files and folders and opens a photo on Enter."""

    files_dropped = Signal(list)  # list[str]
    open_requested = Signal(int)  # row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 16, THUMB.height() + 30))
        self.setSpacing(4)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    @staticmethod
    def _local_paths(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = self._local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)


class PhotoStrip(QWidget):
    """The selected hazard's photos: thumbnails, "Add photos…" with a phase, the viewer."""

    imported = Signal(object)  # BatchResult, after the summary is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.import_workers: int | None = None  # processes for import_photos (None: per CPU)
        self.model = PhotoListModel(ctx, self)
        self.view = PhotoListView(self)
        self.view.setModel(self.model)
        self.view.setMinimumHeight(THUMB.height() + 40)
        self.view.files_dropped.connect(self.import_files)
        self.view.open_requested.connect(self.open_viewer)
        self.title_label = QLabel()
        self.phase_combo = QComboBox()
        for code in PHASE_CODES:
            self.phase_combo.addItem(phase_label(code), code)
        self.phase_combo.setCurrentIndex(self.phase_combo.findData("scene"))
        self.phase_combo.setToolTip(self.tr("Phase of the photos you add"))
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.setToolTip(self.tr("Add photos or videos; you can also drop files or folders here"))
        self.add_button.clicked.connect(lambda _c=False: self.choose_files())
        self.empty_label = QLabel(self.tr("No photos yet. Drop files here or use “Add photos…”."))
        self.empty_label.setStyleSheet("color: #5f6368;")
        self.empty_label.setWordWrap(True)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title_label)
        head.addStretch(1)
        head.addWidget(self.phase_combo)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self.file_dialog: QFileDialog | None = None
        self.result_box: QMessageBox | None = None
        self.viewer = None  # the open PhotoViewer, if any
        self.last_summary = ""
        self.model.modelReset.connect(self._update)
        ctx.events.changed.connect(self._on_changed)
        self._update()

    # ------------------------------------------------------------------ state
    @property
    def hazard_id(self) -> str | None:
        return self.model.hazard_id

    def set_hazard(self, hazard_id: str | None) -> None:
        self.model.set_hazard(hazard_id)

    def shutdown(self) -> None:
        try:
            self.ctx.events.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass

    def _on_changed(self, changes: Changes) -> None:
        if self.model.hazard_id is not None and changes.touches(PHOTOS, HAZARDS):
            self.model.reload()

    def _update(self) -> None:
        has_hazard = self.model.hazard_id is not None
        n = self.model.rowCount()
        self.title_label.setText(self.tr("Photos ({})").format(n))
        self.add_button.setEnabled(has_hazard)
        self.phase_combo.setEnabled(has_hazard)
        self.view.setAcceptDrops(has_hazard)
        self.empty_label.setVisible(has_hazard and n == 0)

    # ------------------------------------------------------------------ adding
    def phase(self) -> str:
        return self.phase_combo.currentData() or "scene"

    def choose_files(self) -> QFileDialog | None:
        if self.model.hazard_id is None:
            return None
        dialog = QFileDialog(self.window(), self.tr("Add photos"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([
            self.tr("Photos and videos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.mp4 *.mov *.m4v *.avi)"),
            self.tr("All files (*)"),
        ])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda files: self.import_files(list(files)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def import_files(self, paths: list[str]):  # noqa: ANN201 - returns the Op (or None)
        """Import files/folders into the selected hazard with the chosen phase (an Op)."""
        hazard_id, phase, workers = self.model.hazard_id, self.phase(), self.import_workers
        if hazard_id is None or not paths:
            return None
        session = self.ctx.session

        def job(progress, cancel) -> BatchResult:
            return photo_service.import_photos(session, hazard_id, paths, phase, progress, cancel,
                                               workers=workers)

        return self.ctx.ops.run(job, title=self.tr("Adding photos"), parent=self.window(),
                                on_success=self._on_imported)

    def _on_imported(self, result: BatchResult) -> None:
        if result.changes:
            self.ctx.events.publish(result.changes)
        ok, dup, failed = result.count(OK), result.count(DUPLICATE), result.failed
        summary = self.tr("Photos: {} added, {} already there, {} failed").format(ok, dup, len(failed))
        self.last_summary = summary
        self.ctx.events.notice.emit(summary)
        lines = []
        for r in result.results:
            name = Path(r.path).name
            if r.status == OK:
                lines.append(self.tr("✓ {}").format(name))
            elif r.status == DUPLICATE:
                lines.append(self.tr("= {} (already added)").format(name))
            elif r.status == ERROR:
                lines.append(self.tr("✗ {}").format(r.message(self.ctx.lang) or name))
            else:
                lines.append(self.tr("– {} (cancelled)").format(name))
        lines += [self.tr("– {} (not a photo or video, skipped)").format(Path(p).name) for p in result.skipped]
        self.add_button.setToolTip("\n".join([summary, *lines[:30]]))
        if failed or dup or result.skipped or result.cancelled:
            box = QMessageBox(QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information,
                              self.tr("Adding photos"), summary, QMessageBox.StandardButton.Ok,
                              self.window())
            box.setInformativeText("\n".join(lines[:12] + (["…"] if len(lines) > 12 else [])))
            box.setDetailedText("\n".join(lines))
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.result_box = box
            box.destroyed.connect(lambda _o=None: setattr(self, "result_box", None))
            box.show()
        self.imported.emit(result)

    # ------------------------------------------------------------------ viewing
    def open_viewer(self, row: int):  # noqa: ANN201 - returns the PhotoViewer
        from .dialogs.photo_viewer import PhotoViewer

        if self.model.photo(row) is None:
            return None
        viewer = PhotoViewer(self.ctx, list(self.model.photos), row, parent=self.window())
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.destroyed.connect(lambda _o=None: setattr(self, "viewer", None))
        self.viewer = viewer
        viewer.open()
        return viewer

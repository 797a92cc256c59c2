"""The photo strip of a hazard or an inspection: lazy thumbnails, adding photos, the viewer.

The strip shows the photos of one ``PhotoTarget``: a hazard (phases before/after/scene, the
before/after comparison) or an inspection (on-site photos only, no comparison).

Thumbnails come from the store's small JPEGs (``thumbnail_path``), loaded only when the
view paints an item and kept in a bounded LRU (a hazard may hold thousands of photos); the
strip never decodes an original. Each tile carries a phase badge and, for a flagged link,
a ⚠ badge whose tooltip says why. Imports (files, folders, drops, Ctrl+V of files or image
data) run as an Op (worker thread, progress, cancel) and end with a per-file summary.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

from ..photos.results import (
    DUPLICATE,
    ERROR,
    OK,
    BatchResult,
)
from ..photos.sniff import PHOTO
from ..services import photo_edits
from ..services import photos as photo_service
from ..services.changes import HAZARDS, INSPECTIONS, Changes
from ..services.photos import PHOTOS, PhotoTarget
from .context import AppContext
from .file_dialogs import file_dialog
from .photo_labels import (  # noqa: F401 - re-exported for the pages that show photos
    FLAG_COLOR,
    INSPECTION_PHASES,
    PHASE_CODES,
    PHASE_COLORS,
    flag_reasons,
    phase_badge,
    phase_label,
)
from .photo_list import (  # noqa: F401 - the grid's parts, re-exported
    EMPTY_VIEW_HEIGHT,
    PASTE_FORMATS,
    THUMB,
    THUMB_CACHE,
    PhotoDelegate,
    PhotoListModel,
    PhotoListView,
    target_phases,
)
from .qt import (
    QComboBox,
    QFileDialog,
    QGuiApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMenu,
    QMessageBox,
    QMimeData,
    QPoint,
    QPushButton,
    QShortcut,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .widgets import open_box

log = logging.getLogger(__name__)


class PhotoStrip(QWidget):
    """The photos of a hazard or an inspection: thumbnails, "Add photos…" with a phase, the viewer."""

    imported = Signal(object)  # BatchResult, after the summary is shown
    collapsed_changed = Signal(bool)  # only when collapsible

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
        self.view.remove_requested.connect(self.remove_photo)
        self.view.setToolTip(self.tr("Enter or double-click: open · Del: remove · Ctrl+V: paste photos"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.title_label = QLabel()
        self.title_text: str | None = None  # set_title(); None: "Photos ({})"
        self.toggle_button = QToolButton()  # shown when collapsible: folds the thumbnails away
        self.toggle_button.setCheckable(True)
        self.toggle_button.setChecked(True)
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle_button.setToolTip(self.tr("Show or hide the photos"))
        self.toggle_button.setStyleSheet("QToolButton { border: none; font-weight: bold; padding: 2px; }")
        self.toggle_button.toggled.connect(self._toggled)
        self.toggle_button.hide()
        self.phase_combo = QComboBox()
        self._fill_phases(PHASE_CODES)
        self.phase_combo.setToolTip(self.tr("Phase of the photos you add"))
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.setToolTip(self.tr("Add photos or videos; you can also drop files or folders here"))
        self.add_button.clicked.connect(lambda _c=False: self.choose_files())
        self.compare_button = QPushButton(self.tr("Before/after comparison"))
        self.compare_button.setToolTip(self.tr("Before and after rectification side by side"))
        self.compare_button.clicked.connect(lambda _c=False: self.open_compare())
        self.empty_label = QLabel(self.tr("No photos yet. Drop files here, paste (Ctrl+V) or use “Add photos…”."))
        self.empty_label.setStyleSheet("color: #5f6368;")
        self.empty_label.setWordWrap(True)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.toggle_button)
        head.addWidget(self.title_label)
        head.addStretch(1)
        head.addWidget(self.compare_button)
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
        self.compare = None  # the open PhotoCompare, if any
        self.confirm_box: QMessageBox | None = None
        self.last_summary = ""
        self.paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, self)
        self.paste_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_shortcut.activated.connect(self.paste)
        self.model.modelReset.connect(self._update)
        ctx.events.changed.connect(self._on_changed)
        self._update()

    # ------------------------------------------------------------------ state
    @property
    def hazard_id(self) -> str | None:
        return self.model.hazard_id

    @property
    def target(self) -> PhotoTarget | None:
        return self.model.target

    def set_target(self, target: PhotoTarget | None) -> None:
        """Show the photos of ``target`` (a hazard or an inspection; None: nothing)."""
        phases = target_phases(target)
        if tuple(self.phase_combo.itemData(i) for i in range(self.phase_combo.count())) != phases:
            self._fill_phases(phases)
        self.model.set_target(target)

    def set_hazard(self, hazard_id: str | None) -> None:
        self.set_target(PhotoTarget(hazard_id=hazard_id) if hazard_id else None)

    def set_title(self, text: str) -> None:
        """The heading, with "{}" for the number of photos (default: "Photos ({})")."""
        self.title_text = text
        self._update()

    def set_collapsible(self, collapsible: bool) -> None:
        """A fold arrow before the title: collapsed, only the heading row stays."""
        self.toggle_button.setVisible(collapsible)
        self.title_label.setVisible(not collapsible)
        if not collapsible:
            self.toggle_button.setChecked(True)
        self._update()

    def is_collapsed(self) -> bool:
        return not self.toggle_button.isHidden() and not self.toggle_button.isChecked()

    def set_collapsed(self, collapsed: bool) -> None:
        self.toggle_button.setChecked(not collapsed)

    def _toggled(self, expanded: bool) -> None:
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._update()
        self.collapsed_changed.emit(not expanded)

    def _fill_phases(self, phases: tuple[str, ...]) -> None:
        self.phase_combo.clear()
        for code in phases:
            self.phase_combo.addItem(phase_label(code), code)
        self.phase_combo.setCurrentIndex(self.phase_combo.findData("scene"))

    def shutdown(self) -> None:
        self.ctx.events.unsubscribe(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        target = self.model.target
        if target is None:
            return
        if changes.touches(PHOTOS, HAZARDS if target.hazard_id else INSPECTIONS):
            self.model.refresh()

    def _update(self) -> None:
        target = self.model.target
        has_target = target is not None
        n = self.model.rowCount()
        title = (self.title_text or self.tr("Photos ({})")).format(n)
        self.title_label.setText(title)
        self.toggle_button.setText(title)
        expanded = self.toggle_button.isHidden() or self.toggle_button.isChecked()
        self.add_button.setEnabled(has_target)
        self.phase_combo.setEnabled(has_target)
        self.phase_combo.setVisible(self.phase_combo.count() > 1)  # one choice: nothing to choose
        self.view.setAcceptDrops(has_target)
        self.view.setVisible(expanded)
        # no photos yet: a low drop area, so a checklist beside the strip keeps its room
        self.view.setMinimumHeight(EMPTY_VIEW_HEIGHT if n == 0 else THUMB.height() + 40)
        self.empty_label.setVisible(expanded and has_target and n == 0)
        self.compare_button.setVisible(has_target and bool(target and target.hazard_id)
                                       and self.model.has_phases("before", "after"))
        # folded: only the heading row, so a splitter cannot hand the strip empty room
        self.setMaximumHeight(16777215 if expanded else self.layout().minimumSize().height())

    # ------------------------------------------------------------------ adding
    def phase(self) -> str:
        return self.phase_combo.currentData() or "scene"

    def choose_files(self) -> QFileDialog | None:
        if self.model.target is None:
            return None
        self.file_dialog = file_dialog(
            self.window(), self.ctx.settings, self.tr("Add photos"), self.import_files, many=True,
            filters=[self.tr("Photos, videos and scans (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.mp4 "
                             "*.mov *.m4v *.avi *.pdf)"),
                     self.tr("All files (*)")])
        return self.file_dialog

    def import_files(self, paths: list[str]):  # noqa: ANN201 - returns the Op (or None)
        """Import files/folders into the shown hazard or inspection with the chosen phase (an Op)."""
        target, phase, workers = self.model.target, self.phase(), self.import_workers
        if target is None or not paths:
            return None
        if phase not in target_phases(target):
            phase = "scene"
        session = self.ctx.session

        def job(progress, cancel) -> BatchResult:
            return photo_service.import_photos(session, target, paths, phase, progress, cancel,
                                               workers=workers)

        return self.ctx.ops.run(job, title=self.tr("Adding photos"), parent=self.window(),
                                on_success=self._on_imported)

    def _on_imported(self, result: BatchResult) -> None:
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

    def open_compare(self):  # noqa: ANN201 - returns the PhotoCompare (or None)
        """Before and after rectification side by side (needs one of each)."""
        from .dialogs.photo_compare import PhotoCompare

        if not self.model.has_phases("before", "after"):
            return None
        dialog = PhotoCompare(self.ctx, list(self.model.photos), parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r=0: setattr(self, "compare", None))
        self.compare = dialog
        dialog.open()
        return dialog

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            self.view.setCurrentIndex(index)
            row = index.row()
            menu.addAction(self.tr("Open"), lambda: self.open_viewer(row))
            photo = self.model.photo(row)
            if photo and photo["kind"] == PHOTO:
                menu.addAction(self.tr("Annotate…"), lambda: self.annotate(row))
            menu.addAction(self.tr("Remove photo…"), lambda: self.remove_photo(row))
            menu.addSeparator()
        if self.model.target is not None:
            menu.addAction(self.tr("Paste photos"), self.paste)
        if self.compare_button.isVisible():
            menu.addAction(self.compare_button.text(), self.open_compare)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def annotate(self, row: int):  # noqa: ANN201 - returns the AnnotationEditor (or None)
        viewer = self.open_viewer(row)
        return viewer.annotate() if viewer is not None else None

    # ------------------------------------------------------------------ pasting
    def paste(self):  # noqa: ANN201 - returns the import Op (or None)
        """Ctrl+V: import copied files, or the copied image itself, into this hazard/inspection."""
        return self.paste_mime(QGuiApplication.clipboard().mimeData())

    def paste_mime(self, mime: QMimeData | None):  # noqa: ANN201 - the import Op (or None)
        if self.model.target is None or mime is None:
            return None
        if mime.hasUrls():
            paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if paths:
                return self.import_files(paths)
        folder = Path(tempfile.mkdtemp(prefix="inspector-paste-"))
        stem = self.tr("Pasted image {}").format(time.strftime("%Y-%m-%d %H%M%S"))
        path: Path | None = None
        for fmt, ext in PASTE_FORMATS:  # the copied file's own bytes: nothing re-encoded
            data = bytes(mime.data(fmt)) if mime.hasFormat(fmt) else b""
            if data:
                path = folder / f"{stem}.{ext}"
                path.write_bytes(data)
                break
        if path is None and mime.hasImage():
            image = mime.imageData()
            candidate = folder / f"{stem}.png"
            if image is not None and not image.isNull() and image.save(str(candidate), "PNG"):
                path = candidate
        if path is None:
            shutil.rmtree(folder, ignore_errors=True)
            self.ctx.events.notice.emit(self.tr("Nothing to paste: copy a photo or photo files first."))
            return None
        op = self.import_files([str(path)])
        if op is None:
            shutil.rmtree(folder, ignore_errors=True)
        else:  # the import copies the file into the store; the temporary one can go
            op.finished.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
        return op

    # ------------------------------------------------------------------ removing
    def remove_photo(self, row: int) -> QMessageBox | None:
        """Del: ask, then take the photo off the hazard/inspection (the stored original stays)."""
        photo = self.model.photo(row)
        if photo is None or self.confirm_box is not None:
            return None
        name = photo.get("original_name") or photo["sha256"][:12]
        question = (self.tr("Remove the photo “{}” ({}) from this inspection?")
                    if self.model.inspection_id else
                    self.tr("Remove the photo “{}” ({}) from this hazard?"))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove photo"),
                          question.format(name, phase_label(photo["phase"])),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self.window())
        box.setInformativeText(self.tr("The photo is no longer shown as evidence here; the audit "
                                       "log keeps the record."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))
        box.finished.connect(lambda result: self._remove_answered(result, photo["id"]))
        return open_box(self, "confirm_box", box, default=QMessageBox.StandardButton.Cancel)

    def _remove_answered(self, result: int, link_id: str) -> None:
        self.confirm_box = None
        if result != QMessageBox.StandardButton.Yes.value:
            return
        session = self.ctx.session
        self.remove_op = self.ctx.ops.write(
            lambda: photo_edits.remove_photo(session, link_id), title=self.tr("Remove photo"),
            parent=self.window(), notice=self.tr("Photo removed."))

"""A large view of one evidence photo: upright rendered copy, zoom, previous/next, caption."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ...core.errors import DomainError
from ...photos.sniff import PHOTO
from ...services import photo_edits
from ...services import photos as photo_service
from .. import labels
from ..context import AppContext
from ..file_dialogs import file_dialog
from ..photo_labels import flag_reasons, phase_label
from ..qt import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QPixmap,
    QPushButton,
    QResizeEvent,
    QScrollArea,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

MAX_SIDE = 2400  # the viewer's rendered copy: enough for a screen, far less than a 48 MP original
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
KEEP_RENDERED = 6


class PhotoViewer(QDialog):
    def __init__(self, ctx: AppContext, photos: list[dict[str, Any]], row: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.photos = photos
        self.row = max(0, min(row, len(photos) - 1))
        self.zoom: float | None = None  # None: fit to the window
        # (link id, watermark) -> upright copy (a few, newest last)
        self._rendered: dict[tuple[str, bool], QPixmap] = {}
        self.pixmap = QPixmap()
        self.setWindowTitle(self.tr("Photo"))
        self.resize(980, 760)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image_label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #202124; border: none; }"
                                  " QLabel { background: #202124; color: #e8eaed; }")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.position_label = QLabel()
        self.position_label.setStyleSheet("color: #5f6368;")
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.setToolTip(self.tr("Previous photo (Left, PageUp)"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Next photo (Right, PageDown)"))
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl+=)"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit to the window (Ctrl+0)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.annotate_button = QPushButton(self.tr("Annotate… (E)"))
        self.annotate_button.setToolTip(self.tr("Draw arrows, circles, boxes and text on a copy (E); "
                                                "the original photo is never changed"))
        self.editor = None  # the open AnnotationEditor, if any
        self.watermark_check = QCheckBox(self.tr("Watermark (W)"))
        self.watermark_check.setToolTip(self.tr(
            "Show time, place, inspector and short hash on the copy, as in exports and documents"))
        self.watermark_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.watermark_check.toggled.connect(lambda _on: self._rerender())
        self.export_button = QPushButton(self.tr("Save a copy…"))
        self.export_button.setToolTip(self.tr(
            "Save the photo as shown (upright, with its marks and the watermark if ticked) as JPEG "
            "(Ctrl+Shift+S); the original stays as it was"))
        self.export_button.clicked.connect(lambda _c=False: self.export_copy())
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(36)
        for button in (self.prev_button, self.next_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button, self.close_button, self.annotate_button,
                       self.export_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys page, never move focus
        self.prev_button.clicked.connect(lambda _c=False: self.previous())
        self.next_button.clicked.connect(lambda _c=False: self.next())
        self.zoom_in_button.clicked.connect(lambda _c=False: self.zoom_in())
        self.zoom_out_button.clicked.connect(lambda _c=False: self.zoom_out())
        self.fit_button.clicked.connect(lambda _c=False: self.fit())
        self.close_button.clicked.connect(self.reject)
        self.annotate_button.clicked.connect(lambda _c=False: self.annotate())
        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.position_label)
        bar.addStretch(1)
        bar.addWidget(self.watermark_check)
        bar.addWidget(self.export_button)
        bar.addWidget(self.annotate_button)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.caption)
        layout.addLayout(bar)
        shortcuts = [
            ((QKeySequence(Qt.Key.Key_Left), QKeySequence(Qt.Key.Key_PageUp)), self.previous),
            ((QKeySequence(Qt.Key.Key_Right), QKeySequence(Qt.Key.Key_PageDown)), self.next),
            ((QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), QKeySequence.StandardKey.ZoomIn), self.zoom_in),
            ((QKeySequence("Ctrl+-"), QKeySequence.StandardKey.ZoomOut), self.zoom_out),
            ((QKeySequence("Ctrl+0"),), self.fit),
            ((QKeySequence(Qt.Key.Key_E),), self.annotate),
            ((QKeySequence(Qt.Key.Key_W),), self.watermark_check.toggle),
            ((QKeySequence("Ctrl+Shift+S"),), self.export_copy),
        ]
        self._shortcuts = []
        seen: set[str] = set()
        for keys, slot in shortcuts:
            for key in keys:
                text = key.toString() if isinstance(key, QKeySequence) else str(key)
                if text in seen or (isinstance(key, QKeySequence) and key.isEmpty()):
                    continue
                seen.add(text)
                shortcut = QShortcut(key, self)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)
        self.show_row(self.row)

    # ------------------------------------------------------------------ navigation
    @property
    def current(self) -> dict[str, Any]:
        return self.photos[self.row]

    def previous(self) -> None:
        if self.row > 0:
            self.show_row(self.row - 1)

    def next(self) -> None:
        if self.row < len(self.photos) - 1:
            self.show_row(self.row + 1)

    def show_row(self, row: int) -> None:
        if not self.photos:
            return
        self.row = max(0, min(row, len(self.photos) - 1))
        self.zoom = None
        self.pixmap = self._load(self.current)
        self.prev_button.setEnabled(self.row > 0)
        self.next_button.setEnabled(self.row < len(self.photos) - 1)
        self.position_label.setText(self.tr("{} of {}").format(self.row + 1, len(self.photos)))
        self.caption.setText(self.caption_text(self.current))
        self.annotate_button.setEnabled(self.current["kind"] == PHOTO)
        self.export_button.setEnabled(self.current["kind"] == PHOTO)
        self._apply_zoom()

    def _load(self, photo: dict[str, Any]) -> QPixmap:
        key = (photo["id"], self.watermark_check.isChecked())
        cached = self._rendered.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap()
        try:
            if photo["kind"] == PHOTO:
                image = photo_edits.render_photo(self.ctx.session, photo["id"], max_side=MAX_SIDE,
                                                 watermark=self.watermark_check.isChecked())
                image = image.convert("RGB")
                data = image.tobytes("raw", "RGB")
                qimage = QImage(data, image.width, image.height, 3 * image.width,
                                QImage.Format.Format_RGB888)
                pixmap = QPixmap.fromImage(qimage.copy())  # copy: data is freed after this
            else:  # videos and scans: their tile
                pixmap.load(str(photo_service.thumbnail_path(self.ctx.session, photo["sha256"])))
        except (DomainError, OSError) as exc:
            log.info("viewer: %s: %s", photo["id"], exc)
            self.image_label.setText(exc.message(self.ctx.lang) if isinstance(exc, DomainError) else str(exc))
        self._rendered[key] = pixmap
        while len(self._rendered) > KEEP_RENDERED:
            self._rendered.pop(next(iter(self._rendered)))
        return pixmap

    def _rerender(self) -> None:
        if self.photos:
            zoom = self.zoom
            self.pixmap = self._load(self.current)
            self.zoom = zoom
            self._apply_zoom()

    def export_copy(self, path: str | None = None):  # noqa: ANN201 - the file written (or None)
        """Save the rendered copy as JPEG (the watermark as ticked); ``path`` skips the dialog."""
        if not self.photos or self.current["kind"] != PHOTO:
            return None
        if path is None:  # asked in a file dialog; saved when the user picks the name
            self.file_dialog = file_dialog(
                self, self.ctx.settings, self.tr("Save a copy"), lambda files: self.export_copy(files[0]),
                save_name=f"{self.current['sha256'][:12]}.jpg", suffix="jpg",
                filters=[self.tr("JPEG image (*.jpg)")])
            return None
        try:
            written = photo_edits.save_rendered(self.ctx.session, self.current["id"], Path(path),
                                                watermark=self.watermark_check.isChecked())
        except (DomainError, OSError) as exc:
            text = exc.message(self.ctx.lang) if isinstance(exc, DomainError) else str(exc)
            self.ctx.events.error.emit(self.tr("The copy was not saved: {}").format(text))
            return None
        self.ctx.events.notice.emit(self.tr("Copy saved: {}").format(written))
        return written

    # ------------------------------------------------------------------ annotating
    def annotate(self):  # noqa: ANN201 - returns the AnnotationEditor (or None)
        """Open the annotation editor on the current photo (E)."""
        from .annotation_editor import AnnotationEditor

        if not self.photos or self.current["kind"] != PHOTO or self.editor is not None:
            return None
        editor = AnnotationEditor(self.ctx, self.current, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._annotation_saved)
        editor.finished.connect(lambda _r=0: setattr(self, "editor", None))
        self.editor = editor
        editor.open()
        return editor

    def _annotation_saved(self, link_id: str) -> None:
        """The edit made a new version of the link: show that one from now on."""
        old = self.current["id"]
        try:
            self.photos[self.row] = photo_service.get_photo(self.ctx.session, link_id)
        except DomainError as exc:
            log.info("viewer: %s: %s", link_id, exc)
            return
        for key in [k for k in self._rendered if k[0] == old]:
            self._rendered.pop(key)
        self.show_row(self.row)

    def caption_text(self, photo: dict[str, Any]) -> str:
        parts = [phase_label(photo["phase"])]
        taken = labels.local_time(photo["taken_at"]) if photo["taken_at"] else self.tr("unknown")
        parts.append(self.tr("Taken: {}").format(taken))
        if photo.get("lat") is not None and photo.get("lon") is not None:
            parts.append(self.tr("GPS: {}, {}").format(f"{photo['lat']:.6f}", f"{photo['lon']:.6f}"))
        if photo.get("annotated"):
            parts.append(self.tr("annotated"))
        parts.append(self.tr("SHA-256: {}").format(photo["sha256"][:12]))
        if photo.get("original_name"):
            parts.append(photo["original_name"])
        return "\n".join([" · ".join(parts), *flag_reasons(photo.get("flags") or {})])

    # ------------------------------------------------------------------ zoom
    def fit_scale(self) -> float:
        if self.pixmap.isNull():
            return 1.0
        area = self.scroll.viewport().size()
        return max(MIN_ZOOM, min(area.width() / self.pixmap.width(),
                                 area.height() / self.pixmap.height(), 1.0))

    def scale(self) -> float:
        return self.fit_scale() if self.zoom is None else self.zoom

    def zoom_in(self) -> None:
        self.zoom = min(MAX_ZOOM, self.scale() * ZOOM_STEP)
        self._apply_zoom()

    def zoom_out(self) -> None:
        self.zoom = max(MIN_ZOOM, self.scale() / ZOOM_STEP)
        self._apply_zoom()

    def fit(self) -> None:
        self.zoom = None
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        if self.pixmap.isNull():
            self.image_label.setPixmap(QPixmap())
            return
        scale = self.scale()
        size = self.pixmap.size() * scale
        self.image_label.setPixmap(self.pixmap.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.fit_button.setEnabled(self.zoom is not None)
        self.setWindowTitle(self.tr("Photo {} of {} · {}%").format(
            self.row + 1, len(self.photos), round(scale * 100)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.zoom is None:
            self._apply_zoom()

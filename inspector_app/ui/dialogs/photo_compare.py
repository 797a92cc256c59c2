"""Before and after rectification side by side (整改前/整改后 对比), for a reviewer or 复查.

Each side pages through the hazard's photos of its phase on its own; images are rendered
copies (upright, with their annotations) at screen size, a few kept per side.
"""

from __future__ import annotations

import logging
from typing import Any

from ...core.errors import DomainError
from ...photos.sniff import PHOTO
from ...services import photo_edits
from ...services import photos as photo_service
from .. import labels
from ..context import AppContext
from ..photo_labels import PHASE_COLORS, flag_reasons, phase_label
from ..qt import (
    QDialog,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QPixmap,
    QPushButton,
    QResizeEvent,
    QShortcut,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

MAX_SIDE = 1600
KEEP = 4


def pixmap_of(ctx: AppContext, photo: dict[str, Any]) -> tuple[QPixmap, str]:
    """The rendered copy of one photo (or its tile), and an error text if it failed."""
    pixmap = QPixmap()
    try:
        if photo["kind"] == PHOTO:
            image = photo_edits.render_photo(ctx.session, photo["id"], max_side=MAX_SIDE).convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
            pixmap = QPixmap.fromImage(qimage.copy())
        else:
            pixmap.load(str(photo_service.thumbnail_path(ctx.session, photo["sha256"])))
    except (DomainError, OSError) as exc:
        log.info("compare: %s: %s", photo["id"], exc)
        return pixmap, exc.message(ctx.lang) if isinstance(exc, DomainError) else str(exc)
    return pixmap, ""


class ComparePane(QWidget):
    """One side: the phase's title, the photo fitted to the pane, its caption, paging."""

    def __init__(self, ctx: AppContext, phase: str, photos: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.phase, self.photos = ctx, phase, photos
        self.row = 0
        self.pixmap = QPixmap()
        self._cache: dict[str, tuple[QPixmap, str]] = {}
        self.title = QLabel(phase_label(phase))
        self.title.setStyleSheet(f"QLabel {{ background: {PHASE_COLORS.get(phase, '#5F6368')};"
                                 " color: white; font-weight: bold; padding: 4px 10px;"
                                 " border-radius: 3px; }")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(200, 150)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setStyleSheet("QLabel { background: #202124; color: #e8eaed; }")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prev_button = QPushButton(self.tr("◀"))
        self.next_button = QPushButton(self.tr("▶"))
        self.prev_button.setToolTip(self.tr("Previous photo of this phase"))
        self.next_button.setToolTip(self.tr("Next photo of this phase"))
        self.position = QLabel()
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(40)
            button.setAutoDefault(False)
        self.prev_button.clicked.connect(lambda _c=False: self.show_row(self.row - 1))
        self.next_button.clicked.connect(lambda _c=False: self.show_row(self.row + 1))
        pager = QHBoxLayout()
        pager.addWidget(self.prev_button)
        pager.addWidget(self.position)
        pager.addWidget(self.next_button)
        pager.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.caption)
        layout.addLayout(pager)
        self.show_row(0)

    @property
    def current(self) -> dict[str, Any] | None:
        return self.photos[self.row] if self.photos else None

    def show_row(self, row: int) -> None:
        if not self.photos:
            self.image.setText(self.tr("No photos of this phase"))
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        self.row = max(0, min(row, len(self.photos) - 1))
        photo = self.photos[self.row]
        if photo["id"] not in self._cache:
            self._cache[photo["id"]] = pixmap_of(self.ctx, photo)
            while len(self._cache) > KEEP:
                self._cache.pop(next(iter(self._cache)))
        self.pixmap, error = self._cache[photo["id"]]
        self.image.setText(error)
        self.position.setText(self.tr("{} of {}").format(self.row + 1, len(self.photos)))
        self.prev_button.setEnabled(self.row > 0)
        self.next_button.setEnabled(self.row < len(self.photos) - 1)
        taken = labels.local_time(photo["taken_at"]) if photo["taken_at"] else self.tr("unknown")
        lines = [self.tr("Taken: {}").format(taken)]
        if photo.get("original_name"):
            lines[0] += " · " + photo["original_name"]
        lines += flag_reasons(photo.get("flags") or {})
        self.caption.setText("\n".join(lines))
        self._fit()

    def _fit(self) -> None:
        if self.pixmap.isNull():
            self.image.setPixmap(QPixmap())
            return
        self.image.setPixmap(self.pixmap.scaled(
            self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()


class PhotoCompare(QDialog):
    """整改前 on the left, 整改后 on the right; Left/Right page the after side, with
    Ctrl the before side."""

    def __init__(self, ctx: AppContext, photos: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Before/after comparison"))
        self.resize(1200, 720)
        self.before = ComparePane(ctx, "before", [p for p in photos if p["phase"] == "before"], self)
        self.after = ComparePane(ctx, "after", [p for p in photos if p["phase"] == "after"], self)
        panes = QHBoxLayout()
        panes.addWidget(self.before, 1)
        panes.addWidget(self.after, 1)
        hint = QLabel(self.tr("Left/Right: page the after photos · Ctrl+Left/Right: the before photos"))
        hint.setStyleSheet("color: #5f6368;")
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addLayout(bottom)
        for key, pane, step in (("Left", self.after, -1), ("Right", self.after, 1),
                                ("Ctrl+Left", self.before, -1), ("Ctrl+Right", self.before, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda p=pane, s=step: p.show_row(p.row + s))

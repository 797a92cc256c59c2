"""The photo grid of the strip: a model that loads thumbnails only when painted, the tile
delegate with its badges, and the view that takes dropped files."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from ..core.errors import DomainError
from ..services import photos as photo_service
from ..services.photos import PhotoTarget
from . import labels
from .context import AppContext
from .photo_labels import (  # noqa: F401 - re-exported for the pages that show photos
    FLAG_COLOR,
    INSPECTION_PHASES,
    PHASE_CODES,
    PHASE_COLORS,
    flag_reasons,
    phase_badge,
    phase_label,
)
from .qt import (
    QAbstractItemView,
    QAbstractListModel,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QEvent,
    QFont,
    QFontMetrics,
    QImageReader,
    QKeyEvent,
    QListView,
    QModelIndex,
    QObject,
    QPainter,
    QPen,
    QPersistentModelIndex,
    QPixmap,
    QPoint,
    QPolygon,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

THUMB = QSize(112, 84)
EMPTY_VIEW_HEIGHT = 36  # the strip's drop area while it holds no photo
THUMB_CACHE = 600  # thumbnails kept in memory (~23 MB at 112×84); the rest reload from disk
PASTE_FORMATS = (("image/jpeg", "jpg"), ("image/png", "png"), ("image/heic", "heic"),
                 ("image/webp", "webp"))


def target_phases(target: PhotoTarget | None) -> tuple[str, ...]:
    """The phases a user may choose for photos added to ``target``."""
    if target is not None and target.inspection_id:
        return INSPECTION_PHASES
    return PHASE_CODES


def _photos_of_target(ctx: AppContext, target: PhotoTarget) -> list[dict[str, Any]]:
    if target.hazard_id:
        return photo_service.photos_of_hazard(ctx.session, target.hazard_id)
    if target.inspection_id:
        return photo_service.photos_of_inspection(ctx.session, target.inspection_id)
    return []


class PhotoListModel(QAbstractListModel):
    """The photos of one hazard or inspection; ``DecorationRole`` loads a thumbnail on first ask."""

    PhotoRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx: AppContext, parent: QObject | None = None,
                 cache_size: int = THUMB_CACHE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.target: PhotoTarget | None = None
        self.photos: list[dict[str, Any]] = []
        self.cache_size = cache_size
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()  # sha256 -> thumbnail, LRU
        self.thumbnail_loads = 0  # thumbnails read from disk (tests and benchmarks watch it)

    @property
    def hazard_id(self) -> str | None:
        return self.target.hazard_id if self.target is not None else None

    @property
    def inspection_id(self) -> str | None:
        return self.target.inspection_id if self.target is not None else None

    def set_target(self, target: PhotoTarget | None) -> None:
        self.beginResetModel()
        self.target = target
        self.photos = self._load(target)
        self.endResetModel()

    def set_hazard(self, hazard_id: str | None) -> None:
        self.set_target(PhotoTarget(hazard_id=hazard_id) if hazard_id else None)

    def _load(self, target: PhotoTarget | None) -> list[dict[str, Any]]:
        if target is None:
            return []
        try:
            return _photos_of_target(self.ctx, target)
        except DomainError as exc:
            log.info("photos of %s: %s", target.id, exc)
            return []

    def reload(self) -> None:
        self.set_target(self.target)

    def refresh(self) -> None:
        """Reload after a change elsewhere; the view is only reset if the photos differ
        (an inspection changes with every answer, its photos rarely do)."""
        photos = self._load(self.target)
        if photos != self.photos:
            self.beginResetModel()
            self.photos = photos
            self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.photos)

    def photo(self, row: int) -> dict[str, Any] | None:
        return self.photos[row] if 0 <= row < len(self.photos) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        photo = self.photo(index.row()) if index.isValid() else None
        if photo is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            taken = photo["taken_at"]
            return labels.local_time(taken)[5:16] if taken else phase_label(photo["phase"])
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(photo["sha256"])
        if role == Qt.ItemDataRole.ToolTipRole:
            taken = labels.local_time(photo["taken_at"]) if photo["taken_at"] else self.tr("unknown")
            lines = [phase_label(photo["phase"]), self.tr("Taken: {}").format(taken),
                     photo.get("original_name") or ""]
            if photo.get("annotated"):
                lines.append(self.tr("Annotated"))
            return "\n".join([*(x for x in lines if x), *flag_reasons(photo.get("flags") or {})])
        if role == self.PhotoRole:
            return photo
        return None

    def thumbnail(self, sha256: str) -> QPixmap:
        cached = self._pixmaps.get(sha256)
        if cached is not None:
            self._pixmaps.move_to_end(sha256)
            return cached
        self.thumbnail_loads += 1
        pixmap = QPixmap()
        try:
            path = photo_service.thumbnail_path(self.ctx.session, sha256)
            # decoded straight at tile size: libjpeg scales while decoding, much cheaper
            # than a full decode followed by a smooth scale
            reader = QImageReader(str(path))
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                pixmap = QPixmap.fromImage(image)
        except (DomainError, OSError) as exc:
            log.info("thumbnail of %s: %s", sha256[:12], exc)
        if pixmap.isNull():
            pixmap = QPixmap(THUMB)
            pixmap.fill(Qt.GlobalColor.lightGray)
        self._pixmaps[sha256] = pixmap
        while len(self._pixmaps) > self.cache_size:
            self._pixmaps.popitem(last=False)
        return pixmap

    def has_phases(self, *phases: str) -> bool:
        present = {p["phase"] for p in self.photos}
        return all(p in present for p in phases)


class PhotoDelegate(QStyledItemDelegate):
    """Paints the usual tile, then the phase badge (top left) and ⚠ (top right) on the photo."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        photo = index.data(PhotoListModel.PhotoRole)
        if not photo:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        icon = (style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt, widget)
                if style is not None else QRect(option.rect.topLeft(), THUMB))  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        text = phase_badge(photo["phase"])
        badge = QRect(icon.left() + 2, icon.top() + 2, metrics.horizontalAdvance(text) + 8,
                      metrics.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PHASE_COLORS.get(photo["phase"], "#5F6368")))
        painter.drawRoundedRect(badge, 3, 3)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        if photo.get("flags"):  # ⚠ drawn, not typed: every font has a triangle
            side = metrics.height() + 6
            flag = QRect(icon.right() - side - 1, icon.top() + 2, side, side)
            triangle = QPolygon([QPoint(flag.center().x(), flag.top()), flag.bottomRight(),
                                 flag.bottomLeft()])
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(QColor(FLAG_COLOR))
            painter.drawPolygon(triangle)
            painter.setPen(QColor("#202124"))
            painter.drawText(flag.adjusted(0, 3, 0, 0), Qt.AlignmentFlag.AlignCenter, "!")
        if photo.get("annotated"):
            pen_mark = QRect(icon.left() + 2, icon.bottom() - metrics.height() - 2,
                             metrics.height() + 4, metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 150))
            painter.drawRoundedRect(pen_mark, 3, 3)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(pen_mark, Qt.AlignmentFlag.AlignCenter, "✎")
        painter.restore()


class PhotoListView(QListView):
    """Icon grid that takes dropped files and folders and opens a photo on Enter."""

    files_dropped = Signal(list)  # list[str]
    open_requested = Signal(int)  # row
    remove_requested = Signal(int)  # row

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
        self.setItemDelegate(PhotoDelegate(self))
        self.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))

    def event(self, event: QEvent) -> bool:
        # Del here removes the photo, not the hazard (the window's Delete action)
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid()):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.remove_requested.emit(self.currentIndex().row())
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

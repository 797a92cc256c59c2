"""Draw arrows, ellipses, rectangles and text over an evidence photo (the original stays as is).

The scene shows the upright rendered copy at ``EDIT_SIDE`` pixels at most; scene coordinates
are that copy's pixels. Saving turns every item into the fractions of
:mod:`inspector_app.photos.annotation` (``x / (width - 1)``, the inverse of how ``draw``
places a point), so ``render_photo`` draws each shape where the user drew it, at any size.
Editing happens on a local undo stack; only "Save" writes (a new link version).
"""

from __future__ import annotations

import logging
import math
from typing import Any

from ...core.errors import DomainError
from ...photos import annotation
from ...services import photo_edits
from ..context import AppContext
from ..ops import Op
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QComboBox,
    QDialog,
    QFont,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPointF,
    QPushButton,
    QRectF,
    QResizeEvent,
    QShortcut,
    Qt,
    QToolBar,
    QUndoCommand,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ..widgets import open_box

log = logging.getLogger(__name__)

EDIT_SIDE = 2000
MIN_DRAG = 4.0  # scene pixels: a shorter drag is a click, not a shape
TOOLS = ("select", "arrow", "ellipse", "rect", "text")
COLORS = (  # (#RRGGBB, name for the colour menu)
    ("#FF0000", QT_TRANSLATE_NOOP("AnnotationEditor", "Red")),
    ("#FFD600", QT_TRANSLATE_NOOP("AnnotationEditor", "Yellow")),
    ("#00C853", QT_TRANSLATE_NOOP("AnnotationEditor", "Green")),
    ("#2979FF", QT_TRANSLATE_NOOP("AnnotationEditor", "Blue")),
    ("#FFFFFF", QT_TRANSLATE_NOOP("AnnotationEditor", "White")),
    ("#000000", QT_TRANSLATE_NOOP("AnnotationEditor", "Black")),
)
SHAPE_KEY = 0  # QGraphicsItem.data(SHAPE_KEY): the shape type of an annotation item
COLOR_KEY = 1  # … its colour (#RRGGBB)
ORDER_KEY = 2  # … its place in the saved list (stable across delete + undo)


# --------------------------------------------------------------------------- items
def _pen(color: str, px: float) -> QPen:
    pen = QPen(QColor(color), px)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def arrow_path(a: QPointF, b: QPointF, px: float) -> QPainterPath:
    """Shaft and filled head, the same geometry as ``annotation._arrow``."""
    angle = math.atan2(b.y() - a.y(), b.x() - a.x())
    head = max(10.0, px * 4)
    base = QPointF(b.x() - head * 0.8 * math.cos(angle), b.y() - head * 0.8 * math.sin(angle))
    left = QPointF(b.x() - head * math.cos(angle - 0.45), b.y() - head * math.sin(angle - 0.45))
    right = QPointF(b.x() - head * math.cos(angle + 0.45), b.y() - head * math.sin(angle + 0.45))
    path = QPainterPath(a)
    path.lineTo(base)
    path.moveTo(b)
    path.lineTo(left)
    path.lineTo(right)
    path.closeSubpath()
    return path


class ArrowItem(QGraphicsPathItem):
    def __init__(self, a: QPointF, b: QPointF, color: str, px: float) -> None:
        super().__init__()
        self.color, self.px = color, px
        self.a, self.b = QPointF(a), QPointF(b)
        self.setPen(_pen(color, px))
        self.setBrush(QBrush(QColor(color)))
        self.set_points(a, b)

    def set_points(self, a: QPointF, b: QPointF) -> None:
        self.a, self.b = QPointF(a), QPointF(b)
        self.setPath(arrow_path(self.a, self.b, self.px))


def _font(px: int) -> QFont:
    font = QFont()
    font.setPixelSize(max(10, px))
    font.setBold(False)
    return font


def make_item(kind: str, points: tuple[float, ...], color: str, px: float,
              text: str = "", text_px: int = 40) -> QGraphicsItem:
    """A movable, selectable item for one shape, in scene (pixel) coordinates."""
    item: QGraphicsItem
    if kind == "arrow":
        item = ArrowItem(QPointF(points[0], points[1]), QPointF(points[2], points[3]), color, px)
    elif kind == "text":
        text_item = QGraphicsSimpleTextItem(text)
        text_item.setFont(_font(text_px))
        text_item.setBrush(QBrush(QColor(color)))
        text_item.setPen(QPen(QColor("#FFFFFF"), max(1, text_px // 14) / 2))
        text_item.setPos(points[0], points[1])
        item = text_item
    else:
        rect = QRectF(QPointF(points[0], points[1]), QPointF(points[2], points[3])).normalized()
        item = QGraphicsEllipseItem(rect) if kind == "ellipse" else QGraphicsRectItem(rect)
        item.setPen(_pen(color, px))  # type: ignore[attr-defined]
    item.setData(SHAPE_KEY, kind)
    item.setData(COLOR_KEY, color)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
    item.setZValue(1)
    return item


# --------------------------------------------------------------------------- undo commands
class AddItems(QUndoCommand):
    def __init__(self, scene: QGraphicsScene, items: list[QGraphicsItem], text: str) -> None:
        super().__init__(text)
        self.scene, self.items = scene, items

    def redo(self) -> None:
        for item in self.items:
            if item.scene() is None:
                self.scene.addItem(item)

    def undo(self) -> None:
        for item in self.items:
            if item.scene() is not None:
                self.scene.removeItem(item)


class RemoveItems(AddItems):
    def redo(self) -> None:
        super().undo()

    def undo(self) -> None:
        super().redo()


class MoveItems(QUndoCommand):
    def __init__(self, moves: list[tuple[QGraphicsItem, QPointF, QPointF]], text: str) -> None:
        super().__init__(text)
        self.moves = moves
        self._first = True

    def redo(self) -> None:
        if self._first:  # the mouse already moved them
            self._first = False
            return
        for item, _old, new in self.moves:
            item.setPos(new)

    def undo(self) -> None:
        for item, old, _new in self.moves:
            item.setPos(old)


# --------------------------------------------------------------------------- the view
class AnnotationView(QGraphicsView):
    """Draws the current tool's shape with the mouse; in "select" mode it moves shapes."""

    shape_drawn = Signal(object)  # QGraphicsItem, not yet in the scene
    text_requested = Signal(QPointF)  # a click with the text tool (scene position)
    moved = Signal(list)  # [(item, old pos, new pos)]

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.tool = "select"
        self.color = annotation.DEFAULT_COLOR
        self.px = 4.0
        self._start: QPointF | None = None
        self._preview: QGraphicsItem | None = None
        self._positions: dict[QGraphicsItem, QPointF] = {}
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setBackgroundBrush(QBrush(QColor("#202124")))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_tool(self, tool: str) -> None:
        self.tool = tool
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if tool == "select"
                         else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor if tool == "select"
                                  else Qt.CursorShape.CrossCursor)
        for item in self.scene().items():
            if item.data(SHAPE_KEY):
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, tool == "select")

    def _clamped(self, pos: QPointF) -> QPointF:
        r = self.sceneRect()
        return QPointF(min(max(pos.x(), r.left()), r.right() - 1),
                       min(max(pos.y(), r.top()), r.bottom() - 1))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.tool == "select" or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            self._positions = {i: QPointF(i.pos()) for i in self.scene().selectedItems()}
            return
        point = self._clamped(self.mapToScene(event.position().toPoint()))
        if self.tool == "text":
            self.text_requested.emit(point)
            return
        self._start = point
        self._preview = make_item(self.tool, (point.x(), point.y(), point.x(), point.y()),
                                  self.color, self.px)
        self.scene().addItem(self._preview)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._start is None or self._preview is None:
            super().mouseMoveEvent(event)
            return
        point = self._clamped(self.mapToScene(event.position().toPoint()))
        if isinstance(self._preview, ArrowItem):
            self._preview.set_points(self._start, point)
        elif isinstance(self._preview, (QGraphicsRectItem, QGraphicsEllipseItem)):
            self._preview.setRect(QRectF(self._start, point).normalized())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._start is None or self._preview is None:
            super().mouseReleaseEvent(event)
            moves = [(i, old, QPointF(i.pos())) for i, old in self._positions.items()
                     if i.scene() is not None and i.pos() != old]
            self._positions = {}
            if moves:
                self.moved.emit(moves)
            return
        self.mouseMoveEvent(event)
        point = self._clamped(self.mapToScene(event.position().toPoint()))
        item, start = self._preview, self._start
        self._preview = self._start = None
        self.scene().removeItem(item)
        if math.hypot(point.x() - start.x(), point.y() - start.y()) >= MIN_DRAG:
            self.shape_drawn.emit(item)
        event.accept()


# --------------------------------------------------------------------------- the dialog
class AnnotationEditor(QDialog):
    """Edit the annotation of one photo link; ``saved`` carries the new link id."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, photo: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.photo = photo
        self.link_id: str = photo["id"]
        self.undo_stack = QUndoStack(self)
        self.message_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Annotate photo"))
        self.resize(1100, 800)
        self.scene = QGraphicsScene(self)
        self.view = AnnotationView(self.scene, self)
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.pixmap_item)
        self.image_size = (1, 1)
        self._order = 0
        self._build_toolbar()
        self.status = QLabel()
        self.status.setStyleSheet("color: #5f6368;")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the annotation (Ctrl+S); the original photo is never changed"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.view.shape_drawn.connect(self._add_drawn)
        self.view.text_requested.connect(self.add_text_at)
        self.view.moved.connect(
            lambda moves: self.undo_stack.push(MoveItems(moves, self.tr("Move shapes"))))
        # bound methods, not lambdas: Qt drops these connections before the stack is deleted
        self.undo_stack.cleanChanged.connect(self._update_state)
        self.undo_stack.indexChanged.connect(self._update_state)
        for keys, slot in (((QKeySequence.StandardKey.Save,), self.save),
                           ((QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)),
                            self.delete_selected)):
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)
        self._load()
        self.set_tool("rect")
        self._update_state()

    # ------------------------------------------------------------------ building
    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        names = {"select": (self.tr("Select"), "V"), "arrow": (self.tr("Arrow"), "A"),
                 "ellipse": (self.tr("Circle"), "C"), "rect": (self.tr("Rectangle"), "R"),
                 "text": (self.tr("Text"), "T")}
        for tool in TOOLS:
            label, key = names[tool]
            action = QAction(f"{label} ({key})", self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setToolTip(self.tr("{} — shortcut {}").format(label, key))
            action.triggered.connect(lambda _c=False, t=tool: self.set_tool(t))
            group.addAction(action)
            self.toolbar.addAction(action)
            self.tool_actions[tool] = action
        self.addActions(list(self.tool_actions.values()))
        self.toolbar.addSeparator()
        self.color_combo = QComboBox()
        for code, name in COLORS:
            swatch = QPixmap(14, 14)
            swatch.fill(QColor(code))
            self.color_combo.addItem(translate("AnnotationEditor", name), code)
            self.color_combo.setItemData(self.color_combo.count() - 1, swatch,
                                         Qt.ItemDataRole.DecorationRole)
        self.color_combo.setToolTip(self.tr("Colour of new shapes (also recolours the selected ones)"))
        self.color_combo.currentIndexChanged.connect(lambda _i: self._color_changed())
        self.toolbar.addWidget(QLabel(self.tr("Colour:")))
        self.toolbar.addWidget(self.color_combo)
        self.toolbar.addSeparator()
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Text, then click on the photo"))
        self.text_edit.setMaximumWidth(240)
        self.text_edit.setMaxLength(annotation.MAX_TEXT)
        self.toolbar.addWidget(self.text_edit)
        self.toolbar.addSeparator()
        # plain actions (not createUndoAction): "Undo Add rectangle" would not fit the toolbar
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.undo_action.triggered.connect(lambda _c=False: self.undo_stack.undo())
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.triggered.connect(lambda _c=False: self.undo_stack.redo())
        redo_keys = [QKeySequence("Ctrl+Y")]  # + the platform's own, once each (no ambiguity)
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                      if k.toString() not in {r.toString() for r in redo_keys}]
        self.redo_action.setShortcuts(redo_keys)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setToolTip(self.tr("Delete the selected shapes (Del)"))
        self.delete_action.triggered.connect(lambda _c=False: self.delete_selected())
        for action in (self.undo_action, self.redo_action, self.delete_action):
            self.toolbar.addAction(action)
        self.addActions([self.undo_action, self.redo_action])

    def _load(self) -> None:
        try:
            image = photo_edits.render_photo(self.ctx.session, self.link_id, annotated=False,
                                             max_side=EDIT_SIDE).convert("RGB")
            shapes = photo_edits.get_annotation(self.ctx.session, self.link_id)
        except (DomainError, OSError) as exc:
            log.info("annotation editor: %s: %s", self.link_id, exc)
            text = exc.message(self.ctx.lang) if isinstance(exc, DomainError) else str(exc)
            self.status.setText(text)
            self.save_button.setEnabled(False)
            return
        data = image.tobytes("raw", "RGB")
        qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
        self.pixmap_item.setPixmap(QPixmap.fromImage(qimage.copy()))
        self.image_size = (image.width, image.height)
        self.scene.setSceneRect(QRectF(0, 0, image.width, image.height))
        long_side = max(image.width, image.height)
        self.view.px = max(2, round(annotation.DEFAULT_WIDTH * long_side))
        self.text_px = max(10, round(annotation.DEFAULT_TEXT_SIZE * long_side))
        for shape in shapes:
            self.scene.addItem(self._numbered(self.item_for(shape)))
        self._fit()

    # ------------------------------------------------------------------ coordinates
    def _scale(self) -> tuple[float, float]:
        w, h = self.image_size
        return max(1, w - 1), max(1, h - 1)

    def item_for(self, shape: annotation.Shape) -> QGraphicsItem:
        sx, sy = self._scale()
        pts = tuple(v * (sx if i % 2 == 0 else sy) for i, v in enumerate(shape.points))
        long_side = max(self.image_size)
        px = max(2, round(shape.width * long_side))
        text_px = max(10, round(shape.size * long_side))
        return make_item(shape.type, pts, shape.color, px, shape.text, text_px)

    def shape_of(self, item: QGraphicsItem) -> dict[str, Any]:
        """One item as a shape dict of ``photos.annotation`` (fractions of the upright photo)."""
        sx, sy = self._scale()

        def frac(p: QPointF) -> list[float]:
            return [min(1.0, max(0.0, p.x() / sx)), min(1.0, max(0.0, p.y() / sy))]

        kind = item.data(SHAPE_KEY)
        color = item.data(COLOR_KEY)
        long_side = max(self.image_size)
        if isinstance(item, ArrowItem):
            return {"type": "arrow", "from": frac(item.mapToScene(item.a)),
                    "to": frac(item.mapToScene(item.b)), "color": color,
                    "width": item.px / long_side}
        if isinstance(item, QGraphicsSimpleTextItem):
            return {"type": "text", "at": frac(item.mapToScene(QPointF(0, 0))), "text": item.text(),
                    "color": color, "size": item.font().pixelSize() / long_side}
        assert isinstance(item, (QGraphicsRectItem, QGraphicsEllipseItem))
        rect = item.mapRectToScene(item.rect())
        return {"type": kind, "box": frac(rect.topLeft()) + frac(rect.bottomRight()),
                "color": color, "width": item.pen().widthF() / long_side}

    def shape_items(self) -> list[QGraphicsItem]:
        """The annotation items, oldest first (drawing order is the saved order)."""
        items = [i for i in self.scene.items() if i.data(SHAPE_KEY)]
        return sorted(items, key=lambda i: i.data(ORDER_KEY) or 0)

    def _numbered(self, item: QGraphicsItem, order: int | None = None) -> QGraphicsItem:
        if order is None:
            self._order += 1
            order = self._order
        item.setData(ORDER_KEY, order)
        return item

    def shapes(self) -> list[dict[str, Any]]:
        return [self.shape_of(i) for i in self.shape_items()]

    # ------------------------------------------------------------------ editing
    def set_tool(self, tool: str) -> None:
        self.view.set_tool(tool)
        self.tool_actions[tool].setChecked(True)
        if tool == "text":
            self.text_edit.setFocus()
        hints = {
            "select": self.tr("Click a shape to select it, drag to move, Del to delete."),
            "arrow": self.tr("Drag from the tail to the tip of the arrow."),
            "ellipse": self.tr("Drag to draw a circle or ellipse."),
            "rect": self.tr("Drag to draw a rectangle."),
            "text": self.tr("Type the text in the box above, then click where it goes."),
        }
        self.status.setText(hints[tool])

    def color(self) -> str:
        return self.color_combo.currentData() or annotation.DEFAULT_COLOR

    def _color_changed(self) -> None:
        self.view.color = self.color()
        selected = [i for i in self.scene.selectedItems() if i.data(SHAPE_KEY)]
        if selected:  # recolour = replace, so undo brings the old colour back
            replacements = [self.item_for(annotation.parse([{**self.shape_of(i), "color": self.color()}])[0])
                            for i in selected]
            self._replace(selected, replacements, self.tr("Change colour"))

    def _replace(self, old: list[QGraphicsItem], new: list[QGraphicsItem], text: str) -> None:
        for before, after in zip(old, new, strict=True):
            self._numbered(after, before.data(ORDER_KEY))
        self.undo_stack.beginMacro(text)
        self.undo_stack.push(RemoveItems(self.scene, old, text))
        self.undo_stack.push(AddItems(self.scene, new, text))
        self.undo_stack.endMacro()
        for item in new:
            item.setSelected(True)

    def _room_for_more(self) -> bool:
        if len(self.shape_items()) < annotation.MAX_SHAPES:
            return True
        self.status.setText(self.tr("At most {} shapes on one photo.").format(annotation.MAX_SHAPES))
        return False

    def _add_drawn(self, item: QGraphicsItem) -> None:
        if not self._room_for_more():
            return
        names = {"arrow": self.tr("Add arrow"), "ellipse": self.tr("Add circle"),
                 "rect": self.tr("Add rectangle")}
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, self.view.tool == "select")
        self._numbered(item)
        self.undo_stack.push(AddItems(self.scene, [item], names.get(item.data(SHAPE_KEY), "")))

    def add_text_at(self, point: QPointF) -> QGraphicsItem | None:
        text = self.text_edit.text().strip()
        if not self._room_for_more():
            return None
        if not text:
            self.status.setText(self.tr("Type the text first (the box in the toolbar)."))
            self.text_edit.setFocus()
            return None
        item = make_item("text", (point.x(), point.y()), self.color(), self.view.px, text,
                         self.text_px)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        self._numbered(item)
        self.undo_stack.push(AddItems(self.scene, [item], self.tr("Add text")))
        return item

    def delete_selected(self) -> None:
        selected = [i for i in self.scene.selectedItems() if i.data(SHAPE_KEY)]
        if selected:
            self.undo_stack.push(RemoveItems(self.scene, selected, self.tr("Delete shapes")))

    def _update_state(self, _value: object = None) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setToolTip(self.tr("Undo {} (Ctrl+Z)").format(stack.undoText()).replace("  ", " "))
        self.redo_action.setToolTip(self.tr("Redo {} (Ctrl+Y)").format(stack.redoText()).replace("  ", " "))
        dirty = not self.undo_stack.isClean()
        title = self.tr("Annotate photo")
        self.setWindowTitle(f"{title} *" if dirty else title)

    def _fit(self) -> None:
        if not self.scene.sceneRect().isEmpty():
            self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self._fit()

    # ------------------------------------------------------------------ saving
    def save(self) -> Op | None:
        """Write the shapes as a new version of the link, off the GUI thread; the editor closes
        once saved (``saved`` carries the new link id) and stays open on an error."""
        if not self.save_button.isEnabled():
            return None
        session, link_id, shapes = self.ctx.session, self.link_id, self.shapes()

        def refused(exc: DomainError) -> None:
            log.info("annotation of %s: %s", link_id, exc.en)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Annotate photo"),
                              exc.message(self.ctx.lang), QMessageBox.StandardButton.Ok, self)
            self._show_box(box)

        def done(saved: Any) -> None:
            self.link_id = saved.id
            self.undo_stack.setClean()
            self.saved.emit(saved.id)
            self.accept()

        self.save_button.setEnabled(False)
        op = self.ctx.ops.write(lambda: photo_edits.set_annotation(session, link_id, shapes),
                                title=self.tr("Annotate photo"), parent=self, on_done=done,
                                on_error=refused)
        op.failed.connect(lambda _m: self.save_button.setEnabled(True))
        return op

    def _show_box(self, box: QMessageBox) -> None:
        open_box(self, "message_box", box, forget=True)

    def reject(self) -> None:
        """Esc/Cancel: leave at once when nothing changed, else ask first."""
        if self.undo_stack.isClean():
            super().reject()
            return
        if self.message_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Annotate photo"),
                          self.tr("Discard the changes to the annotation?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.buttonClicked.connect(
            lambda b: QDialog.reject(self)
            if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole else None)
        self._show_box(box)

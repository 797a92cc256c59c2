"""Small building blocks shared by pages and dialogs."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .qt import (
    QAbstractButton,
    QAbstractItemModel,
    QAbstractItemView,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QFocusEvent,
    QFrame,
    QGuiApplication,
    QHeaderView,
    QIcon,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QPainter,
    QPixmap,
    QProgressDialog,
    QRect,
    QScrollArea,
    QSize,
    QStyle,
    Qt,
    QTableView,
    QTextBrowser,
    QTimer,
    QValidator,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

if TYPE_CHECKING:  # models import the app context, which imports ops, which import this
    from .models import IdTableModel

def list_table(model: QAbstractItemModel, parent: QWidget | None = None, *,
               single_selection: bool = True) -> QTableView:
    """A read-only table: whole rows selected, no editing, striped, one line per row, no row
    numbers (the lists of dialogs and pages; :func:`record_table` builds on it)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    return view


def record_table(model: IdTableModel, parent: QWidget | None = None) -> QTableView:
    """A table over an id model: whole-row selection, fixed row height, server-side sort.

    Row heights are fixed and nothing is sized to contents, so the view never walks all
    rows of a 100,000-row model.
    """
    view = list_table(model, parent)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(max(26, view.fontMetrics().height() + 10))
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    metrics = view.fontMetrics()
    for i, column in enumerate(model.columns):
        width = column.width
        if column.fit is not None:  # coded values: as wide as the widest label, any language
            title = translate("Models", column.title)
            width = max(metrics.horizontalAdvance(t) for t in [*column.fit(), title]) + 28
        view.setColumnWidth(i, width)
    key, descending = model.default_sort
    sort_column = next((i for i, c in enumerate(model.columns) if c.sort_key == key), -1)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    header.setSortIndicator(sort_column, order)  # -1: a default order without a column
    view.setSortingEnabled(True)  # loads the ids through model.sort() when a column sorts
    if sort_column < 0:
        model.reload()
    state = {"section": sort_column, "order": order}

    def keep_indicator_on_sortable(section: int, new_order: Qt.SortOrder) -> None:
        if 0 <= section < len(model.columns) and model.columns[section].sort_key is None:
            header.blockSignals(True)  # an unsortable column: put the indicator back
            header.setSortIndicator(state["section"], state["order"])
            header.blockSignals(False)
        else:
            state["section"], state["order"] = section, new_order

    header.sortIndicatorChanged.connect(keep_indicator_on_sortable)
    return view


def open_box(owner: Any, attribute: str, box: QMessageBox, *,
             default: QMessageBox.StandardButton | None = None,
             on_answer: Callable[[QMessageBox.StandardButton], None] | None = None,
             forget: bool = False) -> QMessageBox:
    """Show ``box`` without blocking (``open()``, not ``exec()``). It deletes itself when
    closed and is kept as ``owner.<attribute>`` meanwhile (tests and later steps find it);
    ``forget`` clears that attribute when it closes. ``on_answer`` gets the standard button
    the user clicked."""
    if default is not None:
        box.setDefaultButton(default)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_answer is not None:
        box.finished.connect(lambda _r: on_answer(box.standardButton(box.clickedButton())))
    if forget:
        box.finished.connect(lambda _r: setattr(owner, attribute, None))
    setattr(owner, attribute, box)
    box.open()
    return box


TASKBAR = 40  # room kept for a taskbar when the platform reports none (logical px)
TITLE_BAR = 32  # the window manager's frame above a window's contents


def free_area(widget: QWidget) -> QRect:
    """The part of ``widget``'s screen a window may use (without taskbar and title bar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = QRect(screen.availableGeometry())
    if area == screen.geometry():  # no taskbar reported (some X11 setups, offscreen)
        area.setHeight(area.height() - TASKBAR)
    area.setTop(area.top() + TITLE_BAR)
    return area


def fit_to_screen(window: QWidget) -> None:
    """Shrink a window that is larger than the free part of its screen (and move it inside),
    so its buttons are never below the taskbar on a 1366×768 laptop or at 150 % scaling.

    A dialog whose layout cannot shrink that far gets its contents into a scroll area above its
    buttons (:func:`scroll_body`); a dialog's fixed minimum larger than the screen is lowered
    to it. (The main window keeps its minimum: its pages do not scroll.)
    """
    area = free_area(window)
    if isinstance(window, QDialog):
        minimum = window.minimumSize()
        if not _fits(minimum, area):
            window.setMinimumSize(minimum.boundedTo(area.size()))
        if not _fits(window.minimumSizeHint(), area):
            scroll_body(window)
    width, height = min(window.width(), area.width()), min(window.height(), area.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    frame = window.frameGeometry()
    if not area.contains(frame.topLeft()) or frame.bottom() > area.bottom() + TITLE_BAR:
        x = min(max(frame.x(), area.x()), area.right() - window.width())
        y = min(max(frame.y(), area.y() - TITLE_BAR), area.bottom() - window.height())
        window.move(max(x, area.x()), max(y, area.y() - TITLE_BAR))


def _fits(size: QSize, area: QRect) -> bool:
    return size.width() <= area.width() and size.height() <= area.height()


def _button_row(layout: Any) -> Any:
    """The dialog's button row: the last item of its layout (a QDialogButtonBox, or a widget or
    row holding buttons), or None."""
    if layout is None or layout.count() < 2:
        return None
    item = layout.itemAt(layout.count() - 1)
    row = item.widget() or item.layout()
    if isinstance(row, QDialogButtonBox | QAbstractButton):
        return row
    if isinstance(row, QWidget):
        return row if row.findChildren(QAbstractButton) else None
    if row is not None and any(isinstance(row.itemAt(i).widget(), QAbstractButton | QDialogButtonBox)
                               for i in range(row.count())):
        return row
    return None


class BodyScroll(QScrollArea):
    """A dialog's contents above its buttons, scrolling where the screen is too small for them
    (see :func:`scroll_body`). Its size hint is the contents' own, so the dialog opens as large
    as it would without it; its minimum is at most ``room``, what the screen leaves beside the
    buttons, so the buttons stay on the screen."""

    def __init__(self, body: QWidget, room: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(body)
        body.installEventFilter(self)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        body = self.widget()
        hint = body.sizeHint().expandedTo(body.minimumSizeHint())
        if body.hasHeightForWidth():
            hint.setHeight(max(hint.height(), body.heightForWidth(hint.width())))
        return QSize(hint.width() + self._bar(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt)
        body = self.widget().minimumSizeHint()
        return QSize(min(body.width() + self._bar(), self.room.width()),
                     min(body.height(), self.room.height()))

    def show_widget(self, widget: QWidget) -> None:
        """Scroll ``widget`` into sight, after the pending layout has been done."""
        for owner in (self.window(), self.widget()):
            if owner.layout() is not None:
                owner.layout().activate()
        self.ensureWidgetVisible(widget, 0, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # contents grew (a box appeared): the dialog may grow too
            QTimer.singleShot(0, self, lambda: _grow_into_screen(self.window()))
        return False


def reveal(widget: QWidget) -> None:
    """Scroll the dialog body holding ``widget`` (see :func:`scroll_body`) so that it is in
    sight once the layout has settled: an error banner above, a box that has just appeared
    below. Nothing happens in a dialog that does not scroll."""
    scroll = widget.parentWidget()
    while scroll is not None and not isinstance(scroll, BodyScroll):
        scroll = scroll.parentWidget()
    if scroll is not None:
        QTimer.singleShot(0, scroll, lambda: scroll.show_widget(widget))
    else:  # the dialog may start to scroll just now (it grew past the screen): see scroll_body
        widget.setProperty("reveal_wanted", True)


def _grow_into_screen(window: QWidget) -> None:
    """Grow ``window`` towards its size hint, as far as the free screen area allows."""
    if not window.isVisible():
        return
    area = free_area(window)
    want = window.sizeHint().boundedTo(area.size()).expandedTo(window.size())
    if want != window.size():
        window.resize(want)
        fit_to_screen(window)


def scroll_body(dialog: QWidget) -> BodyScroll | None:
    """Put everything of ``dialog`` above its button row into a :class:`BodyScroll`, so a form
    taller than the screen (a 1366×768 laptop at 150 %: 911×512 logical pixels) scrolls while
    its 保存/取消 stay visible at the bottom. Does nothing without a recognisable button row
    (message and file boxes, one-widget layouts) or when already done."""
    layout = dialog.layout()
    row = _button_row(layout)
    if row is None or isinstance(dialog, QMessageBox | QFileDialog | QProgressDialog) \
            or dialog.findChild(BodyScroll) is not None:
        return None
    area = free_area(dialog)
    margins = layout.contentsMargins()
    showing = [w for w in dialog.children() if isinstance(w, QWidget) and not w.isWindow()
               and not w.isHidden()]  # moving hides them: shown again below
    if isinstance(row, QWidget):
        layout.removeWidget(row)
    else:
        layout.removeItem(row)
        row.setParent(None)  # owned by Python until the new layout takes it
    body = QWidget()
    body.setLayout(layout)  # moves the layout and its widgets off the dialog
    layout.setContentsMargins(0, 0, 0, 0)
    outer = QVBoxLayout()
    outer.setContentsMargins(margins)
    room = QSize(area.width() - margins.left() - margins.right(),
                 area.height() - margins.top() - margins.bottom() - max(outer.spacing(), 6)
                 - row.sizeHint().height())
    scroll = BodyScroll(body, room)
    outer.addWidget(scroll, 1)
    if isinstance(row, QWidget):
        outer.addWidget(row)
    else:
        outer.addLayout(row)
    dialog.setLayout(outer)
    for widget in (scroll, body, *showing):
        widget.show()
    dialog.setProperty("body_scrolled", True)
    for wanted in body.findChildren(QWidget):
        if wanted.property("reveal_wanted"):
            wanted.setProperty("reveal_wanted", None)
            if wanted.isVisibleTo(dialog):
                reveal(wanted)
    return scroll


class ScreenFit(QObject):
    """Application-wide: every window the app opens is fitted to the screen when first shown
    (one place instead of each dialog's fixed ``resize``), and again when a dialog grows past
    the screen later (a box that appears for one choice)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) \
                and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog) \
                and not watched.property("screen_fitted"):
            watched.setProperty("screen_fitted", True)
            fit_to_screen(watched)
        elif kind in (QEvent.Type.LayoutRequest, QEvent.Type.Resize) and isinstance(watched, QDialog) \
                and watched.property("screen_fitted") and not watched.property("body_scrolled"):
            QTimer.singleShot(0, watched, lambda: _refit(watched))
        return False


def _refit(dialog: QDialog) -> None:
    """A shown dialog that has grown beyond the free area, or below its bottom (its buttons
    under the taskbar), is fitted again."""
    area = free_area(dialog)
    if dialog.isVisible() and (not _fits(dialog.size(), area)
                               or dialog.frameGeometry().bottom() > area.bottom() + TITLE_BAR):
        fit_to_screen(dialog)


def confirm_delete(owner: QWidget, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before a delete (non-blocking, No is the default); ``on_yes`` runs on 删除.

    Kept as ``owner.delete_box`` while open, so tests and keyboard users find it.
    """
    box = QMessageBox(QMessageBox.Icon.Question, translate("Widgets", "Delete"), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                      owner.window())
    box.button(QMessageBox.StandardButton.Yes).setText(translate("Widgets", "Delete"))
    box.setInformativeText(translate("Widgets", "Ctrl+Z undoes the delete afterwards."))

    def answered(button: QMessageBox.StandardButton) -> None:
        if button == QMessageBox.StandardButton.Yes:
            on_yes()

    return open_box(owner, "delete_box", box, default=QMessageBox.StandardButton.No,
                    on_answer=answered, forget=True)


_TYPED_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(\D.*)?")
_BAD_DATE_STYLE = "border: 1px solid #d93025; border-radius: 3px;"


class _RefusesImpossibleDates:
    """For QDateEdit/QDateTimeEdit in ``yyyy-MM-dd…`` formats: an impossible date such as
    2026-02-30 stays on screen, marked red and reported (``problem()``), instead of Qt's
    silent fix (it pads the day's 3 to 03 and drops the 0: 2026-02-03)."""

    impossible_changed: Signal  # the message, "" once the text is a real date again

    def _setup_refusal(self) -> None:
        self._impossible = ""
        self.lineEdit().textEdited.connect(self._check_typed)  # type: ignore[attr-defined]

    def problem(self) -> str:
        """What is wrong with the typed date ("" when it is a real date)."""
        return self._impossible

    def validate(self, text: str, pos: int):  # noqa: ANN201 - (state, text, pos), as Qt's
        match = _TYPED_DATE.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups()[:3])
            if not 1 <= month <= 12 or not QDate(year, month, day).isValid() and day > 0:
                if year > 0 and 1 <= day <= 31:
                    return QValidator.State.Intermediate, text, pos  # keep it; refused on OK
            elif len(match.group(3)) == 1 and match.group(3) in "123" and pos == match.end(3):
                # a first day digit that a second one could complete: let the user type it
                return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)  # type: ignore[misc]

    def _check_typed(self, text: str) -> None:
        match = _TYPED_DATE.fullmatch(text)
        message = ""
        if match:
            year, month, day = (int(g) for g in match.groups()[:3])
            if not QDate(year, month, day).isValid():
                message = translate("Widgets", "{} is not a date on the calendar.").format(
                    f"{year:04d}-{month:02d}-{day:02d}")
        if message != self._impossible:
            self._impossible = message
            self.setStyleSheet(_BAD_DATE_STYLE if message else "")  # type: ignore[attr-defined]
            self.setToolTip(message)  # type: ignore[attr-defined]
            self.impossible_changed.emit(message)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt)
        if self._impossible:  # Qt would put the previous date back without a word
            QWidget.focusOutEvent(self, event)  # type: ignore[arg-type]
            return
        super().focusOutEvent(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        if self._impossible and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # to the dialog, whose OK refuses the date in place
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def setDate(self, value: QDate) -> None:  # noqa: N802 (Qt)
        super().setDate(value)  # type: ignore[misc]
        self._check_typed(self.lineEdit().text())  # type: ignore[attr-defined]


class DateEdit(_RefusesImpossibleDates, QDateEdit):
    """A ``yyyy-MM-dd`` date field with a calendar popup that refuses impossible dates."""

    impossible_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        QDateEdit.__init__(self, parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self._setup_refusal()


class DateTimeEdit(_RefusesImpossibleDates, QDateTimeEdit):
    """A ``yyyy-MM-dd HH:mm`` field with a calendar popup that refuses impossible dates."""

    impossible_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        QDateTimeEdit.__init__(self, parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self._setup_refusal()


class DebouncedLineEdit(QLineEdit):
    """A line edit that reports its text ``delay_ms`` after the user stops typing."""

    settled = Signal(str)

    def __init__(self, delay_ms: int = 200, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.settled.emit(self.text()))
        self.textChanged.connect(lambda _t: self._timer.start())

    def flush(self) -> None:
        """Report now (Enter key, tests)."""
        self._timer.stop()
        self.settled.emit(self.text())


def fill_combo(combo: QComboBox, items: Iterable[tuple[str | None, str]], keep: bool = True) -> None:
    """Replace a combo's items with (data, text) pairs, keeping the selected data if present."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    found = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


def colour_icon(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(colour.darker(130))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def heading(text: str, size_delta: int = 4) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(True)
    label.setFont(font)
    return label


class DetailView(QTextBrowser):
    """The read-only detail pane: simple HTML; links ``site:<id>`` / ``hazard:<id>`` navigate."""

    link_activated = Signal(str, str)  # kind, id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.anchorClicked.connect(self._on_anchor)

    def _on_anchor(self, url) -> None:  # QUrl
        kind, _, record_id = url.toString().partition(":")
        if kind in ("site", "hazard") and record_id:
            self.link_activated.emit(kind, record_id)


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def field_rows(rows: Iterable[tuple[str, str]]) -> str:
    """HTML table of label/value pairs; values must already be escaped (they may hold markup)."""
    empty = "<span style='color:#9aa0a6'>—</span>"
    cells = "".join(
        f"<tr><td style='color:#5f6368; padding:3px 12px 3px 0; white-space:nowrap'>{esc(label)}</td>"
        f"<td style='padding:3px 0'>{value or empty}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='0'>{cells}</table>"


def first_line(text: str | None, n: int = 40) -> str:
    """The first line of ``text``, cut to ``n`` characters; "…" when anything was left out."""
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line[:n] + ("…" if len(line) > n or "\n" in (text or "").strip() else "")

"""The toolbar's instant search: results pop up as you type (sites and hazards together).

Typing restarts a short timer; when it fires, ``services.search`` runs (it finds
two-character Chinese words such as 消防 or 燃气) and the hits fill a QCompleter popup that
is driven by hand (unfiltered: the service already matched). Enter or a click opens the hit
in its page; Escape closes the popup.
"""

from __future__ import annotations

from ..core.errors import DomainError
from ..services.search import search
from .context import AppContext
from .icons import icon
from .qt import (
    QCompleter,
    QLineEdit,
    QModelIndex,
    QRect,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
POPUP_WIDTH = 560  # wider than the box: titles are long; right-aligned with it


class SearchBox(QLineEdit):
    open_record = Signal(str, str)  # kind, id
    results_shown = Signal(int)  # number of hits shown (tests wait on it)

    DEBOUNCE_MS = 150
    LIMIT = 30

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search sites and hazards (Ctrl+F)"))
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(280)
        self.setMaximumWidth(420)
        self.results = QStandardItemModel(self)
        self.completer_ = QCompleter(self.results, self)
        self.completer_.setWidget(self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textChanged.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self._open_first)

    def popup(self):  # noqa: ANN201 - QAbstractItemView
        return self.completer_.popup()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        self.results.clear()
        if not text:
            self.popup().hide()
            return
        try:
            hits = search(self.ctx.session, text, self.LIMIT)
        except DomainError as exc:  # e.g. an overlong query
            self._add_note(exc.message(self.ctx.lang))
            hits = []
        for hit in hits:
            kind_label = self.tr("Site") if hit.kind == "site" else self.tr("Hazard")
            title = " ".join(hit.title.split())
            item = QStandardItem(icon("sites" if hit.kind == "site" else "hazards"),
                                 f"{kind_label} · {title}" + (f" — {hit.subtitle}" if hit.subtitle else ""))
            item.setData(hit.kind, KIND_ROLE)
            item.setData(hit.id, ID_ROLE)
            item.setToolTip(hit.title)
            item.setEditable(False)
            self.results.appendRow(item)
        if not hits and self.results.rowCount() == 0:
            self._add_note(self.tr("Nothing found for “{}”").format(text))
        width = max(self.width(), POPUP_WIDTH)
        self.completer_.complete(QRect(self.width() - width, 0, width, self.height()))
        if hits:
            self.popup().setCurrentIndex(self.results.index(0, 0))
        self.results_shown.emit(len(hits))

    def _add_note(self, text: str) -> None:
        item = QStandardItem(text)
        item.setEnabled(False)
        item.setSelectable(False)
        self.results.appendRow(item)

    def hits(self) -> list[tuple[str, str]]:
        """(kind, id) of what the popup shows now."""
        found = []
        for row in range(self.results.rowCount()):
            item = self.results.item(row)
            if item.data(ID_ROLE):
                found.append((item.data(KIND_ROLE), item.data(ID_ROLE)))
        return found

    def _activated(self, index: QModelIndex) -> None:
        kind, record_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        if kind and record_id:
            self.popup().hide()
            self.open_record.emit(kind, record_id)

    def _open_first(self) -> None:
        if self._timer.isActive():
            self.run_search()
        found = self.hits()
        if found:
            self.popup().hide()
            self.open_record.emit(*found[0])

    def focus_and_select(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

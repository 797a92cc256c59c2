"""Pages not built yet say what is coming, never show a blank area."""

from __future__ import annotations

from ..icons import icon
from ..qt import QT_TRANSLATE_NOOP, QHBoxLayout, QLabel, QSize, Qt, QVBoxLayout, QWidget, translate
from ..widgets import heading

CTX = "Placeholder"
COMING_SOON = QT_TRANSLATE_NOOP("Placeholder", "Coming soon")
PLANNED_LABEL = QT_TRANSLATE_NOOP("Placeholder", "Planned:")

PLANNED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "inspections": (
        QT_TRANSLATE_NOOP("Placeholder", "Inspections"),
        QT_TRANSLATE_NOOP("Placeholder", "Check a site item by item against its sector's checklist "
                                         "and record a hazard from any item in one click (coming soon)."),
        (
            QT_TRANSLATE_NOOP("Placeholder", "Pick a site, the checklist for its sector opens"),
            QT_TRANSLATE_NOOP("Placeholder", "Mark each item OK, hazard or not applicable"),
            QT_TRANSLATE_NOOP("Placeholder", "The item suggests level, legal basis and deadline"),
            QT_TRANSLATE_NOOP("Placeholder", "Patrols, re-checks, campaigns and random checks"),
        ),
    ),
    "documents": (
        QT_TRANSLATE_NOOP("Placeholder", "Documents"),
        QT_TRANSLATE_NOOP("Placeholder", "Print numbered rectification notices and re-check records, "
                                         "and keep the signed paper with the record (coming soon)."),
        (
            QT_TRANSLATE_NOOP("Placeholder", "Rectification notice and re-check record as PDF"),
            QT_TRANSLATE_NOOP("Placeholder", "Document numbers without gaps, also offline"),
            QT_TRANSLATE_NOOP("Placeholder", "Proof of service: signed for or refused, with witness"),
            QT_TRANSLATE_NOOP("Placeholder", "A scan of the signed paper attached to the document"),
        ),
    ),
    "sync": (
        QT_TRANSLATE_NOOP("Placeholder", "Sync"),
        QT_TRANSLATE_NOOP("Placeholder", "Exchange records with the township office by USB stick, "
                                         "network folder or WebDAV, with no server (coming soon)."),
        (
            QT_TRANSLATE_NOOP("Placeholder", "Signed, encrypted bundles"),
            QT_TRANSLATE_NOOP("Placeholder", "Works offline; syncs whenever a target is reachable"),
            QT_TRANSLATE_NOOP("Placeholder", "Concurrent edits are kept for a supervisor to resolve"),
        ),
    ),
    "statistics": (
        QT_TRANSLATE_NOOP("Placeholder", "Statistics"),
        QT_TRANSLATE_NOOP("Placeholder", "The figures the county asks for, and the hazard ledger as "
                                         "an Excel file (coming soon)."),
        (
            QT_TRANSLATE_NOOP("Placeholder", "Hazards found by level, sector and grid"),
            QT_TRANSLATE_NOOP("Placeholder", "Rectification rate, overdue and listed hazards"),
            QT_TRANSLATE_NOOP("Placeholder", "Inspections per inspector and sites covered"),
            QT_TRANSLATE_NOOP("Placeholder", "Ledger (台账) export to .xlsx"),
        ),
    ),
}


class PlaceholderPage(QWidget):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, summary, bullets = PLANNED[key]
        self.key = key
        self.title = heading(translate(CTX, title), 6)
        self.summary = QLabel(translate(CTX, summary))
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSize(font.pointSize() + 2)
        self.summary.setFont(font)
        badge = QLabel(translate(CTX, COMING_SOON))
        badge.setStyleSheet("background:#e8f0fe; color:#174ea6; border-radius:9px; padding:2px 10px;")
        picture = QLabel()
        picture.setPixmap(icon(key).pixmap(QSize(56, 56)))
        head = QHBoxLayout()
        head.addWidget(picture)
        head.addSpacing(8)
        head.addWidget(self.title)
        head.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        items = "".join(f"<li style='margin-bottom:6px'>{translate(CTX, b)}</li>" for b in bullets)
        self.bullets = QLabel(f"<b>{translate(CTX, PLANNED_LABEL)}</b><ul>{items}</ul>")
        self.bullets.setTextFormat(Qt.TextFormat.RichText)
        self.bullets.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.bullets)
        layout.addStretch(1)

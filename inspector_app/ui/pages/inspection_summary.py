"""What a finished inspection found: the counts and a link to each hazard it recorded."""

from __future__ import annotations

from typing import Any

from .. import labels
from ..qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import esc, first_line, heading


class SummaryPanel(QFrame):
    """What a finished inspection found; stays until the next inspection starts or resumes."""

    start_requested = Signal()
    open_hazard = Signal(str)  # a hazard the inspection recorded, to open on the 隐患 page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: dict[str, Any] = {}
        self.hazards_label = QLabel()
        self.hazards_label.setTextFormat(Qt.TextFormat.RichText)
        self.hazards_label.setWordWrap(True)
        self.hazards_label.linkActivated.connect(self._link)
        self.title = heading(self.tr("Inspection finished"), 6)
        self.site_label = heading("", 2)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        font = self.body.font()
        font.setPointSize(font.pointSize() + 2)
        self.body.setFont(font)
        self.start_button = QPushButton(self.tr("Start the next inspection…"))
        self.start_button.clicked.connect(lambda _c=False: self.start_requested.emit())
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.site_label)
        layout.addWidget(self.body)
        layout.addWidget(self.hazards_label)
        layout.addLayout(row)
        layout.addStretch(1)

    def _link(self, href: str) -> None:
        if href.startswith("hazard:"):
            self.open_hazard.emit(href.removeprefix("hazard:"))

    def show_summary(self, summary: dict[str, Any]) -> None:
        self.summary = summary
        self.site_label.setText(summary.get("site_name", ""))
        by_level = summary.get("hazards_by_level", {})
        rows: list[tuple[str, Any]] = []
        if summary.get("inspectors"):
            rows.append((self.tr("Inspectors"), summary["inspectors"]))
        if summary.get("campaign"):
            rows.append((self.tr("Campaign"), summary["campaign"]))
        rows += [
            (self.tr("Items checked"), f"{summary['items_checked']} / {summary['items_total']}"),
            (self.tr("OK"), summary["ok"]),
            (self.tr("Hazard"), summary["hazard"]),
            (self.tr("N/A"), summary["na"]),
            (self.tr("Not checked"), summary["unchecked"]),
            (self.tr("Hazards recorded"), summary["hazards"]),
            (labels.level("general"), by_level.get("general", 0)),
            (labels.level("major"), by_level.get("major", 0)),
        ]
        if summary.get("major_unconfirmed"):
            rows.append((self.tr("Major level to be confirmed"), summary["major_unconfirmed"]))
        if "photos" in summary:
            rows.append((self.tr("On-site photos"), summary["photos"]))
        cells = "".join(f"<tr><td style='color:#5f6368; padding:4px 24px 4px 0'>{esc(k)}</td>"
                        f"<td style='padding:4px 0'><b>{esc(v)}</b></td></tr>" for k, v in rows)
        self.body.setText(f"<table cellspacing='0'>{cells}</table>")
        links = []
        for h in summary.get("hazard_rows", []):
            text = first_line(h.description or "", 50)
            colour = "#d93025" if h.level == "major" else "#1a73e8"
            links.append(f"<a href='hazard:{esc(h.id)}' style='color:{colour}'>{esc(labels.level(h.level))}"
                         f" · {esc(text)}</a>")
        self.hazards_label.setText(
            ("<b>" + esc(self.tr("Hazards recorded (click to open):")) + "</b><br>" + "<br>".join(links))
            if links else "")
        self.hazards_label.setVisible(bool(links))

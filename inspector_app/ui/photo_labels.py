"""Words and colours of photo phases and flags, shared by the strip, the viewer and the comparison.

Apart from ``photo_strip`` so that the dialogs the strip opens do not import the strip back.
"""

from __future__ import annotations

from typing import Any

from ..photos.results import AFTER_BEFORE_NOTICE, REUSED_ELSEWHERE
from . import labels
from .qt import QCoreApplication

PHASE_CODES = ("before", "after", "scene")
INSPECTION_PHASES = ("scene",)  # before/after rectification belong to a hazard
PHASE_COLORS = {"before": "#C5221F", "after": "#188038", "scene": "#1967D2"}
FLAG_COLOR = "#F9AB00"


def phase_label(code: str | None) -> str:
    if code == "before":
        return QCoreApplication.translate("PhotoStrip", "Before rectification")
    if code == "after":
        return QCoreApplication.translate("PhotoStrip", "After rectification")
    if code == "scene":
        return QCoreApplication.translate("PhotoStrip", "On site")
    return code or ""


def phase_badge(code: str | None) -> str:
    """The short word on a thumbnail's badge."""
    if code == "before":
        return QCoreApplication.translate("PhotoStrip", "Before")
    if code == "after":
        return QCoreApplication.translate("PhotoStrip", "After")
    if code == "scene":
        return QCoreApplication.translate("PhotoStrip", "Scene")
    return code or ""


def flag_reasons(flags: dict[str, Any]) -> list[str]:
    """Why a link is flagged, one line per flag, for tooltips and captions."""
    lines = []
    if REUSED_ELSEWHERE in flags:
        n = len((flags[REUSED_ELSEWHERE] or {}).get("site_ids") or [])
        lines.append(QCoreApplication.translate(
            "PhotoStrip", "⚠ The same photo is already evidence for a hazard at another site"
            " ({} other sites)").format(max(1, n)))
    if AFTER_BEFORE_NOTICE in flags:
        info = flags[AFTER_BEFORE_NOTICE] or {}
        taken = labels.local_time(info["taken_at"]) if info.get("taken_at") else "?"
        lines.append(QCoreApplication.translate(
            "PhotoStrip", "⚠ “After” photo taken ({}) before the rectification notice was"
            " served ({})").format(taken, info.get("served_on") or "?"))
    for code in flags:
        if code not in (REUSED_ELSEWHERE, AFTER_BEFORE_NOTICE):
            lines.append(f"⚠ {code}")
    return lines

"""Display labels for the codes that services use (status, level, risk colour, source …).

Code values stay English (``notified``); the UI shows them through ``tr()`` — Chinese by
default. Tables are marked with ``QT_TRANSLATE_NOOP`` so pyside6-lupdate collects them and
are translated when shown, so a language switch takes effect at once.
"""

from __future__ import annotations

from datetime import datetime

from ..core import hazard_status as hs
from ..core.sectors import all_sectors, sector_label
from .qt import QT_TRANSLATE_NOOP, QColor, translate

CTX = "Labels"

STATUS = {
    hs.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    hs.OPEN: QT_TRANSLATE_NOOP("Labels", "Not yet notified"),
    hs.NOTIFIED: QT_TRANSLATE_NOOP("Labels", "Rectifying"),
    hs.AWAITING_RECHECK: QT_TRANSLATE_NOOP("Labels", "Awaiting re-check"),
    hs.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
}
LEVEL = {
    "general": QT_TRANSLATE_NOOP("Labels", "General hazard"),
    "major": QT_TRANSLATE_NOOP("Labels", "Major hazard"),
}
RISK = {
    "red": QT_TRANSLATE_NOOP("Labels", "Red"),
    "orange": QT_TRANSLATE_NOOP("Labels", "Orange"),
    "yellow": QT_TRANSLATE_NOOP("Labels", "Yellow"),
    "blue": QT_TRANSLATE_NOOP("Labels", "Blue"),
}
RISK_COLOUR = {
    "red": QColor("#d93025"),
    "orange": QColor("#f08c00"),
    "yellow": QColor("#f2c400"),
    "blue": QColor("#1a73e8"),
}
SOURCE = {
    "patrol": QT_TRANSLATE_NOOP("Labels", "Patrol"),
    "public_report": QT_TRANSLATE_NOOP("Labels", "Public report"),
    "internal_report": QT_TRANSLATE_NOOP("Labels", "Internal report"),
    "assigned": QT_TRANSLATE_NOOP("Labels", "Handed down"),
    "campaign": QT_TRANSLATE_NOOP("Labels", "Special campaign"),
}
FACTOR = {
    "人": QT_TRANSLATE_NOOP("Labels", "People (unsafe act)"),
    "机": QT_TRANSLATE_NOOP("Labels", "Equipment (unsafe state)"),
    "环": QT_TRANSLATE_NOOP("Labels", "Environment"),
    "管": QT_TRANSLATE_NOOP("Labels", "Management defect"),
}
MEASURE = {
    "人防": QT_TRANSLATE_NOOP("Labels", "People"),
    "技防": QT_TRANSLATE_NOOP("Labels", "Technology"),
    "工程防": QT_TRANSLATE_NOOP("Labels", "Engineering"),
    "管理防": QT_TRANSLATE_NOOP("Labels", "Management"),
}
ESCALATION = {
    "reminder": QT_TRANSLATE_NOOP("Labels", "Reminder"),
    "summons": QT_TRANSLATE_NOOP("Labels", "Summons talk"),
    "warning_circular": QT_TRANSLATE_NOOP("Labels", "Warning circular"),
    "listed_supervision": QT_TRANSLATE_NOOP("Labels", "Listed supervision"),
    "investigation": QT_TRANSLATE_NOOP("Labels", "Investigation taken up a level"),
    "enforcement": QT_TRANSLATE_NOOP("Labels", "Handed to enforcement"),
}
EVENT = {
    hs.EventKind.DRAFTED: QT_TRANSLATE_NOOP("Labels", "Draft recorded"),
    hs.EventKind.RECORDED: QT_TRANSLATE_NOOP("Labels", "Hazard recorded"),
    hs.EventKind.PUBLISHED: QT_TRANSLATE_NOOP("Labels", "Submitted"),
    hs.EventKind.NOTIFIED: QT_TRANSLATE_NOOP("Labels", "Rectification notice served"),
    hs.EventKind.FIXED_ON_SPOT: QT_TRANSLATE_NOOP("Labels", "Fixed on the spot"),
    hs.EventKind.REPORTED_DONE: QT_TRANSLATE_NOOP("Labels", "Unit reported completion"),
    hs.EventKind.RECHECK_PASSED: QT_TRANSLATE_NOOP("Labels", "Re-check passed"),
    hs.EventKind.RECHECK_FAILED: QT_TRANSLATE_NOOP("Labels", "Re-check failed"),
    hs.EventKind.REOPENED: QT_TRANSLATE_NOOP("Labels", "Reopened"),
    hs.EventKind.EXTENDED: QT_TRANSLATE_NOOP("Labels", "Deadline extended"),
    hs.EventKind.ESCALATED: QT_TRANSLATE_NOOP("Labels", "Escalated"),
    hs.EventKind.LISTED: QT_TRANSLATE_NOOP("Labels", "Listed supervision"),
    hs.EventKind.DELISTED: QT_TRANSLATE_NOOP("Labels", "Delisted"),
    hs.EventKind.LEVEL_CHANGED: QT_TRANSLATE_NOOP("Labels", "Level changed"),
    hs.EventKind.DEADLINE_SET: QT_TRANSLATE_NOOP("Labels", "Deadline changed"),
    hs.EventKind.LEVEL_CONFIRMED: QT_TRANSLATE_NOOP("Labels", "Level confirmed"),
}
OVERDUE = QT_TRANSLATE_NOOP("Labels", "Overdue")
EXTENDED = QT_TRANSLATE_NOOP("Labels", "Extended")
LISTED = QT_TRANSLATE_NOOP("Labels", "Listed")
UNRATED = QT_TRANSLATE_NOOP("Labels", "Not rated")
PROVISIONAL = QT_TRANSLATE_NOOP("Labels", "(provisional)")  # a due date before the notice is served
IMMEDIATELY = QT_TRANSLATE_NOOP("Labels", "Immediately")  # a deadline of 0 days: 立即整改

OVERDUE_COLOUR = QColor("#c5221f")
MAJOR_COLOUR = QColor("#a50e0e")


def _label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return translate(CTX, source) if source else code


def status(code: str | None) -> str:
    return _label(STATUS, code)


def level(code: str | None) -> str:
    return _label(LEVEL, code)


def risk(code: str | None) -> str:
    return _label(RISK, code)


def source(code: str | None) -> str:
    return _label(SOURCE, code)


def factor(code: str | None) -> str:
    return _label(FACTOR, code)


def measure(code: str | None) -> str:
    return _label(MEASURE, code)


def escalation(code: str | None) -> str:
    return _label(ESCALATION, code)


def event(code: str | None) -> str:
    return _label(EVENT, code)


def text(source_text: str) -> str:
    """One of the loose labels above (OVERDUE, EXTENDED …), translated."""
    return translate(CTX, source_text)


def sectors(codes: tuple[str, ...] | list[str], lang: str) -> str:
    """Sector names come from resources/sectors.json in both languages, not from tr()."""
    sep = ", " if lang == "en" else "、"
    return sep.join(sector_label(c, lang) for c in codes)


def sector_choices(lang: str) -> list[tuple[str, str]]:
    return [(s.code, s.name_en if lang == "en" else s.name) for s in all_sectors()]


def local_time(iso: str | None) -> str:
    """A stored UTC timestamp as local ``YYYY-MM-DD HH:MM``."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")

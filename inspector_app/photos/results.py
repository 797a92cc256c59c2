"""Per-file and per-batch results of an import, and the supervisor flags (plain data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OK, DUPLICATE, ERROR, CANCELLED = "ok", "duplicate", "error", "cancelled"
PHASES = ("before", "after", "scene")
PHASE_ZH = {"before": "整改前", "after": "整改后", "scene": "现场"}

REUSED_ELSEWHERE = "reused_elsewhere"
AFTER_BEFORE_NOTICE = "after_before_notice"
FLAG_TEXT = {
    REUSED_ELSEWHERE: (
        "the same photo (same sha256) is already evidence for another site",
        "同一张照片（sha256 相同）已作为其他场所的证据",
    ),
    AFTER_BEFORE_NOTICE: (
        "an 'after' photo taken before the rectification notice was served",
        "整改后照片的拍摄时间早于整改通知送达日期",
    ),
}


def flag_message(code: str, lang: str = "zh") -> str:
    en, zh = FLAG_TEXT.get(code, (code, code))
    return en if lang.startswith("en") else zh


def compute_flags(
    *, phase: str, site_id: str | None, other_site_ids: list[str], taken_at: str | None,
    taken_at_source: str | None, served_on: str | None,
) -> dict[str, Any]:
    """Flags for a new link (design.md §5): they inform a supervisor, never block."""
    flags: dict[str, Any] = {}
    others = sorted({s for s in other_site_ids if s and s != site_id})
    if site_id and others:
        flags[REUSED_ELSEWHERE] = {"site_ids": others}
    # dates compare as local calendar days: served_on has no time of day
    if phase == "after" and served_on and taken_at and taken_at[:10] < served_on[:10]:
        flags[AFTER_BEFORE_NOTICE] = {
            "taken_at": taken_at, "taken_at_source": taken_at_source, "served_on": served_on,
        }
    return flags


@dataclass
class FileResult:
    path: str
    status: str = CANCELLED
    link_id: str | None = None
    sha256: str | None = None
    kind: str | None = None
    code: str | None = None  # error code
    en: str | None = None
    zh: str | None = None
    flags: dict[str, Any] = field(default_factory=dict)
    notes: list[dict[str, str]] = field(default_factory=list)

    def message(self, lang: str = "zh") -> str | None:
        return self.en if lang.startswith("en") else self.zh

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "file": self.path, "status": self.status, "id": self.link_id, "sha256": self.sha256,
            "kind": self.kind, "error": self.code, "message": self.message(lang),
            "flags": self.flags, "notes": self.notes,
        }


@dataclass
class BatchResult:
    results: list[FileResult]
    skipped: list[str] = field(default_factory=list)  # folder entries that are not media
    changes: Any = None  # services.changes.Changes

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == ERROR]

    @property
    def cancelled(self) -> bool:
        return any(r.status == CANCELLED for r in self.results)

    @property
    def all_imported(self) -> bool:
        return all(r.status in (OK, DUPLICATE) for r in self.results)

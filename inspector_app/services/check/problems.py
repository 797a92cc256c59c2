"""One finding of ``check``: a stable code and the message in English and Chinese."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    code: str  # e.g. "audit_truncated", "oplog_missing", "trigger_missing"
    en: str
    zh: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh

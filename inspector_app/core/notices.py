"""A warning that does not stop an action, in both languages (services and readers return it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """A warning that does not stop the action (e.g. a USCC that fails its check)."""

    code: str
    en: str
    zh: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh

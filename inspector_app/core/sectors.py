"""Sectors (专项整治 areas, domain.md §4), read from resources/sectors.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from ..resources_path import resource_path


@dataclass(frozen=True)
class Sector:
    code: str
    name: str
    name_en: str


@cache
def all_sectors() -> tuple[Sector, ...]:
    data = json.loads(resource_path("sectors.json").read_text("utf-8"))
    return tuple(Sector(s["code"], s["name"], s["name_en"]) for s in data["sectors"])


def sector_by_code(code: str) -> Sector | None:
    return next((s for s in all_sectors() if s.code == code), None)


def resolve_sector(text: str) -> Sector | None:
    """A sector by code, Chinese name (or one part of a slashed name) or English name."""
    t = text.strip()
    for s in all_sectors():
        if t.lower() in (s.code, s.name_en.lower()) or t == s.name or t in s.name.split("/"):
            return s
    # a unique part of a Chinese name: 燃气 → 城镇燃气
    partial = [s for s in all_sectors() if len(t) >= 2 and t in s.name]
    return partial[0] if len(partial) == 1 else None


def sector_label(code: str | None, lang: str = "zh") -> str:
    if not code:
        return ""
    s = sector_by_code(code)
    if s is None:
        return code
    return s.name_en if lang.startswith("en") else s.name

"""What a write changed, so views refresh only what they show (design.md §1)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.notices import Notice  # noqa: F401 - re-exported: services return it

SITES, UNITS, HAZARDS, INSPECTIONS, REGIONS, USERS, CHECKLISTS, STORE = (
    "site",
    "unit",
    "hazard",
    "inspection",
    "region",
    "user",
    "checklist",
    "store",
)


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: str) -> Changes:
        return cls(frozenset(kinds))

    def touches(self, *kinds: str) -> bool:
        return STORE in self.kinds or any(k in self.kinds for k in kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)


NOTHING = Changes()  # what a result that names no changes changed
EVERYTHING = Changes.of(STORE)  # another store was opened (or its folder renamed): views reload


@dataclass(frozen=True)
class Saved:
    """Result of an add/edit: the record's id, warnings to show, what changed."""

    id: str
    changes: Changes
    warnings: tuple[Notice, ...] = ()

"""The escalation ladder (提醒函 → 约谈 → 警示通报 → 挂牌督办 → 提级调查/移交执法), as data.

The ladder lives in ``resources/escalation.json`` so an admin can adapt it to the county's
practice without a code change. Each escalation is a dated hazard event (who, why); the
hazard's ``escalation`` flag is the highest rung reached, so two devices escalating the same
hazard concurrently still agree after a merge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..resources_path import resource_path
from .errors import ValidationError

# Used when the resource cannot be read (a broken install must not stop deadline work).
_BUILTIN = (
    ("reminder", "提醒函", "Reminder letter", 1, False),
    ("summons", "约谈", "Summons talk", 2, False),
    ("warning_circular", "警示通报", "Warning circular", 3, False),
    ("listed_supervision", "挂牌督办", "Listed supervision", 4, True),
    ("investigation", "提级调查", "Investigation taken up a level", 5, False),
    ("enforcement", "移交执法", "Handed to enforcement", 5, False),
)


@dataclass(frozen=True)
class Step:
    code: str
    zh: str
    en: str
    rank: int
    lists: bool = False  # reaching this step also lists the hazard (挂牌督办)

    def label(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


@lru_cache(maxsize=1)
def ladder() -> tuple[Step, ...]:
    """The configured ladder, mildest first."""
    try:
        data = json.loads((resource_path("escalation.json")).read_text("utf-8"))
        steps = tuple(
            Step(s["code"], s["zh"], s["en"], int(s["rank"]), bool(s.get("lists", False)))
            for s in data["steps"]
        )
        if not steps or len({s.code for s in steps}) != len(steps):
            raise ValueError("empty ladder or duplicate codes")
    except (OSError, ValueError, KeyError, TypeError):
        steps = tuple(Step(*row) for row in _BUILTIN)
    return tuple(sorted(steps, key=lambda s: s.rank))


def step(code: str) -> Step:
    """The step with this code; a ``ValidationError`` listing the valid codes otherwise."""
    for s in ladder():
        if s.code == code:
            return s
    codes = ", ".join(s.code for s in ladder())
    names = "、".join(f"{s.zh}({s.code})" for s in ladder())
    raise ValidationError(f"unknown escalation step {code!r}; one of: {codes}",
                          f"未知的督办措施“{code}”，可选：{names}", code="bad_step")


def rank(code: str | None) -> int:
    """A step's rung (0 for none or a code no longer on the ladder)."""
    if not code:
        return 0
    for s in ladder():
        if s.code == code:
            return s.rank
    return 0


def higher(current: str | None, new: str) -> str:
    """The step to show after escalating to ``new``: the highest rung reached (ties: newest)."""
    return new if rank(new) >= rank(current) else (current or new)

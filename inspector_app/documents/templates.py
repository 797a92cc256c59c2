"""Document wording as data: ``resources/documents/<kind>.json`` (see its README)."""

from __future__ import annotations

import json
from typing import Any

from ..resources_path import resource_path

KINDS = ("notice", "recheck_record", "inspection_record", "decision", "order",
         "recheck_opinion", "service")


class _Keep(dict):
    def __missing__(self, key: str) -> str:  # an unknown placeholder prints as written
        return "{" + key + "}"


def load(kind: str) -> dict[str, Any]:
    """The template of ``kind`` merged over ``common.json`` (read on every render: editable)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    with open(resource_path("documents", "common.json"), encoding="utf-8") as fh:
        common = json.load(fh)
    with open(resource_path("documents", f"{kind}.json"), encoding="utf-8") as fh:
        own = json.load(fh)
    return {**common, **own, "common_labels": common["labels"]}


def fill(pattern: str, **values: str) -> str:
    """``pattern`` with ``{name}`` placeholders replaced; values are plain text, not markup."""
    return pattern.format_map(_Keep(values))

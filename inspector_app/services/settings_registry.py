"""The settings the domain reads, declared once: key, type, default, synced or device-local.

A *synced* setting changes derived results (deadlines, the inspection plan, what counts as
overdue), so every device must read the same value: it is a row of the synced ``setting``
table (id = its key), stamped with an HLC and carried by the oplog like any other row
(migration 10). A *device-local* setting is about this installation only (staying logged
in) and stays in ``store_info``, which never syncs.

Services read through :func:`get` (a missing or unreadable value gives the default, so a
broken setting never stops the app) and write through :func:`put` inside their write
transaction, which is audited by the caller. ``check`` validates the stored synced values
with :func:`problems_in`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..core.errors import ValidationError
from ..core.holidays import OfficialYear, RegionalHoliday
from ..store.store import WriteTx, set_info

T = TypeVar("T")
SYNCED, DEVICE_LOCAL = "synced", "device_local"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    scope: str  # SYNCED | DEVICE_LOCAL
    parse: Callable[[Any], T]  # the stored JSON value -> the typed value; ValueError/TypeError if bad
    doc: str


def _flag(value: Any) -> bool:
    if not isinstance(value, bool | int) or value not in (0, 1):
        raise ValueError(f"not a yes/no value: {value!r}")
    return bool(value)


def _regional(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise ValueError("regional holidays must be a list of rules")
    return [RegionalHoliday.from_json(rule).to_json() for rule in value]


def _official(value: Any) -> dict[str, dict[str, list[str]]]:
    if not isinstance(value, dict):
        raise ValueError("official schedules must map years to their days")
    return {str(y): OfficialYear.from_json(y, v if isinstance(v, dict) else {}).to_json()
            for y, v in sorted(value.items())}


DEFAULT_INTERVALS = {"red": 1, "orange": 2, "yellow": 3, "blue": 6, "unrated": 6}


def _intervals(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError("inspection intervals must map risk colours to months")
    merged = dict(DEFAULT_INTERVALS)
    merged.update({k: int(v) for k, v in value.items() if k in merged})
    return merged


REGIONAL_HOLIDAYS: Setting[list[dict[str, Any]]] = Setting(
    "regional_holidays", list, [], SYNCED, _regional,
    "extra regional rest days (三月三, 古尔邦节 …); deadlines in working days skip them")
OFFICIAL_YEARS: Setting[dict[str, dict[str, list[str]]]] = Setting(
    "official_years", dict, {}, SYNCED, _official,
    "published holiday/调休 schedules entered for years this app's calendar does not know yet")
INSPECTION_INTERVALS: Setting[dict[str, int]] = Setting(
    "inspection_intervals", dict, DEFAULT_INTERVALS, SYNCED, _intervals,
    "months between routine inspections per risk colour (the inspection plan)")
OVERDUE_COUNTS_PROVISIONAL: Setting[bool] = Setting(
    "overdue_counts_provisional", bool, False, SYNCED, _flag,
    "whether a passed provisional deadline (notice not served yet) counts as overdue")
STAY_LOGGED_IN: Setting[bool] = Setting(
    "stay_logged_in", bool, True, DEVICE_LOCAL, _flag,
    "open this installation as the last user without asking for a password")

REGISTRY: dict[str, Setting[Any]] = {s.key: s for s in (
    REGIONAL_HOLIDAYS, OFFICIAL_YEARS, INSPECTION_INTERVALS, OVERDUE_COUNTS_PROVISIONAL, STAY_LOGGED_IN)}


def raw(conn: sqlite3.Connection, setting: Setting[Any]) -> str | None:
    """The stored text of ``setting`` (JSON for a synced one), None when unset."""
    if setting.scope == SYNCED:
        row = conn.execute("SELECT value_json FROM setting WHERE id = ? AND deleted = 0",
                           (setting.key,)).fetchone()
    else:
        row = conn.execute("SELECT value FROM store_info WHERE key = ?", (setting.key,)).fetchone()
    return row[0] if row else None


def _decode(setting: Setting[T], text: str) -> T:
    if setting.scope == DEVICE_LOCAL and setting.type is bool:
        if text not in ("0", "1"):  # store_info has always held "1" / "0"
            raise ValueError(f"not a yes/no value: {text!r}")
        return setting.parse(text == "1")
    return setting.parse(json.loads(text))


def get(conn: sqlite3.Connection, setting: Setting[T]) -> T:
    """The value of ``setting``; its default when unset or unreadable."""
    text = raw(conn, setting)
    if text is None:
        return setting.default
    try:
        return _decode(setting, text)
    except (ValueError, TypeError, AttributeError, ValidationError):
        return setting.default  # a broken setting falls back to the default


def encode(setting: Setting[T], value: T) -> str:
    """The text :func:`put` stores (checked by ``setting.parse`` first)."""
    if setting.scope == DEVICE_LOCAL and setting.type is bool:
        return "1" if setting.parse(value) else "0"
    return json.dumps(setting.parse(value), ensure_ascii=False, sort_keys=True)


def put(tx: WriteTx, setting: Setting[T], value: T) -> None:
    """Store ``value`` in the caller's transaction (a synced one as a stamped row)."""
    text = encode(setting, value)
    if setting.scope == DEVICE_LOCAL:
        set_info(tx, setting.key, text)
        return
    row = tx.conn.execute("SELECT value_json, deleted FROM setting WHERE id = ?",
                          (setting.key,)).fetchone()
    if row is None:
        tx.insert("setting", {"id": setting.key, "value_json": text})
    elif (row[0], row[1]) != (text, 0):
        tx.update("setting", setting.key, {"value_json": text, "deleted": 0})


def problems_in(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(key, reason) for each stored synced setting that is unknown or not of its type."""
    out = []
    for key, text in conn.execute("SELECT id, value_json FROM setting WHERE deleted = 0"):
        setting = REGISTRY.get(key)
        if setting is None or setting.scope != SYNCED:
            out.append((key, "unknown setting"))
            continue
        try:
            _decode(setting, text)
        except (ValueError, TypeError, AttributeError, ValidationError) as exc:
            out.append((key, str(exc) or type(exc).__name__))
    return out

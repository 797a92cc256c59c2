"""Fill a store with the demo township (a demo store: never mixed into a real one).

The loader writes rows the way the services would, but in one transaction and with the
hazard's cached status computed from the events it writes (``derive``), so 100,000
hazards load in reasonable time. Cancelling rolls everything back. Demo photos
(``photos=N``) are imported afterwards, like a user's (``demo_photos``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone

from ..core import hazard_status as hs
from ..core.deadlines import due_date
from ..core.errors import Cancelled, ValidationError
from ..core.uscc import check_uscc
from ..store.store import WriteTx, set_info
from .changes import STORE, Changes
from .demo_content import DemoHazard, DemoTownship, generate_township
from .hazards import _recheck_due
from .lifecycle_common import calendar_from_conn
from .session import Session

Progress = Callable[[int, int, str], None]
CHINA = timezone(timedelta(hours=8))
E = hs.EventKind


def fill_demo(
    session: Session, *, sites: int = 200, hazards: int = 1000, seed: int = 2026,
    progress: Progress | None = None, cancel: threading.Event | None = None, photos: int = 0,
) -> Changes:
    """Generate the demo township into this (empty or demo) store and mark it a demo store.

    ``photos``: generated photos attached to the demo hazards afterwards (0: none); the
    township stays even if their import is cancelled.
    """
    conn = session.store.read()
    has_data = conn.execute(
        "SELECT (SELECT count(*) FROM site) + (SELECT count(*) FROM hazard)"
    ).fetchone()[0]
    if has_data and not session.is_demo:
        raise ValidationError(
            "this store holds real data; demo data goes into a separate demo store",
            "当前数据库已有正式数据，演示数据只能放在单独的演示库中（请用其他数据目录）",
            code="real_store",
        )
    if has_data:
        raise ValidationError("the demo store is already filled", "演示库已有数据，无需重复生成",
                              code="demo_filled")
    if sites < 1 or hazards < 0:
        raise ValidationError("need at least one site", "至少需要 1 个场所")
    if photos < 0 or (photos and not hazards):
        raise ValidationError("demo photos need demo hazards (and cannot be negative)",
                              "演示照片需要演示隐患（数量也不能为负数）")
    report = progress or (lambda done, total, message: None)
    report(0, 1, "生成演示数据…")
    town = generate_township(seed=seed, sites=sites, hazards=hazards, today=session.clock.today())
    total = len(town.sites) + len(town.hazards)

    def job(tx: WriteTx) -> None:
        _Loader(tx, town, report, cancel, total).run()

    session.write(job)
    from .demo_leads import add_demo_leads

    add_demo_leads(session, seed=seed)
    if photos:
        from .demo_photos import add_demo_photos  # Pillow: loaded only when photos are wanted

        add_demo_photos(session, photos, seed=seed, progress=progress, cancel=cancel)
    return Changes.of(STORE)


def is_filled(session: Session) -> bool:
    """A demo store that already holds the township (more photos may still be added)."""
    conn = session.store.read()
    return session.is_demo and bool(conn.execute("SELECT count(*) FROM hazard").fetchone()[0])


class _Loader:
    def __init__(self, tx: WriteTx, town: DemoTownship, report: Progress,
                 cancel: threading.Event | None, total: int) -> None:
        self.tx, self.town, self.report, self.cancel, self.total = tx, town, report, cancel, total
        self.done = 0
        self.grid_ids: dict[str, str] = {}
        self.user_ids: dict[str, str] = {}
        self.site_ids: dict[str, str] = {}
        self.site_grid: dict[str, str] = {}
        self.site_sector: dict[str, str] = {}
        self.inspections: dict[tuple[str, str, str], str] = {}

    def _step(self, message: str) -> None:
        self.done += 1
        if self.done % 200 == 0 or self.done == self.total:
            if self.cancel is not None and self.cancel.is_set():
                raise Cancelled()
            self.report(self.done, self.total, message)

    def run(self) -> None:
        tx, town = self.tx, self.town
        set_info(tx, "demo", "1")
        set_info(tx, "demo_township", town.township)
        county = tx.insert("region", {"level": "county", "name": town.county})
        township = tx.insert("region", {"level": "township", "name": town.township,
                                        "code": town.township_code, "parent_id": county})
        tx.insert("agency", {"name": town.agency_name, "short_name": town.agency_short,
                             "region_id": township, "enforcement_power": 0})
        for village in town.villages:
            vid = tx.insert("region", {"level": "village", "name": village.name,
                                       "code": village.code, "parent_id": township})
            for grid in village.grids:
                self.grid_ids[grid.code] = tx.insert(
                    "region", {"level": "grid", "name": grid.name, "code": grid.code, "parent_id": vid})
        for user in town.users:
            fields = {"name": user.name, "role": user.role, "cert_no": user.cert_no,
                      "grid_ids": json.dumps([self.grid_ids[c] for c in user.grid_codes]), "active": 1}
            # the store's own first user (``admin``) becomes the demo's: logins stay unique
            known = tx.conn.execute("SELECT id FROM app_user WHERE login = ? AND deleted = 0",
                                    (user.login,)).fetchone()
            if known:
                tx.update("app_user", known[0], fields)
                self.user_ids[user.login] = known[0]
            else:
                self.user_ids[user.login] = tx.insert("app_user", {"login": user.login, **fields})
        units: dict[str, str] = {}
        for site in town.sites:
            unit_id = None
            if site.unit_name:
                key = site.uscc or site.unit_name
                unit_id = units.get(key)
                if unit_id is None:
                    check = check_uscc(site.uscc) if site.uscc else None
                    unit_id = units[key] = tx.insert("unit", {
                        "name": site.unit_name, "uscc": check.normalized if check else None,
                        "uscc_ok": int(check.ok) if check else None, "legal_rep": site.legal_rep,
                        "phone": site.phone,
                    })
            self.site_ids[site.key] = tx.insert("site", {
                "unit_id": unit_id, "name": site.name, "sectors": json.dumps([site.sector]),
                "address": site.address, "grid_id": self.grid_ids[site.grid_code],
                "building": site.building, "landlord": site.landlord, "contact": site.contact,
                "phone": site.phone, "risk_colour": site.risk_colour, "lat": site.lat,
                "lon": site.lon, "notes": site.notes,
            })
            self.site_grid[site.key] = self.grid_ids[site.grid_code]
            self.site_sector[site.key] = site.sector
            self._step(site.name)
        for hazard in town.hazards:
            self._hazard(hazard)
            self._step(hazard.description[:20])
        tx.audit("demo_filled", "store", None,
                 f"{len(town.sites)} sites, {len(town.hazards)} hazards")

    def _inspection(self, h: DemoHazard, inspector: str) -> str:
        key = (h.site_key, h.found_on.isoformat(), inspector)
        found = self.inspections.get(key)
        if found:
            return found
        start = datetime.combine(h.found_on, time(9, 30), CHINA)
        unfinished = h.status == hs.DRAFT
        self.inspections[key] = self.tx.insert("inspection", {
            "site_id": self.site_ids[h.site_key], "inspector_ids": json.dumps([inspector]),
            "kind": "campaign" if h.source == "campaign" else "patrol",
            "started_at": _iso(start), "ended_at": None if unfinished else _iso(start + timedelta(hours=1)),
            "status": "in_progress" if unfinished else "finished",
        })
        return self.inspections[key]

    def _hazard(self, h: DemoHazard) -> None:
        tx = self.tx
        inspector = self.user_ids[h.inspector_login]
        events = _events(h)
        # as record_event would: a report without its day takes the event's day (check compares)
        state = hs.derive((k, hs.with_report_day(k, d, _iso(datetime.combine(day, time(10, 0), CHINA))))
                          for k, d, day in events)
        window = _recheck_due(state, calendar_from_conn(tx.conn))
        hazard_id = tx.insert("hazard", {
            "site_id": self.site_ids[h.site_key], "grid_id": self.site_grid[h.site_key],
            "sector": self.site_sector[h.site_key],
            "inspection_id": self._inspection(h, inspector), "source": h.source,
            "description": h.description, "location": h.location, "level": state.level,
            "level_confirmed": 1, "factor": h.factor, "deadline_days": h.deadline_days,
            "working_days": int(h.working_days), "found_on": h.found_on.isoformat(),
            "found_by": inspector, "served_on": _d(state.served_on), "due_date": _d(state.due_date),
            "closed_on": _d(state.closed_on), "status": state.status, "extended": int(state.extended),
            "listed": int(state.listed), "escalation": state.escalation,
            "reported_on": _d(state.reported_on), "recheck_due": _d(window),
            "created_at": _iso(datetime.combine(h.found_on, time(10, 0), CHINA)),
        })
        for kind, data, day in events:
            tx.insert("hazard_event", {
                "hazard_id": hazard_id, "kind": kind, "by_user": inspector,
                "at": _iso(datetime.combine(day, time(10, 0), CHINA)),
                "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
            })


def _events(h: DemoHazard) -> list[tuple[str, dict, date]]:
    """The event log that leads to the hazard's target status, with each event's day."""
    due = due_date(h.found_on, h.deadline_days, working_days=h.working_days)
    first = E.DRAFTED if h.status == hs.DRAFT else E.RECORDED
    out: list[tuple[str, dict, date]] = [(first, {"level": h.level, "due_date": due.isoformat()}, h.found_on)]
    if h.status in (hs.DRAFT, hs.OPEN):
        return out
    served = h.served_on or h.found_on
    due = due_date(served, h.deadline_days, working_days=h.working_days)
    out.append((E.NOTIFIED, {"served_on": served.isoformat(), "due_date": due.isoformat()}, served))
    if h.listed:
        out.append((E.LISTED, {}, served))
    if h.extended:
        later = due + timedelta(days=15)
        out.append((E.EXTENDED, {"due_date": later.isoformat(), "reason": "企业申请延期，已批准"}, served))
    if h.reported_done_on:
        out.append((E.REPORTED_DONE, {}, h.reported_done_on))
    if h.closed_on:
        out.append((E.RECHECK_PASSED, {"on": h.closed_on.isoformat()}, h.closed_on))
    if h.reopened and h.closed_on:
        reopen_day = h.closed_on + timedelta(days=2)
        out.append((E.REOPENED, {"due_date": (reopen_day + timedelta(days=15)).isoformat(),
                                 "reason": "群众反映问题复现"}, reopen_day))
    return out


def _iso(moment: datetime) -> str:
    from ..core.clock import iso_utc

    return iso_utc(moment)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None

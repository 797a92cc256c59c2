"""Deterministic demo content: a fictional township with its grids, users, sites and hazards.

Pure and stdlib-only (no database, no Qt): ``generate_township`` returns plain frozen
dataclasses that a loader turns into records.  The same seed and arguments always give the
same output; sites do not depend on the number of hazards asked for.  Word lists live in
``demo_words``.

Conventions the loader can rely on:
- supervisors and admins have ``grid_codes == ()`` (the whole township);
- every grid has exactly one inspector, and ``DemoHazard.inspector_login`` is that inspector;
- ``uscc`` is stored as typed: some codes are lower-case or spaced (normalisable, valid after
  ``normalize_uscc``), some have a wrong check character, some are old 15-digit numbers;
- a ``reopened`` hazard is ``notified`` and keeps the dates of its first closure
  (``reported_done_on``, ``closed_on`` <= today - 3): the reopen happened after ``closed_on``;
- a ``notified`` hazard that is meant to be overdue was served long enough ago for its due
  date (calendar or working days, holidays included) to lie before ``today``; one that is
  not overdue was served no more than ``deadline_days`` calendar days ago.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from inspector_app.core.uscc import ALPHABET, uscc_check_char
from inspector_app.services import demo_words as W


@dataclass(frozen=True)
class DemoGrid:
    code: str
    name: str


@dataclass(frozen=True)
class DemoVillage:
    code: str
    name: str
    grids: tuple[DemoGrid, ...]


@dataclass(frozen=True)
class DemoUser:
    login: str
    name: str
    role: str  # inspector | supervisor | admin
    grid_codes: tuple[str, ...]
    cert_no: str | None


@dataclass(frozen=True)
class DemoSite:
    key: str
    name: str
    unit_name: str | None
    uscc: str | None
    legal_rep: str | None
    sector: str
    address: str
    grid_code: str
    contact: str | None
    phone: str | None
    risk_colour: str  # red | orange | yellow | blue
    lat: float | None
    lon: float | None
    landlord: str | None
    building: str | None
    notes: str | None


@dataclass(frozen=True)
class DemoHazard:
    site_key: str
    description: str
    location: str
    level: str  # general | major
    factor: str  # 人 | 机 | 环 | 管
    source: str  # patrol | public_report | internal_report | assigned | campaign
    found_on: date
    deadline_days: int
    working_days: bool
    status: str  # draft | open | notified | awaiting_recheck | closed
    served_on: date | None
    reported_done_on: date | None
    closed_on: date | None
    extended: bool
    reopened: bool
    listed: bool
    inspector_login: str


@dataclass(frozen=True)
class DemoTownship:
    county: str
    township: str
    township_code: str
    agency_name: str
    agency_short: str
    villages: tuple[DemoVillage, ...]
    users: tuple[DemoUser, ...]
    sites: tuple[DemoSite, ...]
    hazards: tuple[DemoHazard, ...]


STATUS_SHARES = (("draft", 5), ("open", 15), ("notified", 30), ("awaiting_recheck", 10),
                 ("closed", 40))
SOURCES = ("patrol", "public_report", "internal_report", "assigned", "campaign")
SOURCE_WEIGHTS = tuple(accumulate((70, 8, 4, 6, 12)))
COLOURS = ("red", "orange", "yellow", "blue")
COLOUR_HAZARD_WEIGHT = {"red": 6.0, "orange": 4.0, "yellow": 2.5, "blue": 1.0}
COLOUR_MAJOR_SHARE = {"red": 0.2, "orange": 0.1, "yellow": 0.06, "blue": 0.03}
DEADLINES = (0, 3, 7, 15, 30)
MAX_AGE_DAYS = 300  # hazards were found within the last ~10 months
_FLOORS = ("一", "二", "三", "四", "五", "六")
_SIDES = ("东", "南", "西", "北")
_PARAMS = {  # placeholder -> draw(rng, grid)
    "floor": lambda r, g: _FLOORS[min(int(r.expovariate(0.9)), 5)],
    "n": lambda r, g: r.randint(2, 6),
    "n2": lambda r, g: r.randint(1, 3),
    "count": lambda r, g: r.randint(3, 15),
    "cyl": lambda r, g: r.randint(3, 8),
    "m": lambda r, g: r.choice((2, 3, 5)),
    "mm": lambda r, g: r.randint(2, 15),
    "room": lambda r, g: f"{r.randint(1, 4)}{r.randint(0, 1)}{r.randint(1, 9)}",
    "side": lambda r, g: r.choice(_SIDES),
    "area": lambda r, g: r.randint(2, 20) * 10,
    "w": lambda r, g: r.choice(W.TRADE_WORDS),
    "s": lambda r, g: r.choice(W.SURNAMES),
    "p": lambda r, g: r.choice(W.PRODUCTS),
    "trade": lambda r, g: r.choice(W.SHOP_TRADES),
    "landlord": lambda r, g: _person(r),
    "compound": lambda r, g: r.choice(g.compounds),
    "road": lambda r, g: r.choice(g.roads),
    "mountain": lambda r, g: r.choice(W.MOUNTAINS),
    "rooms": lambda r, g: r.randint(3, 30),
    "no": lambda r, g: r.randint(1, 99),
    "tenants": lambda r, g: r.randint(8, 120),
}


@dataclass(frozen=True)
class _Grid:
    code: str
    name: str
    village: str  # full name, e.g. 石桥村
    short: str  # 石桥
    kind: str  # village | industrial | community
    groups: tuple[str, ...]
    roads: tuple[str, ...]
    compounds: tuple[str, ...]
    park_roads: tuple[str, ...]
    lat: float
    lon: float


class _Params(dict):
    """Placeholder values, drawn on first use so a name and its unit share {w}, {s}, …"""

    def __init__(self, rng: random.Random, grid: _Grid | None, fixed: dict) -> None:
        super().__init__(fixed)
        self.rng = rng
        self.grid = grid

    def __missing__(self, key: str):
        value = self[key] = _PARAMS[key](self.rng, self.grid)
        return value


def _person(rng: random.Random) -> str:
    return rng.choice(W.SURNAMES) + rng.choice(W.GIVEN_NAMES)


def _phone(rng: random.Random, landline_share: float) -> str:
    if rng.random() < landline_share:
        return f"{W.AREA_CODE}-8{rng.randrange(10**7):07d}"
    return rng.choice(W.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _valid_uscc(rng: random.Random, prefix: str) -> str:
    if rng.random() < 0.7:  # new-style organisation code
        org = "MA" + "".join(rng.choice(ALPHABET) for _ in range(7))
    else:  # old organisation code: 8 digits + check (digit or X)
        org = f"{rng.randrange(10**8):08d}" + rng.choice("0123456789X")
    first17 = prefix + W.DIVISION_CODE + org
    return first17 + uscc_check_char(first17)


def _uscc(rng: random.Random, prefix: str) -> str | None:
    """~89 % valid, ~8 % as typed wrongly, ~3 % none (个体户 without a code)."""
    r = rng.random()
    if r < 0.89:
        return _valid_uscc(rng, prefix)
    if r < 0.97:
        code = _valid_uscc(rng, prefix)
        kind = rng.random()
        if kind < 0.4:  # wrong check character
            return code[:17] + rng.choice(ALPHABET.replace(code[17], ""))
        if kind < 0.65:  # old 15-digit business registration number
            return W.DIVISION_CODE + f"{rng.randrange(10**9):09d}"
        if kind < 0.85:  # typed in lower case (normalises to a valid code)
            return code.lower()
        return " ".join(code[i:i + 4] for i in range(0, 18, 4))  # typed with spaces
    return None


def _grids() -> tuple[tuple[DemoVillage, ...], tuple[_Grid, ...]]:
    villages, grids = [], []
    for v_index, (v_code, v_name, v_short, (dlat, dlon)) in enumerate(W.VILLAGES):
        vgrids = []
        for g_index, ordinal in enumerate(W.GRID_ORDINALS):
            code = f"G{v_index * 4 + g_index + 1:02d}"
            kind, groups, roads, compounds, park = W.GRIDS[code]
            name = f"{v_name}{ordinal}网格"
            lat = W.CENTRE[0] + dlat + (g_index % 2 - 0.5) * 0.006
            lon = W.CENTRE[1] + dlon + (g_index // 2 - 0.5) * 0.007
            grids.append(_Grid(code, name, v_name, v_short, kind, groups, roads, compounds,
                               park, lat, lon))
            vgrids.append(DemoGrid(code, name))
        villages.append(DemoVillage(v_code, v_name, tuple(vgrids)))
    return tuple(villages), tuple(grids)


def _address(rng: random.Random, g: _Grid, place: str, p: _Params) -> str:
    base = W.COUNTY + W.TOWNSHIP
    no = rng.randint(1, 188)
    if place == "forest":
        return f"{base}{g.village}{p['mountain']}"
    if g.kind == "industrial" and place == "industrial":
        return f"{base}工业园区{rng.choice(g.park_roads)}{no}号"
    if place == "residential" and rng.random() < 0.35:
        return f"{base}{p['compound']}{rng.randint(1, 24)}幢"
    if g.kind == "community":
        return f"{base}{p['road']}{no}号"
    if rng.random() < 0.25:
        return f"{base}{g.village}{p['road']}{no}号"
    return f"{base}{g.village}{rng.choice(g.groups)}{no}号"


class _SiteMaker:
    def __init__(self, rng: random.Random, grids: tuple[_Grid, ...]) -> None:
        self.rng = rng
        self.grids = grids
        self.sectors = tuple(code for code, _ in W.SECTOR_WEIGHTS)
        self.sector_cum = tuple(accumulate(w for _, w in W.SECTOR_WEIGHTS))
        self.grid_cum = {
            place: tuple(accumulate(weights[g.kind] for g in grids))
            for place, weights in W.PLACE_GRID_WEIGHTS.items()
        }
        self.kind_cum = {s: tuple(accumulate(k[1] for k in kinds))
                         for s, kinds in W.SITE_KINDS.items()}
        self.risk_cum = {s: tuple(accumulate(W.SECTOR_RISK.get(s, W.RISK_LOW)))
                         for s in self.sectors}
        self.building: tuple | None = None  # name, address, grid, landlord, lat, lon
        self.building_left = 0
        self.building_names: set[str] = set()

    def _coords(self, g: _Grid, spread: float) -> tuple[float | None, float | None]:
        r = self.rng
        if r.random() >= 0.6:
            return None, None
        return (round(g.lat + r.gauss(0, spread), 6), round(g.lon + r.gauss(0, spread), 6))

    def _new_building(self) -> None:
        r = self.rng
        g = self.grids[r.choices(range(len(self.grids)), cum_weights=self.grid_cum["industrial"])[0]]
        for _ in range(10):  # building names must be unique: tenants are grouped by name
            bp = _Params(r, g, {"county": W.COUNTY, "township": W.TOWNSHIP, "n": r.randint(1, 9)})
            if g.park_roads:
                bp["road"] = r.choice(g.park_roads)
            name = r.choice(W.BUILDING_NAMES).format_map(bp)
            if name not in self.building_names:
                break
        else:
            name = f"{name}（{len(self.building_names) + 1}）"
        self.building_names.add(name)
        address = _address(r, g, "industrial", bp)
        if r.random() < 0.6:
            landlord = r.choice(W.BUILDING_LANDLORDS).format_map(bp)
        else:
            landlord = _person(r)
        self.building = (name, address, g, landlord, *self._coords(g, 0.0015))
        self.building_left = r.randint(2, 6)

    def make(self, index: int) -> tuple[DemoSite, str]:
        r = self.rng
        sector = self.sectors[r.choices(range(len(self.sectors)), cum_weights=self.sector_cum)[0]]
        kinds = W.SITE_KINDS[sector]
        kind, _, names, units = kinds[r.choices(range(len(kinds)), cum_weights=self.kind_cum[sector])[0]]
        place = W.SECTOR_PLACE[sector]
        p = _Params(r, None, {"county": W.COUNTY, "township": W.TOWNSHIP})
        building = landlord = None
        if sector == "multi_tenant":
            if self.building_left <= 0:
                self._new_building()
            building, b_address, g, landlord, lat, lon = self.building
            self.building_left -= 1
            address = f"{b_address}{r.randint(1, 5)}楼"
        else:
            g = self.grids[r.choices(range(len(self.grids)), cum_weights=self.grid_cum[place])[0]]
        p.grid = g
        p["v"] = g.short
        p["committee"] = g.village + ("居民委员会" if g.kind == "community" else "村民委员会")
        name = r.choice(names).format_map(p)
        p["name"] = name
        if building is None:
            address = _address(r, g, place, p)
            lat, lon = self._coords(g, 0.012 if place == "forest" else 0.003)
        pattern, prefix = r.choice(units)
        uscc = legal_rep = unit = None
        if pattern == "@landlord":
            unit = legal_rep = landlord = p["landlord"]
        elif pattern is not None:
            unit = pattern.format_map(p)
            uscc = _uscc(r, prefix)
            legal_rep = _person(r)
        if sector == "rental_housing" or (sector == "self_built_housing" and r.random() < 0.5):
            landlord = landlord or p["landlord"]
        if unit is None:  # public place: a caretaker / forest ranger, if anyone
            contact = _person(r) if r.random() < 0.7 else None
        elif legal_rep and r.random() < 0.6:
            contact = legal_rep
        else:
            contact = _person(r) if r.random() < 0.95 else None
        phone = _phone(r, 0.0 if unit in (None, legal_rep) else 0.15) if contact else None
        colour = COLOURS[r.choices(range(4), cum_weights=self.risk_cum[sector])[0]]
        notes = None
        pool = W.NOTES_BY_SECTOR.get(sector, ()) + (W.NOTES_COMMON if unit else ())
        if pool and r.random() < 0.15:
            notes = r.choice(pool).format_map(p)
        site = DemoSite(f"S{index:04d}", name, unit, uscc, legal_rep, sector, address, g.code,
                        contact, phone, colour, lat, lon, landlord, building, notes)
        return site, kind


def _split(pool: tuple) -> tuple[tuple, tuple]:
    return tuple(t for t in pool if not t[3]), tuple(t for t in pool if t[3])


_COMMON = _split(W.COMMON_HAZARDS)
_BY_SECTOR = {s: _split(pool) for s, pool in W.SECTOR_HAZARDS.items()}
_BY_KIND = {k: _split(pool) for k, pool in W.KIND_HAZARDS.items()}


def _span(days: int, working: bool) -> int:
    """Rough calendar length of a deadline (without holidays)."""
    return (days * 7 + 4) // 5 + 2 if working else days


def _dates(rng: random.Random, status: str, days: int, working: bool, today: date) -> tuple:
    """found, served, reported_done, closed, reopened, overdue for one hazard."""
    r = rng
    span = _span(days, working)
    lag = 0 if r.random() < 0.75 else r.randint(1, 3)  # notice served on site, or later
    if status == "draft":
        return today - timedelta(r.randint(0, 3)), None, None, None, False, False
    if status == "open":
        return today - timedelta(r.randint(0, 30)), None, None, None, False, False
    if status == "notified":
        reopened = r.random() < 0.05
        if reopened:
            found = today - timedelta(r.randint(60, 250))
            served = found + timedelta(lag)
            reported = served + timedelta(r.randint(0, span))
            closed = reported + timedelta(r.randint(0, 10))
            return found, served, reported, closed, True, False
        overdue = days == 0 or r.random() < 0.3
        if overdue:  # past the due date even with a long holiday in between
            served = today - timedelta(span + 12 + r.randint(0, 60))
        else:
            served = today - timedelta(r.randint(0, days))
        found = served - timedelta(lag)
        return found, served, None, None, False, overdue
    if status == "awaiting_recheck":
        reported = today - timedelta(r.randint(0, 12))
        served = reported - timedelta(r.randint(0, span))
        return served - timedelta(lag), served, reported, None, False, False
    # closed
    found = today - timedelta(r.randint(3, MAX_AGE_DAYS))
    served = min(found + timedelta(lag), today)
    if days == 0 and r.random() < 0.7:  # fixed on the spot
        return found, served, None, served, False, False
    done = min(served + timedelta(r.randint(0, span)), today)
    reported = None
    if r.random() < 0.7:
        reported = done
        closed = min(done + timedelta(r.randint(0, 10)), today)
    else:
        closed = min(served + timedelta(r.randint(1, span + 10)), today)
    return found, served, reported, closed, False, False


def _hazards(rng: random.Random, sites: list[DemoSite], kinds: list[str], n: int,
             today: date, inspector_of: dict[str, str]) -> list[DemoHazard]:
    r = rng
    if n == 0:
        return []
    statuses: list[str] = []
    for status, share in STATUS_SHARES[:-1]:
        statuses += [status] * round(n * share / 100)
    statuses = statuses[:n] + ["closed"] * max(0, n - len(statuses))
    r.shuffle(statuses)
    cum = tuple(accumulate(COLOUR_HAZARD_WEIGHT[s.risk_colour] * r.uniform(0.3, 1.7)
                           for s in sites))
    picks = r.choices(range(len(sites)), cum_weights=cum, k=n)
    out = []
    for status, i in zip(statuses, picks, strict=True):
        site, kind = sites[i], kinds[i]
        x = r.random()
        if kind in _BY_KIND and (x < 0.4 or site.unit_name is None):
            general, major = _BY_KIND[kind]  # public places: only their own items
        elif site.sector == "forest_fire" or x < 0.8:
            general, major = _BY_SECTOR.get(site.sector, _COMMON)
        else:
            general, major = _COMMON
        is_major = bool(major) and r.random() < COLOUR_MAJOR_SHARE[site.risk_colour]
        desc, locs, factor, _, default_days = r.choice(major if is_major else general)
        hp = _Params(r, None, {})
        desc = desc.format_map(hp) if "{" in desc else desc
        loc = r.choice(locs)
        loc = loc.format_map(hp) if "{" in loc else loc
        if is_major:
            days = r.choice((15, 30, 30, 30))
        else:
            days = default_days if r.random() < 0.7 else r.choice(DEADLINES)
        working = r.random() < 0.5
        if days == 0 and status == "notified" and r.random() < 0.5:
            days = r.choice((3, 7))  # an "at once" item still open would be overdue
        found, served, reported, closed, reopened, overdue = _dates(r, status, days, working, today)
        source = SOURCES[r.choices(range(5), cum_weights=SOURCE_WEIGHTS)[0]]
        extended = status == "notified" and not reopened and r.random() < 0.08
        listed = is_major and status in ("notified", "awaiting_recheck", "closed") and \
            r.random() < (0.5 if overdue else 0.25)
        out.append(DemoHazard(
            site.key, desc, loc, "major" if is_major else "general", factor, source, found, days,
            working, status, served, reported, closed, extended, reopened, listed,
            inspector_of[site.grid_code]))
    out.sort(key=lambda h: h.found_on)
    return out


def generate_township(seed: int = 2026, sites: int = 200, hazards: int = 1000,
                      today: date | None = None) -> DemoTownship:
    """A fictional township with exactly ``sites`` sites and ``hazards`` hazards."""
    if sites < 0 or hazards < 0:
        raise ValueError("sites and hazards must not be negative")
    if hazards and not sites:
        raise ValueError("hazards need at least one site")
    today = today or date.today()
    rng = random.Random(seed)
    villages, grids = _grids()
    users = tuple(DemoUser(*u) for u in W.USERS)
    inspector_of = {code: u.login for u in users if u.role == "inspector" for code in u.grid_codes}
    maker = _SiteMaker(rng, grids)
    site_list, kinds = [], []
    for i in range(1, sites + 1):
        site, kind = maker.make(i)
        site_list.append(site)
        kinds.append(kind)
    hazard_list = _hazards(rng, site_list, kinds, hazards, today, inspector_of)
    return DemoTownship(W.COUNTY, W.TOWNSHIP, W.TOWNSHIP_CODE, W.AGENCY_NAME, W.AGENCY_SHORT,
                        villages, users, tuple(site_list), tuple(hazard_list))

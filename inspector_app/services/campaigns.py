"""Campaigns (专项整治, "一月一重点") and their 双随机 draw of sites and inspectors.

The draw is reproducible by anyone from what is recorded: every candidate is ranked by the
SHA-256 of ``"<seed>:<site|inspector>:<id>"`` (hex, ascending) and the first *n* are drawn.
The candidate pools are stored with the seed, so ``verify_draw`` (or a spreadsheet and any
SHA-256 tool) recomputes the same result, and says whether the pools have changed since.
A draw is final: a campaign is drawn once.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.errors import NotFound, PermissionDenied, ValidationError
from ..core.sectors import resolve_sector, sector_label
from ..core.validation import clean_text, parse_date
from ..store.store import WriteTx
from .changes import Changes, Saved
from .regions import find_grid
from .session import Session

CAMPAIGNS = "campaign"  # Changes kind


@dataclass
class CampaignInput:
    name: str
    sector: str  # code or Chinese name
    starts_on: str | date
    ends_on: str | date
    grid: str | None = None  # limit the draw to one grid (id, code or name)
    notes: str | None = None


@dataclass(frozen=True)
class Draw:
    seed: str
    sites: list[str]
    inspectors: list[str]
    site_pool: int
    inspector_pool: int

    @property
    def changes(self) -> Changes:
        """What a draw changed (a property, so the CLI's JSON of a draw stays as it was)."""
        return Changes.of(CAMPAIGNS)


def draw_ids(seed: str, kind: str, pool: list[str], k: int) -> list[str]:
    """The ``k`` candidates with the smallest SHA-256 of ``seed:kind:id`` (the draw rule)."""
    def rank(candidate: str) -> str:
        return hashlib.sha256(f"{seed}:{kind}:{candidate}".encode()).hexdigest()

    return sorted(set(pool), key=rank)[: max(k, 0)]


def _require_supervisor(session: Session) -> None:
    if not session.user.is_supervisor:
        raise PermissionDenied("only supervisors organise campaigns and their draws",
                               "只有监管人员可以组织专项整治和抽取", code="permission")


def create_campaign(session: Session, data: CampaignInput) -> Saved:
    _require_supervisor(session)
    name = clean_text("name", data.name, required=True)
    sector = resolve_sector(data.sector or "")
    if sector is None:
        raise ValidationError(f"unknown sector {data.sector!r}", f"未知行业“{data.sector}”", code="bad_sector")
    starts, ends = parse_date("starts_on", data.starts_on), parse_date("ends_on", data.ends_on)
    if starts is None or ends is None:
        raise ValidationError("a campaign needs a start and an end date", "请填写专项整治的起止日期",
                              code="missing_dates")
    if ends < starts:
        raise ValidationError(f"the campaign ends ({ends}) before it starts ({starts})",
                              f"结束日期 {ends} 早于开始日期 {starts}", code="bad_dates")
    grid_id = None
    if data.grid:
        grid = find_grid(session.store.read(), data.grid)
        if grid is None:
            raise NotFound(f"unknown grid {data.grid!r}", f"没有名为“{data.grid}”的网格")
        grid_id = grid.id

    def job(tx: WriteTx) -> str:
        cid = tx.insert("campaign", {
            "name": name, "sector": sector.code, "grid_id": grid_id, "starts_on": starts.isoformat(),
            "ends_on": ends.isoformat(), "notes": clean_text("notes", data.notes),
        })
        tx.audit("campaign_added", "campaign", cid, f"{name} ({sector.name})")
        return cid

    return Saved(session.write(job), Changes.of(CAMPAIGNS))


def _campaign(conn, campaign_id: str) -> dict[str, Any]:
    cur = conn.execute("SELECT * FROM campaign WHERE id = ? AND deleted = 0", (campaign_id,))
    r = cur.fetchone()
    if r is None:
        raise NotFound(f"no campaign with id {campaign_id}", f"找不到专项整治（编号 {campaign_id}）")
    return dict(zip([d[0] for d in cur.description], r, strict=True))


def site_pool(conn, sector: str, grid_id: str | None) -> list[str]:
    """Live sites of the sector (any of their sectors), in the grid if one is set; sorted."""
    sql = ("SELECT id FROM site s WHERE s.deleted = 0 AND EXISTS "
           "(SELECT 1 FROM json_each(s.sectors) WHERE value = ?)")
    params: list[object] = [sector]
    if grid_id:
        sql += " AND s.grid_id = ?"
        params.append(grid_id)
    return [r[0] for r in conn.execute(sql + " ORDER BY id", params)]


def inspector_pool(conn) -> list[str]:
    """Active users with the inspector role (网格员), sorted."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM app_user WHERE role = 'inspector' AND active = 1 AND deleted = 0 ORDER BY id")]


def draw(session: Session, campaign_id: str, *, sites: int, inspectors: int,
         seed: str | None = None) -> Draw:
    """Draw ``sites`` sites and ``inspectors`` inspectors at random, once, with a recorded seed."""
    _require_supervisor(session)
    if sites < 0 or inspectors < 0:
        raise ValidationError("numbers to draw cannot be negative", "抽取数量不能为负数", code="bad_count")
    seed = (seed or secrets.token_hex(8)).strip()
    if not seed or len(seed) > 100:
        raise ValidationError("the seed must be 1 to 100 characters", "随机种子应为 1 到 100 个字符",
                              code="bad_seed")

    def job(tx: WriteTx) -> Draw:
        c = _campaign(tx.conn, campaign_id)
        if c["drawn_at"]:
            raise ValidationError(
                f"this campaign was drawn on {c['drawn_at'][:10]}; a draw is final",
                f"该专项整治已于 {c['drawn_at'][:10]} 抽取，抽取结果不能重抽", code="already_drawn")
        spool, ipool = site_pool(tx.conn, c["sector"], c["grid_id"]), inspector_pool(tx.conn)
        if sites and not spool:
            raise ValidationError("no site of this sector to draw from", "该行业（网格）下没有可抽取的场所",
                                  code="empty_pool")
        if inspectors and not ipool:
            raise ValidationError("no active inspector to draw from", "没有可抽取的在岗网格员",
                                  code="empty_pool")
        result = Draw(seed, draw_ids(seed, "site", spool, sites),
                      draw_ids(seed, "inspector", ipool, inspectors), len(spool), len(ipool))
        tx.update("campaign", campaign_id, {
            "seed": seed, "site_pool": json.dumps(spool), "inspector_pool": json.dumps(ipool),
            "drawn_sites": json.dumps(result.sites), "drawn_inspectors": json.dumps(result.inspectors),
            "drawn_at": tx.now_iso, "drawn_by": session.user.id,
        })
        tx.audit("campaign_drawn", "campaign", campaign_id,
                 f"seed {seed}: {len(result.sites)}/{len(spool)} sites, "
                 f"{len(result.inspectors)}/{len(ipool)} inspectors")
        return result

    return session.write(job)


def verify_draw(session: Session, campaign_id: str) -> dict[str, Any]:
    """Re-run the recorded draw: does it give the recorded result? have the pools changed?"""
    conn = session.store.read()
    c = _campaign(conn, campaign_id)
    if not c["drawn_at"]:
        raise ValidationError("this campaign has not been drawn yet", "该专项整治尚未抽取", code="not_drawn")
    spool, ipool = json.loads(c["site_pool"]), json.loads(c["inspector_pool"])
    sites, inspectors = json.loads(c["drawn_sites"]), json.loads(c["drawn_inspectors"])
    again_sites = draw_ids(c["seed"], "site", spool, len(sites))
    again_inspectors = draw_ids(c["seed"], "inspector", ipool, len(inspectors))
    return {
        "ok": again_sites == sites and again_inspectors == inspectors,
        "seed": c["seed"], "sites": again_sites, "inspectors": again_inspectors,
        "sites_match": again_sites == sites, "inspectors_match": again_inspectors == inspectors,
        "site_pool_changed": site_pool(conn, c["sector"], c["grid_id"]) != spool,
        "inspector_pool_changed": inspector_pool(conn) != ipool,
    }


def get_campaign(session: Session, campaign_id: str) -> dict[str, Any]:
    """A campaign as plain data, with the drawn sites' progress (inspections linked to it)."""
    conn = session.store.read()
    c = _campaign(conn, campaign_id)
    drawn = json.loads(c["drawn_sites"] or "[]")
    names = dict(conn.execute(
        f"SELECT id, name FROM site WHERE id IN ({', '.join('?' for _ in drawn)})", drawn).fetchall())
    done = {r[0]: r[1] for r in conn.execute(
        "SELECT site_id, max(status = 'finished') FROM inspection WHERE campaign_id = ? AND deleted = 0"
        " GROUP BY site_id", (campaign_id,))}
    people = json.loads(c["drawn_inspectors"] or "[]")
    users = dict(conn.execute(
        f"SELECT id, name FROM app_user WHERE id IN ({', '.join('?' for _ in people)})", people).fetchall())
    return {
        "id": c["id"], "name": c["name"], "sector": c["sector"], "sector_name": sector_label(c["sector"]),
        "grid_id": c["grid_id"], "starts_on": c["starts_on"], "ends_on": c["ends_on"], "notes": c["notes"],
        "seed": c["seed"], "drawn_at": c["drawn_at"], "drawn_by": c["drawn_by"],
        "site_pool": len(json.loads(c["site_pool"] or "[]")),
        "inspector_pool": len(json.loads(c["inspector_pool"] or "[]")),
        "sites": [{"id": s, "name": names.get(s), "inspected": s in done, "finished": bool(done.get(s))}
                  for s in drawn],
        "inspectors": [{"id": u, "name": users.get(u)} for u in people],
    }


def list_campaigns(session: Session) -> list[dict[str, Any]]:
    rows = session.store.read().execute(
        "SELECT id, name, sector, starts_on, ends_on, drawn_at FROM campaign WHERE deleted = 0"
        " ORDER BY starts_on DESC, id DESC")
    return [dict(r) | {"sector_name": sector_label(r["sector"])} for r in rows]

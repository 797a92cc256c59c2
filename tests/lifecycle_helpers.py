"""A small township for the lifecycle tests: two grids, two inspectors, a supervisor."""

from __future__ import annotations

from dataclasses import dataclass

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, rectification, sites, users
from inspector_app.services.session import Session, load_user
from tests.helpers import secure_admin

PLAN = dict(
    responsible_person="张三", responsible_phone="13800000000", measures="清理堵塞物，恢复通道",
    funds_amount=2000, funds_source="企业自筹", contingency_plan="专人值守，禁止人员进入",
    plan_target="疏通消防通道", plan_methods="清理、设置警示", plan_materials="资金 2000 元，警示带",
    plan_bodies="企业安全科，张三", plan_schedule="10 个工作日内完成", plan_safety="整改期间专人看守",
)


@dataclass
class Town:
    admin: Session
    li: Session  # inspector of grid G1
    zhao: Session  # inspector of grid G2
    wang: Session  # supervisor
    g1: str
    g2: str
    s1: str  # a site in G1 (九小场所)
    s2: str  # a site in G1 (城镇燃气)
    s3: str  # a site in G2 (九小场所)

    def hazard(self, who: Session | None = None, site: str | None = None, **kw) -> str:
        kw.setdefault("description", "消防通道堵塞")
        kw.setdefault("deadline_days", 5)
        return hazards.add_hazard(who or self.li, HazardInput(site_id=site or self.s1, **kw)).id

    def major_ready(self, **kw) -> str:
        """A major hazard with level confirmed and 五落实 + plan filled in."""
        hid = self.hazard(self.li, level="major", **kw)
        rectification.confirm_level(self.wang, hid)
        rectification.set_fields(self.li, hid, dict(PLAN))
        return hid


def as_(session: Session, login: str) -> Session:
    """Another user on the same open store (one writer thread, one HLC)."""
    return Session(session.store, load_user(session.store, login), session.lang)


def make_town(session: Session) -> Town:
    secure_admin(session)  # users are added only once the admin has a password
    g1 = users.add_grid(session, "东村第一网格", code="G1").id
    g2 = users.add_grid(session, "西村第一网格", code="G2").id
    users.add_user(session, "li", "李网格", "inspector", grids=["G1"])
    users.add_user(session, "zhao", "赵网格", "inspector", grids=["G2"])
    users.add_user(session, "wang", "王站长", "supervisor")
    s1 = sites.add_site(session, SiteInput(name="李记小吃店", grid="G1", sectors=["nine_small"])).id
    s2 = sites.add_site(session, SiteInput(name="兴旺饭店", grid="G1", sectors=["gas"])).id
    s3 = sites.add_site(session, SiteInput(name="西村超市", grid="G2", sectors=["nine_small"])).id
    return Town(session, as_(session, "li"), as_(session, "zhao"), as_(session, "wang"),
                g1, g2, s1, s2, s3)

"""Public reports (群众举报) and handed-down tasks (上级交办) for the demo township.

A handful of each, in every state the 线索 page shows: a report still to check, one verified
and linked to the hazard it produced (with a reward), one closed as unfounded; tasks open,
overdue, linked to a hazard and done. Written through the services, so the demo exercises
the same rules and audit entries as real use. Deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import timedelta

from .assigned_tasks import TaskInput, add_task, complete_task, link_hazard_to_task
from .public_reports import ReportInput, add_report, close_unfounded, link_hazard, set_reward
from .session import Session

# (channel, sector of the site it names, content, reporter name, phone)
REPORTS = (
    ("12350", "gas", "{site}后厨液化气钢瓶放在地下室使用，没有燃气报警器", "刘女士", "13900002222"),
    ("12345", "nine_small", "{site}门口消防通道长期被摊位占用，消防车进不来", None, None),
    ("in_person", "ebike", "{site}有人给电动自行车充电，电线从窗户拉出来", "老陈", "13600001111"),
    ("12345", "multi_tenant", "{site}晚上有工人住在仓库里", None, None),
    ("internal", "combustible_dust", "员工反映{site}车间粉尘很大，除尘器好几天没开", "匿名员工", None),
)
TASKS = (
    ("县应急管理局", "岚应急〔2026〕18号", "开展九小场所消防安全专项检查，月底前报送检查情况"),
    ("县消防救援大队", "岚消〔2026〕7号", "对辖区电动自行车集中停放点进行复查"),
    ("镇党委政府", "青政办〔2026〕31号", "排查辖区出租屋一厂多租情况并建立台账"),
    ("县安委办", "岚安委办〔2026〕12号", "核查 12345 转办件：某餐馆燃气管道老化"),
)


def add_demo_leads(session: Session, seed: int = 2026) -> int:
    """Add the demo reports and tasks; return how many records were made."""
    rng = random.Random(seed)
    conn = session.store.read()
    sites = [tuple(r) for r in conn.execute(
        "SELECT id, name, sectors FROM site WHERE deleted = 0 ORDER BY name")]
    hazards = [r[0] for r in conn.execute(
        "SELECT id FROM hazard WHERE deleted = 0 AND status IN ('open', 'notified')"
        " ORDER BY found_on DESC, id LIMIT 40")]
    if not sites:
        return 0
    today = session.clock.today()
    made = 0
    for i, (channel, sector, text, name, phone) in enumerate(REPORTS):
        fitting = [s for s in sites if f'"{sector}"' in (s[2] or "")] or sites
        site_id, site_name, _ = rng.choice(fitting)
        received = today - timedelta(days=2 + 5 * i)
        report = add_report(session, ReportInput(
            channel=channel, content=text.format(site=site_name), site_id=site_id,
            received_at=f"{received.isoformat()}T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:00",
            anonymous=name is None, reporter_name=name, reporter_phone=phone)).id
        made += 1
        if i == 0 and hazards:  # verified: the hazard it produced, and a reward
            link_hazard(session, report, _at_site(session, site_id) or hazards[0])
            set_reward(session, report, amount=200, note="查证属实，按规定奖励")
        elif i == 3:
            close_unfounded(session, report, reason="夜间核查未发现住人，仓库已上锁")
    for i, (source, reference, content) in enumerate(TASKS):
        received = today - timedelta(days=20 - 4 * i)
        due = received + timedelta(days=(10, 30, 15, 7)[i])
        task = add_task(session, TaskInput(
            source=source, reference=reference, content=content, received_on=received.isoformat(),
            due_on=due.isoformat(), site_id=None)).id
        made += 1
        if i == 1 and len(hazards) > 1:
            link_hazard_to_task(session, task, hazards[1])
        if i == 2:
            complete_task(session, task, result="已排查出租屋 46 户，建立台账，发现隐患 3 处并督促整改",
                          on=(received + timedelta(days=9)).isoformat())
    return made


def _at_site(session: Session, site_id: str) -> str | None:
    """A running hazard at the reported site (the one the verifying inspection found)."""
    row = session.store.read().execute(
        "SELECT id FROM hazard WHERE site_id = ? AND deleted = 0 AND status IN ('open', 'notified')"
        " ORDER BY found_on DESC LIMIT 1", (site_id,)).fetchone()
    return row[0] if row else None

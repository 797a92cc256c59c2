"""``inspector-app hazard add|list|show|set`` and the lifecycle actions (``cli/lifecycle.py``)."""

from __future__ import annotations

import argparse

from ..core.entities import FACTORS, MEASURE_TYPES, SOURCES, HazardInput, HazardRow
from ..core.hazard_status import LEVELS, STATUSES
from ..services import hazards, rectification
from ..services.hazard_actions import available_actions
from ..services.session import Session
from . import lifecycle
from .common import print_json, print_rows, print_warnings, warnings_json
from .i18n import add_parser, json_flag, t
from .labels import LEVEL, STATUS, label, overdue

# `hazard set` option -> hazard field
SET_OPTIONS = {
    "responsible": "responsible_person", "responsible_phone": "responsible_phone",
    "measures": "measures", "funds": "funds_amount", "funds_source": "funds_source",
    "plan": "contingency_plan", "interim_measures": "interim_measures", "factor": "factor",
    "measure_type": "measure_type", "deadline_days": "deadline_days", "due_on": "due_on",
    "description": "description", "location": "location", "basis": "basis", "level": "level",
    "plan_target": "plan_target", "plan_methods": "plan_methods", "plan_materials": "plan_materials",
    "plan_bodies": "plan_bodies", "plan_schedule": "plan_schedule", "plan_safety": "plan_safety",
}
FIVE_HELP = {  # option -> (English, Chinese)
    "responsible": ("responsible person", "责任人"),
    "responsible_phone": ("responsible person's phone", "责任人电话"),
    "measures": ("rectification measures", "整改措施"),
    "funds": ("rectification funds (yuan)", "整改资金（元）"),
    "funds_source": ("source of the funds", "资金来源"),
    "plan": ("contingency plan", "应急预案"),
    "interim_measures": ("interim measures until rectified", "整改期间临时措施"),
    "plan_target": ("governance plan: target and tasks", "治理目标和任务"),
    "plan_methods": ("governance plan: methods and measures", "治理方法和措施"),
    "plan_materials": ("governance plan: funds and materials", "经费和物资"),
    "plan_bodies": ("governance plan: bodies and people in charge", "负责治理的机构和人员"),
    "plan_schedule": ("governance plan: schedule and requirements", "治理时限和要求"),
    "plan_safety": ("governance plan: safety measures and contingency plan", "安全措施和应急预案"),
    "due_on": ("an explicit deadline date (YYYY-MM-DD)", "指定整改期限日期（YYYY-MM-DD）"),
    "description": ("hazard description", "隐患描述"),
    "location": ("where on the premises", "隐患部位"),
    "basis": ("legal basis", "判定依据"),
}


class _RefuseSupervise(argparse.Action):
    """``hazard list ID --reason …`` used to 挂牌督办: a list command never writes."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        if option_string is None and not values:  # the positional, absent
            return
        parser.error(t(
            "`hazard list` only lists hazards; to put one under listed supervision (挂牌督办) "
            "use: inspector-app hazard supervise ID --reason REASON",
            "hazard list 只列出隐患，不作修改；挂牌督办请用：inspector-app hazard supervise 隐患ID "
            "--reason 原因"))


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "hazard", "hazards", "隐患")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|show|set|notify|...")
    level_help = t("general or major", "一般（general）或重大（major）")

    add = add_parser(s, "add", "record a hazard", "登记隐患")
    add.add_argument("--site", required=True, help=t("site id", "场所 ID"))
    add.add_argument("--description", required=True, help=t("what is wrong", "隐患描述"))
    add.add_argument("--level", choices=LEVELS, default="general", help=level_help)
    add.add_argument("--deadline-days", type=int, help=t("days to rectify", "整改期限（天）"))
    add.add_argument("--working-days", action="store_true",
                     help=t("count working days", "按工作日计算期限"))
    add.add_argument("--due-on", help=t("an explicit deadline date instead of days",
                                        "指定整改期限日期（代替天数）"))
    add.add_argument("--found-on", help=t("YYYY-MM-DD (default today)", "发现日期 YYYY-MM-DD（默认今天）"))
    add.add_argument("--location", help=t(*FIVE_HELP["location"]))
    add.add_argument("--basis", help=t(*FIVE_HELP["basis"]))
    add.add_argument("--source", choices=SOURCES, default="patrol", help=t("where it came from", "隐患来源"))
    add.add_argument("--factor", choices=FACTORS, help=t("factor (人/机/环/管)", "致因要素（人、机、环、管）"))
    add.add_argument("--measure-type", choices=MEASURE_TYPES, help=t("kind of measure", "整改措施类型"))
    add.add_argument("--report", help=t("public report id it came from", "来源举报 ID"))
    add.add_argument("--task", help=t("handed-down task id it came from", "来源交办任务 ID"))
    json_flag(add)
    add.set_defaults(handler=cmd_add)

    ls = add_parser(s, "list", "list hazards (read only; 挂牌督办 is `hazard supervise`)",
                    "列出隐患（只读；挂牌督办请用 hazard supervise）")
    # the old `hazard list ID --reason …` form is refused with a pointer to `hazard supervise`
    ls.add_argument("stray", nargs="*", action=_RefuseSupervise, help=argparse.SUPPRESS)
    for old in ("--reason", "--authority"):
        ls.add_argument(old, nargs="?", action=_RefuseSupervise, help=argparse.SUPPRESS)
    ls.add_argument("--status", choices=STATUSES, help=t("only this status", "只列该状态"))
    ls.add_argument("--level", choices=LEVELS, help=level_help)
    ls.add_argument("--site", help=t("site id", "场所 ID"))
    ls.add_argument("--grid", help=t("grid id", "网格 ID"))
    ls.add_argument("--text", help=t("words in the hazard or its site's name",
                                     "关键词（匹配隐患内容或场所名称）"))
    ls.add_argument("--overdue", action="store_true", help=t("only overdue", "只列已逾期"))
    ls.add_argument("--due-within", type=int, metavar="N",
                    help=t("due within N days", "N 天内到期"))
    ls.add_argument("--listed", action="store_true", help=t("under listed supervision", "只列挂牌督办"))
    ls.add_argument("--recheck-due", action="store_true",
                    help=t("major: 10-day re-check window running", "重大隐患：10 日复查期内"))
    ls.add_argument("--mine", action="store_true", help=t("only my grids", "只看我的网格"))
    ls.add_argument("--limit", type=int, help=t("at most N rows", "最多显示 N 条"))
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    show = add_parser(s, "show", "one hazard with its events", "查看一条隐患及其记录")
    show.add_argument("id", help=t("hazard id", "隐患 ID"))
    json_flag(show)
    show.set_defaults(handler=cmd_show)

    st = add_parser(s, "set", "set the five assurances (五落实), the governance plan, the "
                    "classification or (before the notice) the deadline",
                    "填写五落实、治理方案、分类或（送达通知前的）整改期限")
    st.add_argument("id", help=t("hazard id", "隐患 ID"))
    for opt, field in SET_OPTIONS.items():
        if opt in ("factor", "measure_type", "level", "deadline_days"):
            continue
        texts = FIVE_HELP.get(opt)
        st.add_argument("--" + opt.replace("_", "-"), dest=opt,
                        help=t(*texts) if texts else field)
    st.add_argument("--factor", choices=FACTORS, help=t("factor (人/机/环/管)", "致因要素（人、机、环、管）"))
    st.add_argument("--measure-type", choices=MEASURE_TYPES, help=t("kind of measure", "整改措施类型"))
    st.add_argument("--level", choices=LEVELS, help=level_help)
    st.add_argument("--reason", help=t("with --level: why the level differs from the one the "
                                       "checklist item suggested (required then)",
                                       "与 --level 一起：等级与检查项建议不同的理由（此时必填）"))
    st.add_argument("--deadline-days", type=int, help=t("days to rectify", "整改期限（天）"))
    lifecycle._day_kind(st)
    json_flag(st)
    st.set_defaults(handler=cmd_set)

    lifecycle.register_actions(s)


def cmd_add(session: Session, args: argparse.Namespace) -> int:
    saved = hazards.add_hazard(
        session,
        HazardInput(
            site_id=args.site, description=args.description, level=args.level,
            deadline_days=args.deadline_days, working_days=args.working_days,
            found_on=args.found_on, location=args.location, basis=args.basis,
            source=args.source, factor=args.factor, measure_type=args.measure_type,
            due_on=args.due_on, public_report_id=args.report, assigned_task_id=args.task,
        ),
    )
    if args.json:
        row = hazards.get_hazard(session, saved.id)
        print_json({"id": saved.id, "due_date": row.due_date, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0


def hazard_json(row: HazardRow) -> dict:
    return row.__dict__.copy()


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    flt = hazards.HazardFilter(
        text=args.text, status=args.status, level=args.level, site_id=args.site, grid_id=args.grid,
        overdue=args.overdue, due_within=args.due_within, listed=args.listed,
        recheck_window=args.recheck_due, mine=args.mine,
    )
    sort = "recheck_due" if args.recheck_due else "due_date" if (args.overdue or args.due_within) else "created"
    rows = hazards.list_hazards(session, flt, limit=args.limit, sort=sort, descending=sort == "created")
    if args.json:
        print_json([hazard_json(r) for r in rows])
    else:
        print_rows(
            [[r.id, label(LEVEL, r.level), label(STATUS, r.status) + (f" {overdue()}" if r.overdue else ""),
              r.due_date, r.site_name, r.description] for r in rows]
        )
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    details = hazards.hazard_details(session, args.id)
    # what this user may do with it now: the same rules as the GUI's 处理 menu
    usable = [a for a, av in available_actions(session.user, details).items() if av.enabled]
    if args.json:
        print_json({**details, "available_actions": usable})
    else:
        for key, value in details.items():
            if key not in ("events", "photos"):
                print(f"{key}: {'' if value is None else value}")
        for e in details["events"]:
            print(f"event: {e['at']} {e['kind']} {e['by'] or ''} {e['data'] or ''}")
        print(f"{t('available actions', '可办理')}: {', '.join(usable) or '-'}")
    return 0


def cmd_set(session: Session, args: argparse.Namespace) -> int:
    changes = {field: getattr(args, opt) for opt, field in SET_OPTIONS.items()
               if getattr(args, opt, None) is not None}
    if args.working_days is not None:
        changes["working_days"] = args.working_days
    level = changes.pop("level", None)
    saved = None
    if level is not None:  # first: it refuses a missing reason before anything is written
        saved = hazards.set_level(session, args.id, level, args.reason)
    if changes or saved is None:
        saved = rectification.set_fields(session, args.id, changes)
    if args.json:
        print_json({"id": saved.id, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0

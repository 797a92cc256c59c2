"""``inspector-app stats`` (考核 figures), ``dashboard``, ``holidays YEAR`` and
``holidays-set YEAR`` (a published schedule the app does not know yet)."""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from ..core.errors import ValidationError
from ..core.sectors import sector_label
from ..core.validation import parse_date
from ..services import dashboard, holiday_settings, notifications, stats
from ..services.session import Session
from .common import lang, print_json, print_rows
from .i18n import add_parser, json_flag, print_table, t

# statutory holidays (core/holidays.py codes) -> (English, Chinese)
HOLIDAY_NAMES = {
    "new_year": ("New Year's Day", "元旦"), "spring_festival": ("Spring Festival", "春节"),
    "qingming": ("Qingming Festival", "清明节"), "labour_day": ("Labour Day", "劳动节"),
    "dragon_boat": ("Dragon Boat Festival", "端午节"), "mid_autumn": ("Mid-Autumn Festival", "中秋节"),
    "national_day": ("National Day", "国庆节"),
}
PANEL_NAMES = {
    "overdue": ("overdue", "逾期未整改"), "due_soon": ("due soon", "即将到期"),
    "awaiting_recheck": ("awaiting re-check", "待复查"),
    "major_supervised": ("major and listed hazards", "重大隐患和挂牌督办"),
    "recheck_due": ("re-check window running", "复查期内"),
}
WEEKDAYS = (("Mon", "周一"), ("Tue", "周二"), ("Wed", "周三"), ("Thu", "周四"), ("Fri", "周五"),
            ("Sat", "周六"), ("Sun", "周日"))


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "stats", "figures for the county (rectification rate, overdue, by grid/sector/"
                   "inspector)", "统计考核数据（整改率、逾期，按网格、行业领域、检查人员）")
    p.add_argument("--from", dest="found_from", help=t("hazards found from YYYY-MM-DD",
                                                       "隐患发现日期自 YYYY-MM-DD"))
    p.add_argument("--to", dest="found_to", help=t("… to YYYY-MM-DD", "隐患发现日期至 YYYY-MM-DD"))
    p.add_argument("--mine", action="store_true", help=t("only my grids", "只看我的网格"))
    json_flag(p)
    p.set_defaults(handler=cmd_stats)

    d = add_parser(sub, "dashboard", "what needs attention (counts and the first rows)",
                   "工作台：需要处理的事项（数量和前几条）")
    d.add_argument("--mine", action="store_true", help=t("only my grids", "只看我的网格"))
    d.add_argument("--limit", type=int, default=10, help=t("rows per panel (default 10)",
                                                           "每栏显示条数（默认 10）"))
    json_flag(d)
    d.set_defaults(handler=cmd_dashboard)

    o = add_parser(sub, "overdue-news", "hazards that became overdue since a day (tray notification)",
                   "自某日以来新逾期的隐患（托盘提醒）")
    o.add_argument("--since", help=t("YYYY-MM-DD (default: this user's last check)",
                                     "YYYY-MM-DD（默认：本用户上次查看的时间）"))
    o.add_argument("--mark", action="store_true", help=t("remember this check", "记下本次查看"))
    json_flag(o)
    o.set_defaults(handler=cmd_overdue_news)

    h = add_parser(sub, "holidays", "the rest days of a year (official or computed)",
                   "某年的节假日（官方安排或推算）")
    h.add_argument("year", type=int, help=t("the year, e.g. 2026", "年份，如 2026"))
    json_flag(h)
    h.set_defaults(handler=cmd_holidays)

    hs = add_parser(sub, "holidays-set", "enter a year's published holiday schedule (admins; every"
                    " device counts deadlines with it)", "录入某年的官方放假调休安排（管理员；各设备按此计算期限）")
    hs.add_argument("year", type=int, help=t("the year, e.g. 2027", "年份，如 2027"))
    hs.add_argument("--holiday", action="append", default=[], metavar="DAY[..DAY]",
                    help=t("days off, YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD (repeat)",
                           "放假日期，YYYY-MM-DD 或区间 YYYY-MM-DD..YYYY-MM-DD（可重复）"))
    hs.add_argument("--workday", action="append", default=[], metavar="DAY",
                    help=t("a Saturday or Sunday that is a workday (调休; repeat)",
                           "调休上班的周六或周日（可重复）"))
    hs.add_argument("--clear", action="store_true", help=t("remove the entered schedule", "删除已录入的安排"))
    json_flag(hs)
    hs.set_defaults(handler=cmd_holidays_set)


def cmd_stats(session: Session, args: argparse.Namespace) -> int:
    figures = stats.stats(session, mine=args.mine, found_from=args.found_from, found_to=args.found_to)
    if args.json:
        print_json(figures)
        return 0
    print_stats(figures)
    return 0


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def print_stats(figures: dict) -> None:
    """The figures as tables with headers in the CLI's language (``--json`` has the codes)."""
    period = figures.get("period") or {}
    start, end = period.get("from"), period.get("to")
    scope = t("all grids", "全部网格") if figures.get("scope") == "all" else t("my grids", "我的网格")
    when = "" if not (start or end) else t(
        f"; found {start or '…'} to {end or '…'}", f"；发现日期 {start or '…'} 至 {end or '…'}")
    print(t(f"Statistics ({scope}{when})", f"统计（{scope}{when}）"))
    print_table([t("figure", "项目"), t("value", "数值")], [
        [t("hazards found", "发现隐患"), figures["hazards_total"]],
        [t("closed (rectified)", "已整改销号"), figures["hazards_closed"]],
        [t("rectification rate", "整改率"), _rate(figures["rectification_rate"])],
        [t("overdue", "逾期未整改"), figures["overdue"]],
        [t("major, not closed", "重大隐患（未销号）"), figures["major_open"]],
        [t("major, listed", "重大隐患挂牌督办"), figures["major_listed"]],
        [t("inspections", "检查次数"), figures["inspections_total"]],
        [t("sites inspected", "已检查场所"), f"{figures['sites_covered']}/{figures['sites_total']}"],
    ], right=(1,))
    counts = [t("found", "发现"), t("closed", "销号"), t("overdue", "逾期"),
              t("major open", "重大未销号"), t("rate", "整改率")]

    def count_cells(g: dict) -> list:
        return [g["found"], g["closed"], g["overdue"], g["major_open"], _rate(g["rectification_rate"])]

    if figures.get("by_grid"):
        print()
        print(t("By grid", "按网格"))
        print_table([t("grid", "网格"), *counts],
                    [[g["grid"] or t("(no grid)", "（未分配网格）"), *count_cells(g)]
                     for g in figures["by_grid"]], right=(1, 2, 3, 4, 5))
    if figures.get("by_sector"):
        print()
        print(t("By sector", "按行业领域"))
        print_table([t("sector", "行业领域"), *counts],
                    [[sector_label(g["sector"], lang()) or t("(none)", "（未分类）"), *count_cells(g)]
                     for g in figures["by_sector"]], right=(1, 2, 3, 4, 5))
    if figures.get("by_inspector"):
        print()
        print(t("By inspector", "按检查人员"))
        print_table([t("inspector", "检查人员"), t("hazards found", "发现隐患"),
                     t("closed", "销号"), t("inspections", "检查次数")],
                    [[i["name"] or i["login"], i["hazards_found"], i["hazards_closed"], i["inspections"]]
                     for i in figures["by_inspector"]], right=(1, 2, 3))


def cmd_dashboard(session: Session, args: argparse.Namespace) -> int:
    board = dashboard.dashboard(session, mine=args.mine, limit=args.limit)
    panels = {name: getattr(board, name) for name in
              ("overdue", "due_soon", "awaiting_recheck", "major_supervised", "recheck_due")}
    if args.json:
        data = {name: {"count": p.count, "rows": [r.__dict__ for r in p.rows]} for name, p in panels.items()}
        data["sites_due"] = {"available": board.sites_due.available, "count": board.sites_due.count}
        data["tasks_overdue"] = board.tasks_overdue
        print_json(data)
        return 0
    for name, p in panels.items():
        print(t(*PANEL_NAMES[name]) + t(": ", "：") + str(p.count))
        print_rows([["", r.id, r.due_date, r.recheck_due or "", r.description[:40]] for r in p.rows])
    print(t(f"handed-down tasks overdue: {board.tasks_overdue}", f"交办任务逾期：{board.tasks_overdue}"))
    return 0


def cmd_overdue_news(session: Session, args: argparse.Namespace) -> int:
    since = args.since if args.since else notifications.last_check(session)
    news = notifications.new_overdue_since(session, since)
    if args.mark:
        notifications.mark_checked(session)
    if args.json:
        print_json({"since": news.since.isoformat() if news.since else None, "count": news.count,
                    "ids": [r.id for r in news.rows], "message": news.message(lang())})
    else:
        print(news.message(lang()) or "")
    return 0


def _days(texts: list[str], field: str) -> list[date]:
    out: list[date] = []
    for text in texts:
        first, _, last = text.partition("..")
        a, b = parse_date(field, first), parse_date(field, last or first)
        if a is None or b is None or b < a or (b - a).days > 31:
            raise ValidationError(f"{field}: {text!r} is not a day or a range of at most 32 days",
                                  f"{field}：“{text}”不是日期或不超过 32 天的日期区间", code="bad_date")
        out += [a + timedelta(days=i) for i in range((b - a).days + 1)]
    return out


def cmd_holidays_set(session: Session, args: argparse.Namespace) -> int:
    holidays = [] if args.clear else _days(args.holiday, "holiday")
    workdays = [] if args.clear else _days(args.workday, "workday")
    if not args.clear and not holidays:
        raise ValidationError("give the days off with --holiday (or --clear)",
                              "请用 --holiday 给出放假日期（或用 --clear 删除）", code="no_holidays")
    holiday_settings.set_official_year(session, args.year, holidays, workdays)
    return cmd_holidays(session, args)


def cmd_holidays(session: Session, args: argparse.Namespace) -> int:
    cal = holiday_settings.year_calendar(session, args.year)
    if args.json:
        print_json({"year": cal.year, "official": cal.official,
                    "rest_days": [d.isoformat() for d in cal.rest_days],
                    "statutory": {d.isoformat(): n for d, n in cal.statutory.items()}})
        return 0
    print(t(f"{cal.year}: official calendar (State Council notice)" if cal.official else
            f"{cal.year}: computed from the holiday law (the swapped workdays are not known yet)",
            f"{cal.year} 年：官方安排（国务院办公厅通知）" if cal.official else
            f"{cal.year} 年：按《全国年节及纪念日放假办法》推算（调休安排未知）"))
    rows = []
    for d in cal.rest_days:
        if d.weekday() >= 5 and d not in cal.statutory:
            continue  # an ordinary weekend
        code = cal.statutory.get(d)
        name = HOLIDAY_NAMES.get(code) if code else None
        label = (t(*name) if name else code) if code else t("rest day (swapped)", "休息日（调休）")
        rows.append([d.isoformat(), t(*WEEKDAYS[d.weekday()]), label])
    print_table([t("date", "日期"), t("weekday", "星期"), t("holiday", "节日")], rows)
    return 0

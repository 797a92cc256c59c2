"""``inspector-app stats`` (考核 figures), ``dashboard`` and ``holidays YEAR``."""

from __future__ import annotations

import argparse

from ..services import dashboard, holiday_settings, notifications, stats
from ..services.session import Session
from .common import lang, print_json, print_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="统计 figures for the county (整改率, overdue, by grid/sector/inspector)")
    p.add_argument("--from", dest="found_from", help="hazards found from YYYY-MM-DD")
    p.add_argument("--to", dest="found_to", help="… to YYYY-MM-DD")
    p.add_argument("--mine", action="store_true", help="only my grids")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    d = sub.add_parser("dashboard", help="工作台 what needs attention (counts and the first rows)")
    d.add_argument("--mine", action="store_true", help="only my grids")
    d.add_argument("--limit", type=int, default=10)
    d.add_argument("--json", action="store_true")
    d.set_defaults(handler=cmd_dashboard)

    o = sub.add_parser("overdue-news", help="hazards that became overdue since a day (tray notification)")
    o.add_argument("--since", help="YYYY-MM-DD (default: this user's last check)")
    o.add_argument("--mark", action="store_true", help="remember this check")
    o.add_argument("--json", action="store_true")
    o.set_defaults(handler=cmd_overdue_news)

    h = sub.add_parser("holidays", help="节假日 the rest days of a year (official or computed)")
    h.add_argument("year", type=int)
    h.add_argument("--json", action="store_true")
    h.set_defaults(handler=cmd_holidays)


def cmd_stats(session: Session, args: argparse.Namespace) -> int:
    figures = stats.stats(session, mine=args.mine, found_from=args.found_from, found_to=args.found_to)
    if args.json:
        print_json(figures)
        return 0
    rate = figures["rectification_rate"]
    print_rows([
        ["hazards_total", figures["hazards_total"]], ["hazards_closed", figures["hazards_closed"]],
        ["rectification_rate", "" if rate is None else f"{rate * 100:.1f}%"],
        ["overdue", figures["overdue"]], ["major_open", figures["major_open"]],
        ["major_listed", figures["major_listed"]], ["inspections_total", figures["inspections_total"]],
        ["sites_covered", f"{figures['sites_covered']}/{figures['sites_total']}"],
    ])
    for g in figures["by_grid"]:
        print_rows([["grid", g["grid"] or "-", g["found"], g["closed"], g["overdue"]]])
    return 0


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
        print(f"{name}: {p.count}")
        print_rows([["", r.id, r.due_date, r.recheck_due or "", r.description[:40]] for r in p.rows])
    print(f"tasks_overdue: {board.tasks_overdue}")
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


def cmd_holidays(session: Session, args: argparse.Namespace) -> int:
    cal = holiday_settings.year_calendar(session, args.year)
    if args.json:
        print_json({"year": cal.year, "official": cal.official,
                    "rest_days": [d.isoformat() for d in cal.rest_days],
                    "statutory": {d.isoformat(): n for d, n in cal.statutory.items()}})
        return 0
    print(f"{cal.year}: " + ("official 官方安排" if cal.official else "computed 推算（调休未知）"))
    print_rows([[d.isoformat(), cal.statutory.get(d, "")] for d in cal.rest_days if d.weekday() < 5
                or d in cal.statutory])
    return 0

"""Names of the codes services use (status, level, kind …) for the CLI's human output.

``--json`` keeps the codes; a table or line for people shows these, in the CLI's language
(the same words as the GUI's ``ui/labels.py``, which goes through Qt's ``tr()`` instead).
"""

from __future__ import annotations

from .i18n import t

STATUS = {
    "draft": ("draft", "草稿"), "open": ("not yet notified", "待通知"),
    "notified": ("rectifying", "整改中"), "awaiting_recheck": ("awaiting re-check", "待复查"),
    "closed": ("closed", "已销号"),
}
LEVEL = {"general": ("general", "一般隐患"), "major": ("major", "重大隐患")}
INSPECTION_KIND = {
    "patrol": ("patrol", "巡查"), "recheck": ("re-check", "复查"), "campaign": ("campaign", "专项检查"),
    "report": ("report", "举报核查"), "random": ("random", "双随机抽查"),
}
INSPECTION_STATUS = {"in_progress": ("in progress", "进行中"), "finished": ("finished", "已完成")}
TASK_STATUS = {"open": ("open", "办理中"), "done": ("done", "已办结"), "cancelled": ("cancelled", "已撤销")}
REPORT_STATUS = {"received": ("received", "已受理"), "verified": ("verified", "已查实"),
                 "unfounded": ("unfounded", "不属实")}
ROLE = {"inspector": ("inspector", "网格员"), "supervisor": ("supervisor", "主管人员"),
        "admin": ("admin", "管理员")}


def label(table: dict[str, tuple[str, str]], code: str | None) -> str:
    """The name of ``code`` in the CLI's language (the code itself if unknown)."""
    if not code:
        return ""
    names = table.get(code)
    return t(*names) if names else code


def overdue() -> str:
    return t("overdue", "逾期")

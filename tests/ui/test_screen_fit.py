"""Every window and dialog fits a 1366×768 laptop screen (taskbar 40 px), a 1920×1080 one at
150 % scaling (1280×720 logical, taskbar 27) and a 1366×768 one at 150 % (911×512 logical),
buttons included: where a form is taller than the screen its contents scroll and its buttons
stay visible at the bottom.

The outer test runs this module again in a subprocess whose offscreen screen has that size
(``offscreen:configfile``, and ``QT_SCALE_FACTOR`` for 150 %); the inner test opens each
window there, saves a screenshot to /tmp/shots/fit-<screen>-<name>.png, and checks that the
window as opened and its minimum size fit the free area.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.exceptions import TimeoutError as QtTimeout

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, rectification, sites
from inspector_app.services.inspections import StartInput
from inspector_app.ui.dialogs.common import ErrorBanner
from inspector_app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QPushButton,
    QRect,
    QScrollArea,
    QWidget,
)
from inspector_app.ui.widgets import BodyScroll
from tests.ui.helpers import settle

pytestmark = pytest.mark.ui

SCREEN_ENV = "INSPECTOR_FIT_SCREEN"
SCREENS = {  # name: (width, height, scale, taskbar in logical px, checklist rows at least)
    "1366x768": (1366, 768, "1", 40, 10),
    "1080p-150": (1920, 1080, "1.5", 27, 8),
    "1366x768-150": (1366, 768, "1.5", 27, 4),  # 911×512 logical
}
KNOWN_GAPS: dict[tuple[str, str], str] = {}  # (screen, window): why it does not fit yet
TITLE_BAR = 32  # the window manager's frame, which offscreen windows lack
SHOTS = Path("/tmp/shots")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_window_fits_the_screen(screen: str, tmp_path: Path, qtbot) -> None:
    width, height, scale, _taskbar, _rows = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": screen, "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, SCREEN_ENV: screen, "QT_SCALE_FACTOR": scale,
           "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", "--tb=line",
         f"{Path(__file__).relative_to(ROOT)}::test_window_fits_inside"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]


# --------------------------------------------------------------------------- the windows
def _hazard(session, level: str = "general") -> str:
    site_id = sites.add_site(session, SiteInput(name="大华化工有限公司", address="青石镇工业园8号")).id
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=site_id, description="液氨储罐区与周边建筑安全距离不足", level=level,
        deadline_days=30, found_on="2026-09-20")).id
    if level == "major":
        rectification.confirm_level(session, hazard_id)
    return hazard_id


def _action(code: str, level: str = "general", notified: bool = False):
    def make(window, session):
        from inspector_app.ui.dialogs import hazard_actions as ha

        hazard_id = _hazard(session, level)
        if notified:
            rectification.notify(session, hazard_id, served_on="2026-09-21")
        details = hazards.hazard_details(session, hazard_id)
        return ha.HazardActionDialog(window.ctx, getattr(ha, code), details, parent=window)
    return make


def _photo_viewer(window, session):
    from inspector_app.services import photos as photo_service
    from inspector_app.ui.dialogs.photo_viewer import PhotoViewer
    from tests.photo_samples import fixtures

    hazard_id = _hazard(session)
    photo_service.import_photos(session, hazard_id, [fixtures("gps") / "DSCN0010.jpg"], "before", workers=0)
    return PhotoViewer(window.ctx, photo_service.photos_of_hazard(session, hazard_id), 0, parent=window)


def _photo_compare(window, session):
    from inspector_app.services import photos as photo_service
    from inspector_app.ui.dialogs.photo_compare import PhotoCompare
    from tests.photo_samples import fixtures

    hazard_id = _hazard(session)
    photo_service.import_photos(session, hazard_id, [fixtures("gps") / "DSCN0010.jpg"], "before", workers=0)
    photo_service.import_photos(session, hazard_id, [fixtures("gps") / "DSCN0012.jpg"], "after", workers=0)
    return PhotoCompare(window.ctx, photo_service.photos_of_hazard(session, hazard_id), parent=window)


def _annotation_editor(window, session):
    from inspector_app.services import photos as photo_service
    from inspector_app.ui.dialogs.annotation_editor import AnnotationEditor
    from tests.photo_samples import fixtures

    hazard_id = _hazard(session)
    photo_service.import_photos(session, hazard_id, [fixtures("gps") / "DSCN0010.jpg"], "before", workers=0)
    return AnnotationEditor(window.ctx, photo_service.photos_of_hazard(session, hazard_id)[0], parent=window)


def _checklist_run(window, session):
    from inspector_app.ui.main_window import INSPECTIONS

    site_id = sites.add_site(session, SiteInput(name="老王小吃店", sectors=("nine_small",))).id
    window.go_to(INSPECTIONS)
    page = window.current_page()
    page.start(StartInput(site_id=site_id, template_ids=["nine_small"], location="后厨"))
    settle(None, page)
    return window


def _hazard_major(window, session):
    from inspector_app.ui.dialogs.hazard_dialog import HazardDialog

    dialog = HazardDialog(window.ctx, lambda data: None, parent=window)
    dialog.show()  # 重大隐患 chosen once the form is open: its 五落实 box appears
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("major"))
    return dialog


def _register_import(window, session):
    from openpyxl import Workbook

    from inspector_app.ui.dialogs.register_import import RegisterImportDialog

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "企业名称", "统一社会信用代码", "经营地址", "所属网格", "负责人", "联系电话",
                  "行业类别", "备注", "面积", "从业人数"])
    for i in range(30):
        sheet.append([i + 1, f"第{i + 1}家小吃店", None, f"青石镇文化路{i + 1}号", "东村网格", "王建国",
                      "13800138000", "九小场所", None, 80, 5])
    path = Path(tempfile.mkdtemp(prefix="名单 ")) / "青石镇 企业名单.xlsx"
    book.save(path)
    dialog = RegisterImportDialog(window.ctx, parent=window)
    dialog.load(path)
    return dialog


def _checklist_editor(window, session):
    from inspector_app.ui.dialogs.checklist_editor import ChecklistEditor

    return ChecklistEditor(window.ctx, "nine_small", parent=window)


def _simple(module: str, name: str, *args: str):
    def make(window, session):
        import importlib

        cls = getattr(importlib.import_module(f"inspector_app.ui.{module}"), name)
        extra = {"site": lambda: sites.add_site(session, SiteInput(name="好运来面馆")).id,
                 "save": lambda: (lambda data: None)}
        return cls(window.ctx, *[extra[a]() for a in args], parent=window)
    return make


WINDOWS: dict[str, Callable] = {
    "main-window": lambda window, session: window,
    "checklist-run": _checklist_run,
    "site": _simple("dialogs.site_dialog", "SiteDialog", "save"),
    "hazard": _simple("dialogs.hazard_dialog", "HazardDialog", "save"),
    "hazard-major": _hazard_major,
    "notify-major": _action("NOTIFY", "major"),
    "five": _action("FIVE", "major"),
    "plan": _action("PLAN", "major"),
    "recheck": _action("RECHECK", notified=True),
    "extend": _action("EXTEND", notified=True),
    "campaign": _simple("dialogs.campaigns", "CampaignDialog"),
    "campaigns": _simple("dialogs.campaigns", "CampaignsDialog"),
    "templates": _simple("dialogs.checklist_templates", "ChecklistTemplatesDialog"),
    "checklist-editor": _checklist_editor,
    "inspection-plan": _simple("dialogs.inspection_plan", "InspectionPlanDialog"),
    "site-history": _simple("dialogs.site_history", "SiteHistoryDialog", "site"),
    "work-calendar": _simple("dialogs.work_calendar", "WorkCalendarDialog"),
    "users": _simple("dialogs.users", "UsersDialog"),
    "report": _simple("dialogs.public_report", "ReportDialog", "save"),
    "task": _simple("dialogs.assigned_task", "TaskDialog", "save"),
    "start-inspection": _simple("pages.inspections", "StartInspectionDialog"),
    "register-import": _register_import,
    "photo-viewer": _photo_viewer,
    "photo-compare": _photo_compare,
    "annotation-editor": _annotation_editor,
}


@pytest.mark.skipif(SCREEN_ENV not in os.environ, reason="runs inside test_every_window_fits_the_screen")
@pytest.mark.parametrize("name", list(WINDOWS))
def test_window_fits_inside(name: str, window, session, qtbot) -> None:
    screen = os.environ[SCREEN_ENV]
    taskbar = SCREENS[screen][3]
    free = QApplication.primaryScreen().availableGeometry()
    shown: QWidget = WINDOWS[name](window, session)
    if shown is not window:
        qtbot.addWidget(shown)
        shown.show()
    qtbot.waitExposed(shown)
    settled(qtbot, lambda: _misfits(name, shown, shown is window, free, taskbar))
    SHOTS.mkdir(parents=True, exist_ok=True)
    shown.grab().save(str(SHOTS / f"fit-{screen}-{name}.png"))
    wrong = _misfits(name, shown, shown is window, free, taskbar)
    if wrong and (screen, name) in KNOWN_GAPS:
        pytest.xfail(f"{KNOWN_GAPS[screen, name]}: {wrong}")
    assert not wrong
    if name == "hazard-major":  # the 五落实 box that appeared below the form is scrolled into sight
        assert not shown.major_box.visibleRegion().isEmpty(), shown.major_box.visibleRegion()
    banner = getattr(shown, "error_banner", None)
    if isinstance(banner, ErrorBanner) and shown is not window:  # a refused save, scrolled down
        for scroll in shown.findChildren(BodyScroll):
            scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        banner.show_message("名称不能超过 100 个字（现有 130 个）；请缩短后再保存。" * 2)

        def misfits() -> list[object]:
            seen = banner.visibleRegion().boundingRect()
            return _misfits(name, shown, False, free, taskbar) + ([] if seen == banner.rect() else [
                ("banner", seen, banner.rect())])

        settled(qtbot, misfits)
        assert not misfits()
    if name == "checklist-run":  # a run shows a good part of its list at once
        run = window.current_page().run
        rows = run.table.viewport().height() // max(run.table.verticalHeader().defaultSectionSize(), 1)
        assert rows >= SCREENS[screen][4], (rows, run.splitter.sizes(), [w.minimumSizeHint().height() for w in (run.table, run.splitter.widget(1), run.photo_strip)])


def settled(qtbot, problems: Callable[[], list[object]]) -> None:
    """Wait (a little) until ``problems()`` is empty: a dialog that grew is fitted once the
    platform has reported its new size; the caller then asserts, with the problems shown."""
    with contextlib.suppress(QtTimeout):
        qtbot.waitUntil(lambda: not problems(), timeout=3000)
    qtbot.wait(50)


def _misfits(name: str, shown: QWidget, main: bool, free: QRect, taskbar: int) -> list[object]:
    """What does not fit: ``shown`` or its minimum beyond the free area, a button cut off."""
    limit_w, limit_h = free.width(), free.height() - taskbar - TITLE_BAR
    wrong: list[object] = []
    minimum = shown.minimumSizeHint().expandedTo(shown.minimumSize())
    if minimum.width() > limit_w or minimum.height() > limit_h:
        wrong.append((name, "minimum", minimum, limit_w, limit_h))
    if shown.width() > limit_w or shown.height() > limit_h:
        wrong.append((name, "size", shown.size(), limit_w, limit_h))
    place, room = shown.geometry(), free.adjusted(-1, -1, 1, 1 - taskbar)  # 1 px: rounding at 150 %
    if not room.contains(place):
        wrong.append((name, "place", place, free))
    # every button outside a scrolling area is wholly on the window (保存/取消 not cut off)
    buttons = [b for b in shown.findChildren(QPushButton) if b.isVisibleTo(shown) and not _scrolled(b, shown)]
    if not buttons and not main:
        wrong.append((name, "no buttons"))
    for button in buttons:
        seen = button.visibleRegion().boundingRect()
        if seen != button.rect() or not shown.rect().contains(button.mapTo(shown, button.rect().bottomRight())):
            wrong.append((name, button.text(), seen, button.rect()))
    return wrong


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Whether ``widget`` sits inside a list, table or scroll area of ``window`` (reached by
    scrolling, so it may be out of sight)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False

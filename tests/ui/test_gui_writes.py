"""Every GUI write is an Op: off the GUI thread, inline errors, one source of ``Changes``.

A write queued behind a long writer job (a big register import is one long transaction)
must leave the window repainting and taking input; no UI module builds ``Changes`` itself.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, sites
from inspector_app.ui.main_window import HAZARDS_PAGE
from inspector_app.ui.qt import (
    QApplication,
    QDialogButtonBox,
    QEvent,
    QKeyEvent,
    QLineEdit,
    Qt,
    QTimer,
)
from tests.ui.helpers import gone, settle

pytestmark = pytest.mark.ui

UI = Path(__file__).resolve().parents[2] / "inspector_app" / "ui"
SAVE = QDialogButtonBox.StandardButton.Save
TICK_MS = 10


class LatencyProbe:
    """A 10 ms timer; how late each tick came is how long the event loop was blocked."""

    def __init__(self) -> None:
        self.late: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.monotonic()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._tick()  # a loop blocked until now counts too

    def _tick(self) -> None:
        now = time.monotonic()
        self.late.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now


def test_gui_write_behind_a_long_writer_job_keeps_the_window_responsive(window, ctx, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="好运来面馆")).id
    hazard_id = hazards.add_hazard(session, HazardInput(site_id=site_id, description="灭火器过期")).id
    window.go_to(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    assert page.select_id(hazard_id)
    # the window builds its other pages in idle moments after start: done before measuring
    qtbot.waitUntil(lambda: None not in window.pages, timeout=10_000)

    long_job_began, long_job_over = threading.Event(), threading.Event()

    def long_writer(progress, cancel) -> None:  # noqa: ANN001 - Op job signature
        def hold(tx) -> None:  # noqa: ANN001 - one long transaction on the writer thread
            long_job_began.set()
            time.sleep(2.0)
        session.store.write(hold)
        long_job_over.set()

    ctx.ops.run(long_writer, title="长时间写入", parent=window)
    qtbot.waitUntil(long_job_began.is_set, timeout=2000)

    dialog = page.edit_record()
    dialog.description_edit.setPlainText("灭火器过期未更换")
    probe = LatencyProbe()
    probe.start()
    dialog.button_box.button(SAVE).click()  # queued behind the long transaction
    assert dialog.isVisible() and not dialog.button_box.isEnabled()  # waits, input kept

    # input typed meanwhile arrives through the event loop (posted, not sent directly)
    search = page.findChild(QLineEdit)
    assert search is not None
    typed_before_end: list[str] = []
    for char in "abc":
        QApplication.postEvent(search, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, char))
    qtbot.waitUntil(lambda: search.text() == "abc", timeout=1500)
    typed_before_end.append(str(long_job_over.is_set()))
    qtbot.waitUntil(lambda: gone(dialog), timeout=10_000)
    probe.stop()

    assert long_job_over.is_set()  # the edit was written after the long job
    assert typed_before_end == ["False"]  # the keys were handled while the job still ran
    assert hazards.get_hazard(session, hazard_id).description == "灭火器过期未更换"
    print(f"\nevent-loop lateness during a write queued behind a 2 s transaction: max {max(probe.late):.0f} ms"
          f" over {len(probe.late)} ticks of {TICK_MS} ms")
    assert max(probe.late) < 200, f"event loop blocked for {max(probe.late):.0f} ms"
    settle(qtbot, ctx)


def test_a_refused_write_keeps_the_dialog_open_with_the_input(window, ctx, session, qtbot) -> None:
    site_id = sites.add_site(session, SiteInput(name="好运来面馆")).id
    hazard_id = hazards.add_hazard(session, HazardInput(site_id=site_id, description="灭火器过期")).id
    window.go_to(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    page.select_id(hazard_id)
    dialog = page.edit_record()
    too_long = "描述过长" * 2000
    dialog.description_edit.setPlainText(too_long)
    published = []
    ctx.events.changed.connect(published.append)
    dialog.button_box.button(SAVE).click()
    settle(qtbot, ctx)
    assert dialog.isVisible() and dialog.error_banner.isVisible()
    assert "太长" in dialog.error_banner.text()
    assert dialog.description_edit.toPlainText() == too_long  # nothing typed is lost
    assert dialog.button_box.isEnabled()
    assert published == []
    assert all(op.message_box is None for op in ctx.ops.active)  # no box over the form
    assert hazards.get_hazard(session, hazard_id).description == "灭火器过期"
    dialog.discard()


def test_no_ui_module_builds_changes_itself() -> None:
    """What changed comes from the service that wrote; the UI only passes it on."""
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bChanges(\.of)?\(", line):
                offenders.append(f"{path.relative_to(UI)}:{n}: {line.strip()}")
    assert offenders == []


def test_a_write_shows_progress_only_when_its_job_reports_it(window, ctx, qtbot) -> None:
    quiet = ctx.ops.write(lambda: time.sleep(0.8), title="静默写入", parent=window)
    qtbot.waitUntil(lambda: not quiet.running, timeout=3000)
    assert quiet.dialog is None and quiet.error is None  # past 0.5 s, yet never a dialog

    def reporting(progress, cancel) -> None:  # noqa: ANN001 - Op job signature
        for i in range(40):
            progress(i, 40, "导入中")
            time.sleep(0.025)

    loud = ctx.ops.write(reporting, title="导入", parent=window, reports_progress=True)
    qtbot.waitUntil(lambda: loud.dialog is not None and loud.dialog.isVisible(), timeout=3000)
    settle(qtbot, ctx)
    assert loud.dialog is None


def test_the_runner_publishes_what_the_service_returned(window, ctx, session, qtbot) -> None:
    from inspector_app.services.changes import HAZARDS, SITES
    from inspector_app.ui.ops import changes_of

    published = []
    ctx.events.changed.connect(published.append)
    op = ctx.ops.write(lambda: sites.add_site(session, SiteInput(name="老王烧烤店")), title="新增场所")
    settle(qtbot, ctx)
    assert op.result.id and len(published) == 1 and published[0].touches(SITES)
    # Saved, Changes, any result with .changes and tuples of them; nothing for plain values
    assert changes_of(op.result).touches(SITES)
    assert changes_of((["outcome"], op.result.changes)).touches(SITES)
    assert not changes_of({"kinds": [HAZARDS]}) and not changes_of(None) and not changes_of(3)


def test_undo_and_redo_run_as_writes_and_a_refused_step_leaves_the_stack(window, ctx, session, qtbot) -> None:
    from inspector_app.core import hazard_status as hs
    from inspector_app.ui import undo

    site_id = sites.add_site(session, SiteInput(name="好运来面馆")).id
    undo.edit_site(ctx, site_id, SiteInput(name="好运来面馆（新）"))
    settle(qtbot, ctx)
    assert ctx.undo.count() == 1 and sites.get_site(session, site_id).name == "好运来面馆（新）"
    ctx.undo.undo()
    settle(qtbot, ctx)
    assert sites.get_site(session, site_id).name == "好运来面馆"
    ctx.undo.redo()
    settle(qtbot, ctx)
    assert sites.get_site(session, site_id).name == "好运来面馆（新）"

    undo.add_hazard(ctx, HazardInput(site_id=site_id, description="灭火器过期"))
    settle(qtbot, ctx)
    (hazard,) = hazards.list_hazards(session)
    hazards.transition(session, hazard.id, hs.EventKind.FIXED_ON_SPOT, {"on": "2026-09-20"})  # 销号
    with qtbot.waitSignal(ctx.events.error, timeout=3000) as error:
        ctx.undo.undo()  # deleting a closed hazard is refused
    settle(qtbot, ctx)
    assert "销号" in error.args[0] and hazards.list_hazards(session)
    assert ctx.undo.count() == 2
    ctx.undo.redo()  # the refused command is dropped the next time it is touched
    assert ctx.undo.count() == 1

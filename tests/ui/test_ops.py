"""The Op runner: worker thread, late progress dialog, cancel, clear errors, Changes broadcast."""

from __future__ import annotations

import time

import pytest

from inspector_app.core.errors import Cancelled, ValidationError
from inspector_app.services.changes import SITES, Changes
from inspector_app.ui.qt import QPushButton, Qt

pytestmark = pytest.mark.ui


def slow(seconds: float = 1.0):
    def job(progress, cancel):
        steps = 50
        for i in range(steps):
            if cancel.is_set():
                raise Cancelled()
            progress(i, steps, f"第 {i} 步")
            time.sleep(seconds / steps)
        return Changes.of(SITES)

    return job


def test_quick_job_shows_no_dialog_and_broadcasts_changes(window, ctx, qtbot) -> None:
    with qtbot.waitSignal(ctx.events.changed, timeout=2000) as changed:
        op = ctx.ops.run(lambda progress, cancel: Changes.of(SITES), title="快", parent=window)
    assert changed.args[0].touches(SITES)
    assert op.dialog is None and op.message_box is None
    assert ctx.ops.active == []


def test_slow_job_shows_progress_after_half_a_second(window, ctx, qtbot) -> None:
    started = time.monotonic()
    op = ctx.ops.run(slow(1.0), title="生成演示数据", parent=window)
    assert op.dialog is None  # never at once
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=2000)
    assert time.monotonic() - started >= 0.45
    qtbot.waitUntil(lambda: op.dialog is None or op.dialog.value() > 0, timeout=2000)
    with qtbot.waitSignal(op.succeeded, timeout=3000):
        pass
    assert op.dialog is None


def test_cancel_stops_the_job_without_an_error_box(window, ctx, qtbot) -> None:
    op = ctx.ops.run(slow(5.0), title="生成演示数据", parent=window)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=2000)
    (cancel_button,) = op.dialog.findChildren(QPushButton)
    assert cancel_button.text() == "取消"
    with qtbot.waitSignal(op.cancelled, timeout=3000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert op.cancel_event.is_set()
    assert op.message_box is None and op.dialog is None


def test_domain_error_becomes_its_message(window, ctx, qtbot) -> None:
    def job(progress, cancel):
        raise ValidationError("the demo store is already filled", "演示库已有数据，无需重复生成")

    op = ctx.ops.run(job, title="生成演示数据", parent=window)
    with qtbot.waitSignal(op.failed, timeout=2000) as failed:
        pass
    assert failed.args == ["演示库已有数据，无需重复生成"]
    assert op.message_box is not None and op.message_box.isVisible()
    assert op.message_box.text() == "演示库已有数据，无需重复生成"
    op.message_box.close()


def test_a_bug_is_logged_and_shown_in_plain_words(window, ctx, qtbot) -> None:
    def job(progress, cancel):
        raise ZeroDivisionError("division by zero in the job")

    op = ctx.ops.run(job, title="统计", parent=window)
    with qtbot.waitSignal(op.failed, timeout=2000) as failed:
        pass
    message = failed.args[0]
    assert message.startswith("出错了，详细信息已写入日志")
    assert str(ctx.log_path) in message
    assert "Traceback" not in message
    log = ctx.log_path.read_text("utf-8")
    assert "ZeroDivisionError: division by zero in the job" in log and "Traceback" in log
    op.message_box.close()

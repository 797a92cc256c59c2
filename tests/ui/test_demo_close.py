"""Closing the window while demo data is being made: asked first, then a clean stop that
leaves no empty demo store behind."""

from __future__ import annotations

import pytest

from inspector_app.services.session import demo_data_dir
from inspector_app.ui.qt import QMessageBox

pytestmark = pytest.mark.ui


def test_closing_during_demo_generation_asks_then_removes_the_half_store(window, ctx, qtbot) -> None:
    real = ctx.real_data_dir
    op = window.open_demo()
    assert op is not None and op.running and ctx.data_dir == demo_data_dir(real)
    window.close()  # Alt+F4
    box = window.stores.close_box
    assert box is not None and "演示数据" in box.text() and window.isVisible()
    box.button(QMessageBox.StandardButton.No).click()  # keep creating
    assert op.running and window.isVisible()
    window.close()
    box = window.stores.close_box
    with qtbot.waitSignal(op.finished, timeout=60_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert ctx.data_dir == real and not ctx.is_demo
    assert not demo_data_dir(real).exists()  # nothing empty to open next time


def test_cancelling_demo_generation_goes_back_and_says_so(window, ctx, qtbot) -> None:
    real = ctx.real_data_dir
    op = window.open_demo()
    with qtbot.waitSignal(op.finished, timeout=60_000):
        op.cancel()
    assert ctx.data_dir == real and not demo_data_dir(real).exists()
    assert "演示库已删除" in window.statusBar().currentMessage()
    assert window.isVisible()

"""Data makers for the GUI tests (through the services, like a user's actions would)."""

from __future__ import annotations

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, sites
from inspector_app.ui.qt import QApplication, QInputMethodEvent

DESCRIPTIONS = (
    "消防通道堵塞，杂物占用疏散走道",
    "燃气软管老化，未安装泄漏报警装置",
    "电动自行车在楼道内充电",
    "灭火器过期未更换",
)


def add_sites(session, n: int, prefix: str = "测试场所") -> list[str]:
    return [
        sites.add_site(session, SiteInput(name=f"{prefix}{i:03d}", address=f"青石镇文化路{i}号")).id
        for i in range(n)
    ]


def add_hazards(session, site_id: str, n: int, found_on: str = "2026-09-20") -> list[str]:
    return [
        hazards.add_hazard(
            session,
            HazardInput(site_id=site_id, description=f"{DESCRIPTIONS[i % 4]}（{i}）",
                        deadline_days=(i * 7) % 31, found_on=found_on),
        ).id
        for i in range(n)
    ]


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key clicks, Chinese as input-method commits.

    QTest.keyClicks only knows Latin-1 keys (it asserts on 消); a Chinese user's text arrives
    from the input method as a commit string, which is what this sends.
    """
    run = ""
    for char in text + "\0":
        if char != "\0" and char.isascii():
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if char != "\0":
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def settle(qtbot, holder, timeout: int = 5000) -> None:
    """Wait until every GUI write (``ctx.ops.write``) and job has finished and reported back.

    ``holder`` is the ``AppContext`` or anything with a ``ctx`` (a window, a page, a dialog).
    Writes run off the GUI thread, so a test that clicks 保存 waits here before it looks.
    """
    ctx = holder
    while not hasattr(ctx, "ops"):  # a sub-dialog: ask its parents
        ctx = getattr(ctx, "ctx", None) or ctx.parent()
    if qtbot is not None:
        qtbot.waitUntil(lambda: not ctx.ops.active, timeout=timeout)
        return
    import time  # a helper without qtbot: run the loop the same way

    deadline = time.monotonic() + timeout / 1000
    while ctx.ops.active:
        assert time.monotonic() < deadline, "a GUI write did not finish"
        QApplication.processEvents()
        time.sleep(0.005)


def gone(widget) -> bool:
    """Closed: hidden, or already deleted (a ``WA_DeleteOnClose`` dialog once the loop ran)."""
    import shiboken6

    return not shiboken6.isValid(widget) or not widget.isVisible()


def activate(qtbot, window) -> None:
    """Make ``window`` the active window again, as the window manager does once a box or form
    over it closed (offscreen there is none): window shortcuts only reach the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)

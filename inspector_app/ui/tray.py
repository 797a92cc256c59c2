"""The tray notice: hazards that became overdue, at start and once a day (no polling).

A ``QSystemTrayIcon`` exists only where the desktop has a tray; without one (offscreen,
a bare Xvfb) the same message goes to the main window's status bar. Nothing here is modal,
so ``--quit-after`` never waits on it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..services import notifications
from .icons import icon
from .ops import Op
from .qt import QObject, QSystemTrayIcon, QTimer

MESSAGE_MS = 15_000
DAY_MS = 24 * 3600 * 1000
AFTER_MIDNIGHT = timedelta(minutes=1)


class OverdueNotifier(QObject):
    """Asks ``notifications.check_and_mark`` at start, then at each next local day."""

    def __init__(self, window, parent: QObject | None = None) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.last_message: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.setToolTip(self.tr("Grid Inspector"))
            self.tray.messageClicked.connect(self.bring_up)
            self.tray.activated.connect(self._on_activated)
            self.tray.show()

    def start(self) -> None:
        """After the window shows: the first check runs on the next event-loop turn."""
        self.timer.start(0)

    def shutdown(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    # ------------------------------------------------------------------ the daily check
    def check(self) -> Op:
        """Check once (a no-op if already done today), notify, and schedule the next check.

        The check marks the day in the store: a write, so it runs off the GUI thread (a long
        import may hold the store); ``last_message`` is what it said."""
        session = self.window.ctx.session

        def job() -> notifications.OverdueNews | None:
            try:
                return notifications.check_and_mark(session)
            except Exception:  # noqa: BLE001 - a failed check must not break the window
                return None

        def checked(news: notifications.OverdueNews | None) -> None:
            if news is not None and news.count:
                self.notify(self._message(news))
            self.schedule_next()

        return self.window.ctx.ops.write(job, title=self.tr("Grid Inspector"), on_done=checked)

    def _message(self, news: notifications.OverdueNews) -> str:
        lines = [(row.description.splitlines()[0] if row.description else "")
                 + (f" — {row.site_name}" if row.site_name else "") for row in news.rows[:3]]
        if not lines:
            return self.tr("{} new overdue hazards").format(news.count)
        more = "…" if news.count > len(lines) else ""
        text = self.tr("{} new overdue hazards: {}").format(news.count, "; ".join(lines) + more)
        return text

    def msecs_to_next_check(self) -> int:
        """Until just after the next local midnight of the session's clock (at most a day)."""
        now = self.window.ctx.session.clock.now()
        local = now.astimezone() if now.tzinfo else now
        tomorrow = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(),
                                    tzinfo=local.tzinfo)
        delta = tomorrow + AFTER_MIDNIGHT - local
        return max(60_000, min(DAY_MS, int(delta.total_seconds() * 1000)))

    def schedule_next(self) -> None:
        self.timer.start(self.msecs_to_next_check())

    # ------------------------------------------------------------------ showing it
    def notify(self, message: str) -> None:
        self.last_message = message
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(self.tr("Grid Inspector"), message,
                                  QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)
        else:
            self.window.show_notice(message)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.bring_up()

    def bring_up(self) -> None:
        """Raise the window on the dashboard's overdue list."""
        from .main_window import DASHBOARD

        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        window.go_to(DASHBOARD)
        window.dashboard_page.show_panel("overdue")

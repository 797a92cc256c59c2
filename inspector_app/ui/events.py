"""The app-wide event hub: one signal carries every ``Changes`` a write produced.

Views connect to ``changed`` and refresh only when ``changes.touches(...)`` names what they
show. Nothing polls the database and no view calls another (design.md §1, Anki's
"operation did execute" hook). ``notice`` and ``error`` carry texts for the status bar and
for an error box, so code without a window (undo commands, ops) can still tell the user.
"""

from __future__ import annotations

from ..services.changes import Changes
from .qt import QObject, Signal


class AppEvents(QObject):
    changed = Signal(object)  # Changes
    notice = Signal(str)  # a short message for the status bar
    error = Signal(str)  # a message the main window shows in a (non-blocking) box

    def unsubscribe(self, slot: object) -> None:
        """Disconnect ``slot`` from ``changed``; quiet if it was never (or is no longer) connected."""
        try:
            self.changed.disconnect(slot)
        except (RuntimeError, TypeError):
            pass

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)

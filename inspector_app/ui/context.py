"""What every window, page and dialog gets: the open session and the app-wide helpers.

One object passed in, instead of module globals (style.md: "no global mutable state besides
the app object"). Switching to the demo store or another data folder swaps ``session`` here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..services.overview import Overview, overview
from ..services.session import Session, demo_data_dir
from .events import AppEvents
from .i18n import Translations, service_lang
from .ops import OpRunner
from .qt import QUndoStack
from .settings import Settings


@dataclass(eq=False)
class AppContext:
    session: Session
    settings: Settings
    events: AppEvents
    undo: QUndoStack
    translations: Translations
    ops: OpRunner
    real_data_dir: Path  # the real (non-demo) store's folder; the demo store lives below it
    log_path: Path | None = None
    as_user: str | None = None  # --as: who acts in the real store
    _overview: dict[bool, tuple[float, Overview]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # connected before any page exists, so it runs before the pages' own handlers
        self.events.changed.connect(self._forget_overview)

    def overview(self, fresh: bool = False, max_age: float = 60, mine: bool = False) -> Overview:
        """The counts of what the user sees (``mine``: a supervisor's own grids), shared by
        the status bar and the dashboard until the next change (or ``max_age`` seconds,
        since "overdue" moves with the clock); ``fresh`` re-queries."""
        now = time.monotonic()
        cached = self._overview.get(mine)
        if fresh or cached is None or now - cached[0] > max_age:
            cached = self._overview[mine] = (now, overview(self.session, mine=mine))
        return cached[1]

    def _forget_overview(self, _changes: object = None) -> None:
        self._overview.clear()

    @property
    def lang(self) -> str:
        """``"zh"`` or ``"en"``: what ``DomainError.message`` takes."""
        return service_lang(self.settings.language)

    @property
    def data_dir(self) -> Path:
        return Path(self.session.store.data_dir)

    @property
    def is_demo(self) -> bool:
        return self.session.is_demo or self.data_dir == demo_data_dir(self.real_data_dir)

    def replace_session(self, new: Session) -> None:
        """Close the current store and continue with ``new`` (undo history ends with it)."""
        old, self.session = self.session, new
        self._overview.clear()
        new.lang = self.lang
        self.undo.clear()
        if old is not new:
            old.close()

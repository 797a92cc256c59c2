"""Undoable user actions: each calls a service, then pushes a QUndoCommand that reverses it.

The action runs first, outside the stack, so a validation error reaches the dialog that
caused it and nothing is pushed. The pushed command skips its first ``redo()`` (the work is
already done); later undo/redo call the reverse services:

- add    → undo deletes (tombstone), redo restores the same record (same id);
- edit   → undo writes the previous input back through ``update_*``, redo the new one;
- delete → undo restores, redo deletes again.

Every step publishes its ``Changes`` so the views refresh. If a step fails (the record was
deleted meanwhile, say), the user gets the message and the command leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core import hazard_status as hs
from ..core.entities import HazardInput, SiteInput
from ..core.errors import DomainError
from ..services import hazards, sites
from ..services.changes import Changes, Saved
from .context import AppContext
from .qt import QCoreApplication, QUndoCommand

Step = Callable[[], Changes]


class ServiceCommand(QUndoCommand):
    """A command whose undo and redo are service calls returning ``Changes``."""

    def __init__(self, ctx: AppContext, text: str, redo: Step, undo: Step) -> None:
        super().__init__(text)
        self._ctx, self._redo, self._undo = ctx, redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:  # the action itself already ran
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Step) -> None:
        try:
            changes = step()
        except DomainError as exc:
            self.setObsolete(True)  # QUndoStack drops it; the stack stays consistent
            self._ctx.events.error.emit(exc.message(self._ctx.lang))
            return
        self._ctx.events.publish(changes)


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _publish(ctx: AppContext, saved: Saved, done: str) -> Saved:
    ctx.events.publish(saved.changes)
    messages = [w.message(ctx.lang) for w in saved.warnings]
    ctx.events.notice.emit("；".join([done, *messages]) if ctx.lang == "zh" else "; ".join([done, *messages]))
    return saved


# --------------------------------------------------------------------------- sites
def add_site(ctx: AppContext, data: SiteInput) -> Saved:
    saved = sites.add_site(ctx.session, data)
    name = _short(data.name)
    ctx.undo.push(ServiceCommand(
        ctx, QCoreApplication.translate("Undo", "add site “{}”").format(name),
        redo=lambda: sites.restore_site(ctx.session, saved.id),
        undo=lambda: sites.delete_site(ctx.session, saved.id),
    ))
    return _publish(ctx, saved, QCoreApplication.translate("Undo", "Site “{}” added.").format(name))


def edit_site(ctx: AppContext, site_id: str, data: SiteInput) -> Saved:
    before = sites.site_input_of(sites.get_site(ctx.session, site_id))
    saved = sites.update_site(ctx.session, site_id, data)
    name = _short(data.name)
    ctx.undo.push(ServiceCommand(
        ctx, QCoreApplication.translate("Undo", "edit site “{}”").format(name),
        redo=lambda: sites.update_site(ctx.session, site_id, data).changes,
        undo=lambda: sites.update_site(ctx.session, site_id, before).changes,
    ))
    return _publish(ctx, saved, QCoreApplication.translate("Undo", "Site “{}” saved.").format(name))


def delete_site(ctx: AppContext, site_id: str) -> Changes:
    name = _short(sites.get_site(ctx.session, site_id).name)
    changes = sites.delete_site(ctx.session, site_id)
    ctx.undo.push(ServiceCommand(
        ctx, QCoreApplication.translate("Undo", "delete site “{}”").format(name),
        redo=lambda: sites.delete_site(ctx.session, site_id),
        undo=lambda: sites.restore_site(ctx.session, site_id),
    ))
    ctx.events.publish(changes)
    ctx.events.notice.emit(
        QCoreApplication.translate("Undo", "Site “{}” deleted. Press Ctrl+Z to undo.").format(name)
    )
    return changes


# --------------------------------------------------------------------------- hazards
def _unless_closed(ctx: AppContext, hazard_id: str, step: Step) -> Step:
    """``step`` refused once the hazard is closed (销号): its record is final by then."""
    def guarded() -> Changes:
        if hazards.get_hazard(ctx.session, hazard_id).status == hs.CLOSED:
            raise hazards.closed_refusal()
        return step()
    return guarded


def add_hazard(ctx: AppContext, data: HazardInput) -> Saved:
    saved = hazards.add_hazard(ctx.session, data)
    what = _short(data.description)
    ctx.undo.push(ServiceCommand(
        ctx, QCoreApplication.translate("Undo", "add hazard “{}”").format(what),
        redo=lambda: hazards.restore_hazard(ctx.session, saved.id),
        undo=_unless_closed(ctx, saved.id, lambda: hazards.delete_hazard(ctx.session, saved.id)),
    ))
    return _publish(ctx, saved, QCoreApplication.translate("Undo", "Hazard “{}” recorded.").format(what))


def edit_hazard(ctx: AppContext, hazard_id: str, data: HazardInput) -> Saved:
    before = hazards.hazard_input_of(hazards.get_hazard(ctx.session, hazard_id))
    saved = hazards.update_hazard(ctx.session, hazard_id, data)
    what = _short(data.description)
    ctx.undo.push(ServiceCommand(
        ctx, QCoreApplication.translate("Undo", "edit hazard “{}”").format(what),
        redo=lambda: hazards.update_hazard(ctx.session, hazard_id, data).changes,
        undo=lambda: hazards.update_hazard(ctx.session, hazard_id, before).changes,
    ))
    return _publish(ctx, saved, QCoreApplication.translate("Undo", "Hazard “{}” saved.").format(what))


def delete_hazard(ctx: AppContext, hazard_id: str) -> Changes:
    what = _short(hazards.get_hazard(ctx.session, hazard_id).description)
    changes = hazards.delete_hazard(ctx.session, hazard_id)
    ctx.undo.push(ServiceCommand(
        ctx, QCoreApplication.translate("Undo", "delete hazard “{}”").format(what),
        redo=_unless_closed(ctx, hazard_id, lambda: hazards.delete_hazard(ctx.session, hazard_id)),
        undo=lambda: hazards.restore_hazard(ctx.session, hazard_id),
    ))
    ctx.events.publish(changes)
    ctx.events.notice.emit(
        QCoreApplication.translate("Undo", "Hazard “{}” deleted. Press Ctrl+Z to undo.").format(what)
    )
    return changes

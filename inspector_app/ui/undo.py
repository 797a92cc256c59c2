"""Undoable user actions: each is one ``ctx.ops.write`` plus a QUndoCommand that reverses it.

The action runs first, as a write off the GUI thread, so a validation error reaches the
dialog that caused it (``on_error``) and nothing is pushed. Once it succeeded the runner
pushes one generic :class:`ServiceCommand` over (redo, undo) service calls; it skips its
first ``redo()`` (the work is already done); later undo/redo run those calls as writes too:

- add    → undo deletes (tombstone), redo restores the same record (same id);
- edit   → undo writes the previous input back through ``update_*``, redo the new one;
- delete → undo restores, redo deletes again.

Every step publishes the ``Changes`` its service returned, so the views refresh. If a step
fails (the record was deleted meanwhile, say), the user gets the message and the command
leaves the stack the next time it is undone or redone. The labels are literal
``QT_TRANSLATE_NOOP`` entries in one table, so lupdate finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core import hazard_status as hs
from ..core.entities import HazardInput, SiteInput
from ..core.errors import DomainError
from ..services import hazards, sites
from .context import AppContext
from .ops import Op
from .qt import QT_TRANSLATE_NOOP, QUndoCommand, translate

Step = Callable[[], Any]  # a service call; its result carries the Changes

# (verb, kind) -> (the undo stack's text, the status bar's notice once done)
LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("add", "site"): (QT_TRANSLATE_NOOP("Undo", "add site “{}”"),
                      QT_TRANSLATE_NOOP("Undo", "Site “{}” added.")),
    ("edit", "site"): (QT_TRANSLATE_NOOP("Undo", "edit site “{}”"),
                       QT_TRANSLATE_NOOP("Undo", "Site “{}” saved.")),
    ("delete", "site"): (QT_TRANSLATE_NOOP("Undo", "delete site “{}”"),
                         QT_TRANSLATE_NOOP("Undo", "Site “{}” deleted. Press Ctrl+Z to undo.")),
    ("add", "hazard"): (QT_TRANSLATE_NOOP("Undo", "add hazard “{}”"),
                        QT_TRANSLATE_NOOP("Undo", "Hazard “{}” recorded.")),
    ("edit", "hazard"): (QT_TRANSLATE_NOOP("Undo", "edit hazard “{}”"),
                         QT_TRANSLATE_NOOP("Undo", "Hazard “{}” saved.")),
    ("delete", "hazard"): (QT_TRANSLATE_NOOP("Undo", "delete hazard “{}”"),
                           QT_TRANSLATE_NOOP("Undo", "Hazard “{}” deleted. Press Ctrl+Z to undo.")),
}


class ServiceCommand(QUndoCommand):
    """A command whose undo and redo are service calls, each run as a GUI write."""

    def __init__(self, ctx: AppContext, text: str, redo: Step, undo: Step) -> None:
        super().__init__(text)
        self._ctx, self._redo, self._undo = ctx, redo, undo
        self._first = True
        self.failed = False
        self.last_op: Op | None = None

    def redo(self) -> None:
        if self._first:  # the action itself already ran
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Step) -> None:
        if self.failed:  # a step of it failed before: QUndoStack drops it now
            self.setObsolete(True)
            return
        self.last_op = self._ctx.ops.write(step, title=self.text(), on_error=self._refused)

    def _refused(self, exc: DomainError) -> None:
        self.failed = True
        self._ctx.events.error.emit(exc.message(self._ctx.lang))


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def act(
    ctx: AppContext, verb: str, kind: str, job: Step, *, name: Callable[[], str],
    redo: Callable[[Any], Step], undo: Callable[[Any], Step],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[DomainError], None] | None = None,
) -> Op:
    """Run ``job`` as a write; once done push "verb kind “name”" with ``undo(result)`` /
    ``redo(result)`` as its steps. ``name()`` is read after the job ran (it may read the
    record the job itself loaded)."""
    stack_text, done_text = LABELS[verb, kind]

    def command(result: Any) -> QUndoCommand:
        text = translate("Undo", stack_text).format(_short(name()))
        return ServiceCommand(ctx, text, redo=redo(result), undo=undo(result))

    try:
        shown = _short(name())
    except IndexError:  # read by the job itself
        shown = ""
    return ctx.ops.write(
        job, title=translate("Undo", stack_text).format(shown), on_done=on_done, on_error=on_error,
        undo=command, notice=lambda _result: translate("Undo", done_text).format(_short(name())),
    )


# --------------------------------------------------------------------------- sites
def add_site(ctx: AppContext, data: SiteInput, **kw: Any) -> Op:
    return act(ctx, "add", "site", lambda: sites.add_site(ctx.session, data), name=lambda: data.name,
               redo=lambda saved: lambda: sites.restore_site(ctx.session, saved.id),
               undo=lambda saved: lambda: sites.delete_site(ctx.session, saved.id), **kw)


def _edit(ctx: AppContext, kind: str, read_input: Step, update: Callable[[Any], Any],
          data: Any, name: Callable[[], str], **kw: Any) -> Op:
    """An edit whose undo writes back the input as it was just before, read in write order
    (after any write still queued)."""
    before: list[Any] = []

    def job() -> Any:
        before.append(read_input())
        return update(data)

    return act(ctx, "edit", kind, job, name=name, redo=lambda _: lambda: update(data),
               undo=lambda _: lambda: update(before[0]), **kw)


def _delete(ctx: AppContext, kind: str, name_of: Callable[[], str], delete: Step,
            restore: Step, guard: Callable[[Step], Step] = lambda step: step, **kw: Any) -> Op:
    """A deletion that names what it deleted (read just before) and restores it on undo."""
    names: list[str] = []

    def job() -> Any:
        names.append(name_of())
        return delete()

    return act(ctx, "delete", kind, job, name=lambda: names[0],
               redo=lambda _: guard(delete), undo=lambda _: restore, **kw)


def edit_site(ctx: AppContext, site_id: str, data: SiteInput, **kw: Any) -> Op:
    return _edit(ctx, "site", lambda: sites.site_input_of(sites.get_site(ctx.session, site_id)),
                 lambda value: sites.update_site(ctx.session, site_id, value), data,
                 name=lambda: data.name, **kw)


def delete_site(ctx: AppContext, site_id: str, **kw: Any) -> Op:
    return _delete(ctx, "site", lambda: sites.get_site(ctx.session, site_id).name,
                   lambda: sites.delete_site(ctx.session, site_id),
                   lambda: sites.restore_site(ctx.session, site_id), **kw)



# --------------------------------------------------------------------------- hazards
def _unless_closed(ctx: AppContext, hazard_id: str, step: Step) -> Step:
    """``step`` refused once the hazard is closed (销号): its record is final by then."""
    def guarded() -> Any:
        if hazards.get_hazard(ctx.session, hazard_id).status == hs.CLOSED:
            raise hazards.closed_refusal()
        return step()
    return guarded


def add_hazard(ctx: AppContext, data: HazardInput, **kw: Any) -> Op:
    return act(ctx, "add", "hazard", lambda: hazards.add_hazard(ctx.session, data),
               name=lambda: data.description,
               redo=lambda saved: lambda: hazards.restore_hazard(ctx.session, saved.id),
               undo=lambda saved: _unless_closed(
                   ctx, saved.id, lambda: hazards.delete_hazard(ctx.session, saved.id)), **kw)


def edit_hazard(ctx: AppContext, hazard_id: str, data: HazardInput, **kw: Any) -> Op:
    return _edit(ctx, "hazard",
                 lambda: hazards.hazard_input_of(hazards.get_hazard(ctx.session, hazard_id)),
                 lambda value: hazards.update_hazard(ctx.session, hazard_id, value), data,
                 name=lambda: data.description, **kw)


def delete_hazard(ctx: AppContext, hazard_id: str, **kw: Any) -> Op:
    return _delete(ctx, "hazard", lambda: hazards.get_hazard(ctx.session, hazard_id).description,
                   lambda: hazards.delete_hazard(ctx.session, hazard_id),
                   lambda: hazards.restore_hazard(ctx.session, hazard_id),
                   guard=lambda step: _unless_closed(ctx, hazard_id, step), **kw)


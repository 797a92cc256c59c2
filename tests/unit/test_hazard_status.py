"""The status machine, exhaustively: every state × every event."""

import itertools

import pytest

from inspector_app.core import hazard_status as hs
from inspector_app.core.errors import IllegalTransition

E = hs.EventKind
# expected target status for each (from, event); absent = illegal, "same" = no status change
EXPECTED = {
    (None, E.DRAFTED): hs.DRAFT,
    (None, E.RECORDED): hs.OPEN,
    (hs.DRAFT, E.PUBLISHED): hs.OPEN,
    (hs.OPEN, E.NOTIFIED): hs.NOTIFIED,
    (hs.DRAFT, E.FIXED_ON_SPOT): hs.CLOSED,
    (hs.OPEN, E.FIXED_ON_SPOT): hs.CLOSED,
    (hs.NOTIFIED, E.REPORTED_DONE): hs.AWAITING_RECHECK,
    (hs.NOTIFIED, E.RECHECK_PASSED): hs.CLOSED,
    (hs.AWAITING_RECHECK, E.RECHECK_PASSED): hs.CLOSED,
    (hs.NOTIFIED, E.RECHECK_FAILED): hs.NOTIFIED,
    (hs.AWAITING_RECHECK, E.RECHECK_FAILED): hs.NOTIFIED,
    (hs.CLOSED, E.REOPENED): hs.NOTIFIED,
    (hs.OPEN, E.EXTENDED): "same",
    (hs.NOTIFIED, E.EXTENDED): "same",
    (hs.DRAFT, E.DEADLINE_SET): "same",
    (hs.OPEN, E.DEADLINE_SET): "same",
    **{(s, E.ESCALATED): "same" for s in (hs.OPEN, hs.NOTIFIED, hs.AWAITING_RECHECK)},
    **{(s, E.LISTED): "same" for s in (hs.OPEN, hs.NOTIFIED, hs.AWAITING_RECHECK)},
    **{(s, E.LEVEL_CHANGED): "same"
       for s in (hs.DRAFT, hs.OPEN, hs.NOTIFIED, hs.AWAITING_RECHECK)},
    **{(s, E.LEVEL_CONFIRMED): "same"
       for s in (hs.DRAFT, hs.OPEN, hs.NOTIFIED, hs.AWAITING_RECHECK)},
}


def _data(kind):
    return {"level": "major"} if kind in (E.LEVEL_CHANGED, E.LEVEL_CONFIRMED) else {}


@pytest.mark.parametrize("status, kind", list(itertools.product((None, *hs.STATUSES), hs.EVENT_KINDS)))
def test_every_state_and_event(status, kind):
    state = hs.HazardState(status=status)
    expected = EXPECTED.get((status, kind))
    if kind == E.DELISTED:
        # delisting needs a listed hazard: illegal when not listed, legal when listed
        with pytest.raises(IllegalTransition):
            hs.apply(state, kind)
        if status in (hs.OPEN, hs.NOTIFIED, hs.AWAITING_RECHECK, hs.CLOSED):
            assert not hs.apply(hs.HazardState(status=status, listed=True), kind).listed
        return
    if expected is None:
        with pytest.raises(IllegalTransition):
            hs.apply(state, kind, _data(kind))
        return
    new = hs.apply(state, kind, _data(kind))
    assert new.status == (status if expected == "same" else expected)


def test_major_hazard_cannot_be_fixed_on_the_spot():
    state = hs.HazardState(status=hs.OPEN, level="major")
    with pytest.raises(IllegalTransition):
        hs.apply(state, E.FIXED_ON_SPOT)


def test_flags_follow_events():
    state = hs.apply(hs.HazardState(), E.RECORDED, {"level": "major", "due_date": "2026-10-08"})
    state = hs.apply(state, E.NOTIFIED, {"served_on": "2026-09-28", "due_date": "2026-10-08"})
    state = hs.apply(state, E.LISTED)
    state = hs.apply(state, E.EXTENDED, {"due_date": "2026-10-20"})
    state = hs.apply(state, E.ESCALATED, {"step": "summons"})
    assert state.listed and state.extended and state.escalation == "summons"
    assert str(state.due_date) == "2026-10-20"
    assert state.is_overdue(__import__("datetime").date(2026, 10, 21))
    assert not state.is_overdue(__import__("datetime").date(2026, 10, 20))


def test_derive_skips_events_that_no_longer_fit_so_a_later_reopen_wins():
    # two devices: one re-checked and closed, the other reported done late; merged by HLC
    log = [
        (E.RECORDED, {"level": "general"}),
        (E.NOTIFIED, {"served_on": "2026-09-28"}),
        (E.RECHECK_PASSED, {"on": "2026-10-09"}),
        (E.REPORTED_DONE, {}),  # from the other device, arrives after the close: skipped
        (E.REOPENED, {"due_date": "2026-11-01"}),
    ]
    state = hs.derive(log)
    assert state.status == hs.NOTIFIED and state.reopened == 1 and state.closed_on is None


def test_allowed_events_of_a_new_open_hazard():
    state = hs.apply(hs.HazardState(), E.RECORDED, {})
    assert E.NOTIFIED in hs.allowed_events(state)
    assert E.RECHECK_PASSED not in hs.allowed_events(state)


def test_every_event_kind_is_covered_by_the_table():
    # a new event kind must be added to EXPECTED (or be DELISTED, special-cased above)
    covered = {kind for (_, kind) in EXPECTED} | {E.DELISTED}
    assert covered == set(hs.EVENT_KINDS)


def test_level_confirmed_sets_the_level():
    state = hs.apply(hs.HazardState(status=hs.OPEN, level="major"), E.LEVEL_CONFIRMED, {"level": "general"})
    assert state.level == "general" and state.status == hs.OPEN
    with pytest.raises(IllegalTransition):
        hs.apply(hs.HazardState(status=hs.OPEN), E.LEVEL_CONFIRMED, {"level": "huge"})


def test_escalation_flag_is_the_highest_rung_reached():
    state = hs.HazardState(status=hs.NOTIFIED)
    state = hs.apply(state, E.ESCALATED, {"step": "summons"})
    state = hs.apply(state, E.ESCALATED, {"step": "reminder"})  # a later, milder letter
    assert state.escalation == "summons"
    state = hs.apply(state, E.ESCALATED, {"step": "enforcement"})
    assert state.escalation == "enforcement"
    # two devices escalating concurrently merge to the same answer in either order
    a = hs.derive([(E.RECORDED, {}), (E.ESCALATED, {"step": "warning_circular"}),
                   (E.ESCALATED, {"step": "summons"})])
    b = hs.derive([(E.RECORDED, {}), (E.ESCALATED, {"step": "summons"}),
                   (E.ESCALATED, {"step": "warning_circular"})])
    assert a.escalation == b.escalation == "warning_circular"


def test_completion_report_starts_and_a_new_deadline_clears_the_recheck_window():
    state = hs.derive([(E.RECORDED, {}), (E.NOTIFIED, {"served_on": "2026-09-28"}),
                       (E.REPORTED_DONE, {"on": "2026-10-09"})])
    assert str(state.reported_on) == "2026-10-09"
    assert hs.apply(state, E.RECHECK_FAILED, {"due_date": "2026-10-20"}).reported_on is None


def test_refusals_read_well():
    with pytest.raises(IllegalTransition) as exc:
        hs.apply(hs.HazardState(status=hs.CLOSED), E.EXTENDED)
    assert exc.value.en == "cannot extend the deadline of a hazard whose status is closed"
    assert "已销号" in exc.value.zh and "延期" in exc.value.zh

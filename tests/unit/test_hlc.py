"""The hybrid logical clock: local ticks, remote stamps, stamps of another process."""

from __future__ import annotations

from inspector_app.core.clock import FixedClock
from inspector_app.core.hlc import MAX_DRIFT_MS, HybridClock, Timestamp


def test_ticks_increase_while_the_wall_clock_stands_still() -> None:
    hlc = HybridClock("dev", FixedClock("2026-03-02T08:00:00Z"))
    stamps = [hlc.tick() for _ in range(5)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5


def test_witness_moves_past_a_stamp_another_process_wrote() -> None:
    clock = FixedClock("2026-03-02T08:00:00Z")
    mine, other = HybridClock("dev", clock), HybridClock("dev", clock)
    mine.tick()
    theirs = [other.tick() for _ in range(3)][-1]
    mine.witness(theirs)
    assert mine.tick() > theirs  # without witness: the same stamp as the other's second one


def test_witness_follows_a_stamp_far_ahead_but_observe_refuses_it() -> None:
    clock = FixedClock("2026-03-02T08:00:00Z")
    now_ms = int(clock.now().timestamp() * 1000)
    ahead = Timestamp(now_ms + MAX_DRIFT_MS + 1000, 0, "dev").encode()
    remote = HybridClock("dev", clock)
    assert remote.observe(ahead) is False and remote.tick() < ahead
    local = HybridClock("dev", clock)
    local.witness(ahead)  # this store's own stamp: order comes first
    assert local.tick() > ahead


def test_witness_never_moves_the_clock_back() -> None:
    clock = FixedClock("2026-03-02T08:00:00Z")
    hlc = HybridClock("dev", clock)
    old = hlc.tick()
    clock.advance(seconds=5)
    newer = hlc.tick()
    hlc.witness(old)
    assert hlc.tick() > newer

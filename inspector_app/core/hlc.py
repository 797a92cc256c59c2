"""Hybrid logical clock: orders edits across devices whose wall clocks disagree.

An HLC is ``<wall ms, 12 hex><counter, 4 hex><device>`` as one string, so text order is
time order and ties break by device. The store's writer stamps one per write
(design.md §2); a remote HLC far in the future is not adopted (design.md §7).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from .clock import Clock

MAX_DRIFT_MS = 24 * 3600 * 1000


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.wall_ms:012x}{self.counter:04x}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        head, _, device = text.partition("-")
        if len(head) != 16 or not device:
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(head[:12], 16), int(head[12:], 16), device)


class HybridClock:
    """Thread-safe HLC for one device."""

    def __init__(self, device: str, clock: Clock, last: str | None = None) -> None:
        self.device = device
        self.clock = clock
        self._wall = 0
        self._counter = 0
        self._lock = threading.Lock()
        if last:
            ts = Timestamp.decode(last)
            self._wall, self._counter = ts.wall_ms, ts.counter

    def _physical(self) -> int:
        return int(self.clock.now().timestamp() * 1000)

    def tick(self) -> str:
        """Timestamp for a local event; never goes backwards, even if the wall clock does."""
        with self._lock:
            phys = self._physical()
            if phys > self._wall:
                self._wall, self._counter = phys, 0
            else:
                self._counter += 1
                if self._counter > 0xFFFF:
                    self._wall, self._counter = self._wall + 1, 0
            return Timestamp(self._wall, self._counter, self.device).encode()

    def observe(self, remote: str) -> bool:
        """Merge a remote timestamp; returns False (and ignores it) if it is > 24 h ahead."""
        ts = Timestamp.decode(remote)
        with self._lock:
            phys = self._physical()
            if ts.wall_ms - phys > MAX_DRIFT_MS:
                return False
            if ts.wall_ms > self._wall or (ts.wall_ms == self._wall and ts.counter > self._counter):
                self._wall, self._counter = ts.wall_ms, ts.counter
            return True

    def witness(self, stamp: str) -> None:
        """Move past a stamp this store already holds (written by another process on it).

        Two app windows, or a window and a script, each have their own clock on one store;
        the writer calls this with the store's newest stamp at the start of every write
        transaction (holding the write lock), so the next :meth:`tick` is above every stamp
        written so far. No drift guard: ordering this store's own edits comes first.
        """
        ts = Timestamp.decode(stamp)
        with self._lock:
            if (ts.wall_ms, ts.counter) > (self._wall, self._counter):
                self._wall, self._counter = ts.wall_ms, ts.counter

    def tick_after(self, floor: str) -> str:
        """A local stamp greater than ``floor`` (the HLC of the row being edited).

        Normally just :meth:`tick`. A row applied from a device whose clock is more than 24 h
        ahead carries a stamp the clock did not adopt (:meth:`observe`); an edit of that row
        still has to sort after it, so it gets ``floor``'s time with the next counter, and the
        clock itself stays where it is.
        """
        stamp = self.tick()
        if stamp > floor:
            return stamp
        ts = Timestamp.decode(floor)
        wall, counter = (ts.wall_ms, ts.counter + 1) if ts.counter < 0xFFFF else (ts.wall_ms + 1, 0)
        return Timestamp(wall, counter, self.device).encode()

    def drift_bound(self) -> str:
        """Text bound below which a stored HLC is at most 24 h ahead of the wall clock."""
        return f"{self._physical() + MAX_DRIFT_MS:012x}"

    @property
    def last(self) -> str | None:
        """The clock's latest stamp (what :meth:`tick` issued or adopted), None before any."""
        with self._lock:
            if not self._wall:
                return None
            return Timestamp(self._wall, self._counter, self.device).encode()

    @property
    def last_wall_ms(self) -> int:
        return self._wall

"""Row ids: UUIDv7 for rows made on a device, UUIDv5 for rows seeded from resources.

UUIDv7 (RFC 9562) is time-ordered, so ids made offline on any device sort roughly by
creation and index well; Python 3.11 has no ``uuid.uuid7`` yet, hence the few lines here.
Seeded rows (checklist templates, shipped regions) get the same id on every device, so
merging two stores never duplicates them.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

SEED_NAMESPACE = uuid.UUID("6f1c1a52-7f0e-4a8e-9d0b-2f4a63b9e0c1")

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7(ms: int | None = None) -> str:
    """A new UUIDv7 string, monotonic within this process (12-bit counter per ms)."""
    global _last_ms, _counter
    with _lock:
        now = ms if ms is not None else time.time_ns() // 1_000_000
        if now <= _last_ms:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms += 1
                _counter = 0
            now = _last_ms
        else:
            _last_ms = now
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF  # leave room to count up
        rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = (now & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76 | _counter << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def seeded_id(kind: str, code: str, version: int | str = 1) -> str:
    """Deterministic id of a row seeded from resources (same on every device)."""
    return str(uuid.uuid5(SEED_NAMESPACE, f"{kind}:{code}:{version}"))

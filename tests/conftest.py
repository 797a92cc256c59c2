"""Shared pytest setup for the whole suite (design.md §10).

Sections: environment (runs at import, before any test imports Qt), then fixtures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# --- environment --------------------------------------------------------------------------
# Headless by default so a plain `pytest` works without a display. An explicit setting wins:
# the bootstrap's Xvfb step runs the UI tests with QT_QPA_PLATFORM=xcb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- fixtures -----------------------------------------------------------------------------
@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data directory whose path has Chinese characters and spaces."""
    path = tmp_path / "数据 目录 张三"
    path.mkdir()
    return path


@pytest.fixture
def clock():
    """A clock standing at a known moment (move it with ``clock.advance(days=1)``)."""
    from inspector_app.core.clock import FixedClock

    return FixedClock("2026-09-28T02:00:00+00:00")


@pytest.fixture
def session(data_dir: Path, clock):
    """A fresh store in ``data_dir``, acting as its admin."""
    from inspector_app.services.session import open_session

    s = open_session(data_dir, clock=clock)
    yield s
    s.close()

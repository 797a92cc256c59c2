"""``resource_path`` finds resources in each layout and never through the CWD."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inspector_app import resources_path
from inspector_app.resources_path import resource_path, resources_root

REPO = Path(__file__).resolve().parents[2]


def test_source_checkout_ignores_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resources_root() == REPO / "resources"
    assert resource_path("sectors.json").is_file()


def test_frozen_build_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "inspector_app" / "resources"
    bundled.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("icons", "app.png") == bundled / "icons" / "app.png"


def test_missing_everywhere_names_the_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nowhere = [tmp_path / "a", tmp_path / "b"]
    monkeypatch.setattr(resources_path, "_candidates", lambda: nowhere)
    with pytest.raises(FileNotFoundError, match="searched: .*a, .*b"):
        resources_root()

"""Settings: declared once, typed, stored in the INI the test points to."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.ui.qt import QByteArray
from inspector_app.ui.settings import Settings

pytestmark = pytest.mark.ui


def test_defaults_and_types(settings_file: Path) -> None:
    s = Settings()
    assert Path(s.file_name) == settings_file
    assert s.language == "zh_CN"
    assert s.demo_offer_dismissed is False
    assert s.last_page == 0
    assert isinstance(s.window_geometry, QByteArray)


def test_values_survive_a_restart(settings_file: Path) -> None:
    s = Settings()
    s.language = "en"
    s.demo_offer_dismissed = True
    s.last_page = 3
    s.last_data_dir = "/媒体/U盘/数据"
    s.sync()
    again = Settings()
    assert (again.language, again.demo_offer_dismissed, again.last_page) == ("en", True, 3)
    assert again.last_data_dir == "/媒体/U盘/数据"
    assert "demo_offer_dismissed=true" in settings_file.read_text("utf-8")


def test_bad_values_fall_back_to_defaults(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("[ui]\nlanguage=klingon\n[window]\nlast_page=abc\n", "utf-8")
    s = Settings()
    assert s.language == "zh_CN"
    assert s.last_page == 0
    with pytest.raises(ValueError):
        s.language = "fr"


def test_every_option_is_declared_once() -> None:
    keys = [o.key for o in Settings.options().values()]
    assert len(keys) == len(set(keys))
    assert {"language", "window_geometry", "demo_offer_dismissed", "last_data_dir"} <= set(
        Settings.options()
    )

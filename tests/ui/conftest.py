"""Fixtures for the GUI tests: a real store in a fresh data dir, settings in a temp INI."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's real settings: QSettings goes to an INI file in tmp_path."""
    path = tmp_path / "settings" / "inspector-app.ini"
    monkeypatch.setenv("INSPECTOR_APP_SETTINGS", str(path))
    return path


@pytest.fixture
def settings(settings_file: Path):
    from inspector_app.ui.settings import Settings

    return Settings()


@pytest.fixture
def translations(qapp):
    """The default language (Chinese) installed for the test, removed afterwards."""
    from inspector_app.ui.i18n import Translations

    installed = Translations(qapp)
    assert installed.install("zh_CN"), "resources/i18n/inspector_zh_CN.qm is missing"
    yield installed
    installed.clear()


@pytest.fixture
def ctx(session, settings, translations, data_dir: Path):
    from inspector_app.ui.app import build_context
    from inspector_app.ui.logs import close_logging, setup_logging

    log_path = setup_logging(data_dir)
    context = build_context(session, settings, translations, data_dir, log_path)
    yield context
    context.ops.cancel_all()
    if context.session is not session:  # the test switched stores (demo, other folder)
        context.session.close()
    close_logging()


@pytest.fixture
def window(ctx, qtbot):
    from inspector_app.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win

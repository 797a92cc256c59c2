"""One window per store: a second start on the same data folder brings the first forward."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.ui.single_instance import InstanceServer, ask_running_instance, server_name

pytestmark = pytest.mark.ui


def _second_start(data_dir: Path, settings_file: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_APP_SETTINGS": str(settings_file)}
    return subprocess.Popen(
        [sys.executable, "-m", "inspector_app.ui.app", "--data-dir", str(data_dir), "--quit-after", "30"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def test_a_second_start_brings_the_open_window_forward_and_quits(window, data_dir, settings_file, qtbot) -> None:
    calls = []
    server = InstanceServer(data_dir, lambda: (calls.append(1), window.bring_to_front()))
    try:
        assert server.listening
        proc = _second_start(data_dir, settings_file)
        # the event loop must run for this window to answer: wait through qtbot, not proc.wait()
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=25000)
        err = proc.stderr.read().decode("utf-8")
        assert proc.returncode == 0, err
        assert "已在另一个窗口中打开" in err and str(data_dir) in err
        assert calls == [1]
        assert "已在此打开" in window.statusBar().currentMessage()
    finally:
        server.close()


def test_without_a_window_nothing_answers(data_dir, qapp) -> None:
    assert not ask_running_instance(data_dir)


def test_one_name_for_every_spelling_of_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "张三 的数据"
    folder.mkdir()
    assert server_name(folder) == server_name(tmp_path / "张三 的数据" / ".." / "张三 的数据")
    assert server_name(folder) != server_name(tmp_path)


def test_a_stale_socket_of_a_killed_instance_is_taken_over(data_dir, qapp) -> None:
    first = InstanceServer(data_dir, lambda: None)
    assert first.listening
    # a second server on the same name (as after a crash left the socket file) still listens
    second = InstanceServer(data_dir, lambda: None)
    try:
        assert second.listening
    finally:
        first.close()
        second.close()

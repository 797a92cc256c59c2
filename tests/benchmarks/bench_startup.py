"""Cold start to a painted main window, and memory with the hazard list open.

    python -m tests.benchmarks.bench_startup [STORE_DIR]

Each figure is the median of several fresh processes. The baseline is a bare PySide6
QMainWindow started the same way in the same run (goal: app ≤ 1.5× the bare window).
Then the app switches to the hazard list of the 100k store and reports its resident
memory (goal ≤ 250 MB). Runs offscreen unless QT_QPA_PLATFORM says otherwise.

Both programs run with compiled bytecode, as an installed app does (pip compiles .pyc at
install time): the children write their .pyc to a temporary cache folder and one untimed
run of each fills it, even where the environment sets PYTHONDONTWRITEBYTECODE.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.benchmarks.generate import DEFAULT_STORE, build, store_from_argv

REPO = Path(__file__).resolve().parents[2]

_FIRST_PAINT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print("painted", flush=True)
            QTimer.singleShot(0, after_paint)
        return False
"""

BARE = _FIRST_PAINT + """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
def after_paint():
    app.quit()
watcher = FirstPaint(); app.installEventFilter(watcher)
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1366, 768); w.show()
app.exec()
"""

APP = _FIRST_PAINT + """
from pathlib import Path
from inspector_app.ui.app import application, build_context
from inspector_app.ui.settings import Settings
from inspector_app.ui.i18n import Translations
from inspector_app.ui.main_window import MainWindow, HAZARDS_PAGE
from inspector_app.services.session import open_session
app = application()
settings = Settings(); translations = Translations(app); translations.install(settings.language)
session = open_session(Path(sys.argv[1]))
window = MainWindow(build_context(session, settings, translations, Path(sys.argv[1])))
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
def after_paint():
    start = time.perf_counter()
    window.go_to(HAZARDS_PAGE)
    app.processEvents()
    window.grab()  # paints the table with its first page of rows
    print(f"hazards {time.perf_counter() - start:.3f} rss {rss_mb():.0f}", flush=True)
    app.quit()
watcher = FirstPaint(); app.installEventFilter(watcher)
window.show()
app.exec()
session.close()
"""


def _run(code: str, *args: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True,
                            env=env, cwd=REPO)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    painted = time.perf_counter() - start
    rest = proc.stdout.read()
    proc.wait(timeout=120)
    if proc.returncode != 0 or not first.startswith("painted"):
        raise RuntimeError(f"benchmark child failed ({proc.returncode}): {first}{rest}")
    return painted, rest.strip()


def run(store_dir: Path, runs: int = 5) -> list[str]:
    build(store_dir)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp())
    env["INSPECTOR_APP_SETTINGS"] = str(scratch / "bench-settings.ini")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    _run(BARE, env=env)  # untimed: bytecode cache
    _run(APP, str(store_dir), env=env)
    Path(env["INSPECTOR_APP_SETTINGS"]).unlink(missing_ok=True)  # start on the dashboard
    bare = [_run(BARE, env=env)[0] for _ in range(runs)]
    app, extra = [], []
    for _ in range(runs):
        t, rest = _run(APP, str(store_dir), env=env)
        app.append(t)
        extra.append(rest.split())
    b, a = statistics.median(bare), statistics.median(app)
    hazards_s = statistics.median(float(e[1]) for e in extra)
    rss = statistics.median(float(e[3]) for e in extra)
    return [
        f"platform: {env['QT_QPA_PLATFORM']}, {runs} runs each, store {store_dir}",
        f"bare PySide6 window to first paint: {b * 1000:.0f} ms",
        f"main window (100k hazards) to first paint: {a * 1000:.0f} ms  ({a / b:.2f}x bare; goal <= 1.5x)",
        f"switch to hazard list and paint it: {hazards_s * 1000:.0f} ms",
        f"RSS with the hazard list open: {rss:.0f} MB (goal <= 250 MB)",
    ]


@pytest.mark.benchmark
def test_startup_benchmark():
    for line in run(DEFAULT_STORE):
        print(line)


if __name__ == "__main__":
    target = store_from_argv()
    for line in run(target):
        print(line)

#!/usr/bin/env python3
"""Set up and run Grid Inspector (网格安全巡查) from a source checkout.

    python3 installers/bootstrap.py app  [-- APP ARGS...]     set up, then run the app
    python3 installers/bootstrap.py test [-- PYTEST ARGS...]  set up, then ruff + the whole suite

Setup (skipped where already done): the Debian/Ubuntu libraries Qt's xcb platform and Xvfb need,
``.venv`` in the repo root, and the project installed editable with its ``test`` extra from
``uv.lock`` via ``uv sync`` (falling back to ``pip install -e .[test]``). A stamp in ``.venv``
holding the sha256 of pyproject.toml + uv.lock makes the second run fast.

Standard library only: this runs before any dependency exists.
"""

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# This script is what an older interpreter runs first, so it must say why it stops.
if sys.version_info < (3, 11):  # noqa: UP036
    found = f"{sys.executable} is Python {sys.version.split()[0]}"
    sys.exit(
        f"Grid Inspector needs Python 3.11 or newer; {found}. Run it with python3.11 or newer."
    )

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
LINUX = sys.platform.startswith("linux")
BIN = VENV / ("Scripts" if WINDOWS else "bin")
PYTHON = BIN / ("python.exe" if WINDOWS else "python")
STAMP = VENV / ".bootstrap-stamp"
UV_REQUIREMENT = "uv>=0.13,<1"  # uv.lock is lock format revision 5 (uv 0.13)
XVFB_SERVER_ARGS = "-screen 0 1600x1000x24"
APT_PACKAGES = (
    "xvfb", "xauth", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
    "libxcb-render-util0", "libxcb-xkb1", "libxkbcommon-x11-0", "libegl1", "libgl1",
    "libfontconfig1", "libdbus-1-3", "fonts-wqy-microhei",
    "rclone",  # a second, independent WebDAV server for the sync transport tests
    "poppler-utils", "qpdf", "zbar-tools",  # PDF document tests: text, pages, fonts, QR codes
)  # fmt: skip

Results = list[tuple[str, str, float]]  # (step, outcome, seconds)


def say(message: str) -> None:
    """Print a bootstrap message, flushed so it interleaves with child output."""
    print(f"[bootstrap] {message}", flush=True)


def shell_line(args: Sequence[str]) -> str:
    """Quote ``args`` as one line to copy into this platform's shell."""
    return subprocess.list2cmdline(args) if WINDOWS else shlex.join(args)


def run(cmd: Sequence[str | Path], env: dict[str, str] | None = None) -> int:
    """Run ``cmd`` in the repo root, echoing it; return its exit code."""
    args = [str(part) for part in cmd]
    say("$ " + shell_line(args))
    try:
        return subprocess.call(args, cwd=ROOT, env=env)
    except OSError as exc:
        say(f"cannot run {args[0]}: {exc}")
        return 127


def timed(results: Results, name: str, step: Callable[[], tuple[bool, str]]) -> bool:
    """Run one step, record its outcome and duration, return whether it succeeded."""
    say(f"--- {name}")
    start = time.monotonic()
    ok, outcome = step()
    results.append((name, outcome, time.monotonic() - start))
    say(f"{name}: {outcome}")
    return ok


def venv_env(**extra: str) -> dict[str, str]:
    """The environment of an activated .venv, plus ``extra``."""
    env = dict(os.environ, VIRTUAL_ENV=str(VENV), **extra)
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    env.pop("PYTHONHOME", None)
    return env


def system_packages() -> tuple[bool, str]:
    """Install missing Debian/Ubuntu packages as root; otherwise print the command to run."""
    if not LINUX or shutil.which("dpkg-query") is None or shutil.which("apt-get") is None:
        return True, "skipped (not a Debian/Ubuntu system)"

    def installed(package: str) -> bool:
        query = ["dpkg-query", "-W", "-f=${Status}", package]
        status = subprocess.run(query, capture_output=True, text=True).stdout
        return status.strip().endswith(" installed") and status.startswith("install ok")

    missing = [package for package in APT_PACKAGES if not installed(package)]
    if not missing:
        return True, "all present"
    install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        say("not root; to get a real Qt window and Xvfb, run:")
        say("  sudo " + shell_line(install))
        return True, f"missing {len(missing)} (not root, not installed): {' '.join(missing)}"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if run(["apt-get", "update", "-q"], env) or run(install, env):
        return False, f"apt-get failed for: {' '.join(missing)}"
    return True, f"installed {' '.join(missing)}"


def virtualenv() -> tuple[bool, str]:
    """Create .venv with ``python -m venv``, replacing one whose Python no longer works."""
    probe = "import sys; sys.exit(sys.version_info < (3, 11))"
    if PYTHON.exists() and subprocess.call([str(PYTHON), "-c", probe]) == 0:
        return True, "exists"
    if VENV.exists():
        say(f"{VENV} has no working Python 3.11+; recreating it")
        shutil.rmtree(VENV)
    if run([sys.executable, "-m", "venv", VENV]):
        return False, "python -m venv failed (Debian: apt-get install python3-venv)"
    return True, f"created with {sys.executable}"


def dependencies() -> tuple[bool, str]:
    """Install the project editable with its test extra: uv sync from uv.lock, else pip."""
    lock = ROOT / "uv.lock"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(lock.read_bytes() if lock.exists() else b"no uv.lock")
    if STAMP.exists() and STAMP.read_text().strip() == digest.hexdigest():
        return True, "up to date (stamp matches pyproject.toml + uv.lock)"
    how = ""
    if not lock.exists():
        say("uv.lock is missing; installing with pip")
    elif run([PYTHON, "-m", "pip", "install", "-q", UV_REQUIREMENT]) == 0:
        # UV_PROJECT_ENVIRONMENT: sync into .venv itself; --inexact keeps pip and uv there.
        # UV_SYSTEM_CERTS: trust the OS certificate store, as pip does (TLS-inspecting proxies).
        env = venv_env(UV_PROJECT_ENVIRONMENT=str(VENV), UV_SYSTEM_CERTS="1")
        uv = BIN / ("uv.exe" if WINDOWS else "uv")
        if run([uv, "lock", "--check"], env) != 0:
            say("uv.lock does not match pyproject.toml: run `uv lock` and commit uv.lock")
        elif run([uv, "sync", "--frozen", "--inexact", "--extra", "test"], env) == 0:
            how = "uv sync (uv.lock)"
    if not how:
        say("uv unavailable or failed; falling back to pip install -e .[test] (not locked)")
        if run([PYTHON, "-m", "pip", "install", "-e", ".[test]"]):
            return False, "pip install -e .[test] failed"
        how = "pip install -e .[test] (fallback, unlocked)"
    STAMP.write_text(digest.hexdigest() + "\n")
    return True, f"installed with {how}"


def setup(results: Results) -> bool:
    """Run every setup step; later steps need the earlier ones, so stop at a failure."""
    timed(results, "system packages", system_packages)  # a failure here only limits `test` (c)
    return timed(results, "venv", virtualenv) and timed(results, "dependencies", dependencies)


def headless() -> bool:
    """True on a Linux box with neither X11 nor Wayland display."""
    return LINUX and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_app(args: list[str]) -> int:
    """Set up, then run the app with ``args``; under Xvfb on a headless Linux box."""
    results: Results = []
    if not setup(results):
        summary(results)
        return 1
    cmd: list[str | Path] = [BIN / ("inspector-app.exe" if WINDOWS else "inspector-app"), *args]
    env = venv_env()
    if headless() and shutil.which("xvfb-run"):
        say("no DISPLAY/WAYLAND_DISPLAY: running the app in a virtual X server (xvfb-run)")
        cmd = ["xvfb-run", "-a", "-s", XVFB_SERVER_ARGS, *cmd]
    elif headless():
        say("no DISPLAY/WAYLAND_DISPLAY and no xvfb-run: QT_QPA_PLATFORM=offscreen (no window)")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return run(cmd, env)
    except KeyboardInterrupt:
        return 130


def pytest_step(cmd: list[str | Path], env: dict[str, str], ui: bool) -> tuple[bool, str]:
    """Run one pytest invocation; exit 5 (nothing collected) passes only for the UI run."""
    code = run(cmd, env)
    if code == 5 and ui:
        return True, "ok (no UI tests selected: pytest exit 5 accepted here)"
    return code == 0, "ok" if code == 0 else f"FAILED (pytest exit {code})"


def ui_under_xvfb(args: list[str]) -> tuple[bool, str]:
    """Run the UI tests in a real X window (Qt's xcb platform under Xvfb)."""
    if not LINUX:
        return True, "skipped (Xvfb step is Linux only; UI tests ran offscreen)"
    if shutil.which("xvfb-run") is None:
        if os.geteuid() == 0:
            return False, "FAILED: xvfb-run missing although we are root (see system packages)"
        say("WARNING: xvfb-run missing: UI tests in a real X window are SKIPPED")
        say("  sudo apt-get install -y --no-install-recommends " + " ".join(APT_PACKAGES))
        return True, "SKIPPED (xvfb-run missing; see the apt-get command above)"
    pytest = [PYTHON, "-m", "pytest", *args, "-m", "ui and not benchmark"]
    cmd = ["xvfb-run", "-a", "-s", XVFB_SERVER_ARGS, *pytest]
    return pytest_step(cmd, venv_env(QT_QPA_PLATFORM="xcb"), ui=True)


def offscreen_selection() -> list[str]:
    """Leave the UI tests to the Xvfb step where it runs them, so no test runs twice.

    Where there is no Xvfb (Windows, macOS, a Linux box without it) the offscreen step is the
    only one and runs them.
    """
    return ["-m", "not ui and not benchmark"] if LINUX and shutil.which("xvfb-run") else []


def ruff_check() -> tuple[bool, str]:
    """Lint the whole repo with the venv's ruff (configured in pyproject.toml)."""
    code = run([BIN / ("ruff.exe" if WINDOWS else "ruff"), "check", "."], venv_env())
    return code == 0, "ok" if code == 0 else f"FAILED (ruff exit {code})"


def cmd_test(args: list[str]) -> int:
    """Set up, then ruff, the suite offscreen, and the UI tests under Xvfb (where there is one)."""
    results: Results = []
    ok = setup(results)
    if ok:
        offscreen = venv_env(QT_QPA_PLATFORM="offscreen")
        steps: list[tuple[str, Callable[[], tuple[bool, str]]]] = [
            ("ruff check", ruff_check),
            (
                "pytest (offscreen)",
                lambda: pytest_step([PYTHON, "-m", "pytest", *args, *offscreen_selection()],
                                    offscreen, ui=False),
            ),
            ("pytest -m ui (Xvfb, xcb)", lambda: ui_under_xvfb(args)),
        ]
        for name, step in steps:  # run every step, even after a failure, for a full report
            ok = timed(results, name, step) and ok
    summary(results)
    return 0 if ok else 1


def summary(results: Results) -> None:
    """Print every step with its outcome and duration."""
    width = max((len(name) for name, _, _ in results), default=0)
    print("\n[bootstrap] summary", flush=True)
    for name, outcome, seconds in results:
        print(f"  {name:<{width}}  {seconds:7.1f}s  {outcome}", flush=True)
    print(f"  {'total':<{width}}  {sum(s for _, _, s in results):7.1f}s", flush=True)


def main(argv: list[str]) -> int:
    """Parse ``app|test [-- ARGS...]`` and dispatch."""
    usage = "usage: python3 installers/bootstrap.py {app|test} [-- ARGS...]"
    if not argv or argv[0] not in ("app", "test") or (len(argv) > 1 and argv[1] != "--"):
        print(__doc__ if argv[:1] in (["-h"], ["--help"]) else usage, file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    command, rest = argv[0], argv[2:]
    return cmd_app(rest) if command == "app" else cmd_test(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

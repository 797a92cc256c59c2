"""The built wheel carries ``resources/`` and ``resource_path`` finds it there (design.md §1).

Builds the wheel, installs it with ``--no-deps`` into a fresh venv and asks that venv's Python
where the resources are: they must be inside its site-packages, not in this checkout.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Runs in the fresh venv, from a CWD outside the repo, so only the installed wheel is importable.
CHECK = """
import sys, sysconfig
from pathlib import Path
import inspector_app
from inspector_app.resources_path import resource_path

repo = Path(sys.argv[1]).resolve()
site = Path(sysconfig.get_paths()["purelib"]).resolve()
sectors = resource_path("sectors.json").resolve()
assert Path(inspector_app.__file__).resolve().is_relative_to(site), inspector_app.__file__
assert sectors.is_file(), sectors
assert sectors.is_relative_to(site), (sectors, site)
assert not sectors.is_relative_to(repo), (sectors, repo)
assert resource_path("checklists").is_dir(), resource_path("checklists")
print("resources at", sectors.parent)
"""


def _run(cmd: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.slow
def test_wheel_ships_resources(tmp_path: Path) -> None:
    if importlib.util.find_spec("ensurepip") is None:
        pytest.skip("ensurepip is unavailable (Debian: apt-get install python3-venv)")

    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO], cwd=tmp_path)
    wheels = sorted(dist.glob("inspector_app-*.whl"))
    assert len(wheels) == 1, wheels

    env_dir = tmp_path / "fresh venv"
    try:
        venv.create(env_dir, with_pip=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot create a venv with pip here: {exc}")
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

    _run([python, "-m", "pip", "install", "--no-deps", "--no-index", wheels[0]], cwd=tmp_path)
    result = _run([python, "-c", CHECK, REPO], cwd=tmp_path)
    assert "resources at" in result.stdout

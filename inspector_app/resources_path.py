"""The one place where code finds the top-level ``resources/`` folder (design.md §1).

``resources/`` (checklists, templates, fonts, icons, translations) sits at the top of the
repository, next to ``inspector_app/``, but the app runs in three different layouts:

1. a frozen PyInstaller build: the spec copies ``resources/`` to ``inspector_app/resources``
   inside the bundle, which PyInstaller unpacks below ``sys._MEIPASS``;
2. an installed wheel: hatch's ``force-include`` (pyproject.toml) maps ``resources/`` into
   the package as ``inspector_app/resources``, found with ``importlib.resources``;
3. a source checkout or editable install: ``resources/`` is the package folder's sibling.

The folder is never looked up relative to the current working directory: the app is started
from desktop shortcuts, installers and tests whose CWD is anything at all. Nothing here imports
Qt, so every layer (cli, services, reports, tests) may use it.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

__all__ = ["resource_path", "resources_root"]

_PACKAGE = "inspector_app"


def _candidates() -> list[Path]:
    """Folders that may hold the resources, most specific layout first."""
    found: list[Path] = []
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        found.append(Path(meipass) / _PACKAGE / "resources")
    packaged = resources.files(_PACKAGE) / "resources"
    if isinstance(packaged, Path):  # a zip import cannot give a real path; skip it
        found.append(packaged)
    found.append(Path(__file__).resolve().parent.parent / "resources")
    return found


def resources_root() -> Path:
    """Return the absolute path of the resources folder for the running layout.

    Raises:
        FileNotFoundError: no candidate folder exists; the message lists every place searched.
    """
    candidates = _candidates()
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Grid Inspector resources folder not found; searched: {searched}")


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>``, e.g. ``resource_path("checklists")``.

    The result is not checked for existence: callers decide whether a missing file is an error.
    """
    return resources_root().joinpath(*parts)

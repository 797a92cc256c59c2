"""Nothing below ``inspector_app/ui/`` may import Qt (design.md §1).

The checker walks each module's AST, so it sees ``import X``, ``from X import Y`` and
``importlib.import_module("X")`` / ``__import__("X")`` with a literal name, wherever they
appear (also inside functions or ``if TYPE_CHECKING:`` blocks).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "inspector_app"
QT_MODULES = frozenset({"PySide6", "shiboken6"})
DYNAMIC_IMPORTERS = frozenset({"import_module", "__import__"})


def _is_qt(module: str | None) -> bool:
    return bool(module) and module.split(".")[0] in QT_MODULES


def qt_imports(path: str, source: str) -> list[str]:
    """Return ``"path:line: statement"`` for every Qt import found in ``source``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=path)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            func_name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if func_name in DYNAMIC_IMPORTERS and isinstance(first, ast.Constant):
                names = [first.value] if isinstance(first.value, str) else []
        for name in names:
            if _is_qt(name):
                found.append(
                    (node.lineno, f"{path}:{node.lineno}: {ast.get_source_segment(source, node)}")
                )
    return [text for _, text in sorted(found)]


def test_no_qt_outside_ui() -> None:
    offenders: list[str] = []
    modules = sorted(PACKAGE.rglob("*.py"))
    assert modules, f"no modules found under {PACKAGE}"
    for module in modules:
        relative = module.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        display = str(module.relative_to(PACKAGE.parent))
        offenders += qt_imports(display, module.read_text(encoding="utf-8"))
    assert not offenders, "Qt imported outside inspector_app/ui/:\n" + "\n".join(offenders)


def test_checker_reports_every_import_form() -> None:
    source = "\n".join(
        [
            "import os",
            "from PySide6 import QtCore",
            "import PySide6.QtWidgets as w",
            "def later():",
            "    import shiboken6",
            "    importlib.import_module('PySide6.QtGui')",
            "    return __import__('PySide6')",
        ]
    )
    lines = [hit.split(":")[1] for hit in qt_imports("fake/core/x.py", source)]
    assert lines == ["2", "3", "5", "6", "7"], qt_imports("fake/core/x.py", source)
    assert qt_imports("fake.py", "from PySide6 import QtCore") == [
        "fake.py:1: from PySide6 import QtCore"
    ]


def test_checker_ignores_lookalikes() -> None:
    source = "\n".join(
        [
            "import PySide6_stubs",
            "from .PySide6 import thing",
            "from mypkg.PySide6 import other",
            "importlib.import_module(name)",
            "print('PySide6')",
        ]
    )
    assert qt_imports("fake.py", source) == []

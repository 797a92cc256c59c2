"""The arrows of docs/ARCHITECTURE.md hold, and no module imports itself through others.

Every import counts — at module level or inside a function (a lazy import hides a cycle, it
does not remove it) — except those under ``if TYPE_CHECKING:``, which never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "inspector_app"

# layer -> the layers it must never import (ARCHITECTURE.md, "Layers")
FORBIDDEN = {
    "ui": {"store"},
    "cli": {"store", "ui"},
    "services": {"ui", "cli"},
    "core": {"store", "services", "ui", "cli", "photos", "documents", "sync", "formats"},
    "store": {"services", "ui", "cli", "documents", "sync"},
    "photos": {"services", "ui", "cli"},
    "formats": {"services", "store", "ui", "cli"},
    "documents": {"services", "store", "ui", "cli"},
    "sync": {"ui", "cli"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        test = getattr(node, "test", None)
        if isinstance(node, ast.If) and (getattr(test, "id", None) == "TYPE_CHECKING"
                                         or getattr(test, "attr", None) == "TYPE_CHECKING"):
            skipped |= {id(n) for n in ast.walk(node)}
    return skipped


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_nodes(tree)
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
                module = ".".join(p for p in (base, node.module or "") if p)
                subs = [f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in modules]
                # ``from . import fonts`` imports the submodule, not its package's names
                names = subs + ([module] if len(subs) < len(node.names) else [])
            else:
                continue
            for target in names:
                while target and target not in modules and "." in target:
                    target = target.rsplit(".", 1)[0]
                if target in modules and target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_every_arrow_points_down() -> None:
    graph = import_graph()
    wrong = sorted(f"{m} imports {d}" for m, deps in graph.items() for d in deps
                   if _layer(d) in FORBIDDEN.get(_layer(m), set()))
    assert wrong == [], "\n".join(wrong)


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert found == [], "\n".join(" -> ".join(c) for c in found)


def test_the_checkers_see_what_they_must() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert "inspector_app.services.session" in import_graph()["inspector_app.cli.main"]

"""Imports run one way: cli -> (edit, serve) -> output -> views -> check -> read -> base modules.

Only the cli package may import typer or rich. A module may import its own layer and those
below it, never one above: the library must stay usable without the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "uppdrag"

# Higher number = higher layer. Base modules (models, findings, errors, files, history, schema,
# swedish_dates, …) are the floor.
LAYERS = {"__main__": 6, "cli": 6, "edit": 5, "serve": 5, "output": 4, "views": 3, "check": 2, "read": 1}
BASE = 0
PRESENTATION = {"typer", "rich", "click"}


def _layer(module: str) -> int:
    """'uppdrag.check.meetings' -> 2; 'uppdrag.models' -> 0."""
    parts = module.split(".")
    return LAYERS.get(parts[1], BASE) if len(parts) > 1 else BASE


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


MODULES = sorted(p for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_run_one_way(path: Path) -> None:
    module = "uppdrag." + ".".join(path.relative_to(SRC).with_suffix("").parts)
    own = _layer(module)
    wrong = []
    for line, imported in _imports(path):
        top = imported.split(".")[0]
        if top in PRESENTATION and own != LAYERS["cli"]:
            wrong.append(f"{line}: {imported} (only cli/ may print)")
        if top == "uppdrag" and _layer(imported) > own and not (own == 5 and _layer(imported) == 5):
            wrong.append(f"{line}: {imported}")
    assert not wrong, f"{module} imports upwards: {wrong}"


def test_no_relative_imports() -> None:
    """Absolute imports keep the layer of every import visible to the test above."""
    relative = [
        f"{p.relative_to(SRC)}:{n.lineno}"
        for p in MODULES
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(n, ast.ImportFrom) and n.level > 0
    ]
    assert relative == []

"""The tests have one layout, so a test is found where its subject is:

- `unit/<package>/test_<module>.py` mirrors `src/uppdrag/<package>/<module>.py` (a large
  module's tests may be split as `test_<module>_<aspect>.py`);
- `commands/test_<command>.py` runs one command through the CLI (`test_uppdrag.py`: the program
  itself, before any command; `test_<command>_<aspect>.py` for a split);
- `scenarios/` runs several commands for one story or property, `project/` checks the project
  as a whole (README, layering, this layout, the wheel), `support/` holds shared helpers;
- `cases/`, `golden/`, `import_corpus/` and `seeds/` are data, with no test modules.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from tests.conftest import REPO, TESTS, write_tree
from uppdrag.cli import app

SRC = REPO / "src" / "uppdrag"
CODE_FOLDERS = {"unit", "commands", "scenarios", "project", "support"}
DATA_FOLDERS = {"cases", "golden", "import_corpus", "seeds"}
TOP_LEVEL_FILES = {"__init__.py", "conftest.py"}


def _command_names() -> set[str]:
    group = typer.main.get_command(app)
    with group.make_context("uppdrag", ["validate"], resilient_parsing=True) as ctx:
        return {"uppdrag", *group.list_commands(ctx)}  # type: ignore[attr-defined]  # uppdrag is a group


def _names_a_subject(stem: str, exists: set[str]) -> bool:
    """test_<subject> or test_<subject>_<aspect>, where subject is in exists."""
    words = stem.removeprefix("test_").split("_")
    return any("_".join(words[:count]) in exists for count in range(1, len(words) + 1))


def _modules(folder: Path) -> set[str]:
    """The modules and packages directly in a folder of src/uppdrag."""
    if not folder.is_dir():
        return set()
    return {path.stem for path in folder.glob("*.py") if path.stem != "__init__"} | {
        path.name for path in folder.iterdir() if (path / "__init__.py").exists()
    }


def misplaced(tests: Path, src: Path, commands: set[str]) -> list[str]:
    """Every file or folder in tests/ that is not where the layout puts it, with the reason."""
    found = []
    for path in sorted(tests.iterdir()):
        if path.is_file() and path.suffix == ".py" and path.name not in TOP_LEVEL_FILES:
            found.append(f"{path.name}: a test module belongs in one of {', '.join(sorted(CODE_FOLDERS))}")
        elif path.is_dir() and path.name not in CODE_FOLDERS | DATA_FOLDERS | {"__pycache__"}:
            found.append(f"{path.name}/: not a folder of the layout")
    for folder in sorted(DATA_FOLDERS):
        found += [f"{path.relative_to(tests)}: data folders hold no tests" for path in (tests / folder).rglob("test_*.py")]
    found += [f"{path.relative_to(tests)}: support holds helpers, not tests" for path in (tests / "support").rglob("test_*.py")]
    for path in sorted((tests / "unit").rglob("test_*.py")):
        package = path.parent.relative_to(tests / "unit")
        where = "/".join(("src/uppdrag", *package.parts))
        if not (src / package).is_dir():
            found.append(f"{path.relative_to(tests)}: {where} is no package")
        elif not _names_a_subject(path.stem, _modules(src / package)):
            found.append(f"{path.relative_to(tests)}: names no module in {where}")
    names = {command.replace("-", "_") for command in commands}
    for path in sorted((tests / "commands").rglob("test_*.py")):
        if path.parent != tests / "commands" or not _names_a_subject(path.stem, names):
            found.append(f"{path.relative_to(tests)}: names no command of uppdrag")
    return found


def test_every_test_module_is_where_the_layout_puts_it() -> None:
    assert misplaced(TESTS, SRC, _command_names()) == []


def test_every_command_has_its_own_test_module() -> None:
    stems = {path.stem for path in (TESTS / "commands").glob("test_*.py")}
    assert {f"test_{name.replace('-', '_')}" for name in _command_names()} <= stems


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    src = write_tree(tmp_path / "src", {"files.py": "", "read/__init__.py": "", "read/loading.py": ""})
    tests = write_tree(
        tmp_path / "tests",
        {
            "conftest.py": "",
            "unit/test_files.py": "",
            "unit/read/test_loading_limits.py": "",
            "commands/test_render_docx.py": "",
            "support/documents.py": "",
            "seeds/forskola.txt": "",
        },
    )
    assert misplaced(tests, src, {"render"}) == []
    return tmp_path


@pytest.mark.parametrize(
    "name, reason",
    [
        ("test_new_thing.py", "test_new_thing.py: a test module belongs in one of commands, project, scenarios, support, unit"),
        ("unit/test_filez.py", "unit/test_filez.py: names no module in src/uppdrag"),
        ("unit/read/test_yamlsource.py", "unit/read/test_yamlsource.py: names no module in src/uppdrag/read"),
        ("unit/write/test_loading.py", "unit/write/test_loading.py: src/uppdrag/write is no package"),
        ("commands/test_rendr.py", "commands/test_rendr.py: names no command of uppdrag"),
        ("commands/render/test_render.py", "commands/render/test_render.py: names no command of uppdrag"),
        ("golden/test_render.py", "golden/test_render.py: data folders hold no tests"),
        ("support/test_documents.py", "support/test_documents.py: support holds helpers, not tests"),
        ("e2e/helpers.py", "e2e/: not a folder of the layout"),
    ],
)
def test_a_file_out_of_place_is_named_with_the_reason(layout: Path, name: str, reason: str) -> None:
    write_tree(layout / "tests", {name: ""})
    assert misplaced(layout / "tests", layout / "src", {"render"}) == [reason]

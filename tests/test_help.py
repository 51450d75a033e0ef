"""Every command has Swedish help with an example, and is documented in the README."""

from __future__ import annotations

import re

import pytest

from uppdrag.cli import app

from .conftest import REPO

COMMANDS = sorted(
    [c.name or c.callback.__name__ for c in app.registered_commands]
    + [f"{g.name} {c.name}" for g in app.registered_groups for c in g.typer_instance.registered_commands]
)


def test_all_commands_are_found() -> None:
    assert len(COMMANDS) == 12 and "report mål" in COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_swedish_with_an_example(command: str, runner) -> None:
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Exempel: uppdrag " + command in " ".join(result.stdout.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_in_readme(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"^### `uppdrag {re.escape(command)}\b", readme, re.MULTILINE)


def test_no_colour_when_piped(shipped, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2024"], color=False)
    assert "\x1b[" not in result.stdout
    assert result.stdout.startswith("Möten 2024\n")

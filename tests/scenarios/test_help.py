"""Every command has Swedish help with an example, and is documented in the README."""

from __future__ import annotations

import datetime as dt
import re
import shlex

import pytest
import typer.main

from tests.conftest import REPO
from uppdrag.cli import app


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    with group.make_context("uppdrag", ["validate"], resilient_parsing=True) as ctx:
        found = []
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            found += [f"{name} {sub}" for sub in command.list_commands(ctx)] if hasattr(command, "commands") else [name]
    return sorted(found)


COMMANDS = _command_names()


def test_all_commands_are_found() -> None:
    assert len(COMMANDS) == 14 and "report mål" in COMMANDS and "serve" in COMMANDS and "init" in COMMANDS


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


def test_readme_needs_nothing_a_fresh_machine_lacks() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "$EDITOR" not in readme and "öppna" in readme.lower()


def test_the_yearly_revision_story_runs_as_written(shipped, runner) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    story = readme.split("## Den årliga revideringen", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [shlex.split(line) for line in story.splitlines()]
    assert commands[0] == ["uppdrag", "validate"] and commands[-1] == ["uppdrag", "render", "ka-2027", "--pdf"]
    next_year = str(dt.date.today().year + 1)  # the story is told in 2026, when 2027 is next year
    for command in commands:
        result = runner.invoke(app, [part.replace("2027", next_year) for part in command[1:]])
        assert result.exit_code == 0, (command, result.output)
    assert (shipped / f"build/ka-{dt.date.today().year + 1}.pdf").read_bytes().startswith(b"%PDF-")

"""The framework speaks Swedish: help, value labels and usage errors, for every command."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.scenarios.test_help import COMMANDS
from uppdrag.cli import app
from uppdrag.cli.swedish import join_lines

BOX = re.compile(r"[╭╮╰╯│─]")


def _said(text: str) -> list[str]:
    """The lines of a rich frame without its box drawing and padding."""
    return [line for line in (BOX.sub("", raw).strip() for raw in text.splitlines()) if line]


@pytest.mark.parametrize(
    "argv, usage, message",
    [
        # Missing argument
        (
            ["check-meetings"],
            "uppdrag check-meetings [FLAGGOR] ÅR [ID]...",
            "ÅR saknas (Året som granskas, med fyra siffror)",
        ),
        (["plan-meetings"], "uppdrag plan-meetings [FLAGGOR] ID ÅR", "ID saknas (Nätverkets id)"),
        (["diff"], "uppdrag diff [FLAGGOR] ID [REV]", "ID saknas (Nätverkets id)"),
        (
            ["new", "--namn", "Förskoleklass"],
            "uppdrag new [FLAGGOR] ID",
            'ID saknas (Det nya nätverkets id; å ä ö blir a a o); menade du `uppdrag new forskoleklass --namn "Förskoleklass"`?',
        ),
        (
            ["new", "--namn=Skolutveckling i Skaraborg"],
            "uppdrag new [FLAGGOR] ID",
            "ID saknas (Det nya nätverkets id; å ä ö blir a a o); menade du "
            '`uppdrag new skolutveckling-i-skaraborg --namn "Skolutveckling i Skaraborg"`?',
        ),
        (["new"], "uppdrag new [FLAGGOR] ID", "ID saknas (Det nya nätverkets id; å ä ö blir a a o)"),
        (["new", "--namn", "!!!"], "uppdrag new [FLAGGOR] ID", "ID saknas (Det nya nätverkets id; å ä ö blir a a o)"),
        # A value of the wrong kind, with the command probably meant
        (
            ["check-meetings", "forskola", "2024"],
            "uppdrag check-meetings [FLAGGOR] ÅR [ID]...",
            "ÅR ska vara ett år med fyra siffror (ÅÅÅÅ) — du skrev 'forskola'; menade du `uppdrag check-meetings 2024 forskola`?",
        ),
        (
            ["check-meetings", "forskola"],
            "uppdrag check-meetings [FLAGGOR] ÅR [ID]...",
            "ÅR ska vara ett år med fyra siffror (ÅÅÅÅ) — du skrev 'forskola'; menade du "
            f"`uppdrag check-meetings {dt.date.today().year} forskola`?",
        ),
        (
            ["plan-meetings", "2027", "forskola"],
            "uppdrag plan-meetings [FLAGGOR] ID ÅR",
            "ÅR ska vara ett år med fyra siffror (ÅÅÅÅ) — du skrev 'forskola'; menade du `uppdrag plan-meetings forskola 2027`?",
        ),
        (
            ["calendar", "forskola", "nästa"],
            "uppdrag calendar [FLAGGOR] [ID] [ÅR]",
            "ÅR ska vara ett år med fyra siffror (ÅÅÅÅ) — du skrev 'nästa'",
        ),
        (
            ["check-meetings", "12"],
            "uppdrag check-meetings [FLAGGOR] ÅR [ID]...",
            "ÅR ska vara ett år från 1900 till 2200 — du skrev '12'",
        ),
        (
            ["plan-meetings", "forskola", "2027", "-n", "99"],
            "uppdrag plan-meetings [FLAGGOR] ID ÅR",
            "--count ska vara ett tal från 1 till 52 — du skrev '99'",
        ),
        (
            ["validate", "--format", "jsn"],
            "uppdrag validate [FLAGGOR] [SÖKVÄG]...",
            "--format ska vara text, json eller github — du skrev 'jsn'; menade du 'json'?",
        ),
        # Unknown option
        (
            ["render", "forskola", "--pfd"],
            "uppdrag render [FLAGGOR] [ID]...",
            "okänd flagga --pfd; menade du --pdf eller --md?",
        ),
        (
            ["validate", "--strikt"],
            "uppdrag validate [FLAGGOR] [SÖKVÄG]...",
            "okänd flagga --strikt; menade du --strict?",
        ),
        (["overview", "--xyz"], "uppdrag overview [FLAGGOR]", "okänd flagga --xyz"),
        # Unknown command, with a suggestion
        (["valdate"], "uppdrag [FLAGGOR] KOMMANDO [ARGUMENT]...", "okänt kommando 'valdate'; menade du 'validate'?"),
        (
            ["chek-meetings"],
            "uppdrag [FLAGGOR] KOMMANDO [ARGUMENT]...",
            "okänt kommando 'chek-meetings'; menade du 'check-meetings'?",
        ),
        (
            ["report", "mal"],
            "uppdrag report [FLAGGOR] KOMMANDO [ARGUMENT]...",
            "okänt kommando 'mal'; menade du 'mål'?",
        ),
        (
            ["report", "maal"],
            "uppdrag report [FLAGGOR] KOMMANDO [ARGUMENT]...",
            "okänt kommando 'maal'; menade du 'mål'?",
        ),
        (
            ["report", "MALEN"],
            "uppdrag report [FLAGGOR] KOMMANDO [ARGUMENT]...",
            "okänt kommando 'MALEN'; menade du 'mål'?",
        ),
        (
            ["report", "goals"],
            "uppdrag report [FLAGGOR] KOMMANDO [ARGUMENT]...",
            "okänt kommando 'goals'; kommandona är mål",
        ),
        # Other misuse
        (["schema", "extra"], "uppdrag schema [FLAGGOR]", "för många argument: extra"),
        (["--debug"], "uppdrag [FLAGGOR] KOMMANDO [ARGUMENT]...", "ange ett kommando, t.ex. validate"),
    ],
)
def test_usage_errors_are_swedish_and_exit_2(argv: list[str], usage: str, message: str, runner) -> None:
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert result.stdout == ""
    command = usage.split(" [FLAGGOR]", maxsplit=1)[0]
    assert _said(result.stderr) == [f"Användning: {usage}", f"Skriv '{command} -h' för hjälp.", "Fel", message]


def test_an_option_without_its_value(runner) -> None:
    result = runner.invoke(app, ["render", "forskola", "-o"])
    assert (result.exit_code, _said(result.stderr)) == (2, ["Fel", "-o behöver ett värde"])


ENGLISH = [
    "Usage:",
    "Show this message",
    "Arguments",
    "Options",
    "Commands",
    "[default:",
    "[required]",
    "Install completion",
    "Show completion",
    "<bool>",
    "<int",
    "<str>",
    "<path>",
    "<dir>",
    "<list",
    "range",
    "{",
    "[OPTIONS]",
    "COMMAND",
    "[ARGS]",
    "<=x<=",
]


@pytest.mark.parametrize("command", ["", "report", *COMMANDS])
def test_help_has_no_english_framework_words(command: str, runner) -> None:
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    left = [word for word in ENGLISH if word in result.stdout]
    assert left == []
    assert f"Användning: uppdrag {command}".rstrip() in result.stdout
    assert "Visa den här hjälpen och avsluta." in result.stdout


def test_help_names_values_as_the_readme_does(runner) -> None:
    rows = _said(runner.invoke(app, ["plan-meetings", "--help"]).stdout)
    assert "* ID Nätverkets id. [krävs]" in [" ".join(r.split()) for r in rows]
    assert "--count -n ANTAL [1–52] Antal möten (minst regelns)." in [" ".join(r.split()) for r in rows]
    assert "--missions -m MAPP Mappen med uppdragsfilerna. [standard: missions]" in [" ".join(r.split()) for r in rows]
    assert "--write Lägg in datumen i uppdragsfilen." in [" ".join(r.split()) for r in rows]


def test_root_help_translates_the_completion_options(runner) -> None:
    rows = [" ".join(r.split()) for r in _said(runner.invoke(app, ["--help"]).stdout)]
    assert "--install-completion Installera kompletteringen av kommandon för skalet du använder." in rows


def test_help_paragraphs_wrap_at_the_terminal_width(runner, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraph = (
        "Varje fynd pekar ut fil, rad och kolumn. Slutkod 0 om inga fel finns (varningar tillåts utom med "
        "--strict), annars 1."
    )
    wide = runner.invoke(app, ["validate", "--help"]).stdout
    assert f" {paragraph} " in wide  # one line at 200 columns: the docstring's own breaks are gone
    monkeypatch.setenv("COLUMNS", "50")
    narrow = runner.invoke(app, ["validate", "--help"]).stdout.splitlines()
    assert all(len(line) <= 50 for line in narrow)
    start = next(i for i, line in enumerate(narrow) if line.strip().startswith("Varje fynd"))
    wrapped = [line.strip() for line in narrow[start : start + 4]]
    assert " ".join(wrapped).startswith(paragraph)  # broken only between words


def test_join_lines_keeps_paragraphs_and_marked_blocks() -> None:
    assert join_lines("ett\ntvå\n\ntre\n  fyra") == "ett två\n\ntre fyra"
    assert join_lines("\bett\ntvå") == "\bett\ntvå"

"""cli.options: --today, -o and the one --format vocabulary."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from types import ModuleType

import pytest

from uppdrag.cli.documents import DiffFormat
from uppdrag.cli.importing import ImportFormat
from uppdrag.cli.meetings import MeetingFormat
from uppdrag.cli.options import FORMAT_NAMES, output_path, parse_today
from uppdrag.cli.overview import OverviewFormat
from uppdrag.cli.report import ReportFormat
from uppdrag.cli.validate import ValidateFormat
from uppdrag.errors import EXIT_USAGE, UsageError


def test_parse_today_reads_an_iso_date() -> None:
    assert parse_today("2026-11-22") == dt.date(2026, 11, 22)


def test_parse_today_without_a_value_is_the_clock_today() -> None:
    before = dt.date.today()
    assert parse_today(None) in (before, dt.date.today())


@pytest.mark.parametrize("value", ["22/11/2026", "2026-02-30", "i dag", ""])
def test_parse_today_refuses_anything_else_in_swedish(value: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_today(value)
    assert caught.value.message == f"--today: ogiltigt datum '{value}'; skriv ÅÅÅÅ-MM-DD, t.ex. --today 2025-01-01"
    assert caught.value.exit_code == EXIT_USAGE


@pytest.mark.parametrize(("value", "path"), [(None, None), ("-", None), ("ut.json", "ut.json"), ("ut/", "ut/")])
def test_output_path(value: str | None, path: str | None) -> None:
    assert output_path(value) == path


# Every command's --format, and what it offers: a new command or format must be added here.
OFFERED = {
    DiffFormat: ["text", "json", "md"],
    ImportFormat: ["text", "json", "md"],  # md only with --diff
    MeetingFormat: ["text", "json"],
    OverviewFormat: ["text", "json", "csv", "md"],
    ReportFormat: ["text", "json", "md", "html"],
    ValidateFormat: ["text", "json", "github"],
}


def test_every_format_option_is_listed_here() -> None:
    import uppdrag.cli as cli_package

    found = {
        value
        for module in vars(cli_package).values()
        if isinstance(module, ModuleType) and module.__name__.startswith("uppdrag.cli.")
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Enum) and value.__name__.endswith("Format")
    }
    assert found == set(OFFERED)


@pytest.mark.parametrize("choice", list(OFFERED), ids=lambda choice: choice.__name__)
def test_a_commands_formats_are_the_shared_names_in_the_shared_order(choice: type[Enum]) -> None:
    names = [member.value for member in choice]
    assert names == OFFERED[choice]
    assert [member.name for member in choice] == names
    assert names == [name for name in FORMAT_NAMES if name in names]  # in the vocabulary, in its order
    assert all(choice(name) == name for name in names)  # a str Enum: typer reads it from its name

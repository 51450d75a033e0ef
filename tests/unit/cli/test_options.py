"""cli.options: --today, -o and the one --format vocabulary."""

from __future__ import annotations

import datetime as dt

import pytest

from uppdrag.cli.options import FORMAT_NAMES, formats, output_path, parse_today
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


def test_formats_keep_the_shared_vocabulary_order_whatever_order_they_are_named_in() -> None:
    offered = formats("ValidateFormat", "github", "json", "text")
    assert [f.value for f in offered] == ["text", "json", "github"]
    assert offered("json") == "json"  # a str Enum: compares equal to its name


def test_every_shared_format_name_can_be_offered() -> None:
    assert [f.value for f in formats("All", *FORMAT_NAMES)] == list(FORMAT_NAMES)


def test_a_format_outside_the_vocabulary_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="format outside the vocabulary"):
        formats("Broken", "text", "yaml")

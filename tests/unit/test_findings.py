"""findings: locations, severities, key paths, sort order and CheckResult counts."""

from __future__ import annotations

import pytest

from uppdrag.findings import CheckResult, Location, Severity, error, format_key_path, warning


def test_a_location_prints_like_a_compiler_diagnostic() -> None:
    assert str(Location("missions/ka.yaml", 18, 11)) == "missions/ka.yaml:18:11"
    assert str(Location("missions/ka.yaml")) == "missions/ka.yaml:1:1"


def test_severity_speaks_swedish() -> None:
    assert (Severity.ERROR.swedish, Severity.WARNING.swedish) == ("fel", "varning")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (("möten", "träffar", 0, "datum"), "möten.träffar[0].datum"),
        (("roller", 2), "roller[2]"),
        ((0, "namn"), "[0].namn"),
        (("id",), "id"),
        ((), ""),
    ],
)
def test_format_key_path(path: tuple, text: str) -> None:
    assert format_key_path(path) == text


def test_by_file_sorts_by_file_line_column_then_errors_before_warnings_then_code() -> None:
    a1 = Location("a.yaml", 1, 1)
    findings = [
        warning(Location("b.yaml", 1, 1), "z", "b"),
        warning(Location("a.yaml", 10, 1), "z", "line 10"),
        warning(Location("a.yaml", 2, 5), "z", "column 5"),
        warning(Location("a.yaml", 2, 3), "z", "column 3"),
        warning(a1, "a-code", "warning"),
        error(a1, "z-code", "error z"),
        error(a1, "b-code", "error b"),
    ]
    grouped = CheckResult(["a.yaml", "b.yaml"], findings).by_file()
    assert list(grouped) == ["a.yaml", "b.yaml"]
    assert [f.message for f in grouped["a.yaml"]] == [
        "error b",
        "error z",
        "warning",
        "column 3",
        "column 5",
        "line 10",
    ]
    assert [f.message for f in grouped["b.yaml"]] == ["b"]


def test_line_numbers_sort_as_numbers_not_text() -> None:
    findings = [error(Location("a.yaml", 10), "x", "tio"), error(Location("a.yaml", 9), "x", "nio")]
    assert [f.message for f in CheckResult(["a.yaml"], findings).by_file()["a.yaml"]] == ["nio", "tio"]


def test_counts_errors_and_warnings() -> None:
    here = Location("a.yaml")
    result = CheckResult(["a.yaml"], [error(here, "x", "1"), warning(here, "y", "2"), warning(here, "z", "3")])
    assert (result.errors, result.warnings) == (1, 2)
    assert CheckResult([], []).errors == 0


def test_error_and_warning_build_findings_with_their_key_path() -> None:
    found = error(Location("a.yaml", 3, 7), "reference", "okänt mål '9'", "uppdrag.grupper[0].mål")
    assert (found.severity, found.is_error, found.code, found.key_path) == (
        Severity.ERROR,
        True,
        "reference",
        "uppdrag.grupper[0].mål",
    )
    assert warning(Location("a.yaml"), "period-ended", "x").is_error is False

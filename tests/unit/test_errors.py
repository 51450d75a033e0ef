"""One error hierarchy: every UppdragError reaches the user as its message and its exit code."""

from __future__ import annotations

import pytest

from uppdrag.errors import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    FindingsError,
    HistoryError,
    OutputError,
    PdfError,
    PlanningError,
    TemplateError,
    UppdragError,
    UsageError,
)
from uppdrag.findings import CheckResult


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        (UsageError, EXIT_USAGE),
        (OutputError, EXIT_USAGE),
        (PdfError, EXIT_USAGE),
        (HistoryError, EXIT_USAGE),
        (TemplateError, EXIT_FINDINGS),
        (PlanningError, EXIT_FINDINGS),
    ],
)
def test_each_kind_knows_its_exit_code(kind: type[UppdragError], code: int) -> None:
    error = kind("meddelande")
    assert isinstance(error, UppdragError)
    assert (error.message, error.exit_code) == ("meddelande", code)


def test_exit_code_can_be_given() -> None:
    assert TemplateError("blockerad", exit_code=EXIT_USAGE).exit_code == EXIT_USAGE


def test_findings_error_carries_its_result() -> None:
    result = CheckResult(["a.yaml"], [])
    error = FindingsError("Rätta felen först.", result, summarise=True)
    assert (error.result, error.summarise, error.exit_code) == (result, True, EXIT_FINDINGS)

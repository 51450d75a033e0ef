"""One error hierarchy: every UppdragError reaches the user as its message and its exit code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from uppdrag.cli import app
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


def test_a_missing_pdf_library_is_a_message_not_an_internal_error(
    shipped: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pango(*args: object, **kwargs: object) -> bytes:
        raise PdfError("WeasyPrint kan inte laddas: cannot load library 'pango-1.0-0'")

    monkeypatch.setattr("uppdrag.output.pdf.html_to_pdf", no_pango)
    result = runner.invoke(app, ["render", "forskola", "--pdf"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: WeasyPrint kan inte laddas: cannot load library 'pango-1.0-0'\n",
    )
    assert not (shipped / "build").exists()


def test_diff_of_a_revision_that_is_not_utf8_names_git_not_none(shipped: Path, runner) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=shipped, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "första")
    path = shipped / "missions" / "forskola.yaml"
    original = path.read_bytes()
    path.write_bytes(original.replace("Förskola".encode(), "F\xf6rskola".encode("latin-1")))
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "latin-1")
    path.write_bytes(original)
    result = runner.invoke(app, ["diff", "forskola"])
    assert result.exit_code == 2
    assert result.stderr.startswith("fel: git gav text som inte är UTF-8 (git show ")
    assert "None" not in result.stderr

"""Folder-driven cases: tests/cases/{valid,invalid}/<name>/missions/ beside an expected.txt.

A new case is a new folder. expected.txt holds the finding lines validate prints (file:line:col:
severity: key: message); regenerate with UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import TESTS, TODAY, UPDATE_GOLDEN
from uppdrag.cli import app

CASES = TESTS / "cases"


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir())


def _run(case: Path, workspace: Path, runner) -> tuple[int, list[str]]:
    for path in (case / "missions").iterdir():
        shutil.copy(path, workspace / "missions" / path.name)
    result = runner.invoke(app, ["validate", "missions", "--today", TODAY])
    assert "Traceback" not in result.output
    findings = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    return result.exit_code, findings


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.name)
def test_invalid_case(case: Path, workspace: Path, runner) -> None:
    exit_code, findings = _run(case, workspace, runner)
    expected_file = case / "expected.txt"
    if UPDATE_GOLDEN:
        expected_file.write_text("\n".join(findings) + "\n", encoding="utf-8")
    assert exit_code == 1
    assert findings == expected_file.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.name)
def test_valid_case(case: Path, workspace: Path, runner) -> None:
    exit_code, findings = _run(case, workspace, runner)
    assert (exit_code, findings) == (0, [])

"""The program itself: --version, the installed command, python -m, start-up imports, internal errors, Ctrl-C."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY, packages_loaded, write_tree
from uppdrag import cli
from uppdrag.cli import app


def test_internal_error_is_one_line_and_exit_3(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("det här ska inte hända\nandra raden")

    monkeypatch.setattr("uppdrag.check.validation.validate_paths", broken)
    monkeypatch.setattr(sys, "argv", ["uppdrag", "validate"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    assert capsys.readouterr().err == (
        "internt fel: RuntimeError: det här ska inte hända (kör med --debug för detaljer)\n"
    )


def test_version(runner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, "uppdrag 0.1.0\n")


def _installed_uppdrag() -> str:
    return str(Path(sys.executable).parent / "uppdrag")


def test_installed_command_in_a_real_subprocess(shipped: Path) -> None:
    write_tree(shipped, {"missions/trasig.yaml": "id: trasig\nnamn: [\n"})
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [_installed_uppdrag(), "validate", "--today", TODAY], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 1
    assert (
        "missions/trasig.yaml:3:1: fel: ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)\n"
        in proc.stdout
    )
    assert proc.stdout.endswith("6 nätverk och 3 delade filer: 1 fel, 9 varningar.\n")
    assert proc.stderr == ""


def test_python_dash_m(shipped: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "uppdrag", "validate", "--today", TODAY], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("argv", [["--help"], ["validate", "--help"], ["validate", "missions"]])
def test_heavy_modules_are_not_imported(argv: list[str]) -> None:
    heavy = {"weasyprint", "jinja2", "docx", "pdfplumber", "pdfminer", "rapidfuzz"}
    assert packages_loaded(argv) & heavy == set()


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["render", "forskola"],
        ["site"],
        ["diff", "forskola"],
        ["check-meetings", "2024"],
        ["plan-meetings", "forskola", "2027"],
        ["calendar", "forskola"],
        ["new", "fritidshem", "--namn", "Fritidshem"],
        ["overview"],
        ["report", "mål"],
    ],
)
def test_no_missions_folder_says_where_it_looked_and_what_to_do(
    argv: list[str], tmp_path: Path, runner, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, argv)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"fel: hittar ingen mapp 'missions' (letade efter {tmp_path / 'missions'}); gå till projektmappen "
        "med `cd`, ange mappen med `-m MAPP` eller skapa en ny arbetsyta med `uppdrag init`\n"
    )


def test_ctrl_c_says_avbrutet_and_exits_130(shipped: Path, runner, monkeypatch: pytest.MonkeyPatch) -> None:
    from uppdrag.check import validation

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validation, "validate_paths", interrupted)
    result = runner.invoke(app, ["validate"])
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "avbrutet\n")

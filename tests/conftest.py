"""Shared fixtures: inline file trees, a workspace with the shipped shared files, a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"  # the data folders: cases/, golden/, seeds/, import_corpus/
MISSIONS = REPO / "missions"
TODAY = "2026-11-22"

# Golden files and expected case output are rewritten with UPDATE_GOLDEN=1; review the diff.
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"

MINIMAL_MISSION = """\
id: {id}
namn: Testnätverket
styrdokument: maldokument
bakgrund: maldokument
syfte:
  text: [Ett syfte.]
uppdrag:
  period: kommande år
  grupper:
    - punkter: [Ett uppdrag.]
roller:
  - roll: presidium
    ansvar: [Leder möten.]
"""


def modules_loaded(argv: list[str], cwd: Path = REPO, env: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh `uppdrag *argv` has imported by its end, its output going into a
    pipe (as in CI or a hook)."""
    code = (
        "import sys\nfrom uppdrag import cli\n"
        f"sys.argv = ['uppdrag', *{argv!r}]\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', *sorted(sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=60, env=env)
    last = proc.stdout.splitlines()[-1]
    assert last.startswith("LOADED "), proc.stdout + proc.stderr
    return set(last.split()[1:])


def packages_loaded(argv: list[str], cwd: Path = REPO) -> set[str]:
    """The top-level packages of modules_loaded."""
    return {name.split(".")[0] for name in modules_loaded(argv, cwd)}


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder with missions/ holding the shipped shared files; it is the cwd."""
    missions = tmp_path / "missions"
    missions.mkdir()
    for shared in MISSIONS.glob("_*.yaml"):
        shutil.copy(shared, missions)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped missions/ (and templates/) in a temporary cwd."""
    shutil.copytree(MISSIONS, tmp_path / "missions")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")
    return CliRunner()


def system_tool(*names: str) -> str:
    """The path of an independent client the tests check our files with (pandoc, LibreOffice,
    Chromium). CI installs them (.ci/run); on a machine without one its tests are skipped,
    saying so, but under CI a missing tool fails the run."""
    import shutil

    for name in names:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail(f"CI must have {names[0]}: .ci/run installs it")
    pytest.skip(f"{names[0]} is not installed here; `sudo bash .ci/run` installs it, CI has it")

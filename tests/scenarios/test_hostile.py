"""Hostile and careless inputs, one folder per class: tests/cases/hostile/<case>/.

Each case has files/ (laid over a copy of the shipped missions/; may be absent), command.txt (the arguments)
and expected.txt ("exit N", then the lines the command prints). Every file that existed before
must be byte-identical afterwards, no new file may appear (nothing ran), and no traceback.
Regenerate expected.txt with UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

import pytest

from tests.conftest import TESTS, UPDATE_GOLDEN
from uppdrag.cli import app

HOSTILE = TESTS / "cases" / "hostile"


def _snapshot(root: Path) -> dict[str, bytes | str]:
    """Every entry under root: a file's bytes, a link's target."""
    found: dict[str, bytes | str] = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_file():
                found[key] = path.read_bytes()
    return found


@pytest.mark.parametrize("case", sorted(p for p in HOSTILE.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_hostile_case(case: Path, shipped: Path, runner) -> None:
    if (case / "files").is_dir():  # git keeps no empty folder: a case may have no files
        shutil.copytree(case / "files", shipped, dirs_exist_ok=True, symlinks=True)
    if case.name == "side-files":  # an Emacs lock is a dangling link; git cannot hold one portably
        (shipped / "missions" / ".#forskola.yaml").symlink_to("root@host.1234:1700000000")
    if case.name == "output-link-to-a-yaml-file":  # a harmless name that links to another workspace's file
        other = shipped / "annan" / "missions"
        shutil.copytree(shipped / "missions", other)
        (shipped / "lank.ics").symlink_to(other / "forskola.yaml")
    before = _snapshot(shipped)
    result = runner.invoke(app, shlex.split((case / "command.txt").read_text(encoding="utf-8")))
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(result.exception, SystemExit)
    got = [f"exit {result.exit_code}"] + result.output.rstrip("\n").splitlines()
    expected_file = case / "expected.txt"
    if UPDATE_GOLDEN:
        expected_file.write_text("\n".join(got) + "\n", encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8").splitlines()
    assert _snapshot(shipped) == before

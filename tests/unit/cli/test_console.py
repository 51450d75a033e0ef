"""The console prints data as text: markup in names is literal, control characters are visible."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import packages_loaded
from uppdrag.cli.console import Terminal, data, line_text, print_line, visible, visible_line


def test_visible_writes_out_control_characters() -> None:
    assert visible("a\x1b[2Jb\tc\nd\x7f\x9b") == "a\\x1b[2Jb\tc\nd\\x7f\\x9b"


def test_data_is_never_markup() -> None:
    assert data("Förskola [/b] [link=https://x.se]klick[/link]").plain == (
        "Förskola [/b] [link=https://x.se]klick[/link]"
    )
    assert line_text([("[bold]x[/bold]", "error")]).plain == "[bold]x[/bold]"


LINES = [
    [("missions/a.yaml:3:1: ", "location"), ("fel:", "error"), (" x\ty [b]z[/b] :warning: \x1b[2J", None)],
    [("\tindrag", None), ("", "file"), ("ä ö 中文", "key")],
    [],
]


@pytest.mark.parametrize("segments", LINES)
def test_a_line_into_a_pipe_is_what_rich_would_write(segments, capsys: pytest.CaptureFixture[str]) -> None:
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, soft_wrap=True, highlight=False).print(line_text(segments))
    print_line(segments, Terminal())
    assert capsys.readouterr().out == buffer.getvalue()


@pytest.mark.parametrize(
    ("environment", "plain"),
    [({}, True), ({"FORCE_COLOR": "1"}, False), ({"FORCE_COLOR": ""}, True), ({"TTY_COMPATIBLE": "1"}, False),
     ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, True)],
)  # fmt: skip
def test_plain_when_rich_would_print_no_colours(environment, plain, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert Terminal().is_plain() is plain
    assert (not Console(file=io.StringIO()).is_terminal) is plain


def test_validate_into_a_pipe_does_not_load_rich(shipped: Path) -> None:
    assert "rich" not in packages_loaded(["validate", "--today", "2024-06-01"], shipped)
    assert "rich" in packages_loaded(["--help"], shipped)  # the help is drawn with it


def test_a_file_name_cannot_forge_lines_or_reorder_text() -> None:
    assert visible_line("x\n::error file=ka.yaml::FORGED\r.yaml") == "x\\n::error file=ka.yaml::FORGED\\x0d.yaml"
    assert visible("y\u202ez\u2066") == "y\\u202ez\\u2066"


def test_bytes_that_are_not_utf8_are_shown_as_bytes() -> None:
    name = b"m\xff".decode("utf-8", "surrogateescape")
    assert visible(name) == "m\\xff"


@pytest.mark.parametrize("argv", [["validate"], ["validate", "--format", "json"], ["overview"]])
def test_a_closed_stdout_is_no_internal_error(argv: list[str], shipped: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "uppdrag", *argv, "--today", "2024-06-01"], stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, cwd=shipped, timeout=60, preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, b"")

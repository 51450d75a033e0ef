"""The console prints data as text: markup in names is literal, control characters are visible."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from uppdrag.cli import app
from uppdrag.cli.console import Terminal, data, line_text, print_line, visible, visible_line

from .conftest import MINIMAL_MISSION, TODAY, packages_loaded, write_tree


def test_visible_writes_out_control_characters() -> None:
    assert visible("a\x1b[2Jb\tc\nd\x7f\x9b") == "a\\x1b[2Jb\tc\nd\\x7f\\x9b"


def test_data_is_never_markup() -> None:
    assert data("Förskola [/b] [link=https://x.se]klick[/link]").plain == (
        "Förskola [/b] [link=https://x.se]klick[/link]"
    )
    assert line_text([("[bold]x[/bold]", "error")]).plain == "[bold]x[/bold]"


def _network_named(workspace: Path, name: str) -> None:
    text = MINIMAL_MISSION.format(id="n").replace("namn: Testnätverket", f"namn: {name}")
    write_tree(workspace, {"missions/n.yaml": text + "möten:\n  minst_per_år: 1\n"})


def test_markup_in_a_name_is_printed_as_written(workspace: Path, runner) -> None:
    _network_named(workspace, '"[/b][link=a]k"')
    overview = runner.invoke(app, ["overview", "--today", TODAY])
    meetings = runner.invoke(app, ["check-meetings", "2024"])
    assert overview.exit_code == 0, overview.output
    assert "[/b][link=a]k" in overview.stdout
    assert meetings.exit_code == 1
    assert "[/b][link=a]k" in meetings.stdout
    assert "\x1b]8;" not in overview.stdout + meetings.stdout  # no terminal hyperlink


def test_escape_sequences_never_reach_the_terminal(workspace: Path, runner) -> None:
    """In data they are findings of their own; in a file name, which no schema checks, the
    console writes them out."""
    _network_named(workspace, '"Förskola\\e[2J"')
    in_data = runner.invoke(app, ["validate"])
    assert in_data.exit_code == 1
    assert "missions/n.yaml:2:7: fel: namn: texten innehåller styrtecknet U+001B (ESC); ta bort det" in in_data.stdout
    (workspace / "missions" / "n.yaml").rename(workspace / "missions" / "n\x1b[2J.yaml")
    in_name = runner.invoke(app, ["validate"])
    assert "\x1b" not in in_name.stdout + in_name.stderr
    assert "missions/n\\x1b[2J.yaml" in in_name.stdout


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


@pytest.mark.parametrize("output_format", ["json", "github"])
def test_machine_readable_findings_are_written_as_they_are(output_format: str, workspace: Path, runner) -> None:
    # rich would turn :warning: into an emoji and expand tabs: data must arrive as written.
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + '":warning:\\t[b]": x\n'})
    result = runner.invoke(app, ["validate", "--format", output_format])
    assert result.exit_code == 1
    if output_format == "json":
        [finding] = json.loads(result.stdout)["findings"]
        assert finding["message"].startswith("okänd nyckel ':warning:\t[b]'")
    else:
        assert "okänd nyckel ':warning:\t[b]'" in result.stdout


def test_a_file_name_cannot_forge_lines_or_reorder_text() -> None:
    assert visible_line("x\n::error file=ka.yaml::FORGED\r.yaml") == "x\\n::error file=ka.yaml::FORGED\\x0d.yaml"
    assert visible("y\u202ez\u2066") == "y\\u202ez\\u2066"


def test_bytes_that_are_not_utf8_are_shown_as_bytes() -> None:
    name = b"m\xff".decode("utf-8", "surrogateescape")
    assert visible(name) == "m\\xff"


def test_a_folder_name_that_is_not_utf8_in_every_format(shipped: Path) -> None:
    folder = os.fsdecode(b"m\xff")
    shutil.copytree(shipped / "missions", shipped / folder)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # as under a UTF-8 locale
    for output_format in ("text", "json", "github"):
        proc = subprocess.run(
            [sys.executable, "-m", "uppdrag", "validate", "--format", output_format, "--today", "2024-06-01", folder],
            capture_output=True, cwd=shipped, env=env, timeout=60,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        if output_format == "json":
            assert json.loads(proc.stdout)["files"][0] == folder + "/_bakgrund.yaml"  # \udcff: the same name
        else:
            assert b"m\\xff/" in proc.stdout if output_format == "text" else b"m\\udcff/" in proc.stdout


@pytest.mark.parametrize("argv", [["validate"], ["validate", "--format", "json"], ["overview"]])
def test_a_closed_stdout_is_no_internal_error(argv: list[str], shipped: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "uppdrag", *argv, "--today", "2024-06-01"], stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, cwd=shipped, timeout=60, preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, b"")


def test_a_steering_document_name_is_text_in_the_goals_report(shipped: Path) -> None:
    path = shipped / "missions" / "_styrdokument.yaml"
    text = path.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.strip().startswith("namn:")).split("namn:")[1].strip()
    path.write_text(text.replace(name, '"[bold red]FET[/] :warning: [link=http://x.se]KLICK[/link]"', 1), "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "uppdrag", "report", "mål", "--today", "2024-06-01"],
        capture_output=True, text=True, cwd=shipped, timeout=60, env={**os.environ, "FORCE_COLOR": "1"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "[bold red]FET[/] :warning: [link=http://x.se]KLICK[/link]" in proc.stdout
    assert "\x1b]8;" not in proc.stdout

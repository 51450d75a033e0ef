"""The console prints data as text: markup in names is literal, control characters are visible."""

from __future__ import annotations

from pathlib import Path

from uppdrag.cli import app
from uppdrag.cli.console import data, line_text, visible

from .conftest import MINIMAL_MISSION, TODAY, write_tree


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

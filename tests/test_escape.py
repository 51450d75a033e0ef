"""output/escape: data that cannot turn into Markdown structure, read back with pandoc."""

from __future__ import annotations

import json
import subprocess

import pytest

from uppdrag.output.escape import markdown_escape
from uppdrag.output.overview import to_markdown

from .conftest import system_tool

HOSTILE_TEXT = "Rubrik\n===\nText\n---\n    kod\n\n# inte rubrik\n- inte punkt\n1. inte lista\n~~inte struken~~ <b>x</b> [l](http://x)"


def test_markdown_escape_keeps_data_text() -> None:
    escaped = markdown_escape(HOSTILE_TEXT)
    assert escaped == (
        "Rubrik\n\\===\nText\n\\---\nkod\n\\# inte rubrik\n\\- inte punkt\n1\\. inte lista\n"
        "\\~\\~inte struken\\~\\~ \\<b\\>x\\</b\\> \\[l\\](http://x)"
    )


def test_pandoc_reads_escaped_data_as_one_paragraph_of_text() -> None:
    pandoc = subprocess.run(
        [system_tool("pandoc"), "-f", "gfm", "-t", "json"], input="- " + markdown_escape(HOSTILE_TEXT),
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    if pandoc.returncode != 0:
        pytest.fail(pandoc.stderr)
    blocks = json.loads(pandoc.stdout)["blocks"]
    assert [b["t"] for b in blocks] == ["BulletList"]
    [[item]] = blocks[0]["c"]
    assert item["t"] in ("Plain", "Para")  # one block of text: no heading, code, list or HTML
    kinds = {inline["t"] for inline in item["c"]}
    assert kinds <= {"Str", "Space", "SoftBreak"}


def test_overview_table_cells_cannot_break_out() -> None:
    from uppdrag.views.overview import OverviewRow

    row = OverviewRow(
        "x", "<img src=x> [l](javascript:x)", "s", "S", "1", "G", "- a", "", "", "", "", "r", "", None, "p"
    )
    table = to_markdown([row])
    assert "| x | \\<img src=x\\> \\[l\\](javascript:x) | s | S | 1 | G | \\- a |" in table

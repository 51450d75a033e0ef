"""output/escape: data that cannot turn into Markdown structure, read back with pandoc."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import system_tool
from tests.support.pandoc import gfm_to_html
from uppdrag.output.escape import markdown_cell, markdown_escape
from uppdrag.output.overview import to_markdown

HOSTILE_TEXT = "Rubrik\n===\nText\n---\n    kod\n\n# inte rubrik\n- inte punkt\n1. inte lista\n~~inte struken~~ <b>x</b> [l](http://x)"


def test_markdown_escape_keeps_data_text() -> None:
    escaped = markdown_escape(HOSTILE_TEXT)
    assert escaped == (
        "Rubrik\n\\===\nText\n\\---\nkod\n\\# inte rubrik\n\\- inte punkt\n1\\. inte lista\n"
        "\\~\\~inte struken\\~\\~ \\<b\\>x\\</b\\> \\[l\\](http\\://x)"
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


def test_bare_addresses_are_broken_so_they_are_not_autolinked() -> None:
    text = "https://evil.example/login, HTTP://x.se, www.evil.example, WWW.x.se och a@b.se"
    assert markdown_escape(text) == (
        "https\\://evil.example/login, HTTP\\://x.se, www\\.evil.example, WWW\\.x.se och a\\@b.se"
    )
    html = gfm_to_html(markdown_escape(text))
    assert html == "<p>https://evil.example/login, HTTP://x.se, www.evil.example, WWW.x.se och a@b.se</p>\n"


def test_a_cell_is_one_line() -> None:
    assert markdown_cell("Skövde\n# Rubrik\n\n  - punkt | x") == "Skövde # Rubrik - punkt \\| x"
    assert markdown_cell("- a\nb") == "\\- a b"
    assert markdown_cell(None) == ""



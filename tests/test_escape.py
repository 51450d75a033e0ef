"""output/escape: data that cannot turn into Markdown structure, read back with pandoc."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from uppdrag.cli import app
from uppdrag.edit.init_workspace import STARTER
from uppdrag.output.escape import markdown_cell, markdown_escape
from uppdrag.output.overview import to_markdown

from .conftest import TODAY, system_tool, write_tree

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
    html = _gfm_to_html(markdown_escape(text))
    assert html == "<p>https://evil.example/login, HTTP://x.se, www.evil.example, WWW.x.se och a@b.se</p>\n"


def test_a_cell_is_one_line() -> None:
    assert markdown_cell("Skövde\n# Rubrik\n\n  - punkt | x") == "Skövde # Rubrik - punkt \\| x"
    assert markdown_cell("- a\nb") == "\\- a b"
    assert markdown_cell(None) == ""


def _gfm_to_html(markdown: str) -> str:
    pandoc = subprocess.run(
        [system_tool("pandoc"), "-f", "gfm", "-t", "html", "--wrap=none"],
        input=markdown,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if pandoc.returncode != 0:
        pytest.fail(pandoc.stderr)
    return pandoc.stdout


HOSTILE_KOMMUNER = ["X | [klick](https://evil.example) |", "<img src=x onerror=alert(1)>", "www.evil.example"]
HOSTILE_PLATS = "Skövde\n# Rubrik\nwww.evil.example och https://evil.example/login"


def _hostile_workspace(root: Path) -> None:
    organisation = (STARTER / "_organisation.yaml").read_text(encoding="utf-8")
    kommuner = "".join(f"    - {json.dumps(name)}\n" for name in HOSTILE_KOMMUNER)
    write_tree(root, {"missions/_organisation.yaml": organisation.replace("    - Vara\n", "    - Vara\n" + kommuner)})
    mission = root / "missions/forskola.yaml"
    meeting = (
        "  träffar:\n"
        f"    - datum: 2027-02-05\n      start: '09:00'\n      plats: {json.dumps(HOSTILE_PLATS)}\n"
        f"      närvarande: {json.dumps(['Vara', *HOSTILE_KOMMUNER], ensure_ascii=False)}\n"
    )
    mission.write_text(
        mission.read_text(encoding="utf-8").replace("möten:\n", "möten:\n" + meeting, 1), encoding="utf-8"
    )


def test_hostile_names_and_places_stay_text_in_the_markdown_document(shipped: Path, runner) -> None:
    _hostile_workspace(shipped)
    result = runner.invoke(app, ["render", "forskola", "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 5 februari 2027 |"))
    assert row == (
        "| 5 februari 2027 | 09:00 | Skövde # Rubrik www\\.evil.example och https\\://evil.example/login | "
        "Vara, X \\| \\[klick\\](https\\://evil.example) \\|, \\<img src=x onerror=alert(1)\\>, www\\.evil.example |"
    )
    html = _gfm_to_html(result.stdout)
    assert "<a " not in html and "<img" not in html
    assert html.count("<h1") == 1  # the title; "# Rubrik" in the place is text
    table = html[html.rindex("<table", 0, html.index("<th>Närvarande</th>")) :]
    table = table[: table.index("</table>")]
    assert (table.count("<tr"), table.count("<td>")) == (1 + 1, 4)  # the header, the one meeting: one row
    assert (
        "<td>Skövde # Rubrik www.evil.example och https://evil.example/login</td>\n"
        "<td>Vara, X | [klick](https://evil.example) |, &lt;img src=x onerror=alert(1)&gt;, www.evil.example</td>"
    ) in table


def test_a_network_name_over_lines_stays_one_cell_in_the_goals_report(shipped: Path, runner) -> None:
    mission = shipped / "missions/forskola.yaml"
    text = mission.read_text(encoding="utf-8").replace(
        "namn: Förskola\n", 'namn: "Förskola\\nwww.evil.example | x"\n', 1
    )
    mission.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["report", "mål", "--format", "md", "--today", TODAY])
    assert result.exit_code == 0, result.output
    header = "| Mål | Förskola www\\.evil.example \\| x | Skolutveckling i Skaraborg, SKIS |"
    assert header in result.stdout.splitlines()
    html = _gfm_to_html(result.stdout)
    assert "<a " not in html
    assert (
        '<tr class="header">\n<th>Mål</th>\n<th style="text-align: right;">Förskola www.evil.example | x</th>\n'
        '<th style="text-align: right;">Skolutveckling i Skaraborg, SKIS</th>\n</tr>'
    ) in html

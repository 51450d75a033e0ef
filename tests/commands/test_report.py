from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINIMAL_MISSION, TODAY, write_tree
from tests.support.pandoc import gfm_to_html
from uppdrag.check.validation import open_workspace
from uppdrag.cli import app
from uppdrag.views.goals import goals_report


def _matrix(report) -> dict[str, dict[str, tuple[dict[str, int], list[str], bool]]]:
    return {
        doc.steering.id: {row.goal.id: (row.counts, row.focus, row.uncovered) for row in doc.rows}
        for doc in report.documents
    }


def test_matrix_for_the_shipped_missions(shipped: Path) -> None:
    import datetime as dt

    workspace, _ = open_workspace(Path("missions"), dt.date(2026, 1, 1))
    report = goals_report(workspace)
    assert _matrix(report) == {
        "maldokument": {
            "1": ({"grundskola": 0, "ka": 1, "sarskola": 0}, ["ka", "sarskola"], False),
            "2": ({"grundskola": 2, "ka": 2, "sarskola": 0}, ["grundskola", "ka", "sarskola"], False),
            "3": ({"grundskola": 4, "ka": 2, "sarskola": 0}, ["grundskola", "ka", "sarskola"], False),
            "tillägg": ({"grundskola": 0, "ka": 1, "sarskola": 0}, ["ka"], False),
        },
        "strategi-2023-2026": {
            "1": ({"forskola": 0, "skis": 0}, ["forskola", "skis"], False),
            "2": ({"forskola": 0, "skis": 0}, ["forskola"], False),
        },
    }
    assert [(n, t[:30]) for n, _, t in report.without_goal][:1] == [("forskola", "Nätverket samarbetar och utbyt")]
    assert len(report.without_goal) == 5 + 3 + 3  # förskola, särskolan, SKIS


def test_uncovered_goal_stands_out(workspace: Path, runner) -> None:
    text = MINIMAL_MISSION.format(id="n").replace(
        "    - punkter: [Ett uppdrag.]", "    - mål: 2\n      punkter: [Ett uppdrag.]"
    )
    write_tree(workspace, {"missions/n.yaml": text})
    md = runner.invoke(app, ["report", "mål", "--format", "md"]).stdout
    assert "| Mål | Testnätverket |\n| --- | ---: |\n" in md
    assert "| **Mål 1: Stärkt tillväxt och kompetensförsörjning (inget nätverk)** | – |\n" in md
    assert "| Mål 2: Höjd utbildningsnivå | 1 |\n" in md
    assert "### Mål 2: Höjd utbildningsnivå\n\n- Ett uppdrag. (Testnätverket)\n" in md
    html = runner.invoke(app, ["report", "mål", "--format", "html"]).stdout
    assert (
        '<tr class="uncovered"><th scope="row">Mål 1: Stärkt tillväxt och kompetensförsörjning <strong>(inget nätverk)</strong></th>'
        in html
    )
    text_output = runner.invoke(app, ["report", "mål"]).stdout
    assert "Mål 1: Stärkt tillväxt och kompetensförsörjning (inget nätverk)" in text_output


def test_json(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["report", "mål", "--format", "json"])
    data = json.loads(result.stdout)
    [maldokument, _strategi] = data["styrdokument"]
    assert maldokument["nätverk"] == ["grundskola", "ka", "sarskola"]
    assert maldokument["mål"][3]["uppdrag"] == [
        {"nätverk": "ka", "text": "Nätverket ska verka för en samverkan med IM-nätverket gällande yrkespaket och IMV."}
    ]
    assert len(data["uppdrag_utan_mål"]) == 11


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
    html = gfm_to_html(result.stdout)
    assert "<a " not in html
    assert (
        '<tr class="header">\n<th>Mål</th>\n<th style="text-align: right;">Förskola www.evil.example | x</th>\n'
        '<th style="text-align: right;">Skolutveckling i Skaraborg, SKIS</th>\n</tr>'
    ) in html

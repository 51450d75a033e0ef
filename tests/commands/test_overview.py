from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import TODAY
from tests.support.missions import network_named
from uppdrag.cli import app


def test_json(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["overview", "--format", "json", "--today", TODAY])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == ["forskola", "grundskola", "ka", "sarskola", "skis"]
    assert rows[0] == {
        "id": "forskola",
        "name": "Förskola",
        "steering_id": "strategi-2023-2026",
        "steering_document": "Strategi för Utbildning Skaraborg 2023–2026",
        "goal_ids": "1, 2",
        "goals": "Fullföljd utbildning; Kompetensförsörjning för en arbetsmarknadsregion där utbud och efterfrågan är i balans",
        "chair": "Emma Friman, Lidköping",
        "convener": "",
        "secretary": "Fredrica Malmberg, Vara",
        "members": "",
        "absent": "",
        "meeting_rule": "Minst 4 möten per år på fredagar",
        "revised": "",
        "revised_age_days": None,
        "period": "2023–2026",
    }
    assert rows[3]["meeting_rule"] == "ingen regel"


def test_csv_for_swedish_excel(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["overview", "--format", "csv", "-o", "natverk.csv", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "natverk.csv\n")
    data = (shipped / "natverk.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfId;Namn;")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Id", "Namn", "Styrdokument (id)", "Styrdokument", "Mål (id)"]
    assert rows[4][:2] == ["sarskola", "Särskolan"]
    assert len(rows) == 6


def test_markdown(shipped: Path, runner) -> None:
    lines = runner.invoke(app, ["overview", "--format", "md"]).stdout.splitlines()
    assert lines[0].startswith("| Id | Namn | Styrdokument (id) |")
    assert lines[3].startswith("| grundskola | Grundskolan | maldokument | Måldokument Utbildning Skaraborg | 2, 3 |")


def test_text_table_shows_revision_age(shipped: Path, runner) -> None:
    path = shipped / "missions/ka.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "bakgrund: maldokument\n", "bakgrund: maldokument\nreviderad: 2025-06-01\n"
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["overview", "--today", TODAY])
    assert result.exit_code == 0
    [ka] = [line for line in result.stdout.splitlines() if line.startswith("│ ka ")]
    assert "2025-06-01 (539 d)" in ka and "5/år" in ka and "2021" in ka


def test_markup_in_a_name_is_printed_as_written(workspace: Path, runner) -> None:
    network_named(workspace, '"[/b][link=a]k"')
    overview = runner.invoke(app, ["overview", "--today", TODAY])
    meetings = runner.invoke(app, ["check-meetings", "2024"])
    assert overview.exit_code == 0, overview.output
    assert "[/b][link=a]k" in overview.stdout
    assert meetings.exit_code == 1
    assert "[/b][link=a]k" in meetings.stdout
    assert "\x1b]8;" not in overview.stdout + meetings.stdout  # no terminal hyperlink

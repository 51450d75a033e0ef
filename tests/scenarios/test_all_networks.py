"""Commands over all networks make what they can: a broken mission file is left out, named as
validate names it, and the command ends with exit 1; a broken `_` file still stops them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MISSION, TODAY, write_tree
from uppdrag.cli import app

BROKEN_LINE = "missions/trasig.yaml:3:1: fel: ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)"
SKIPPED_LINE = (
    "fel: 3 nätverk och 3 delade filer: 1 fel, 0 varningar. Hoppade över missions/trasig.yaml; "
    "de andra nätverken är med. Rätta felen och kör igen."
)


@pytest.fixture
def one_broken(workspace: Path) -> Path:
    """Two healthy networks, a and b, and a mission file with a YAML error between them."""
    return write_tree(
        workspace,
        {
            "missions/a.yaml": MINIMAL_MISSION.format(id="a"),
            "missions/b.yaml": MINIMAL_MISSION.format(id="b"),
            "missions/trasig.yaml": "id: trasig\nnamn: [\n",
        },
    )


def _ends_with_the_skipped_file(result) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [BROKEN_LINE, SKIPPED_LINE]


def test_render_all_makes_every_healthy_network(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["render", "--all", "--today", TODAY])
    _ends_with_the_skipped_file(result)
    assert result.stdout.splitlines() == ["build/a.md", "build/b.md"]
    assert sorted(p.name for p in (one_broken / "build").iterdir()) == ["a.md", "b.md"]
    assert "# Uppdragsbeskrivning för nätverket Testnätverket" in (one_broken / "build/a.md").read_text()


def test_render_all_docx_makes_every_healthy_network(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["render", "--all", "--docx", "-o", "ut", "--today", TODAY])
    _ends_with_the_skipped_file(result)
    assert sorted(p.name for p in (one_broken / "ut").iterdir()) == ["a.docx", "b.docx"]


def test_render_all_strict_refuses_and_names_the_broken_file_too(one_broken: Path, runner) -> None:
    (one_broken / "missions/a.yaml").write_text(MINIMAL_MISSION.format(id="a").replace("kommande år", "2020"))
    result = runner.invoke(app, ["render", "--all", "--strict", "--today", TODAY])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("missions/a.yaml:8:11: varning: uppdrag.period: uppdragsperioden 2020 har löpt ut")
    assert lines[1] == BROKEN_LINE
    assert lines[2].startswith("fel: a är inte färdigt (1 varning ovan) och --strict gör inga utkast")
    assert not (one_broken / "build").exists()


def test_render_of_named_networks_still_wants_each_of_them_right(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["render", "a", "trasig", "--today", TODAY])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        BROKEN_LINE,
        "fel: 2 nätverk och 3 delade filer: 1 fel, 0 varningar. Rätta felen först.",
    ]
    assert not (one_broken / "build").exists()


def test_site_has_every_healthy_network(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["site", "-o", "webb", "--today", TODAY])
    _ends_with_the_skipped_file(result)
    pages = sorted(p.name for p in (one_broken / "webb").iterdir())
    assert [p for p in pages if p.endswith((".html", ".pdf"))] == [
        "a.html",
        "a.pdf",
        "b.html",
        "b.pdf",
        "index.html",
        "mal.html",
        "moten-2026.html",
    ]
    assert "trasig" not in (one_broken / "webb/index.html").read_text()


def test_overview_lists_every_healthy_network(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["overview", "--format", "json", "--today", TODAY])
    _ends_with_the_skipped_file(result)
    assert [row["id"] for row in json.loads(result.stdout)] == ["a", "b"]


def test_overview_to_a_file_is_written_before_the_errors(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["overview", "--format", "csv", "-o", "natverk.csv", "--today", TODAY])
    _ends_with_the_skipped_file(result)
    assert result.stdout == "natverk.csv\n"
    rows = (one_broken / "natverk.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [row.split(";")[0] for row in rows[1:]] == ["a", "b"]


def test_report_goals_counts_every_healthy_network(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["report", "mål", "--format", "json", "--today", TODAY])
    _ends_with_the_skipped_file(result)
    report = json.loads(result.stdout)
    assert report["styrdokument"][0]["nätverk"] == ["a", "b"]
    assert report["uppdrag_utan_mål"] == [
        {"nätverk": "a", "text": "Ett uppdrag."},
        {"nätverk": "b", "text": "Ett uppdrag."},
    ]


def test_check_meetings_checks_every_healthy_network(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2026", "--format", "json"])
    _ends_with_the_skipped_file(result)
    assert [(c["network"], c["ok"]) for c in json.loads(result.stdout)["networks"]] == [("a", True), ("b", True)]


def test_check_meetings_of_named_networks_still_wants_each_of_them_right(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2026", "trasig", "--format", "json"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        BROKEN_LINE,
        "fel: 1 nätverk och 3 delade filer: 1 fel, 0 varningar. Rätta felen först.",
    ]


def test_new_is_not_stopped_by_another_networks_error(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["new", "fritids", "--namn", "Fritids", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "missions/fritids.yaml\n")
    assert "trasig" not in result.stderr
    assert (one_broken / "missions/fritids.yaml").read_text().startswith("# yaml-language-server")


def test_new_from_a_broken_network_names_its_errors(one_broken: Path, runner) -> None:
    result = runner.invoke(app, ["new", "trasig-2027", "--from", "trasig", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        BROKEN_LINE,
        "fel: 1 nätverk och 3 delade filer: 1 fel, 0 varningar. Rätta felen först.",
    ]
    assert not (one_broken / "missions/trasig-2027.yaml").exists()


def test_a_broken_shared_file_still_stops_everything(one_broken: Path, runner) -> None:
    (one_broken / "missions/trasig.yaml").unlink()
    (one_broken / "missions/_lov.yaml").write_text("läsår: [\n", encoding="utf-8")
    for command in (["render", "--all"], ["overview"], ["report", "mål"], ["check-meetings", "2026"], ["site"]):
        result = runner.invoke(app, command)
        assert (result.exit_code, result.stdout) == (1, ""), command
        assert result.stderr.splitlines() == [
            "missions/_lov.yaml:2:1: fel: ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)",
            "fel: 2 nätverk och 3 delade filer: 1 fel, 0 varningar. Rätta felen först.",
        ], command
    assert sorted(p.name for p in one_broken.iterdir()) == ["missions"]


def test_many_skipped_files_are_counted_in_the_closing_line(workspace: Path, runner) -> None:
    broken = {f"missions/t{n}.yaml": f"id: t{n}\nnamn: [\n" for n in range(4)}
    write_tree(workspace, {"missions/a.yaml": MINIMAL_MISSION.format(id="a"), **broken})
    result = runner.invoke(app, ["overview", "--format", "json", "--today", TODAY])
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.stderr.splitlines()[:-1]] == [
        f"missions/t{n}.yaml:3:1" for n in range(4)
    ]
    assert result.stderr.splitlines()[-1] == (
        "fel: 5 nätverk och 3 delade filer: 4 fel, 0 varningar. Hoppade över 4 nätverk; "
        "de andra nätverken är med. Rätta felen och kör igen."
    )


def test_a_skipped_file_is_still_an_input_that_no_output_replaces(one_broken: Path, runner) -> None:
    before = (one_broken / "missions/trasig.yaml").read_bytes()
    result = runner.invoke(app, ["overview", "--format", "csv", "-o", "missions/trasig.yaml", "--today", TODAY])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: 'missions/trasig.yaml' är en av verktygets egna indatafiler (missions/trasig.yaml); "
        "välj en annan utdatafil\n",
    )
    assert (one_broken / "missions/trasig.yaml").read_bytes() == before

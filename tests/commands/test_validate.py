"""uppdrag validate as a user meets it: exact output, streams, formats and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MISSION, TODAY, write_tree
from tests.support.missions import network_named
from uppdrag.cli import app


def test_shipped_missions_validate(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["validate", "--today", TODAY])
    assert result.exit_code == 0
    # KA's assignments were given for 2021, and four of the originals name no chair or secretary.
    unfilled = "angiven; skriv vem under rollen, t.ex. `personer: [{namn: Anna Andersson, kommun: Essunga}]`"
    assert result.stdout == (
        "missions/grundskola.yaml\n"
        f"  missions/grundskola.yaml:45:11: varning: roller[0]: ingen ordförande {unfilled}\n"
        f"  missions/grundskola.yaml:49:11: varning: roller[1]: ingen sekreterare {unfilled}\n"
        "\n"
        "missions/ka.yaml\n"
        "  missions/ka.yaml:27:11: varning: uppdrag.period: uppdragsperioden 2021 har löpt ut; "
        "börja nästa period med `uppdrag new ka-2027 --from ka`\n"
        f"  missions/ka.yaml:47:11: varning: roller[0]: ingen ordförande {unfilled}\n"
        f"  missions/ka.yaml:53:11: varning: roller[1]: ingen sekreterare {unfilled}\n"
        "\n"
        "missions/sarskola.yaml\n"
        f"  missions/sarskola.yaml:53:11: varning: roller[0]: ingen ordförande {unfilled}\n"
        f"  missions/sarskola.yaml:59:11: varning: roller[1]: ingen sekreterare {unfilled}\n"
        "\n"
        "missions/skis.yaml\n"
        f"  missions/skis.yaml:60:11: varning: roller[1]: ingen ordförande {unfilled}\n"
        f"  missions/skis.yaml:68:11: varning: roller[2]: ingen sekreterare {unfilled}\n"
        "\n"
        "5 nätverk och 3 delade filer: 0 fel, 9 varningar.\n"
    )


def test_strict_fails_on_warnings(shipped: Path, runner) -> None:
    assert runner.invoke(app, ["validate", "--strict", "--today", TODAY]).exit_code == 1


def test_single_file_is_checked_with_its_shared_files(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["validate", "missions/forskola.yaml", "--today", TODAY])
    assert result.exit_code == 0
    assert result.stdout == "1 nätverk och 3 delade filer: 0 fel, 0 varningar.\n"


def test_json_format(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n").replace("Testnätverket", "")})
    result = runner.invoke(app, ["validate", "--format", "json", "--today", TODAY])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["summary"] == {"files": 4, "errors": 1, "warnings": 0}
    assert report["findings"] == [
        {
            "file": "missions/n.yaml",
            "line": 2,
            "column": 6,
            "severity": "error",
            "code": "type",
            "key": "namn",
            "message": "måste vara en text, inte ingenting",
            "date": None,
        }
    ]


def test_github_format(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + "möten:\n  minst_per_år: 0\n"})
    result = runner.invoke(app, ["validate", "--format", "github", "--today", TODAY])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=missions/n.yaml,line=15,col=17,title=uppdrag range::möten.minst_per_år: måste vara minst 1, inte '0'",
        "1 nätverk och 3 delade filer: 1 fel, 0 varningar.",
    ]


def test_missing_path_is_a_usage_error(workspace: Path, runner) -> None:
    result = runner.invoke(app, ["validate", "finns-inte"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "fel: sökvägen 'finns-inte' finns inte\n"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("missions/forskol.yaml", "missions/forskola.yaml"),
        ("missions/ka.yml", "missions/ka.yaml"),
        ("mission", "missions"),
    ],
)
def test_a_mistyped_path_gets_the_nearest_that_exists(typed: str, meant: str, shipped: Path, runner) -> None:
    result = runner.invoke(app, ["validate", typed])
    assert result.exit_code == 2
    assert result.stderr == f"fel: sökvägen '{typed}' finns inte; menade du '{meant}'?\n"


def test_empty_folder_is_a_usage_error(tmp_path: Path, runner) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"fel: inga YAML-filer att kontrollera i {tmp_path}; uppdragsfilerna heter t.ex. forskola.yaml\n",
    )


def test_bad_today_is_a_usage_error(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["validate", "--today", "2026-13-01"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: --today: ogiltigt datum '2026-13-01'; skriv ÅÅÅÅ-MM-DD, t.ex. --today 2025-01-01\n",
    )


def test_one_bad_file_does_not_stop_the_others(workspace: Path, runner) -> None:
    write_tree(
        workspace,
        {
            "missions/a.yaml": b"\x00\x01binary",
            "missions/b.yaml": "id: b\nnamn: [\n",
            "missions/c.yaml": MINIMAL_MISSION.format(id="c").replace("kommande år", "2020"),
            "missions/d.yaml": MINIMAL_MISSION.format(id="d") + "möten:\n  veckodagar: [fredagg]\n",
        },
    )
    result = runner.invoke(app, ["validate", "--today", TODAY])
    assert result.exit_code == 1
    assert [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")] == [
        "missions/a.yaml:1:1: fel: filen är binär, inte en YAML-textfil",
        "missions/b.yaml:3:1: fel: ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)",
        "missions/c.yaml:8:11: varning: uppdrag.period: uppdragsperioden 2020 har löpt ut; "
        "börja nästa period med `uppdrag new c-2027 --from c`",
        "missions/d.yaml:15:16: fel: möten.veckodagar[0]: okänd veckodag 'fredagg' (menade du 'fredag'?)",
    ]
    assert result.stdout.endswith("4 nätverk och 3 delade filer: 3 fel, 1 varning.\n")


def test_validate_takes_the_folder_with_m(shipped: Path, runner) -> None:
    (shipped / "missions").rename(shipped / "uppdrag")
    result = runner.invoke(app, ["validate", "-m", "uppdrag", "--today", TODAY])
    assert result.exit_code == 0
    assert result.stdout.endswith("5 nätverk och 3 delade filer: 0 fel, 9 varningar.\n")


def test_escape_sequences_never_reach_the_terminal(workspace: Path, runner) -> None:
    """In data they are findings of their own; in a file name, which no schema checks, the
    console writes them out."""
    network_named(workspace, '"Förskola\\e[2J"')
    in_data = runner.invoke(app, ["validate"])
    assert in_data.exit_code == 1
    assert "missions/n.yaml:2:7: fel: namn: texten innehåller styrtecknet U+001B (ESC); ta bort det" in in_data.stdout
    (workspace / "missions" / "n.yaml").rename(workspace / "missions" / "n\x1b[2J.yaml")
    in_name = runner.invoke(app, ["validate"])
    assert "\x1b" not in in_name.stdout + in_name.stderr
    assert "missions/n\\x1b[2J.yaml" in in_name.stdout


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


def test_validate_refuses_a_named_file_that_is_not_yaml(workspace: Path, runner) -> None:
    write_tree(workspace, {"x.png": b"\x89PNG\r\n", "missions/n.yaml": MINIMAL_MISSION.format(id="n")})
    alone = runner.invoke(app, ["validate", "x.png", "--today", TODAY])
    assert (alone.exit_code, alone.stdout) == (
        1,
        "x.png\n  x.png:1:1: fel: inte en YAML-fil; uppdragsfilerna slutar på .yaml eller .yml\n\n"
        "0 nätverk: 1 fel, 0 varningar.\n",
    )
    beside = runner.invoke(app, ["validate", "x.png", "missions/n.yaml", "--today", TODAY])
    assert beside.exit_code == 1
    assert beside.stdout.endswith("1 nätverk och 3 delade filer: 1 fel, 0 varningar.\n")


@pytest.mark.parametrize("name", ["organisation.yaml", "styrdokument.yaml", "bakgrund.yml", "Lov.yaml"])


def test_a_shared_file_named_without_its_underscore_is_pointed_out(workspace: Path, runner, name: str) -> None:
    write_tree(workspace, {f"missions/{name}": "lov: []\n", "missions/n.yaml": MINIMAL_MISSION.format(id="n")})
    result = runner.invoke(app, ["validate", "--today", TODAY])
    assert result.exit_code == 1
    assert result.stdout == (
        f"missions/{name}\n"
        f"  missions/{name}:1:1: fel: ser ut som en delad fil utan _ först; menade du _{name}? "
        "(de delade filerna börjar med _)\n\n"
        "2 nätverk och 3 delade filer: 1 fel, 0 varningar.\n"
    )


IMPORTED = MINIMAL_MISSION.format(id="n").replace(
    "namn: Testnätverket\n", "# KONTROLLERA: namnet stod bara i sidhuvudet\nnamn: Testnätverket\n"
).replace("    ansvar: [Leder möten.]\n", "    # KONTROLLERA: dokumentet säger inte vad rollen ansvarar för\n    ansvar: [Leder möten.]\n")


def test_kontrollera_comments_are_warnings_until_removed(workspace: Path, runner) -> None:
    long = "texten 'Nätverket träffas ibland' (stycke 12) har ingen plats i filen " + "och fortsätter " * 10
    marked = IMPORTED + f"# KONTROLLERA (uppdrag): {long}\n"
    write_tree(workspace, {"missions/n.yaml": marked})
    result = runner.invoke(app, ["validate", "--today", TODAY])
    assert result.exit_code == 0
    assert result.stdout == (
        "missions/n.yaml\n"
        "  missions/n.yaml:2:1: varning: märkt KONTROLLERA: 'namnet stod bara i sidhuvudet'; "
        "se efter att det stämmer och ta sedan bort kommentaren\n"
        "  missions/n.yaml:14:5: varning: märkt KONTROLLERA: 'dokumentet säger inte vad rollen ansvarar för'; "
        "se efter att det stämmer och ta sedan bort kommentaren\n"
        "  missions/n.yaml:16:1: varning: märkt KONTROLLERA: '(uppdrag): texten 'Nätverket träffas ibland' "
        "(stycke 12) har ingen plats i filen och fortsätter och…'; "
        "se efter att det stämmer och ta sedan bort kommentaren\n"
        "\n"
        "1 nätverk och 3 delade filer: 0 fel, 3 varningar.\n"
    )
    assert runner.invoke(app, ["validate", "--strict", "--today", TODAY]).exit_code == 1
    report = json.loads(runner.invoke(app, ["validate", "--format", "json", "--today", TODAY]).stdout)
    assert {(f["line"], f["column"], f["code"]) for f in report["findings"]} == {
        (2, 1, "unchecked-import"), (14, 5, "unchecked-import"), (16, 1, "unchecked-import"),
    }  # fmt: skip

    (workspace / "missions/n.yaml").write_text(marked.replace("# KONTROLLERA", "# Kontrollerat"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--strict", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "1 nätverk och 3 delade filer: 0 fel, 0 varningar.\n")

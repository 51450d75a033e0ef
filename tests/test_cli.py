"""The command line as a user meets it: exact output, streams and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from uppdrag import cli
from uppdrag.cli import app

from .conftest import MINIMAL_MISSION, TODAY, packages_loaded, write_tree


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


def test_internal_error_is_one_line_and_exit_3(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("det här ska inte hända\nandra raden")

    monkeypatch.setattr("uppdrag.check.validation.validate_paths", broken)
    monkeypatch.setattr(sys, "argv", ["uppdrag", "validate"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    assert capsys.readouterr().err == (
        "internt fel: RuntimeError: det här ska inte hända (kör med --debug för detaljer)\n"
    )


def test_version(runner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, "uppdrag 0.1.0\n")


def _installed_uppdrag() -> str:
    return str(Path(sys.executable).parent / "uppdrag")


def test_installed_command_in_a_real_subprocess(shipped: Path) -> None:
    write_tree(shipped, {"missions/trasig.yaml": "id: trasig\nnamn: [\n"})
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [_installed_uppdrag(), "validate", "--today", TODAY], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 1
    assert (
        "missions/trasig.yaml:3:1: fel: ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)\n"
        in proc.stdout
    )
    assert proc.stdout.endswith("6 nätverk och 3 delade filer: 1 fel, 9 varningar.\n")
    assert proc.stderr == ""


def test_python_dash_m(shipped: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "uppdrag", "validate", "--today", TODAY], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("argv", [["--help"], ["validate", "--help"], ["validate", "missions"]])
def test_heavy_modules_are_not_imported(argv: list[str]) -> None:
    heavy = {"weasyprint", "jinja2", "docx", "pdfplumber", "pdfminer", "rapidfuzz"}
    assert packages_loaded(argv) & heavy == set()


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


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["render", "forskola"],
        ["site"],
        ["diff", "forskola"],
        ["check-meetings", "2024"],
        ["plan-meetings", "forskola", "2027"],
        ["calendar", "forskola"],
        ["new", "fritidshem", "--namn", "Fritidshem"],
        ["overview"],
        ["report", "mål"],
    ],
)
def test_no_missions_folder_says_where_it_looked_and_what_to_do(
    argv: list[str], tmp_path: Path, runner, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, argv)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"fel: hittar ingen mapp 'missions' (letade efter {tmp_path / 'missions'}); gå till projektmappen "
        "med `cd`, ange mappen med `-m MAPP` eller skapa en ny arbetsyta med `uppdrag init`\n"
    )


def test_validate_takes_the_folder_with_m(shipped: Path, runner) -> None:
    (shipped / "missions").rename(shipped / "uppdrag")
    result = runner.invoke(app, ["validate", "-m", "uppdrag", "--today", TODAY])
    assert result.exit_code == 0
    assert result.stdout.endswith("5 nätverk och 3 delade filer: 0 fel, 9 varningar.\n")


def test_a_refusing_command_shows_the_warnings_beside_the_errors(workspace: Path, runner) -> None:
    write_tree(
        workspace,
        {
            "missions/n.yaml": MINIMAL_MISSION.format(id="n").replace("kommande år", "2020"),
            "missions/m.yaml": MINIMAL_MISSION.format(id="m").replace("kommande år", "2021")
            + "möten:\n  träffar:\n    - 2025-02-07\n",
        },
    )
    result = runner.invoke(app, ["render", "n", "m"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "missions/m.yaml:16:7: fel: möten.träffar[0]: skriv varje möte som `- datum: 2025-02-07`",
        "fel: 2 nätverk och 3 delade filer: 1 fel, 1 varning. Rätta felen först; uppdrag validate visar också "
        "varningarna.",
    ]


def test_ctrl_c_says_avbrutet_and_exits_130(shipped: Path, runner, monkeypatch: pytest.MonkeyPatch) -> None:
    from uppdrag.check import validation

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validation, "validate_paths", interrupted)
    result = runner.invoke(app, ["validate"])
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "avbrutet\n")


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

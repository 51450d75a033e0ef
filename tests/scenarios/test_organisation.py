"""A workspace's organisation (missions/_organisation.yaml): read first, and everything that
names municipalities judges by it; without it, Skaraborg's as always."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import MINIMAL_MISSION, MISSIONS, REPO, TODAY, write_tree
from uppdrag.cli import app
from uppdrag.models import SKARABORG
from uppdrag.read.loading import load_workspace

FYRBODAL = [
    "Bengtsfors", "Dals-Ed", "Färgelanda", "Lysekil", "Mellerud", "Munkedal", "Orust",
    "Sotenäs", "Strömstad", "Tanum", "Trollhättan", "Uddevalla", "Vänersborg", "Åmål",
]  # fmt: skip
ORGANISATION = "organisation:\n  namn: Utbildning Fyrbodal\n  kommuner: [" + ", ".join(FYRBODAL) + "]\n"
PEOPLE = "    personer:\n      - {{namn: Anna Andersson, kommun: {}}}\n"


def _mission(municipality: str) -> str:
    return MINIMAL_MISSION.format(id="n") + PEOPLE.format(municipality)


def _validate(runner: CliRunner) -> tuple[int, list[str]]:
    """The exit code, and each finding and the summary (without the lines naming each file)."""
    result = runner.invoke(app, ["validate", "--today", TODAY])
    lines = [line.strip() for line in result.output.splitlines()]
    return result.exit_code, [
        line for line in lines if ": fel: " in line or ": varning: " in line or "nätverk och" in line
    ]


def test_without_the_file_skaraborg_holds(workspace: Path, runner: CliRunner) -> None:
    write_tree(workspace, {"missions/n.yaml": _mission("Uddevalla")})
    code, lines = _validate(runner)
    assert code == 1
    assert lines[0].startswith(
        "missions/n.yaml:15:40: fel: roller[0].personer[0].kommun: okänd kommun 'Uddevalla'; tillåtna: Essunga, Falköping,"
    )


def test_the_organisations_municipalities_are_the_ones_accepted(workspace: Path, runner: CliRunner) -> None:
    write_tree(workspace, {"missions/_organisation.yaml": ORGANISATION, "missions/n.yaml": _mission("Uddevalla")})
    assert _validate(runner) == (0, ["1 nätverk och 4 delade filer: 0 fel, 0 varningar."])
    write_tree(workspace, {"missions/n.yaml": _mission("Udevalla")})
    code, lines = _validate(runner)
    assert code == 1
    assert lines[:2] == [
        "missions/_organisation.yaml:3:123: varning: organisation.kommuner[11]: kommunen 'Uddevalla' liknar "
        "'Udevalla' i missions/n.yaml:15:40; är det här den är felstavad, rätta den här",
        "missions/n.yaml:15:40: fel: roller[0].personer[0].kommun: okänd kommun 'Udevalla' (menade du 'Uddevalla'? "
        "så står den i organisationens lista, missions/_organisation.yaml:3:123)",
    ]
    write_tree(workspace, {"missions/n.yaml": _mission("Skövde")})
    code, lines = _validate(runner)
    assert lines[0] == (
        "missions/n.yaml:15:40: fel: roller[0].personer[0].kommun: okänd kommun 'Skövde'; tillåtna: "
        + ", ".join(FYRBODAL)
    )


def test_a_misspelling_in_the_organisation_is_pointed_out_where_it_is_written(workspace: Path, runner) -> None:
    """'Skövd' in _organisation.yaml, 'Skövde' in the networks: the organisation's line is named,
    once for each file that writes the other spelling, and no file is told of a municipality
    that is not close to any."""
    organisation = "organisation:\n  namn: Utbildning Skaraborg\n  kommuner:\n    - Hjo\n    - Skövd\n"
    write_tree(
        workspace,
        {
            "missions/_organisation.yaml": organisation,
            "missions/a.yaml": MINIMAL_MISSION.format(id="a") + PEOPLE.format("Skövde"),
            "missions/b.yaml": MINIMAL_MISSION.format(id="b") + PEOPLE.format("Uddevalla"),
        },
    )
    code, lines = _validate(runner)
    assert code == 1
    assert lines == [
        "missions/_organisation.yaml:5:7: varning: organisation.kommuner[1]: kommunen 'Skövd' liknar 'Skövde' i "
        "missions/a.yaml:15:40; är det här den är felstavad, rätta den här",
        "missions/a.yaml:15:40: fel: roller[0].personer[0].kommun: okänd kommun 'Skövde' (menade du 'Skövd'? så "
        "står den i organisationens lista, missions/_organisation.yaml:5:7)",
        "missions/b.yaml:15:40: fel: roller[0].personer[0].kommun: okänd kommun 'Uddevalla'; tillåtna: Hjo, Skövd",
        "2 nätverk och 4 delade filer: 2 fel, 1 varning.",
    ]


def test_the_organisation_is_read_before_the_files_that_name_municipalities(workspace: Path) -> None:
    """_lov.yaml sorts before _organisation.yaml, and its `kommun:` is still judged by it."""
    lov = "lov:\n  - {namn: sportlov, vecka: 8, kommun: Uddevalla}\n"
    write_tree(workspace, {"missions/_organisation.yaml": ORGANISATION, "missions/_lov.yaml": lov})
    loaded, findings = load_workspace(Path("missions"))
    assert findings == []
    assert loaded.organisation.name == "Utbildning Fyrbodal"
    assert loaded.files[0] == Path("missions/_organisation.yaml")


def test_a_broken_organisation_is_reported_and_judges_no_municipality(workspace: Path, runner: CliRunner) -> None:
    write_tree(
        workspace,
        {
            "missions/_organisation.yaml": "organisation:\n  namn: Utbildning Fyrbodal\n",
            "missions/n.yaml": _mission("Uddevalla"),
        },
    )
    code, lines = _validate(runner)
    assert code == 1
    assert lines[:2] == [
        "missions/_organisation.yaml:2:3: fel: organisation.kommuner: nyckeln 'kommuner' saknas",
        "1 nätverk och 4 delade filer: 1 fel, 0 varningar.",
    ]


def test_the_organisation_belongs_in_its_own_file(workspace: Path, runner: CliRunner) -> None:
    write_tree(workspace, {"missions/_extra.yaml": ORGANISATION})
    code, lines = _validate(runner)
    assert code == 1
    assert lines[0] == ("missions/_extra.yaml:2:3: fel: organisationen hör hemma i _organisation.yaml; flytta den dit")


def test_the_organisations_email_is_checked_as_a_missions_is(workspace: Path, runner: CliRunner) -> None:
    write_tree(workspace, {"missions/_organisation.yaml": ORGANISATION + "  e-post: utbildning.fyrbodal\n"})
    code, lines = _validate(runner)
    assert (code, lines[0]) == (
        1,
        "missions/_organisation.yaml:4:11: fel: organisation.e-post: ogiltigt värde 'utbildning.fyrbodal': "
        "skriv en e-postadress, t.ex. anna.andersson@exempel.se",
    )


def test_validate_warns_when_a_schema_is_older_than_the_organisation(workspace: Path, runner: CliRunner) -> None:
    write_tree(workspace, {"missions/_organisation.yaml": ORGANISATION})
    Path("schemas").mkdir()
    for args, name in ((["schema"], "uppdrag"), (["schema", "--shared"], "delad")):
        assert runner.invoke(app, [*args, "-o", f"schemas/{name}.schema.json"]).exit_code == 0
    assert _validate(runner) == (0, ["0 nätverk och 4 delade filer: 0 fel, 0 varningar."])

    # The same schema, merely older (a fresh checkout): nothing to say.
    past = os.stat("missions/_organisation.yaml").st_mtime - 100
    for name in ("uppdrag", "delad"):
        os.utime(f"schemas/{name}.schema.json", (past, past))
    assert _validate(runner)[1][-1] == "0 nätverk och 4 delade filer: 0 fel, 0 varningar."

    # A municipality more: the older schemas do not know it.
    Path("missions/_organisation.yaml").write_text(ORGANISATION.replace("Åmål]", "Åmål, Ale]"), encoding="utf-8")
    for name in ("uppdrag", "delad"):
        os.utime(f"schemas/{name}.schema.json", (past, past))
    code, lines = _validate(runner)
    assert code == 0
    assert lines == [
        "schemas/delad.schema.json:1:1: varning: schemat är äldre än missions/_organisation.yaml och stämmer inte "
        "med organisationen; skriv om det med `uppdrag schema --shared -o schemas/delad.schema.json`",
        "schemas/uppdrag.schema.json:1:1: varning: schemat är äldre än missions/_organisation.yaml och stämmer inte "
        "med organisationen; skriv om det med `uppdrag schema -o schemas/uppdrag.schema.json`",
        "0 nätverk och 4 delade filer: 0 fel, 2 varningar.",
    ]
    # Written again as the warning says: quiet.
    assert runner.invoke(app, ["schema", "-o", "schemas/uppdrag.schema.json"]).exit_code == 0
    assert runner.invoke(app, ["schema", "--shared", "-o", "schemas/delad.schema.json"]).exit_code == 0
    assert _validate(runner)[1] == ["0 nätverk och 4 delade filer: 0 fel, 0 varningar."]


ORGANISATION_VARIANTS = {
    # name: (the organisation mapping's lines, whether it is valid)
    "full": (
        "  namn: A\n  kommuner: [Orust]\n  förbund: F\n  webbplats: a.se\n  e-post: a@a.se\n  sidhuvud: S\n",
        True,
    ),
    "minimal": ("  namn: A\n  kommuner: [Orust, Tanum]\n", True),
    "no-name": ("  kommuner: [Orust]\n", False),
    "blank-name": ('  namn: " "\n  kommuner: [Orust]\n', False),
    "no-municipalities": ("  namn: A\n", False),
    "empty-municipalities": ("  namn: A\n  kommuner: []\n", False),
    "repeated-municipality": ("  namn: A\n  kommuner: [Orust, Orust]\n", False),
    "number-municipality": ("  namn: A\n  kommuner: [Orust, 7]\n", False),
    "one-municipality-as-text": ("  namn: A\n  kommuner: Orust\n", False),
    "unknown-key": ("  namn: A\n  kommuner: [Orust]\n  logga: a.png\n", False),
    "empty-email": ('  namn: A\n  kommuner: [Orust]\n  e-post: ""\n', False),
    "not-an-email": ("  namn: A\n  kommuner: [Orust]\n  e-post: utbildning\n", False),
    "email-with-space": ("  namn: A\n  kommuner: [Orust]\n  e-post: a b@a.se\n", False),
}


def test_schema_and_validate_agree_on_organisation_files(tmp_path: Path, runner: CliRunner, monkeypatch) -> None:
    """check-jsonschema with the shipped delad.schema.json and validate give one verdict on each
    _organisation.yaml (a repeat in another case, 'Orust' and 'orust', only validate can see)."""
    checker = str(Path(sys.executable).parent / "check-jsonschema")
    schema = str(REPO / "schemas" / "delad.schema.json")
    verdicts = {}
    for name, (lines, _) in ORGANISATION_VARIANTS.items():
        folder = tmp_path / name
        write_tree(folder, {"missions/_organisation.yaml": "organisation:\n" + lines})
        monkeypatch.chdir(folder)
        by_schema = subprocess.run(
            [checker, "--schemafile", schema, "missions/_organisation.yaml"], capture_output=True, timeout=120
        ).returncode
        by_validate = runner.invoke(app, ["validate", "--today", TODAY]).exit_code
        verdicts[name] = (by_schema == 0, by_validate == 0)
    assert verdicts == {name: (valid, valid) for name, (_, valid) in ORGANISATION_VARIANTS.items()}


def test_a_file_with_thousands_of_unknown_names_gets_a_bounded_answer(workspace: Path, runner) -> None:
    names = ", ".join(f"Ort{n}" for n in range(5000))
    text = (MISSIONS / "forskola.yaml").read_text(encoding="utf-8")
    text = text.replace("  veckodagar: [fredag]\n", f"  veckodagar: [fredag]\n  träffar:\n    - datum: 2027-02-05\n      närvarande: [{names}]\n", 1)
    (workspace / "missions" / "forskola.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "missions", "--today", "2026-11-22"])
    lines = [line.strip() for line in result.stdout.splitlines() if line.startswith("  missions/forskola.yaml")]
    assert result.exit_code == 1
    assert len(lines) == 201
    assert lines[-1].endswith("fel: och 4800 fel till i filen; rätta felen ovan först och kör igen")
    assert lines[-2].endswith("okänd kommun 'Ort199'; tillåtna: " + ", ".join(SKARABORG.municipalities))


def test_an_organisation_has_at_most_the_municipalities_of_sweden(workspace: Path, runner) -> None:
    many = ", ".join(f"Kommun{n}" for n in range(291))
    (workspace / "missions" / "_organisation.yaml").write_text(
        f"organisation:\n  namn: Alla\n  kommuner: [{many}]\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["validate", "missions"])
    assert result.exit_code == 1
    assert "missions/_organisation.yaml:3:13: fel: organisation.kommuner: " in result.stdout

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import MISSIONS, TODAY
from tests.support.links import link_refusal
from uppdrag.check.validation import validate_paths
from uppdrag.cli import app
from uppdrag.models import make_id, next_period


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Förskola", "forskola"),
        ("Särskolan", "sarskolan"),
        ("Skolutveckling i Skaraborg", "skolutveckling-i-skaraborg"),
        ("KA", "ka"),
    ],
)
def test_make_id(text: str, expected: str) -> None:
    assert make_id(text) == expected


def test_new_from_the_standard_validates_with_placeholder_warnings(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["new", "Fritidshem", "--namn", "Fritidshem", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "missions/fritidshem.yaml\n"
    assert result.stderr == (
        "id: fritidshem\n"
        "period: 2023–2026\n"
        "missions/fritidshem.yaml:10:7: varning: syfte.text[0]: fyll i vad nätverket fokuserar på och varför\n"
        "missions/fritidshem.yaml:17:11: varning: uppdrag.grupper[0].punkter[0]: fyll i ett uppdrag från skolchefsnätverket\n"
        "missions/fritidshem.yaml:28:11: varning: roller[2]: ingen ordförande angiven; skriv vem under rollen, "
        "t.ex. `personer: [{namn: Anna Andersson, kommun: Essunga}]`\n"
        "missions/fritidshem.yaml:34:11: varning: roller[3]: ingen sekreterare angiven; skriv vem under rollen, "
        "t.ex. `personer: [{namn: Anna Andersson, kommun: Essunga}]`\n"
    )
    text = (shipped / "missions/fritidshem.yaml").read_text(encoding="utf-8")
    assert "styrdokument: strategi-2023-2026\nbakgrund: strategi-2023-2026\n" in text  # the newest
    assert "  - roll: sekreterare\n" in text and "  minst_per_år: 4\n" in text
    result = validate_paths([Path("missions")], dt.date(2026, 11, 22))
    assert result.errors == 0


def test_the_commented_own_role_and_members_validate_once_uncommented(shipped: Path, runner) -> None:
    assert runner.invoke(app, ["new", "fritidshem", "--namn", "Fritidshem"]).exit_code == 0
    path = shipped / "missions/fritidshem.yaml"
    text = path.read_text(encoding="utf-8")
    for line in (
        "  # - roll: sammankallande",
        "  #   ansvar: [Kallar till möten och leder dem.]",
        "  #   personer: [{namn: Förnamn Efternamn, kommun: Essunga, titel: rektor, e-post: namn@exempel.se}]",
        "# medlemmar:",
        "#   - {namn: Förnamn Efternamn, kommun: Essunga}",
    ):
        assert f"\n{line}\n" in text, line
        text = text.replace(f"\n{line}\n", "\n" + line.replace("# ", "", 1) + "\n", 1)
    text = text.replace("  minst_per_år: 4\n", "  minst_per_läsår: 4\n  minst_per_termin: 2\n")
    text = text.replace("  veckodagar: [fredag]\n", "  veckodagar: [måndag, tisdag]\n  företrädesvis: true\n")
    path.write_text(text, encoding="utf-8")
    result = validate_paths([Path("missions")], dt.date(2026, 11, 22))
    assert result.errors == 0, result.findings
    rendered = runner.invoke(app, ["render", "fritidshem", "-o", "-", "--today", "2026-11-22"]).stdout
    assert "### Sammankallande\n\nKallar till möten och leder dem.\n\n- Förnamn Efternamn, rektor, Essunga, namn\\@exempel.se\n" in rendered
    assert "## Nätverkets medlemmar\n\n| Namn | Kommun |\n| --- | --- |\n| Förnamn Efternamn | Essunga |\n" in rendered
    assert "Minst 2 möten per termin och minst 4 per läsår, företrädesvis på måndagar eller tisdagar." in rendered


def test_new_with_named_steering_document(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["new", "vux", "--namn", "Vuxenutbildning", "--styrdokument", "maldokument"])
    assert result.exit_code == 0
    text = (shipped / "missions/vux.yaml").read_text(encoding="utf-8")
    assert "styrdokument: maldokument\nbakgrund: maldokument\n" in text
    assert 'period: "kommande år"' in text


def test_new_refuses_to_overwrite(shipped: Path, runner) -> None:
    before = (shipped / "missions/ka.yaml").read_bytes()
    result = runner.invoke(app, ["new", "ka", "--namn", "Annat"])
    assert (result.exit_code, result.stderr) == (2, "fel: missions/ka.yaml finns redan; välj ett annat id\n")
    assert (shipped / "missions/ka.yaml").read_bytes() == before


@pytest.mark.parametrize(("typed", "shown"), [("a\nb", "a\\u000ab"), ("\tfritids", "\\u0009fritids"), ("a\u2028b", "a\\u2028b")])
def test_new_refuses_an_id_with_a_control_character(shipped: Path, runner, typed: str, shown: str) -> None:
    before = sorted(p.name for p in (shipped / "missions").iterdir())
    result = runner.invoke(app, ["new", typed, "--namn", "Fritids"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"fel: ogiltigt id '{shown}': det innehåller styrtecken (som en radbrytning eller tabb); "
        "använd små bokstäver a–z, siffror och bindestreck\n",
    )
    assert sorted(p.name for p in (shipped / "missions").iterdir()) == before  # no a-b.yaml, no ab.yaml


def test_new_refuses_unknown_steering_document(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["new", "x", "--namn", "X", "--styrdokument", "strategi-2099"])
    assert result.exit_code == 2
    assert result.stderr == "fel: okänt styrdokument 'strategi-2099'; kända: maldokument, strategi-2023-2026\n"
    assert not (shipped / "missions/x.yaml").exists()


def test_new_needs_a_name(shipped: Path, runner) -> None:
    assert runner.invoke(app, ["new", "x"]).stderr == (
        'fel: ange nätverkets namn: `uppdrag new x --namn "X"`, eller börja från ett befintligt '
        "nätverk: `uppdrag new x --from ID`\n"
    )


def test_roll_over_from_an_existing_network(shipped: Path, runner) -> None:
    source = (shipped / "missions/forskola.yaml").read_text(encoding="utf-8")
    source = source.replace(
        "  minnesanteckningar: Minnes", "  träffar:\n    - datum: 2026-02-06\n  minnesanteckningar: Minnes"
    )
    (shipped / "missions/forskola.yaml").write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["new", "forskola-2027", "--from", "forskola"])
    assert result.exit_code == 0, result.output
    new = (shipped / "missions/forskola-2027.yaml").read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    expected = (
        source.replace("id: forskola\n", "id: forskola-2027\n")
        .replace("bakgrund: strategi-2023-2026\n", f"bakgrund: strategi-2023-2026\nreviderad: {today}\n")
        .replace("period: 2023–2026", "period: 2027–2030")
        .replace("  träffar:\n    - datum: 2026-02-06\n", "")
    )
    assert new == expected


def test_new_leaves_commented_people_and_meetings_to_fill_in(shipped: Path, runner) -> None:
    # On the day validate is asked for below: in December the period would be next year's alone,
    # which the steering document's 2023–2026 no longer covers (a warning of its own).
    assert runner.invoke(app, ["new", "fritidshem", "--namn", "Fritidshem", "--today", TODAY]).exit_code == 0
    path = shipped / "missions/fritidshem.yaml"
    text = path.read_text(encoding="utf-8")
    next_year = dt.date.fromisoformat(TODAY).year + 1
    assert (
        "    # FYLL I ordförandens namn och kommun, och ta bort # före raderna:\n"
        "    # personer:\n"
        "    #   - {namn: Förnamn Efternamn, kommun: Essunga}\n"
    ) in text
    assert "    # FYLL I sekreterarens namn och kommun, och ta bort # före raderna:\n" in text
    assert text.endswith(
        f"  # Mötena, när de är bestämda (eller: uppdrag plan-meetings fritidshem {next_year} --write):\n"
        "  # träffar:\n"
        f"  #   - datum: {next_year}-02-05\n"
        '  #     start: "09:00"\n'
        '  #     slut: "12:00"\n'
        "  #     plats: Essunga\n"
    )
    # Taking away the # as the comment says gives a valid file without the role warnings.
    path.write_text(text.replace("    # personer:", "    personer:").replace("    #   - {", "      - {")
                    .replace("  # träffar:", "  träffar:").replace("  #   - datum", "    - datum")
                    .replace('  #     ', "      "), encoding="utf-8")  # fmt: skip
    result = validate_paths([path], dt.date.fromisoformat(TODAY))
    assert result.errors == 0
    assert [f.code for f in result.findings] == ["placeholder", "placeholder"]


@pytest.mark.parametrize(
    "period, today, expected",
    [
        ("2023–2026", dt.date(2026, 11, 22), "2027–2030"),
        ("2026", dt.date(2026, 11, 22), "2027"),
        ("2025", dt.date(2026, 11, 22), "2026"),  # still this year's to revise
        ("2021", dt.date(2026, 11, 22), "2027"),  # long over: next year, as validate suggests ka-2027
        ("2019–2020", dt.date(2026, 11, 22), "2027–2028"),
        ("kommande år", dt.date(2026, 11, 22), "kommande år"),
    ],
)
def test_next_period(period: str, today: dt.date, expected: str) -> None:
    assert next_period(period, today) == expected


def test_the_suggested_command_for_an_ended_period_makes_a_current_file(shipped: Path, runner) -> None:
    findings = validate_paths([Path("missions/ka.yaml")], dt.date.today()).findings
    [ended] = [f for f in findings if f.code == "period-ended"]
    command = ended.message.split("`")[1].split()
    assert command == ["uppdrag", "new", f"ka-{dt.date.today().year + 1}", "--from", "ka"]
    assert runner.invoke(app, command[1:]).exit_code == 0
    after = validate_paths([Path(f"missions/ka-{dt.date.today().year + 1}.yaml")], dt.date.today()).findings
    assert [f.code for f in after if f.code.startswith("period")] == []


def test_roll_over_keeps_the_own_background_with_its_shared_text(shipped: Path, runner) -> None:
    path = shipped / "missions/forskola.yaml"
    own = "bakgrund_egen:\n  stycken:\n    - Vår egen bakgrund.\n    - mållista: strategi-2023-2026\n"
    source = path.read_text(encoding="utf-8").replace(
        "bakgrund: strategi-2023-2026\n", "bakgrund: strategi-2023-2026\n" + own
    )
    path.write_text(source, encoding="utf-8")
    assert runner.invoke(app, ["new", "forskola-2027", "--from", "forskola"]).exit_code == 0
    new = (shipped / "missions/forskola-2027.yaml").read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    assert new == (
        source.replace("id: forskola\n", "id: forskola-2027\n")
        .replace(own, f"{own}reviderad: {today}\n")  # the blank line and comment after it stay below
        .replace("period: 2023–2026", "period: 2027–2030")
    )


def test_new_never_writes_into_a_missions_folder_linked_out_of_the_workspace(
    tmp_path: Path, runner, monkeypatch
) -> None:
    from uppdrag.cli import app

    elsewhere = tmp_path / "annan-plats" / "missions"
    shutil.copytree(MISSIONS, elsewhere)
    workspace = tmp_path / "arbetsyta"
    workspace.mkdir()
    (workspace / "missions").symlink_to(elsewhere)
    monkeypatch.chdir(workspace)
    result = runner.invoke(app, ["new", "fritidshem", "--namn", "Fritidshem", "--today", "2026-11-22"])
    assert result.exit_code == 2
    assert (
        result.stderr == "fel: " + link_refusal("missions/fritidshem.yaml", elsewhere / "fritidshem.yaml", workspace) + "\n"
    )
    assert not (elsewhere / "fritidshem.yaml").exists()
    direct = runner.invoke(
        app, ["new", "fritidshem", "--namn", "Fritidshem", "-m", str(elsewhere), "--today", "2026-11-22"]
    )
    assert direct.exit_code == 0, direct.output  # the real folder named with -m is its own workspace
    assert (elsewhere / "fritidshem.yaml").is_file()


@pytest.mark.parametrize(
    ("today", "period"),
    [
        ("2026-11-30", "2023–2026"),  # the steering document's, for the rest of its last year
        ("2026-12-01", "2027"),  # in December the network starts next year: not a period ending in weeks
        ("2027-03-01", "2027"),  # the document has ended: this year
        ("2025-12-15", "2023–2026"),  # the document runs through next year
    ],
)
def test_the_standard_period_is_the_coming_one_and_is_shown(shipped: Path, runner, today: str, period: str) -> None:
    result = runner.invoke(app, ["new", "fritidshem", "--namn", "Fritidshem", "--today", today])
    assert result.exit_code == 0
    assert result.stdout == "missions/fritidshem.yaml\n"
    assert result.stderr.splitlines()[0] == f"period: {period}"
    text = (shipped / "missions/fritidshem.yaml").read_text(encoding="utf-8")
    assert f'  period: "{period}"\n' in text


def test_roll_over_carries_the_meetings_planned_in_the_new_period(shipped: Path, runner) -> None:
    path = shipped / "missions/forskola.yaml"
    meetings = (
        "  träffar:\n"
        "    - datum: 2026-10-02\n"  # held: stays behind
        "    - datum: 2026-12-11\n"  # planned, but in the old period
        "    - datum: 2027-02-05\n"
        '      start: "09:00"\n'
        "      plats: Skövde\n"
        "    - datum: 2027-04-09\n"
    )
    source = path.read_text(encoding="utf-8").replace("  minnesanteckningar: Minnes", meetings + "  minnesanteckningar: Minnes")
    path.write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["new", "forskola-2027", "--from", "forskola", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "period: 2027–2030\n"
        "2 planerade möten följer med: 2027-02-05 och 2027-04-09\n"
        "missions/forskola-2027.yaml:29:11: varning: uppdrag.period: perioden 2027–2030 ligger utanför "
        "styrdokumentet strategi-2023-2026 (2023–2026); ange styrdokumentet som gäller för perioden under "
        "`styrdokument:`\n"
    )
    new = (shipped / "missions/forskola-2027.yaml").read_text(encoding="utf-8")
    assert new.endswith(
        "  träffar:\n"
        "    - datum: 2027-02-05\n"
        '      start: "09:00"\n'
        "      plats: Skövde\n"
        "    - datum: 2027-04-09\n"
        "  minnesanteckningar: Minnesanteckningar ska föras och läggas ut på utbildningskaraborg.se.\n"
    )


def test_one_carried_meeting_is_told_in_the_singular(shipped: Path, runner) -> None:
    path = shipped / "missions/ka.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  träffar:" not in text
    path.write_text(text + "  träffar:\n    - datum: 2027-03-05\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "ka-2027", "--from", "ka", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("period: 2027\n1 planerat möte följer med: 2027-03-05\nmissions/ka-2027.yaml:48:11: ")
    assert (shipped / "missions/ka-2027.yaml").read_text(encoding="utf-8").endswith(
        "  minst_per_år: 5\n  träffar:\n    - datum: 2027-03-05\n"
    )

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MISSION, write_tree
from uppdrag.check.rules import duplicate_ids, placeholder_message
from uppdrag.check.validation import validate_paths
from uppdrag.findings import Location

D2026 = dt.date(2026, 1, 1)


def _messages(folder: Path, today: dt.date) -> list[tuple[str, str, str]]:
    result = validate_paths([folder], today)
    return [(str(f.location), f.severity.swedish, f.message) for f in result.findings]


def test_revision_older_than_a_year_warns(workspace: Path) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + "reviderad: 2025-11-21\n"})
    assert _messages(Path("missions"), dt.date(2026, 11, 22)) == [
        (
            "missions/n.yaml:14:12",
            "varning",
            "senast reviderad 2025-11-21, mer än ett år sedan; dags för den årliga revideringen",
        )
    ]
    assert _messages(Path("missions"), dt.date(2026, 11, 21)) == []


def test_revision_before_adoption_is_an_error(workspace: Path) -> None:
    text = MINIMAL_MISSION.format(id="n") + "antagen: 2026-05-01\nreviderad: 2026-04-01\n"
    write_tree(workspace, {"missions/n.yaml": text})
    assert _messages(Path("missions"), dt.date(2026, 6, 1)) == [
        ("missions/n.yaml:15:12", "fel", "reviderad 2026-04-01 ligger före antagen 2026-05-01")
    ]


def test_ended_period_warns_only_after_its_last_year(workspace: Path) -> None:
    text = MINIMAL_MISSION.format(id="n").replace("period: kommande år", "period: 2023–2026")
    write_tree(workspace, {"missions/n.yaml": text})
    assert _messages(Path("missions"), dt.date(2026, 12, 31)) == []
    assert _messages(Path("missions"), dt.date(2027, 1, 1)) == [
        (
            "missions/n.yaml:8:11",
            "varning",
            "uppdragsperioden 2023–2026 har löpt ut; börja nästa period med `uppdrag new n-2027 --from n`",
        )
    ]


def test_reversed_period_is_an_error(workspace: Path) -> None:
    text = MINIMAL_MISSION.format(id="n").replace("period: kommande år", "period: 2026-2023")
    write_tree(workspace, {"missions/n.yaml": text})
    assert _messages(Path("missions"), dt.date(2026, 1, 1)) == [
        ("missions/n.yaml:8:11", "fel", "perioden slutar (2023) före den börjar (2026)")
    ]


def test_duplicate_ids_across_folders(tmp_path: Path, workspace: Path) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n")})
    other = write_tree(tmp_path / "annan", {"n.yaml": MINIMAL_MISSION.format(id="n")})
    for shared in (workspace / "missions").glob("_*.yaml"):
        (other / shared.name).write_text(shared.read_text(encoding="utf-8"), encoding="utf-8")
    result = validate_paths([workspace / "missions" / "n.yaml", other / "n.yaml"], dt.date(2026, 1, 1))
    # Each folder is its own workspace: the same id in two workspaces is allowed.
    assert result.findings == []


def test_goal_list_in_shared_background_must_resolve(workspace: Path) -> None:
    write_tree(
        workspace, {"missions/_extra.yaml": "bakgrunder:\n  - id: ny\n    stycken:\n      - mållista: strategi-2099\n"}
    )
    assert _messages(Path("missions"), dt.date(2026, 1, 1)) == [
        (
            "missions/_extra.yaml:4:19",
            "fel",
            "okänt styrdokument 'strategi-2099' (menade du 'strategi-2023-2026'?)",
        )
    ]


def test_shared_ids_must_be_unique(workspace: Path) -> None:
    write_tree(workspace, {"missions/_extra.yaml": "bakgrunder:\n  - id: maldokument\n    stycken: [Text.]\n"})
    [(location, severity, message)] = _messages(Path("missions"), dt.date(2026, 1, 1))
    assert (location, severity) == ("missions/_extra.yaml:2:9", "fel")
    assert message == "bakgrunden 'maldokument' finns redan i missions/_bakgrund.yaml:5:9"


def test_broken_shared_file_is_reported_once(workspace: Path) -> None:
    write_tree(
        workspace,
        {"missions/n.yaml": MINIMAL_MISSION.format(id="n"), "missions/_styrdokument.yaml": "styrdokument: [\n"},
    )
    assert _messages(Path("missions"), dt.date(2026, 1, 1)) == [
        (
            "missions/_styrdokument.yaml:2:1",
            "fel",
            "ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)",
        )
    ]


def test_entered_meetings_are_judged_in_every_year(workspace: Path, runner) -> None:
    from uppdrag.cli import app

    rule = (
        "möten:\n  träffar:\n"
        "    - datum: 2026-02-20\n"  # sportlov week 8 in Hjo alone: a warning
        "    - datum: 2028-12-25\n"  # juldagen, a Monday
        "    - datum: 2024-05-10\n"  # a klämdag: only check-meetings says so
    )
    lov = (workspace / "missions/_lov.yaml").read_text(encoding="utf-8")
    lov = lov.replace("\n# Exakta datum", "  - {namn: sportlov, vecka: 8, kommun: Hjo}\n\n# Exakta datum")
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + rule, "missions/_lov.yaml": lov})
    assert _messages(Path("missions"), dt.date(2026, 1, 1)) == [
        (
            "missions/n.yaml:16:14",
            "varning",
            "2026-02-20 (fredag) är sportlov (vecka 8) i Hjo (kör uppdrag check-meetings 2026 för hela bilden)",
        ),
        (
            "missions/n.yaml:17:14",
            "fel",
            "2028-12-25 (måndag) är juldagen, en ledig dag; närmaste bra dag: 2028-12-21 (torsdag) "
            "(kör uppdrag check-meetings 2028 för hela bilden)",
        ),
    ]
    result = runner.invoke(app, ["validate", "--format", "json", "--today", "2026-01-01"])
    assert result.exit_code == 1
    codes = [(f["code"], f["key"]) for f in json.loads(result.stdout)["findings"]]
    assert codes == [("school_break", "möten.träffar[0].datum"), ("holiday", "möten.träffar[1].datum")]
    # The other commands do not wait for the dates to be mended: check-meetings is where they are.
    meetings = runner.invoke(app, ["check-meetings", "2028", "n"])
    assert meetings.exit_code == 1 and "juldagen" in meetings.stdout


def test_a_broken_lov_file_does_not_judge_breaks_by_the_defaults(workspace: Path) -> None:
    rule = "möten:\n  träffar:\n    - datum: 2026-02-13\n    - datum: 2026-04-03\n"  # sportlov; långfredagen
    write_tree(
        workspace,
        {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + rule, "missions/_lov.yaml": "lov:\n  - {namn: x}\n"},
    )
    assert [(location, message.split(";")[0]) for location, _, message in _messages(Path("missions"), D2026)] == [
        ("missions/_lov.yaml:2:5", "ange antingen 'vecka', både 'från' och 'till', eller 'påsk'"),
        ("missions/n.yaml:17:14", "2026-04-03 (fredag) är långfredagen, en ledig dag"),
    ]


def test_chair_and_secretary_without_anyone_warn_with_the_yaml_to_add(workspace: Path) -> None:
    roles = (
        "  - roll: ordförande\n    ansvar: [Leder möten.]\n"
        "  - roll: [sekreterare, presidium]\n    ansvar: [Skriver.]\n"
        "  - roll: ordförande\n    ansvar: [Leder.]\n    personer: [{namn: Anna Andersson, kommun: Skövde}]\n"
    )
    text = MINIMAL_MISSION.format(id="n").replace("  - roll: presidium\n    ansvar: [Leder möten.]\n", roles)
    write_tree(workspace, {"missions/n.yaml": text})
    example = "skriv vem under rollen, t.ex. `personer: [{namn: Anna Andersson, kommun: Essunga}]`"
    assert _messages(Path("missions"), dt.date(2026, 11, 22)) == [
        ("missions/n.yaml:12:11", "varning", f"ingen ordförande angiven; {example}"),
        ("missions/n.yaml:14:11", "varning", f"ingen sekreterare angiven; {example}"),
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("FYLL I: ordförandens namn", "fyll i ordförandens namn"),
        ("FYLL I: vad nätverket fokuserar på och varför.", "fyll i vad nätverket fokuserar på och varför"),
        ("FYLL I", "fyll i texten som står som 'FYLL I'"),
    ],
)
def test_placeholder_says_what_to_fill_in_once(text: str, message: str) -> None:
    assert placeholder_message(text) == message


def test_the_file_named_after_an_id_holds_it_whatever_the_order() -> None:
    copy, original, other = Location("m/ka-2027.yaml", 2, 5), Location("m/ka.yaml", 2, 5), Location("m/x.yaml", 1, 5)
    [found] = duplicate_ids([("ka", copy), ("ka", original), ("x", other)])
    assert (found.location, found.code, found.key_path, found.message) == (
        copy,
        "duplicate-id",
        "id",
        "id 'ka' används redan i m/ka.yaml:2:5",
    )
    # Neither named after the id: the first listed holds it.
    [second] = duplicate_ids([("ka", Location("m/a.yaml")), ("ka", Location("m/b.yaml"))])
    assert (second.location.file, second.message) == ("m/b.yaml", "id 'ka' används redan i m/a.yaml:1:1")


ROLES = """\
roller:
  - roll: ordförnde
    ansvar: [Leder möten.]
    personer: [{namn: Eva Ek}]
  - roll: [presidium, Sekreterare, vice ordförande]
    ansvar: [Planerar.]
  - roll: sammankallande
    ansvar: [Kallar till möten.]
  - roll: ordförande/förvaltningschefsrepresentant
    ansvar: [Företräder förvaltningscheferna.]
"""


def test_an_own_role_a_slip_from_a_known_kind_warns_and_a_convener_needs_a_person(workspace: Path) -> None:
    text = MINIMAL_MISSION.format(id="n").replace(MINIMAL_MISSION[MINIMAL_MISSION.index("roller:") :], ROLES)
    write_tree(workspace, {"missions/n.yaml": text})
    unfilled = "angiven; skriv vem under rollen, t.ex. `personer: [{namn: Anna Andersson, kommun: Essunga}]`"
    assert _messages(Path("missions"), D2026) == [
        ("missions/n.yaml:17:11", "varning", f"ingen sammankallande {unfilled}"),
        ("missions/n.yaml:12:11", "varning", "egen roll 'ordförnde'; menade du 'ordförande'?"),
        ("missions/n.yaml:15:23", "varning", "egen roll 'Sekreterare'; menade du 'sekreterare'?"),
    ]
    findings = validate_paths([Path("missions")], D2026).findings
    assert [(f.code, f.key_path) for f in findings] == [
        ("role-unfilled", "roller[2]"),
        ("own-role", "roller[0].roll"),
        ("own-role", "roller[1].roll[1]"),
    ]


MEMBERS = """\
medlemmar:
  - {namn: Eva Ek, kommun: Hjo, titel: rektor, e-post: eva.ek@hjo.se}
  - {namn: Per Berg}
"""


def test_members_missing_from_a_municipality_warn_when_all_are_to_take_part(workspace: Path) -> None:
    organisation = "organisation:\n  namn: Tre kommuner\n  kommuner: [Hjo, Tibro, Vara]\n"
    all_take_part = "möten:\n  minst_per_år: 2\n  alla_kommuner: true\n"
    text = MINIMAL_MISSION.format(id="n") + MEMBERS + all_take_part
    write_tree(workspace, {"missions/n.yaml": text, "missions/_organisation.yaml": organisation})
    assert _messages(Path("missions"), D2026) == [
        ("missions/n.yaml:15:3", "varning", "inga medlemmar från Tibro"),
        ("missions/n.yaml:15:3", "varning", "inga medlemmar från Vara"),
    ]
    # Without alla_kommuner, or without members, nothing is expected of them.
    write_tree(workspace, {"missions/n.yaml": text.replace("  alla_kommuner: true\n", "")})
    assert _messages(Path("missions"), D2026) == []
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + all_take_part})
    assert _messages(Path("missions"), D2026) == []


def test_a_preference_without_weekdays_warns(workspace: Path) -> None:
    text = MINIMAL_MISSION.format(id="n") + "möten:\n  minst_per_termin: 2\n  företrädesvis: true\n"
    write_tree(workspace, {"missions/n.yaml": text})
    assert _messages(Path("missions"), D2026) == [
        (
            "missions/n.yaml:16:18",
            "varning",
            "företrädesvis utan veckodagar säger ingenting; ange `veckodagar:` eller ta bort `företrädesvis`",
        )
    ]
    write_tree(workspace, {"missions/n.yaml": text + "  veckodagar: [måndag, tisdag]\n"})
    assert _messages(Path("missions"), D2026) == []


@pytest.mark.parametrize(
    ("line", "location", "message"),
    [
        (
            "  - {namn: Eva Ek, e-post: eva.ek}\n",
            "missions/n.yaml:16:28",
            "ogiltigt värde 'eva.ek': skriv en e-postadress, t.ex. anna.andersson@exempel.se",
        ),
        ("  - {namn: Eva Ek, kommun: Hjoo}\n", "missions/n.yaml:16:28", "okänd kommun 'Hjoo' (menade du 'Hjo'?)"),
        ("  - {kommun: Hjo}\n", "missions/n.yaml:16:5", "nyckeln 'namn' saknas"),
        ("  - {namn: Eva Ek, titel: ''}\n", "missions/n.yaml:16:27", "får inte vara tom"),
        (
            "  - {namn: Eva Ek, epost: eva@hjo.se}\n",
            "missions/n.yaml:16:20",
            "okänd nyckel 'epost' (menade du 'e-post'?)",
        ),
    ],
)
def test_a_broken_member_is_a_located_error(workspace: Path, line: str, location: str, message: str) -> None:
    text = MINIMAL_MISSION.format(id="n") + "medlemmar:\n  - {namn: Per Berg, kommun: Hjo}\n" + line
    write_tree(workspace, {"missions/n.yaml": text})
    assert _messages(Path("missions"), D2026) == [(location, "fel", message)]


def test_the_members_part_in_avsnitt_is_checked_against_the_members(workspace: Path) -> None:
    parts = "avsnitt:\n" + "".join(f"  - del: {p}\n" for p in ("bakgrund", "syfte", "uppdrag", "roller", "möten"))
    text = MINIMAL_MISSION.format(id="n").replace("syfte:\n", parts + "syfte:\n", 1) + MEMBERS
    write_tree(workspace, {"missions/n.yaml": text})
    assert _messages(Path("missions"), D2026) == [
        (
            "missions/n.yaml:6:3",
            "fel",
            "delen 'medlemmar' saknas; ange alla sex delar (bakgrund, syfte, uppdrag, roller, medlemmar, möten) "
            "i dokumentets ordning",
        )
    ]
    write_tree(workspace, {"missions/n.yaml": text.replace("  - del: möten\n", "  - del: medlemmar\n  - del: möten\n")})
    assert _messages(Path("missions"), D2026) == []


OWN_BACKGROUND = """\
bakgrund_egen:
  stycken:
    - Vårt nätverk samverkar kring förskolan.
    - punkter: [Samverkan, Forskningsbevakning]
    - mållista: strategi-2023
"""
SHARED_AS_OWN = """\
bakgrund_egen:
  stycken:
    - Samma text.
    - punkter: [En punkt]
"""


def test_own_background_names_known_steering_documents(workspace: Path) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + OWN_BACKGROUND})
    assert _messages(Path("missions"), D2026) == [
        (
            "missions/n.yaml:18:17",
            "fel",
            "okänt styrdokument 'strategi-2023' (menade du 'strategi-2023-2026'?)",
        )
    ]


def test_own_background_equal_to_the_shared_text_can_be_removed(workspace: Path) -> None:
    shared = "bakgrunder:\n  - id: kort\n    stycken:\n      - Samma text.\n      - punkter: [En punkt]\n"
    mission = MINIMAL_MISSION.format(id="n").replace("bakgrund: maldokument", "bakgrund: kort")
    write_tree(workspace, {"missions/_kort.yaml": shared, "missions/n.yaml": mission + SHARED_AS_OWN})
    assert _messages(Path("missions"), D2026) == [
        (
            "missions/n.yaml:15:3",
            "varning",
            "bakgrund_egen är samma text som den gemensamma bakgrunden 'kort'; ta bort bakgrund_egen så följer "
            "filen den gemensamma texten",
        )
    ]
    edited = SHARED_AS_OWN.replace("Samma text.", "Samma text, nästan.")
    write_tree(workspace, {"missions/n.yaml": mission + edited})
    assert _messages(Path("missions"), D2026) == []  # an own version is no finding in itself


@pytest.mark.parametrize(
    "period, today, message",
    [
        ("2023–2026", dt.date(2026, 11, 22), None),
        ("2024", dt.date(2026, 11, 22), None),
        ("kommande år", dt.date(2025, 11, 22), None),  # 2026: inside
        ("kommande år", dt.date(2026, 11, 22), "perioden kommande år (2027) ligger utanför"),
        ("2027–2030", dt.date(2026, 11, 22), "perioden 2027–2030 ligger utanför"),
        ("2021–2023", dt.date(2022, 11, 22), "perioden 2021–2023 sträcker sig utanför"),
        ("2025–2028", dt.date(2026, 11, 22), "perioden 2025–2028 sträcker sig utanför"),
    ],
)
def test_a_period_outside_the_steering_documents_warns(
    workspace: Path, period: str, today: dt.date, message: str | None
) -> None:
    text = MINIMAL_MISSION.format(id="n").replace("period: kommande år", f"period: {period}")
    text = text.replace("styrdokument: maldokument", "styrdokument: strategi-2023-2026")
    write_tree(workspace, {"missions/n.yaml": text})
    found = [m for m in _messages(Path("missions"), today) if "styrdokumentet" in m[2]]
    assert found == ([] if message is None else [
        (
            "missions/n.yaml:8:11",
            "varning",
            f"{message} styrdokumentet strategi-2023-2026 (2023–2026); "
            "ange styrdokumentet som gäller för perioden under `styrdokument:`",
        )
    ])  # fmt: skip


def test_a_steering_document_without_a_period_fits_any(workspace: Path) -> None:
    text = MINIMAL_MISSION.format(id="n").replace("period: kommande år", "period: 2031")
    write_tree(workspace, {"missions/n.yaml": text})  # maldokument has no period
    assert _messages(Path("missions"), dt.date(2026, 11, 22)) == []

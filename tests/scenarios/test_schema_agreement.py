"""One truth: check-jsonschema (YAML 1.2, as editors read) and `uppdrag validate` give the same
verdict on every file of a corpus of valid and invalid missions.

The corpus is the shipped missions and variants of forskola.yaml, each changing one thing in
the file's shape or types (what a schema can say). Checks that need other files (references) or
the date are not the schema's business and are left out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import MISSIONS, REPO, TODAY
from uppdrag.cli import app

MEETING = "  träffar:\n    - datum: {}\n"
VARIANTS: dict[str, tuple[str, str]] = {
    # name: (text in forskola.yaml, replacement); "$" appends to the file (under möten:).
    "quoted-date": ("$", MEETING.format("'2024-02-02'")),
    "double-quoted-date": ("$", MEETING.format('"2024-02-02"')),
    "plain-date": ("$", MEETING.format("2024-02-02")),
    "impossible-date": ("$", MEETING.format("2024-02-30")),
    "impossible-quoted-date": ("$", MEETING.format("'2024-13-01'")),
    "date-with-time": ("$", MEETING.format("2024-02-02 10:00")),
    "date-as-number": ("$", MEETING.format("20240202")),
    "date-as-text": ("$", MEETING.format("nästa fredag")),
    "meeting-as-date": ("$", "  träffar:\n    - 2024-02-02\n"),
    "times": ("$", MEETING.format("2024-02-02") + '      start: "09:00"\n      slut: "12:00"\n'),
    "time-without-zero": ("$", MEETING.format("2024-02-02") + "      start: 9:30\n"),
    "time-with-dot": ("$", MEETING.format("2024-02-02") + '      start: "09:00"\n      slut: 12.00\n'),
    "end-without-start": ("$", MEETING.format("2024-02-02") + '      slut: "12:00"\n'),
    "purpose-empty": ("<syfte>", "syfte:\n  text: []\n  fokus: [1, 2]\n\n"),
    "purpose-focus-only": ("<syfte>", "syfte:\n  fokus: [1, 2]\n\n"),
    "purpose-bullets-only": ("<syfte>", "syfte:\n  punkter: [En punkt.]\n\n"),
    "present": ("$", MEETING.format("2024-02-02") + "      närvarande: [Lidköping, Vara]\n"),
    "present-misspelt": ("$", MEETING.format("2024-02-02") + "      närvarande: [Lidkoping]\n"),
    "empty-minutes": ("$", MEETING.format("2024-02-02") + '      minnesanteckningar: ""\n'),
    "revised-quoted": ("bakgrund: strategi-2023-2026\n", 'bakgrund: strategi-2023-2026\nreviderad: "2024-06-14"\n'),
    "revised-plain": ("bakgrund: strategi-2023-2026\n", "bakgrund: strategi-2023-2026\nreviderad: 2024-06-14\n"),
    "revised-timestamp": (
        "bakgrund: strategi-2023-2026\n",
        "bakgrund: strategi-2023-2026\nreviderad: 2024-06-14T10:00:00\n",
    ),
    "huge-hex-name": ("namn: Förskola", "namn: 0x" + "f" * 40),
    "huge-minimum": ("minst_per_år: 4", "minst_per_år: " + "9" * 19),
    "huge-octal-minimum": ("minst_per_år: 4", "minst_per_år: 0o" + "7" * 30),
    "largest-minimum": ("minst_per_år: 4", "minst_per_år: " + "9" * 18),
    "huge-period": ("period: 2023–2026", "period: 0x" + "f" * 40),
    "adopted-null": ("bakgrund: strategi-2023-2026\n", "bakgrund: strategi-2023-2026\nantagen: null\n"),
    "minimum-float": ("minst_per_år: 4", "minst_per_år: 4.0"),
    "minimum-fraction": ("minst_per_år: 4", "minst_per_år: 4.5"),
    "minimum-text": ("minst_per_år: 4", 'minst_per_år: "4"'),
    "minimum-zero": ("minst_per_år: 4", "minst_per_år: 0"),
    "minimum-hex": ("minst_per_år: 4", "minst_per_år: 0x10"),
    "minimum-null": ("minst_per_år: 4", "minst_per_år: ~"),
    "all-yes": ("veckodagar: [fredag]", "veckodagar: [fredag]\n  alla_kommuner: yes"),
    "all-on": ("veckodagar: [fredag]", "veckodagar: [fredag]\n  alla_kommuner: on"),
    "all-true": ("veckodagar: [fredag]", "veckodagar: [fredag]\n  alla_kommuner: true"),
    "all-capital-true": ("veckodagar: [fredag]", "veckodagar: [fredag]\n  alla_kommuner: True"),
    "all-quoted-true": ("veckodagar: [fredag]", 'veckodagar: [fredag]\n  alla_kommuner: "true"'),
    "weekday-capital": ("veckodagar: [fredag]", "veckodagar: [Fredag]"),
    "weekday-not-list": ("veckodagar: [fredag]", "veckodagar: fredag"),
    "name-empty": ("namn: Förskola", 'namn: ""'),
    "name-blank": ("namn: Förskola", 'namn: "   "'),
    "name-number": ("namn: Förskola", "namn: 123"),
    # YAML 1.1 and 1.2 read these differently; validate reads them as editors do (1.2).
    "name-base-60": ("namn: Förskola", "namn: 190:20:30"),
    "name-exponent": ("namn: Förskola", "namn: 1e3"),
    "name-exponent-with-point": ("namn: Förskola", "namn: 1.5e3"),
    "name-octal": ("namn: Förskola", "namn: 0o17"),
    "name-date": ("namn: Förskola", "namn: 2024-01-01"),
    "name-impossible-date": ("namn: Förskola", "namn: 2024-02-30"),
    "name-timestamp": ("namn: Förskola", "namn: 2024-01-01 10:00"),
    "date-short-month": ("$", MEETING.format("2024-2-2")),
    "date-with-space": ("$", MEETING.format("' 2024-02-02'")),
    "tag-on-a-key": ("namn: Förskola", "!foo namn: Förskola"),
    # A comment is nothing to a schema; validate warns of it (a check only validate has).
    "review-comment": ("namn: Förskola", "# KONTROLLERA: namnet stod bara i sidhuvudet\nnamn: Förskola"),
    "anchor-on-a-key": ("namn: Förskola", "&n namn: Förskola\nreviderad_av: *n"),
    "name-escape": ("namn: Förskola", 'namn: "Förskola\\e[2J"'),
    "name-bidi": ("namn: Förskola", 'namn: "Förskola\\u202e"'),
    "name-newline": ("namn: Förskola", 'namn: "För\\nskola"'),
    "unknown-key": ("namn: Förskola", "namn: Förskola\nnman: Förskola"),
    "municipality-misspelt": ("kommun: Tibro}", "kommun: Tibró}"),
    "municipality-decomposed": ("kommun: Tibro}", "kommun: Tibro}\n      - {namn: Anna, kommun: Lidko\u0308ping}"),
    "weekday-decomposed": ("veckodagar: [fredag]", "veckodagar: [lo\u0308rdag]"),
    "role-decomposed": ("roll: presidium", "roll: [presidium, ordfo\u0308rande]"),
    "key-decomposed": ("möten:", "mo\u0308ten:"),
    "roles-list": ("roll: presidium", "roll: [presidium, ordförande]"),
    "roles-empty": ("roll: presidium", "roll: []"),
    "period-year": ("period: 2023–2026", "period: 2021"),
    "period-fraction": ("period: 2023–2026", "period: 2021.5"),
    "focus-bool": ("fokus: [1, 2]", "fokus: [true]"),
    "focus-text": ("fokus: [1, 2]", "fokus: ['1', '2']"),
    "tab-indent": ("  text:\n", "\ttext:\n"),
    "python-tag": ("namn: Förskola", "namn: !!python/name:os.system Förskola"),
    "duplicate-key": ("namn: Förskola", "namn: Förskola\nnamn: Förskola"),
    "anchor": ("roll: presidium", "roll: &r presidium"),
    # Issue 23: own roles, people with less or more, members, per-term rules, preferences.
    "role-own": ("roll: presidium", "roll: sammankallande"),
    "role-own-with-slash": ("roll: presidium", "roll: ordförande/förvaltningschefsrepresentant"),
    "role-own-in-list": ("roll: presidium", "roll: [presidium, processledare]"),
    "role-misspelt": ("roll: presidium", "roll: ordförnde"),
    "role-blank": ("roll: presidium", 'roll: "  "'),
    "role-number": ("roll: presidium", "roll: 5"),
    "role-blank-in-list": ("roll: presidium", 'roll: [presidium, ""]'),
    "role-escape": ("roll: presidium", 'roll: "presidium\\e"'),
    "person-without-municipality": ("{namn: Bånita Kron, kommun: Tibro}", "{namn: Bånita Kron}"),
    "person-title-email": (
        "kommun: Tibro}",
        "kommun: Tibro, titel: förskolechef, e-post: banita.kron@tibro.se}",
    ),
    "person-municipality-null": ("kommun: Tibro}", "kommun: null}"),
    "email-no-at": ("kommun: Tibro}", "kommun: Tibro, e-post: banita.kron.tibro.se}"),
    "email-no-dot": ("kommun: Tibro}", "kommun: Tibro, e-post: banita@tibro}"),
    "email-space": ("kommun: Tibro}", "kommun: Tibro, e-post: 'banita kron@tibro.se'}"),
    "email-two-ats": ("kommun: Tibro}", "kommun: Tibro, e-post: banita@kron@tibro.se}"),
    "email-number": ("kommun: Tibro}", "kommun: Tibro, e-post: 5}"),
    "email-escape": ("kommun: Tibro}", 'kommun: Tibro, e-post: "banita@tibro.se\\e"}'),
    "title-empty": ("kommun: Tibro}", "kommun: Tibro, titel: ''}"),
    "title-number": ("kommun: Tibro}", "kommun: Tibro, titel: 1}"),
    "members": ("$", "medlemmar:\n  - {namn: Eva Ek, kommun: Hjo}\n  - {namn: Per Berg, titel: rektor}\n"),
    "members-empty": ("$", "medlemmar: []\n"),
    "members-null": ("$", "medlemmar: ~\n"),
    "members-not-list": ("$", "medlemmar: Eva Ek\n"),
    "members-misspelt-municipality": ("$", "medlemmar:\n  - {namn: Eva Ek, kommun: Hjoo}\n"),
    "members-without-name": ("$", "medlemmar:\n  - {kommun: Hjo}\n"),
    "members-unknown-key": ("$", "medlemmar:\n  - {namn: Eva Ek, roll: rektor}\n"),
    "members-and-part": ("<avsnitt>", "part+members"),
    "members-without-part": ("<avsnitt>", "members"),
    "part-without-members": ("<avsnitt>", "part"),
    "members-in-default-layout": ("<avsnitt>", "no-avsnitt+members"),
    "per-term": ("minst_per_år: 4", "minst_per_termin: 2"),
    "per-term-and-year": ("minst_per_år: 4", "minst_per_år: 6\n  minst_per_läsår: 5\n  minst_per_termin: 2"),
    "per-term-zero": ("minst_per_år: 4", "minst_per_termin: 0"),
    "per-term-float": ("minst_per_år: 4", "minst_per_termin: 2.0"),
    "per-term-text": ("minst_per_år: 4", 'minst_per_termin: "2"'),
    "per-school-year-huge": ("minst_per_år: 4", "minst_per_läsår: " + "9" * 19),
    "per-school-year-null": ("minst_per_år: 4", "minst_per_läsår: null"),
    "preferred": ("veckodagar: [fredag]", "veckodagar: [måndag, tisdag]\n  företrädesvis: true"),
    "preferred-yes": ("veckodagar: [fredag]", "veckodagar: [fredag]\n  företrädesvis: yes"),
    "preferred-text": ("veckodagar: [fredag]", 'veckodagar: [fredag]\n  företrädesvis: "ja"'),
    # Issue 24: a network's own version of the shared background.
    "own-background": ("$", "bakgrund_egen:\n  rubrik: Vår rubrik\n  stycken:\n    - Ett stycke.\n"
                       "    - punkter: [En punkt]\n    - mållista: strategi-2023-2026\n"),
    "own-background-text-key": ("$", "bakgrund_egen:\n  stycken:\n    - text: Ett stycke.\n"),
    "own-background-empty": ("$", "bakgrund_egen:\n  stycken: []\n"),
    "own-background-without-blocks": ("$", "bakgrund_egen:\n  rubrik: Vår rubrik\n"),
    "own-background-with-id": ("$", "bakgrund_egen:\n  id: egen\n  stycken: [Ett stycke.]\n"),
    "own-background-two-kinds": ("$", "bakgrund_egen:\n  stycken:\n    - {text: Ett stycke., punkter: [En]}\n"),
    "own-background-text": ("$", "bakgrund_egen: Ett stycke.\n"),
    "own-background-null": ("$", "bakgrund_egen: ~\n"),
}  # fmt: skip

# "<avsnitt>" variants: forskola.yaml's own sections with the part `medlemmar`, a members list
# at the end, or both; or no sections (the default layout) with either.
MEMBERS_TEXT = "medlemmar:\n  - {namn: Eva Ek, kommun: Hjo}\n"
MEETINGS_PART = "  - {del: möten, rubrik: Möten}\n"


LOV = "lov:\n  - namn: sportlov\n    {}\n"
SHARED_VARIANTS: dict[str, str] = {
    # name: a `_` file of its own that sets only school breaks (no ids to clash with the others)
    "feb-29": LOV.format('från: "02-29"\n    till: "03-04"'),
    "feb-30": LOV.format('från: "02-30"\n    till: "03-04"'),
    "apr-31": LOV.format('från: "04-31"\n    till: "05-04"'),
    "month-13": LOV.format('från: "13-01"\n    till: "01-04"'),
    "week": LOV.format("vecka: 8"),
    "week-float": LOV.format("vecka: 8.0"),
    "week-text": LOV.format('vecka: "8"'),
    "week-54": LOV.format("vecka: 54"),
    "week-huge": LOV.format("vecka: 0x" + "f" * 40),
    "week-and-dates": LOV.format('vecka: 8\n    från: "02-19"\n    till: "02-23"'),
}


def _variant(text: str, old: str, new: str) -> str:
    if old == "$":
        return text + new
    if old == "<syfte>":  # the whole purpose block
        return text[: text.index("syfte:")] + new + text[text.index("uppdrag:") :]
    if old == "<avsnitt>":
        if "no-avsnitt" in new:
            text = text[: text.index("avsnitt:")] + text[text.index(MEETINGS_PART) + len(MEETINGS_PART) :]
        if "part" in new:
            text = text.replace(MEETINGS_PART, "  - {del: medlemmar}\n" + MEETINGS_PART, 1)
        return text + (MEMBERS_TEXT if "members" in new else "")
    assert old in text, old
    return text.replace(old, new, 1)


def _corpus(folder: Path) -> list[Path]:
    source = (MISSIONS / "forskola.yaml").read_text(encoding="utf-8")
    for path in MISSIONS.glob("*.yaml"):
        shutil.copy(path, folder)
    for name, (old, new) in VARIANTS.items():
        stem = f"v-{name}"
        text = _variant(source, old, new).replace("id: forskola", f"id: {stem}", 1)
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    for name, text in SHARED_VARIANTS.items():
        (folder / f"_v-{name}.yaml").write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.yaml"))


def _schema_failures(schema: str, files: list[Path]) -> set[str]:
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "check-jsonschema"), "--schemafile", str(REPO / "schemas" / schema),
         "-o", "JSON", *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    report = json.loads(proc.stdout)
    failed = {e["filename"] for e in report.get("errors", [])} | {e["filename"] for e in report.get("parse_errors", [])}
    assert proc.returncode == (1 if failed else 0), proc.stderr
    return failed


def test_schema_and_validate_agree_on_corpus(workspace: Path, runner) -> None:
    files = _corpus(workspace / "missions")
    assert len(files) >= 40
    missions = [f for f in files if not f.name.startswith("_")]
    shared = [f for f in files if f.name.startswith("_")]
    schema_says = _schema_failures("uppdrag.schema.json", missions) | _schema_failures("delad.schema.json", shared)

    result = runner.invoke(app, ["validate", "missions", "--format", "json", "--today", TODAY])
    report = json.loads(result.stdout)
    validate_says = {str(workspace / f["file"]) for f in report["findings"] if f["severity"] == "error"}
    verdicts = {f.name: (str(f) in schema_says, str(f) in validate_says) for f in files}
    disagreements = {name: v for name, v in verdicts.items() if v[0] != v[1]}
    assert disagreements == {}
    # The corpus is worth something only if both verdicts occur often.
    invalid = sum(schema for schema, _ in verdicts.values())
    assert invalid >= 20 and len(files) - invalid >= 20


def test_quoted_dates_integral_floats_and_yes_are_judged_alike(workspace: Path, runner) -> None:
    _corpus(workspace / "missions")
    result = runner.invoke(app, ["validate", "missions", "--format", "json", "--today", TODAY])
    by_file: dict[str, list[str]] = {}
    for f in json.loads(result.stdout)["findings"]:
        if f["severity"] == "error":
            by_file.setdefault(Path(f["file"]).stem, []).append(f"{f['line']}:{f['key']}: {f['message']}")
    for accepted in (
        "v-quoted-date", "v-revised-quoted", "v-minimum-float", "v-all-true", "v-name-newline",
        "v-municipality-decomposed", "v-weekday-decomposed", "v-role-decomposed", "v-name-date",
        "v-name-impossible-date", "v-name-timestamp",
    ):  # fmt: skip
        assert accepted not in by_file
    assert by_file["v-all-yes"] == ["83:möten.alla_kommuner: måste vara true eller false, inte 'yes'"]
    assert by_file["v-time-with-dot"] == [
        '87:möten.träffar[0].slut: skriv klockslaget som TT:MM inom citattecken, t.ex. `slut: "12:00"`; '
        "du skrev '12.00'"
    ]
    # YAML 1.2 has no dates: a date field reads the text, and says what is wrong with it.
    assert by_file["v-impossible-date"] == [
        "85:möten.träffar[0].datum: ogiltigt datum '2024-02-30': den dagen finns inte i kalendern"
    ]
    assert by_file["v-impossible-quoted-date"] == [
        "85:möten.träffar[0].datum: ogiltigt datum '2024-13-01': den dagen finns inte i kalendern"
    ]
    assert by_file["v-date-with-time"] == [
        "85:möten.träffar[0].datum: skriv datumet som ÅÅÅÅ-MM-DD och klockslaget för sig, t.ex. `datum: 2024-02-02` "
        "och `start: \"10:00\"`; du skrev '2024-02-02 10:00'"
    ]
    assert by_file["v-name-escape"] == ["3:namn: texten innehåller styrtecknet U+001B (ESC); ta bort det"]
    assert by_file["v-key-decomposed"] == [
        "80:möten: nyckeln 'möten' är skriven med sönderdelade tecken (Unicode NFD, som macOS ibland sparar); "
        "skriv om å, ä och ö i den"
    ]


def test_own_roles_people_members_and_term_rules_are_judged_alike(workspace: Path, runner) -> None:
    _corpus(workspace / "missions")
    result = runner.invoke(app, ["validate", "missions", "--format", "json", "--today", TODAY])
    by_file: dict[str, list[str]] = {}
    for f in json.loads(result.stdout)["findings"]:
        by_file.setdefault(Path(f["file"]).stem, []).append(f"{f['severity']}:{f['line']}:{f['key']}: {f['message']}")
    for accepted in (
        "v-role-own", "v-role-own-with-slash", "v-role-own-in-list", "v-person-without-municipality",
        "v-person-title-email", "v-person-municipality-null", "v-members-empty", "v-members-and-part",
        "v-members-in-default-layout", "v-per-term", "v-per-term-and-year", "v-per-term-float", "v-preferred",
    ):  # fmt: skip
        assert accepted not in by_file, by_file.get(accepted)
    assert by_file["v-role-misspelt"] == ["warning:46:roller[0].roll: egen roll 'ordförnde'; menade du 'ordförande'?"]
    assert by_file["v-email-space"] == [
        "error:53:roller[0].personer[2].e-post: ogiltigt värde 'banita kron@tibro.se': "
        "skriv en e-postadress, t.ex. anna.andersson@exempel.se"
    ]
    assert by_file["v-members-without-part"] == [
        "error:10:avsnitt: delen 'medlemmar' saknas; ange alla sex delar "
        "(bakgrund, syfte, uppdrag, roller, medlemmar, möten) i dokumentets ordning"
    ]
    assert by_file["v-part-without-members"] == [
        "error:10:avsnitt: delen 'medlemmar' finns men filen har inga medlemmar; "
        "lägg till `medlemmar:` eller ta bort delen"
    ]
    assert by_file["v-members-misspelt-municipality"] == [
        "error:85:medlemmar[0].kommun: okänd kommun 'Hjoo' (menade du 'Hjo'?)"
    ]
    assert by_file["v-per-term-zero"] == ["error:81:möten.minst_per_termin: måste vara minst 1, inte '0'"]
    assert by_file["v-preferred-yes"] == ["error:83:möten.företrädesvis: måste vara true eller false, inte 'yes'"]


def test_an_own_background_is_judged_alike(workspace: Path, runner) -> None:
    _corpus(workspace / "missions")
    result = runner.invoke(app, ["validate", "missions", "--format", "json", "--today", TODAY])
    by_file: dict[str, list[str]] = {}
    for f in json.loads(result.stdout)["findings"]:
        by_file.setdefault(Path(f["file"]).stem, []).append(f"{f['severity']}:{f['line']}:{f['key']}: {f['message']}")
    for accepted in ("v-own-background", "v-own-background-text-key", "v-own-background-null"):
        assert accepted not in by_file, by_file.get(accepted)
    assert {name: found for name, found in by_file.items() if name.startswith("v-own-background")} == {
        "v-own-background-empty": ["error:85:bakgrund_egen.stycken: listan får inte vara tom"],
        "v-own-background-text": [
            "error:84:bakgrund_egen: måste vara en mappning, inte 'Ett stycke.': skriv nycklarna (rubrik, stycken) "
            "indragna på egna rader under `bakgrund_egen:`, t.ex. `  rubrik: …`"
        ],
        "v-own-background-two-kinds": [
            "error:86:bakgrund_egen.stycken[0]: ett stycke är antingen en text, 'punkter' eller 'mållista'"
        ],
        "v-own-background-with-id": ["error:85:bakgrund_egen.id: okänd nyckel 'id'; tillåtna nycklar: rubrik, stycken"],
        "v-own-background-without-blocks": ["error:85:bakgrund_egen.stycken: nyckeln 'stycken' saknas"],
    }


def test_a_kontrollera_comment_is_a_warning_of_validate_only(workspace: Path, runner) -> None:
    files = _corpus(workspace / "missions")
    marked = next(f for f in files if f.stem == "v-review-comment")
    assert _schema_failures("uppdrag.schema.json", [marked]) == set()
    result = runner.invoke(app, ["validate", "missions", "--format", "json", "--today", TODAY])
    findings = [
        (f["severity"], f["line"], f["column"], f["code"])
        for f in json.loads(result.stdout)["findings"]
        if Path(f["file"]).stem == "v-review-comment"
    ]
    assert findings == [("warning", 3, 1, "unchecked-import")]

"""Importing the five original documents gives back the shipped missions, field by field, from
text, Word and PDF alike; documents never seen before import as a new user would need them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import MISSIONS, TESTS, TODAY, system_tool
from tests.scenarios.test_fidelity import MENDED
from tests.support.documents import to_docx, to_pdf
from uppdrag.check.validation import validate_paths
from uppdrag.edit.importer import import_document

SEEDS = TESTS / "seeds"
NETWORKS = ["grundskola", "ka", "sarskola", "skis", "forskola"]
# The OCR-scanned originals as they came (å/ä/ö broken); tests/seeds/<id>.txt are mended by hand.
OCR = {"sarskola": SEEDS / "ocr" / "sarskola.txt", "skis": SEEDS / "ocr" / "skis.txt"}
DAY = dt.date.fromisoformat(TODAY)


def original(network: str) -> Path:
    return OCR.get(network, SEEDS / f"{network}.txt")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def differences(got: object, expected: object, path: str = "") -> list[str]:
    """Where two missions differ: values exactly, texts word for word (the YAML's punctuation
    mends, "skol-och" -> "skol- och", are not differences)."""
    if isinstance(got, dict) and isinstance(expected, dict):
        return [
            d
            for key in dict.fromkeys([*expected, *got])
            for d in differences(got.get(key), expected.get(key), f"{path}.{key}")
        ]
    if isinstance(got, list) and isinstance(expected, list):
        if len(got) != len(expected):
            return [f"{path}: {len(got)} poster, väntade {len(expected)}: {got!r}"]
        return [d for i, (a, b) in enumerate(zip(got, expected)) for d in differences(a, b, f"{path}[{i}]")]
    if isinstance(got, str) and isinstance(expected, str):
        return [] if _words(got) == _words(expected) else [f"{path}: {got!r} != {expected!r}"]
    return [] if got == expected or str(got) == str(expected) else [f"{path}: {got!r} != {expected!r}"]


def mended(network: str, value: object) -> object:
    """The importer keeps the original's typos; the shipped YAML mends a few on purpose."""
    if isinstance(value, dict):
        return {k: mended(network, v) for k, v in value.items()}
    if isinstance(value, list):
        return [mended(network, v) for v in value]
    if isinstance(value, str):
        for typo, fix in MENDED.get(network, []):
            value = value.replace(typo, fix)
    return value


def imported(path: Path, network: str) -> dict:
    result = import_document(path, MISSIONS, DAY, network)
    assert not result.validation.errors
    return mended(network, yaml.safe_load(result.text))  # type: ignore[return-value]


@pytest.mark.parametrize("network", NETWORKS)
def test_original_imports_to_the_shipped_mission(network: str) -> None:
    expected = yaml.safe_load((MISSIONS / f"{network}.yaml").read_text(encoding="utf-8"))
    assert differences(imported(original(network), network), expected) == []


@pytest.mark.parametrize("network", ["sarskola", "skis"])
def test_ocr_damage_is_mended_and_reported(network: str) -> None:
    result = import_document(original(network), MISSIONS, DAY, network)
    assert "texten är skadad av OCR" in result.imported.notes[0]
    assert not re.search(r"\b(natverket|for|pa|ar)\b", result.text)  # no word left without its å/ä/ö


def test_unsure_readings_carry_kontrollera() -> None:
    result = import_document(original("skis"), MISSIONS, DAY, "skis")
    assert (
        "      # KONTROLLERA: 'ssmmanstaller' (rad 61) läst som 'sammanställer'\n"
        "      - Samordnar arbetsgrupper inom ansvarsområdet, sammanställer och informerar skolchefsgruppen.\n"
    ) in result.text
    sarskola = import_document(original("sarskola"), MISSIONS, DAY, "sarskola")
    assert (
        "  # KONTROLLERA: dokumentet säger 'följande år'; läst som 'kommande år'\n  period: kommande år\n"
        in sarskola.text
    )


@pytest.mark.parametrize("network", NETWORKS)
@pytest.mark.parametrize("make", [to_docx, to_pdf], ids=["docx", "pdf"])
def test_word_and_pdf_import_like_the_text(network: str, make, tmp_path: Path) -> None:
    text_file = SEEDS / f"{network}.txt"
    document = make(text_file.read_text(encoding="utf-8"), tmp_path / f"{network}.{make.__name__[3:]}")
    from_text = import_document(text_file, MISSIONS, DAY, network)
    from_document = import_document(document, MISSIONS, DAY, network)
    assert from_document.format == make.__name__[3:]
    assert yaml.safe_load(from_document.text) == yaml.safe_load(from_text.text)


def test_report_names_the_source_line_of_every_field() -> None:
    result = import_document(SEEDS / "forskola.txt", MISSIONS, DAY, "forskola")
    fields = {f.path: (f.value, f.where) for f in result.imported.fields}
    assert fields["namn"] == ("Förskola", "rad 3")
    assert fields["möten.minst_per_år"] == ("4", "rad 63")
    assert fields["möten.veckodagar"] == ("fredag", "rad 63")
    assert fields["roller[0].personer[2]"] == ("Bånita Kron, Tibro", "rad 43")
    assert fields["uppdrag.period"] == ("2023–2026", "rad 28")
    assert result.text.startswith("# yaml-language-server: $schema=../schemas/uppdrag.schema.json\n")


# --- documents never seen: both styles, all three formats ------------------------------------

FRITIDSHEM = """\
Uppdragsbeskrivning för nätverket Fritidshem

Bakgrund

Kommunerna i Skaraborg har beslutat att samverka kring utbildning i Skaraborg. Denna samverkan regleras genom samverkansavtal som är bilagor till Måldokumentet.

Syfte och uppdrag

Nätverket för fritidshem fokuserar på mål 3 i Måldokument Utbildning Skaraborg.

Uppdrag

Skolchefsnätverket ger följande uppdrag för 2027:

Mål 3: Ökad kvalitet

- Utveckla fritidshemmets undervisning tillsammans med skolan.
- Dela erfarenheter av lärmiljöer utomhus.

Ordförande

Leder nätverkets möten och återkopplar till skolchefsgruppen.

Ordförande: Maja Lind, Hjo

Sekreterare

Skriver minnesanteckningar. Skickar deltagarlistan till utbildning@skaraborg.se.

Presidium: Maja Lind, Hjo (ordförande), Olle Berg, Lidkoping (sekreterare), Sara Ek, Skövde

Möten

Minst 6 möten per år på tisdagar och torsdagar. Minnesanteckningar publiceras på utbildningskaraborg.se.
"""

VUXENUTBILDNING = """\
UPPDRAGSBESKRIVNING FÖR NÄTVERKET VUXENUTBILDNING

BAKGRUND

Nätverket samlar rektorerna för den kommunala vuxenutbildningen i Skaraborg.

UPPDRAG

Nätverket fokuserar på prioriterat område 2 och arbetar för att:

- fler vuxna får en utbildning som leder till arbete
- utbildningarna svarar mot arbetsmarknadens behov

Skolchefsnätverket ger följande uppdrag under perioden 2025 - 2028:

- Samordna yrkesutbildningen för vuxna i Skaraborg.
- Följa upp hur många som får arbete efter utbildningen.

ROLLER OCH ANSVAR

Presidium

Bereder mötena och sammanställer nätverkets underlag.

Anna Holm, Mariestad
Per Dahl, Töreboda

Skol-och utbildningschef

Återkopplar mellan skolchefsgruppen och nätverket.

MÖTEN

Minst 3 möten per år. Samtliga kommuner ska vara företrädda och delta i nätverkets arbete.
"""

UNSEEN = {"fritidshem": FRITIDSHEM, "vuxenutbildning": VUXENUTBILDNING}


def _write(network: str, kind: str, folder: Path) -> Path:
    text = UNSEEN[network]
    if kind == "txt":
        path = folder / f"{network}.txt"
        path.write_text(text, encoding="utf-8")
        return path
    return (to_docx if kind == "docx" else to_pdf)(text, folder / f"{network}.{kind}")


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_unseen_measure_style_document(kind: str, workspace: Path) -> None:
    result = import_document(_write("fritidshem", kind, workspace), workspace / "missions", DAY)
    data = yaml.safe_load(result.text)
    assert data["id"] == "fritidshem" and data["namn"] == "Fritidshem"
    assert (data["styrdokument"], data["bakgrund"]) == ("maldokument", "maldokument")
    assert data["syfte"]["text"] == ["Nätverket för fritidshem fokuserar på mål 3 i Måldokument Utbildning Skaraborg."]
    assert data["syfte"]["fokus"] == [3]
    assert data["uppdrag"]["period"] == "2027"
    assert data["uppdrag"]["grupper"] == [
        {
            "mål": 3,
            "punkter": [
                "Utveckla fritidshemmets undervisning tillsammans med skolan.",
                "Dela erfarenheter av lärmiljöer utomhus.",
            ],
        }
    ]
    roles = {tuple([r["roll"]] if isinstance(r["roll"], str) else r["roll"]): r for r in data["roller"]}
    assert roles[("ordförande",)]["personer"] == [{"namn": "Maja Lind", "kommun": "Hjo"}]
    assert roles[("sekreterare",)]["ansvar"] == [
        "Skriver minnesanteckningar.",
        "Skickar deltagarlistan till utbildning@skaraborg.se.",
    ]
    assert roles[("sekreterare",)]["personer"] == [{"namn": "Olle Berg", "kommun": "Lidköping"}]
    assert roles[("presidium",)]["personer"] == [
        {"namn": "Maja Lind", "kommun": "Hjo"},
        {"namn": "Olle Berg", "kommun": "Lidköping"},
        {"namn": "Sara Ek", "kommun": "Skövde"},
    ]
    assert roles[("presidium",)]["ansvar"] == ["FYLL I: rollens ansvar."]
    assert data["möten"] == {
        "minst_per_år": 6,
        "veckodagar": ["tisdag", "torsdag"],
        "minnesanteckningar": "Minnesanteckningar publiceras på utbildningskaraborg.se.",
    }
    assert "# KONTROLLERA: 'Lidkoping' läst som Lidköping" in result.text
    # two sentences of the shared text: the document's own version, never the shared text's other paragraphs
    assert "bakgrund_tillägg" not in data
    assert data["bakgrund_egen"] == {
        "stycken": [
            "Kommunerna i Skaraborg har beslutat att samverka kring utbildning i Skaraborg. Denna samverkan "
            "regleras genom samverkansavtal som är bilagor till Måldokumentet."
        ]
    }
    assert (
        "bakgrund",
        "bakgrunden liknar den gemensamma texten 'maldokument' bara till 32 %; dokumentets text är nätverkets "
        "egen version",
    ) in result.checks
    _validates(result.text, workspace, "fritidshem")


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_unseen_strategy_style_document(kind: str, workspace: Path) -> None:
    result = import_document(_write("vuxenutbildning", kind, workspace), workspace / "missions", DAY, "vux")
    data = yaml.safe_load(result.text)
    assert data["id"] == "vux" and data["namn"] == "Vuxenutbildning"
    assert data["styrdokument"] == "strategi-2023-2026"
    # no shared text in it: the network's own version, not the shared text with this added
    assert "bakgrund_tillägg" not in data
    assert data["bakgrund_egen"] == {
        "stycken": ["Nätverket samlar rektorerna för den kommunala vuxenutbildningen i Skaraborg."]
    }
    assert (
        "bakgrund",
        "bakgrunden liknar ingen gemensam text; dokumentets text är nätverkets egen version (bakgrund_egen) av "
        "'strategi-2023-2026'",
    ) in result.checks
    assert data["avsnitt"] == [
        {"del": "bakgrund", "rubrik": "Bakgrund"},
        {"del": "syfte", "rubrik": "Uppdrag"},
        {"del": "uppdrag"},
        {"del": "roller", "rubrik": "Roller och ansvar"},
        {"del": "möten", "rubrik": "Möten"},
    ]
    assert data["syfte"] == {
        "text": ["Nätverket fokuserar på prioriterat område 2 och arbetar för att:"],
        "punkter": [
            "fler vuxna får en utbildning som leder till arbete",
            "utbildningarna svarar mot arbetsmarknadens behov",
        ],
        "fokus": [2],
    }
    assert data["uppdrag"]["period"] == "2025–2028" and "inledning" not in data["uppdrag"]
    assert data["uppdrag"]["grupper"][0]["punkter"][1] == "Följa upp hur många som får arbete efter utbildningen."
    assert data["roller"] == [
        {
            "roll": "presidium",
            "ansvar": ["Bereder mötena och sammanställer nätverkets underlag."],
            "personer": [{"namn": "Anna Holm", "kommun": "Mariestad"}, {"namn": "Per Dahl", "kommun": "Töreboda"}],
        },
        {"roll": "skol- och utbildningschef", "ansvar": ["Återkopplar mellan skolchefsgruppen och nätverket."]},
    ]
    assert data["möten"] == {"minst_per_år": 3, "alla_kommuner": True}
    _validates(result.text, workspace, "vux")


def _validates(text: str, workspace: Path, mission_id: str) -> None:
    path = workspace / "missions" / f"{mission_id}.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate_paths([workspace / "missions"], DAY)
    assert result.errors == 0


MODERSMAL_MD = """\
# Uppdragsbeskrivning för nätverket Modersmål och studiehandledning

## Bakgrund

Kommunerna i Skaraborg har beslutat att samverka kring utbildning i Skaraborg. Denna samverkan regleras genom \
samverkansavtal som är bilagor till Måldokumentet. Måldokumentet Utbildning Skaraborg innefattar förskola, \
förskoleklass, fritidshem, grundskola, grundsärskola, gymnasium, gymnasiesärskola, vuxenutbildning, särskild \
utbildning för vuxna och yrkeshögskola med kommunal huvudman. Även det kommunala aktivitetsansvaret innefattas.

Samverkan lyfts särskilt fram som en framgångsfaktor.

- Kommunerna ska enligt måldokumentet samverka för att nå de framtagna målen
- Förutom samverkan mellan kommunerna, ska målen även vara styrande för respektive kommuns arbete.

Utbildning Skaraborg leds av Skaraborgs skol- och utbildningschefer. Under Skaraborgs skol- och \
utbildningschefer finns nätverk som hanterar olika uppdrag utifrån Måldokumentet.

## Syfte/uppdrag

Nätverket fokuserar på två mål i Måldokument Utbildning Skaraborg:

### Mål 2: Höjd utbildningsnivå

- En större andel av eleverna fullföljer sin utbildning.
- En större andel av befolkningen går vidare till högre utbildning.

### Mål 3: Ökad kvalitet

- Alla elever får rätt förutsättningar att nå kunskap och måluppfyllelse.
- All utbildning vilar på vetenskaplig grund och beprövad erfarenhet.

Skolchefsnätverket ger följande uppdrag för kommande år:

### Mål 3: Ökad kvalitet

**Ökad kvalitet** (återrapportering till skolchefer i december)

- Samordna studiehandledning på modersmålet mellan kommunerna.

## Roller och ansvar

**Presidium:** Leila Nasser, Falköping (ordförande), Jonas Ek, Götene (sekreterare)

### Ordförande

Leder nätverkets träffar.

### Sekreterare

Skriver minnesanteckningar.

## Möten

Minst 4 möten per år. Reviderad 2026-03-01.
"""


def test_unseen_markdown_document_refers_to_the_shared_text(workspace: Path) -> None:
    (workspace / "modersmal.md").write_text(MODERSMAL_MD, encoding="utf-8")
    result = import_document(workspace / "modersmal.md", workspace / "missions", DAY)
    data = yaml.safe_load(result.text)
    assert result.format == "md"
    assert data["id"] == "modersmal-och-studiehandledning"
    assert (data["bakgrund"], "bakgrund_tillägg" in data) == ("maldokument", False)
    assert data["reviderad"] == dt.date(2026, 3, 1)
    assert data["syfte"] == {
        "text": ["Nätverket fokuserar på två mål i Måldokument Utbildning Skaraborg:"],
        "mål": [{"mål": 2}, {"mål": 3}],  # the standard sub-goals: referred to, not copied
    }
    assert data["uppdrag"]["grupper"] == [
        {
            "mål": 3,
            "återrapportering": "till skolchefer i december",
            "punkter": ["Samordna studiehandledning på modersmålet mellan kommunerna."],
        }
    ]
    assert [(r["roll"], r["ansvar"], r.get("personer")) for r in data["roller"]] == [
        ("ordförande", ["Leder nätverkets träffar."], [{"namn": "Leila Nasser", "kommun": "Falköping"}]),
        ("sekreterare", ["Skriver minnesanteckningar."], [{"namn": "Jonas Ek", "kommun": "Götene"}]),
        (
            "presidium",
            ["FYLL I: rollens ansvar."],
            [{"namn": "Leila Nasser", "kommun": "Falköping"}, {"namn": "Jonas Ek", "kommun": "Götene"}],
        ),
    ]
    assert data["möten"] == {"minst_per_år": 4}
    assert [line.strip() for line in result.text.splitlines() if "# KONTROLLERA" in line] == [
        "# KONTROLLERA: rollen presidium har ingen egen rubrik i dokumentet, bara en rad med personer (rad 38)",
        "# KONTROLLERA: dokumentet säger inte vad rollen ansvarar för",
    ]
    _validates(result.text, workspace, data["id"])


def _word_document(paragraphs: list[tuple[str, str | None]], table: list[tuple[str, ...]]):  # -> docx Document
    """A small Word file: a title and one assignment, then the given paragraphs and a table."""
    import docx

    document = docx.Document()
    opening = [
        ("Uppdragsbeskrivning för nätverket Test", "Title"),
        ("Uppdrag", "Heading 1"),
        ("Skolchefsnätverket ger följande uppdrag för kommande år:", None),
        ("Ett uppdrag.", "List Bullet"),
    ]
    for text, style in opening + paragraphs:
        document.add_paragraph(text, style=style)
    rows = document.add_table(rows=len(table), cols=len(table[0])).rows
    for row, cells in zip(rows, table):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    return document


def test_word_meetings_table_and_footer(workspace: Path) -> None:
    document = _word_document(
        [("Ordförande", "Heading 2"), ("Leder mötena.", None), ("Möten", "Heading 1"),
         ("Minst 2 möten per år på onsdagar.", None)],
        [("Datum", "Tid", "Plats", "Närvarande"), ("4 mars 2026", "13:00–16:00", "Hjo", "Hjo, Tibro"),
         ("7 oktober 2026", "", "", "")],
    )  # fmt: skip
    document.sections[0].footer.paragraphs[0].text = "Test · Reviderad 12 maj 2026 · Sida 1 av 1"
    document.save(str(workspace / "test.docx"))
    data = yaml.safe_load(import_document(workspace / "test.docx", workspace / "missions", DAY).text)
    assert data["reviderad"] == dt.date(2026, 5, 12)
    assert data["möten"] == {
        "minst_per_år": 2,
        "veckodagar": ["onsdag"],
        "träffar": [
            {
                "datum": dt.date(2026, 3, 4),
                "start": "13:00",
                "slut": "16:00",
                "plats": "Hjo",
                "närvarande": ["Hjo", "Tibro"],
            },
            {"datum": dt.date(2026, 10, 7)},
        ],
    }


@pytest.mark.parametrize("network", ["grundskola", "ka", "forskola"])
def test_word_files_from_pandoc(network: str, tmp_path: Path) -> None:
    """Word files made by another tool (pandoc: numbering definitions, its own styles) read the same."""
    import subprocess

    target = tmp_path / f"{network}.docx"
    subprocess.run(
        [system_tool("pandoc"), "-f", "markdown", "-t", "docx", str(SEEDS / f"{network}.txt"), "-o", str(target)],
        check=True,
    )
    expected = yaml.safe_load((MISSIONS / f"{network}.yaml").read_text(encoding="utf-8"))
    assert differences(imported(target, network), expected) == []


def test_damaged_documents_give_a_valid_file_or_a_reason(tmp_path: Path) -> None:
    """Seeds with lines dropped, repeated or shouted: a valid file or ImportDocumentError, never a crash."""
    import random

    from uppdrag.errors import ImportDocumentError

    rng = random.Random(7)  # noqa: S311 - a fixed, reproducible sample, not a secret
    sources = sorted(SEEDS.glob("*.txt")) + sorted(OCR.values())
    outcomes = {"imported": 0, "refused": 0}
    for _ in range(80):
        lines = [line for line in rng.choice(sources).read_text(encoding="utf-8").splitlines() if rng.random() > 0.15]
        lines.insert(rng.randrange(len(lines)), rng.choice(lines))
        lines = [line.upper() if rng.random() < 0.05 else line for line in lines]
        target = tmp_path / "skadad.txt"
        target.write_text("\n".join(lines), encoding="utf-8")
        try:
            result = import_document(target, MISSIONS, DAY)
            assert result.validation.errors == 0
            outcomes["imported"] += 1
        except ImportDocumentError:
            outcomes["refused"] += 1
    assert outcomes["imported"] > 40  # most damaged documents still import


def test_word_member_table(workspace: Path) -> None:
    document = _word_document(
        [("Roller och ansvar", "Heading 1")],
        [("Namn", "Kommun", "Roll"), ("Karin Holm", "Skara", "Ordförande"), ("Erik Sund", "Tibro", "Sekreterare"),
         ("Eva Ek", "Vara", "")],
    )  # fmt: skip
    document.add_paragraph("Ordförande", style="Heading 2")
    document.add_paragraph("Leder mötena.")
    document.save(str(workspace / "test.docx"))
    result = import_document(workspace / "test.docx", workspace / "missions", DAY)
    data = yaml.safe_load(result.text)
    assert [(r["roll"], r.get("personer")) for r in data["roller"]] == [
        ("ordförande", [{"namn": "Karin Holm", "kommun": "Skara"}]),
        ("sekreterare", [{"namn": "Erik Sund", "kommun": "Tibro"}]),
    ]
    assert data["medlemmar"] == [{"namn": "Eva Ek", "kommun": "Vara"}]
    assert "# KONTROLLERA: Eva Ek står i en tabell utan roll (stycke 9 (tabell)); läst som medlem" in result.text

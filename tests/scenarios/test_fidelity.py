"""Each rendered document reads like its original: same sections, headings and words, in order.

tests/seeds/ holds the five original documents as text. grundskola, ka and forskola are verbatim;
sarskola and skis were OCR-scanned and are mended (å/ä/ö, '6ka' -> 'öka', 'e'/'=' bullets -> '•')
and otherwise kept line for line, typos included.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tests.conftest import TESTS, TODAY
from uppdrag.cli import app

SEEDS = TESTS / "seeds"

# Typos in the originals that the YAML mends on purpose; each has a comment in missions/<id>.yaml.
# Punctuation-only mends ("skol-och" -> "skol- och") need no entry: words are compared.
MENDED = {
    "ka": [("en samverka med", "en samverkan med")],
    "sarskola": [("skickas utbildning@skaraborg.se", "skickas till utbildning@skaraborg.se")],
    "skis": [("kvalitetssäker och", "kvalitetssäkra och")],
}

# The headings of each original, in order: (level, text); level 2 is a section, 3 a sub-heading.
HEADINGS = {
    "grundskola": [
        (1, "Uppdragsbeskrivning för nätverket Grundskolan"),
        (2, "Bakgrund"),
        (2, "Syfte/ uppdrag"),
        (3, "Höjd utbildningsnivå"),
        (3, "Ökad kvalitet"),
        (3, "Mål 2: Höjd utbildningsnivå"),
        (3, "Mål 3: Ökad kvalitet"),
        (3, "Uppdrag ordförande:"),
        (3, "Uppdrag sekreterare:"),
        (3, "Uppdrag Presidium:"),
        (3, "Uppdrag skol- och utbildningschef"),
        (2, "Möten"),
    ],
    "ka": [
        (1, "Uppdragsbeskrivning för nätverket KA"),
        (2, "Bakgrund"),
        (2, "Syfte/ uppdrag"),
        (2, "Uppdrag"),
        (3, "Mål 1: Stärkt tillväxt och kompetensförsörjning"),
        (3, "Mål 2: Höjd utbildningsnivå"),
        (3, "Mål 3: Ökad kvalitet"),
        (3, "Tilläggs mål kring obehöriga elever:"),
        (3, "Uppdrag ordförande:"),
        (3, "Uppdrag sekreterare:"),
        (3, "Uppdrag Presidium:"),
        (3, "Uppdrag skol- och utbildningschef"),
        (2, "Möten"),
    ],
    "sarskola": [
        (1, "Uppdragsbeskrivning för nätverket Särskolan"),
        (2, "Bakgrund"),
        (2, "Syfte/ uppdrag"),
        (2, "Uppdrag"),
        (3, "Uppdrag ordförande:"),
        (3, "Uppdrag sekreterare:"),
        (3, "Uppdrag skol- och utbildningschef"),
    ],
    "skis": [
        (1, "Uppdragsbeskrivning för nätverket Skolutveckling i Skaraborg, SKIS"),
        (2, "Bakgrund"),
        (2, "Uppdrag"),
        (2, "Roller och ansvar"),
        (3, "Presidium"),
        (3, "Ordförande/skol- och utbildningschefer"),
        (3, "Sekreterare"),
        (2, "Möten"),
    ],
    "forskola": [
        (1, "Uppdragsbeskrivning för nätverket Förskola"),
        (2, "Bakgrund"),
        (2, "Uppdrag"),
        (2, "Roller och ansvar"),
        (3, "Presidium"),
        (3, "Skol- och utbildningschef"),
        (3, "Ordförande"),
        (3, "Sekreterare"),
        (2, "Möten"),
    ],
}


def rendered(network: str, runner) -> str:
    result = runner.invoke(app, ["render", network, "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.output
    return result.stdout


def body(markdown: str) -> str:
    """The document without its footer (period and revision date are not in the originals)."""
    text, footer = markdown.rsplit("\n---\n", 1)
    assert footer.lstrip().startswith("*Uppdraget gäller ")
    return text


def words(text: str) -> list[str]:
    """Words and numbers, case folded; punctuation, Markdown and link targets are dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [utbildning@…](mailto:…) -> its text
    return re.findall(r"\w+", text.casefold())


def seed_words(network: str) -> list[str]:
    text = (SEEDS / f"{network}.txt").read_text(encoding="utf-8")
    for original, mended in MENDED.get(network, []):
        assert text.count(original) == 1, original
        text = text.replace(original, mended)
    return words(text)


def headings(markdown: str) -> list[tuple[int, str]]:
    return [
        (len(m.group(1)), m.group(2).replace("\\", "")) for m in re.finditer(r"^(#{1,6}) (.+)$", markdown, re.MULTILINE)
    ]


@pytest.mark.parametrize("network", sorted(HEADINGS))
def test_sections_and_headings_follow_the_original(network: str, shipped: Path, runner) -> None:
    assert headings(rendered(network, runner)) == HEADINGS[network]


@pytest.mark.parametrize("network", sorted(HEADINGS))
def test_every_word_of_the_original_in_order_and_nothing_else(network: str, shipped: Path, runner) -> None:
    original, document = seed_words(network), words(body(rendered(network, runner)))
    differences = [
        f"{op}: original {' '.join(original[i1:i2])!r} -> dokument {' '.join(document[j1:j2])!r}"
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, original, document, autojunk=False).get_opcodes()
        if op != "equal"
    ]
    assert differences == []


def test_word_comparison_sees_a_moved_sentence(shipped: Path, runner) -> None:
    # The example: SKIS's last Bakgrund sentence once moved into the purpose.
    path = shipped / "missions" / "skis.yaml"
    text = path.read_text(encoding="utf-8")
    sentence = "  - Detta nätverk har ett särskilt ansvar för prioriterat område 1.\n"
    moved = text.replace("bakgrund_tillägg:\n" + sentence, "").replace(
        "syfte:\n  text:\n", "syfte:\n  text:\n  " + sentence
    )
    path.write_text(moved, encoding="utf-8")
    document = words(body(rendered("skis", runner)))
    assert document != seed_words("skis")
    assert sorted(document) == sorted(seed_words("skis"))  # same words, another order


def test_footer_shows_period_and_revision(shipped: Path, runner) -> None:
    assert rendered("skis", runner).endswith("---\n\n*Uppdraget gäller under perioden 2023–2026.*\n")
    path = shipped / "missions" / "ka.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "bakgrund: maldokument\n",
            "bakgrund: maldokument\nreviderad: 2021-03-12\nreviderad_av: Skolchefsnätverket\n",
        ),
        encoding="utf-8",
    )
    assert rendered("ka", runner).endswith(
        "---\n\n*Uppdraget gäller för 2021. Reviderad 12 mars 2021 av Skolchefsnätverket.*\n"
    )


def pdf_words(path: Path) -> list[str]:
    """The PDF's words without the letterhead and running header and footer. List numbers are
    drawn apart from their items, so numbers alone are left out (of the original's words too)."""
    import pypdf

    pages = []
    for page in pypdf.PdfReader(path).pages:
        text = page.extract_text().replace("UTKAST", "")  # a draft's mark is no word of the document
        text = re.sub(r"^UTBILDNING SKARABORG\n", "", text)
        text, footer = re.split(
            r"\n\s*(?:Utbildning Skaraborg\n)?Uppdragsbeskrivning för nätverket (?=[^\n]*\n?[^\n]*Sida)", text
        )
        assert re.search(r"Uppdraget gäller .* Sida \d+ av \d+$", footer, re.DOTALL), footer
        pages.append(text)
    return [w for w in words("\n".join(pages)) if not w.isdigit()]


def test_the_pdf_has_every_word_of_the_original_in_order(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "--all", "--pdf", "-o", "pdf", "--today", TODAY])
    assert result.exit_code == 0, result.output
    for network in HEADINGS:
        original = [w for w in seed_words(network) if not w.isdigit()]
        assert pdf_words(shipped / "pdf" / f"{network}.pdf") == original, network

"""The import's caps as the README's table states them: the table cannot drift from the code."""

from __future__ import annotations

from tests.conftest import REPO
from uppdrag.edit.importer import limits

README = REPO / "README.md"


def _table() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    lines = text[text.index("#### Gränser för importen") :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| "))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    rows = [line.split("|")[1:3] for line in lines[start + 2 : end]]  # after the head and its rule
    return {what.strip(): limit.strip() for what, limit in rows}


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _mb(value: int) -> str:
    return f"{value // 1024 // 1024} MB"


def test_the_readme_table_states_the_caps_in_the_code() -> None:
    assert _table() == {
        "Filens storlek": _mb(limits.MAX_DOCUMENT_BYTES),
        "Text i hela dokumentet": f"{_number(limits.MAX_CHARACTERS)} tecken",
        "En rad i en textfil, ett stycke": f"{_number(limits.MAX_LINE_CHARACTERS)} tecken",
        "Word: uppackad zip-fil": _mb(limits.MAX_UNPACKED_BYTES),
        "Word: XML-element i alla delar": _number(limits.MAX_XML_ELEMENTS),
        "Word: XML-nivåer": "256",
        "Word: stycken": _number(limits.MAX_PARAGRAPHS),
        "Word: textavsnitt (runs)": _number(limits.MAX_RUNS),
        "Word: tabellceller": _number(limits.MAX_TABLE_CELLS),
        "Word: formatmallar, i varje del": _number(limits.MAX_STYLES),
        "Word: listdefinitioner och listmallar, i varje del": f"{_number(limits.MAX_NUMBERING)} vardera",
        "Word: spårade ändringar och kommentarer": _number(limits.MAX_REVIEW_MARKS),
        "Word: markeringar för kommentarer": _number(limits.MAX_COMMENT_ANCHORS),
        "PDF: sidor": str(limits.MAX_PAGES),
        "PDF: uppdateringar (xref-avsnitt)": _number(limits.MAX_XREF_SECTIONS),
        "PDF: noder i sidträdet": _number(limits.MAX_PAGE_TREE_NODES),
        "PDF: en ström uppackad": _mb(limits.MAX_STREAM_BYTES),
        "PDF: alla strömmar uppackade": _mb(limits.MAX_DECODED_BYTES),
        "PDF: ritinstruktioner på en sida, upprepade figurer medräknade": _mb(limits.MAX_PAGE_CONTENT_BYTES),
        "PDF: ritinstruktioner på alla sidor": _mb(limits.MAX_CONTENT_BYTES),
        "PDF: tecken på en sida": _number(limits.MAX_PAGE_CHARACTERS),
        "PDF: linjer, ytor och bilder på en sida": _number(limits.MAX_PAGE_DRAWINGS),
        "PDF: teckenkoder i typsnittens teckentabeller": _number(limits.MAX_FONT_MAP_ENTRIES),
    }

"""PDFs: headings by font size and weight, list items by their markers, paragraphs by the gaps."""

from __future__ import annotations

import weasyprint

from uppdrag.edit.importer.pdf_reader import read_pdf


def _pdf(body: str) -> bytes:
    return weasyprint.HTML(
        string=f'<html lang="sv"><body style="font-family: sans-serif">{body}</body></html>'
    ).write_pdf()


def test_headings_lists_and_paragraphs() -> None:
    paragraphs = read_pdf(
        _pdf(
            "<h1>Bakgrund</h1><p>Ett stycke som är så långt att det bryts över flera rader i PDF:en, "
            "men ändå är ett och samma stycke när det läses tillbaka av importen.</p>"
            "<ol><li>Stärkt tillväxt<ul><li>en underpunkt</li></ul></li><li>Höjd utbildningsnivå</li></ol>"
            "<p><b>Uppdrag ordförande:</b></p><p>Leder möten.</p>"
        )
    )
    assert [(p.text, p.heading_level, p.bold, p.list_kind, p.depth) for p in paragraphs] == [
        ("Bakgrund", 1, True, None, 0),
        (
            "Ett stycke som är så långt att det bryts över flera rader i PDF:en, men ändå är ett och samma "
            "stycke när det läses tillbaka av importen.",
            None,
            False,
            None,
            0,
        ),
        ("Stärkt tillväxt", None, False, "number", 0),
        ("en underpunkt", None, False, "bullet", 1),
        ("Höjd utbildningsnivå", None, False, "number", 0),
        ("Uppdrag ordförande:", None, True, None, 0),
        ("Leder möten.", None, False, None, 0),
    ]
    assert paragraphs[0].where == "sida 1, rad 1"


def test_word_symbol_bullets() -> None:
    from uppdrag.edit.importer.pdf_reader import _BULLET

    assert _BULLET.match("\uf0b7 Ett uppdrag") and _BULLET.match("• Ett uppdrag") and _BULLET.match("- Ett uppdrag")
    assert not _BULLET.match("-sektorer och samverkansparter")


def test_a_rotated_watermark_is_kept_apart_as_margin_text() -> None:
    paragraphs = read_pdf(
        _pdf(
            '<div style="position: fixed; top: 12cm; left: 4cm; font-size: 48pt; transform: rotate(-45deg)">'
            "UTKAST</div><p>Nätverket träffas fyra gånger per år.</p>"
        )
    )
    assert [(p.text, p.margin) for p in paragraphs] == [
        ("Nätverket träffas fyra gånger per år.", False),
        ("UTKAST", True),  # counted apart in the report, never the document's text
    ]

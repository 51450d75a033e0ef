"""Text and Markdown under bounds: patterns linear in their line, caps on lines, paragraphs
and characters, other Unicode encodings, control characters and hostile file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from uppdrag.edit.importer.paragraphs import Paragraph, join_lines
from uppdrag.edit.importer.people import parse_people
from uppdrag.edit.importer.reading import _without_control_characters, read_document
from uppdrag.edit.importer.text_reader import _ends_sentence, _inline, _markdown_heading, read_text
from uppdrag.errors import ImportDocumentError


def _refusal(text: str) -> str:
    with pytest.raises(ImportDocumentError) as caught:
        read_text(text)
    return caught.value.message


def test_emphasis_that_never_closes_is_read_once() -> None:
    """'*a ' repeated: each '*' opened a search to the line's end (60 kB took 48 s)."""
    hostile = "*a " * 6600  # 19,800 characters: just under the line cap
    assert _inline(hostile) == hostile.strip()
    assert _inline("**fet *kursiv* text** och _mer_ och [länk](https://x.se)") == "fet kursiv text och mer och länk"
    assert _inline("[" * 19_000) == "[" * 19_000
    assert _inline("](" * 9_000 + "x)") == "](" * 9_000 + "x)"


def test_headings_and_sentence_ends_without_backtracking() -> None:
    assert _markdown_heading("## Möten ##") == (2, "Möten")
    assert _markdown_heading("# " + " " * 19_000 + "x") == (1, "x")
    assert _markdown_heading("####### sju") is None and _markdown_heading("#tagg") is None
    assert _ends_sentence("Skriv till karin.holm@skara.se") and _ends_sentence("Se https://x.se/a")
    assert _ends_sentence("Slut.") and not _ends_sentence("Skriv till a@.se")
    assert not _ends_sentence("@" * 19_000) and not _ends_sentence("x@y" * 6_000)
    assert _ends_sentence("@" * 19_000 + "a@b.se")


def test_och_lists_split_without_rescanning_spaces() -> None:
    found = parse_people("Karin Holm, Skara och Bo Ek, Vara")
    assert found is not None and [p.name for p in found.people] == ["Karin Holm", "Bo Ek"]
    assert parse_people("Karin Holm, Skara" + " " * 2_900 + "och Bo Ek, Vara") is not None
    assert parse_people("a" + " " * 19_000 + "b") is None  # longer than any list of people
    assert join_lines("Vux-" * 5_000, "nätverket").endswith("Vux-nätverket")


def test_a_line_over_the_cap_is_refused_with_its_number() -> None:
    assert _refusal("Bakgrund\n\n" + "x" * 20_001) == (
        "rad 3 i textfilen har fler än 20 000 tecken; det är mer än importen läser (ett stycke har sällan över 2 000)"
    )


def test_a_paragraph_over_the_cap_is_refused_where_it_starts() -> None:
    wrapped = "\n".join(["inledning"] + ["och så vidare " * 500] * 3)
    assert _refusal(wrapped) == (
        "stycket (rad 1) har fler än 20 000 tecken; det är mer än importen läser (ett stycke har sällan över 2 000)"
    )


def test_the_whole_text_is_capped() -> None:
    assert _refusal("Ett stycke.\n\n" * 20_000) == (
        "textfilen har fler än 200 000 tecken text; det är mer än importen läser "
        "(en uppdragsbeskrivning har högst omkring 60 000)"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_text_from_notepad_is_read(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    bom = {"utf-16-be": "\ufeff"}.get(encoding, "")
    path.write_bytes((bom + "Möten\n\nMinst 4 möten per år\n").encode(encoding))
    document = read_document(path)
    assert (document.format, [p.text for p in document.paragraphs]) == ("txt", ["Möten", "Minst 4 möten per år"])


def test_broken_utf16_says_to_save_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "trasig.txt"
    path.write_bytes("Möten\n".encode("utf-16") + b"\x00")
    with pytest.raises(ImportDocumentError) as caught:
        read_document(path)
    assert caught.value.message == (
        "textfilen är UTF-16 men trasig (den tar slut mitt i ett tecken); spara den som UTF-8 och försök igen"
    )


def test_control_characters_are_taken_out_and_told() -> None:
    paragraphs = [Paragraph("Möten", "rad 1"), Paragraph("Minst\x00 4 \x1b[31mmöten\u202e per år", "rad 3",
                                                             cells=("a\x1bb", "c"))]  # fmt: skip
    cleaned, notes = _without_control_characters(paragraphs)
    assert [p.text for p in cleaned] == ["Möten", "Minst 4 [31mmöten per år"]
    assert cleaned[1].cells == ("ab", "c")
    assert notes == ["4 styrtecken togs bort ur texten (första: NUL på rad 3); en uppdragsfil kan inte ha dem"]
    assert _without_control_characters(paragraphs[:1]) == (paragraphs[:1], [])


@pytest.mark.parametrize("reader", ["text_reader.read_text", "pdf_reader.read_pdf", "docx_reader.read_docx"])
def test_memory_running_out_is_an_error_of_the_file_not_of_the_tool(reader: str, tmp_path: Path, monkeypatch) -> None:
    """Every reader is bounded; on a machine with little memory the last word is still exit 2."""
    import importlib

    from tests.support.raw_pdf import lines as pdf_lines
    from tests.support.raw_pdf import text_pdf
    from tests.unit.edit.importer.test_docx_reader_bounds import _word

    module, name = reader.split(".")

    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(importlib.import_module(f"uppdrag.edit.importer.{module}"), name, out_of_memory)
    data = {"text_reader": b"Bakgrund\n", "pdf_reader": text_pdf([pdf_lines(["Bakgrund"])]), "docx_reader": _word()}
    path = tmp_path / "dokument"
    path.write_bytes(data[module])
    with pytest.raises(ImportDocumentError) as caught:
        read_document(path)
    assert caught.value.message == (
        "filen behöver mer minne än det finns för att läsas; den är mycket större eller mer invecklad "
        "än en uppdragsbeskrivning"
    )

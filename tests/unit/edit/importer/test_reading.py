"""The format is decided by the content, not the name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.support.documents import to_docx
from uppdrag.edit.importer.reading import document_format, read_document
from uppdrag.errors import ImportDocumentError


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_content_decides() -> None:
    assert document_format(_docx_bytes(), ".txt") == "docx"
    assert document_format(b"%PDF-1.7\n...", ".docx") == "pdf"
    assert document_format(b"Bakgrund\n", ".md") == "md"
    assert document_format(b"Bakgrund\n", ".rtf") == "txt"
    with pytest.raises(ImportDocumentError, match=r"heter \.pdf men är ingen PDF"):
        document_format(b"hej", ".pdf")
    with pytest.raises(ImportDocumentError, match="binär"):
        document_format(b"\x00\x01\x02", ".txt")


def test_a_word_file_named_txt_is_read_as_word(tmp_path: Path) -> None:
    path = to_docx("Bakgrund\n\nText.\n", tmp_path / "dokument.docx")
    renamed = path.rename(tmp_path / "dokument.txt")
    document = read_document(renamed)
    assert document.format == "docx"
    assert [p.text for p in document.paragraphs] == ["Bakgrund", "Text."]


def test_windows_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gammal.txt"
    path.write_bytes("Möten\n\nMinst 4 möten per år\n".encode("cp1252"))
    assert [p.text for p in read_document(path).paragraphs] == ["Möten", "Minst 4 möten per år"]


def test_a_word_file_that_unpacks_too_large_is_refused_before_any_xml_is_parsed(tmp_path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/comments.xml", b" " * (60 * 1024 * 1024))
    with pytest.raises(ImportDocumentError) as caught:
        read_document(bomb)
    assert caught.value.message == (
        "Word-filen packas upp till 60 MB; högst 50 MB importeras (en uppdragsbeskrivning är några hundra kB)"
    )


def test_control_characters_in_proposals_and_comments_are_counted_in_the_same_note(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def reviewed(text: str, author: str) -> Path:
        document = docx.Document()
        document.add_paragraph("Bakgrund")
        paragraph = document.add_paragraph(text)
        insertion, run, content = OxmlElement("w:ins"), OxmlElement("w:r"), OxmlElement("w:t")
        insertion.set(qn("w:id"), "1")
        insertion.set(qn("w:author"), author)
        content.text = " tillägg"
        run.append(content)
        insertion.append(run)
        paragraph._p.append(insertion)
        path = tmp_path / "granskad.docx"
        document.save(str(path))
        return path

    notes = read_document(reviewed("Text\u202e med\u200f styrtecken.", "Anna\u2028 Berg\u202c")).notes
    assert notes[-1] == (
        "2 styrtecken togs bort ur texten och 2 ur förslag och kommentarer (första: U+202E på stycke 2); "
        "en uppdragsfil kan inte ha dem, och --diff visar dem inte"
    )
    notes = read_document(reviewed("Text utan styrtecken.", "Anna\u2028 Berg\u202c")).notes
    assert notes[-1] == (
        "2 styrtecken togs bort ur förslag och kommentarer (första: U+2028 i ett förslag på stycke 2); "
        "--diff visar dem inte"
    )
    assert "styrtecken" not in " ".join(read_document(reviewed("Text.", "Anna Berg")).notes)

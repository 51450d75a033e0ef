"""Opening a document: its format decided by its content, its paragraphs, or a Swedish reason why not."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from uppdrag.edit.importer.paragraphs import ReadDocument
from uppdrag.errors import ImportDocumentError
from uppdrag.files import os_reason

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a real uppdragsbeskrivning is well under 1 MB
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a Word file unpacked: a zip bomb stops here, before any XML is parsed
MAX_PARAGRAPHS = 5000  # a real one has a few hundred; tens of thousands would take minutes
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .doc


def document_format(data: bytes, suffix: str) -> str:
    """'docx', 'pdf', 'md' or 'txt', from the bytes; the suffix only tells Markdown from text."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                unpacked = sum(item.file_size for item in archive.infolist())
                body = (
                    archive.read("word/document.xml")
                    if unpacked <= MAX_UNPACKED_BYTES and "word/document.xml" in names
                    else b""
                )
        except zipfile.BadZipFile as exc:
            raise ImportDocumentError("filen är en trasig zip-fil, inte ett läsbart Word-dokument") from exc
        if unpacked > MAX_UNPACKED_BYTES:
            raise ImportDocumentError(
                f"Word-filen packas upp till {unpacked // 1024 // 1024} MB; högst {MAX_UNPACKED_BYTES // 1024 // 1024} MB "
                "importeras (en uppdragsbeskrivning är några hundra kB)"
            )
        paragraphs = body.count(b"<w:p>") + body.count(b"<w:p ")
        if paragraphs > MAX_PARAGRAPHS:
            raise ImportDocumentError(
                f"Word-filen har {paragraphs} stycken; högst {MAX_PARAGRAPHS} importeras (en uppdragsbeskrivning har några hundra)"
            )
        if "word/document.xml" not in names and "content.xml" in names:
            raise ImportDocumentError("filen är ett OpenDocument (.odt); spara den som .docx och försök igen")
        if "word/document.xml" not in names:
            raise ImportDocumentError("filen är en zip-fil men inget Word-dokument (word/document.xml saknas)")
        return "docx"
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_OLE) and suffix == ".docx":
        raise ImportDocumentError("Word-filen är lösenordsskyddad (krypterad); spara den utan lösenord och försök igen")
    if data.startswith(_OLE):
        raise ImportDocumentError("filen är i Words gamla format (.doc); spara den som .docx i Word och försök igen")
    if suffix == ".docx":
        raise ImportDocumentError(
            "filen heter .docx men är ingen Word-fil (en .docx är en zip-fil; den här är inte det)"
        )
    if suffix == ".pdf":
        raise ImportDocumentError("filen heter .pdf men är ingen PDF (den börjar inte med %PDF-)")
    if b"\x00" in data[:4096]:
        raise ImportDocumentError("filen är binär och inget format som kan importeras (.docx, .pdf, .txt, .md)")
    return "md" if suffix in (".md", ".markdown") else "txt"


def read_document(path: Path) -> ReadDocument:
    """The document's paragraphs; ImportDocumentError (exit 2) when it cannot be read."""
    if not path.exists():
        raise ImportDocumentError(f"filen '{path}' finns inte")
    if not path.is_file():
        raise ImportDocumentError(f"'{path}' är ingen fil")
    size = path.stat().st_size
    if size == 0:
        raise ImportDocumentError(f"filen '{path}' är tom")
    if size > MAX_DOCUMENT_BYTES:
        megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        raise ImportDocumentError(
            f"filen '{path}' är för stor ({megabytes} MB; högst {MAX_DOCUMENT_BYTES // 1024 // 1024} MB)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportDocumentError(f"kan inte läsa '{path}': {os_reason(exc)}") from exc
    kind = document_format(data, path.suffix.lower())
    notes: list[str] = []
    if kind == "docx":
        from uppdrag.edit.importer.docx_reader import read_docx, review_notes

        try:
            paragraphs = read_docx(data)
            notes = review_notes(data)
        except Exception as exc:  # python-docx and lxml fail in many ways on a broken file
            raise ImportDocumentError(f"Word-filen är trasig och kan inte läsas ({exc})") from exc
    elif kind == "pdf":
        from uppdrag.edit.importer.pdf_reader import read_pdf

        paragraphs = read_pdf(data)
    else:
        from uppdrag.edit.importer.text_reader import read_text

        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # Windows' own text files
        paragraphs = read_text(text)
    if not any(p.text.strip() for p in paragraphs):
        raise ImportDocumentError(f"filen '{path}' har ingen text")
    return ReadDocument(paragraphs, kind, tuple(notes))

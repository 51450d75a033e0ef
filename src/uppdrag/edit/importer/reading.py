"""Opening a document: its format decided by its content, its paragraphs, or a Swedish reason why not."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

from uppdrag.control_characters import CONTROL_CHARACTERS
from uppdrag.edit.importer.limits import MAX_DOCUMENT_BYTES, MAX_LINE_CHARACTERS, MAX_UNPACKED_BYTES, too_much
from uppdrag.edit.importer.paragraphs import Paragraph, ReadDocument, unhyphenated
from uppdrag.errors import ImportDocumentError
from uppdrag.files import os_reason
from uppdrag.word_package import unpacked_size

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .doc
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Word's other main parts, each with what to do about it
_OTHER_WORD = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "ett Word-dokument med makron (.docm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "en Word-mall (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "en Word-mall med makron (.dotm)",
}


def document_format(data: bytes, suffix: str) -> str:
    """'docx', 'pdf', 'md' or 'txt', from the bytes; the suffix only tells Markdown from text."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                unpacked = unpacked_size(archive)
                types = (
                    archive.read("[Content_Types].xml")
                    if unpacked <= MAX_UNPACKED_BYTES and "[Content_Types].xml" in names
                    else b""
                )
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
            raise ImportDocumentError("filen är en trasig zip-fil, inte ett läsbart Word-dokument") from exc
        except NotImplementedError as exc:  # a compression method zipfile lacks
            raise ImportDocumentError(
                "zip-filen är packad på ett sätt som importen inte kan läsa; spara den som .docx i Word och försök igen"
            ) from exc
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
            raise ImportDocumentError("zip-filen är krypterad; spara den utan lösenord och försök igen") from exc
        if unpacked > MAX_UNPACKED_BYTES:
            raise ImportDocumentError(
                f"Word-filen packas upp till {unpacked // 1024 // 1024} MB; högst {MAX_UNPACKED_BYTES // 1024 // 1024} MB "
                "importeras (en uppdragsbeskrivning är några hundra kB)"
            )
        if "word/document.xml" not in names and "content.xml" in names:
            raise ImportDocumentError("filen är ett OpenDocument (.odt); spara den som .docx och försök igen")
        if "word/document.xml" not in names:
            raise ImportDocumentError("filen är en zip-fil men inget Word-dokument (word/document.xml saknas)")
        if "[Content_Types].xml" not in names:
            raise ImportDocumentError(
                "Word-filen är trasig: förteckningen över dess delar ([Content_Types].xml) saknas; "
                "öppna den i Word och spara den igen"
            )
        refusal = _main_part_refusal(types)
        if refusal is not None:
            raise ImportDocumentError(refusal)
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
    if _text_encoding(data) != "utf-8-sig":
        return "md" if suffix in (".md", ".markdown") else "txt"
    if b"\x00" in data[:4096]:
        raise ImportDocumentError("filen är binär och inget format som kan importeras (.docx, .pdf, .txt, .md)")
    return "md" if suffix in (".md", ".markdown") else "txt"


def _main_part_refusal(types: bytes) -> str | None:
    """Why the main part is not read when it is no plain document (a .docm, a template), from
    the content types the zip declares; None for a .docx."""
    from lxml import etree

    try:
        root = etree.fromstring(types, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return None  # python-docx refuses it below, in Swedish
    for override in root.iter("{*}Override"):
        if str(override.get("PartName", "")).lower() == "/word/document.xml":
            declared = str(override.get("ContentType", ""))
            if declared == _WORD_MAIN:
                return None
            if declared in _OTHER_WORD:
                return f"filen är {_OTHER_WORD[declared]}, inget vanligt Word-dokument; spara den som .docx och försök igen"
            return (
                f"Word-filens huvuddel är av typen '{declared[:100]}', inte ett Word-dokuments; "
                "spara den som .docx i Word och försök igen"
            )
    return None


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
    try:
        paragraphs, notes, in_marks = _read(kind, data)
    except MemoryError:  # every reader is bounded; this is the last word when a machine has little memory
        raise ImportDocumentError(
            "filen behöver mer minne än det finns för att läsas; den är mycket större eller mer invecklad "
            "än en uppdragsbeskrivning"
        ) from None
    paragraphs, removed = _without_control_characters(paragraphs, in_marks)
    notes += removed
    paragraphs = [
        replace(p, text=unhyphenated(p.text), cells=tuple(unhyphenated(c) for c in p.cells)) for p in paragraphs
    ]
    if not any(p.text.strip() for p in paragraphs):
        raise ImportDocumentError(f"filen '{path}' har ingen text")
    for paragraph in paragraphs:  # what comes next reads each paragraph whole: none may be endless
        if len(paragraph.text) > MAX_LINE_CHARACTERS:
            raise too_much(
                f"stycket ({paragraph.where})", MAX_LINE_CHARACTERS, "tecken", "ett stycke har sällan över 2 000"
            )
    return ReadDocument(paragraphs, kind, tuple(notes))


def _read(kind: str, data: bytes) -> tuple[list[Paragraph], list[str], tuple[int, str]]:
    """The paragraphs, notes about the file, and the control characters taken out of a Word
    file's proposals and comments (how many, the first), by the reader for its format."""
    if kind == "docx":
        from uppdrag.edit.importer.docx_reader import read_docx, rejecting_proposals
        from uppdrag.edit.importer.review_marks import read_review_marks

        try:
            marks = read_review_marks(data)
            return read_docx(data), marks.notes(rejecting_proposals()), (marks.controls_removed, marks.first_control)
        except (ImportDocumentError, MemoryError):
            raise
        except Exception as exc:  # python-docx and lxml fail in many ways on a broken file
            raise ImportDocumentError(f"Word-filen är trasig och kan inte läsas ({_word_problem(exc)})") from exc
    if kind == "pdf":
        from uppdrag.edit.importer.pdf_reader import read_pdf

        return read_pdf(data), [], (0, "")
    from uppdrag.edit.importer.text_reader import read_text

    return read_text(_decoded(data)), [], (0, "")


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _text_encoding(data: bytes) -> str:
    """UTF-16 or UTF-32 when a byte order mark says so (Notepad's "Unicode" is UTF-16 with one), else UTF-8."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), "utf-8-sig")


def _decoded(data: bytes) -> str:
    encoding = _text_encoding(data)
    if encoding != "utf-8-sig":
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise ImportDocumentError(
                f"textfilen är {encoding.upper()} men trasig (den tar slut mitt i ett tecken); spara den som UTF-8 och försök igen"
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Windows' own text files


_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}\ud800-\udfff]")
_CONTROL_NAMES = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x0c": "sidbrytning"}


def _without_control_characters(
    paragraphs: list[Paragraph], in_marks: tuple[int, str] = (0, "")
) -> tuple[list[Paragraph], list[str]]:
    """The text without control characters (ESC, NUL, U+202E…): no mission file may hold them,
    and a terminal or editor shows them as something else. The note says what went, with those
    review_marks took out of a Word file's proposals and comments (in_marks: how many, the first)."""
    removed = 0
    first = ""
    cleaned = []
    for paragraph in paragraphs:
        found = _CONTROL.findall(paragraph.text) + [c for cell in paragraph.cells for c in _CONTROL.findall(cell)]
        if not found:
            cleaned.append(paragraph)
            continue
        removed += len(found)
        if not first:
            first = f"{_CONTROL_NAMES.get(found[0]) or f'U+{ord(found[0]):04X}'} på {paragraph.where}"
        cells = tuple(" ".join(_CONTROL.sub("", cell).split()) for cell in paragraph.cells)
        cleaned.append(replace(paragraph, text=" ".join(_CONTROL.sub("", paragraph.text).split()), cells=cells))
    marks, first_in_marks = in_marks
    if not marks:
        if not removed:
            return paragraphs, []
        return cleaned, [f"{removed} styrtecken togs bort ur texten (första: {first}); en uppdragsfil kan inte ha dem"]
    if not removed:
        return paragraphs, [
            f"{marks} styrtecken togs bort ur förslag och kommentarer (första: {first_in_marks}); --diff visar dem inte"
        ]
    return cleaned, [
        f"{removed} styrtecken togs bort ur texten och {marks} ur förslag och kommentarer (första: {first}); "
        "en uppdragsfil kan inte ha dem, och --diff visar dem inte"
    ]


def _word_problem(exc: Exception) -> str:
    """What python-docx or lxml found broken, in Swedish."""
    from lxml import etree

    from uppdrag.edit.importer.docx_reader import xml_problem

    if isinstance(exc, etree.XMLSyntaxError):
        return xml_problem("en del", exc)
    missing = re.search(r"no item named '([^']{1,200})'", str(exc))
    if isinstance(exc, KeyError) and missing:
        return f"delen {missing.group(1)} saknas"
    if isinstance(exc, (zipfile.BadZipFile, EOFError, zlib.error)):
        return "zip-filen är avkortad eller skadad"
    return "python-docx kunde inte tolka den"

"""PDFs with a text layer through pdfplumber: lines grouped into paragraphs by the gaps between
them; font size and weight tell headings from body text where the words alone cannot."""

from __future__ import annotations

import io
import itertools
import logging
import re
import struct
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from uppdrag.edit.importer.headings import classify, stands_alone
from uppdrag.edit.importer.limits import MAX_LINE_CHARACTERS, MAX_PAGES, CharacterCount, too_much
from uppdrag.edit.importer.paragraphs import Paragraph, join_lines
from uppdrag.edit.importer.pdf_bounds import bounded_pdfminer, page_tree
from uppdrag.edit.importer.people import parse_people, parse_person, table_columns
from uppdrag.errors import ImportDocumentError

if TYPE_CHECKING:  # pdfplumber is imported only when a PDF is read
    from pdfplumber.pdf import PDF

# Bullets as PDF makers write them, Word's Symbol and Wingdings glyphs (private use area) too.
_BULLET = re.compile("^(?:[•▪◦·●○■➢►✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\\s*|[-–*]\\s+)")
_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+")


@dataclass
class _Line:
    page: int
    number: int  # on its page
    text: str
    top: float
    bottom: float
    x0: float
    size: float
    bold: bool
    page_height: float
    cells: tuple[str, ...] = ()  # the row's text split at wide gaps: a table's cells, if it is one
    watermark: bool = False  # the page's rotated text: kept apart, as a running header is

    @property
    def in_margin(self) -> bool:
        return self.top < self.page_height * 0.08 or self.bottom > self.page_height * 0.92

    @property
    def in_outer_fifth(self) -> bool:
        """Where a page number may stand: a footer with a large bottom margin starts at 80 %."""
        return self.top < self.page_height * 0.2 or self.bottom > self.page_height * 0.8


def _lines(pdf: PDF) -> list[_Line]:
    lines: list[_Line] = []
    for page_number, page in enumerate(pdf.pages, start=1):
        # Rotated text is a watermark ("UTKAST" across the page), never the document's own.
        level = page.filter(lambda obj: obj.get("object_type") != "char" or not _rotated(obj))
        words = level.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
        # in the order drawn: extract_words reads rotated letters as words of one letter each
        turned = "".join(c.get("text", "") for c in page.chars if _rotated(c)).split()
        page.close()  # its characters are words now: one page's objects in memory at a time
        rows = _rows(words)
        if turned:  # one line per page, so the report can count its words apart from the text
            text = " ".join(turned)
            lines.append(
                _Line(page_number, len(rows) + 1, text, 0.0, 0.0, 0.0, 0.0, False, page.height, watermark=True)
            )
        for number, row in enumerate(rows, start=1):
            row.words.sort(key=lambda w: w["x0"])
            text = " ".join(w["text"] for w in row.words)
            sizes = [round(w["size"], 1) for w in row.words]
            bold = all(re.search(r"bold|black|heavy|semibold", w["fontname"], re.IGNORECASE) for w in row.words)
            lines.append(
                _Line(
                    page_number,
                    number,
                    text,
                    row.top,
                    row.bottom,
                    row.words[0]["x0"],
                    max(sizes),
                    bold,
                    page.height,
                    _cells(row.words, max(sizes)),
                )
            )
    return lines


def _cells(words: list[dict[str, Any]], size: float) -> tuple[str, ...]:
    """The row's words split where a gap is wider than a justified space stretches (three
    quarters of the font size; a table cell's padding is more): a table's columns."""
    cells: list[list[str]] = []
    previous_end: float | None = None
    for word in words:
        if previous_end is None or word["x0"] - previous_end > max(size * 0.75, 5.0):
            cells.append([])
        cells[-1].append(word["text"])
        previous_end = word["x1"]
    return tuple(" ".join(cell) for cell in cells) if len(cells) > 1 else ()


@dataclass
class _Row:
    words: list[dict[str, Any]]
    top: float
    bottom: float


def _rows(words: list[dict[str, Any]]) -> list[_Row]:
    """Words into rows, top to bottom. A list marker sits a little higher or lower than its text:
    same row if its middle lies within the row. Words come in order of their bottom, so only the
    last rows can hold a word: the search stops at the first row that ends well above it."""
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        height = word["bottom"] - word["top"]
        row = None
        for candidate in reversed(rows):
            if candidate.top <= middle <= candidate.bottom:
                row = candidate
                break
            if candidate.bottom < middle - 2 * height - 1:
                break
        if row is None:
            rows.append(_Row([word], word["top"], word["bottom"]))
        else:
            row.words.append(word)
            row.top, row.bottom = min(row.top, word["top"]), max(row.bottom, word["bottom"])
    rows.sort(key=lambda r: r.top)
    return rows


# pdfminer follows references by recursion: an xref whose /Prev leads back to itself, or
# objects nested without end, ends in RecursionError.
_LOOPED = "PDF-filen är trasig och kan inte läsas (den hänvisar till sig själv i en ring eller är nästlad utan slut)"


def read_pdf(data: bytes) -> list[Paragraph]:
    """Paragraphs of a PDF's text layer; running headers and footers are left out."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its English notes about odd files: not for users

    try:
        # Not pdfplumber's `with`: its close() makes every page of the file, however many, to
        # close them; _lines closes each page it read, and the bytes need no closing.
        with bounded_pdfminer(CharacterCount("PDF-filen")):
            pdf = pdfplumber.open(io.BytesIO(data))
            # Counted up to one past the cap: pdfplumber's pages would make an object for each.
            pages = sum(1 for _ in itertools.islice(page_tree(pdf.doc), MAX_PAGES + 1))
            if pages == 0:
                raise ImportDocumentError("PDF-filen har inga sidor")
            if pages > MAX_PAGES:
                raise ImportDocumentError(
                    f"PDF-filen har fler än {MAX_PAGES} sidor; högst {MAX_PAGES} importeras (en uppdragsbeskrivning har några få)"
                )
            lines = _lines(pdf)
    except ImportDocumentError:
        raise
    except RecursionError as exc:
        raise ImportDocumentError(_LOOPED) from exc
    except Exception as exc:  # pdfminer has many kinds of failure, and pdfplumber wraps them
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(cause, (ImportDocumentError, MemoryError)):
            raise cause from None  # a cap reached (or memory run out) while pdfplumber laid out a page
        if isinstance(cause, RecursionError):
            raise ImportDocumentError(_LOOPED) from exc
        if not _from_the_file(cause):
            raise  # a bug of ours, not a broken file
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ImportDocumentError("PDF-filen är lösenordsskyddad; spara den utan lösenord och försök igen") from exc
        raise ImportDocumentError(f"PDF-filen är trasig och kan inte läsas ({_swedish_detail(cause)})") from exc
    if not any(line.text.strip() for line in lines if not line.watermark):
        raise ImportDocumentError(
            "PDF-filen har inget textlager (troligen inskannad: sidorna är bara bilder); gör den sökbar "
            "med OCR först, t.ex. 'ocrmypdf --language swe in.pdf ut.pdf', och importera den nya filen"
        )
    pages = max(line.page for line in lines)
    margins = _running_text([line for line in lines if not line.watermark], pages)
    margins |= {id(line) for line in lines if line.watermark}
    body = [line for line in lines if id(line) not in margins]
    if not body:
        raise ImportDocumentError("PDF-filen har bara sidhuvud och sidfot, ingen text att importera")
    body_size = Counter(line.size for line in body).most_common(1)[0][0]
    # List levels by where their markers stand: the leftmost list is level 0, the next level 1.
    marker_columns = sorted(
        {round(line.x0 / 8) for line in body if _BULLET.match(line.text) or _NUMBER.match(line.text)}
    )
    paragraphs: list[Paragraph] = []
    previous: _Line | None = None
    current: dict[str, Any] | None = None
    table_width = 0  # the number of columns of the people table being read, 0 outside one
    for line in body:
        text = line.text.strip()
        # A table's header row (Namn | Kommun | …) and the rows under it with as many cells
        if line.cells and (table_columns(line.cells) is not None or len(line.cells) == table_width):
            if current is not None:
                paragraphs.append(current["paragraph"](current["text"]))
                current = None
            table_width = len(line.cells)
            where = f"sida {line.page}, rad {line.number} (tabell)"
            paragraphs.append(Paragraph(" · ".join(line.cells), where, cells=line.cells))
            previous = line
            continue
        table_width = 0
        bullet, numbered = _BULLET.match(text), _NUMBER.match(text)
        big = line.size > body_size * 1.1
        heading_like = big or (line.bold and len(text) < 80) or stands_alone(text)
        # A page break ends a paragraph only where a sentence ends: items run on to the next page.
        page_break = previous is not None and line.page != previous.page
        gap = previous is not None and (
            (page_break and not (text[:1].islower() and current and not current["text"].endswith((".", ":"))))
            or (not page_break and line.top - previous.bottom > (previous.bottom - previous.top) * 0.6)
        )
        # A long title wraps: a large line right under a large line of the same size goes on.
        # So does a bold heading in a narrow column ("3.1 Ordförande/förvaltnings-" "chefsrepresentant").
        wrapped_heading = (
            (big or (line.bold and previous is not None and previous.bold and not numbered and not bullet))
            and not gap and current is not None and current["heading"] and previous is not None
            and abs(previous.size - line.size) < 0.5
            and (classify(current["text"].rstrip(":")) is None or current["text"].endswith(("/", "-", "\u2010")))
        )  # fmt: skip
        starts = not wrapped_heading and (
            current is None or gap or bullet or numbered or heading_like or current["heading"]
            or (line.x0 < current["x0"] - 5 and current["list"])
            or parse_people(text) is not None or parse_people(current["text"]) is not None
            or (parse_person(text) is not None and parse_person(current["text"]) is not None)
        )  # fmt: skip
        if starts:
            if current is not None:
                paragraphs.append(current["paragraph"](current["text"]))
            kind = "bullet" if bullet else ("number" if numbered else None)
            body_text = text[bullet.end() :] if bullet else (text[numbered.end() :] if numbered else text)
            depth = min(marker_columns.index(round(line.x0 / 8)), 1) if kind else 0
            level = (1 if line.size > body_size * 1.4 else 2) if big else None
            where = f"sida {line.page}, rad {line.number}"
            number = int(numbered.group(1)) if numbered else None
            current = {
                "text": body_text,
                "x0": line.x0,
                "list": kind is not None,
                "heading": heading_like,
                "where": where,
                "paragraph": lambda t, w=where, lv=level, b=line.bold, k=kind, n=number, d=depth: Paragraph(
                    t, w, heading_level=lv, bold=b, list_kind=k, number=n, depth=d
                ),
            }
        else:
            assert current is not None
            current["text"] = join_lines(current["text"], text)
            if len(current["text"]) > MAX_LINE_CHARACTERS:  # before it grows on, line by line
                raise too_much(
                    f"stycket ({current['where']})", MAX_LINE_CHARACTERS, "tecken", "ett stycke har sällan över 2 000"
                )
        previous = line
    if current is not None:
        paragraphs.append(current["paragraph"](current["text"]))
    paragraphs += [
        Paragraph(line.text.strip(), f"sida {line.page}, rad {line.number}", margin=True)
        for line in lines
        if id(line) in margins
    ]
    return paragraphs


def _swedish_detail(exc: BaseException) -> str:
    """What broke, in Swedish: pdfminer's own words are English and name its internals."""
    names = {kind.__name__ for kind in type(exc).__mro__}
    if "PSEOF" in names:
        return "filen tar slut mitt i ett objekt; den är troligen avkortad"
    if "PDFNoValidXRef" in names:
        return "dess innehållsförteckning (xref) saknas eller är trasig"
    if "No /Root object" in str(exc):
        return "dess katalog (/Root) saknas"
    if "PDFNotImplementedError" in names:
        return "den använder en kodning som importen inte kan läsa"
    if isinstance(exc, zlib.error):
        return "en komprimerad del är trasig"
    return "dess uppbyggnad följer inte PDF-standarden"


def _from_the_file(exc: BaseException) -> bool:
    """A failure the PDF caused (pdfminer's own kinds, or what a parser hits in broken bytes)."""
    package = type(exc).__module__.split(".")[0]
    return package in ("pdfminer", "pdfplumber") or isinstance(
        exc, (ValueError, KeyError, TypeError, IndexError, OSError, AssertionError, struct.error, zlib.error)
    )


def _rotated(char: dict[str, Any]) -> bool:
    matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    return bool(abs(matrix[1]) > 0.01 or abs(matrix[2]) > 0.01)


def _running_text(lines: list[_Line], pages: int) -> set[int]:
    """The running header and footer (ids of their lines): small lines in the page margins, or
    margin lines that recur on other pages, page numbers aside."""
    sizes = Counter(line.size for line in lines)
    body_size = sizes.most_common(1)[0][0]

    def pattern(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.strip().casefold())

    recurring = Counter(pattern(line) for line in lines if line.in_margin)
    return {
        id(line)
        for line in lines
        if (
            line.in_margin
            and (
                line.size < body_size - 0.5
                or (pages > 1 and recurring[pattern(line)] > 1)
                or _PAGE.match(line.text.strip())
            )
        )
        or (line.in_outer_fifth and _PAGE.match(line.text.strip()))
    }


# "1", "- 2 -", "Sida 1 av 3", "2 (4)", "3/5": a page number, never the document's text
_PAGE = re.compile(r"^[-–—\s]{0,3}(?:sida\s)?\d{1,4}(?:\s?(?:av\s|/|\()\s?\d{1,4}\)?)?[-–—\s]{0,3}$", re.IGNORECASE)

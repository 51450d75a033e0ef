"""PDFs with a text layer through pdfplumber: lines grouped into paragraphs by the gaps between
them; font size and weight tell headings from body text where the words alone cannot."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from uppdrag.edit.importer.headings import stands_alone
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.errors import ImportDocumentError

_BULLET = re.compile(r"^[•▪◦·●○■\-–*]\s*")
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


def _lines(pdf) -> list[_Line]:
    lines: list[_Line] = []
    for page_number, page in enumerate(pdf.pages, start=1):
        words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=True)
        rows: list[list[dict]] = []
        for word in words:
            if rows and abs(rows[-1][0]["top"] - word["top"]) < max(2.0, word["size"] * 0.4):
                rows[-1].append(word)
            else:
                rows.append([word])
        for number, row in enumerate(rows, start=1):
            row.sort(key=lambda w: w["x0"])
            text = " ".join(w["text"] for w in row)
            sizes = [round(w["size"], 1) for w in row]
            bold = all(re.search(r"bold|black|heavy|semibold", w["fontname"], re.I) for w in row)
            lines.append(
                _Line(page_number, number, text, min(w["top"] for w in row), max(w["bottom"] for w in row),
                      row[0]["x0"], max(sizes), bold)  # fmt: skip
            )
    return lines


def read_pdf(data: bytes) -> list[Paragraph]:
    """Paragraphs of a PDF's text layer; running headers and footers are left out."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines = _lines(pdf)
            pages = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ImportDocumentError("PDF-filen är lösenordsskyddad; spara den utan lösenord och försök igen") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ImportDocumentError(f"PDF-filen är trasig och kan inte läsas ({type(exc).__name__})") from exc
    except Exception as exc:  # pdfminer raises many kinds for a broken file
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ImportDocumentError("PDF-filen är lösenordsskyddad; spara den utan lösenord och försök igen") from exc
        raise ImportDocumentError(f"PDF-filen är trasig och kan inte läsas ({type(exc).__name__}: {exc})") from exc
    if not any(line.text.strip() for line in lines):
        raise ImportDocumentError(
            f"PDF-filen har inget textlager ({pages} sidor bara bild, troligen inskannad); "
            "gör den sökbar med OCR först, t.ex. 'ocrmypdf in.pdf ut.pdf', och importera sedan den nya filen"
        )
    lines = _without_running_text(lines, pages)
    body_size = Counter(line.size for line in lines).most_common(1)[0][0]
    left = min(line.x0 for line in lines)
    paragraphs: list[Paragraph] = []
    previous: _Line | None = None
    current: dict | None = None
    for line in lines:
        text = line.text.strip()
        bullet, numbered = _BULLET.match(text), _NUMBER.match(text)
        big = line.size > body_size * 1.1
        heading_like = big or (line.bold and len(text) < 80) or stands_alone(text)
        gap = previous is not None and (
            line.page != previous.page or line.top - previous.bottom > (previous.bottom - previous.top) * 0.6
        )
        starts = (
            current is None or gap or bullet or numbered or heading_like or current["heading"]
            or (line.x0 < current["x0"] - 5 and current["list"])
        )  # fmt: skip
        if starts:
            if current is not None:
                paragraphs.append(current["paragraph"](current["text"]))
            kind = "bullet" if bullet else ("number" if numbered else None)
            body = text[bullet.end() :] if bullet else (text[numbered.end() :] if numbered else text)
            depth = 1 if kind and line.x0 - left > 20 else 0
            level = (1 if line.size > body_size * 1.4 else 2) if big else None
            where = f"sida {line.page}, rad {line.number}"
            number = int(numbered.group(1)) if numbered else None
            current = {
                "text": body,
                "x0": line.x0,
                "list": kind is not None,
                "heading": heading_like,
                "paragraph": lambda t, w=where, lv=level, b=line.bold, k=kind, n=number, d=depth: Paragraph(
                    t, w, heading_level=lv, bold=b, list_kind=k, number=n, depth=d
                ),
            }
        else:
            assert current is not None
            current["text"] += " " + text
        previous = line
    if current is not None:
        paragraphs.append(current["paragraph"](current["text"]))
    return paragraphs


def _without_running_text(lines: list[_Line], pages: int) -> list[_Line]:
    """Drop lines repeated on every page (header, footer) and 'Sida 1 av 2'."""
    if pages < 2:
        return [line for line in lines if not re.fullmatch(r"sida \d+ av \d+", line.text.strip(), re.I)]
    counts = Counter(re.sub(r"\d+", "#", line.text.strip()) for line in lines)
    return [
        line
        for line in lines
        if counts[re.sub(r"\d+", "#", line.text.strip())] < pages
        and not re.fullmatch(r"sida \d+ av \d+", line.text.strip(), re.I)
    ]

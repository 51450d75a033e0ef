"""The importer's caps: how much a document may make the readers build, each with its Swedish refusal.

The caps come from real uppdragsbeskrivningar: the seeds have about 3,500 characters of text and
the longest real one about 20 pages (some 60,000 characters, a few hundred paragraphs). Each cap
leaves a wide margin above that and stops a hostile file long before it costs minutes or GB.
README.md lists them in its import section; keep the two in step.
"""

from __future__ import annotations

from uppdrag import limits as shared
from uppdrag.errors import ImportDocumentError

# Word files' bounds, shared with render's reference document (uppdrag.limits, uppdrag.word_package)
MAX_DOCUMENT_BYTES = shared.MAX_DOCUMENT_BYTES
MAX_UNPACKED_BYTES = shared.MAX_UNPACKED_BYTES
MAX_XML_ELEMENTS = shared.MAX_XML_ELEMENTS

MAX_CHARACTERS = 200_000  # text in the whole document: about 60 full pages
MAX_LINE_CHARACTERS = 20_000  # one line of a text file, or one paragraph: about 7 full pages

# Word (.docx): counted while the XML is read, whatever prefix names the namespace
MAX_PARAGRAPHS = 5_000  # a real one has a few hundred
MAX_RUNS = 50_000  # pieces of text with their own formatting; a real one has a few thousand
MAX_TABLE_CELLS = 20_000
MAX_STYLES = 2_000  # python-docx's template, made from Word's, defines 164
MAX_NUMBERING = 2_000  # list definitions in numbering.xml
MAX_REVIEW_MARKS = 5_000  # tracked changes and comments read for --diff; a reviewed file has a few dozen
MAX_COMMENT_ANCHORS = 5_000  # comments' ranges (w:commentRangeStart), one per comment in a real file

# PDF: counted while pdfminer decodes and lays out the pages
MAX_PAGES = 100
# Cross-reference sections (one per save that appended to the file, /Prev links them): pdfminer
# follows them by recursion, so the cap also stays far below Python's recursion limit.
MAX_XREF_SECTIONS = 200  # a file saved again and again has a few dozen
MAX_PAGE_TREE_NODES = 1_000  # pages and the nodes that group them (a flat tree: one per page and its root)
MAX_STREAM_BYTES = 16 * 1024 * 1024  # one stream decoded (a page's content is some 50 kB, a font a few MB)
MAX_DECODED_BYTES = 64 * 1024 * 1024  # all streams decoded together
MAX_PAGE_CONTENT_BYTES = 1024 * 1024  # drawing instructions a page runs, forms drawn on it included (WeasyPrint: 16 kB)
MAX_CONTENT_BYTES = 3 * 1024 * 1024  # the same for all pages together; pdfminer runs some 200 kB a second
MAX_PAGE_CHARACTERS = 20_000  # a full A4 page of small print has about 6,000
MAX_PAGE_DRAWINGS = 50_000  # lines, boxes and images on one page
MAX_FONT_MAP_ENTRIES = 500_000  # code -> character entries of all fonts' maps (a font subset has a few hundred)


def _number(value: int) -> str:
    """20 000 as Swedish writes it, a space between the thousands."""
    return f"{value:,}".replace(",", " ")


def megabytes(size: int) -> str:
    return f"{size // 1024 // 1024} MB"


def too_much(what: str, limit: int, unit: str, why: str) -> ImportDocumentError:
    """The refusal for a document past a cap: 'Word-filen har fler än 5 000 stycken; …'."""
    amount = megabytes(limit) if unit == "MB" else f"{_number(limit)} {unit}"
    return ImportDocumentError(f"{what} har fler än {amount}; det är mer än importen läser ({why})")


class CharacterCount:
    """The characters read so far, against MAX_CHARACTERS; each reader keeps one per document."""

    def __init__(self, what: str) -> None:
        self.what = what  # 'Word-filen', 'PDF-filen', 'textfilen'
        self.total = 0

    def add(self, amount: int) -> None:
        self.total += amount
        if self.total > MAX_CHARACTERS:
            raise too_much(self.what, MAX_CHARACTERS, "tecken text", "en uppdragsbeskrivning har högst omkring 60 000")

"""pdfminer under a budget: every stream is decoded with a cap on what it may grow to, and every
page stops at a cap on the content it runs and the characters and drawings it builds.

pdfminer decodes a stream whole (zlib.decompress, its own LZW and run-length decoders), so a few
MB of FlateDecode can ask for GB before anything could count them. While a PDF is read, the names
pdfminer.pdftypes decodes with are swapped for bounded ones, pdfplumber lays each page out
with a device and an interpreter that count, a font's character map counts its ranges, and
the pages are found in the page tree alone. These are the only private names of pdfminer and
pdfplumber the importer relies on; tests/unit/edit/importer/test_pdf_bounds.py holds their contract.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from uppdrag.edit.importer.limits import (
    MAX_CONTENT_BYTES,
    MAX_DECODED_BYTES,
    MAX_FONT_MAP_ENTRIES,
    MAX_PAGE_CHARACTERS,
    MAX_PAGE_CONTENT_BYTES,
    MAX_PAGE_DRAWINGS,
    MAX_PAGE_TREE_NODES,
    MAX_STREAM_BYTES,
    MAX_XREF_SECTIONS,
    CharacterCount,
    megabytes,
    too_much,
)
from uppdrag.errors import ImportDocumentError

_RUN_COST = 1024  # a form drawn again costs this much content even when it is empty: no fan-out for free
_ACTIVE = threading.Lock()  # the swap is process-wide: one bounded read at a time


class DecodeBudget:
    """Decoded bytes of one PDF: each stream under MAX_STREAM_BYTES, all under MAX_DECODED_BYTES."""

    def __init__(self) -> None:
        self.total = 0

    def room(self) -> int:
        return min(MAX_STREAM_BYTES, MAX_DECODED_BYTES - self.total)

    def take(self, size: int) -> None:
        """Count a decoded stream; refused when it passes the room that was left for it."""
        if size > self.room():
            raise self._refusal()
        self.total += size

    def _refusal(self) -> ImportDocumentError:
        if self.room() == MAX_STREAM_BYTES:
            return ImportDocumentError(
                f"en ström i PDF-filen packas upp till mer än {megabytes(MAX_STREAM_BYTES)}; högst "
                f"{megabytes(MAX_STREAM_BYTES)} per ström importeras (en sidas text är några tiotal kB)"
            )
        return ImportDocumentError(
            f"PDF-filen packas upp till mer än {megabytes(MAX_DECODED_BYTES)}; högst "
            f"{megabytes(MAX_DECODED_BYTES)} importeras (en uppdragsbeskrivning är några MB)"
        )

    def inflate(self, data: bytes, *, lenient: bool = False) -> bytes:
        """FlateDecode that stops one byte past the room left; lenient keeps what a stream with a
        broken end gave (pdfminer's decompress_corrupted), else a broken stream is zlib.error."""
        room = self.room()
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data, room + 1)
        except zlib.error:
            if not lenient:
                raise
            out = self._salvage(data, room)
        self.take(len(out))
        if not lenient and not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    def _salvage(self, data: bytes, room: int) -> bytes:
        """What inflates before the point where the data breaks."""
        inflater = zlib.decompressobj()
        out = bytearray()
        for start in range(0, len(data), 4096):
            try:
                out += inflater.decompress(data[start : start + 4096], room + 1 - len(out))
            except zlib.error:
                break
            if len(out) > room:
                break
        return bytes(out)

    def chunks(self, pieces: Iterator[bytes]) -> bytes:
        """A decoder's output gathered piece by piece, stopped one piece past the room left."""
        room = self.room()
        out = bytearray()
        for piece in pieces:
            out += piece
            if len(out) > room:
                break
        self.take(len(out))
        return bytes(out)


class _BoundedZlib:
    """Stands in for the zlib module in pdfminer.pdftypes: decompress with a cap."""

    error = zlib.error

    def __init__(self, budget: DecodeBudget) -> None:
        self.budget = budget

    def decompress(self, data: bytes) -> bytes:
        return self.budget.inflate(data)


def _run_length(data: bytes) -> Iterator[bytes]:
    """RunLengthDecode, run by run (PDF 1.7, 7.4.5); it stops at the end mark or the data's end."""
    at = 0
    while at < len(data):
        length = data[at]
        at += 1
        if length == 128:
            return
        if length < 128:
            yield data[at : at + length + 1]
            at += length + 1
        else:
            yield data[at : at + 1] * (257 - length)
            at += 1


def _decoders(budget: DecodeBudget) -> dict[str, object]:
    from pdfminer.ccitt import ccittfaxdecode
    from pdfminer.lzw import LZWDecoder

    def ccitt(data: bytes, params: dict[str, Any]) -> bytes:
        # A row is Columns bits and every row costs at least one bit of input.
        columns = params.get("Columns", 1728)
        if not isinstance(columns, int) or len(data) * max(columns, 1) > budget.room():
            budget.take(budget.room() + 1)
        out = ccittfaxdecode(data, params)
        budget.take(len(out))
        return out

    return {
        "zlib": _BoundedZlib(budget),
        "decompress_corrupted": lambda data: budget.inflate(data, lenient=True),
        "lzwdecode": lambda data: budget.chunks(LZWDecoder(io.BytesIO(data)).run()),
        "rldecode": lambda data: budget.chunks(_run_length(data)),
        "ccittfaxdecode": ccitt,
    }


def page_tree(document: Any, page_class: Any = None) -> Iterator[Any]:  # pdfminer's PDFDocument and PDFPage
    """The pages of the page tree, depth first, as pdfminer's PDFPage.create_pages gives them,
    but with a stack instead of recursion, a cap on the nodes visited, and without its fallback
    that tries every object the xref names when the tree has no page (an xref stream may name
    billions)."""
    from pdfminer.pdfpage import LITERAL_PAGE, LITERAL_PAGES, PDFPage
    from pdfminer.pdftypes import dict_value, list_value

    make = page_class or PDFPage
    if "Pages" not in document.catalog:
        raise ImportDocumentError("PDF-filen är trasig och kan inte läsas (den har inget sidträd, /Pages)")
    stack = [(document.catalog["Pages"], document.catalog)]
    visited: set[object] = set()
    while stack:
        node, parent = stack.pop()
        object_id = node if isinstance(node, int) else getattr(node, "objid", None)
        if object_id is None or object_id in visited:
            continue
        visited.add(object_id)
        if len(visited) > MAX_PAGE_TREE_NODES:
            raise too_much(
                "PDF-filens sidträd", MAX_PAGE_TREE_NODES, "noder", "ett sidträd har en per sida och några till"
            )
        properties = dict_value(document.getobj(node) if isinstance(node, int) else node).copy()
        for key, value in parent.items():
            if key in PDFPage.INHERITABLE_ATTRS and key not in properties:
                properties[key] = value
        kind = properties.get("Type", properties.get("type"))
        if kind is LITERAL_PAGES and "Kids" in properties:
            stack.extend((child, properties) for child in reversed(list_value(properties["Kids"])))
        elif kind is LITERAL_PAGE:
            yield make(document, object_id, properties, None)


def _tree_pages() -> type[Any]:
    """PDFPage whose create_pages is page_tree, for pdfplumber's list of pages."""
    from pdfminer.pdfpage import PDFPage

    class TreePages(PDFPage):
        @classmethod
        def create_pages(cls, document):  # type: ignore[no-untyped-def]
            return page_tree(document, cls)

    return TreePages


def _font_map_parser() -> type[Any]:
    """pdfminer's CMap parser, counting the entries a range asks for before they are made:
    '<00000000> <FFFFFFFF> <0000> endbfrange' is four billion of them in 30 bytes."""
    from pdfminer.cmapdb import CMapParser

    class CountingParser(CMapParser):
        entries = 0  # of all maps of the document: the class is made anew for each PDF

        def do_keyword(self, pos, token):  # type: ignore[no-untyped-def]
            if token in (self.KEYWORD_ENDBFRANGE, self.KEYWORD_ENDCIDRANGE):
                objs = [obj for _, obj in self.curstack]
                for start, end in zip(objs[0::3], objs[1::3]):
                    if isinstance(start, bytes) and isinstance(end, bytes):
                        low, high = int.from_bytes(start[-4:], "big"), int.from_bytes(end[-4:], "big")
                        CountingParser.entries += max(high - low + 1, 0)
                if CountingParser.entries > MAX_FONT_MAP_ENTRIES:
                    raise too_much(
                        "PDF-filens typsnitt", MAX_FONT_MAP_ENTRIES, "teckenkoder", "ett typsnitt har några hundra"
                    )
            return super().do_keyword(pos, token)

    return CountingParser


def _page_classes(characters: CharacterCount) -> tuple[type[Any], type[Any]]:
    """pdfplumber's device and pdfminer's interpreter, counting what each page builds and runs."""
    content = DecodeBudget()  # its total: drawing instructions run on all pages
    import pdfplumber.page
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import stream_value

    class CountingDevice(pdfplumber.page.PDFPageAggregatorWithMarkedContent):
        characters_on_page = 0
        drawings_on_page = 0
        content_on_page = 0

        def _page(self) -> str:
            return f"sidan {self.pageno} i PDF-filen"

        def render_char(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.characters_on_page += 1
            if self.characters_on_page > MAX_PAGE_CHARACTERS:
                raise too_much(self._page(), MAX_PAGE_CHARACTERS, "tecken", "en full sida har omkring 6 000")
            characters.add(1)
            return super().render_char(*args, **kwargs)

        def _drawing(self) -> None:
            self.drawings_on_page += 1
            if self.drawings_on_page > MAX_PAGE_DRAWINGS:
                raise too_much(self._page(), MAX_PAGE_DRAWINGS, "linjer, ytor och bilder", "en sida har några hundra")

        def render_image(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self._drawing()
            return super().render_image(*args, **kwargs)

        def paint_path(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self._drawing()
            return super().paint_path(*args, **kwargs)

        def run_content(self, size: int) -> None:
            self.content_on_page += size + _RUN_COST
            content.total += size + _RUN_COST
            if self.content_on_page > MAX_PAGE_CONTENT_BYTES:
                raise ImportDocumentError(
                    f"{self._page()} ritas med mer än {megabytes(MAX_PAGE_CONTENT_BYTES)} ritinstruktioner (upprepade "
                    f"figurer medräknade); högst {megabytes(MAX_PAGE_CONTENT_BYTES)} per sida importeras "
                    "(en sida har några tiotal kB)"
                )
            if content.total > MAX_CONTENT_BYTES:
                raise ImportDocumentError(
                    f"PDF-filens sidor ritas med mer än {megabytes(MAX_CONTENT_BYTES)} ritinstruktioner; högst "
                    f"{megabytes(MAX_CONTENT_BYTES)} importeras (en uppdragsbeskrivning har några hundra kB)"
                )

    class CountingInterpreter(PDFPageInterpreter):  # the class pdfplumber.page names
        def render_contents(self, resources, streams, ctm=(1, 0, 0, 1, 0, 0)) -> None:  # type: ignore[no-untyped-def]
            if isinstance(self.device, CountingDevice):
                listed = streams if isinstance(streams, list) else [streams]
                self.device.run_content(sum(len(stream_value(s).get_data() or b"") for s in listed))
            super().render_contents(resources, streams, ctm)

    return CountingDevice, CountingInterpreter


def _counted_xref_reader() -> Any:
    """PDFDocument.read_xref_from that follows a /Prev chain at most MAX_XREF_SECTIONS deep and
    names a chain that comes back to a section already read as the ring it is."""
    from pdfminer.pdfdocument import PDFDocument

    read_xref_from = PDFDocument.read_xref_from
    started: set[int] = set()

    def counted(document: Any, parser: Any, start: int, xrefs: list[Any]) -> None:
        if start in started:
            raise ImportDocumentError(
                "PDF-filen är trasig och kan inte läsas (dess innehållsförteckningar, xref, hänvisar till varandra i en ring)"
            )
        if len(xrefs) >= MAX_XREF_SECTIONS:
            raise too_much(
                "PDF-filen", MAX_XREF_SECTIONS, "uppdateringar (xref-avsnitt)", "en fil som sparats om har några tiotal"
            )
        started.add(start)
        read_xref_from(document, parser, start, xrefs)

    return counted


@contextmanager
def bounded_pdfminer(characters: CharacterCount) -> Iterator[DecodeBudget]:
    """pdfminer and pdfplumber with every decode and page counted, for one PDF."""
    import pdfminer.pdfdocument
    import pdfminer.pdffont
    import pdfminer.pdftypes
    import pdfplumber.page
    import pdfplumber.pdf

    budget = DecodeBudget()
    device, interpreter = _page_classes(characters)
    swaps = [
        *((pdfminer.pdftypes, name, value) for name, value in _decoders(budget).items()),
        (pdfplumber.page, "PDFPageAggregatorWithMarkedContent", device),
        (pdfplumber.page, "PDFPageInterpreter", interpreter),
        (pdfminer.pdffont, "CMapParser", _font_map_parser()),
        (pdfplumber.pdf, "PDFPage", _tree_pages()),
        (pdfminer.pdfdocument.PDFDocument, "read_xref_from", _counted_xref_reader()),
    ]
    with _ACTIVE:
        saved = [(module, name, getattr(module, name)) for module, name, _ in swaps]
        try:
            for module, name, value in swaps:
                setattr(module, name, value)
            yield budget
        finally:
            for module, name, value in saved:
                setattr(module, name, value)

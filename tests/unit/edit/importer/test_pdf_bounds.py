"""PDFs that would cost GB or minutes stop early with a Swedish message: every decoded stream,
every page's content, characters and drawings are counted while pdfminer builds them."""

from __future__ import annotations

import inspect
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tests.support.raw_pdf import lines, pdf, stream, text_pdf, xref_stream_pdf
from uppdrag.edit.importer import limits, pdf_bounds
from uppdrag.edit.importer.limits import CharacterCount
from uppdrag.edit.importer.pdf_reader import read_pdf
from uppdrag.errors import ImportDocumentError

STREAM_CAP = (
    "en ström i PDF-filen packas upp till mer än 16 MB; högst 16 MB per ström importeras "
    "(en sidas text är några tiotal kB)"
)


def _refusal(data: bytes) -> str:
    with pytest.raises(ImportDocumentError) as caught:
        read_pdf(data)
    return caught.value.message


def test_a_flate_bomb_stops_at_the_stream_cap() -> None:
    bomb = text_pdf([b"BT /F1 11 Tf 50 800 Td (a) Tj ET\n" + b" " * (17 * 1024 * 1024)], deflate=True)
    assert len(bomb) < 100_000
    assert _refusal(bomb) == STREAM_CAP


def test_run_length_and_lzw_bombs_stop_at_the_stream_cap() -> None:
    runs = b"\x81 " * (140 * 1024) + b"\x80"  # each pair is 128 spaces
    run_length = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(runs, extra=" /Filter /RunLengthDecode"),
        ]
    )
    assert _refusal(run_length) == STREAM_CAP
    budget = pdf_bounds.DecodeBudget()
    endless = iter(lambda: b" " * 4096, None)  # a decoder that would never stop
    with pytest.raises(ImportDocumentError) as caught:
        budget.chunks(endless)
    assert caught.value.message == STREAM_CAP


def test_all_streams_together_stop_at_the_total_cap() -> None:
    budget = pdf_bounds.DecodeBudget()
    piece = zlib.compress(b" " * (15 * 1024 * 1024))
    for _ in range(4):
        assert len(budget.inflate(piece)) == 15 * 1024 * 1024
    with pytest.raises(ImportDocumentError) as caught:
        budget.inflate(piece)
    assert caught.value.message == (
        "PDF-filen packas upp till mer än 64 MB; högst 64 MB importeras (en uppdragsbeskrivning är några MB)"
    )
    assert budget.total == 60 * 1024 * 1024


def test_a_broken_flate_stream_still_gives_what_inflates() -> None:
    budget = pdf_bounds.DecodeBudget()
    whole = zlib.compress(b"BT (Bakgrund) Tj ET" * 100)
    with pytest.raises(zlib.error):
        budget.inflate(whole[:-10])
    assert budget.inflate(whole[:-10], lenient=True).startswith(b"BT (Bakgrund) Tj ET")


def test_a_ten_megabyte_line_stops_at_the_page_content_cap() -> None:
    line = text_pdf([b"BT /F1 1 Tf 50 800 Td (" + b"x" * (10 * 1024 * 1024) + b") Tj ET"], deflate=True)
    assert _refusal(line) == (
        "sidan 1 i PDF-filen ritas med mer än 1 MB ritinstruktioner (upprepade figurer medräknade); "
        "högst 1 MB per sida importeras (en sida har några tiotal kB)"
    )


def test_a_line_under_the_content_cap_stops_at_the_page_character_cap() -> None:
    line = text_pdf([b"BT /F1 1 Tf 50 800 Td (" + b"x" * 500_000 + b") Tj ET"], deflate=True)
    assert _refusal(line) == (
        "sidan 1 i PDF-filen har fler än 20 000 tecken; det är mer än importen läser (en full sida har omkring 6 000)"
    )


def test_a_form_drawn_again_and_again_is_counted_each_time() -> None:
    """A 'billion laughs' of forms: small streams, drawn 10**6 times over."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /A 5 0 R >> >> >>",
        stream(b"/A Do " * 1000),
    ]
    for level, name in enumerate("ABC"):
        inner = "BCD"[level]
        body = f"/{inner} Do ".encode() * 1000 if name != "C" else b"BT ET"
        resources = f" /Resources << /XObject << /{inner} {6 + level} 0 R >> >>" if name != "C" else ""
        objects.append(stream(body, extra=f" /Type /XObject /Subtype /Form /BBox [0 0 10 10]{resources}"))
    assert _refusal(pdf(objects)).startswith("sidan 1 i PDF-filen ritas med mer än 1 MB ritinstruktioner")


def test_many_pages_of_tiny_lines_stop_at_the_document_character_cap(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHARACTERS", 20_000)  # the real cap needs 200 000 characters laid out
    tiny = text_pdf([lines(["x y"] * 1000, size=1)] * 100, deflate=True)
    assert _refusal(tiny) == (
        "PDF-filen har fler än 20 000 tecken text; det är mer än importen läser "
        "(en uppdragsbeskrivning har högst omkring 60 000)"
    )


def test_a_paragraph_wrapped_over_thousands_of_lines_stops_at_the_paragraph_cap() -> None:
    wrapped = text_pdf([lines(["och så vidare"] * 57)] * 30, deflate=True)  # pages end mid-sentence: one paragraph
    assert _refusal(wrapped) == (
        "stycket (sida 1, rad 3) har fler än 20 000 tecken; det är mer än importen läser (ett stycke har sällan över 2 000)"
    )


def test_too_many_pages_are_refused_before_any_is_laid_out() -> None:
    many = text_pdf([b"BT /F1 11 Tf 50 800 Td (x) Tj ET"] * 2_000)
    assert (
        _refusal(many) == "PDF-filen har fler än 100 sidor; högst 100 importeras (en uppdragsbeskrivning har några få)"
    )


def test_pages_are_found_in_the_page_tree_alone() -> None:
    """Without a tree pdfminer tried every object its xref names: here two billion (it never
    finished). A tree of junk stops at the node cap; an empty tree is said to be empty."""
    untreed = xref_stream_pdf([b"<< /Type /Catalog >>", b"<< /Foo 1 >>"], 2_000_000_000)
    assert _refusal(untreed) == "PDF-filen är trasig och kan inte läsas (den har inget sidträd, /Pages)"
    junk = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count 0 >>" % b" ".join(b"%d 0 R" % n for n in range(3, 1104)),
    ] + [b"<< /Foo 1 >>"] * 1101
    assert _refusal(pdf(junk)) == (
        "PDF-filens sidträd har fler än 1 000 noder; det är mer än importen läser "
        "(ett sidträd har en per sida och några till)"
    )
    empty = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    assert _refusal(empty) == "PDF-filen har inga sidor"


def test_too_many_drawings_on_a_page_are_refused() -> None:
    boxes = text_pdf([b"0 0 1 1 re f\n" * 50_001], deflate=True)
    assert _refusal(boxes) == (
        "sidan 1 i PDF-filen har fler än 50 000 linjer, ytor och bilder; det är mer än importen läser "
        "(en sida har några hundra)"
    )


def test_a_font_map_range_of_billions_is_refused_before_it_is_made() -> None:
    """30 bytes of ToUnicode asked pdfminer for 268 million entries (it never finished)."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
        b"endcodespacerange 1 beginbfrange <00000000> <0FFFFFFF> <0000> endbfrange endcmap end end"
    )
    mapped = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"BT /F1 11 Tf 50 800 Td (Bakgrund) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            stream(cmap),
        ]
    )
    assert _refusal(mapped) == (
        "PDF-filens typsnitt har fler än 500 000 teckenkoder; det är mer än importen läser (ett typsnitt har några hundra)"
    )


def test_an_xref_that_points_to_itself_is_a_broken_file() -> None:
    looped = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"], prev=-1)
    assert _refusal(looped) == (
        "PDF-filen är trasig och kan inte läsas (dess innehållsförteckningar, xref, hänvisar till varandra i en ring)"
    )


def _saved_again(times: int) -> bytes:
    """A one-page PDF with `times` incremental updates, each a new xref section whose /Prev is the last."""
    data = bytearray(text_pdf([lines(["Bakgrund", "Text om saker."])]))
    prev = int(data[data.rindex(b"startxref") + len(b"startxref") :].split()[0])
    for _ in range(times):
        offset = len(data)
        data += b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        xref = len(data)
        data += (
            f"xref\n1 1\n{offset:010d} 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Prev {prev} >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        ).encode()
        prev = xref
    return bytes(data)


XREF_CAP = (
    "PDF-filen har fler än 200 uppdateringar (xref-avsnitt); det är mer än importen läser "
    "(en fil som sparats om har några tiotal)"
)


def test_incremental_updates_are_read_up_to_the_cap_and_refused_past_it_by_that_cap() -> None:
    """3000 saves once ran pdfminer out of recursion and were called a ring; now the cap says it."""
    assert limits.MAX_XREF_SECTIONS == 200
    at_cap = _saved_again(limits.MAX_XREF_SECTIONS - 1)  # the first section and 199 updates
    assert [p.text for p in read_pdf(at_cap)] == ["Bakgrund", "Text om saker."]
    assert _refusal(_saved_again(limits.MAX_XREF_SECTIONS)) == XREF_CAP
    assert _refusal(_saved_again(3000)) == XREF_CAP


def test_a_cut_off_pdf_is_told_in_swedish() -> None:
    whole = text_pdf([lines(["Bakgrund"])])
    message = _refusal(whole[: whole.index(b"xref")])
    assert message.startswith("PDF-filen ") and "EOF" not in message and "xref" not in message.replace("(xref)", "")


def test_a_normal_pdf_reads_as_before_and_the_swap_is_undone() -> None:
    import pdfminer.pdftypes
    import pdfplumber.page

    before = (pdfminer.pdftypes.zlib, pdfplumber.page.PDFPageInterpreter)
    paragraphs = read_pdf(text_pdf([lines(["Bakgrund", "Text om saker."])], deflate=True))
    assert [p.text for p in paragraphs] == ["Bakgrund", "Text om saker."]
    assert (pdfminer.pdftypes.zlib, pdfplumber.page.PDFPageInterpreter) == before


def test_the_names_swapped_in_pdfminer_and_pdfplumber_still_exist() -> None:
    """The contract with pdfminer.six and pdfplumber: the names bounded_pdfminer swaps are the
    ones their code calls."""
    import pdfminer.pdftypes
    import pdfplumber.page

    decode = inspect.getsource(pdfminer.pdftypes.PDFStream.decode)
    for call in ("zlib.decompress(data)", "decompress_corrupted(data)", "lzwdecode(data)", "rldecode(data)",
                 "ccittfaxdecode(data, params)"):  # fmt: skip
        assert call in decode
    import pdfminer.pdffont

    assert "CMapParser(self.unicode_map" in inspect.getsource(pdfminer.pdffont)
    layout = inspect.getsource(pdfplumber.page.Page.layout.fget)
    assert "PDFPageAggregatorWithMarkedContent(" in layout and "PDFPageInterpreter(" in layout
    import pdfminer.pdfdocument

    read_xref = inspect.getsource(pdfminer.pdfdocument.PDFDocument.read_xref_from)
    assert "self.read_xref_from(parser, pos, xrefs)" in read_xref and "xrefs.append(xref)" in read_xref
    with pdf_bounds.bounded_pdfminer(CharacterCount("PDF-filen")):
        assert isinstance(pdfminer.pdftypes.zlib, pdf_bounds._BoundedZlib)


def test_a_two_gigabyte_bomb_is_refused_within_a_memory_limit(workspace: Path) -> None:
    """Measured, not assumed: under a 512 MB address-space limit the import still ends with the
    Swedish message (before the caps, it died of MemoryError with exit 3)."""
    # 64 MB of spaces deflated once; after a full flush the same input gives the same block, so
    # 32 copies inflate to 2 GB (the stream has no end: nothing would read that far).
    squeeze = zlib.compressobj(9)
    first = squeeze.compress(b" " * (64 * 1024 * 1024)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    block = squeeze.compress(b" " * (64 * 1024 * 1024)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    deflated = first + block * 31
    assert len(zlib.decompressobj().decompress(first + block, 1)) == 1  # a real zlib stream
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(deflated) + deflated + b"\nendstream"
    bomb = workspace / "bomb.pdf"
    bomb.write_bytes(
        pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                body,
            ]
        )
    )
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 ** 2, 512 * 1024 ** 2))\n"
        "from uppdrag.cli import main\n"
        "sys.argv = ['uppdrag', 'import', sys.argv[1], '--id', 'bomb', '-o', '-']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(bomb)], capture_output=True, text=True, cwd=workspace)
    assert done.returncode == 2, done.stderr
    assert STREAM_CAP in done.stderr

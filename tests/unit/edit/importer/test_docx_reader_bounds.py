"""Word files that would cost minutes or GB stop early with a Swedish message: what the XML
builds is counted by namespace and name, whatever prefix the file uses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from uppdrag.edit.importer.docx_reader import read_docx
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.reading import document_format, read_document
from uppdrag.errors import ImportDocumentError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _word(replaced: dict[str, bytes] | None = None, dropped: tuple[str, ...] = ()) -> bytes:
    """A real .docx from python-docx with some of its parts replaced or dropped."""
    document = docx.Document()
    document.add_heading("Bakgrund", level=1)
    document.add_paragraph("Text.")
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        parts = {name: source.read(name) for name in source.namelist() if name not in dropped}
        for name, content in {**parts, **(replaced or {})}.items():
            target.writestr(name, content)
    return out.getvalue()


def _body(xml: str, prefix: str = "x") -> bytes:
    return f'<{prefix}:document xmlns:{prefix}="{W}"><{prefix}:body>{xml}</{prefix}:body></{prefix}:document>'.encode()


def _refusal(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "hostile.docx"
    path.write_bytes(data)
    with pytest.raises(ImportDocumentError) as caught:
        read_document(path)
    return caught.value.message


PARAGRAPHS = (
    "Word-filen har fler än 5 000 stycken; det är mer än importen läser (en uppdragsbeskrivning har några hundra)"
)


@pytest.mark.parametrize("prefix", ["w", "x", "wordml"])
def test_paragraphs_are_counted_under_any_prefix(prefix: str, tmp_path: Path) -> None:
    flood = _body(f"<{prefix}:p><{prefix}:r><{prefix}:t>x</{prefix}:t></{prefix}:r></{prefix}:p>" * 5001, prefix)
    assert _refusal(_word({"word/document.xml": flood}), tmp_path) == PARAGRAPHS


def test_paragraphs_in_the_default_namespace_are_counted_too(tmp_path: Path) -> None:
    flood = f'<document xmlns="{W}"><body>{"<p/>" * 5001}</body></document>'.encode()
    assert _refusal(_word({"word/document.xml": flood}), tmp_path) == PARAGRAPHS


def test_paragraphs_in_a_header_count_with_the_body(tmp_path: Path) -> None:
    header = f'<x:hdr xmlns:x="{W}">{"<x:p/>" * 3000}</x:hdr>'.encode()
    data = _word({"word/document.xml": _body("<x:p/>" * 2001), "word/header9.xml": header})
    assert _refusal(data, tmp_path) == PARAGRAPHS


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (
            "<x:p>" + "<x:r><x:t>a</x:t></x:r>" * 50_001 + "</x:p>",
            "Word-filen har fler än 50 000 textavsnitt; det är mer än importen läser (en uppdragsbeskrivning har några tusen)",
        ),
        (
            "<x:tbl>" + "<x:tr>" + "<x:tc/>" * 20_001 + "</x:tr></x:tbl>",
            "Word-filen har fler än 20 000 tabellceller; det är mer än importen läser (en uppdragsbeskrivning har några hundra)",
        ),
        (
            "<x:p><x:r><x:t>" + "a" * 200_001 + "</x:t></x:r></x:p>",
            "Word-filen har fler än 200 000 tecken text; det är mer än importen läser "
            "(en uppdragsbeskrivning har högst omkring 60 000)",
        ),
        (
            "<x:p>" + "<x:bookmarkEnd/>" * 500_001 + "</x:p>",
            "Word-filen har fler än 500 000 XML-element; det är mer än importen läser "
            "(en uppdragsbeskrivning har några tiotusen)",
        ),
    ],
    ids=["runs", "cells", "characters", "elements"],
)
def test_what_the_body_builds_is_capped(xml: str, message: str, tmp_path: Path) -> None:
    assert _refusal(_word({"word/document.xml": _body(xml)}), tmp_path) == message


def test_thousands_of_styles_are_refused(tmp_path: Path) -> None:
    styles = (
        f'<s:styles xmlns:s="{W}">'
        + "".join(f'<s:style s:type="paragraph" s:styleId="S{i}"><s:name s:val="S{i}"/></s:style>' for i in range(2001))
        + "</s:styles>"
    )
    assert _refusal(_word({"word/styles.xml": styles.encode()}), tmp_path) == (
        "Word-filen har fler än 2 000 formatmallar; det är mer än importen läser (en vanlig Word-fil har under 200)"
    )


def test_list_definitions_are_capped(tmp_path: Path) -> None:
    numbering = f'<n:numbering xmlns:n="{W}">' + '<n:num n:numId="1"/>' * 2001 + "</n:numbering>"
    assert _refusal(_word({"word/numbering.xml": numbering.encode()}), tmp_path) == (
        "Word-filen har fler än 2 000 listdefinitioner; det är mer än importen läser "
        "(en uppdragsbeskrivning har några tiotal)"
    )


def test_each_paragraph_finds_its_style_without_a_search(monkeypatch) -> None:
    """Styles and list definitions are read once into dictionaries: python-docx's per-paragraph
    search over all styles (O(styles) each) is never called."""
    from docx.oxml.styles import CT_Styles

    searches = []
    original = CT_Styles.get_by_id
    document = docx.Document()
    for i in range(1500):
        document.styles.add_style(f"Egen {i}", 1)
    document.add_heading("Bakgrund", level=1)
    for i in range(200):
        document.add_paragraph(f"Punkt {i}", style="List Number").runs[0].bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    monkeypatch.setattr(CT_Styles, "get_by_id", lambda self, *a: searches.append(a) or original(self, *a))
    paragraphs = read_docx(buffer.getvalue())
    assert searches == []
    assert (paragraphs[0].text, paragraphs[0].heading_level) == ("Bakgrund", 1)
    assert [(p.list_kind, p.number, p.bold) for p in paragraphs[1:3]] == [("number", 1, True), ("number", 2, True)]
    assert len(paragraphs) == 201


def test_a_vertically_merged_column_gives_each_row_its_text(monkeypatch) -> None:
    """As python-docx's row.cells would, without its walk up the rows for every cell (O(rows²))."""
    from docx.table import _Row

    monkeypatch.setattr(_Row, "cells", property(lambda self: pytest.fail("row.cells walks up the rows")))
    document = docx.Document()
    table = document.add_table(rows=400, cols=2)
    table.cell(0, 0).merge(table.cell(399, 0)).text = "Ordförande"
    for row in range(400):
        table.cell(row, 1).text = f"Namn {row}"
    buffer = io.BytesIO()
    document.save(buffer)
    paragraphs = read_docx(buffer.getvalue())
    assert [p.cells for p in paragraphs[:2]] == [("Ordförande", "Namn 0"), ("Ordförande", "Namn 1")]
    assert len(paragraphs) == 400


def test_xml_nested_too_deep_is_told_in_swedish(tmp_path: Path) -> None:
    deep = _body("<x:p>" + "<x:r>" * 300 + "</x:r>" * 300 + "</x:p>")
    assert _refusal(_word({"word/document.xml": deep}), tmp_path) == (
        "Word-filen är trasig och kan inte läsas (word/document.xml är nästlad djupare än 256 nivåer, rad 1)"
    )


def test_a_macro_document_and_a_template_are_named(tmp_path: Path) -> None:
    types = _word()
    with zipfile.ZipFile(io.BytesIO(types)) as archive:
        declared = archive.read("[Content_Types].xml").decode()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert main in declared
    docm = declared.replace(main, "application/vnd.ms-word.document.macroEnabled.main+xml")
    assert _refusal(_word({"[Content_Types].xml": docm.encode()}), tmp_path) == (
        "filen är ett Word-dokument med makron (.docm), inget vanligt Word-dokument; spara den som .docx och försök igen"
    )
    dotx = declared.replace(main, "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
    assert _refusal(_word({"[Content_Types].xml": dotx.encode()}), tmp_path) == (
        "filen är en Word-mall (.dotx), inget vanligt Word-dokument; spara den som .docx och försök igen"
    )


def test_a_zip_without_its_content_types_is_told_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(ImportDocumentError) as caught:
        document_format(_word(dropped=("[Content_Types].xml",)), ".docx")
    assert caught.value.message == (
        "Word-filen är trasig: förteckningen över dess delar ([Content_Types].xml) saknas; "
        "öppna den i Word och spara den igen"
    )


def test_a_missing_part_is_named_in_swedish(tmp_path: Path) -> None:
    message = _refusal(_word(dropped=("word/styles.xml",)), tmp_path)
    assert message == "Word-filen är trasig och kan inte läsas (delen word/styles.xml saknas)"


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.99])
def test_a_cut_off_word_file_is_told_in_swedish(cut: float, tmp_path: Path) -> None:
    whole = _word()
    message = _refusal(whole[: int(len(whole) * cut)], tmp_path)
    assert message in (
        "filen är en trasig zip-fil, inte ett läsbart Word-dokument",
        "Word-filen är trasig och kan inte läsas (zip-filen är avkortad eller skadad)",
    )


def test_a_main_document_under_another_name_is_counted(tmp_path: Path) -> None:
    """The package's relationships, not the name word/document.xml, say which part is the body;
    the count follows the declared content types, so a decoy cannot hide the real one."""
    plain = _word()
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        rels = archive.read("_rels/.rels").decode().replace("word/document.xml", "word/body.dat")
        types = archive.read("[Content_Types].xml").decode().replace("/word/document.xml", "/word/body.dat")
    flood = _body("<x:p/>" * 5001)
    data = _word({"_rels/.rels": rels.encode(), "[Content_Types].xml": types.encode(), "word/body.dat": flood})
    assert _refusal(data, tmp_path) == PARAGRAPHS


def test_a_header_shared_by_many_sections_is_read_once() -> None:
    import copy

    from docx.oxml.ns import qn

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Förskola · Reviderad 12 maj 2026"
    reference = document.sections[0]._sectPr.find(qn("w:headerReference"))
    for _ in range(300):
        document.add_paragraph("Text.")
        section = document.add_section()
        section._sectPr.append(copy.deepcopy(reference))  # the same header part, named again
    buffer = io.BytesIO()
    document.save(buffer)
    margins = [p for p in read_docx(buffer.getvalue()) if p.margin]
    assert margins == [Paragraph("Förskola · Reviderad 12 maj 2026", "sidhuvud, stycke 1", margin=True)]


def test_styles_are_capped_per_part_as_word_2010_keeps_two_copies(tmp_path: Path) -> None:
    styles = (
        f'<s:styles xmlns:s="{W}">'
        + "".join(f'<s:style s:type="paragraph" s:styleId="S{i}"><s:name s:val="S{i}"/></s:style>' for i in range(1500))
        + "</s:styles>"
    )
    data = _word({"word/styles.xml": styles.encode(), "word/stylesWithEffects.xml": styles.encode()})
    path = tmp_path / "två-kopior.docx"
    path.write_bytes(data)
    assert [p.text for p in read_document(path).paragraphs] == ["Bakgrund", "Text."]


def _with_header_field(data: bytes, local: int, central: int, value: int) -> bytes:
    """Every member's local and central header with one 2-byte field set (zip's own layout)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        at = out.find(signature)
        while at != -1:
            out[at + offset : at + offset + 2] = value.to_bytes(2, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def test_an_unknown_compression_or_an_encrypted_zip_is_told_in_swedish(tmp_path: Path) -> None:
    unknown = _with_header_field(_word(), local=8, central=10, value=99)  # the compression method
    assert _refusal(unknown, tmp_path) == (
        "zip-filen är packad på ett sätt som importen inte kan läsa; spara den som .docx i Word och försök igen"
    )
    encrypted = _with_header_field(_word(), local=6, central=8, value=1)  # flag bit 0: encrypted
    assert _refusal(encrypted, tmp_path) == "zip-filen är krypterad; spara den utan lösenord och försök igen"


def test_a_main_part_of_another_type_is_named(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(_word())) as archive:
        declared = archive.read("[Content_Types].xml").decode()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    odd = declared.replace(main, "text/x-annat")
    assert _refusal(_word({"[Content_Types].xml": odd.encode()}), tmp_path) == (
        "Word-filens huvuddel är av typen 'text/x-annat', inte ett Word-dokuments; "
        "spara den som .docx i Word och försök igen"
    )

"""The import corpus (tools/import_corpus.py): 37 documents written the way offices write them, in
five producers, each with the fields an import must find. Goal: at least 98 % of the fields, and
no field wrong without a KONTROLLERA beside it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from tests.conftest import REPO, system_tool
from uppdrag.edit.importer import ImportResult, import_document


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_corpus", REPO / "tools" / "import_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_corpus"] = module  # its dataclasses look themselves up by module
    spec.loader.exec_module(module)
    return module


corpus = _corpus()


def test_the_corpus_has_the_variety_the_issue_names() -> None:
    traits = [set(d.traits) for d in corpus.documents()]
    assert len(traits) >= 30
    for trait in ("maldokument", "strategi-2023-2026", "word", "bold", "caps", "numbered", "table", "members",
                  "convener", "old", "ocr", "empty-heading", "paren", "dash", "title", "email", "prefix", "hyphen",
                  "unknown-municipality", "members-table", "reporting", "every-other-month", "period-only",
                  "period-disagrees", "purpose", "own-background"):  # fmt: skip
        assert any(trait in t for t in traits), trait
    fields = {name.split("[")[0] for d in corpus.documents() for name in d.expected}
    assert {"uppdrag.period", "syfte.text", "syfte.punkter", "bakgrund_tillägg", "uppdrag.återrapportering"} <= fields


def _imported(index: int, producer: str, tmp_path: Path) -> ImportResult:
    path = corpus.produce(corpus.make_document(index), producer, tmp_path)
    return import_document(path, corpus.MISSIONS, corpus.TODAY)


@pytest.mark.parametrize("producer", ["text", "python-docx", "libreoffice-docx"])
def test_what_the_added_documents_must_say(producer: str, tmp_path: Path) -> None:
    """The fields are scored above; here, the KONTROLLERA each added document must carry."""
    outside = _imported(32, producer, tmp_path)
    assert (
        "medlemmar[3]",
        "kommunen 'Borås' finns inte i organisationen (Utbildning Skaraborg); Hanna Borg är med utan kommun",
    ) in outside.checks
    table = _imported(33, producer, tmp_path)
    data = yaml.safe_load(table.text)
    members = [m["namn"] for m in data["medlemmar"]]
    holders = [p["namn"] for r in data["roller"] for p in r.get("personer", [])]
    assert len(members) == 4 and not set(members) & set(holders)  # never the secretary's or presidium's
    reporting = _imported(34, producer, tmp_path)
    assert any(n.casefold().startswith("avsnittet återrapportering (") for n in reporting.imported.notes)
    assert any(f == "möten.minst_per_år" and "'varannan månad'" in m for f, m in reporting.checks)
    period_only = _imported(35, producer, tmp_path)
    assert (
        "styrdokument",
        "styrdokumentet är valt utifrån perioden 2024–2025 (inom 2023–2026): Strategi för Utbildning Skaraborg 2023–2026",
    ) in period_only.checks
    disagreeing = _imported(36, producer, tmp_path)
    assert (
        "styrdokument",
        "texten talar för strategi-2023-2026 men perioden för maldokument; maldokument är vald",
    ) in disagreeing.checks


@pytest.mark.parametrize(
    "producer",
    [
        "text",
        "python-docx",
        "libreoffice-docx",
        pytest.param("libreoffice-pdf", marks=pytest.mark.slow),
        pytest.param("weasyprint-pdf", marks=pytest.mark.slow),
    ],
)
def test_the_score_per_producer(producer: str) -> None:
    score = corpus.score_corpus((producer,))[producer]
    assert score.failed == []
    assert score.wrong_unmarked == []
    extra = [line for line in score.wrong_marked if line.endswith("(finns inte i dokumentet)")]
    assert score.total == sum(len(d.expected) for d in corpus.documents()) + len(extra)
    assert score.percent >= 98.0, score.wrong_marked


def test_a_field_differing_without_a_kontrollera_is_counted_as_wrong(tmp_path: Path) -> None:
    document = corpus.make_document(0)
    lied = corpus.CorpusDocument(document.name, document.blocks, {**document.expected, "namn": "Något annat"})
    score = corpus.Score()
    folder = tmp_path / "missions"
    folder.mkdir()
    for shared in corpus.MISSIONS.glob("_*.yaml"):
        (folder / shared.name).write_text(shared.read_text(encoding="utf-8"), encoding="utf-8")
    path = corpus.produce(lied, "text", tmp_path)
    corpus.score_document(lied, path, folder, score)
    assert score.wrong_unmarked == [f"{document.name}: namn: 'Fritidshem' (väntat 'Något annat')"]
    assert (score.equal, score.total) == (len(document.expected) - 1, len(document.expected))


@pytest.mark.slow
def test_libreoffice_still_makes_the_committed_layout(tmp_path: Path) -> None:
    """One document through LibreOffice now: the committed files are what it makes (the PDF's
    text, which is what the import reads)."""
    system_tool("soffice")
    from uppdrag.edit.importer.pdf_reader import read_pdf

    document = corpus.documents()[1]
    made = corpus.to_python_docx(document.blocks, tmp_path / f"{document.name}.docx", corpus.layout_of(document))
    pdf = corpus.libreoffice(made, "pdf", tmp_path / "out")
    committed = corpus.CORPUS / f"{document.name}.lo.pdf"
    assert [p.text for p in read_pdf(pdf.read_bytes())] == [p.text for p in read_pdf(committed.read_bytes())]

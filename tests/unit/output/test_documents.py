"""output.documents: where each document goes, and one document's bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import REPO
from uppdrag.check.validation import open_valid_workspace
from uppdrag.errors import EXIT_USAGE, UsageError
from uppdrag.output.documents import DocumentFormat, document_bytes, document_format, output_targets
from uppdrag.output.templates import renderer_for

STDOUT_RULE = "-o - skriver ett dokument i Markdown eller HTML till stdout"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_dash_is_stdout_for_one_text_document(fmt: str) -> None:
    assert output_targets(["ka"], fmt, "-") == [None]


@pytest.mark.parametrize(("ids", "fmt"), [(["ka"], "pdf"), (["ka", "skis"], "md"), (["ka", "skis"], "html")])
def test_dash_refuses_a_pdf_or_several_documents(ids: list[str], fmt: str) -> None:
    with pytest.raises(UsageError) as caught:
        output_targets(ids, fmt, "-")
    assert (caught.value.message, caught.value.exit_code) == (STDOUT_RULE, EXIT_USAGE)


@pytest.mark.parametrize(
    ("flag", "output", "chosen"),
    [(None, None, "md"), (None, "-", "md"), (None, "ut/KA.PDF", "pdf"), (None, "ka.htm", "html"),
     (None, "ut.docx/", "md"), (None, "ka.txt", "md"), ("pdf", None, "pdf"), ("html", "ka.html", "html"),
     ("docx", "ka.txt", "docx")],
)  # fmt: skip
def test_the_format_is_the_flag_else_the_named_files_suffix_else_markdown(
    flag: DocumentFormat | None, output: str | None, chosen: DocumentFormat
) -> None:
    assert document_format(flag, output) == chosen


def test_a_flag_and_a_file_name_that_disagree_are_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        document_format("md", "ut2.pdf")
    assert (caught.value.message, caught.value.exit_code) == (
        "-o ut2.pdf är en .pdf-fil men formatet är --md; byt filnamn eller skriv --pdf",
        EXIT_USAGE,
    )


def test_without_o_documents_go_to_build(tmp_path: Path) -> None:
    assert output_targets(["ka", "skis"], "pdf", None) == [Path("build/ka.pdf"), Path("build/skis.pdf")]
    assert output_targets(["ka"], "md", None) == [Path("build/ka.md")]


def test_one_document_goes_to_the_named_file(tmp_path: Path) -> None:
    assert output_targets(["ka"], "pdf", str(tmp_path / "KA 2021.pdf")) == [tmp_path / "KA 2021.pdf"]


def test_one_document_into_an_existing_folder_is_named_by_its_id(tmp_path: Path) -> None:
    assert output_targets(["ka"], "html", str(tmp_path)) == [tmp_path / "ka.html"]


def test_several_documents_go_into_the_named_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ut"  # need not exist yet
    assert output_targets(["ka", "skis"], "md", str(folder)) == [folder / "ka.md", folder / "skis.md"]


@pytest.mark.parametrize("bad_id", ["../ka", "a/b", "a\\b"])
def test_an_id_that_would_leave_the_folder_is_refused(bad_id: str) -> None:
    with pytest.raises(UsageError, match=r"^ogiltigt filnamn '"):
        output_targets([bad_id, "ka"], "md", None)


@pytest.mark.parametrize("mission_id", ["forskola", "grundskola", "ka", "sarskola", "skis"])
def test_markdown_bytes_are_the_golden_document(shipped: Path, mission_id: str) -> None:
    workspace = open_valid_workspace(Path("missions"), dt.date(2026, 11, 22))
    data = document_bytes(renderer_for(None, Path("missions")), workspace, workspace.mission(mission_id), "md", "")
    assert data == (REPO / "tests" / "golden" / f"{mission_id}.md").read_bytes()


def test_html_bytes_are_utf8_swedish_html(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), dt.date(2026, 11, 22))
    html = document_bytes(renderer_for(None, Path("missions")), workspace, workspace.mission("forskola"), "html", "")
    text = html.decode("utf-8")
    assert '<html lang="sv">' in text
    assert "<title>Uppdragsbeskrivning för nätverket Förskola</title>" in text
    assert '<h1>Uppdragsbeskrivning för nätverket <span class="network">Förskola</span></h1>' in text

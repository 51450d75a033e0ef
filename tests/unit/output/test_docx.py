"""output.docx: the Word writer's work per paragraph, and each Word file within its limits."""

from __future__ import annotations

import os
import shutil
import signal
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.document import CT_Body
from docx.oxml.numbering import CT_Numbering
from docx.oxml.styles import CT_Styles

from tests.conftest import MISSIONS, REPO
from uppdrag.errors import EXIT_USAGE, WordError
from uppdrag.output import docx as word_output
from uppdrag.output.docx import bounded_docx, render_docx
from uppdrag.read.loading import load_workspace
from uppdrag.views.document import build_document

TOO_MUCH = "filen har för många stycken, punkter eller tabellrader för ett dokument"


def _spin() -> bytes:
    while True:
        pass


def _word_error(make: Callable[[], bytes], network: str) -> tuple[str, int]:
    """bounded_docx's WordError: message and exit code. make runs in a forked child, which
    alone has the limits (never pytest's own process)."""
    with pytest.raises(WordError) as caught:
        bounded_docx(make, network)
    return caught.value.message, caught.value.exit_code


def test_a_word_file_over_its_time_is_an_error_naming_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_output, "WORD_SECONDS", 0.3)
    assert _word_error(_spin, "forskola") == (
        f"Word-filen för forskola blev inte klar inom 0.3 sekunder (gränsen för en Word-fil); {TOO_MUCH}",
        EXIT_USAGE,
    )


def test_a_word_file_over_its_memory_is_an_error_naming_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_output, "WORD_MEMORY", 64 << 20)
    assert _word_error(lambda: bytes(1 << 30), "skis") == (
        f"Word-filen för skis behövde mer än 64 MB minne (gränsen för en Word-fil); {TOO_MUCH}",
        EXIT_USAGE,
    )


def test_a_word_file_whose_process_the_system_ends_is_an_error_naming_the_network() -> None:
    assert _word_error(lambda: os.kill(os.getpid(), signal.SIGKILL) or b"", "ka") == (
        "Word-filen för ka avbröts innan den blev klar; den gick troligen över gränsen på 60 sekunder eller 2 GB minne",
        EXIT_USAGE,
    )


def test_a_word_file_within_its_limits_is_made_and_has_the_pdfs_limits() -> None:
    from uppdrag.output import pdf

    assert bounded_docx(lambda: b"PK", "ka") == b"PK"
    assert (word_output.WORD_SECONDS, word_output.WORD_MEMORY) == (pdf.PDF_SECONDS, pdf.PDF_MEMORY)


def _own_background(lists: int) -> str:
    """bakgrund_egen with `lists` lists of 10 bullets and as many goal lists (numbered lists)."""
    blocks = "".join(
        f"    - punkter: [{', '.join(f'Punkt {n}-{i}' for i in range(10))}]\n    - mållista: strategi-2023-2026\n"
        for n in range(lists)
    )
    return f"bakgrund_egen:\n  stycken:\n{blocks}"


def _searches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lists: int) -> Counter[str]:
    """How often rendering forskola with `lists` lists searched the body's children, the styles
    for the default one, and the numbering for a free numId."""
    folder = tmp_path / f"{lists}"
    shutil.copytree(MISSIONS, folder)
    mission = folder / "forskola.yaml"
    text = mission.read_text(encoding="utf-8")
    mission.write_text(
        text.replace("bakgrund: strategi-2023-2026\n", "bakgrund: strategi-2023-2026\n" + _own_background(lists), 1),
        encoding="utf-8",
    )
    workspace, findings = load_workspace(folder)
    assert findings == []
    loaded = workspace.mission("forskola")
    assert loaded is not None and loaded.mission.own_background is not None
    document = build_document(loaded, workspace)
    counted: Counter[str] = Counter()

    def counting(name: str, real: Callable[..., object]) -> Callable[..., object]:
        def count(*args: object) -> object:
            counted[name] += 1
            return real(*args)

        return count

    body_search = CT_Body.first_child_found_in
    monkeypatch.setattr(CT_Body, "first_child_found_in", counting("body", body_search))
    monkeypatch.setattr(CT_Styles, "default_for", counting("styles", CT_Styles.default_for))
    free_num = CT_Numbering._next_numId.fget  # type: ignore[attr-defined]  # python-docx's own, unannotated
    monkeypatch.setattr(CT_Numbering, "_next_numId", property(counting("numbering", free_num)))
    assert render_docx(document, REPO / "templates" / "referens.docx").startswith(b"PK")
    monkeypatch.undo()
    return counted


def test_each_paragraph_costs_the_same_however_many_came_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    few, many = _searches(tmp_path, monkeypatch, 2), _searches(tmp_path, monkeypatch, 200)
    assert few == many  # 2 lists or 200 (2,400 list items): the body, styles and numbering searched as often
    assert few["numbering"] == 0

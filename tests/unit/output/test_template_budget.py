"""output/template_budget: nothing is computed while compiling, and every loop and filter is counted."""

from __future__ import annotations

from tests.conftest import REPO
from uppdrag.output import pdf
from uppdrag.output.template_budget import LIMITS, BudgetedEnvironment
from uppdrag.output.templates import TEMPLATE_BYTES
from uppdrag.serve import preview, server


def test_compiling_computes_no_constant() -> None:
    code = BudgetedEnvironment().compile('{{ ("x" * 3000000000)|length }}{{ "x"|center(2000000000) }}', raw=True)
    assert "'*', 'x', 3000000000" in code  # the operator is left for call_binop, at render time
    assert "xxxx" not in code and "len(" not in code


def test_loops_filters_and_tests_go_through_the_counters() -> None:
    code = BudgetedEnvironment().compile("{% for i in items if i is odd %}{{ i|string }}{% endfor %}", raw=True)
    assert "environment.filters['_uppdrag_varv']" in code
    assert code.count("_uppdrag_steg") >= 1 and "environment.tests['odd']" in code


def test_render_counted_returns_the_text_and_counts_nothing_outside() -> None:
    environment = BudgetedEnvironment()
    template = environment.from_string("{% for i in range(3) %}{{ i * 2 }}{% endfor %}")
    assert environment.render_counted(template, {}) == "024"
    assert template.render() == "024"  # outside render_counted nothing is counted, nothing fails


def test_the_readme_states_the_limits() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    spaced = lambda number: f"{number:,}".replace(",", " ")  # noqa: E731
    for stated in (
        f"| steg | {spaced(LIMITS.steps)} |",
        f"| tid | {LIMITS.seconds:g} sekunder |",
        f"| minne | {LIMITS.memory_bytes // 2**20} MB |",
        f"| utdata | {spaced(LIMITS.output_chars)} tecken |",
        f"| {spaced(LIMITS.sequence_items)} tecken eller element |",
        f"| {spaced(LIMITS.number_digits)} siffror |",
        f"| `lipsum` | {LIMITS.lipsum_paragraphs} stycken om högst {spaced(LIMITS.lipsum_words)} ord |",
        f"| mallfil | {TEMPLATE_BYTES // 2**20} MB |",
        f"(högst {pdf.PDF_SECONDS:g} sekunder och {pdf.PDF_MEMORY // 2**30} GB)",
        f"Varje PDF får ta högst {pdf.PDF_SECONDS:g} sekunder och högst {pdf.PDF_MEMORY // 2**30} GB minne",
        f"Högst {preview.PAGES_AT_ONCE} sidor görs samtidigt, varav högst {preview.PDFS_AT_ONCE} PDF:er",
        f"högst {server.MAX_CONNECTIONS} anslutningar åt gången",
        f"inte skickar något på {server.SOCKET_SECONDS:g} sekunder",
    ):
        assert stated in readme

"""output/template_budget: nothing is computed while compiling, and every loop and filter is counted."""

from __future__ import annotations

from uppdrag.output.template_budget import BudgetedEnvironment


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

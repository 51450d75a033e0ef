"""Templates under a budget: a template from a workspace (maybe a cloned repository) runs in
Jinja's sandbox and is counted while it runs.

What the template builds is counted, so a runaway stops early, at its own line:
- steps: every loop turn, call, filter and arithmetic operator;
- output: the characters it writes;
- sizes: a text or list made by `*` or `+`, a number made by `**`, `lipsum`'s paragraphs.
Nothing is computed while compiling: Jinja folds constant expressions then (`{{ "x" * 10**9 }}`
would be built before any check could run), so every operator is intercepted and every filter
and test gets an input that is not constant. Time and memory have limits of their own, kept by
the process that renders (uppdrag.workers.run_bounded), for whatever the counts do not see.
"""

from __future__ import annotations

import contextvars
import math
import time
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

import jinja2
import jinja2.sandbox
from jinja2 import nodes
from jinja2.utils import generate_lorem_ipsum
from jinja2.visitor import NodeTransformer


@dataclass(frozen=True)
class TemplateLimits:
    """What one render may use. The built-in templates make the largest shipped document in
    about 120 steps, 10,000 characters and a few milliseconds: every limit leaves a margin of
    hundreds to thousands of times, and each one stops a runaway long before it troubles the
    computer."""

    seconds: float = 10.0
    memory_bytes: int = 512 * 2**20  # beyond what the process already uses
    steps: int = 1_000_000
    output_chars: int = 2_000_000
    sequence_items: int = 1_000_000  # a text or list made by * or +
    number_digits: int = 4_300  # a number made by **; Python's own limit for printing one
    lipsum_paragraphs: int = 100
    lipsum_words: int = 1_000


LIMITS = TemplateLimits()


class BudgetExceeded(Exception):
    """A template went over a limit; the message (Swedish) says which."""


_STEP = "_uppdrag_steg"  # the filters that count; their names cannot clash with the built-in ones
_TURN = "_uppdrag_varv"
_CLOCK_EVERY = 1024  # steps between two looks at the clock


class _Budget:
    def __init__(self, limits: TemplateLimits):
        self.limits = limits
        self.steps = 0
        self.deadline = time.monotonic() + limits.seconds

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.limits.steps:
            raise BudgetExceeded(
                f"mallen tar för många steg (över {_spaced(self.limits.steps)} varv i loopar, anrop "
                "och räkneoperationer)"
            )
        if self.steps % _CLOCK_EVERY == 0 and time.monotonic() > self.deadline:
            raise BudgetExceeded(time_message(self.limits))


def time_message(limits: TemplateLimits) -> str:
    unit = "sekund" if limits.seconds == 1 else "sekunder"
    return f"mallen tar för lång tid (över {limits.seconds:g} {unit})".replace(".", ",")


def memory_message(limits: TemplateLimits) -> str:
    return f"mallen behöver för mycket minne (över {limits.memory_bytes // 2**20} MB)"


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("uppdrag_template_budget", default=None)


def _step() -> None:
    budget = _budget.get()
    if budget is not None:
        budget.step()


@jinja2.pass_context
def _counted_value(context: jinja2.runtime.Context, value: Any) -> Any:
    """A filter's or test's input: one step, and never a constant (pass_context forbids folding)."""
    _step()
    return value


@jinja2.pass_context
def _counted_turns(context: jinja2.runtime.Context, iterable: Iterable[Any]) -> Iterator[Any]:
    """A loop's items, one step per turn."""
    for item in iterable:
        _step()
        yield item


class _Counting(NodeTransformer):
    """Puts the counting filters into a parsed template: around each loop's items and each
    filter's and test's input."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, _TURN, [], [], None, None, lineno=node.iter.lineno)
        return node

    def visit_Filter(self, node: nodes.Filter) -> nodes.Node:
        self.generic_visit(node)
        if node.node is not None and node.name not in (_STEP, _TURN):  # None: a {% filter %} block
            node.node = nodes.Filter(node.node, _STEP, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Test(self, node: nodes.Test) -> nodes.Node:
        self.generic_visit(node)
        node.node = nodes.Filter(node.node, _STEP, [], [], None, None, lineno=node.lineno)
        return node


_SEQUENCES = (str, list, tuple)


class BudgetedEnvironment(jinja2.sandbox.SandboxedEnvironment):
    """Jinja's sandbox that counts steps and refuses oversized texts, lists and numbers."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, limits: TemplateLimits = LIMITS, **options: Any):
        super().__init__(**options)
        self.limits = limits
        self.filters[_STEP] = _counted_value
        self.filters[_TURN] = _counted_turns
        self.globals["lipsum"] = _bounded_lipsum(limits)

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        if isinstance(source, str):
            source = _Counting().visit(self.parse(source, name, filename))
        return super().compile(source, name, filename, raw, defer_init)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _step()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        _step()
        if operator == "**":
            self._check_power(left, right)
        elif operator == "*":
            self._check_repetition(left, right)
        elif operator == "+" and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
            self._check_size(len(left) + len(right), "+")
        return super().call_binop(context, operator, left, right)

    def _check_power(self, base: Any, exponent: Any) -> None:
        if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1 and exponent > 0:
            digits = exponent * math.log10(abs(base))
            if digits > self.limits.number_digits:
                raise BudgetExceeded(
                    f"mallen gör ett för stort tal med '**' (ungefär {_spaced(digits)} siffror; "
                    f"högst {_spaced(self.limits.number_digits)})"
                )

    def _check_repetition(self, left: Any, right: Any) -> None:
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, _SEQUENCES) and isinstance(times, int):
                self._check_size(len(sequence) * times, "*")
        if isinstance(left, int) and isinstance(right, int) and left and right:
            # A product has about as many digits as its factors together.
            digits = (abs(left).bit_length() + abs(right).bit_length()) * math.log10(2)
            if digits > self.limits.number_digits + 1:
                raise BudgetExceeded(
                    f"mallen gör ett för stort tal med '*' (ungefär {_spaced(digits)} siffror; "
                    f"högst {_spaced(self.limits.number_digits)})"
                )

    def _check_size(self, size: int, operator: str) -> None:
        if size > self.limits.sequence_items:
            raise BudgetExceeded(
                f"mallen gör en för lång text eller lista med '{operator}' ({_spaced(size)} tecken eller "
                f"element; högst {_spaced(self.limits.sequence_items)})"
            )

    def render_counted(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        """The template's text, counted: steps, time and output stop it at its own line."""
        budget = _Budget(self.limits)
        token = _budget.set(budget)
        try:
            parts: list[str] = []
            size = 0
            chunks = cast(Generator[str, None, None], template.generate(**context))  # annotated as an Iterator
            for chunk in chunks:
                parts.append(chunk)
                size += len(chunk)
                if size > self.limits.output_chars:
                    # Thrown into the template, so it is raised at the line that wrote too much.
                    chunks.throw(
                        BudgetExceeded(
                            f"mallen skriver en för lång text (över {_spaced(self.limits.output_chars)} tecken)"
                        )
                    )
            return "".join(parts)
        finally:
            _budget.reset(token)


def _bounded_lipsum(limits: TemplateLimits):  # type: ignore[no-untyped-def]
    """Jinja's lipsum, up to limits.lipsum_paragraphs paragraphs of limits.lipsum_words words.
    A plain function, as Jinja's own is (the sandbox names it so when it refuses its insides)."""

    def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 - Jinja's names
        _step()
        if not all(isinstance(v, int) for v in (n, min, max)):
            raise BudgetExceeded("lipsum vill ha heltal: lipsum(stycken, html, minst, högst)")
        if n > limits.lipsum_paragraphs or min > limits.lipsum_words or max > limits.lipsum_words:
            raise BudgetExceeded(
                f"lipsum får göra högst {limits.lipsum_paragraphs} stycken om högst {_spaced(limits.lipsum_words)} ord"
            )
        return generate_lorem_ipsum(n, html, min, max)

    return lipsum


def _spaced(number: float) -> str:
    """1000000 -> '1 000 000', as Swedish writes numbers."""
    return f"{round(number):,}".replace(",", " ")

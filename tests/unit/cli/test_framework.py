"""The contract for cli/framework.py: every private name of typer and pydantic that uppdrag
relies on is still there and still does what uppdrag uses it for. Run against the newest
releases by `make test-latest`; a failure names what moved, so the fix starts in one module."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pydantic.plugin._schema_validator
import pytest
import typer.core
import typer.rich_utils

from uppdrag.cli import app, framework

SRC = Path(__file__).parents[3] / "src" / "uppdrag"
# A private name of a framework: typer._click, rich_utils._make…, pydantic.plugin._loader.
PRIVATE = re.compile(r"\b(?:typer|click|rich_utils|pydantic)(?:\.\w+)*\._\w+|\b_click\b")

CLICK_NAMES = {
    "typer._click": ("Command", "Context", "HelpFormatter", "Parameter"),
    "typer._click.exceptions": (
        "ClickException",
        "MissingParameter",
        "NoArgsIsHelpError",
        "NoSuchOption",
        "UsageError",
    ),
}


def test_no_module_but_framework_names_a_private_part_of_a_framework() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "framework.py" or path.parent.name != "cli"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert offenders == [], "private framework names belong in cli/framework.py:\n" + "\n".join(offenders)


@pytest.mark.parametrize(("module", "names"), CLICK_NAMES.items())
def test_typers_bundled_click_still_has_the_classes_uppdrag_uses(module: str, names: tuple[str, ...]) -> None:
    loaded = importlib.import_module(module)
    missing = [name for name in names if not inspect.isclass(getattr(loaded, name, None))]
    assert missing == [], f"{module} no longer has {missing}: update cli/framework.py's imports"


def test_typer_still_asks_the_number_range_hook_for_the_help() -> None:
    hook = framework.NUMBER_RANGE_HOOK
    for parameter in (typer.core.TyperArgument, typer.core.TyperOption):
        assert callable(getattr(parameter, hook, None)), f"typer.core.{parameter.__name__} has no {hook}"
    assert f"param.{hook}()" in inspect.getsource(typer.rich_utils), f"typer.rich_utils no longer calls {hook}"


def test_the_number_range_shows_in_swedish_in_the_help(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["plan-meetings", "--help"])
    assert result.exit_code == 0
    assert "--count -n ANTAL [1–52] Antal möten (minst regelns)." in " ".join(result.output.split())
    assert "<=x<=" not in result.output


def test_pydantic_asks_its_plugin_loader_for_get_plugins_only() -> None:
    # The stand-in loader answers only get_plugins: a pydantic that asks for more fails here first.
    source = inspect.getsource(pydantic.plugin._schema_validator)
    assert source.count("_loader") == 1, "pydantic.plugin._schema_validator uses its loader for more than get_plugins"
    loader = framework.PYDANTIC_PLUGIN_LOADER.rpartition(".")[2]
    assert f"from .{loader} import get_plugins" in source, "pydantic no longer imports get_plugins from its loader"


# The English usage errors cli/swedish.py's swedish_message reads (by its regexes) to say them
# in Swedish, as typer writes them; tests/scenarios/test_swedish.py checks what the user then sees.
ENGLISH_ERRORS = {
    "typer.core": ['_("Missing command.")', '_("No such command {name!r}.")'],
    "typer._click.core": ['"Got unexpected extra argument(s) ({extra_args})"'],
    "typer._click.parser": ['"Option {opt!r} does not take a value."', '"Option {option_name!r} requires {msg}"'],
    "typer._param_types": ["does not exist.", "is a file.", "is a directory.", "is not readable.", "is not writable."],
}


@pytest.mark.parametrize(("module", "messages"), ENGLISH_ERRORS.items())
def test_typer_still_writes_the_english_errors_that_are_said_in_swedish(module: str, messages: list[str]) -> None:
    source = inspect.getsource(importlib.import_module(module))
    missing = [message for message in messages if message not in source]
    assert missing == [], f"{module} no longer writes {missing}: update swedish_message in cli/swedish.py"

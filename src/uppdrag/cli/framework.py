"""The one module that names private parts of typer and pydantic; nothing else in uppdrag does.

Typer vendors click as `typer._click`, so even click's public classes (Context, UsageError…)
sit behind a private package name: each is imported here once. Two hooks have no public
counterpart: the help's number range (`_get_number_range_help_str`) and pydantic's plugin
loader (`pydantic.plugin._loader`). tests/unit/cli/test_framework.py is the contract for every
name below, run by `make test-latest` against the newest releases: an upgrade that moves one
fails there, naming it.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

from typer._click import Command, Context, HelpFormatter, Parameter
from typer._click.exceptions import ClickException, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer.core import TyperArgument, TyperOption

__all__ = [
    "ClickException",
    "Command",
    "Context",
    "HelpFormatter",
    "MissingParameter",
    "NoArgsIsHelpError",
    "NoSuchOption",
    "Parameter",
    "RangedArgument",
    "RangedOption",
    "UsageError",
    "pydantic_without_plugins",
]

NUMBER_RANGE_HOOK = "_get_number_range_help_str"  # typer's TyperArgument/TyperOption method
PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"


class RangedArgument(TyperArgument):
    """typer asks `_get_number_range_help_str` for the range it shows in --help (English
    `1<=x<=20`) and offers no public way to change it: here it asks number_range instead."""

    def number_range(self) -> str | None:
        """The range to show after the help text, or None for none."""
        return None

    def _get_number_range_help_str(self) -> str | None:
        return self.number_range()


class RangedOption(TyperOption):
    """As RangedArgument, for an option."""

    def number_range(self) -> str | None:
        """The range to show after the help text, or None for none."""
        return None

    def _get_number_range_help_str(self) -> str | None:
        return self.number_range()


_PLUGINS_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugins at all"


def pydantic_without_plugins() -> None:
    """Pydantic looks for plugins among every installed package's entry points when the first
    model is made; uppdrag's own models want none. A user's own setting wins.

    Even with the search off, pydantic's plugin loader imports importlib.metadata, about a
    twentieth of `validate`'s start-up (README: Snabbhet). With plugins off it is only ever
    asked for get_plugins(), so a loader that answers () stands in for it."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in _PLUGINS_OFF and PYDANTIC_PLUGIN_LOADER not in sys.modules:
        loader = ModuleType(PYDANTIC_PLUGIN_LOADER, "No plugins: PYDANTIC_DISABLE_PLUGINS is set (uppdrag).")
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # the stand-in module gets the one function asked for
        sys.modules[loader.__name__] = loader

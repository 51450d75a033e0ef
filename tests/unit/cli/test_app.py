"""The command table: each command is built from its function only when it is looked up."""

from __future__ import annotations

import os

import typer.main

from tests.conftest import modules_loaded
from uppdrag.cli import app


def _group():  # type: ignore[no-untyped-def]
    return typer.main.get_command(app)


def test_running_one_command_builds_only_that_command() -> None:
    group = _group()
    with group.make_context("uppdrag", ["validate"], resilient_parsing=True) as ctx:
        assert group.get_command(ctx, "validate").name == "validate"
    assert group.commands.built() == ["validate", "report"]  # typer builds the group `report` itself


def test_the_listing_names_every_command_in_registration_order_without_building_them() -> None:
    group = _group()
    with group.make_context("uppdrag", ["validate"], resilient_parsing=True) as ctx:
        names = group.list_commands(ctx)
    assert names[:3] == ["validate", "schema", "render"]
    assert names[-1] == "report"  # the group of reports comes after the commands, as typer lists it
    assert "check-meetings" in names and "plan-meetings" in names
    assert group.commands.built() == ["report"]


def test_an_unknown_name_is_no_command() -> None:
    group = _group()
    with group.make_context("uppdrag", ["validate"], resilient_parsing=True) as ctx:
        assert group.get_command(ctx, "valdate") is None


def _environment(**settings: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}, **settings}


def test_with_plugins_off_pydantic_never_imports_its_plugin_search() -> None:
    assert "importlib.metadata" not in modules_loaded(["validate", "missions"], env=_environment())
    assert "importlib.metadata" not in modules_loaded(
        ["validate", "missions"], env=_environment(PYDANTIC_DISABLE_PLUGINS="1")
    )


def test_a_user_who_wants_pydantic_plugins_keeps_the_search() -> None:
    loaded = modules_loaded(["validate", "missions"], env=_environment(PYDANTIC_DISABLE_PLUGINS="some-plugin"))
    assert {"importlib.metadata", "pydantic.plugin._loader"} <= loaded

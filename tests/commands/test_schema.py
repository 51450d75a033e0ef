"""uppdrag schema: the JSON Schema for a workspace, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import write_tree
from tests.scenarios.test_organisation import FYRBODAL, ORGANISATION
from uppdrag.cli import app


def test_schema_lists_the_workspaces_municipalities(workspace: Path, runner: CliRunner) -> None:
    write_tree(workspace, {"missions/_organisation.yaml": ORGANISATION})
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    person = schema["$defs"]["Person"]["properties"]["kommun"]
    assert person["anyOf"][0]["anyOf"][0]["enum"] == FYRBODAL  # and the decomposed spellings of å/ä/ö beside
    assert "Skövde" not in result.output
    assert schema["description"] == "Ett nätverks uppdragsbeskrivning i Utbildning Fyrbodal (missions/<id>.yaml)."
    assert "$id" not in schema  # no website: no address to name it by
    shared = json.loads(runner.invoke(app, ["schema", "--shared"]).output)
    breaks = shared["$defs"]["SchoolBreak"]["properties"]["kommun"]["anyOf"]
    assert breaks[0]["anyOf"][0]["enum"] == FYRBODAL
    assert breaks[1]["items"]["anyOf"][0]["enum"] == FYRBODAL


def test_schema_refuses_a_broken_organisation(workspace: Path, runner: CliRunner) -> None:
    write_tree(workspace, {"missions/_organisation.yaml": "organisation: {namn: X, kommuner: []}\n"})
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 1
    assert "missions/_organisation.yaml:1:35: fel: organisation.kommuner: listan får inte vara tom" in result.output
    assert "Rätta missions/_organisation.yaml först." in result.output

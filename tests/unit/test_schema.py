"""The published JSON Schemas: up to date, documented, and in agreement with validate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MISSIONS, REPO, TESTS, UPDATE_GOLDEN
from uppdrag.schema import SCHEMA_FILES, json_schema, schema_text

CASES = TESTS / "cases"
# Cases whose fault is in the file alone; the others need the workspace (ids, references).
SCHEMA_ERROR_CASES = [
    "bad-id", "end-before-start", "minimum-zero", "missing-keys", "unknown-key",
    "unknown-municipality", "unknown-weekday", "wrong-types", "top-level-list", "empty-file",
]  # fmt: skip


@pytest.mark.parametrize("kind", ["mission", "shared"])
def test_schema_files_are_up_to_date(kind: str) -> None:
    path = REPO / SCHEMA_FILES[kind]
    if UPDATE_GOLDEN:
        path.write_text(schema_text(kind), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == schema_text(kind), "kör: uppdrag schema -o " + SCHEMA_FILES[kind]


def _properties(node: object, path: str = ""):
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            yield f"{path}.{key}", value
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, path)


@pytest.mark.parametrize("kind", ["mission", "shared"])
def test_every_key_has_a_swedish_description(kind: str) -> None:
    missing = [path for path, prop in _properties(json_schema(kind)) if not prop.get("description")]
    assert missing == []


def test_municipalities_and_weekdays_are_enums() -> None:
    schema = json_schema("mission")
    kommun = schema["$defs"]["Person"]["properties"]["kommun"]
    assert kommun["anyOf"][1] == {"type": "null"}  # optional: people named without a municipality
    assert "Lidköping" in kommun["anyOf"][0]["anyOf"][0]["enum"]
    assert schema["$defs"]["MeetingRule"]["properties"]["veckodagar"]["items"]["anyOf"][0]["enum"][4] == "fredag"


def test_missions_point_at_the_schema() -> None:
    for path in MISSIONS.glob("*.yaml"):
        expected = "delad" if path.name.startswith("_") else "uppdrag"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{expected}.schema.json", path


def _check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run(
        [str(tool), "--schemafile", str(REPO / schema), *map(str, files)], capture_output=True, text=True, timeout=120
    )


def test_check_jsonschema_agrees_on_the_shipped_missions() -> None:
    missions = sorted(p for p in MISSIONS.glob("*.yaml") if not p.name.startswith("_"))
    shared = sorted(MISSIONS.glob("_*.yaml"))
    assert len(missions) == 5
    assert _check_jsonschema(SCHEMA_FILES["mission"], missions).returncode == 0
    assert _check_jsonschema(SCHEMA_FILES["shared"], shared).returncode == 0


@pytest.mark.parametrize("case", SCHEMA_ERROR_CASES)
def test_check_jsonschema_agrees_on_schema_errors(case: str) -> None:
    files = sorted((CASES / "invalid" / case / "missions").iterdir())
    assert _check_jsonschema(SCHEMA_FILES["mission"], files).returncode == 1


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "valid").iterdir()))
def test_check_jsonschema_agrees_on_valid_cases(case: str) -> None:
    files = sorted((CASES / "valid" / case / "missions").iterdir())
    assert _check_jsonschema(SCHEMA_FILES["mission"], files).returncode == 0

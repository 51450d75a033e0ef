"""JSON Schemas of the YAML files, generated from the models, for editors and other tools."""

from __future__ import annotations

import json
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel

from uppdrag.limits import MAX_INTEGER
from uppdrag.models import MUNICIPALITY_SCHEMA_MARKER, SKARABORG, Mission, Organisation, SharedFile

SCHEMA_FILES = {"mission": "schemas/uppdrag.schema.json", "shared": "schemas/delad.schema.json"}
_MODELS: dict[str, type[BaseModel]] = {"mission": Mission, "shared": SharedFile}
_DESCRIPTIONS = {
    "mission": "Ett nätverks uppdragsbeskrivning i {name} (missions/<id>.yaml).",
    "shared": "Det som flera nätverk delar: styrdokument, bakgrundstexter, lov och organisationen (missions/_*.yaml).",
}


def _with_municipalities(node: Any, municipalities: list[str]) -> Any:
    """The organisation's municipalities where the models mark a municipality (they cannot
    know the list: it is the workspace's)."""
    if isinstance(node, list):
        return [_with_municipalities(item, municipalities) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _with_municipalities(value, municipalities) for key, value in node.items()}
    if node.pop(MUNICIPALITY_SCHEMA_MARKER, False):
        node = {"enum": list(municipalities), **node}
    return node


def _decomposed_too(node: Any) -> Any:
    """An enum of names with å/ä/ö also accepts their decomposed (NFD) spelling, as macOS may
    write them and as validate reads them (NFC first). A pattern, not more enum values, so an
    editor completes each name once."""
    if isinstance(node, list):
        return [_decomposed_too(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _decomposed_too(value) for key, value in node.items()}
    values = node.get("enum")
    decomposed = [unicodedata.normalize("NFD", v) for v in values or [] if isinstance(v, str)]
    decomposed = [v for v in decomposed if v not in (values or [])]
    if decomposed:
        enum = {key: node.pop(key) for key in ("enum", "type") if key in node}
        node["anyOf"] = [enum, {"type": "string", "pattern": "^(?:" + "|".join(decomposed) + ")$"}]
    return node


def _bounded_integers(node: Any) -> Any:
    """Every integer within the reader's bound, so a 40-digit number is refused by the schema
    as by validate (which reads it as a located finding)."""
    if isinstance(node, list):
        return [_bounded_integers(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _bounded_integers(value) for key, value in node.items()}
    kinds = node.get("type")
    if kinds == "integer" or (isinstance(kinds, list) and "integer" in kinds):
        node["minimum"] = max(node.get("minimum", -MAX_INTEGER), -MAX_INTEGER)
        node["maximum"] = min(node.get("maximum", MAX_INTEGER), MAX_INTEGER)
    return node


def json_schema(kind: Literal["mission", "shared"], organisation: Organisation = SKARABORG) -> dict[str, Any]:
    """The schema of one kind of file, with the organisation's municipalities."""
    generated = _MODELS[kind].model_json_schema(by_alias=True)
    schema = _bounded_integers(_decomposed_too(_with_municipalities(generated, organisation.municipalities)))
    identity = {"$id": f"https://{organisation.website}/uppdrag/{SCHEMA_FILES[kind].split('/')[-1]}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **(identity if organisation.website else {}),
        **schema,
        "description": _DESCRIPTIONS[kind].format(name=organisation.name),
    }


def schema_text(kind: Literal["mission", "shared"], organisation: Organisation = SKARABORG) -> str:
    return json.dumps(json_schema(kind, organisation), ensure_ascii=False, indent=2) + "\n"

"""JSON Schemas of the YAML files, generated from the models, for editors and other tools."""

from __future__ import annotations

import json
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel

from uppdrag.models import Mission, SharedFile

SCHEMA_FILES = {"mission": "schemas/uppdrag.schema.json", "shared": "schemas/delad.schema.json"}
_MODELS: dict[str, type[BaseModel]] = {"mission": Mission, "shared": SharedFile}
_DESCRIPTIONS = {
    "mission": "Ett nätverks uppdragsbeskrivning i Utbildning Skaraborg (missions/<id>.yaml).",
    "shared": "Det som flera nätverk delar: styrdokument, bakgrundstexter och lov (missions/_*.yaml).",
}


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


def json_schema(kind: Literal["mission", "shared"]) -> dict[str, Any]:
    schema = _decomposed_too(_MODELS[kind].model_json_schema(by_alias=True))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://utbildningskaraborg.se/uppdrag/{SCHEMA_FILES[kind].split('/')[-1]}",
        **schema,
        "description": _DESCRIPTIONS[kind],
    }


def schema_text(kind: Literal["mission", "shared"]) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"

"""JSON Schemas of the YAML files, generated from the models, for editors and other tools."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel

from uppdrag.models import Mission, SharedFile

SCHEMA_FILES = {"mission": "schemas/uppdrag.schema.json", "shared": "schemas/delad.schema.json"}
_MODELS: dict[str, type[BaseModel]] = {"mission": Mission, "shared": SharedFile}
_DESCRIPTIONS = {
    "mission": "Ett nätverks uppdragsbeskrivning i Utbildning Skaraborg (missions/<id>.yaml).",
    "shared": "Det som flera nätverk delar: styrdokument, bakgrundstexter och lov (missions/_*.yaml).",
}


def json_schema(kind: Literal["mission", "shared"]) -> dict:
    schema = _MODELS[kind].model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://utbildningskaraborg.se/uppdrag/{SCHEMA_FILES[kind].split('/')[-1]}",
        **schema,
        "description": _DESCRIPTIONS[kind],
    }


def schema_text(kind: Literal["mission", "shared"]) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"

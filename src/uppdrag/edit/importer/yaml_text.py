"""The imported mission as YAML text laid out like the shipped files, with KONTROLLERA comments."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from typing import Any

import yaml

from uppdrag.models import escape_controls
from uppdrag.read.yamlsource import KeyPath

WIDTH = 100
TOP_GAPS = ("syfte", "uppdrag", "roller", "möten", "avsnitt", "bakgrund_tillägg")  # bakgrund_egen goes with bakgrund


def ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """mapping with the keys in order first, as the shipped files write them, then the rest."""
    return {key: mapping[key] for key in order if key in mapping} | {k: v for k, v in mapping.items() if k not in order}


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or text[0] in "!&*{}[]|>'\"%@`#,?:-" or ":" in text[:3]:
        return False
    try:
        return bool(yaml.safe_load(f"k: {text}") == {"k": text})
    except yaml.YAMLError:
        return False


def scalar(value: Any, indent: int) -> str:
    """A value on its key's line: plain, quoted, or a folded block for long text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()  # a YAML date, as the schema wants it
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if len(text) + indent > WIDTH and " " in text and "  " not in text and not text.endswith(" "):
        lines = textwrap.wrap(text, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
        if yaml.safe_load(">-\n" + "\n".join("  " + line for line in lines)) == text:
            return ">-\n" + "\n".join(" " * (indent + 2) + line for line in lines)
    return text if _plain_ok(text) else json.dumps(text, ensure_ascii=False)


def comment_text(message: str) -> str:
    """message on one comment line: a tab (a table's cell border in a text file) as a space,
    every other control character as an escape, so nothing in it can end the line or hide."""
    return escape_controls(message.replace("\t", " "))


def to_yaml(data: dict[str, Any], checks: dict[KeyPath, list[str]], header: list[str]) -> str:
    """The mission's text: keys in data's order, each KONTROLLERA above the line it concerns."""
    lines = list(header)
    used: set[KeyPath] = set()

    def comments(path: KeyPath, indent: int) -> None:
        for message in checks.get(path, []):
            lines.append(" " * indent + "# KONTROLLERA: " + comment_text(message))
        used.add(path)

    def mapping(value: dict[str, Any], path: KeyPath, indent: int, first_prefix: str | None = None) -> None:
        for index, (key, item) in enumerate(value.items()):
            prefix = first_prefix if (index == 0 and first_prefix is not None) else " " * indent
            if not path and key in TOP_GAPS:
                lines.append("")
            comments(path + (key,), len(prefix))
            emit(key, item, path + (key,), prefix, indent)

    def emit(key: str, item: Any, path: KeyPath, prefix: str, indent: int) -> None:
        if isinstance(item, dict):
            if _flow_ok(item):
                lines.append(f"{prefix}{key}: {_flow(item)}")
                return
            lines.append(f"{prefix}{key}:")
            mapping(item, path, indent + 2)
        elif isinstance(item, list):
            if (
                item
                and all(isinstance(x, (int, str)) and not isinstance(x, bool) for x in item)
                and key
                in (
                    "fokus",
                    "veckodagar",
                    "roll",
                )
            ):
                lines.append(f"{prefix}{key}: [{', '.join(scalar(x, 0) for x in item)}]")
                return
            lines.append(f"{prefix}{key}:")
            sequence(item, path, indent + 2)
        else:
            lines.append(f"{prefix}{key}: {scalar(item, indent)}")

    def sequence(items: list[Any], path: KeyPath, indent: int) -> None:
        for index, item in enumerate(items):
            comments(path + (index,), indent)
            if isinstance(item, dict):
                if _flow_ok(item):
                    lines.append(f"{' ' * indent}- {_flow(item)}")
                else:
                    mapping(item, path + (index,), indent + 2, first_prefix=" " * indent + "- ")
            else:
                lines.append(f"{' ' * indent}- {scalar(item, indent)}")

    mapping(data, (), 0)
    leftovers = [(p, m) for p, ms in checks.items() if p not in used for m in ms]
    if leftovers:
        lines.append("")
        lines += [f"# KONTROLLERA ({'.'.join(str(x) for x in p)}): {comment_text(m)}" for p, m in leftovers]
    return "\n".join(lines) + "\n"


def _flow_ok(item: dict[str, Any]) -> bool:
    """Short mappings of plain values ({namn: …, kommun: …}, {del: …}) go on one line."""
    return set(item) <= {"namn", "kommun", "del", "rubrik", "datum", "mål"} and all(
        (isinstance(v, (int, dt.date)) and not isinstance(v, bool))
        or (isinstance(v, str) and _plain_ok(v) and not any(c in v for c in ",[]{}") and len(v) < 60)
        for v in item.values()
    )


def _flow(item: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v, 0)}" for k, v in item.items()) + "}"

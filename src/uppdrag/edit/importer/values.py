"""What the importer's readers share: how alike texts must be, the phrases it looks for, small helpers."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from uppdrag.edit.importer.wording import comparable
from uppdrag.models import (
    Background,
    SteeringDocument,
)

SHARED_MATCH = 85  # per cent alike (rapidfuzz ratio) for text to count as the shared text
GOAL_MATCH = 80

INTRO = re.compile(
    r"\bger\s+(?:här\s+)?(?:nätverket\s+)?(?:följande\s+)?uppdrag\s+(?:för|under perioden|under)\s+(.+?)\s*[:.]?\s*$",
    re.IGNORECASE,
)
REPORTING = re.compile(r"\(\s*(återrapportering\b[^)]*)\)", re.IGNORECASE)


def background_of(steering: SteeringDocument, backgrounds: list[Background]) -> str:
    """The shared background that goes with a steering document (as `uppdrag new` picks it)."""
    for background in backgrounds:
        if background.id == steering.id or any(b.goal_list == steering.id for b in background.blocks):
            return background.id
    return backgrounds[0].id


def goal_value(goal_id: str) -> int | str:
    return int(goal_id) if goal_id.isdigit() else goal_id


def period_text(text: str) -> str:
    """'2025–2026', '2026', 'läsåret 2025/26' -> '2025–2026'; 'kommande år' without a year."""
    school_year = re.search(r"\b(20\d\d)\s?/\s?(\d\d)\b", text)
    if school_year:
        start = int(school_year.group(1))
        return f"{start}–{start // 100 * 100 + int(school_year.group(2))}"
    years: list[str] = re.findall(r"\d{4}", text)
    if len(years) >= 2:
        return f"{years[0]}–{years[1]}"
    if years:
        return years[0]
    return "kommande år"


def same_texts(own: list[str], standard: list[str]) -> bool:
    return len(own) == len(standard) and all(
        fuzz.ratio(comparable(a), comparable(b)) >= 90 for a, b in zip(own, standard)
    )


def ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    return {key: mapping[key] for key in order if key in mapping} | {k: v for k, v in mapping.items() if k not in order}


def shown(value: Any) -> str:
    if value is True:
        return "ja"
    return str(value)

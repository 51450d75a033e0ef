"""The period a document gives its assignments: '2025–2026', 'läsåret 2025/26', 'Uppdrag 2026',
'för kommande år' (the calendar year after --today, which a person must check)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from uppdrag.edit.importer.headings import normalise
from uppdrag.models import period_years

COMING_YEAR = "kommande år"


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
    return COMING_YEAR


@dataclass(frozen=True)
class StatedPeriod:
    """The period a document states for its assignments, and how it said it."""

    period: str  # as the file writes it: "2025–2026", "2026", "kommande år"
    written: str  # the document's words: "2025/26", "kommande år", "Uppdrag 2026"
    where: str
    from_heading: bool = False  # read from a heading ("Uppdrag 2026"), not a sentence
    coming_year: int | None = None  # "kommande år": the calendar year after --today

    @property
    def years(self) -> tuple[int, int] | None:
        """The years the period covers; 'kommande år' is the year after --today."""
        if self.coming_year is not None:
            return self.coming_year, self.coming_year
        return period_years(self.period)

    @property
    def shown(self) -> str:
        """The period in a message: '2025–2026', 'kommande år (2027)'."""
        return f"{self.period} ({self.coming_year})" if self.coming_year is not None else self.period

    @property
    def doubt(self) -> str | None:
        """Why a person should check the period, or None when the document states it plainly
        ('kommande år' is a period of the file's own, which `render` writes back as it was)."""
        if self.from_heading:
            return f"perioden är läst ur rubriken '{self.written}'"
        if normalise(self.written) != normalise(COMING_YEAR) and (
            not re.search(r"\d{4}", self.written) or "/" in self.written
        ):
            return f"dokumentet säger '{self.written}'; läst som '{self.period}'"
        return None


def stated_period(written: str, where: str, today: dt.date, from_heading: bool = False) -> StatedPeriod:
    """The period in written ('för 2025–2026', 'läsåret 2025/26', 'kommande år'), for today."""
    period = period_text(written)
    coming = today.year + 1 if period == COMING_YEAR else None
    return StatedPeriod(period, written, where, from_heading, coming)


def contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]

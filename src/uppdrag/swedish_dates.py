"""Dates as Swedish readers write them ('14 juni 2024'): the one list of month names."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def day_and_month(day: dt.date) -> str:
    """'22 december'."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def swedish_date(day: dt.date) -> str:
    """'14 juni 2024'."""
    return f"{day_and_month(day)} {day.year}"

"""swedish_dates: dates as Swedish readers write them, for every module that shows one."""

from __future__ import annotations

import datetime as dt

from uppdrag.swedish_dates import MONTHS, day_and_month, swedish_date


def test_every_month_by_its_swedish_name_without_a_leading_zero() -> None:
    assert [day_and_month(dt.date(2026, month, 1)) for month in range(1, 13)] == [
        "1 januari", "1 februari", "1 mars", "1 april", "1 maj", "1 juni",
        "1 juli", "1 augusti", "1 september", "1 oktober", "1 november", "1 december",
    ]  # fmt: skip
    assert len(MONTHS) == 12


def test_a_full_date_has_its_year() -> None:
    assert swedish_date(dt.date(2024, 6, 14)) == "14 juni 2024"
    assert swedish_date(dt.date(2025, 12, 31)) == "31 december 2025"


def test_docx_takes_its_dates_from_here_not_from_templates() -> None:
    """templates loads docx for a .docx: docx importing templates back made a circle."""
    import ast
    from pathlib import Path

    docx = Path(__file__).parents[2] / "src" / "uppdrag" / "output" / "docx.py"
    imported = {
        node.module
        for node in ast.walk(ast.parse(docx.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "uppdrag.swedish_dates" in imported
    assert "uppdrag.output.templates" not in imported

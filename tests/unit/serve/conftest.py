"""Fixtures for the preview's tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def break_meeting_count(shipped: Path) -> Callable[[], str]:
    """Make forskola's meeting count '4 x'; returns validate's finding for it, located in the file as it stands."""

    def breaking() -> str:
        path = Path("missions/forskola.yaml")
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        row = next(n for n, line in enumerate(lines) if line.strip() == "minst_per_år: 4")
        column = lines[row].index("4") + 1
        lines[row] = lines[row].replace("minst_per_år: 4", "minst_per_år: 4 x")
        path.write_text("".join(lines), encoding="utf-8")
        return f"{path}:{row + 1}:{column}: fel: möten.minst_per_år: måste vara ett heltal, inte '4 x'"

    return breaking

"""The meeting checks as JSON: one object per network, one per problem."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from uppdrag.check.meetings import YearCheck


def to_json(checks: list[YearCheck]) -> str:
    return json.dumps([c.to_json() for c in checks], ensure_ascii=False, indent=2)

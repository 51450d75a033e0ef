"""The meeting checks as JSON: one object per network, one per problem."""

from __future__ import annotations

import json


def to_json(checks: list) -> str:  # checks: list[check.meetings.YearCheck]
    return json.dumps([c.to_json() for c in checks], ensure_ascii=False, indent=2)

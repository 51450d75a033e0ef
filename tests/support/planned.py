"""A workspace with the year 2026 planned: meetings for four networks (särskolan has none) and
Hjo's sportlov a week later than the others', written into a copy of the shipped missions/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TODAY = dt.date(2026, 5, 1)  # the meetings before this day have been held

MEETINGS = {
    "forskola": """  träffar:
    - datum: 2026-02-06
    - datum: 2026-04-24
    - datum: 2026-09-18
    - datum: 2026-11-20
    - datum: 2027-02-05
""",
    "grundskola": """  träffar:
    - datum: 2026-02-17
    - datum: 2026-05-06
    - datum: 2026-09-16
    - datum: 2026-11-20
""",
    "ka": """  träffar:
    - datum: 2026-01-29
    - datum: 2026-03-23
    - datum: 2026-05-21
    - datum: 2026-09-16
    - datum: 2026-11-20
""",
    "skis": """  träffar:
    - datum: 2026-02-06
      start: "09:00"
      slut: "12:00"
      plats: Skövde, Kommunalförbundet
      minnesanteckningar: https://utbildningskaraborg.se/skis/2026-02-06
    - datum: 2026-04-24
      start: "13:00"
      plats: Teams
    - datum: 2026-09-18
    - datum: 2026-11-20
""",
}

HJO_SPORTLOV = "  - {namn: sportlov, vecka: 8, kommun: Hjo}\n"


def plan_2026(missions: Path) -> Path:
    """Add the meetings (each mission's möten: is its last block) and Hjo's own sportlov."""
    for network, text in MEETINGS.items():
        path = missions / f"{network}.yaml"
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")
    breaks = missions / "_lov.yaml"
    anchor = "  # En kommun med egna veckor"
    text = breaks.read_text(encoding="utf-8")
    assert anchor in text
    breaks.write_text(text.replace(anchor, HJO_SPORTLOV + anchor), encoding="utf-8")
    return missions

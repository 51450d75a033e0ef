"""Mission files written inline: a rule for meetings, a network with a given name."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINIMAL_MISSION, write_tree


def mission_with(rule: str) -> str:
    return MINIMAL_MISSION.format(id="n") + rule


def meetings_rule(*days: str, weekdays: str = "[fredag]", minimum: int | None = 4) -> str:
    rule = "möten:\n"
    if minimum is not None:
        rule += f"  minst_per_år: {minimum}\n"
    if weekdays:
        rule += f"  veckodagar: {weekdays}\n"
    if days:
        rule += "  träffar:\n" + "".join(f"    - datum: {d}\n" for d in days)
    return rule


def network_named(workspace: Path, name: str) -> None:
    text = MINIMAL_MISSION.format(id="n").replace("namn: Testnätverket", f"namn: {name}")
    write_tree(workspace, {"missions/n.yaml": text + "möten:\n  minst_per_år: 1\n"})

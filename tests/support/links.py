"""Symbolic links out of a workspace, and the message that refuses to write through one."""

from __future__ import annotations

import shutil
from pathlib import Path


def link_out_of_workspace(workspace: Path, elsewhere: Path, name: str = "forskola.yaml") -> tuple[Path, bytes]:
    """missions/name made a link to a file outside the workspace, as a cloned repository could."""
    elsewhere.mkdir(exist_ok=True)
    target = elsewhere / "privat.yaml"
    shutil.move(workspace / "missions" / name, target)
    (workspace / "missions" / name).symlink_to(target)
    return target, target.read_bytes()


def link_refusal(link: str, target: Path, workspace: Path) -> str:
    return (
        f"'{link}' leder via en symbolisk länk till '{target}', utanför arbetsytan '{workspace}'; uppdrag skriver "
        "bara genom länkar som stannar i arbetsytan; ersätt länken med en kopia eller ange den verkliga sökvägen"
    )

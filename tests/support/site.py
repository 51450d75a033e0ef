"""A site folder's manifest as someone could forge it by hand."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.conftest import write_tree
from uppdrag.output.site_folder import MANIFEST


def sha256_hex(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def forge_manifest(folder: Path, files: dict[str, str]) -> None:
    """A manifest someone wrote by hand: each name with the digest it claims."""
    manifest = {"kind": "uppdrag site", "version": 2, "files": files}
    write_tree(folder, {MANIFEST: json.dumps(manifest)})

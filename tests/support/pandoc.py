"""Markdown read back by pandoc, an independent reader."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import system_tool


def gfm_to_html(markdown: str) -> str:
    pandoc = subprocess.run(
        [system_tool("pandoc"), "-f", "gfm", "-t", "html", "--wrap=none"],
        input=markdown,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if pandoc.returncode != 0:
        pytest.fail(pandoc.stderr)
    return pandoc.stdout

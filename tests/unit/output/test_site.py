"""output.site: the site's pages by name, produced only when called, and written into a folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import pytest

from uppdrag.check.validation import open_workspace
from uppdrag.output.site import site_pages
from uppdrag.output.templates import Renderer, builtin_templates

TODAY = dt.date(2026, 11, 22)
NETWORKS = ["forskola", "grundskola", "ka", "sarskola", "skis"]


@pytest.fixture
def pages(shipped: Path):
    workspace, result = open_workspace(Path("missions"), TODAY)
    assert result.errors == 0
    return site_pages(workspace, Renderer([builtin_templates()]), 2026, TODAY)


def test_every_page_by_name_index_first(pages) -> None:
    expected = ["index.html", "mal.html", "moten-2026.html", "style.css"]
    expected += [f"{network}.{suffix}" for network in NETWORKS for suffix in ("html", "pdf")]
    assert list(pages) == expected


def test_network_pages_are_the_site_html_and_the_pdf(pages) -> None:
    page = pages["skis.html"]()
    assert 'href="style.css"' in page and 'href="skis.pdf"' in page
    assert '<span class="network">Skolutveckling i Skaraborg, SKIS</span></h1>' in page
    assert pages["skis.pdf"]().startswith(b"%PDF-")


def test_pages_are_rendered_only_when_called(shipped: Path) -> None:
    """A template that cannot be found fails when its page is produced, not when the map is made."""

    class CountingRenderer(Renderer):
        calls: ClassVar[list[str]] = []  # counted across the instance and the class

        def render_template(self, name: str, **context: object) -> str:
            self.calls.append(name)
            return super().render_template(name, **context)

    workspace, _ = open_workspace(Path("missions"), TODAY)
    renderer = CountingRenderer([builtin_templates()])
    pages = site_pages(workspace, renderer, 2026, TODAY)
    assert renderer.calls == []
    assert pages["moten-2026.html"]().startswith("<!DOCTYPE html>")
    assert renderer.calls == ["moten.html.j2"]


def test_meetings_page_follows_the_year(shipped: Path) -> None:
    workspace, _ = open_workspace(Path("missions"), TODAY)
    pages = site_pages(workspace, Renderer([builtin_templates()]), 2027, TODAY)
    assert "moten-2027.html" in pages and "moten-2026.html" not in pages
    assert "<h1>Möten 2027</h1>" in pages["moten-2027.html"]()
    assert 'href="moten-2027.html"' in pages["index.html"]()

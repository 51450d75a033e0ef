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
    expected = ["index.html", "mal.html", "moten-2026.html", "style.css", "kalender.css", "alla-moten.ics"]
    expected += [f"{network}.{suffix}" for network in NETWORKS for suffix in ("html", "pdf", "ics")]
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
    assert renderer.calls == ["kalender.html.j2"]


def test_meetings_page_follows_the_year(shipped: Path) -> None:
    workspace, _ = open_workspace(Path("missions"), TODAY)
    pages = site_pages(workspace, Renderer([builtin_templates()]), 2027, TODAY)
    assert "moten-2027.html" in pages and "moten-2026.html" not in pages
    assert "<h1>Möten 2027</h1>" in pages["moten-2027.html"]()
    assert 'href="moten-2027.html"' in pages["index.html"]()


def test_the_review_is_only_in_the_preview_and_knows_today(shipped: Path) -> None:
    from tests.support.planned import TODAY as PLANNED_TODAY
    from tests.support.planned import plan_2026

    plan_2026(Path("missions"))
    workspace, _ = open_workspace(Path("missions"), PLANNED_TODAY)
    renderer = Renderer([builtin_templates()])
    review = site_pages(workspace, renderer, 2026, PLANNED_TODAY, review=True)["moten-2026.html"]()
    published = site_pages(workspace, renderer, 2026, PLANNED_TODAY)["moten-2026.html"]()
    held = "varning: 2026-02-06 (fredag) har hållits men saknar länk till minnesanteckningar"
    assert f'<li class="warning">{held}</li>' in review
    assert '<li class="warning">varning: 2026-02-17 (tisdag) är sportlov (vecka 8) i Hjo</li>' in review
    assert "varning" not in published and "Granskning" not in published


def test_meeting_data_is_text_on_the_network_page_and_in_the_calendar(shipped: Path) -> None:
    path = Path("missions/skis.yaml")
    hostile = (
        "  träffar:\n"
        "    - datum: 2026-09-18\n"
        "      plats: '<script>alert(1)</script>\" onmouseover=\"x'\n"
        "      minnesanteckningar: 'javascript:alert(1)'\n"
    )
    path.write_text(path.read_text(encoding="utf-8") + hostile, encoding="utf-8")
    workspace, result = open_workspace(Path("missions"), TODAY)
    assert result.errors == 0
    pages = site_pages(workspace, Renderer([builtin_templates()]), 2026, TODAY)
    network, calendar = pages["skis.html"](), pages["moten-2026.html"]()
    shown = "&lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x"
    assert f"<td>{shown}</td><td>Hållet · minnesanteckningar</td>" in network
    assert f"<td>{shown}</td><td>Hållet · minnesanteckningar</td>" in calendar
    assert "<script>alert" not in network + calendar and "javascript" not in network + calendar  # no link

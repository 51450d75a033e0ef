"""serve.preview: request paths to replies, only the site's pages, findings while a file is broken."""

from __future__ import annotations

import datetime as dt
import threading
from html import escape, unescape
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MISSION, write_tree
from uppdrag.check.validation import open_workspace
from uppdrag.errors import UsageError
from uppdrag.output.site import site_pages
from uppdrag.output.templates import Renderer, builtin_templates
from uppdrag.serve.pages import reload_script, with_reload
from uppdrag.serve.preview import Preview, open_preview, page_name

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def preview(shipped: Path) -> Preview:
    return Preview(Path("missions"), [builtin_templates()], lambda: TODAY)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/", "index.html"),
        ("/skis.html", "skis.html"),
        ("/skis.pdf?download=1#top", "skis.pdf"),
        ("/moten-2026.html", "moten-2026.html"),
        ("/skis.ics", "skis.ics"),
        ("/alla-moten.ics", "alla-moten.ics"),
        ("/%73kis.html", "skis.html"),
        ("/../missions/skis.yaml", None),
        ("/%2e%2e/missions/skis.yaml", None),
        ("/..%2fmissions%2fskis.yaml", None),
        ("/skis.yaml", None),
        ("/_styrdokument.yaml", None),
        ("/fonts/x.ttf", None),
        ("/index.html/", None),
        ("//etc/passwd", None),
        ("/Skis.html", None),
        ("/skis.html%00.yaml", None),
        ("/.html", None),
    ],
)
def test_page_name(path: str, name: str | None) -> None:
    assert page_name(path) == name


def test_pages_are_the_sites_pages_with_the_reload_script(preview: Preview) -> None:
    workspace, _ = open_workspace(Path("missions"), TODAY)
    pages = site_pages(workspace, Renderer([builtin_templates()]), 2026, TODAY, review=True)
    for path, name in [("/", "index.html"), ("/forskola.html", "forskola.html"), ("/mal.html", "mal.html")]:
        reply = preview.reply(path)
        assert (reply.status, reply.media_type) == (200, "text/html; charset=utf-8")
        assert reply.body.decode() == with_reload(pages[name](), preview.version)
    css = preview.reply("/style.css")
    assert (css.status, css.media_type, css.body.decode()) == (200, "text/css; charset=utf-8", pages["style.css"]())


def test_pdf_on_request(preview: Preview) -> None:
    reply = preview.reply("/ka.pdf")
    assert (reply.status, reply.media_type) == (200, "application/pdf")
    assert reply.body.startswith(b"%PDF-") and b"EventSource" not in reply.body


def test_calendar_files_on_request(preview: Preview) -> None:
    workspace, _ = open_workspace(Path("missions"), TODAY)
    pages = site_pages(workspace, Renderer([builtin_templates()]), 2026, TODAY)
    for name in ("skis.ics", "alla-moten.ics"):
        reply = preview.reply(f"/{name}")
        assert (reply.status, reply.media_type) == (200, "text/calendar; charset=utf-8")
        assert reply.body == pages[name]() and reply.body.startswith(b"BEGIN:VCALENDAR")


def test_the_meetings_page_shows_the_coordinator_the_review(preview: Preview) -> None:
    """The published calendar has no lint; the preview's has each network judged, with the fix."""
    page = preview.reply("/moten-2026.html").body.decode()
    assert '<h2 id="granskning">Granskning av mötena 2026</h2>' in page
    assert "Visas bara i förhandsvisningen, inte på den publicerade webbplatsen." in page
    assert (
        '<li class="error">fel: inga möten inlagda för 2026; regeln kräver minst 4; '
        "föreslå fler med uppdrag plan-meetings skis 2026 --write</li>"
    ) in page
    assert "<caption>Januari 2026</caption>" in page  # the same calendar as the site's below it
    workspace, _ = open_workspace(Path("missions"), TODAY)
    published = site_pages(workspace, Renderer([builtin_templates()]), 2026, TODAY)["moten-2026.html"]()
    assert "granskning" not in published and "plan-meetings" not in published
    assert (
        published.split('<h2 id="teckenforklaring">')[1]
        == page.split('<h2 id="teckenforklaring">')[1].split("<script>")[0] + page.split("</script>\n")[1]
    )


def test_a_network_page_shows_the_coordinator_its_review(preview: Preview) -> None:
    page = preview.reply("/skis.html").body.decode()
    review = page.split('<div class="review">')[1].split("</div>")[0]
    assert review == (
        "\n<h3>Granskning av mötena 2026</h3>\n"
        '<p class="review-note">Visas bara i förhandsvisningen, inte på den publicerade webbplatsen.</p>\n'
        '<ul class="review-problems">\n'
        '  <li class="error">fel: inga möten inlagda för 2026; regeln kräver minst 4; '
        "föreslå fler med uppdrag plan-meetings skis 2026 --write</li>\n</ul>\n"
    )
    assert '<p class="no-meetings">Mötesdatum för 2026 är inte inlagda ännu.</p>' in page
    assert "Nätverket har ingen mötesregel." in preview.reply("/sarskola.html").body.decode()
    workspace, _ = open_workspace(Path("missions"), TODAY)
    published = site_pages(workspace, Renderer([builtin_templates()]), 2026, TODAY)["skis.html"]()
    assert 'class="review"' not in published and "plan-meetings" not in published


def test_meetings_page_is_this_years(shipped: Path) -> None:
    preview = Preview(Path("missions"), [builtin_templates()], lambda: dt.date(2027, 1, 2))
    assert preview.reply("/moten-2027.html").status == 200
    assert preview.reply("/moten-2026.html").status == 404


@pytest.mark.parametrize("path", ["/../missions/forskola.yaml", "/forskola.yaml", "/nosuch.html", "/x/../index.html"])
def test_anything_else_is_not_found_and_shows_no_file(path: str, preview: Preview) -> None:
    reply = preview.reply(path)
    assert reply.status == 404
    text = unescape(reply.body.decode())
    assert "<h1>Sidan finns inte</h1>" in text
    assert '<li><a href="/forskola.html">forskola.html</a></li>' in text and "minst_per_år" not in text


def test_a_broken_file_shows_its_findings_on_every_page(preview: Preview, break_meeting_count) -> None:
    finding = break_meeting_count()
    version = preview.changed()
    for path in ("/forskola.html", "/", "/skis.pdf", "/forskola.pdf"):
        reply = preview.reply(path)
        assert (reply.status, reply.media_type) == (200, "text/html; charset=utf-8")
        text = unescape(reply.body.decode())
        assert f'<li class="error">{finding}</li>' in text
        assert text.endswith(reload_script(version) + "</body>\n</html>\n")
    assert preview.reply("/style.css").media_type == "text/css; charset=utf-8"


def test_a_file_that_does_not_load_keeps_its_page_name(preview: Preview, shipped: Path) -> None:
    write_tree(shipped, {"missions/nytt.yaml": "id: nytt\nnamn: [\n"})
    preview.changed()
    reply = preview.reply("/nytt.html")
    assert reply.status == 200
    assert '<li class="error">missions/nytt.yaml:3:1: fel: ' in reply.body.decode()


def test_the_document_returns_once_mended(preview: Preview, shipped: Path) -> None:
    write_tree(shipped, {"missions/nytt.yaml": MINIMAL_MISSION.format(id="nytt").replace("namn:", "namn: [")})
    preview.changed()
    assert "Uppdragsfilerna behöver rättas" in preview.reply("/nytt.html").body.decode()
    write_tree(shipped, {"missions/nytt.yaml": MINIMAL_MISSION.format(id="nytt")})
    preview.changed()
    reply = preview.reply("/nytt.html")
    assert reply.status == 200 and '<span class="network">Testnätverket</span></h1>' in reply.body.decode()


def test_a_page_is_made_once_per_generation(preview: Preview, shipped: Path) -> None:
    first = preview.reply("/skis.html")
    assert preview.reply("/skis.html") is first
    mission = shipped / "missions" / "skis.yaml"
    mission.write_text(mission.read_text(encoding="utf-8").replace("SKIS", "SKIS2"), "utf-8")
    assert preview.reply("/skis.html") is first  # no change noticed yet: the same page
    preview.changed()
    assert "SKIS2" in preview.reply("/skis.html").body.decode()


def test_a_broken_template_is_a_located_problem_page(shipped: Path) -> None:
    write_tree(
        shipped,
        {"templates/index.html.j2": "{% extends 'sida.html.j2' %}\n{% block title %}{{ nope }}{% endblock %}\n"},
    )
    preview = Preview(Path("missions"), [shipped / "templates", builtin_templates()], lambda: TODAY)
    reply = preview.reply("/")
    assert reply.status == 500
    text = unescape(reply.body.decode())
    assert f"<li>fel: {shipped / 'templates' / 'index.html.j2'}:2: fel i mallen: 'nope' är inte definierad</li>" in text
    assert preview.reply("/skis.html").status == 200


def test_a_missing_folder_is_a_problem_page(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        open_workspace(tmp_path / "borta", TODAY)
    reply = Preview(tmp_path / "borta", [builtin_templates()], lambda: TODAY).reply("/")
    assert reply.status == 500
    assert f"<li>{escape(raised.value.message)}</li>" in reply.body.decode()
    assert Preview(tmp_path / "borta", [builtin_templates()], lambda: TODAY).reply("/x.yaml").status == 404


def test_waiting_for_a_change(preview: Preview) -> None:
    first = preview.version
    assert preview.wait_for_change(first, timeout=0.05) == first  # nothing yet: the same version
    threading.Timer(0.1, preview.changed).start()
    second = preview.wait_for_change(first, timeout=5)
    assert second == f"{first.split('.')[0]}.1"
    assert preview.wait_for_change(first, timeout=5) == second  # already past: at once
    threading.Timer(0.1, preview.close).start()
    assert preview.wait_for_change(second, timeout=5) is None


def test_a_page_from_another_run_of_the_server_is_told_at_once(preview: Preview, shipped: Path) -> None:
    earlier = Preview(Path("missions"), [builtin_templates()], lambda: TODAY).version
    assert earlier.endswith(".0") and preview.version.endswith(".0") and earlier != preview.version
    assert preview.wait_for_change(earlier, timeout=5) == preview.version


def test_a_bug_is_an_internal_error_page_and_the_preview_goes_on(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uppdrag.serve.preview as module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("trasig")

    monkeypatch.setattr(module, "site_pages", broken)
    reply = preview.reply("/skis.html")
    assert reply.status == 500
    assert "<li>internt fel: RuntimeError: trasig</li>" in reply.body.decode()
    monkeypatch.undo()
    preview.changed()
    assert preview.reply("/skis.html").status == 200


def test_open_preview_uses_the_template_search_path_of_site(shipped: Path) -> None:
    write_tree(shipped, {"templates/uppdrag.css": "body {}\n", "egna/index.html.j2": "x\n"})
    preview = open_preview(Path("missions"), Path("egna"), lambda: TODAY)
    assert preview.template_folders == [Path("egna"), Path("templates"), builtin_templates()]
    assert preview.reply("/style.css").body == b"body {}\n"


def test_open_preview_refuses_missing_folders(shipped: Path) -> None:
    with pytest.raises(UsageError, match=r"^mappen 'saknas' finns inte$"):
        open_preview(Path("saknas"), None, lambda: TODAY)
    with pytest.raises(UsageError, match=r"^mallmappen 'egna' finns inte$"):
        open_preview(Path("missions"), Path("egna"), lambda: TODAY)

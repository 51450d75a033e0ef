"""The preview's own HTML: the page shown instead of a document that cannot be made, and the
script that reloads an open page after a save. Every piece of data is escaped as text."""

from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import quote

from uppdrag.findings import CheckResult
from uppdrag.output.diagnostics import finding_line, summary

EVENTS_PATH = "/_uppdrag/events"

# Kept apart from the site's stylesheet: this page must show even when the templates are broken.
_STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; color: #8a1c12; }
ul.problems { padding: 0; list-style: none; }
ul.problems li { font-family: ui-monospace, monospace; background: #fdecea; color: #8a1c12;
  padding: .5rem .75rem; margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
ul.problems li.warning { background: #fff4e0; color: #6b4000; }
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} – förhandsvisning</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n{body}</main>\n</body>\n</html>\n"
    )


def problem_page(title: str, lines: list[str], note: str) -> str:
    """A small standalone page: a heading, what went wrong line by line, and what happens next."""
    items = "".join(f"<li>{escape(line)}</li>\n" for line in lines)
    return _page(title, f'<ul class="problems">\n{items}</ul>\n<p>{escape(note)}</p>\n')


def error_page(status: int, title: str, explanation: str) -> str:
    """The page of an HTTP error the server itself answers (a bad request, an unknown method)."""
    return _page(title, f"<p>{escape(explanation)}</p>\n<p>Felkod {status}.</p>\n")


def findings_page(result: CheckResult) -> str:
    """The located findings that keep the document from being shown, as `uppdrag validate` words them."""
    items = "".join(
        f'<li class="{finding.severity.value}">{escape("".join(text for text, _ in finding_line(finding)))}</li>\n'
        for findings in result.by_file().values()
        for finding in findings
    )
    note = f"{summary(result)} Dokumentet visas igen när felen är rättade; sidan laddas om när du sparar."
    return _page("Uppdragsfilerna behöver rättas", f'<ul class="problems">\n{items}</ul>\n<p>{escape(note)}</p>\n')


def not_found_page(names: list[str]) -> str:
    """What a mistyped address gets: the pages there are, as links."""
    items = "".join(f'<li><a href="/{quote(name)}">{escape(name)}</a></li>\n' for name in names)
    return _page(
        "Sidan finns inte", f"<p>Förhandsvisningen visar bara webbplatsens egna sidor:</p>\n<ul>\n{items}</ul>\n"
    )


def reload_script(version: str) -> str:
    """Reload the page as soon as the files are no longer at the version it was made from."""
    source = json.dumps(f"{EVENTS_PATH}?since={quote(version, safe='')}")
    return (
        "<script>\n"
        f"const uppdragEvents = new EventSource({source});\n"
        "uppdragEvents.onmessage = () => { uppdragEvents.close(); location.reload(); };\n"
        "</script>\n"
    )


_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def with_reload(html: str, version: str) -> str:
    """The page with the reload script just before its last </body>, or at its end."""
    script = reload_script(version)
    ends = list(_BODY_END.finditer(html))
    if not ends:
        return html + script
    at = ends[-1].start()
    return html[:at] + script + html[at:]

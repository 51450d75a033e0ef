"""The static site for a year with planned meetings, built into tmp_path and opened in headless
Chromium: its pages, calendar files, year calendar, no CLI text, and an accessibility run (axe-core)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.conftest import REPO, system_tool
from tests.support.planned import TODAY, plan_2026
from tests.support.site import forge_manifest, sha256_hex
from uppdrag.cli import app
from uppdrag.output.site_folder import MANIFEST

NETWORKS = ["forskola", "grundskola", "ka", "sarskola", "skis"]


def _chromium() -> str:
    return system_tool("chromium", "chromium-browser")


def dump_dom(url: str) -> str:
    """The page as Chromium renders it, with no network and no sandbox (we run as root)."""
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [
                _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--dump-dom", url,
            ],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag in ("a", "link") and values.get("href"):
            self.links.append(values["href"] or "")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    root = tmp_path_factory.mktemp("site")
    shutil.copytree(REPO / "missions", root / "missions")
    plan_2026(root / "missions")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, ["site", "-o", "ut", "--year", "2026", "--today", TODAY.isoformat()])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return root / "ut"


def test_files(built_site: Path) -> None:
    expected = {"index.html", "mal.html", "moten-2026.html", "style.css", ".uppdrag-webbplats.json"}
    expected |= {"kalender.css", "alla-moten.ics"}
    expected |= {f"{n}.{suffix}" for n in NETWORKS for suffix in ("html", "pdf", "ics")}
    assert {p.name for p in built_site.iterdir()} == expected
    assert all((built_site / f"{n}.pdf").read_bytes().startswith(b"%PDF-") for n in NETWORKS)


@pytest.mark.slow
@pytest.mark.parametrize("page", ["index.html", "skis.html", "mal.html", "moten-2026.html"])
def test_page_in_chromium(page: str, built_site: Path) -> None:
    url = (built_site / page).as_uri()
    rendered = _parse(dump_dom(url))
    assert rendered.lang == "sv"
    assert rendered.headings[0] == 1 and rendered.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(rendered.headings, rendered.headings[1:])), rendered.headings
    for href in rendered.links:
        _assert_link(built_site, page, href)
    text = " ".join(" ".join(rendered.text).split())
    wanted = {
        "index.html": [
            "Nätverkens uppdragsbeskrivningar",
            "Skolutveckling i Skaraborg, SKIS",
            "Minst 4 möten per år på fredagar",
        ],
        "skis.html": [
            "Uppdragsbeskrivning för nätverket Skolutveckling i Skaraborg, SKIS",
            "Roller och ansvar",
            "Samtliga kommuner ska",
        ],
        "mal.html": [
            "Mål och uppdrag",
            "Prioriterat utvecklingsområde 1: Fullföljd utbildning",
            "Uppdrag utan angivet mål",
        ],
        "moten-2026.html": [
            "Möten 2026",
            "Kalender 2026",
            "Januari 2026",
            "December 2026",
            "fredag 6 februari 2026 09:00–12:00 5 Skolutveckling i Skaraborg, SKIS Skövde, Kommunalförbundet Hållet",
            "6 februari: möte: Förskola; möte: Skolutveckling i Skaraborg, SKIS kl. 09:00–12:00",
        ],
    }[page]
    for phrase in wanted:
        assert phrase in text, phrase


MINUTES = "https://utbildningskaraborg.se/"  # the one outside address: planned.py's minutes


def _assert_link(site: Path, page: str, href: str) -> None:
    """A relative link to a file of the site or to an id on the page; or a meeting's minutes."""
    if href.startswith(MINUTES):
        return
    parsed = urlparse(href)
    assert not parsed.scheme and not parsed.netloc and not href.startswith("/"), f"not relative: {href}"
    target = site / unquote(parsed.path) if parsed.path else site / page
    assert target.is_file(), f"{page}: broken link {href}"
    if parsed.fragment:
        assert f'id="{parsed.fragment}"' in target.read_text(encoding="utf-8"), f"{page}: no target for {href}"


def test_every_page_links_only_inside(built_site: Path) -> None:
    for page in built_site.glob("*.html"):
        for href in _parse(page.read_text(encoding="utf-8")).links:
            _assert_link(built_site, page.name, href)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_colours_have_sufficient_contrast() -> None:
    """WCAG AA asks 4.5:1 for body text; every colour the stylesheet writes text in passes."""
    import re

    css = (REPO / "templates" / "uppdrag.css").read_text(encoding="utf-8")
    variables = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    pairs = [(variables[name], "#ffffff") for name in ("ink", "muted", "accent")]
    pairs += [("#8a1c12", "#fdecea"), ("#1b5e20", "#ffffff"), ("#8a1c12", "#ffffff")]
    assert [(a, b) for a, b in pairs if _contrast(a, b) < 4.5] == []


def test_pdf_link_names_the_network_for_screen_readers(built_site: Path) -> None:
    html = (built_site / "forskola.html").read_text(encoding="utf-8")
    assert '<a href="forskola.pdf" aria-label="Förskola som PDF">PDF</a>' in html


def test_unfinished_documents_are_published_as_drafts(built_site: Path) -> None:
    # KA's period (2021) has ended: a warning, so its page says UTKAST; the others are finished.
    marked = [n for n in NETWORKS if "UTKAST" in (built_site / f"{n}.html").read_text(encoding="utf-8")]
    assert marked == ["grundskola", "ka", "sarskola", "skis"]  # forskola alone names its chair and secretary


class _Tables(HTMLParser):
    """Each table's class, caption and rows; a cell is (tag, class, the text a screen reader
    reads: aria-hidden parts left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self._hidden: list[str] = []  # the open tags, with whether each hides its content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "table":
            self.tables.append({"class": values.get("class") or "", "caption": "", "rows": []})
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
            self.tables[-1]["rows"][-1].append((tag, values.get("class") or "", self._cell))
        if tag == "span":
            self._hidden.append("hidden" if values.get("aria-hidden") == "true" else "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"] = "".join(self._caption)
            self._caption = None
        elif tag in ("td", "th"):
            self._cell = None
        elif tag == "span" and self._hidden:
            self._hidden.pop()

    def handle_data(self, data: str) -> None:
        if "hidden" in self._hidden:
            return
        for target in (self._cell, self._caption):
            if target is not None:
                target.append(data)


def _tables(html: str, css_class: str) -> list[dict]:
    parser = _Tables()
    parser.feed(html)
    tables = [t for t in parser.tables if css_class in t["class"].split()]
    for table in tables:
        table["rows"] = [
            [(tag, cls, " ".join("".join(text).split())) for tag, cls, text in row] for row in table["rows"]
        ]
    return tables


def test_a_network_page_lists_the_years_meetings_to_subscribe_to(built_site: Path) -> None:
    html = (built_site / "skis.html").read_text(encoding="utf-8")
    [table] = _tables(html, "year-meetings")
    assert table["caption"] == "Mötesdatum 2026"
    assert [[text for _, _, text in row] for row in table["rows"]] == [
        ["Datum", "Tid", "Plats", "Status"],
        ["fredag 6 februari 2026", "09:00–12:00", "Skövde, Kommunalförbundet", "Hållet · minnesanteckningar"],
        ["fredag 24 april 2026", "13:00", "Teams", "Hållet"],
        ["fredag 18 september 2026", "–", "–", "Planerat"],
        ["fredag 20 november 2026", "–", "–", "Planerat"],
    ]
    assert [row[0][0] for row in table["rows"]] == ["th"] * 5  # each date heads its row
    assert '<a href="https://utbildningskaraborg.se/skis/2026-02-06">minnesanteckningar</a>' in html
    assert '<a href="skis.ics" type="text/calendar">nätverkets möten som kalenderfil</a>' in html
    assert '<a href="alla-moten.ics" type="text/calendar">alla nätverks möten</a>' in html
    # The 2027 meeting is förskolan's next year: in its calendar file, not on this year's page.
    assert "2027" not in " ".join(_parse((built_site / "forskola.html").read_text(encoding="utf-8")).text)


def test_the_index_says_each_networks_next_meeting(built_site: Path) -> None:
    text = " ".join(" ".join(_parse((built_site / "index.html").read_text(encoding="utf-8")).text).split())
    found = [part.split(" Uppdragsbeskrivning")[0] for part in text.split("Nästa möte: ")[1:]]
    assert found == [
        "fredag 18 september 2026",
        "onsdag 6 maj 2026",
        "torsdag 21 maj 2026",
        "inte inlagt ännu",
        "fredag 18 september 2026",
    ]


def test_a_network_without_meetings_says_so_and_nothing_more(built_site: Path) -> None:
    html = (built_site / "sarskola.html").read_text(encoding="utf-8")
    assert '<p class="no-meetings">Mötesdatum för 2026 är inte inlagda ännu.</p>' in html
    assert _tables(html, "year-meetings") == [] and "sarskola.ics" not in html and ".ics" not in html


def _without_stamps(data: bytes) -> bytes:
    return b"\n".join(line for line in data.splitlines() if not line.startswith(b"DTSTAMP:"))


def test_calendar_files_are_the_commands_files_and_both_parsers_read_them(built_site: Path) -> None:
    import datetime as dt

    import icalendar
    import vobject
    from typer.testing import CliRunner

    from uppdrag.output.ical import meeting_uid

    cwd = os.getcwd()
    os.chdir(built_site.parent)
    try:
        runner = CliRunner()
        from_cli = {f"{n}.ics": runner.invoke(app, ["calendar", n]).stdout_bytes for n in NETWORKS}
        from_cli["alla-moten.ics"] = runner.invoke(app, ["calendar", "--all"]).stdout_bytes
    finally:
        os.chdir(cwd)
    stamp = dt.datetime.combine(TODAY, dt.time(), dt.UTC)
    counts = {}
    for name, expected in from_cli.items():
        published = (built_site / name).read_bytes()
        assert _without_stamps(published) == _without_stamps(expected), name
        events = icalendar.Calendar.from_ical(published).walk("VEVENT")
        assert all(e.decoded("DTSTAMP") == stamp for e in events)
        second = vobject.readOne(published.decode("utf-8")).contents.get("vevent", [])
        assert [e.uid.value for e in second] == [str(e["UID"]) for e in events]
        assert [e.dtstart.value for e in second] == [e.decoded("DTSTART") for e in events]
        counts[name] = len(events)
    assert counts == {
        "forskola.ics": 5, "grundskola.ics": 4, "ka.ics": 5, "sarskola.ics": 0, "skis.ics": 4, "alla-moten.ics": 18,
    }  # fmt: skip
    every = [
        str(e["UID"]) for e in icalendar.Calendar.from_ical((built_site / "alla-moten.ics").read_bytes()).walk("VEVENT")
    ]
    assert meeting_uid("skis", dt.date(2026, 2, 6)) in every and meeting_uid("forskola", dt.date(2027, 2, 5)) in every


def test_the_meetings_page_is_twelve_month_grids_of_iso_weeks(built_site: Path) -> None:
    import calendar
    import datetime as dt

    months = _tables((built_site / "moten-2026.html").read_text(encoding="utf-8"), "month")
    names = ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober",
             "November", "December"]  # fmt: skip
    assert [m["caption"] for m in months] == [f"{name} 2026" for name in names]
    cells: dict[dt.date, tuple[str, str]] = {}
    for number, month in enumerate(months, start=1):
        header, *weeks = month["rows"]
        assert [text for _, _, text in header] == ["Vecka", "måndag", "tisdag", "onsdag", "torsdag", "fredag",
                                                   "lördag", "söndag"]  # fmt: skip
        for week in weeks:
            (tag, _, week_text), *days = week
            assert tag == "th" and len(days) == 7
            for column, (_, css, text) in enumerate(days):
                if not text:
                    continue
                day = dt.date(2026, number, int(text.split()[0]))
                assert day.weekday() == column, (day, column)  # Monday first
                assert week_text == f"vecka {day.isocalendar().week}"
                cells[day] = (css, text)
        assert len([d for d in cells if d.month == number]) == calendar.monthrange(2026, number)[1]
    assert cells[dt.date(2026, 2, 6)] == (
        "day has-meeting",
        "6 februari: möte: Förskola; möte: Skolutveckling i Skaraborg, SKIS kl. 09:00–12:00",
    )
    assert cells[dt.date(2026, 4, 3)] == ("day holiday break", "3 april: långfredagen; påsklov")
    assert cells[dt.date(2026, 2, 9)] == ("day partial-break", "9 februari: sportlov utom i Hjo")
    assert cells[dt.date(2026, 2, 17)] == (
        "day partial-break has-meeting",
        "17 februari: sportlov i Hjo; möte: Grundskolan",
    )
    assert cells[dt.date(2026, 3, 10)] == ("day", "10 mars")
    assert cells[dt.date(2026, 12, 31)] == ("day holiday break", "31 december: nyårsafton; jullov")
    [every] = _tables((built_site / "moten-2026.html").read_text(encoding="utf-8"), "all-meetings")
    assert every["caption"] == "Alla nätverks möten 2026 i datumordning"
    assert [row[0][2] for row in every["rows"][1:4]] == [
        "torsdag 29 januari 2026", "fredag 6 februari 2026", "fredag 6 februari 2026",
    ]  # fmt: skip
    assert len(every["rows"]) == 1 + 17
    html = (built_site / "moten-2026.html").read_text(encoding="utf-8")
    assert "<li>fredag 3 april 2026: långfredagen</li>" in html
    assert "<li>Sportlov: 9 februari 2026 – 15 februari 2026, alla kommuner utom Hjo</li>" in html
    assert "<li>Sportlov: 16 februari 2026 – 22 februari 2026, Hjo</li>" in html


def _command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_no_cli_text_on_any_published_page(built_site: Path) -> None:
    """Lint and commands are for the coordinator (serve, the terminal), never for the site's readers."""
    commands = _command_names()
    assert "plan-meetings" in commands and "check-meetings" in commands
    pages = sorted(built_site.glob("*.html"))
    assert len(pages) == 3 + len(NETWORKS)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for forbidden in [f"uppdrag {c}" for c in commands] + ["fel:", "varning:", "--write", "Granskning"]:
            assert forbidden not in text, (page.name, forbidden)


def test_every_page_has_a_skip_link_and_captioned_tables(built_site: Path) -> None:
    import re

    for page in sorted(built_site.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        first_link = re.search(r"<a [^>]*>", html)
        assert first_link and first_link.group(0) == '<a class="skip-link" href="#innehall">', page.name
        assert html.count('<main id="innehall">') == 1, page.name
        for table in re.findall(r"<table\b[^>]*>.*?</table>", html, re.DOTALL):
            head = table.split(">", 1)[0]
            assert "<caption>" in table or "aria-label" in head, (page.name, head)
            assert all('scope="' in th for th in re.findall(r"<th\b[^>]*>", table)), (page.name, head)


AXE_VERSION = "4.14.1"  # .ci/run installs this one: npm install --prefix .cache/axe axe-core@4.14.1
AXE = REPO / ".cache" / "axe" / "node_modules" / "axe-core"
# Every WCAG 2.0, 2.1 and 2.2 A/AA rule, and axe's best practices on top.
AXE_RUN = """
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
                   resultTypes: ["violations"]})
   .then(r => JSON.stringify({rules: r.passes.length + r.violations.length + r.incomplete.length,
                              violations: r.violations.map(v => ({id: v.id, help: v.help,
                                  nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)}))}))
"""


def _axe_script() -> str:
    """axe-core's axe.min.js, the pinned version; skipped locally when it is missing, failed under CI."""

    package = AXE / "package.json"
    if not package.is_file():
        if os.environ.get("CI"):
            pytest.fail(
                f"CI must have axe-core: .ci/run installs it (npm install --prefix .cache/axe axe-core@{AXE_VERSION})"
            )
        pytest.skip(
            f"axe-core is not installed here; `npm install --prefix .cache/axe axe-core@{AXE_VERSION}` installs it"
        )
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    assert version == AXE_VERSION, f"axe-core {version} in .cache/axe; the tests pin {AXE_VERSION}"
    return (AXE / "axe.min.js").read_text(encoding="utf-8")


def _evaluate(browser, expression: str, timeout: float = 60) -> object:
    answer = browser.call(
        "Runtime.evaluate",
        {"expression": expression, "returnByValue": True, "awaitPromise": True},
        browser.session,
        timeout=timeout,
    )
    result = answer.get("result", {})
    assert "exceptionDetails" not in result, result
    return result["result"].get("value")


def _open(browser, url: str) -> None:
    import time

    browser.call("Page.navigate", {"url": url}, browser.session)
    for _ in range(600):  # at most a minute, in steps of 0.1 s
        if _evaluate(browser, "document.readyState + ' ' + location.href") == f"complete {url}":
            return
        time.sleep(0.1)
    pytest.fail(f"Chromium did not load {url}")


@pytest.mark.slow
def test_every_page_passes_axe_in_chromium(built_site: Path, tmp_path: Path) -> None:
    """WCAG 2.1 AA, as the law on accessible public-sector sites asks: axe-core run in Chromium over
    every page the site has and the preview's pages with the review, 0 violations. Then what axe cannot judge: the skip link is the first
    stop of the keyboard, visible when focused, with a focus outline."""

    from tests.commands.test_serve import Chromium
    from uppdrag.check.validation import open_workspace
    from uppdrag.output.site import site_pages
    from uppdrag.output.templates import Renderer, builtin_templates

    script = _axe_script()
    files = sorted(built_site.glob("*.html"))
    assert len(files) == 3 + len(NETWORKS)
    # And the preview's pages that add the coordinator's review (a warning; no rule).
    workspace, _ = open_workspace(built_site.parent / "missions", TODAY)
    review = site_pages(workspace, Renderer([builtin_templates()]), 2026, TODAY, review=True)
    (tmp_path / "serve").mkdir()
    for name in ("moten-2026.html", "grundskola.html", "sarskola.html", "style.css", "kalender.css"):
        (tmp_path / "serve" / name).write_text(str(review[name]()), encoding="utf-8")
    files += [tmp_path / "serve" / name for name in ("moten-2026.html", "grundskola.html", "sarskola.html")]
    assert "Granskning av mötena 2026" in files[-1].read_text(encoding="utf-8")
    browser = Chromium(files[0].as_uri(), str(tmp_path / "profile"))
    try:
        found = {}
        for path in files:
            page = str(path.relative_to(path.parents[1]))
            _open(browser, path.as_uri())
            _evaluate(browser, script)
            result = json.loads(str(_evaluate(browser, AXE_RUN, timeout=120)))
            assert result["rules"] > 20, (page, result)  # axe ran its rules
            found[page] = result["violations"]
            browser.call(
                "Input.dispatchKeyEvent",
                {"type": "keyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
                browser.session,
            )
            browser.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Tab", "code": "Tab"}, browser.session)
            focus = json.loads(
                str(
                    _evaluate(
                        browser,
                        "(() => { const a = document.activeElement, r = a.getBoundingClientRect(),"
                        " s = getComputedStyle(a); return JSON.stringify([a.className, a.getAttribute('href'),"
                        " r.left >= 0 && r.top >= 0 && r.width > 0, s.outlineStyle, s.outlineWidth]); })()",
                    )
                )
            )
            assert focus == ["skip-link", "#innehall", True, "solid", "3px"], (page, focus)
    finally:
        browser.close()
    assert {page: v for page, v in found.items() if v} == {}


def test_ci_installs_the_pinned_axe_core() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@{AXE_VERSION}\n" in ci


def test_calendar_marks_and_days_have_sufficient_contrast() -> None:
    """The colours kalender.css writes text in, on every colour of the patterns under the day
    numbers (axe leaves text on a gradient to a person): 4.5:1 at least."""
    css = (REPO / "templates" / "kalender.css").read_text(encoding="utf-8")
    marks = ["#8a1c12", "#174a6b"]  # on white; the meeting mark is white on --accent
    patterns = ["#fbe4e1", "#eef5fa", "#a9cbe2", "#c3dbec"]
    assert all(colour in css for colour in marks + patterns)
    pairs = [("#ffffff", "#005a8c")] + [(m, "#ffffff") for m in marks]
    pairs += [(text, ground) for text in ("#1d1d1b", "#4f5357") for ground in patterns]  # --ink, --muted
    assert [(a, b, round(_contrast(a, b), 2)) for a, b in pairs if _contrast(a, b) < 4.5] == []


@pytest.mark.slow
def test_the_calendar_prints_its_twelve_months_on_one_a4_landscape_page(built_site: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "kalender.pdf"
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [
                _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                (built_site / "moten-2026.html").as_uri(),
            ],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    first = reader.pages[0].extract_text()
    months = ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober",
              "November", "December"]  # fmt: skip
    assert [m for m in months if f"{m} 2026" not in first] == []
    assert "Alla möten 2026" not in first  # the list starts on a page of its own
    assert "Alla möten 2026" in reader.pages[1].extract_text()


def test_pdfs_over_their_limit_stop_the_site_naming_the_networks(shipped: Path, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every PDF is made (within the limits) before any page is written: the site is not
    written, and the error names each network over the limit."""
    from tests.commands.test_render import PDF_TOO_SLOW, _thousands_of_pages_for
    from uppdrag.output import pdf

    monkeypatch.setattr(pdf, "PDF_SECONDS", 8.0)  # the shipped ones take under a second
    _thousands_of_pages_for(shipped, ["ka", "skis"])
    result = runner.invoke(app, ["site", "-o", "ut", "--today", TODAY.isoformat()])
    assert result.exit_code == 2
    assert result.stderr.endswith(PDF_TOO_SLOW.format(network="ka", seconds=8) + " (likadant för skis)\n")
    assert not (shipped / "ut").exists()


def test_site_command_removes_a_gone_network(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    first = runner.invoke(app, ["site", "-o", "ut", "--year", "2026"])
    assert first.exit_code == 0, first.output
    assert (shipped / "ut" / "skis.html").exists()
    (shipped / "missions" / "skis.yaml").unlink()
    second = runner.invoke(app, ["site", "-o", "ut", "--year", "2026"])
    assert second.exit_code == 0, second.output
    assert not (shipped / "ut" / "skis.html").exists() and not (shipped / "ut" / "skis.pdf").exists()
    assert (shipped / "ut" / "forskola.html").exists()


def test_site_command_refuses_the_missions_folder_with_a_forged_manifest(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    missions = shipped / "missions"
    before = {p.name: p.read_bytes() for p in missions.iterdir()}
    files = {name: sha256_hex(data) for name, data in before.items()}  # a forger who knows every digest
    forge_manifest(missions, files)
    result = runner.invoke(app, ["site", "-o", "missions", "--year", "2026"])
    assert result.exit_code == 2
    assert result.stderr == (
        "fel: 'missions' är eller ligger i 'missions', som uppdrag läser, och dit skrivs webbplatsen aldrig; "
        "välj en egen mapp (till exempel -o site)\n"
    )
    assert {p.name: p.read_bytes() for p in missions.iterdir() if p.name != MANIFEST} == before


def test_site_command_reports_a_changed_page_it_leaves(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    assert runner.invoke(app, ["site", "-o", "ut", "--year", "2026"]).exit_code == 0
    with (shipped / "ut" / "skis.html").open("a", encoding="utf-8") as page:
        page.write("<!-- min ändring -->")
    (shipped / "missions" / "skis.yaml").unlink()
    result = runner.invoke(app, ["site", "-o", "ut", "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == "obs: ut/skis.html lämnades kvar: den har ändrats sedan uppdrag skrev den"
    assert (shipped / "ut" / "skis.html").read_text(encoding="utf-8").endswith("<!-- min ändring -->")
    assert not (shipped / "ut" / "skis.pdf").exists()


def test_site_command_onto_a_dangling_link(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    (shipped / "ut").symlink_to("saknas")
    result = runner.invoke(app, ["site", "-o", "ut", "--year", "2026"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == "fel: kan inte skriva webbplatsen till 'ut': det är en symbolisk länk till 'saknas', som inte finns\n"
    )


def test_site_command_never_makes_the_workspace_templates_folder(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    result = runner.invoke(app, ["site", "-o", "templates", "--year", "2026"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: 'templates' är eller ligger i 'templates', som uppdrag läser, och dit skrivs webbplatsen "
        "aldrig; välj en egen mapp (till exempel -o site)\n",
    )
    assert not (shipped / "templates").exists()


def test_the_site_command_refuses_a_linked_site_folder(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    outside = shipped.parent / f"{shipped.name}-utanfor"
    outside.mkdir()
    (shipped / "site").symlink_to(outside)
    result = runner.invoke(app, ["site", "--today", "2026-11-22"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        f"fel: 'site' leder via en symbolisk länk till '{outside}', utanför arbetsytan '{shipped}'; uppdrag skriver "
        "bara genom länkar som stannar i arbetsytan; ersätt länken med en vanlig mapp eller ange den verkliga sökvägen",
    )
    assert list(outside.iterdir()) == []


def test_in_december_after_the_last_meeting_the_site_shows_the_coming_year(shipped: Path, runner) -> None:
    plan_2026(shipped / "missions")  # the year's last meeting: skis, 20 November
    result = runner.invoke(app, ["site", "-o", "ut", "--today", "2026-12-05"])
    assert result.exit_code == 0, result.output
    names = {p.name for p in (shipped / "ut").iterdir()}
    assert "moten-2027.html" in names and "moten-2026.html" not in names
    sarskola = (shipped / "ut" / "sarskola.html").read_text(encoding="utf-8")
    assert "Mötesdatum för 2027 är inte inlagda ännu." in sarskola
    asked = runner.invoke(app, ["site", "-o", "ut", "--year", "2026", "--today", "2026-12-05"])
    assert asked.exit_code == 0
    assert {p.name for p in (shipped / "ut").iterdir()} == names - {"moten-2027.html"} | {"moten-2026.html"}

"""The site as the files on disk make it now: a request path in, a reply out, rebuilt after each change.

Only the site's own page names are answered; a path is never opened on disk. While the
workspace does not validate, every page shows the located errors instead of a stale document.
Pages are made outside the lock that guards reading the files, each render in a process with a
time and a memory limit: a runaway template or a slow PDF holds up only its own page.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from uppdrag.check.validation import open_workspace
from uppdrag.errors import UppdragError, UsageError
from uppdrag.findings import CheckResult
from uppdrag.output.pdf import bounded_pdf
from uppdrag.output.site import (
    ALL_MEETINGS_CALENDAR,
    CALENDAR_STYLESHEET,
    MEDIA_TYPES,
    Producer,
    meetings_page_name,
    site_pages,
)
from uppdrag.output.template_budget import LIMITS, TemplateLimits
from uppdrag.output.templates import Renderer, search_path
from uppdrag.read.loading import YAML_SUFFIXES, is_shared_file
from uppdrag.serve.pages import findings_page, not_found_page, problem_page, with_reload
from uppdrag.views.year_calendar import shown_year
from uppdrag.workers import Stopped

HTML = MEDIA_TYPES[".html"]
_PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.(html|pdf|css|ics)")

# Pages made at once, each in a process of its own: a page that hangs (a runaway template, up to
# its time limit) holds one, the others are made meanwhile. A browser asks for at most six at once.
PAGES_AT_ONCE = 4
# PDFs among them: WeasyPrint takes a core and about 100 MB for each.
PDFS_AT_ONCE = 2
# How long a request waits for a page being made by another request, or for a free place.
WAIT_SECONDS = 65.0


@dataclass(frozen=True)
class Reply:
    status: int
    media_type: str
    body: bytes


@dataclass
class _Build:
    """One version's workspace and pages, and the pages made from it so far."""

    version: str
    result: CheckResult | None  # None: the workspace could not be opened at all
    problem: str
    pages: dict[str, Producer]
    names: set[str]
    made: dict[str, Reply] = field(default_factory=dict)
    making: dict[str, threading.Lock] = field(default_factory=dict)  # held while a page is made


def open_preview(missions: Path, templates: Path | None, clock: Callable[[], dt.date]) -> Preview:
    """A preview of the missions folder with the template search path of `uppdrag site`."""
    if not missions.is_dir():
        raise UsageError(f"mappen '{missions}' finns inte")
    if templates is not None and not templates.is_dir():
        raise UsageError(f"mallmappen '{templates}' finns inte")
    return Preview(missions, search_path(templates, missions.parent / "templates"), clock)


def page_name(path: str) -> str | None:
    """'/' -> 'index.html', '/skis.html?x' -> 'skis.html'; None for anything not shaped like a page."""
    name = unquote(urlsplit(path).path)
    if name == "/":
        return "index.html"
    name = name.removeprefix("/")
    return name if _PAGE_NAME.fullmatch(name) else None


class Preview:
    """Answers requests from the current version of the files; `changed()` starts a new one.

    A version is this run's random name and a count of changes, so a page from before a save,
    or from an earlier run of the server, is told to reload.
    """

    def __init__(
        self,
        missions: Path,
        template_folders: list[Path],
        clock: Callable[[], dt.date],
        limits: TemplateLimits = LIMITS,
        pages_at_once: int = PAGES_AT_ONCE,
        wait_seconds: float = WAIT_SECONDS,
    ):
        self.missions = missions
        self.template_folders = template_folders
        self.clock = clock
        self._run = secrets.token_hex(4)
        self._generation = 0
        self._closed = False
        self.limits = limits
        self._changes = threading.Condition()
        self._build_lock = threading.Lock()
        self._stop = threading.Event()  # set on close: pages still being made are given up
        self._page_slots = threading.BoundedSemaphore(pages_at_once)
        self._pdf_slots = threading.BoundedSemaphore(min(pages_at_once, PDFS_AT_ONCE))
        self._wait_seconds = wait_seconds
        self._pages_at_once = pages_at_once
        self._build: _Build | None = None

    @property
    def version(self) -> str:
        with self._changes:
            return self._version()

    def _version(self) -> str:
        return f"{self._run}.{self._generation}"

    def changed(self) -> str:
        """The files changed: the next request rebuilds, and every waiting page hears of it."""
        with self._changes:
            self._generation += 1
            self._changes.notify_all()
            return self._version()

    def wait_for_change(self, since: str, timeout: float) -> str | None:
        """The version once it is not `since` (waiting at most `timeout` seconds); None once closed."""
        with self._changes:
            self._changes.wait_for(lambda: self._closed or self._version() != since, timeout)
            return None if self._closed else self._version()

    def close(self) -> None:
        self._stop.set()
        with self._changes:
            self._closed = True
            self._changes.notify_all()

    def reply(self, path: str) -> Reply:
        version = self.version
        name = page_name(path)
        with self._build_lock:  # reading the files; no page is made under it
            try:
                build = self._current(version)
            except Exception as exc:  # noqa: BLE001 - a bug: the page says so, the server goes on
                return _internal_error(exc, version)
        if name is None or name not in build.names:
            return _not_found(build)
        if name in build.made:
            return build.made[name]
        with self._build_lock:
            making = build.making.setdefault(name, threading.Lock())
        # One request makes a page; others for it wait for that one and get the same reply.
        if not making.acquire(timeout=self._wait_seconds):
            return _busy(build, self._pages_at_once)
        try:
            if name not in build.made:
                reply = self._make(build, name)
                if reply.status == 503:  # busy or closing: not the page, so not kept
                    return reply
                build.made[name] = reply
            return build.made[name]
        finally:
            making.release()

    def _current(self, version: str) -> _Build:
        if self._build is None or self._build.version != version:
            self._build = self._load(version)
        return self._build

    def _load(self, version: str) -> _Build:
        today = self.clock()
        stable = {
            "index.html",
            "mal.html",
            "style.css",
            CALENDAR_STYLESHEET,
            ALL_MEETINGS_CALENDAR,
        }
        try:
            workspace, result = open_workspace(self.missions, today)
        except UppdragError as exc:  # the folder is gone or unreadable
            return _Build(version, None, exc.message, {}, stable | {meetings_page_name(today.year)})
        year = shown_year([m.mission for m in workspace.missions], today)  # as `uppdrag site` would show
        stable.add(meetings_page_name(year))
        # The coordinator's view: the meetings page also judges each network's meetings.
        pages = site_pages(
            workspace, Renderer(self.template_folders, self.limits, self._stop), year, today, review=True
        )
        # A file that does not validate still has its pages: they show why it does not.
        stems = {Path(p).stem for p in result.files if Path(p).suffix in YAML_SUFFIXES and not is_shared_file(Path(p))}
        names = stable | set(pages) | {f"{stem}.{suffix}" for stem in stems for suffix in ("html", "pdf", "ics")}
        return _Build(version, result, "", pages, names)

    def _make(self, build: _Build, name: str) -> Reply:
        if build.result is None:
            return _html(500, problem_page("Förhandsvisningen kan inte läsa filerna", [build.problem], _RETRY), build)
        if build.result.errors and not name.endswith(".css"):
            return _html(200, findings_page(build.result), build)
        try:
            content = self._produce(build.pages[name], name)
        except _Busy:
            return _busy(build, self._pages_at_once)
        except UppdragError as exc:  # a broken template, a PDF that cannot be made
            return _html(500, problem_page("Sidan kan inte visas", [f"fel: {exc.message}"], _RETRY), build)
        except Stopped:
            return _html(503, problem_page("Förhandsvisningen stängs", [], _RETRY), build)
        except Exception as exc:  # noqa: BLE001 - a bug: the page says so, the server goes on
            return _internal_error(exc, build.version)
        media_type = MEDIA_TYPES[Path(name).suffix]
        if media_type == HTML:
            return _html(200, str(content), build)
        return Reply(200, media_type, content.encode("utf-8") if isinstance(content, str) else content)

    def _produce(self, producer: Producer, name: str) -> str | bytes:
        """A page's content, with at most pages_at_once made at a time (each render is a
        process of its own, see Renderer), PDFs at most PDFS_AT_ONCE of them. A PDF is made in
        a process with a time and memory limit: WeasyPrint is not shared between threads, and
        one slow PDF must not hold up any other page. A PDF takes its PDF slot first, so one
        waiting for it holds no page slot: HTML pages are answered while PDFs queue."""
        pdf = name.endswith(".pdf")
        slots = [self._pdf_slots, self._page_slots] if pdf else [self._page_slots]
        taken = []
        try:
            for slot in slots:
                if not slot.acquire(timeout=self._wait_seconds):
                    raise _Busy()
                taken.append(slot)
            if not pdf:
                return producer()
            from uppdrag.output.pdf import load_weasyprint

            load_weasyprint()  # once, here: each PDF's process starts with it loaded
            return bounded_pdf(producer, name.removesuffix(".pdf"), stop=self._stop)
        finally:
            for slot in taken:
                slot.release()


_RETRY = "Sidan laddas om när du sparar en fil."


class _Busy(Exception):
    """Every place for making a page stayed taken while this request waited."""


def _busy(build: _Build, pages_at_once: int) -> Reply:
    page = problem_page(
        "Förhandsvisningen är upptagen",
        [
            f"{pages_at_once} {'sida' if pages_at_once == 1 else 'sidor'} görs redan, och ingen blev klar medan den här väntade"
        ],
        "Ladda om sidan om en stund.",
    )
    return _html(503, page, build)


def _html(status: int, page: str, build: _Build) -> Reply:
    return Reply(status, HTML, with_reload(page, build.version).encode("utf-8"))


def _internal_error(exc: Exception, version: str) -> Reply:
    page = problem_page("Internt fel i uppdrag", [f"internt fel: {type(exc).__name__}: {exc}"], _RETRY)
    return Reply(500, HTML, with_reload(page, version).encode("utf-8"))


def _not_found(build: _Build) -> Reply:
    names = sorted(n for n in build.names if n.endswith(".html") and page_name(f"/{n}") == n)
    return Reply(404, HTML, with_reload(not_found_page(names), build.version).encode("utf-8"))

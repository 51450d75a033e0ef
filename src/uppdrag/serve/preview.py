"""The site as the files on disk make it now: a request path in, a reply out, rebuilt after each change.

Only the site's own page names are answered; a path is never opened on disk. While the
workspace does not validate, every page shows the located errors instead of a stale document.
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
from uppdrag.output.site import MEDIA_TYPES, Producer, meetings_page_name, site_pages
from uppdrag.output.templates import Renderer, search_path
from uppdrag.read.loading import YAML_SUFFIXES, is_shared_file
from uppdrag.serve.pages import findings_page, not_found_page, problem_page, with_reload

HTML = MEDIA_TYPES[".html"]
_PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.(html|pdf|css)")


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

    def __init__(self, missions: Path, template_folders: list[Path], clock: Callable[[], dt.date]):
        self.missions = missions
        self.template_folders = template_folders
        self.clock = clock
        self._run = secrets.token_hex(4)
        self._generation = 0
        self._closed = False
        self._changes = threading.Condition()
        self._build_lock = threading.Lock()  # one build and one page at a time: WeasyPrint is not shared
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
        with self._changes:
            self._closed = True
            self._changes.notify_all()

    def reply(self, path: str) -> Reply:
        version = self.version
        name = page_name(path)
        with self._build_lock:
            try:
                build = self._current(version)
            except Exception as exc:  # noqa: BLE001 - a bug: the page says so, the server goes on
                return _internal_error(exc, version)
            if name is None or name not in build.names:
                return _not_found(build)
            if name not in build.made:
                build.made[name] = self._make(build, name)
            return build.made[name]

    def _current(self, version: str) -> _Build:
        if self._build is None or self._build.version != version:
            self._build = self._load(version)
        return self._build

    def _load(self, version: str) -> _Build:
        today = self.clock()
        year = today.year
        stable = {"index.html", "mal.html", meetings_page_name(year), "style.css"}
        try:
            workspace, result = open_workspace(self.missions, today)
        except UppdragError as exc:  # the folder is gone or unreadable
            return _Build(version, None, exc.message, {}, stable)
        pages = site_pages(workspace, Renderer(self.template_folders), year, today)
        # A file that does not validate still has its pages: they show why it does not.
        stems = {Path(p).stem for p in result.files if Path(p).suffix in YAML_SUFFIXES and not is_shared_file(Path(p))}
        names = stable | set(pages) | {f"{stem}.{suffix}" for stem in stems for suffix in ("html", "pdf")}
        return _Build(version, result, "", pages, names)

    def _make(self, build: _Build, name: str) -> Reply:
        if build.result is None:
            return _html(500, problem_page("Förhandsvisningen kan inte läsa filerna", [build.problem], _RETRY), build)
        if build.result.errors and not name.endswith(".css"):
            return _html(200, findings_page(build.result), build)
        try:
            content = build.pages[name]()
        except UppdragError as exc:  # a broken template, a PDF that cannot be made
            return _html(500, problem_page("Sidan kan inte visas", [f"fel: {exc.message}"], _RETRY), build)
        except Exception as exc:  # noqa: BLE001 - a bug: the page says so, the server goes on
            return _internal_error(exc, build.version)
        media_type = MEDIA_TYPES[Path(name).suffix]
        if media_type == HTML:
            return _html(200, str(content), build)
        return Reply(200, media_type, content.encode("utf-8") if isinstance(content, str) else content)


_RETRY = "Sidan laddas om när du sparar en fil."


def _html(status: int, page: str, build: _Build) -> Reply:
    return Reply(status, HTML, with_reload(page, build.version).encode("utf-8"))


def _internal_error(exc: Exception, version: str) -> Reply:
    page = problem_page("Internt fel i uppdrag", [f"internt fel: {type(exc).__name__}: {exc}"], _RETRY)
    return Reply(500, HTML, with_reload(page, version).encode("utf-8"))


def _not_found(build: _Build) -> Reply:
    names = sorted(n for n in build.names if n.endswith(".html") and page_name(f"/{n}") == n)
    return Reply(404, HTML, with_reload(not_found_page(names), build.version).encode("utf-8"))

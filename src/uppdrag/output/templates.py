"""Jinja templates -> Markdown and HTML strings, from an ordered template search path.

The search path puts the user's folder first, so one template can be overridden without
copying the rest: --templates DIR, then the workspace's templates/, then the built-in ones.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
import jinja2.meta
from markupsafe import Markup, escape

from uppdrag.errors import EXIT_USAGE, TemplateError, UsageError
from uppdrag.files import os_reason
from uppdrag.output.escape import markdown_cell, markdown_escape
from uppdrag.output.template_budget import LIMITS, BudgetedEnvironment, TemplateLimits
from uppdrag.output.template_errors import TemplateLookupFailed, template_error
from uppdrag.swedish_dates import swedish_date
from uppdrag.views.document import Document
from uppdrag.workers import Stopped, TimeLimitExceeded, WorkerDied, run_bounded

if TYPE_CHECKING:
    from uppdrag.read.loading import Workspace

Format = Literal["md", "html"]
TEMPLATES = {"md": "uppdrag.md.j2", "html": "uppdrag.html.j2"}


def builtin_templates() -> Path:
    """Templates inside an installed wheel, else the repository's templates/."""
    packaged = Path(__file__).parents[1] / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "templates"


def search_path(user_dir: Path | None, workspace_dir: Path | None) -> list[Path]:
    folders = [d for d in (user_dir, workspace_dir) if d is not None and d.is_dir()]
    folders.append(builtin_templates())
    unique: list[Path] = []
    for folder in folders:
        if folder.resolve() not in [u.resolve() for u in unique]:
            unique.append(folder)
    return unique


def workspace_inputs(workspace: Workspace, renderer: Renderer | None = None) -> list[Path]:
    """What a command reads, or would read to render: its files, and the template folders, in
    which -o writes nothing. Commands without a renderer still protect the workspace's
    templates/ and the built-in ones."""
    folders = renderer.folders if renderer else search_path(None, workspace.folder.parent / "templates")
    return [*workspace.files, *folders]


def renderer_for(templates: Path | None, missions: Path) -> Renderer:
    """Templates from --templates, then the workspace's templates/, then the built-in ones."""
    if templates is not None and not templates.is_dir():
        raise UsageError(
            f"mallmappen '{templates}' finns inte; skapa den (`mkdir {templates}`) eller ange en annan med --templates"
        )
    return Renderer(search_path(templates, missions.parent / "templates"))


_SAFE_URL = re.compile(r"^https?://[^\s]+$")


def link(url: str | None, text: str | None = None) -> Markup:
    """An <a> for http(s) addresses; anything else (javascript:, data:) is shown as text."""
    if not url:
        return Markup("")
    label = escape(text or url)
    if _SAFE_URL.match(url):
        return Markup('<a href="{}">{}</a>').format(url, label)
    return Markup(label)  # noqa: S704 - escaped above


def css_string(text: object) -> Markup:
    """Text for inside a double-quoted CSS string: anything but letters, digits and spaces
    becomes a hex escape, so no quote, backslash or '</style>' can break out. The space after
    each escape ends it and is swallowed by CSS, so a real space that follows survives."""
    return Markup("".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in str(text)))  # noqa: S704 - escaped


def _date_filter(day: object) -> str:
    """The `datum` filter: a date as '14 juni 2024'; a template may pass any value, shown as it is."""
    return swedish_date(day) if isinstance(day, dt.date) else str(day)


def _within(folder: Path, candidate: Path) -> bool:
    """True when candidate, links followed, lies inside folder (links followed)."""
    return Path(os.path.realpath(candidate)).is_relative_to(os.path.realpath(folder))


TEMPLATE_BYTES = 1024 * 1024  # the largest built-in template is under 10 kB


class _FolderLoader(jinja2.FileSystemLoader):
    """Jinja's loader, refusing a template that is a link out of its folder: a workspace's
    templates/ must not pull /etc/passwd or another user's file into a document."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.searchpath:
            candidate = Path(folder, *jinja2.loaders.split_template_path(template))
            if candidate.is_file():
                if not _within(Path(folder), candidate):
                    raise TemplateError(
                        f"mallen '{candidate}' pekar ut ur mallmappen {folder}; bara filer i mappen läses",
                        exit_code=EXIT_USAGE,
                    )
                if candidate.stat().st_size > TEMPLATE_BYTES:
                    raise TemplateError(
                        f"mallen '{candidate}' är för stor (över {TEMPLATE_BYTES // 1024} kB); en mall är en "
                        "textfil med layouten, inte data",
                        exit_code=EXIT_USAGE,
                    )
                break
        return super().get_source(environment, template)


class Renderer:
    """Every template — built-in, the workspace's, --templates — is untrusted: it runs in Jinja's
    sandbox, so `{{ lipsum.__globals__ }}` and the like are refused instead of reaching Python,
    and under a budget (output.template_budget): counted steps and sizes stop a runaway at its
    line, and each render runs in a forked process with a time and a memory limit, so nothing a
    template does can hold this process. `stop` (set by the preview when it closes) ends a
    render at once."""

    def __init__(self, folders: list[Path], limits: TemplateLimits = LIMITS, stop: threading.Event | None = None):
        self.folders = folders
        self.limits = limits
        self.stop = stop
        self.env = BudgetedEnvironment(
            limits,
            loader=_FolderLoader([str(f) for f in folders]),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        # A plain dict, not Jinja's LRU cache with its lock: a render's child is forked from any
        # of a server's threads, and must not inherit a lock another thread held. The templates
        # are the folders' files, so the cache stays small.
        self.env.cache = {}
        self._prepared: set[str] = set()
        self.env.filters["md"] = markdown_escape
        self.env.filters["md_cell"] = markdown_cell  # one line: a table cell, a heading
        self.env.filters["datum"] = _date_filter
        self.env.filters["css_string"] = css_string
        self.env.globals["link"] = link
        self.env.globals["asset"] = self.asset

    def asset(self, name: str) -> str:
        """A file:// URI for a file found on the search path (fonts for the PDF). A name not
        found there is the template's error, at its line."""
        try:
            return self.find(name).resolve().as_uri()
        except TemplateError as exc:
            raise TemplateLookupFailed(exc.message) from None

    def find(self, name: str) -> Path:
        """The first file of that name on the search path (a font, the Word reference document)."""
        for folder in self.folders:
            candidate = folder / name
            if candidate.is_file() and _within(folder, candidate):
                return candidate
        raise TemplateError(
            f"hittar inte '{name}' i mallmapparna: {', '.join(map(str, self.folders))} (bara filer i mallmapparna läses)",
            exit_code=EXIT_USAGE,
        )

    def render(self, document: Document, fmt: Format, for_pdf: bool = False, site: bool = False) -> str:
        """One network's document as Markdown or HTML (for a PDF: with pdf.css; for the
        site: with the shared stylesheet and navigation)."""
        return self.render_template(TEMPLATES[fmt], doc=document, mission=document.mission, for_pdf=for_pdf, site=site)

    def render_template(self, name: str, **context: object) -> str:
        """The template's text. It is compiled here (compiling computes nothing: see
        template_budget) and kept in Jinja's cache; it runs in a bounded child process."""
        try:
            template = self.env.get_template(name)
            self._prepare(name)
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(
                f"mallen '{exc.name}' finns inte i {', '.join(map(str, self.folders))}", exit_code=EXIT_USAGE
            ) from None
        except OSError as exc:  # a template file that cannot be read
            raise TemplateError(f"kan inte läsa mallen '{name}': {os_reason(exc)}") from None
        except Exception as exc:  # noqa: BLE001 - a syntax error, a literal too large, nesting too deep
            raise template_error(exc, self._file_of(name), self.limits) from None
        shown = template.filename or name
        try:
            text = run_bounded(
                lambda: self._run(template, shown, context), self.limits.seconds, self.limits.memory_bytes, self.stop
            )
        except Stopped:
            raise TemplateError(f"{shown}: avbröts, förhandsvisningen stängs", exit_code=EXIT_USAGE) from None
        except (TimeLimitExceeded, WorkerDied) as exc:  # the child had to be killed, or was
            raise template_error(exc, shown, self.limits) from None
        return text.rstrip("\n") + "\n"

    def _prepare(self, name: str) -> None:
        """Compile, once, the templates that this one names ({% extends %}, {% include %}), so a
        render's child finds them compiled instead of compiling them anew each time. One that
        cannot be compiled is left to the render, which fails only if it really uses it."""
        if name in self._prepared:
            return
        self._prepared.add(name)
        pending = [name]
        while pending:
            try:
                source = self.env.loader.get_source(self.env, pending.pop())[0]  # type: ignore[union-attr]
                named = jinja2.meta.find_referenced_templates(self.env.parse(source))
            except Exception:  # noqa: BLE001, S112 - see above
                continue
            for other in named:
                if other is None or other in self._prepared:  # None: a name computed while rendering
                    continue
                self._prepared.add(other)
                try:
                    self.env.get_template(other)
                except Exception:  # noqa: BLE001, S112 - see above
                    continue
                pending.append(other)

    def _file_of(self, name: str) -> str:
        """The file a template name stands for, as the messages show it."""
        try:
            return self.env.loader.get_source(self.env, name)[1] or name  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - the name itself is shown then
            return name

    def _run(self, template: jinja2.Template, shown: str, context: dict[str, object]) -> str:
        """In the child: the text, or a TemplateError that says where and why in Swedish."""
        try:
            return self.env.render_counted(template, context)
        except jinja2.TemplateNotFound as exc:  # an OSError too, but the template's fault: at its line
            raise template_error(exc, shown, self.limits) from None
        except OSError as exc:  # an included template that cannot be read
            raise TemplateError(f"kan inte läsa en mall som {shown} använder: {os_reason(exc)}") from None
        except Exception as exc:  # noqa: BLE001 - whatever a template does wrong is its error
            raise template_error(exc, shown, self.limits) from None


def render_output(
    renderer: Renderer, document: Document, fmt: Literal["md", "html", "pdf", "docx"], pdf_variant: str
) -> bytes:
    """The bytes of one output file. The PDF and Word modules are imported only for the format
    that needs them; WeasyPrint itself only by output/pdf.py's load_weasyprint (which
    output/documents.py also calls, to load it once before forking its PDF workers)."""
    if fmt == "docx":
        from uppdrag.output.docx import REFERENCE, render_docx

        return render_docx(document, renderer.find(REFERENCE))
    if fmt != "pdf":
        return renderer.render(document, fmt).encode("utf-8")
    from uppdrag.output.pdf import html_to_pdf

    html = renderer.render(document, "html", for_pdf=True)
    return html_to_pdf(html, base_url=renderer.folders[0], variant=pdf_variant, allowed=renderer.folders)

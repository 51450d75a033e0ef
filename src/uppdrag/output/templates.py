"""Jinja templates -> Markdown and HTML strings, from an ordered template search path.

The search path puts the user's folder first, so one template can be overridden without
copying the rest: --templates DIR, then the workspace's templates/, then the built-in ones.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

from uppdrag.check.swedish_calendar import swedish_date as day_and_month
from uppdrag.errors import EXIT_USAGE, TemplateError, UsageError
from uppdrag.files import os_reason
from uppdrag.output.escape import markdown_escape
from uppdrag.views.document import Document

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


def swedish_date(day: object) -> str:
    """2024-06-14 -> '14 juni 2024'."""
    if isinstance(day, dt.date):
        return f"{day_and_month(day)} {day.year}"
    return str(day)


def _within(folder: Path, candidate: Path) -> bool:
    """True when candidate, links followed, lies inside folder (links followed)."""
    return Path(os.path.realpath(candidate)).is_relative_to(os.path.realpath(folder))


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
                break
        return super().get_source(environment, template)


class Renderer:
    """Every template — built-in, the workspace's, --templates — is untrusted: it runs in Jinja's
    sandbox, so `{{ lipsum.__globals__ }}` and the like are refused instead of reaching Python."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self.env = jinja2.sandbox.SandboxedEnvironment(
            loader=_FolderLoader([str(f) for f in folders]),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["md"] = markdown_escape
        self.env.filters["datum"] = swedish_date
        self.env.filters["css_string"] = css_string
        self.env.globals["link"] = link
        self.env.globals["asset"] = self.asset

    def asset(self, name: str) -> str:
        """A file:// URI for a file found on the search path (fonts for the PDF)."""
        return self.find(name).resolve().as_uri()

    def find(self, name: str) -> Path:
        """The first file of that name on the search path (a font, the Word reference document)."""
        for folder in self.folders:
            candidate = folder / name
            if candidate.is_file() and _within(folder, candidate):
                return candidate
        raise TemplateError(f"hittar inte '{name}' i mallmapparna: {', '.join(map(str, self.folders))}")

    def render(self, document: Document, fmt: Format, for_pdf: bool = False, site: bool = False) -> str:
        """One network's document as Markdown or HTML (for a PDF: with pdf.css; for the
        site: with the shared stylesheet and navigation)."""
        return self.render_template(TEMPLATES[fmt], doc=document, mission=document.mission, for_pdf=for_pdf, site=site)

    def render_template(self, name: str, **context: object) -> str:
        try:
            text = self.env.get_template(name).render(**context)
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"mallen '{exc.name}' finns inte i {', '.join(map(str, self.folders))}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: fel i mallen: {exc.message}") from None
        except (jinja2.exceptions.SecurityError, OverflowError) as exc:
            raise TemplateError(f"{_template_line(exc)}: {_blocked_message(exc)}", exit_code=EXIT_USAGE) from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{_template_line(exc)}: {_undefined_message(exc)}") from None
        except RecursionError as exc:  # a macro or include that calls itself
            raise TemplateError(
                f"{_template_line(exc)}: mallen anropar sig själv utan slut", exit_code=EXIT_USAGE
            ) from None
        except MemoryError as exc:
            raise TemplateError(f"{_template_line(exc)}: mallen gör en för stor text", exit_code=EXIT_USAGE) from None
        except OSError as exc:  # a template file that cannot be read
            raise TemplateError(f"kan inte läsa mallen '{name}': {os_reason(exc)}") from None
        return text.rstrip("\n") + "\n"


def _template_line(exc: BaseException) -> str:
    """'templates/uppdrag.md.j2:12' from Jinja's rewritten traceback."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return "mall"
    return f"{frames[-1].filename}:{frames[-1].lineno}"


def _blocked_message(exc: Exception) -> str:
    """What the sandbox refused, in Swedish."""
    match = re.search(r"attribute '([^']+)' of '([^']+)' object is unsafe", str(exc))
    if match:
        return f"mallen får inte läsa '{match.group(1)}' på '{match.group(2)}' (spärrat i mallarnas sandlåda)"
    if isinstance(exc, OverflowError):
        return "mallen gör ett för stort intervall (range); spärrat i mallarnas sandlåda"
    return f"mallen gör något som inte är tillåtet (spärrat i mallarnas sandlåda): {exc}"


def _undefined_message(exc: jinja2.UndefinedError) -> str:
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
    if match and match.group(2):
        owner = match.group(1).removesuffix(" object").rsplit(".", 1)[-1]
        return f"fel i mallen: '{match.group(2)}' finns inte på '{owner}'"
    if match:
        return f"fel i mallen: '{match.group(1)}' är inte definierad"
    return f"fel i mallen: {exc}"


def render_output(
    renderer: Renderer, document: Document, fmt: Literal["md", "html", "pdf", "docx"], pdf_variant: str
) -> bytes:
    """The bytes of one output file; WeasyPrint and python-docx are imported only here, only
    for the format that needs them."""
    if fmt == "docx":
        from uppdrag.output.docx import REFERENCE, render_docx

        return render_docx(document, renderer.find(REFERENCE))
    if fmt != "pdf":
        return renderer.render(document, fmt).encode("utf-8")
    from uppdrag.output.pdf import html_to_pdf

    html = renderer.render(document, "html", for_pdf=True)
    return html_to_pdf(html, base_url=renderer.folders[0], variant=pdf_variant, allowed=renderer.folders)

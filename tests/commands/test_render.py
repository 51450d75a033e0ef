"""Rendering: golden Markdown for the five networks, escaping, templates, atomic writes, PDF."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdf  # a dev dependency, installed by make test
import pytest

from tests.conftest import MINIMAL_MISSION, REPO, TESTS, TODAY, UPDATE_GOLDEN, write_tree
from tests.support.pandoc import gfm_to_html
from uppdrag import files
from uppdrag.check.validation import open_workspace
from uppdrag.cli import app
from uppdrag.edit.init_workspace import STARTER
from uppdrag.errors import (
    PdfError,
)
from uppdrag.output.escape import markdown_escape
from uppdrag.output.templates import builtin_templates, css_string
from uppdrag.views.document import SectionView, build_document

GOLDEN = TESTS / "golden"
NETWORKS = ["forskola", "grundskola", "ka", "sarskola", "skis"]


@pytest.mark.parametrize("network", NETWORKS)
def test_golden_markdown(network: str, shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", network, "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{network}.md"
    if UPDATE_GOLDEN:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_default_output_is_build_folder(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "forskola", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "build/forskola.md\n")
    assert (shipped / "build/forskola.md").read_text(encoding="utf-8") == (GOLDEN / "forskola.md").read_text(
        encoding="utf-8"
    )


def test_the_build_folder_is_in_the_current_folder_and_a_new_render_replaces_its_file(shipped: Path, runner) -> None:
    (shipped / "missions").rename(shipped / "arbete")
    write_tree(shipped, {"build/forskola.md": "förra gången\n"})
    result = runner.invoke(app, ["render", "forskola", "-m", "arbete", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "build/forskola.md\n")
    assert (shipped / "build/forskola.md").read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in shipped.iterdir() if p.is_dir()) == ["arbete", "build"]


def test_several_ids_go_into_the_output_folder(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "skis", "--html", "-o", "ut", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "ut/ka.html\nut/skis.html\n")


def test_unknown_id_lists_the_known(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "fritids"])
    assert result.exit_code == 2
    assert result.stderr == "fel: okänt id 'fritids'; kända id: forskola, grundskola, ka, sarskola, skis\n"


@pytest.mark.parametrize(
    "typed, said",
    [
        ("förskola", "ogiltigt id 'förskola': använd små bokstäver a–z, siffror och bindestreck"),
        ("Särskola", "ogiltigt id 'Särskola': använd små bokstäver a–z, siffror och bindestreck"),
        ("forskolan", "okänt id 'forskolan'"),
    ],
)
def test_unknown_id_suggests_the_one_meant(typed: str, said: str, shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", typed])
    meant = "sarskola" if typed == "Särskola" else "forskola"
    assert (result.exit_code, result.stderr) == (2, f"fel: {said}; menade du '{meant}'?\n")


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "Förskola", "a/b"])
def test_path_like_ids_are_refused(bad: str, shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", bad])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fel: ogiltigt id '{bad}'")
    assert not (shipped / "build").exists()


def test_invalid_workspace_is_not_rendered(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + "okänd: 1\n"})
    result = runner.invoke(app, ["render", "n"])
    assert result.exit_code == 1
    assert result.stderr == (
        "missions/n.yaml:14:1: fel: okänd: okänd nyckel 'okänd'; tillåtna nycklar: id, namn, styrdokument, "
        "bakgrund, bakgrund_egen, bakgrund_tillägg, medlemmar, avsnitt, antagen, reviderad, reviderad_av, syfte, uppdrag, roller, möten\n"
        "fel: 1 nätverk och 3 delade filer: 1 fel, 0 varningar. Rätta felen först.\n"
    )


HOSTILE = MINIMAL_MISSION.format(id="n").replace(
    "text: [Ett syfte.]",
    'text: ["<script>alert(1)</script> [klicka](javascript:alert(1)) *fet* # rubrik", "{{ 7 * 7 }}"]',
)


def test_html_is_escaped(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": HOSTILE})
    result = runner.invoke(app, ["render", "n", "--html", "-o", "-"])
    assert result.exit_code == 0
    assert "<script>" not in result.stdout
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; [klicka](javascript:alert(1)) *fet* # rubrik</p>" in result.stdout
    assert "<p>{{ 7 * 7 }}</p>" in result.stdout  # data is never evaluated as a template


def test_markdown_is_escaped(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": HOSTILE})
    result = runner.invoke(app, ["render", "n", "-o", "-"])
    assert r"\<script\>alert(1)\</script\> \[klicka\](javascript:alert(1)) \*fet\* # rubrik" in result.stdout


def test_markdown_escape_line_starts() -> None:
    assert (
        markdown_escape("# rubrik\n- punkt\n12. tal\nvanlig - text")
        == "\\# rubrik\n\\- punkt\n12\\. tal\nvanlig - text"
    )


def test_css_string_cannot_break_out() -> None:
    assert css_string('a"b</style>, c') == "a\\000022 b\\00003c \\00002f style\\00003e \\00002c  c"


def test_meeting_links_only_for_http(workspace: Path, runner) -> None:
    text = MINIMAL_MISSION.format(id="n") + (
        "möten:\n  träffar:\n"
        "    - {datum: 2024-02-02, minnesanteckningar: 'javascript:alert(1)'}\n"
        "    - {datum: 2024-03-01, minnesanteckningar: 'https://utbildningskaraborg.se/a?b=1&c=2'}\n"
    )
    write_tree(workspace, {"missions/n.yaml": text})
    html = runner.invoke(app, ["render", "n", "--html", "-o", "-"]).stdout
    assert "<td>2 februari 2024</td><td></td><td></td><td>Läs</td>" in html
    assert '<a href="https://utbildningskaraborg.se/a?b=1&amp;c=2">Läs</a>' in html
    assert 'href="javascript' not in html


def test_user_template_overrides_one_file(shipped: Path, runner) -> None:
    write_tree(
        shipped,
        {"egna/uppdrag.md.j2": '{% extends "base.j2" %}{% block header %}# Egen: {{ mission.name }}\n{% endblock %}'},
    )
    result = runner.invoke(app, ["render", "ka", "-o", "-", "--templates", "egna"])
    assert result.exit_code == 0
    assert result.stdout == "# Egen: KA\n"


def test_workspace_templates_come_before_builtin(shipped: Path, runner) -> None:
    write_tree(shipped, {"templates/uppdrag.md.j2": "{{ doc.title }} ({{ doc.steering.name }})\n"})
    result = runner.invoke(app, ["render", "skis", "-o", "-"])
    assert (
        result.stdout
        == "Uppdragsbeskrivning för nätverket Skolutveckling i Skaraborg, SKIS (Strategi för Utbildning Skaraborg 2023–2026)\n"
    )


def test_strict_undefined_names_template_and_line(shipped: Path, runner) -> None:
    write_tree(shipped, {"egna/uppdrag.md.j2": "# {{ mission.name }}\n{{ mission.namn }}\n"})
    result = runner.invoke(app, ["render", "forskola", "-o", "-", "--templates", "egna"])
    assert result.exit_code == 2
    assert result.stderr == "fel: egna/uppdrag.md.j2:2: fel i mallen: 'namn' finns inte på 'Mission'\n"


def test_template_syntax_error(shipped: Path, runner) -> None:
    write_tree(shipped, {"egna/uppdrag.md.j2": "# {{ mission.name }\n"})
    result = runner.invoke(app, ["render", "forskola", "-o", "-", "--templates", "egna"])
    assert result.exit_code == 2
    assert result.stderr == "fel: egna/uppdrag.md.j2:1: fel i mallen: oväntat '}'\n"


def test_a_run_time_error_in_a_template_is_exit_2_with_name_and_line(shipped: Path, runner) -> None:
    write_tree(shipped, {"egna/uppdrag.md.j2": '# {{ mission.name }}\n\n{{ 1 + "a" }}\n'})
    result = runner.invoke(app, ["render", "forskola", "-o", "-", "--templates", "egna"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "fel: egna/uppdrag.md.j2:3: fel i mallen: '+' går inte mellan ett heltal och en text\n"


def test_a_runaway_workspace_template_stops_render_all_with_exit_2(shipped: Path, runner) -> None:
    write_tree(
        shipped,
        {
            "templates/uppdrag.md.j2": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
        },
    )
    result = runner.invoke(app, ["render", "--all"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "fel: templates/uppdrag.md.j2:1: mallen tar för många steg (över 1 000 000 varv i loopar, anrop och "
        "räkneoperationer)\n"
    )
    assert not (shipped / "build").exists()


def test_failing_render_keeps_the_good_file(shipped: Path, runner) -> None:
    good = shipped / "build" / "ka.md"
    write_tree(shipped, {"build/ka.md": "det gamla, goda dokumentet\n", "egna/uppdrag.md.j2": "{{ trasig }}"})
    result = runner.invoke(app, ["render", "ka", "--templates", "egna"])
    assert result.exit_code == 2
    assert good.read_text() == "det gamla, goda dokumentet\n"
    assert sorted(p.name for p in good.parent.iterdir()) == ["ka.md"]


def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ut.md"
    target.write_text("gammalt")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left on device"):
        files.atomic_write(target, "nytt")
    assert target.read_text() == "gammalt"
    assert [p.name for p in tmp_path.iterdir()] == ["ut.md"]


def test_inside_refuses_escaping_names(tmp_path: Path) -> None:
    assert files.inside(tmp_path, "ka.md") == tmp_path / "ka.md"
    for name in ("../ka.md", "/etc/x", "..", ""):
        with pytest.raises(ValueError, match=f"^ogiltigt filnamn '{re.escape(name)}'$"):
            files.inside(tmp_path, name)


def test_pdf_reads_back(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "--all", "--pdf", "-o", "pdf", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"pdf/{n}.pdf" for n in NETWORKS]
    phrases = {
        "forskola": [
            "Uppdragsbeskrivning för nätverket Förskola",
            "Bånita Kron, Tibro",
            "Minst 4 möten per år på fredagar.",
        ],
        "grundskola": [
            "Höjd utbildningsnivå",
            "Återrapportering till skolchefer löpande under året.",
            "Minst 4 möten per år.",
        ],
        "ka": [
            "Tillägg till Måldokument Utbildning Skaraborg",
            "Årlig uppdatering av handboken.",
            "Minst 5 möten per år.",
        ],
        "sarskola": [
            "Sträva efter ett likvärdigt programutbud.",
            "elevhälsochef som är värd för mötet",
            "högkvalitativ undervisning",
        ],
        "skis": ["Samtliga kommuner ska på egen hand", "Fullföljd utbildning", "minnesanteckningar från mötet"],
    }
    for network, wanted in phrases.items():
        reader = pypdf.PdfReader(shipped / "pdf" / f"{network}.pdf")
        text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
        assert reader.metadata.title.startswith("Uppdragsbeskrivning för nätverket ")
        assert reader.trailer["/Root"]["/Lang"] == "sv"
        assert "/StructTreeRoot" in reader.trailer["/Root"]
        assert len(reader.pages) == 2
        assert "Sida 1 av 2" in text
        for phrase in wanted:
            assert phrase in text, (network, phrase)
    assert "Särskolan" in pypdf.PdfReader(shipped / "pdf" / "sarskola.pdf").metadata.title
    # The running footer carries the network's name intact (a comma once vanished in CSS escaping).
    skis = pypdf.PdfReader(shipped / "pdf" / "skis.pdf").pages[0].extract_text()
    assert (
        "Uppdragsbeskrivning för nätverket Skolutveckling i Skaraborg, SKIS\n"
        "Uppdraget gäller under perioden 2023–2026 Sida 1 av 2"
    ) in skis


# The hostile review's stylesheet: a page of 6 points for every element, thousands of pages.
PAGE_PER_ELEMENT = (
    "@page { size: 6pt 6pt; margin: 0 }  body,p,li,h1,h2,h3 { font-size: 5pt }  * { break-before: page !important; }"
)
PDF_TOO_SLOW = (
    "fel: PDF:en för {network} blev inte klar inom {seconds} sekunder (gränsen för en PDF); mallarna, t.ex. pdf.css, "
    "eller filen ger för många sidor"
)


def _thousands_of_pages_for(shipped: Path, networks: list[str]) -> None:
    """The networks' PDFs get the page-per-element stylesheet and 5 000 more paragraphs, minutes of
    work (the HTML and the others stay as shipped)."""
    template = (REPO / "templates" / "uppdrag.html.j2").read_text(encoding="utf-8")
    hostile = f"{{% if for_pdf and mission.id in {networks!r} %}}<style>{PAGE_PER_ELEMENT}</style>{{% endif %}}\n</head>"
    pages = f"{{% if for_pdf and mission.id in {networks!r} %}}{{% for i in range(5000) %}}<p>{{{{ i }}}}</p>{{% endfor %}}{{% endif %}}\n</body>"
    assert template.count("</head>") == template.count("</body>") == 1
    write_tree(shipped, {"templates/uppdrag.html.j2": template.replace("</head>", hostile).replace("</body>", pages)})


def test_a_pdf_over_its_time_limit_is_a_swedish_error_and_writes_nothing(
    shipped: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uppdrag.output import pdf

    monkeypatch.setattr(pdf, "PDF_SECONDS", 2.0)
    shipped_css = (REPO / "templates" / "pdf.css").read_text(encoding="utf-8")  # as in the hostile review:
    write_tree(shipped, {"templates/pdf.css": shipped_css + "\n" + PAGE_PER_ELEMENT + "\n"})  # appended to it
    result = runner.invoke(app, ["render", "ka", "--pdf", "--today", TODAY])
    assert result.exit_code == 2
    assert result.stderr.endswith(PDF_TOO_SLOW.format(network="ka", seconds=2) + "\n")
    assert result.stdout == ""
    assert not (shipped / "build").exists()


def test_render_all_makes_the_other_pdfs_when_some_are_over_the_limit(
    shipped: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uppdrag.output import pdf

    monkeypatch.setattr(pdf, "PDF_SECONDS", 8.0)  # the shipped ones take under a second
    _thousands_of_pages_for(shipped, ["ka", "skis"])
    result = runner.invoke(app, ["render", "--all", "--pdf", "-o", "ut", "--today", TODAY])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        PDF_TOO_SLOW.format(network="ka", seconds=8) + "\n" + PDF_TOO_SLOW.format(network="skis", seconds=8) + "\n"
    )
    made = ["forskola", "grundskola", "sarskola"]
    assert result.stdout.splitlines() == [f"ut/{n}.pdf" for n in made]
    assert sorted(p.name for p in (shipped / "ut").iterdir()) == [f"{n}.pdf" for n in made]
    for network in made:
        assert (shipped / "ut" / f"{network}.pdf").read_bytes().startswith(b"%PDF-")


def test_a_pdf_worker_the_system_ends_costs_only_its_own_pdf(
    shipped: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed (as by the system, out of memory) takes its pool down; the PDFs it took
    with it are made again one by one, and the one that kills its process is named."""
    from uppdrag.output import documents

    made = documents.document_bytes

    def killing_ka(*args, **kwargs):  # type: ignore[no-untyped-def]
        if args[2].mission.id == "ka":
            os.kill(os.getpid(), signal.SIGKILL)
        return made(*args, **kwargs)

    monkeypatch.setattr(documents, "document_bytes", killing_ka)
    result = runner.invoke(app, ["render", "--all", "--pdf", "-o", "ut", "--today", TODAY])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "fel: PDF:en för ka avbröts innan den blev klar; den gick troligen över gränsen på 60 sekunder "
        "eller 2 GB minne\n"
    )
    others = [n for n in NETWORKS if n != "ka"]
    assert result.stdout.splitlines() == [f"ut/{n}.pdf" for n in others]
    for network in others:
        assert (shipped / "ut" / f"{network}.pdf").read_bytes().startswith(b"%PDF-")
    assert not (shipped / "ut" / "ka.pdf").exists()


def test_pdf_a_variant_for_archiving(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "--pdf", "--pdf-variant", "pdf/a-3b", "-o", "ka-arkiv.pdf"])
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(shipped / "ka-arkiv.pdf")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3" pdfaid:conformance="B"' in xmp


def test_pdf_cannot_go_to_stdout(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "--pdf", "-o", "-"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: -o - skriver ett dokument i Markdown eller HTML till stdout\n",
    )


@pytest.mark.slow
def test_wheel_carries_the_templates_and_renders_outside_the_repo(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = (tmp_path / "dist").glob("uppdrag-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {
        "uppdrag/templates/base.j2",
        "uppdrag/templates/uppdrag.md.j2",
        "uppdrag/templates/fonts/Carlito-Regular.ttf",
        "uppdrag/templates/referens.docx",
    } <= set(names)
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    shutil.copytree(REPO / "missions", tmp_path / "elsewhere" / "missions")
    proc = subprocess.run(
        [sys.executable, "-c", "from uppdrag.cli import main; main()", "render", "ka", "-o", "-"],
        cwd=tmp_path / "elsewhere",
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (GOLDEN / "ka.md").read_text(encoding="utf-8")
    assert builtin_templates() == REPO / "templates"  # this checkout: the repository's own


def test_one_network_reads_only_its_own_file(shipped: Path, runner) -> None:
    """A broken file of another network does not stop a command about this one."""
    write_tree(shipped, {"missions/trasig.yaml": "id: trasig\nnamn: [\n"})
    result = runner.invoke(app, ["render", "forskola", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Uppdragsbeskrivning för nätverket Förskola\n")
    whole = runner.invoke(app, ["render", "--all", "-o", "ut"])  # the rest, and the broken one named
    assert whole.exit_code == 1
    assert whole.stderr.splitlines()[-2].startswith("missions/trasig.yaml:3:1: fel: ogiltig YAML")
    assert sorted(p.stem for p in (shipped / "ut").iterdir()) == ["forskola", "grundskola", "ka", "sarskola", "skis"]


def test_unknown_id_lists_the_files_there_are(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "forskolan"])
    assert (result.exit_code, result.stderr) == (2, "fel: okänt id 'forskolan'; menade du 'forskola'?\n")
    unrelated = runner.invoke(app, ["render", "gymnasium"])
    assert (unrelated.exit_code, unrelated.stderr) == (
        2,
        "fel: okänt id 'gymnasium'; kända id: forskola, grundskola, ka, sarskola, skis\n",
    )


def test_several_pdfs_in_worker_processes_keep_order_and_errors(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "skis", "forskola", "--pdf", "-o", "ut"])
    assert (result.exit_code, result.stdout) == (0, "ut/skis.pdf\nut/forskola.pdf\n")
    titles = [pypdf.PdfReader(shipped / "ut" / f"{n}.pdf").metadata.title for n in ("skis", "forskola")]
    assert titles == [
        "Uppdragsbeskrivning för nätverket Skolutveckling i Skaraborg, SKIS",
        "Uppdragsbeskrivning för nätverket Förskola",
    ]
    write_tree(shipped, {"templates/uppdrag.html.j2": "{{ doc.nope }}\n"})
    broken = runner.invoke(app, ["render", "--all", "--pdf", "-o", "trasig"])
    assert broken.exit_code == 2
    assert broken.stderr.endswith("fel: templates/uppdrag.html.j2:1: fel i mallen: 'nope' finns inte på 'Document'\n")
    assert not (shipped / "trasig").exists()


def test_missing_template_folder_says_how_to_make_it(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "forskola", "--templates", "egna"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: mallmappen 'egna' finns inte; skapa den (`mkdir egna`) eller ange en annan med --templates\n",
    )


def test_an_own_background_is_printed_instead_of_the_shared_text_in_every_format(workspace: Path, runner) -> None:
    import docx

    own = "bakgrund_egen:\n  rubrik: Vår egen rubrik\n  stycken:\n    - Ett eget stycke.\n    - mållista: maldokument\n"
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + own})
    Path("ut").mkdir()
    shared = "Samverkan lyfts särskilt fram som en framgångsfaktor."  # in the shared text 'maldokument'
    for fmt in ("md", "html", "docx", "pdf"):
        result = runner.invoke(app, ["render", "n", f"--{fmt}", "-o", f"ut/n.{fmt}", "--today", TODAY])
        assert result.exit_code == 0, result.stderr
        path = Path(f"ut/n.{fmt}")
        if fmt == "docx":
            text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        elif fmt == "pdf":
            text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
        else:
            text = path.read_text(encoding="utf-8")
        assert "Vår egen rubrik" in text, fmt
        assert "Ett eget stycke." in text, fmt
        assert shared not in text, fmt


def test_a_refusing_command_shows_the_warnings_beside_the_errors(workspace: Path, runner) -> None:
    write_tree(
        workspace,
        {
            "missions/n.yaml": MINIMAL_MISSION.format(id="n").replace("kommande år", "2020"),
            "missions/m.yaml": MINIMAL_MISSION.format(id="m").replace("kommande år", "2021")
            + "möten:\n  träffar:\n    - 2025-02-07\n",
        },
    )
    result = runner.invoke(app, ["render", "n", "m"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "missions/m.yaml:16:7: fel: möten.träffar[0]: skriv varje möte som `- datum: 2025-02-07`",
        "fel: 2 nätverk och 3 delade filer: 1 fel, 1 varning. Rätta felen först; uppdrag validate visar också "
        "varningarna.",
    ]


STRUCTURED = (
    MINIMAL_MISSION.format(id="n")
    .replace(
        "syfte:\n  text: [Ett syfte.]\n",
        "bakgrund_tillägg: [Ett eget stycke.]\n"
        "syfte:\n  text: [Ett syfte.]\n  numrerad: true\n"
        "  mål:\n    - mål: 2\n    - {mål: 3, rubrik: Kvalitet}\n",
    )
    .replace("  period: kommande år\n", "  period: kommande år\n  inledning: Uppdragen för året.\n")
    .replace("    - punkter: [Ett uppdrag.]\n", "    - {mål: 2, rubrik: Egen rubrik, punkter: [Ett uppdrag.]}\n")
    + "avsnitt:\n"
    "  - {del: bakgrund, rubrik: BAKGRUNDEN}\n"
    "  - {del: syfte, rubrik: Syfte/ uppdrag}\n"
    "  - {del: roller}\n"
    "  - {del: uppdrag, rubrik: Uppdrag}\n"
    "  - {del: möten, rubrik: Möten}\n"
    "möten:\n  träffar:\n"
    "    - {datum: 2026-02-06, start: '09:00', slut: '12:00', plats: Skövde, närvarande: [Skara, Vara]}\n"
    "    - {datum: 2026-03-06}\n"
)


def document(mission_id: str):
    workspace, result = open_workspace(Path("missions"), dt.date(2026, 11, 22))
    assert result.errors == 0, result.findings
    return build_document(workspace.mission(mission_id), workspace)


def test_default_layout_for_a_new_network(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n")})
    doc = document("n")
    assert doc.sections == [
        SectionView("bakgrund", "bakgrund", "Bakgrund"),
        SectionView("syfte", "syfte", "Syfte/uppdrag"),
        SectionView("uppdrag", "uppdrag", "Uppdrag"),
        SectionView("roller", "roller", "Roller och ansvar"),
        SectionView("möten", "moten", "Möten"),
    ]
    assert doc.assignment_intro == "Skolchefsnätverket ger följande uppdrag för kommande år:"
    markdown = runner.invoke(app, ["render", "n", "-o", "-", "--today", TODAY]).stdout
    assert [line for line in markdown.splitlines() if line.startswith("#")] == [
        "# Uppdragsbeskrivning för nätverket Testnätverket",
        "## Bakgrund",
        "## Syfte/uppdrag",
        "## Uppdrag",
        "## Roller och ansvar",
        "### Presidium",
    ]
    assert markdown.endswith("---\n\n*Uppdraget gäller för kommande år.*\n")


def test_markdown_follows_the_documents_structure(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": STRUCTURED})
    markdown = runner.invoke(app, ["render", "n", "-o", "-", "--today", TODAY]).stdout
    start = markdown.index("Ett eget stycke.")
    assert markdown[start:] == (
        "Ett eget stycke.\n\n"
        "## Syfte/ uppdrag\n\n"
        "Ett syfte.\n\n"
        "1. Höjd utbildningsnivå\n"
        "   - En större andel av eleverna fullföljer sin utbildning.\n"
        "   - En större andel av befolkningen går vidare till högre utbildning.\n"
        "2. Kvalitet\n"
        "   - Alla elever får rätt förutsättningar att nå kunskap och måluppfyllelse.\n"
        "   - All utbildning vilar på vetenskaplig grund och beprövad erfarenhet.\n\n"
        "### Presidium\n\n"
        "Leder möten.\n\n"
        "## Uppdrag\n\n"
        "Uppdragen för året.\n\n"
        "### Egen rubrik\n\n"
        "- Ett uppdrag.\n\n"
        "## Möten\n\n"
        "| Datum | Tid | Plats | Närvarande |\n"
        "| --- | --- | --- | --- |\n"
        "| 6 februari 2026 | 09:00–12:00 | Skövde | Skara, Vara |\n"
        "| 6 mars 2026 |  |  |  |\n\n"
        "---\n\n"
        "*Uppdraget gäller för kommande år.*\n"
    )
    assert "## BAKGRUNDEN\n\n" in markdown


def test_html_follows_the_documents_structure(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": STRUCTURED})
    html = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY]).stdout
    assert '<h2 id="bakgrund">BAKGRUNDEN</h2>' in html
    assert "<p>Ett eget stycke.</p>\n</section>" in html
    assert '<ol class="goals">\n  <li>Höjd utbildningsnivå\n<ul>' in html
    assert '<section class="part-roller">\n<div class="role">\n<h3>Presidium</h3>' in html  # no heading
    assert html.index('class="part-roller"') < html.index('class="part-uppdrag"')
    assert '<p class="intro">Uppdragen för året.</p>' in html
    assert "<h3>Egen rubrik</h3>" in html


def test_meetings_table_has_no_repeated_caption_and_shows_attendance(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": STRUCTURED})
    html = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY]).stdout
    assert "<caption>" not in html
    assert '<table class="meetings" aria-labelledby="moten">' in html
    assert '<th scope="col">Närvarande</th>' in html
    assert "<td>Skövde</td><td>Skara, Vara</td>" in html
    assert "<td>6 mars 2026</td><td></td><td></td><td></td>" in html


def test_no_attendance_column_when_none_is_entered(workspace: Path, runner) -> None:
    text = STRUCTURED.replace(", närvarande: [Skara, Vara]", "")
    write_tree(workspace, {"missions/n.yaml": text})
    html = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY]).stdout
    assert "Närvarande" not in html
    markdown = runner.invoke(app, ["render", "n", "-o", "-", "--today", TODAY]).stdout
    assert "| Datum | Tid | Plats |\n| --- | --- | --- |\n| 6 februari 2026 | 09:00–12:00 | Skövde |\n" in markdown


def test_a_missing_pdf_library_is_a_message_not_an_internal_error(
    shipped: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pango(*args: object, **kwargs: object) -> bytes:
        raise PdfError("WeasyPrint kan inte laddas: cannot load library 'pango-1.0-0'")

    monkeypatch.setattr("uppdrag.output.pdf.html_to_pdf", no_pango)
    result = runner.invoke(app, ["render", "forskola", "--pdf"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: WeasyPrint kan inte laddas: cannot load library 'pango-1.0-0'\n",
    )
    assert not (shipped / "build").exists()


HOSTILE_KOMMUNER = ["X | [klick](https://evil.example) |", "<img src=x onerror=alert(1)>", "www.evil.example"]


HOSTILE_PLATS = "Skövde\n# Rubrik\nwww.evil.example och https://evil.example/login"


def _hostile_workspace(root: Path) -> None:
    organisation = (STARTER / "_organisation.yaml").read_text(encoding="utf-8")
    kommuner = "".join(f"    - {json.dumps(name)}\n" for name in HOSTILE_KOMMUNER)
    write_tree(root, {"missions/_organisation.yaml": organisation.replace("    - Vara\n", "    - Vara\n" + kommuner)})
    mission = root / "missions/forskola.yaml"
    meeting = (
        "  träffar:\n"
        f"    - datum: 2027-02-05\n      start: '09:00'\n      plats: {json.dumps(HOSTILE_PLATS)}\n"
        f"      närvarande: {json.dumps(['Vara', *HOSTILE_KOMMUNER], ensure_ascii=False)}\n"
    )
    mission.write_text(
        mission.read_text(encoding="utf-8").replace("möten:\n", "möten:\n" + meeting, 1), encoding="utf-8"
    )


def test_hostile_names_and_places_stay_text_in_the_markdown_document(shipped: Path, runner) -> None:
    _hostile_workspace(shipped)
    result = runner.invoke(app, ["render", "forskola", "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 5 februari 2027 |"))
    assert row == (
        "| 5 februari 2027 | 09:00 | Skövde # Rubrik www\\.evil.example och https\\://evil.example/login | "
        "Vara, X \\| \\[klick\\](https\\://evil.example) \\|, \\<img src=x onerror=alert(1)\\>, www\\.evil.example |"
    )
    html = gfm_to_html(result.stdout)
    assert "<a " not in html and "<img" not in html
    assert html.count("<h1") == 1  # the title; "# Rubrik" in the place is text
    table = html[html.rindex("<table", 0, html.index("<th>Närvarande</th>")) :]
    table = table[: table.index("</table>")]
    assert (table.count("<tr"), table.count("<td>")) == (1 + 1, 4)  # the header, the one meeting: one row
    assert (
        "<td>Skövde # Rubrik www.evil.example och https://evil.example/login</td>\n"
        "<td>Vara, X | [klick](https://evil.example) |, &lt;img src=x onerror=alert(1)&gt;, www.evil.example</td>"
    ) in table


def test_render_into_build_never_follows_a_link_out_of_the_workspace(shipped: Path, runner) -> None:

    private = shipped.parent / f"{shipped.name}-hem" / ".bashrc"  # a cloned repository's build/ points here
    private.parent.mkdir()
    private.write_text("min\n", encoding="utf-8")
    (shipped / "build").mkdir()
    (shipped / "build" / "forskola.md").symlink_to(private)
    (shipped / "arkiv").mkdir()
    (shipped / "build" / "skis.md").symlink_to("../arkiv/skis.md")  # inside: followed, kept a link
    result = runner.invoke(app, ["render", "forskola", "skis", "--today", "2026-11-22"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"fel: 'build/forskola.md' leder via en symbolisk länk till '{private}', utanför arbetsytan '{shipped}'; "
        "uppdrag skriver bara genom länkar som stannar i arbetsytan; ersätt länken med en kopia eller ange den "
        "verkliga sökvägen"
    )
    assert private.read_text(encoding="utf-8") == "min\n"
    (shipped / "build" / "forskola.md").unlink()
    result = runner.invoke(app, ["render", "forskola", "skis", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert (shipped / "build" / "skis.md").is_symlink()
    assert (shipped / "arkiv" / "skis.md").read_text(encoding="utf-8").startswith("# Uppdragsbeskrivning")
    (shipped / "mitt.md").symlink_to(private)
    named = runner.invoke(app, ["render", "forskola", "-o", "mitt.md", "--today", "2026-11-22"])
    assert named.exit_code == 0, named.output  # a link the user names with -o is meant: written through
    assert (shipped / "mitt.md").is_symlink()
    assert private.read_text(encoding="utf-8").startswith("# Uppdragsbeskrivning")


def _outside_folder(shipped: Path) -> Path:
    """A folder of the user's outside the workspace, holding a file a cloned repository's link could reach."""
    outside = shipped.parent / f"{shipped.name}-utanfor"
    outside.mkdir()
    (outside / "forskola.md").write_text("OFFER\n", encoding="utf-8")
    return outside


def test_render_never_writes_through_a_linked_build_folder_out_of_the_workspace(
    shipped: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uppdrag.output import documents

    outside = _outside_folder(shipped)
    (shipped / "build").symlink_to(outside)
    made: list[object] = []
    monkeypatch.setattr(documents, "render_documents", lambda *args: made.append(args) or [])
    result = runner.invoke(app, ["render", "forskola", "--today", "2026-11-22"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        f"fel: 'build/forskola.md' leder via den symboliska länken 'build' till '{outside}', "
        f"utanför arbetsytan '{shipped}'; uppdrag skriver bara genom länkar som stannar i arbetsytan; ersätt länken "
        "med en vanlig mapp eller ange den verkliga sökvägen",
    )
    pdf = runner.invoke(app, ["render", "--all", "--pdf", "--today", "2026-11-22"])
    assert pdf.exit_code == 2 and "via den symboliska länken 'build'" in pdf.stderr
    assert made == []  # refused before any document was made, not after the PDFs
    assert sorted(p.name for p in outside.iterdir()) == ["forskola.md"]
    assert (outside / "forskola.md").read_text(encoding="utf-8") == "OFFER\n"


def test_render_to_a_folder_never_follows_a_link_on_its_path_out_of_the_workspace(shipped: Path, runner) -> None:
    outside = _outside_folder(shipped)
    (shipped / "ut").mkdir()
    (shipped / "ut" / "djup").symlink_to(outside)  # deeper in the path than the folder named
    (shipped / "mapp").symlink_to(outside)
    for folder, link in (("ut/djup/", "ut/djup"), ("mapp/", "mapp"), ("mapp", "mapp")):
        result = runner.invoke(app, ["render", "forskola", "skis", "-o", folder, "--today", "2026-11-22"])
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines()[-1] == (
            f"fel: '{link}/forskola.md' leder via den symboliska länken '{link}' till '{outside}', "
            f"utanför arbetsytan '{shipped}'; uppdrag skriver bara genom länkar som stannar i arbetsytan; ersätt "
            "länken med en vanlig mapp eller ange den verkliga sökvägen"
        )
    assert (outside / "forskola.md").read_text(encoding="utf-8") == "OFFER\n"
    assert sorted(p.name for p in outside.iterdir()) == ["forskola.md"]
    real = runner.invoke(app, ["render", "forskola", "skis", "-o", f"{outside}/", "--today", "2026-11-22"])
    assert real.exit_code == 0, real.output  # the real path, named: the user means it
    assert (outside / "skis.md").read_text(encoding="utf-8").startswith("# Uppdragsbeskrivning")


def test_render_follows_a_linked_folder_that_stays_in_the_workspace(shipped: Path, runner) -> None:
    (shipped / "arkiv" / "dokument").mkdir(parents=True)
    (shipped / "build").symlink_to("arkiv/dokument")
    result = runner.invoke(app, ["render", "forskola", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert (shipped / "arkiv" / "dokument" / "forskola.md").read_text(encoding="utf-8").startswith("# Uppdrag")
    assert (shipped / "build").is_symlink()


def test_one_file_named_with_o_is_written_through_a_linked_folder_as_before(shipped: Path, runner) -> None:
    outside = _outside_folder(shipped)
    (shipped / "mapp").symlink_to(outside)
    result = runner.invoke(app, ["render", "forskola", "-o", "mapp/forskola.md", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output  # the user named this path: its links are meant
    assert (outside / "forskola.md").read_text(encoding="utf-8").startswith("# Uppdragsbeskrivning")


def test_a_mistyped_output_folder_is_never_made_as_a_chain(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "--all", "-o", "finnsinte/ut/"])
    assert result.exit_code == 2
    assert "finns inte" in result.stderr
    assert not (shipped / "finnsinte").exists()
    made = runner.invoke(app, ["render", "--all", "-o", "ut/"])  # one new folder is fine: build/, pdf/
    assert made.exit_code == 0
    assert sorted(p.name for p in (shipped / "ut").iterdir()) == [
        "forskola.md", "grundskola.md", "ka.md", "sarskola.md", "skis.md",
    ]


def test_the_output_file_name_says_the_format(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "forskola", "-o", "ut.pdf"])
    assert result.exit_code == 0
    assert (shipped / "ut.pdf").read_bytes().startswith(b"%PDF-")
    clash = runner.invoke(app, ["render", "forskola", "--md", "-o", "ut2.pdf"])
    assert (clash.exit_code, clash.stderr) == (
        2,
        "fel: -o ut2.pdf är en .pdf-fil men formatet är --md; byt filnamn eller skriv --pdf\n",
    )

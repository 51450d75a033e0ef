"""Rendering: golden Markdown for the five networks, escaping, templates, atomic writes, PDF."""

from __future__ import annotations

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

from uppdrag import files
from uppdrag.cli import app
from uppdrag.output.templates import builtin_templates, css_string, markdown_escape

from .conftest import MINIMAL_MISSION, REPO, TODAY, UPDATE_GOLDEN, write_tree

GOLDEN = Path(__file__).parent / "golden"
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

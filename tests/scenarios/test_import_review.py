"""The Word review loop: render --docx, a chief edits, proposes and comments, import --diff shows
it all, and import --force changes only what changed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.conftest import TODAY, system_tool
from tests.support.word_review import (
    PART_TYPE,
    W14,
    W15,
    comment_on,
    paragraph_starting,
    propose_replacement,
    set_text,
    tracked_change,
    with_parts,
)
from uppdrag.cli import app
from uppdrag.control_characters import CONTROL

NETWORKS = ["forskola", "grundskola", "ka", "sarskola", "skis"]
NAMES = {
    "forskola": "Förskola",
    "grundskola": "Grundskolan",
    "ka": "KA",
    "sarskola": "Särskolan",
    "skis": "Skolutveckling i Skaraborg, SKIS",
}
MEETINGS = (  # two entered meetings, so the rendered file has the meeting table
    "  träffar:\n"
    '    - {datum: 2027-02-05, start: "09:00", slut: "12:00", plats: Skövde, närvarande: [Lidköping, Vara]}\n'
    "    - datum: 2027-03-12  # planerat\n"
    "      plats: Falköping\n"
)


def _render(runner, network: str) -> Path:
    Path("ut").mkdir(exist_ok=True)
    result = runner.invoke(app, ["render", network, "--docx", "-o", f"ut/{network}.docx", "--today", TODAY])
    assert result.exit_code == 0, result.stderr
    return Path(f"ut/{network}.docx")


def _import(runner, *args: str):
    return runner.invoke(app, ["import", *args, "--today", TODAY])


def _with_meetings(shipped: Path) -> bytes:
    path = shipped / "missions" / "forskola.yaml"
    path.write_text(path.read_text(encoding="utf-8") + MEETINGS, encoding="utf-8")
    return path.read_bytes()


def _chief_edits(path: Path) -> Path:
    """What a school chief does to the Förskola file in Word."""
    document = docx.Document(str(path))
    # a direct edit of an assignment
    set_text(
        paragraph_starting(document, "Nätverket samarbetar"),
        "Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete och läsning",
    )
    # a proposal: 'kalenderåret' struck out and 'läsåret' inserted, with track changes on
    duty = paragraph_starting(document, "Upprättar arbetsordning")
    propose_replacement(duty, "kalenderåret", "läsåret", 101)
    # a comment on an assignment
    anchored = paragraph_starting(document, "Nätverket delar erfarenheter och framgångsrika")
    comment_on(document, anchored.runs, "Gäller detta även fritidshemmen?", "Karin Holm")
    # the shared background: a word added to a sentence
    shared = paragraph_starting(document, "Skaraborgs Kommunalförbund har, baserat på sin förbundsordning")
    shared.runs[-1].text = shared.runs[-1].text.replace("roller och mandat.", "roller och mandat, forskningsbevakning.")
    # the meeting table: time, place and attendance of the first meeting, place of the second
    table = document.tables[0]
    table.rows[1].cells[1].paragraphs[0].runs[0].text = "13:00–16:00"
    table.rows[1].cells[2].paragraphs[0].runs[0].text = "Lidköping"
    table.rows[1].cells[3].paragraphs[0].runs[0].text = "Lidköping, Vara, Hjo"
    table.rows[2].cells[2].paragraphs[0].runs[0].text = "Skara"
    # the rule: fredagar -> tisdagar
    rule = paragraph_starting(document, "Minst 4 möten per år")
    set_text(rule, "Minst 4 möten per år på tisdagar.")
    edited = path.with_name("forskola-granskad.docx")
    document.save(str(edited))
    return edited


BACKGROUND_LINE = (
    "  ändrar den gemensamma bakgrunden 'strategi-2023-2026': Skaraborgs Kommunalförbund har, baserat på sin "
    "förbundsordning, ett ansvar att samordna utveckling genom tillitsfull samverkan med kommunerna och andra "
    "aktörer. Samverkan kring genomförandet av denna strategi bygger på ömsesidig förståelse och respekt mellan "
    "olika aktörer med avseende på roller och [-mandat.-] {+mandat, forskningsbevakning.+}"
)
OWN_BACKGROUND = """\
bakgrund_egen:
  rubrik: Utbildning Skaraborg – organiserad samverkan för utveckling
  stycken:
    - >-
      Skaraborgs Kommunalförbund har, baserat på sin förbundsordning, ett ansvar att samordna
      utveckling genom tillitsfull samverkan med kommunerna och andra aktörer. Samverkan kring
      genomförandet av denna strategi bygger på ömsesidig förståelse och respekt mellan olika
      aktörer med avseende på roller och mandat, forskningsbevakning.
    - >-
      Skolchefsnätverket driver bland annat erfarenhetsutbyten, omvärldsbevakning och strategisk
      utveckling inom utbildningsområdet för kommunernas skol- och
      utbildningsförvaltningar/-sektorer och samverkansparter. Nätverket främjar även samverkan
      mellan kommunernas skol- och utbildningsnämnder.
    - >-
      Skolchefsnätverket ansvarar för och organiserar professionsnätverk utifrån behov.
      Professionsnätverken arbetar utifrån uppdragsbeskrivningar och rapporterar till
      skolchefsnätverket. Nätverken består av representanter från kommunerna och personal från
      Skaraborgs Kommunalförbund. Professionsnätverken är en framgångsfaktor för att fullfölja
      samverkan kring de prioriterade områdena.
    - 'Strategin för åren 2023–2026 prioriterar två utvecklingsområden:'
    - mållista: strategi-2023-2026
"""
OWN_NOTE = (
    "obs: bakgrunden är den gemensamma texten 'strategi-2023-2026' med ändringar; nätverket får en egen version "
    "(bakgrund_egen): 'mandat.' → 'mandat, forskningsbevakning.'\n"
)
EDITED_SENTENCE = (
    "Skaraborgs Kommunalförbund har, baserat på sin förbundsordning, ett ansvar att samordna utveckling genom "
    "tillitsfull samverkan med kommunerna och andra aktörer. Samverkan kring genomförandet av denna strategi bygger "
    "på ömsesidig förståelse och respekt mellan olika aktörer med avseende på roller och mandat, forskningsbevakning."
)
NOTES = (
    "obs: Word-filen har 2 förslag (spårade ändringar: 1 tillägg, 1 borttagning); importen läser dem som "
    "godkända (--avvisa-förslag läser dem som avvisade); --diff visar dem\n"
    "obs: Word-filen har 1 kommentar; --diff visar den, de blir inte en del av uppdragsfilen\n"
)


def test_diff_shows_every_edit_and_the_proposals_and_comments_apart(shipped: Path, runner) -> None:
    _with_meetings(shipped)
    edited = _chief_edits(_render(runner, "forskola"))
    result = _import(runner, str(edited), "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt forskola-granskad.docx",
        "",
        "Bakgrund",
        BACKGROUND_LINE,
        "",
        "Uppdrag",
        "  omformulerat: uppdrag: Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete "
        "{+och läsning+}",
        '  kommentar av Karin Holm, 3 mars 2027 om "Nätverket delar erfarenheter och framgångsrika sätt att '
        'organisera för volymminskning i förskolan." (uppdrag): Gäller detta även fritidshemmen?',
        "",
        "Roller och ansvar",
        '  förslag av Anna Berg, 2 mars 2027: stryker i ansvar för presidium: "kalenderåret"',
        '  förslag av Anna Berg, 2 mars 2027: lägger till i ansvar för presidium: "läsåret"',
        "",
        "Möten",
        "  ändrat: mötesregel: Minst 4 möten per år på fredagar. → Minst 4 möten per år på tisdagar.",
        "  ändrat: möte 2027-02-05, tid: 09:00–12:00 → 13:00–16:00",
        "  ändrat: möte 2027-02-05, plats: Skövde → Lidköping",
        "  ändrat: möte 2027-02-05, närvarande: Lidköping, Vara → Lidköping, Vara, Hjo",
        "  ändrat: möte 2027-03-12, plats: Falköping → Skara",
        "",
    ]
    assert result.stderr == NOTES


def test_diff_as_json_and_as_markdown_for_a_chief(shipped: Path, runner) -> None:
    _with_meetings(shipped)
    edited = _chief_edits(_render(runner, "forskola"))
    result = _import(runner, str(edited), "--id", "forskola", "--diff", "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["title"] == "Ändringar i Förskola enligt forskola-granskad.docx"
    assert [(c["section"], c["kind"], c["subject"], c["new"]) for c in found["changes"]] == [
        (
            "Bakgrund",
            "shared",
            "den gemensamma bakgrunden 'strategi-2023-2026'",
            BACKGROUND_LINE.split(": ", 1)[1].replace("[-mandat.-] {+mandat, forskningsbevakning.+}", "")
            + "mandat, forskningsbevakning.",
        ),
        (
            "Uppdrag",
            "reworded",
            "uppdrag",
            "Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete och läsning",
        ),
        ("Möten", "changed", "mötesregel", "Minst 4 möten per år på tisdagar."),
        ("Möten", "changed", "möte 2027-02-05, tid", "13:00–16:00"),
        ("Möten", "changed", "möte 2027-02-05, plats", "Lidköping"),
        ("Möten", "changed", "möte 2027-02-05, närvarande", "Lidköping, Vara, Hjo"),
        ("Möten", "changed", "möte 2027-03-12, plats", "Skara"),
    ]
    presidium_duty = "stycke 23"
    assert found["proposals"] == [
        {
            "section": "Roller och ansvar",
            "subject": "ansvar för presidium",
            "author": "Anna Berg",
            "date": "2027-03-02",
            "where": presidium_duty,
            "kind": kind,
            "text": text,
        }
        for kind, text in (("deletion", "kalenderåret"), ("insertion", "läsåret"))
    ]
    assert found["comments"] == [
        {
            "section": "Uppdrag",
            "subject": "uppdrag",
            "author": "Karin Holm",
            "date": "2027-03-03",
            "where": "stycke 20",
            "comment": "Gäller detta även fritidshemmen?",
            "anchored": "Nätverket delar erfarenheter och framgångsrika sätt att organisera för volymminskning i förskolan.",
            "anchored_characters": 98,
            "anchored_shortened": False,
            "resolved": False,
            "replies": [],
        }
    ]
    markdown = _import(runner, str(edited), "--id", "forskola", "--diff", "--format", "md").stdout
    assert "[-" not in markdown and "{+" not in markdown
    assert markdown.splitlines()[:2] == ["# Ändringar i Förskola enligt forskola-granskad.docx", ""]
    assert (
        "- **Omformulerat** uppdrag: Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete "
        "**och läsning**"
    ) in markdown.splitlines()
    assert "- *Förslag av Anna Berg, 2 mars 2027*: stryker i ansvar för presidium: ”kalenderåret”" in markdown
    assert "- **Ändrat** möte 2027-02-05, plats: ~~Skövde~~ → **Lidköping**" in markdown.splitlines()


def test_force_changes_only_the_lines_that_changed(shipped: Path, runner) -> None:
    before = _with_meetings(shipped).decode("utf-8")
    edited = _chief_edits(_render(runner, "forskola"))
    result = _import(runner, str(edited), "--id", "forskola", "--force")
    assert result.exit_code == 0, result.stderr
    after = (shipped / "missions" / "forskola.yaml").read_text(encoding="utf-8")
    expected = (
        before.replace(
            "        - Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete\n",
            "        - Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete och läsning\n",
        )
        .replace(  # the proposal, accepted as import reads them by default
            "      - Upprättar arbetsordning för kalenderåret, dagordning för mötet samt bereder möten.\n",
            "      - Upprättar arbetsordning för läsåret, dagordning för mötet samt bereder möten.\n",
        )
        .replace("  veckodagar: [fredag]\n", "  veckodagar: [tisdag]\n")
        .replace(
            '{datum: 2027-02-05, start: "09:00", slut: "12:00", plats: Skövde, närvarande: [Lidköping, Vara]}',
            '{datum: 2027-02-05, start: "13:00", slut: "16:00", plats: Lidköping, närvarande: [Lidköping, Vara, Hjo]}',
        )
        .replace("      plats: Falköping\n", "      plats: Skara\n")
    )
    # the edit of the shared text is kept as the network's own version, right after `bakgrund`
    expected = expected.replace("bakgrund: strategi-2023-2026\n", "bakgrund: strategi-2023-2026\n" + OWN_BACKGROUND, 1)
    assert after == expected  # the coordinator's comments, '# planerat' included, stay
    assert OWN_NOTE in result.stderr
    assert "skrivs inte in" not in result.stderr


def test_force_with_proposals_rejected_keeps_the_struck_text(shipped: Path, runner) -> None:
    before = _with_meetings(shipped)
    edited = _chief_edits(_render(runner, "forskola"))
    result = _import(runner, str(edited), "--id", "forskola", "--force", "--avvisa-förslag")
    assert result.exit_code == 0, result.stderr
    after = (shipped / "missions" / "forskola.yaml").read_text(encoding="utf-8")
    assert "      - Upprättar arbetsordning för kalenderåret, dagordning för mötet samt bereder möten.\n" in after
    assert after != before.decode("utf-8")  # the direct edits are written
    assert (
        "obs: Word-filen har 2 förslag (spårade ändringar: 1 tillägg, 1 borttagning); importen läser dem som "
        "avvisade (--avvisa-förslag); --diff visar dem\n"
    ) in result.stderr


@pytest.mark.parametrize("network", NETWORKS)
def test_an_unedited_word_file_leaves_the_mission_byte_for_byte(network: str, shipped: Path, runner) -> None:
    path = shipped / "missions" / f"{network}.yaml"
    before = path.read_bytes()
    rendered = _render(runner, network)
    assert _import(runner, str(rendered), "--id", network, "--diff").stdout.splitlines()[1:] == ["Inga ändringar."]
    result = _import(runner, str(rendered), "--id", network, "--force")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"missions/{network}.yaml\n"
    assert path.read_bytes() == before


def test_a_new_file_names_kontrollera_only_when_something_is_marked(shipped: Path, runner) -> None:
    rendered = _render(runner, "forskola")
    (shipped / "missions" / "forskola.yaml").unlink()
    result = _import(runner, str(rendered), "--id", "forskola")
    assert result.exit_code == 0, result.stderr
    lines = (shipped / "missions" / "forskola.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [
        "# yaml-language-server: $schema=../schemas/uppdrag.schema.json",
        "# Importerad från forskola.docx.",
        "id: forskola",
    ]
    assert not any("KONTROLLERA" in line for line in lines)


def test_output_to_dev_null_is_written_through(shipped: Path, runner) -> None:
    rendered = _render(runner, "forskola")
    result = _import(runner, str(rendered), "--id", "forskola", "-o", "/dev/null")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "/dev/null\n"


def test_an_existing_output_file_is_refused_before_the_document_is_read(shipped: Path, runner) -> None:
    (shipped / "ut.yaml").write_text("min fil\n", encoding="utf-8")
    result = _import(runner, "finns-inte.docx", "-o", "ut.yaml")  # the document is never opened
    assert result.exit_code == 2
    assert result.stderr == "fel: ut.yaml finns redan; använd --force för att skriva över\n"
    assert (shipped / "ut.yaml").read_text(encoding="utf-8") == "min fil\n"


def test_format_md_is_for_the_diff_only(shipped: Path, runner) -> None:
    result = _import(runner, str(_render(runner, "forskola")), "--id", "forskola", "--format", "md")
    assert result.exit_code == 2
    assert result.stderr == "fel: --format md gäller bara --diff; rapporten finns som text och json\n"


def test_validate_warns_at_once_when_the_rule_no_longer_allows_the_entered_days(shipped: Path, runner) -> None:
    path = shipped / "missions" / "forskola.yaml"
    text = path.read_text(encoding="utf-8").replace("  veckodagar: [fredag]\n", "  veckodagar: [tisdag]\n")
    path.write_text(text + "  träffar:\n    - datum: 2027-02-05\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = runner.invoke(app, ["validate", "--today", TODAY])
    assert result.exit_code == 0, result.stdout
    assert (
        f"  missions/forskola.yaml:{line}:14: varning: möten.träffar[0].datum: 2027-02-05 är en fredag; regeln säger "
        "möten på tisdagar; närmaste bra dag: 2027-02-02 (tisdag) (kör uppdrag check-meetings 2027 för hela bilden)"
    ) in result.stdout.splitlines()


def _through_libreoffice(path: Path, profile: Path) -> Path:
    """path opened and saved as .docx by LibreOffice, as a chief without Word does."""
    subprocess.run(
        [
            system_tool("soffice"),
            f"-env:UserInstallation={profile.as_uri()}",  # its own profile: no clash with a running LibreOffice
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            "sparad",
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    saved = Path("sparad") / path.name
    assert saved.read_bytes() != path.read_bytes()  # LibreOffice wrote its own file
    return saved


@pytest.mark.slow
@pytest.mark.parametrize("network", NETWORKS)
def test_a_file_saved_by_libreoffice_shows_no_changes(network: str, shipped: Path, runner, tmp_path: Path) -> None:
    """A chief without Word opens the file in LibreOffice and saves it unchanged."""
    if network == "forskola":
        _with_meetings(shipped)  # the meeting table through LibreOffice too
    path = shipped / "missions" / f"{network}.yaml"
    before = path.read_bytes()
    saved = _through_libreoffice(_render(runner, network), tmp_path / "lo-profile")
    result = _import(runner, str(saved), "--id", network, "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Ändringar i {NAMES[network]} enligt {network}.docx\nInga ändringar.\n"
    written = _import(runner, str(saved), "--id", network, "--force")
    assert written.exit_code == 0, written.stderr
    assert path.read_bytes() == before


@pytest.mark.slow
def test_a_proposal_saved_by_libreoffice_is_still_a_proposal_with_its_author(
    shipped: Path, runner, tmp_path: Path
) -> None:
    _with_meetings(shipped)
    document = docx.Document(str(_render(runner, "forskola")))
    duty = paragraph_starting(document, "Upprättar arbetsordning")
    propose_replacement(duty, "kalenderåret", "läsåret", 101)
    proposed = Path("ut/forslag.docx")
    document.save(str(proposed))
    saved = _through_libreoffice(proposed, tmp_path / "lo-profile")
    result = _import(runner, str(saved), "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt forslag.docx",
        "Inga direkta ändringar; förslag och kommentarer:",
        "",
        "Roller och ansvar",
        '  förslag av Anna Berg, 2 mars 2027: stryker i ansvar för presidium: "kalenderåret"',
        '  förslag av Anna Berg, 2 mars 2027: lägger till i ansvar för presidium: "läsåret"',
        "",
    ]


def _copy_after(paragraph, text: str) -> None:
    """A new paragraph like paragraph right after it, as Enter and typing in Word make it."""
    import copy

    from docx.text.paragraph import Paragraph

    element = copy.deepcopy(paragraph._p)
    paragraph._p.addnext(element)
    set_text(Paragraph(element, paragraph._parent), text)


def test_an_added_person_and_assignment_and_a_removed_meeting(shipped: Path, runner) -> None:
    before = _with_meetings(shipped).decode("utf-8")
    document = docx.Document(str(_render(runner, "forskola")))
    chair = [p for p in document.paragraphs if p.text == "Emma Friman, Lidköping"][1]  # under Ordförande
    _copy_after(chair, "Per Ek, Hjo")
    _copy_after(paragraph_starting(document, "Nätverket samarbetar"), "Nätverket följer forskning om lek och lärande.")
    table = document.tables[0]
    table._tbl.remove(table.rows[2]._tr)
    comment_on(
        document, table.rows[1].cells[2].paragraphs[0].runs, "Lokal bokad?", "Karin Holm", "2027-03-04T12:00:00Z"
    )
    document.save("ut/andrad.docx")
    result = _import(runner, "ut/andrad.docx", "--id", "forskola", "--diff")
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt andrad.docx",
        "",
        "Uppdrag",
        "  tillagt: uppdrag: Nätverket följer forskning om lek och lärande.",
        "",
        "Roller och ansvar",
        "  tillagt: person (ordförande): Per Ek, Hjo",
        "",
        "Möten",
        "  borttaget: möte: 2027-03-12, Falköping",
        '  kommentar av Karin Holm, 4 mars 2027 om "Skövde" (möte 2027-02-05): Lokal bokad?',
        "",
    ]
    assert _import(runner, "ut/andrad.docx", "--id", "forskola", "--force").exit_code == 0
    assert (shipped / "missions" / "forskola.yaml").read_text(encoding="utf-8") == (
        before.replace(
            "        - Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete\n",
            "        - Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete\n"
            "        - Nätverket följer forskning om lek och lärande.\n",
        )
        .replace(
            "      - {namn: Emma Friman, kommun: Lidköping}\n  - roll: sekreterare",
            "      - {namn: Emma Friman, kommun: Lidköping}\n      - {namn: Per Ek, kommun: Hjo}\n  - roll: sekreterare",
        )
        .replace("    - datum: 2027-03-12  # planerat\n      plats: Falköping\n", "")
    )


def _shared_sentence_edited(path: Path, name: str) -> Path:
    """Only the shared background edited: ', forskningsbevakning' added to its first sentence."""
    document = docx.Document(str(path))
    shared = paragraph_starting(document, "Skaraborgs Kommunalförbund har, baserat på sin förbundsordning")
    shared.runs[-1].text = shared.runs[-1].text.replace("roller och mandat.", "roller och mandat, forskningsbevakning.")
    document.save(f"ut/{name}")
    return Path(f"ut/{name}")


def test_an_edit_of_the_shared_background_becomes_the_networks_own_version(shipped: Path, runner) -> None:
    path = shipped / "missions" / "forskola.yaml"
    before = path.read_text(encoding="utf-8")
    edited = _shared_sentence_edited(_render(runner, "forskola"), "bakgrund.docx")
    result = _import(runner, str(edited), "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt bakgrund.docx",
        "",
        "Bakgrund",
        BACKGROUND_LINE,
        "",
    ]
    found = json.loads(_import(runner, str(edited), "--id", "forskola", "--diff", "--format", "json").stdout)
    assert [(c["kind"], c["subject"], c["new"]) for c in found["changes"]] == [
        ("shared", "den gemensamma bakgrunden 'strategi-2023-2026'", EDITED_SENTENCE)
    ]

    result = _import(runner, str(edited), "--id", "forskola", "--force")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(OWN_NOTE)
    assert (
        "  bakgrund_egen.stycken[0]       Skaraborgs Kommunalförbund har, baserat på sin förbundsordning, ett a…  [stycke 4]\n"
        in result.stderr
    )
    head = "bakgrund: strategi-2023-2026\n"
    assert path.read_text(encoding="utf-8") == before.replace(head, head + OWN_BACKGROUND, 1)  # the rest byte for byte
    assert runner.invoke(app, ["validate", "--today", TODAY]).exit_code == 0
    shown = runner.invoke(app, ["render", "forskola", "--md", "-o", "-", "--today", TODAY]).stdout
    assert EDITED_SENTENCE in shown.splitlines()

    # The file now has its own version: the document it renders is no change, a further edit is
    # one of the network's own text
    rendered = _render(runner, "forskola")
    assert _import(runner, str(rendered), "--id", "forskola", "--diff").stdout.splitlines()[1:] == ["Inga ändringar."]
    document = docx.Document(str(rendered))
    struck = paragraph_starting(document, "Skolchefsnätverket ansvarar för och organiserar")
    struck._p.getparent().remove(struck._p)
    document.save("ut/struken.docx")
    assert _import(runner, "ut/struken.docx", "--id", "forskola", "--diff").stdout.splitlines() == [
        "Ändringar i Förskola enligt struken.docx",
        "",
        "Bakgrund",
        "  ändrar nätverkets egen bakgrund: [-Skolchefsnätverket ansvarar för och organiserar professionsnätverk "
        "utifrån behov. Professionsnätverken arbetar utifrån uppdragsbeskrivningar och rapporterar till "
        "skolchefsnätverket. Nätverken består av representanter från kommunerna och personal från Skaraborgs "
        "Kommunalförbund. Professionsnätverken är en framgångsfaktor för att fullfölja samverkan kring de prioriterade "
        "områdena.-]",
        "",
    ]


def test_the_shared_text_again_removes_the_own_version_and_says_so(shipped: Path, runner) -> None:
    path = shipped / "missions" / "forskola.yaml"
    before = path.read_text(encoding="utf-8")
    unedited = _render(runner, "forskola")
    head = "bakgrund: strategi-2023-2026\n"
    path.write_text(before.replace(head, head + OWN_BACKGROUND, 1), encoding="utf-8")
    result = _import(runner, str(unedited), "--id", "forskola", "--diff")
    assert result.stdout.splitlines()[2:4] == [
        "Bakgrund",
        "  ändrar nätverkets egen bakgrund: "
        + BACKGROUND_LINE.split(": ", 1)[1].replace(
            "[-mandat.-] {+mandat, forskningsbevakning.+}", "[-mandat, forskningsbevakning.-] {+mandat.+}"
        ),
    ]
    result = _import(runner, str(unedited), "--id", "forskola", "--force")
    assert result.exit_code == 0, result.stderr
    assert (
        "obs: dokumentet följer den gemensamma bakgrunden 'strategi-2023-2026', inte nätverkets egen version i "
        "missions/forskola.yaml; med --force tas bakgrund_egen bort ur filen: se import --diff\n"
    ) in result.stderr
    assert path.read_text(encoding="utf-8") == before


def test_paragraphs_after_the_unchanged_shared_text_stay_bakgrund_tillagg(shipped: Path, runner) -> None:
    document = docx.Document(str(_render(runner, "forskola")))
    goals = [p for p in document.paragraphs if p.text.startswith("Kompetensförsörjning för en arbetsmarknadsregion")]
    _copy_after(goals[0], "Förskolorna i Skaraborg har ett eget nätverk sedan 2015.")
    document.save("ut/tillagg.docx")
    result = _import(runner, "ut/tillagg.docx", "--id", "forskola", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "bakgrund_egen" not in result.stdout
    assert "bakgrund_tillägg:\n  - Förskolorna i Skaraborg har ett eget nätverk sedan 2015.\n" in result.stdout


def test_a_struck_shared_paragraph_is_kept_struck_in_the_own_version(shipped: Path, runner) -> None:
    path = shipped / "missions" / "forskola.yaml"
    before = path.read_text(encoding="utf-8")
    document = docx.Document(str(_render(runner, "forskola")))
    struck = paragraph_starting(document, "Skolchefsnätverket ansvarar för och organiserar")
    struck._p.getparent().remove(struck._p)
    document.save("ut/struken.docx")
    result = _import(runner, "ut/struken.docx", "--id", "forskola", "--force")
    assert result.exit_code == 0, result.stderr
    assert "KONTROLLERA" not in result.stderr
    assert result.stderr.endswith(
        "obs: bakgrunden är den gemensamma texten 'strategi-2023-2026' med ändringar; nätverket får en egen version "
        "(bakgrund_egen): stryker 'Skolchefsnätverket ansvarar för och organiserar professionsnätverk utifrån behov. "
        "Professionsnätverken arbetar utifrån uppdragsbeskrivningar och rapporterar till skolchefsnätverket. Nätverken "
        "består av representanter från kommunerna och personal från Skaraborgs Kommunalförbund. Professionsnätverken är "
        "en framgångsfaktor för att fullfölja samverkan kring de prioriterade områdena.'\n"
    )
    own = (
        OWN_BACKGROUND.replace("mandat, forskningsbevakning.", "mandat.").split(
            "    - >-\n      Skolchefsnätverket ansvarar"
        )[0]
        + "    - 'Strategin för åren 2023–2026 prioriterar två utvecklingsområden:'\n"
        "    - mållista: strategi-2023-2026\n"
    )
    head = "bakgrund: strategi-2023-2026\n"
    assert path.read_text(encoding="utf-8") == before.replace(head, head + own, 1)


def test_a_new_file_has_the_own_version_right_under_bakgrund(shipped: Path, runner) -> None:
    edited = _shared_sentence_edited(_render(runner, "forskola"), "ny.docx")
    result = _import(runner, str(edited), "--id", "forskolan", "-o", "-")
    assert result.exit_code == 0, result.stderr
    own = OWN_BACKGROUND.replace(
        "'Strategin för åren 2023–2026 prioriterar två utvecklingsområden:'",
        '"Strategin för åren 2023–2026 prioriterar två utvecklingsområden:"',
    )
    assert "styrdokument: strategi-2023-2026\nbakgrund: strategi-2023-2026\n" + own + "\navsnitt:\n" in result.stdout


def _rename_heading(path: Path, old: str, new: str) -> Path:
    """The section heading old retyped as new, as a chief does in Word."""
    document = docx.Document(str(path))
    heading = next(p for p in document.paragraphs if p.text == old and p.style.name.startswith("Heading"))
    set_text(heading, new)
    renamed = path.with_name("omdopt.docx")
    document.save(str(renamed))
    return renamed


@pytest.mark.parametrize(
    ("old", "new", "section"),
    [
        ("Möten", "Möten och dokumentation", "Möten"),
        ("Roller och ansvar", "Roller, ansvar och kontaktvägar", "Roller och ansvar"),
        ("Uppdrag", "Uppdrag 2027", "Syfte"),  # Förskola's 'Uppdrag' heads its purpose and assignments
    ],
)
def test_a_renamed_heading_is_only_the_heading_changed(old: str, new: str, section: str, shipped: Path, runner) -> None:
    _with_meetings(shipped)  # the table too: its rows stay meetings, not the secretary's duties
    renamed = _rename_heading(_render(runner, "forskola"), old, new)
    result = _import(runner, str(renamed), "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt omdopt.docx",
        "",
        section,
        f"  ändrat: rubrik: {old} → {new}",
        "",
    ]
    found = json.loads(_import(runner, str(renamed), "--id", "forskola", "--diff", "--format", "json").stdout)
    assert found["changes"] == [{"section": section, "kind": "changed", "subject": "rubrik", "old": old, "new": new}]


def test_text_under_an_extra_heading_is_unplaced_not_read_into_the_part_before(shipped: Path, runner) -> None:
    import copy

    from docx.text.paragraph import Paragraph

    rendered = _render(runner, "forskola")
    document = docx.Document(str(rendered))
    roles = next(p for p in document.paragraphs if p.text == "Roller och ansvar")
    heading = copy.deepcopy(roles._p)  # 'Övrigt' as a heading like the others, before the roles
    roles._p.addprevious(heading)
    set_text(Paragraph(heading, roles._parent), "Övrigt")
    body = copy.deepcopy(paragraph_starting(document, "Upprättar arbetsordning")._p)
    roles._p.addprevious(body)
    set_text(Paragraph(body, roles._parent), "Nätverket bjuder in gäster vid behov.")
    extra = rendered.with_name("extra.docx")
    document.save(str(extra))
    result = _import(runner, str(extra), "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt extra.docx",
        "",
        "Allmänt",
        "  KONTROLLERA, utan plats: stycke 21: Övrigt",
        "  KONTROLLERA, utan plats: stycke 22: Nätverket bjuder in gäster vid behov.",
        "",
    ]
    markdown = _import(runner, str(extra), "--id", "forskola", "--diff", "--format", "md").stdout
    assert markdown.splitlines()[2:6] == [
        "## Allmänt",
        "",
        "- **KONTROLLERA, utan plats** stycke 21: Övrigt",
        "- **KONTROLLERA, utan plats** stycke 22: Nätverket bjuder in gäster vid behov.",
    ]
    found = json.loads(_import(runner, str(extra), "--id", "forskola", "--diff", "--format", "json").stdout)
    assert found["changes"] == [
        {"section": "Allmänt", "kind": "unplaced", "subject": "stycke 21", "old": None, "new": "Övrigt"},
        {
            "section": "Allmänt",
            "kind": "unplaced",
            "subject": "stycke 22",
            "old": None,
            "new": "Nätverket bjuder in gäster vid behov.",
        },
    ]
    path = shipped / "missions" / "forskola.yaml"
    before = path.read_text(encoding="utf-8")
    written = _import(runner, str(extra), "--id", "forskola", "--force")
    assert written.exit_code == 0, written.stderr
    assert path.read_text(encoding="utf-8") == before  # the assignments did not gain it
    assert "utan plats (stycke 22): Nätverket bjuder in gäster vid behov.\n" in written.stderr


def test_a_field_word_does_not_print_comes_from_the_current_file(shipped: Path, runner) -> None:
    """syfte.fokus is not in the rendered document; `uppdrag new` gives a network one."""
    assert runner.invoke(app, ["new", "fritidshem", "--namn", "Fritidshem", "--today", TODAY]).exit_code == 0
    path = shipped / "missions" / "fritidshem.yaml"
    before = path.read_bytes()
    assert b"  fokus: [1]\n" in before
    rendered = _render(runner, "fritidshem")
    diff = _import(runner, str(rendered), "--id", "fritidshem", "--diff")
    assert diff.exit_code == 0, diff.stderr
    assert diff.stdout == "Ändringar i Fritidshem enligt fritidshem.docx\nInga ändringar.\n"
    result = _import(runner, str(rendered), "--id", "fritidshem", "--force")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == before  # fokus kept, and no `avsnitt` written out for the default layout
    assert "obs: syfte.fokus (1) behålls från missions/fritidshem.yaml: dokumentet visar det inte\n" in result.stderr


def _answered_and_resolved(path: Path) -> Path:
    """The chief's file after Anna Berg answers Karin Holm's comment and Karin marks it resolved."""
    document = docx.Document(str(path))
    asked = next(iter(document.comments))
    asked._comment_elm.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", "0000000A")
    anchored = paragraph_starting(document, "Nätverket delar erfarenheter och framgångsrika")
    reply = comment_on(document, anchored.runs, "Nej, bara förskolan.", "Anna Berg", "2027-03-04T09:00:00Z")
    reply._comment_elm.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", "0000000B")
    answered = path.with_name("besvarad.docx")
    document.save(str(answered))
    extended = (
        f'<w15:commentsEx xmlns:w15="{W15}"><w15:commentEx w15:paraId="0000000A" w15:done="1"/>'
        '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/></w15:commentsEx>'
    )
    parts = {"word/commentsExtended.xml": (PART_TYPE.format("commentsExtended"), extended)}
    answered.write_bytes(with_parts(answered.read_bytes(), parts))
    return answered


def test_diff_as_markdown_strikes_and_adds_words_and_shows_the_conversation(shipped: Path, runner) -> None:
    _with_meetings(shipped)
    answered = _answered_and_resolved(_chief_edits(_render(runner, "forskola")))
    result = _import(runner, str(answered), "--id", "forskola", "--diff", "--format", "md")
    assert result.exit_code == 0, result.stderr
    comment = (
        "- *Kommentar av Karin Holm, 3 mars 2027* (löst) om ”Nätverket delar erfarenheter och framgångsrika sätt att "
        "organisera för volymminskning i förskolan.” (uppdrag): Gäller detta även fritidshemmen?"
    )
    assert result.stdout.splitlines() == [
        "# Ändringar i Förskola enligt besvarad.docx",
        "",
        "## Bakgrund",
        "",
        "- **Ändrar** den gemensamma bakgrunden 'strategi-2023-2026': "
        + BACKGROUND_LINE.split(": ", 1)[1].replace("[-mandat.-] {+mandat, forskningsbevakning.+}", "")
        + "~~mandat.~~ **mandat, forskningsbevakning.**",
        "",
        "## Uppdrag",
        "",
        "- **Omformulerat** uppdrag: Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete "
        "**och läsning**",
        comment,
        "  - *Svar av Anna Berg, 4 mars 2027*: Nej, bara förskolan.",
        "",
        "## Roller och ansvar",
        "",
        "- *Förslag av Anna Berg, 2 mars 2027*: stryker i ansvar för presidium: ”kalenderåret”",
        "- *Förslag av Anna Berg, 2 mars 2027*: lägger till i ansvar för presidium: ”läsåret”",
        "",
        "## Möten",
        "",
        "- **Ändrat** mötesregel: ~~Minst 4 möten per år på fredagar.~~ → **Minst 4 möten per år på tisdagar.**",
        "- **Ändrat** möte 2027-02-05, tid: ~~09:00–12:00~~ → **13:00–16:00**",
        "- **Ändrat** möte 2027-02-05, plats: ~~Skövde~~ → **Lidköping**",
        "- **Ändrat** möte 2027-02-05, närvarande: ~~Lidköping, Vara~~ → **Lidköping, Vara, Hjo**",
        "- **Ändrat** möte 2027-03-12, plats: ~~Falköping~~ → **Skara**",
    ]
    text = _import(runner, str(answered), "--id", "forskola", "--diff").stdout.splitlines()
    assert text[7:9] == [
        '  kommentar av Karin Holm, 3 mars 2027 (löst) om "Nätverket delar erfarenheter och framgångsrika sätt att '
        'organisera för volymminskning i förskolan." (uppdrag): Gäller detta även fritidshemmen?',
        "    svar av Anna Berg, 4 mars 2027: Nej, bara förskolan.",
    ]
    found = json.loads(_import(runner, str(answered), "--id", "forskola", "--diff", "--format", "json").stdout)
    assert [(c["author"], c["resolved"], c["replies"]) for c in found["comments"]] == [
        (
            "Karin Holm",
            True,
            [
                {
                    "author": "Anna Berg",
                    "date": "2027-03-04",
                    "comment": "Nej, bara förskolan.",
                    "resolved": False,
                    "reply_to_reply": False,
                }
            ],
        )
    ]


def test_a_meetings_heading_renamed_past_recognition_keeps_the_meetings(shipped: Path, runner) -> None:
    before = _with_meetings(shipped)
    renamed = _rename_heading(_render(runner, "forskola"), "Möten", "Arbetssätt")
    diff = _import(runner, str(renamed), "--id", "forskola", "--diff")
    assert diff.exit_code == 0, diff.stderr
    assert diff.stdout.splitlines()[:6] == [
        "Ändringar i Förskola enligt omdopt.docx",
        "",
        "Allmänt",
        "  KONTROLLERA, utan plats: stycke 39: Arbetssätt",
        "  KONTROLLERA, utan plats: stycke 40: Minst 4 möten per år på fredagar.",
        "  KONTROLLERA, utan plats: stycke 41: Minnesanteckningar ska föras och läggas ut på utbildningskaraborg.se.",
    ]
    assert "borttaget" not in diff.stdout and "Möten\n" not in diff.stdout
    result = _import(runner, str(renamed), "--id", "forskola", "--force")
    assert result.exit_code == 0, result.stderr
    assert (shipped / "missions" / "forskola.yaml").read_bytes() == before
    assert (
        "obs: möten behålls från missions/forskola.yaml: dokumentet har inget avsnitt som gick att läsa som möten "
        "(se texten utan plats)\n"
    ) in result.stderr


def test_a_paragraph_struck_whole_is_after_the_paragraph_before_it(shipped: Path, runner) -> None:
    """A chief strikes a whole assignment with track changes on: the JSON places the deletion
    after the paragraph before it, never as that paragraph, while the comment after it keeps the
    number the import reads it by."""
    path = _render(runner, "forskola")
    document = docx.Document(str(path))
    struck = paragraph_starting(document, "Nätverket delar också erfarenheter")
    text = struck.text
    for run in list(struck.runs):
        run._r.getparent().remove(run._r)
    change = tracked_change("w:del", text, 201)
    struck._p.append(change)
    anchored = paragraph_starting(document, "Nätverket delar erfarenheter och framgångsrika")
    comment = document.add_comment(anchored.runs, text="Gäller detta även fritidshemmen?", author="Karin Holm")
    comment._comment_elm.set(qn("w:date"), "2027-03-03T08:00:00Z")
    document.save("ut/struket-stycke.docx")
    result = _import(runner, "ut/struket-stycke.docx", "--id", "forskola", "--diff", "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["proposals"] == [
        {
            "section": "Uppdrag",
            "subject": "uppdrag",
            "author": "Anna Berg",
            "date": "2027-03-02",
            "where": "efter stycke 18",
            "kind": "deletion",
            "text": text,
        }
    ]
    assert [(c["where"], c["anchored"]) for c in found["comments"]] == [("stycke 19", anchored.text)]


def _threads_every_way(path: Path) -> Path:
    """Comments on the first background paragraph: a comment, a reply, a reply to the reply, two
    replies that answer each other, a reply to itself and one to a comment the file lacks."""
    document = docx.Document(str(path))
    background = paragraph_starting(document, "Skaraborgs Kommunalförbund har")
    said = [("Karin Holm", "Gäller detta fritids?"), ("Anna Berg", "Ja."), ("Per Ek", "Från hösten?")]
    said += [("Eva Ek", "Ring 1"), ("Lars Ek", "Ring 2"), ("Olle Ek", "Till mig själv"), ("Siv Ek", "Till ingen")]
    for number, (author, text) in enumerate(said, start=1):
        comment = document.add_comment(background.runs, text=text, author=author)
        comment._comment_elm.set(qn("w:date"), "2027-03-03T08:00:00Z")
        comment._comment_elm.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", f"0000000{number}")
    threaded = path.with_name("trådar.docx")
    document.save(str(threaded))
    answers = {2: 1, 3: 2, 4: 5, 5: 4, 6: 6, 7: 9}  # comment -> the comment it answers (9: none in the file)
    extended = "".join(
        f'<w15:commentEx w15:paraId="0000000{number}"'
        + (f' w15:paraIdParent="0000000{answers[number]}"' if number in answers else "")
        + ' w15:done="0"/>'
        for number in range(1, 8)
    )
    parts = {
        "word/commentsExtended.xml": (
            PART_TYPE.format("commentsExtended"),
            f'<w15:commentsEx xmlns:w15="{W15}">{extended}</w15:commentsEx>',
        )
    }
    threaded.write_bytes(with_parts(threaded.read_bytes(), parts))
    return threaded


def test_every_comment_is_shown_once_however_the_replies_are_threaded(shipped: Path, runner) -> None:
    threaded = _threads_every_way(_render(runner, "forskola"))
    whole = paragraph_starting(docx.Document(str(threaded)), "Skaraborgs Kommunalförbund har").text
    assert len(whole) == 307
    anchored = whole[:200].rstrip() + "…"  # the first 200 characters, said to be shortened
    result = _import(runner, str(threaded), "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    quoted = f'om "{anchored}" (förkortad, 307 tecken) (bakgrund)'
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt trådar.docx",
        "Inga direkta ändringar; förslag och kommentarer:",
        "",
        "Bakgrund",
        f"  kommentar av Karin Holm, 3 mars 2027 {quoted}: Gäller detta fritids?",
        "    svar av Anna Berg, 3 mars 2027: Ja.",
        "    svar på svar av Per Ek, 3 mars 2027: Från hösten?",
        f"  kommentar av Eva Ek, 3 mars 2027 {quoted}: Ring 1",
        "    svar av Lars Ek, 3 mars 2027: Ring 2",
        f"  kommentar av Olle Ek, 3 mars 2027 {quoted}: Till mig själv",
        f"  kommentar av Siv Ek, 3 mars 2027 {quoted}: Till ingen",
        "",
    ]
    assert result.stderr.splitlines() == [
        "obs: Word-filen har 7 kommentarer; --diff visar dem, de blir inte en del av uppdragsfilen"
    ]
    md = _import(runner, str(threaded), "--id", "forskola", "--diff", "--format", "md").stdout.splitlines()
    quoted_md = f"om ”{anchored}” (förkortad, 307 tecken) (bakgrund)"
    assert md == [
        "# Ändringar i Förskola enligt trådar.docx",
        "",
        "Inga direkta ändringar; förslag och kommentarer:",
        "",
        "## Bakgrund",
        "",
        f"- *Kommentar av Karin Holm, 3 mars 2027* {quoted_md}: Gäller detta fritids?",
        "  - *Svar av Anna Berg, 3 mars 2027*: Ja.",
        "  - *Svar på svar av Per Ek, 3 mars 2027*: Från hösten?",
        f"- *Kommentar av Eva Ek, 3 mars 2027* {quoted_md}: Ring 1",
        "  - *Svar av Lars Ek, 3 mars 2027*: Ring 2",
        f"- *Kommentar av Olle Ek, 3 mars 2027* {quoted_md}: Till mig själv",
        f"- *Kommentar av Siv Ek, 3 mars 2027* {quoted_md}: Till ingen",
    ]
    found = json.loads(_import(runner, str(threaded), "--id", "forskola", "--diff", "--format", "json").stdout)
    shown = [
        (c["author"], c["subject"], c["anchored_characters"], c["anchored_shortened"])
        + tuple((r["author"], r["reply_to_reply"]) for r in c["replies"])
        for c in found["comments"]
    ]
    assert shown == [
        ("Karin Holm", "bakgrund", 307, True, ("Anna Berg", False), ("Per Ek", True)),
        ("Eva Ek", "bakgrund", 307, True, ("Lars Ek", False)),
        ("Olle Ek", "bakgrund", 307, True),
        ("Siv Ek", "bakgrund", 307, True),
    ]
    assert {c["anchored"] for c in found["comments"]} == {anchored}


CONTROLS = "\u202eRTL\u202c \u2028LS \u200f"  # an override, its end, a line separator, a right-to-left mark


def test_control_characters_in_the_marks_never_reach_the_diff(shipped: Path, runner) -> None:
    path = _render(runner, "forskola")
    document = docx.Document(str(path))
    background = paragraph_starting(document, "Skaraborgs Kommunalförbund har")
    background._p.append(tracked_change("w:ins", f" Nytt{CONTROLS}slut.", 1, author=f"Anna{CONTROLS}Berg"))
    comment = document.add_comment(background.runs[:1], text=f"Fråga{CONTROLS}här", author=f"Karin{CONTROLS}Holm")
    comment._comment_elm.set(qn("w:date"), "2027-03-03T08:00:00Z")
    reviewed = path.with_name("styrtecken.docx")
    document.save(str(reviewed))
    result = _import(runner, str(reviewed), "--id", "forskola", "--diff", "--format", "md")
    assert result.exit_code == 0, result.stderr
    marks = [line for line in result.stdout.splitlines() if line.startswith("- *")]
    assert [line.split(" om ")[0] if "Kommentar" in line else line for line in marks] == [
        "- *Förslag av AnnaRTL LS Berg, 2 mars 2027*: lägger till i bakgrund: ”NyttRTL LS slut.”",
        "- *Kommentar av KarinRTL LS Holm, 3 mars 2027*",  # one line: the line separator is gone
    ]
    assert marks[1].endswith("(bakgrund): FrågaRTL LS här")
    assert result.stderr.splitlines()[-1] == (  # the text's line separator is a line break to the reader
        "obs: 3 styrtecken togs bort ur texten och 16 ur förslag och kommentarer (första: U+202E på stycke 4); "
        "en uppdragsfil kan inte ha dem, och --diff visar dem inte"
    )
    found = _import(runner, str(reviewed), "--id", "forskola", "--diff", "--format", "json").stdout
    data = json.loads(found)
    assert [(p["author"], p["text"]) for p in data["proposals"]] == [("AnnaRTL LS Berg", "NyttRTL LS slut.")]
    assert [(c["author"], c["comment"]) for c in data["comments"]] == [("KarinRTL LS Holm", "FrågaRTL LS här")]
    assert CONTROL.findall(result.stdout + json.dumps(data, ensure_ascii=False)) == []

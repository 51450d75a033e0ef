"""Issue 23's keys as every output shows them: a test network (tests/golden/issue23/) with own
roles, people without a municipality and with title and e-mail, members, a per-term and
per-läsår rule with preferred weekdays. Golden Markdown and HTML; Word, PDF, overview and site
read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pypdf
import pytest

from tests.commands.test_render_docx import outline, pandoc_blocks, plain
from tests.conftest import MISSIONS, TESTS, UPDATE_GOLDEN
from uppdrag.cli import app

CASE = TESTS / "golden" / "issue23"
TODAY = "2026-11-22"
RULE = "Minst 2 möten per termin och minst 4 per läsår, företrädesvis på måndagar eller tisdagar."
MEMBERS = [
    ["Namn", "Kommun", "Titel", "E-post"],
    ["Amira Hassan", "Lidköping", "rektor", ""],
    ["Per Lund", "Skövde", "", "per.lund@skovde.se"],
    ["Sara Holm", "Skövde", "", ""],
    ["Olle Vik", "Hjo", "", ""],
]
DRAFT = (
    "varning: fritidshem är ett utkast (1 varning ovan); HTML, PDF och Word märks UTKAST tills varningarna "
    "är åtgärdade\n"
)


@pytest.fixture
def network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped shared files with the test network and its four-municipality organisation."""
    missions = tmp_path / "missions"
    missions.mkdir()
    for path in [*MISSIONS.glob("_*.yaml"), *CASE.glob("*.yaml")]:
        shutil.copy(path, missions)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _golden(name: str, text: str) -> None:
    if UPDATE_GOLDEN:
        (CASE / name).write_text(text, encoding="utf-8")
    assert text == (CASE / name).read_text(encoding="utf-8")


def test_validate_says_which_municipality_has_no_member(network: Path, runner) -> None:
    result = runner.invoke(app, ["validate", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (
        0,
        "missions/fritidshem.yaml\n"
        "  missions/fritidshem.yaml:35:3: varning: medlemmar: inga medlemmar från Tibro\n\n"
        "1 nätverk och 4 delade filer: 0 fel, 1 varning.\n",
    )


@pytest.mark.parametrize(("flag", "suffix"), [(None, "md"), ("--html", "html")])
def test_golden_markdown_and_html(flag: str | None, suffix: str, network: Path, runner) -> None:
    result = runner.invoke(app, ["render", "fritidshem", *([flag] if flag else []), "-o", "-", "--today", TODAY])
    assert (result.exit_code, result.stderr.splitlines()[-1] + "\n") == (0, DRAFT)
    _golden(f"fritidshem.{suffix}", result.stdout)


def test_markdown_shows_roles_people_members_and_the_rule(network: Path, runner) -> None:
    text = runner.invoke(app, ["render", "fritidshem", "-o", "-", "--today", TODAY]).stdout
    assert [line for line in text.splitlines() if line.startswith("##")] == [
        "## Bakgrund",
        "## Syfte/uppdrag",
        "## Uppdrag",
        "## Roller och ansvar",
        "### Sammankallande",
        "### Sekreterare/processledare",
        "### Kontaktperson på Skaraborgs Kommunalförbund",
        "### Förvaltningschefernas representant",
        "## Nätverkets medlemmar",
        "## Möten",
    ]
    assert "\n- Amira Hassan, rektor, Lidköping, amira.hassan\\@lidkoping.se\n" in text
    assert "\n- Jonas Berg\n" in text
    assert "\n| Per Lund | Skövde |  | per.lund\\@skovde.se |\n" in text
    assert f"\n{RULE}\n" in text


def test_word_has_the_same_headings_people_members_and_rule(network: Path, runner) -> None:
    result = runner.invoke(app, ["render", "fritidshem", "--docx", "-o", "ut/", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "ut/fritidshem.docx\n")
    headings, bullets, _, tables = outline(pandoc_blocks(Path("ut/fritidshem.docx")))
    assert headings[4:] == [
        "## Roller och ansvar",
        "### Sammankallande",
        "### Sekreterare/processledare",
        "### Kontaktperson på Skaraborgs Kommunalförbund",
        "### Förvaltningschefernas representant",
        "## Nätverkets medlemmar",
        "## Möten",
    ]
    assert bullets[-3:] == [
        "Amira Hassan, rektor, Lidköping, amira.hassan@lidkoping.se",
        "Jonas Berg",
        "Lena Ek, utvecklingsledare, lena.ek@skaraborg.se",
    ]
    assert tables[0] == MEMBERS
    assert tables[1][0] == ["Datum", "Tid", "Plats", "Närvarande"]
    paragraphs = [plain(block) for block in pandoc_blocks(Path("ut/fritidshem.docx")) if block["t"] == "Para"]
    assert RULE in paragraphs


def test_pdf_shows_the_members_and_the_rule(network: Path, runner) -> None:
    result = runner.invoke(app, ["render", "fritidshem", "--pdf", "-o", "ut/", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "ut/fritidshem.pdf\n")
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader("ut/fritidshem.pdf").pages)
    assert "Nätverkets medlemmar Namn Kommun Titel E-post Amira Hassan Lidköping rektor Per Lund Skövde" in text
    assert "Förvaltningschefernas representant Återkopplar till förvaltningscheferna." in text
    assert RULE in text


def test_overview_shows_conveners_and_members(network: Path, runner) -> None:
    result = runner.invoke(app, ["overview", "--format", "json", "--today", TODAY])
    row = json.loads(result.stdout)[0]
    assert {key: row[key] for key in ("chair", "convener", "secretary", "members", "absent", "meeting_rule")} == {
        "chair": "",
        "convener": "Amira Hassan, Lidköping",
        "secretary": "Jonas Berg",
        "members": "Amira Hassan, Lidköping; Per Lund, Skövde; Sara Holm, Skövde; Olle Vik, Hjo",
        "absent": "",  # every member's municipality was at a meeting in 2026
        "meeting_rule": RULE.removesuffix("."),
    }


def test_site_index_names_the_convener_and_counts_the_members(network: Path, runner) -> None:
    result = runner.invoke(app, ["site", "-o", "ut", "--year", "2026", "--today", TODAY])
    assert result.exit_code == 0, result.output
    index = Path("ut/index.html").read_text(encoding="utf-8")
    assert (
        "<p>Sammankallande: Amira Hassan, Lidköping · Mötesregel: " + RULE.removesuffix(".") + "</p>\n"
        "    <p>Medlemmar: 4 från 3 kommuner</p>\n"
    ) in index
    page = Path("ut/fritidshem.html").read_text(encoding="utf-8")
    assert '<h2 id="medlemmar">Nätverkets medlemmar</h2>' in page
    assert "<tr><td>Per Lund</td><td>Skövde</td><td></td><td>per.lund@skovde.se</td></tr>" in page
    assert "<li>Lena Ek, utvecklingsledare, lena.ek@skaraborg.se</li>" in page


@pytest.mark.slow
def test_the_network_page_and_index_pass_axe_in_chromium(network: Path, runner, tmp_path: Path) -> None:
    """The members' table and the own roles on the site, WCAG 2.1 AA as test_site judges every page."""
    from tests.commands.test_serve import Chromium
    from tests.commands.test_site import AXE_RUN, _axe_script, _evaluate, _open

    script = _axe_script()
    assert runner.invoke(app, ["site", "-o", "ut", "--year", "2026", "--today", TODAY]).exit_code == 0
    browser = Chromium(Path("ut/index.html").resolve().as_uri(), str(tmp_path / "profile"))
    found = {}
    try:
        for page in ("index.html", "fritidshem.html"):
            _open(browser, Path("ut", page).resolve().as_uri())
            _evaluate(browser, script)
            result = json.loads(str(_evaluate(browser, AXE_RUN, timeout=120)))
            assert result["rules"] > 20, (page, result)
            found[page] = result["violations"]
    finally:
        browser.close()
    assert found == {"index.html": [], "fritidshem.html": []}

"""The Word files the README's import examples read, made in the example's working folder.

    python -m tests.support.readme_documents fritidshem            # Fritidshem.docx
    python -m tests.support.readme_documents forskola-kommenterad  # Förskola-kommenterad.docx

Fritidshem.docx is a new network's terms of reference as an office writes them in Word (the
Måldokument era's layout: title, headings, bold role names, bulleted lists, a header and a
page-numbered footer). Förskola-kommenterad.docx is `uppdrag render forskola --docx` after a
school chief's review: direct edits, tracked changes by Anna Berg and a comment by Karin Holm.
The README's section on the tests names this module in the examples' setup markers.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.word_review import comment_on, paragraph_starting, propose_replacement, set_text

FRITIDSHEM_BACKGROUND = (  # the Måldokument era's shared text, as every network's document had it
    "Kommunerna i Skaraborg har beslutat att samverka kring utbildning i Skaraborg. Denna samverkan regleras "
    "genom samverkansavtal som är bilagor till Måldokumentet. Måldokumentet Utbildning Skaraborg innefattar "
    "förskola, förskoleklass, fritidshem, grundskola, grundsärskola, gymnasium, gymnasiesärskola, "
    "vuxenutbildning, särskild utbildning för vuxna och yrkeshögskola med kommunal huvudman. Även det kommunala "
    "aktivitetsansvaret innefattas.",
    "Samverkan lyfts särskilt fram som en framgångsfaktor.",
    "- Kommunerna ska enligt måldokumentet samverka för att nå de framtagna målen",
    "- Förutom samverkan mellan kommunerna, ska målen även vara styrande för respektive kommuns arbete.",
    "Utbildning Skaraborg leds av Skaraborgs skol- och utbildningschefer. Under Skaraborgs skol- och "
    "utbildningschefer finns nätverk som hanterar olika uppdrag utifrån Måldokumentet.",
)
FRITIDSHEM_PURPOSE = "Nätverket ska stärka fritidshemmens kvalitet och likvärdighet i Skaraborg."
FRITIDSHEM_ASSIGNMENTS = (
    "Utveckla fritidshemmets undervisning utifrån läroplanens kapitel 4.",
    "Sprida goda exempel på samverkan mellan fritidshem och skola.",
    "Samordna kompetensutveckling för fritidspedagoger i kommunerna.",
)
FRITIDSHEM_ROLES = (  # (role, duties, person); the secretary's municipality is misspelt, as typed in haste
    ("Ordförande", "Leder nätverkets möten och håller kontakten med skolcheferna.", "Maja Lind, Hjo"),
    ("Sekreterare", "Skriver minnesanteckningar och skickar dem till nätverket.", "Per Ek, Lidkoping"),
    ("Skol- och utbildningschef", "", "Karin Holm, Skövde"),
)
FORSKOLA_MEETINGS = (  # the year's first meeting entered, so the rendered file has the meeting table
    '  träffar:\n    - {datum: 2027-02-05, start: "09:00", slut: "12:00", plats: Skövde}\n'
)


def fritidshem(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Utbildning Skaraborg"
    _page_number(document.sections[0].footer.paragraphs[0])
    document.add_heading("Uppdragsbeskrivning för nätverket Fritidshem", level=0)
    document.add_heading("Bakgrund", level=1)
    for text in FRITIDSHEM_BACKGROUND:
        bullet = text.removeprefix("- ")
        document.add_paragraph(bullet, style="List Bullet" if bullet != text else None)
    document.add_heading("Syfte", level=1)
    document.add_paragraph(FRITIDSHEM_PURPOSE)
    document.add_heading("Uppdrag", level=1)
    document.add_paragraph("Skolchefsnätverket ger följande uppdrag för 2027:")
    document.add_heading("Mål 3: Ökad kvalitet", level=2)
    for text in FRITIDSHEM_ASSIGNMENTS:
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Roller och ansvar", level=1)
    for role, duties, person in FRITIDSHEM_ROLES:
        document.add_paragraph().add_run(role).bold = True
        if duties:
            document.add_paragraph(duties)
        document.add_paragraph(person)
    document.add_heading("Möten", level=1)
    document.add_paragraph("Nätverket träffas minst sex gånger per år, på tisdagar och torsdagar.")
    path = folder / "Fritidshem.docx"
    document.save(str(path))
    return path


def _page_number(paragraph: Any) -> None:
    """A PAGE field as Word's Insert > Page Number writes it: its code, then the number it showed."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def field_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    code = OxmlElement("w:instrText")
    code.text = " PAGE "
    for content in (field_char("begin"), code, field_char("separate"), None, field_char("end")):
        run = paragraph.add_run("1" if content is None else None)
        if content is not None:
            run._r.append(content)


def forskola_kommenterad(folder: Path) -> Path:
    """Förskola with its first 2027 meeting, rendered to Word and reviewed by a school chief."""
    import docx

    mission = folder / "missions" / "forskola.yaml"
    mission.write_text(mission.read_text(encoding="utf-8") + FORSKOLA_MEETINGS, encoding="utf-8")
    rendered = folder / "Förskola.docx"
    render = ["uppdrag", "render", "forskola", "--docx", "-o", str(rendered)]  # the README's own `uppdrag`
    made = subprocess.run(render, cwd=folder, capture_output=True, text=True, check=False)
    if made.returncode != 0:
        sys.exit(f"{' '.join(render)}: {made.stdout}{made.stderr}")
    document = docx.Document(str(rendered))
    rendered.unlink()
    set_text(  # a direct edit of an assignment
        paragraph_starting(document, "Nätverket samarbetar"),
        "Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete och läsning",
    )
    propose_replacement(paragraph_starting(document, "Upprättar arbetsordning"), "kalenderåret", "läsåret", 101)
    anchored = paragraph_starting(document, "Nätverket delar erfarenheter och framgångsrika")
    comment_on(document, anchored.runs, "Gäller detta även fritidshemmen?", "Karin Holm")
    first_meeting = document.tables[0].rows[1].cells
    first_meeting[1].paragraphs[0].runs[0].text = "13:00–16:00"
    first_meeting[2].paragraphs[0].runs[0].text = "Lidköping"
    set_text(paragraph_starting(document, "Minst 4 möten per år"), "Minst 4 möten per år på tisdagar.")
    path = folder / "Förskola-kommenterad.docx"
    document.save(str(path))
    return path


DOCUMENTS = {"fritidshem": fritidshem, "forskola-kommenterad": forskola_kommenterad}


def main(arguments: list[str]) -> None:
    if len(arguments) != 1 or arguments[0] not in DOCUMENTS:
        sys.exit(f"usage: python -m tests.support.readme_documents {{{'|'.join(DOCUMENTS)}}}")
    DOCUMENTS[arguments[0]](Path.cwd())


if __name__ == "__main__":
    main(sys.argv[1:])

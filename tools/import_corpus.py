"""The import corpus: uppdragsbeskrivningar written the way offices write them, in every producer,
each with the fields an import must find; and the score of `uppdrag import` on them.

    .venv/bin/python tools/import_corpus.py write   # (re)write tests/import_corpus/ (needs soffice)
    .venv/bin/python tools/import_corpus.py score   # fields equal / total per producer

A document is a list of blocks made from its traits (generation of background, heading layout,
roles, people format, members, meeting rule, OCR damage); the same blocks become Markdown, a
python-docx file, HTML for WeasyPrint (hyphens: auto, lang="sv", running header and page numbers)
and, through LibreOffice, a .docx and a .pdf. The text and the LibreOffice files are committed
(LibreOffice is slow and not everywhere); the python-docx and WeasyPrint files are made when scored.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "import_corpus"
MISSIONS = REPO / "missions"
PRODUCERS = ("text", "python-docx", "libreoffice-docx", "libreoffice-pdf", "weasyprint-pdf")
TODAY = dt.date(2026, 12, 5)

Block = tuple[str, Any]  # ("title"|"h"|"role"|"p"|"li"|"lines"|"table", text or lines or rows)

_NETWORKS = ["Fritidshem", "Modersmål", "Elevhälsa", "Vuxenutbildning", "Studie- och yrkesvägledning",
             "Bibliotek", "Digitalisering", "Nyanlända", "Specialpedagoger", "Matematik", "Idrott och hälsa",
             "Gymnasiesärskola", "Lärarutbildning", "Språkutveckling", "Barn i behov", "Kulturskola"]  # fmt: skip
_PEOPLE = [("Amira Hassan", "Lidköping"), ("Per Ekström", "Hjo"), ("Karin Holm", "Skara"),
           ("Jonas Lund", "Vara"), ("Lena Ström", "Tibro"), ("Maja Lind", "Falköping"),
           ("Erik Sund", "Tidaholm"), ("Sara Berg", "Götene"), ("Ola Nyberg", "Mariestad"),
           ("Emma Friman", "Skövde"), ("Nils Ahl", "Essunga"), ("Eva Ek", "Grästorp")]  # fmt: skip
_ASSIGNMENTS = [
    "Utveckla det språkutvecklande arbetssättet i alla kommuner.",
    "Sprida goda exempel på samverkan mellan skolformerna.",
    "Följa upp andelen legitimerade lärare och rapportera till skolcheferna.",
    "Ta fram ett gemensamt stöd för kartläggning av elevernas kunskaper.",
    "Samordna kompetensutvecklingen för nätverkets medlemmar.",
]
_RULES: list[tuple[str, dict[str, Any]]] = [
    ("Nätverket har minst 4 möten per år på fredagar.", {"minst_per_år": 4, "veckodagar": ["fredag"]}),
    (
        "Nätverket träffas fyra gånger per läsår, två gånger per termin, på torsdagar.",
        {"minst_per_läsår": 4, "minst_per_termin": 2, "veckodagar": ["torsdag"]},
    ),
    (
        "Nätverket träffas minst sex gånger per år, företrädesvis på måndagar eller tisdagar.",
        {"minst_per_år": 6, "veckodagar": ["måndag", "tisdag"], "företrädesvis": True},
    ),
    ("Nätverket ska ha minst tolv möten per år.", {"minst_per_år": 12}),
]
_MEETINGS_HEADINGS = ("Möten", "Möten och dokumentation", "Mötesfrekvens")
_PURPOSE = (
    "Nätverket ska stärka samverkan mellan kommunerna och sprida det som fungerar.",
    ["Erfarenhetsutbyte mellan kommunerna.", "Gemensam kompetensutveckling."],
)
# Documents after the first 32, each made for one thing the generated variety lacks.
_ADDED = {
    32: ["hyphen", "unknown-municipality"],  # "Namn - Kommun"; a member from Borås, outside Skaraborg
    33: ["members-table"],  # "Kommunrepresentanter" as a table Namn | Kommun | E-post
    34: ["reporting", "every-other-month"],  # a section "Återrapportering"; "varannan månad"
    35: ["period-only"],  # its own background: only "läsåret 2024/25" tells the steering document
    36: ["period-disagrees"],  # the text names the strategy, the period lies after it: KONTROLLERA
}
_ASSIGNMENT_HEADINGS = ("Uppdrag", "Uppdrag 2026", "Nätverkets uppdrag")


@dataclass
class CorpusDocument:
    name: str
    blocks: list[Block]
    expected: dict[str, Any]  # field -> value, the fields an import must find
    traits: list[str] = field(default_factory=list)


def _shared_background(background_id: str) -> list[Block]:
    data = yaml.safe_load((MISSIONS / "_bakgrund.yaml").read_text(encoding="utf-8"))
    shared = next(b for b in data["bakgrunder"] if b["id"] == background_id)
    blocks: list[Block] = [("p", shared["rubrik"])] if shared.get("rubrik") else []
    for item in shared["stycken"]:
        if isinstance(item, str):
            blocks.append(("p", " ".join(item.split())))
        elif "punkter" in item:
            blocks += [("li", " ".join(p.split())) for p in item["punkter"]]
    return blocks


def _person_text(name: str, place: str, style: str, index: int) -> str:
    email = f"{name.split(maxsplit=1)[0].lower()}.{name.rsplit(maxsplit=1)[-1].lower()}@{place.lower().replace('ö', 'o').replace('ä', 'a').replace('å', 'a')}.se"
    return (
        {
            "comma": f"{name}, {place}",
            "paren": f"{name} ({place})",
            "dash": f"{name} – {place}",
            "hyphen": f"{name} - {place}",
            "title": f"{name}, rektor, {place}",
            "email": f"{name}, {place}, {email}",
            "prefix": f"{place}: {name}",
        }[style]
        if index >= 0
        else name
    )


def _ocr_damaged(text: str) -> str:
    """The scanner's reading: ä as '&', ö as 'é', å as 'a' (as the seeds 002 and 003 have it)."""
    return text.replace("ä", "&").replace("ö", "é").replace("å", "a")


def make_document(index: int) -> CorpusDocument:
    """Document number index of the corpus; its traits follow from the number, so every
    combination that matters appears and none is chosen by hand."""
    added = _ADDED.get(index, [])
    generation = ("maldokument", "strategi-2023-2026")[index % 2]
    if "period-only" in added:
        generation = "strategi-2023-2026"
    if "period-disagrees" in added:
        generation = "maldokument"  # what the tie between text and period gives, marked
    layout = ("word", "bold", "caps", "numbered")[index % 4]
    people_style = ("comma", "paren", "dash", "title", "email", "prefix", "table")[index % 7]
    if "hyphen" in added:
        people_style = "hyphen"
    if "members-table" in added:
        people_style = "comma"
    roles_kind = ("chair", "convener", "old")[index % 3]
    members = index % 3 != 2 or "unknown-municipality" in added or "members-table" in added
    members_as_lines = index % 4 in (1, 2)
    rule_text, rule = _RULES[index % 4]
    if "every-other-month" in added:
        rule_text, rule = "Nätverket träffas varannan månad.", {"minst_per_år": 6}
    ocr = index % 10 == 9
    network = _NETWORKS[index % len(_NETWORKS)]
    people = _PEOPLE[index % 5 :] + _PEOPLE[: index % 5]
    expected: dict[str, Any] = {"namn": network, "styrdokument": generation, "bakgrund": generation}
    traits = [generation, layout, people_style, roles_kind] + (["members"] if members else [])
    traits += ["ocr"] if ocr else []
    traits = list(dict.fromkeys(traits + added))

    number = [0]

    def heading(text: str) -> Block:
        number[0] += 1
        shown = {"caps": text.upper(), "numbered": f"{number[0]}. {text}"}.get(layout, text)
        return ("h", shown)

    def role_heading(text: str, sub: int) -> Block:
        return ("role", f"{number[0]}.{sub} {text}" if layout == "numbered" else text)

    blocks: list[Block] = [("title", f"Uppdragsbeskrivning för nätverket {network}")]
    blocks.append(heading("Bakgrund"))
    own_background = f"Nätverket samlar {network.lower()} i Skaraborgs kommuner."
    if "period-only" in added:  # a background of the network's own words alone: its own version
        blocks.append(("p", own_background))
        expected["bakgrund_egen.stycken[0]"] = own_background
    elif "period-disagrees" in added:
        text = "Nätverket arbetar efter Strategi för Utbildning Skaraborg 2023–2026, prioriterat utvecklingsområde 1."
        blocks.append(("p", text))
        expected["bakgrund_egen.stycken[0]"] = text
    else:
        blocks += _shared_background(generation)
        if index % 5 == 1:
            blocks.append(("p", own_background))
            expected["bakgrund_tillägg[0]"] = own_background
            traits.append("own-background")
    if index % 6 == 0:
        blocks.append(heading("Syfte"))  # a heading with nothing under it
        traits.append("empty-heading")
    elif index % 6 in (1, 4):
        purpose_text, purpose_points = _PURPOSE
        blocks += [heading("Syfte"), ("p", purpose_text)] + [("li", point) for point in purpose_points]
        expected["syfte.text[0]"] = purpose_text
        for k, point in enumerate(purpose_points):
            expected[f"syfte.punkter[{k}]"] = point
        traits.append("purpose")
    blocks.append(heading(_ASSIGNMENT_HEADINGS[index % 3]))
    intro, period = (("för kommande år", "kommande år"), ("för 2025–2026", "2025–2026"), ("för 2026", "2026"))[
        index % 3
    ]
    if "period-only" in added:
        intro, period = "för läsåret 2024/25", "2024–2025"
    if "period-disagrees" in added:
        intro, period = "för 2028", "2028"
    blocks.append(("p", f"Skolchefsnätverket ger följande uppdrag {intro}:"))
    expected["uppdrag.period"] = period
    chosen = [_ASSIGNMENTS[(index + k) % len(_ASSIGNMENTS)] for k in range(3)]
    blocks += [("li", text) for text in chosen]
    for k, text in enumerate(chosen):
        expected[f"uppdrag.punkter[{k}]"] = text

    blocks.append(heading("Rollfördelning" if roles_kind == "old" else "Roller och ansvar"))
    first_role = {
        "chair": "ordförande",
        "convener": "sammankallande",
        "old": "ordförande/förvaltningschefsrepresentant",
    }
    first_heading = {"chair": "Ordförande", "convener": "Sammankallande",
                     "old": "Ordförande/förvaltningschefsrepresentant"}[roles_kind]  # fmt: skip
    roles = [(first_role[roles_kind], first_heading, "Leder nätverkets möten och håller kontakten med skolcheferna.",
              people[0]), ("sekreterare", "Sekreterare", "Skriver minnesanteckningar och skickar dem till nätverket.",
              people[1])]  # fmt: skip
    for sub, (kind, title, duty, (name, place)) in enumerate(roles, start=1):
        blocks.append(role_heading(title, sub))
        blocks.append(("p", duty))
        if people_style == "table":
            blocks.append(("table", [("Namn", "Kommun"), (name, place)]))
        else:
            blocks.append(("p", _person_text(name, place, people_style, 0)))
        expected[f"roller[{kind}].ansvar[0]"] = duty
        expected[f"roller[{kind}].personer[{name}]"] = place
    if members or "members-table" in added:
        blocks.append(heading("Kommunrepresentanter" if index % 2 else "Nätverkets sammansättning"))
        chosen_members = people[2:6]
        if "unknown-municipality" in added:
            chosen_members = [*people[2:5], ("Hanna Borg", "Borås")]
        if "members-table" in added:
            blocks.append(("table", [("Namn", "Kommun", "E-post")]
                           + [(n, p, f"{n.split()[0].lower()}@example.se") for n, p in chosen_members]))  # fmt: skip
        elif people_style == "table":
            blocks.append(("table", [("Kommun", "Namn", "E-post")]
                           + [(p, n, f"{n.split()[0].lower()}@example.se") for n, p in chosen_members]))  # fmt: skip
        elif members_as_lines:
            blocks.append(("lines", [_person_text(n, p, people_style, 0) for n, p in chosen_members]))
        else:
            blocks += [("p", _person_text(n, p, people_style, 0)) for n, p in chosen_members]
        for name, place in chosen_members:
            # a municipality outside the organisation: the person is kept without it, and marked
            expected[f"medlemmar[{name}]"] = None if place == "Borås" else place
    blocks.append(heading(_MEETINGS_HEADINGS[index % 3]))
    blocks.append(("p", rule_text))
    for key, value in rule.items():
        expected[f"möten.{key}"] = value
    if "reporting" in added:
        blocks.append(heading("Återrapportering"))
        blocks.append(("p", "Nätverket återrapporterar till skolchefsnätverket i maj och december."))
        expected["uppdrag.återrapportering"] = "till skolchefsnätverket i maj och december"
    if ocr:
        blocks = [(kind, _ocr_damaged(value)) if kind in ("p", "li") and not value.startswith(tuple(
            n for n, _ in _PEOPLE)) and ", " not in value[:30] else (kind, value) for kind, value in blocks]  # fmt: skip
    return CorpusDocument(f"{index:02d}-{'-'.join(traits)}", blocks, expected, traits)


CORPUS_SIZE = 32 + len(_ADDED)


def documents() -> list[CorpusDocument]:
    return [make_document(i) for i in range(CORPUS_SIZE)]


# --- producers ---------------------------------------------------------------------------------


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for kind, value in blocks:
        if kind == "title":
            out.append(f"# {value}")
        elif kind == "h":
            out.append(f"## {value}")
        elif kind == "role":
            out.append(f"**{value}**")
        elif kind == "li":
            out.append(f"- {value}")
        elif kind == "lines":
            out.append("\n".join(value))
        elif kind == "table":
            rows = [f"| {' | '.join(row)} |" for row in value]
            out.append("\n".join([rows[0], "|" + "---|" * len(value[0]), *rows[1:]]))
        else:
            out.append(value)
    return "\n\n".join(out) + "\n"


def to_python_docx(blocks: list[Block], path: Path, layout: str) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for kind, value in blocks:
        if kind == "title":
            document.add_paragraph(value, style="Title")
        elif kind == "h" and layout == "word":
            document.add_paragraph(value, style="Heading 1")
        elif kind == "role" and layout == "word":
            document.add_paragraph(value, style="Heading 2")
        elif kind in ("h", "role") and layout != "caps":
            document.add_paragraph().add_run(value).bold = True
        elif kind == "li":
            document.add_paragraph(value, style="List Bullet")
        elif kind == "lines":
            paragraph = document.add_paragraph()
            for number, line in enumerate(value):
                run = paragraph.add_run(line)
                if number < len(value) - 1:
                    run.add_break()  # Shift+Enter
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(value)
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Utbildning Skaraborg – sida ")
    field_run = footer.add_run()
    for tag, attribute in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        element = OxmlElement(tag)
        if attribute:
            element.set(qn("w:fldCharType"), attribute)
        else:
            element.text = "PAGE"
        field_run._r.append(element)
    document.save(str(path))
    return path


def to_html(blocks: list[Block], layout: str) -> str:
    style = (
        "@page { size: A4; margin: 2.5cm; @top-right { content: 'Utbildning Skaraborg' }"
        " @bottom-center { content: counter(page) } }"
        " body { font-family: sans-serif; font-size: 11pt; hyphens: auto; width: 10cm; text-align: justify }"
        " td, th { padding: 0.1em 1em 0.1em 0; text-align: left }"
    )
    out = [f'<html lang="sv"><head><meta charset="utf-8"><style>{style}</style></head><body>']
    in_list = False
    for kind, value in blocks:
        if kind != "li" and in_list:
            out.append("</ul>")
            in_list = False
        if kind == "title":
            out.append(f"<h1>{html.escape(value)}</h1>")
        elif kind == "h":
            out.append(f"<h2>{html.escape(value)}</h2>" if layout == "word" else f"<p><b>{html.escape(value)}</b></p>")
        elif kind == "role":
            out.append(f"<h3>{html.escape(value)}</h3>" if layout == "word" else f"<p><b>{html.escape(value)}</b></p>")
        elif kind == "li":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{html.escape(value)}</li>")
        elif kind == "lines":
            out.append("<p>" + "<br>".join(html.escape(line) for line in value) + "</p>")
        elif kind == "table":
            rows = "".join(
                "<tr>"
                + "".join(f"<{'th' if r == 0 else 'td'}>{html.escape(c)}</{'th' if r == 0 else 'td'}>" for c in row)
                + "</tr>"
                for r, row in enumerate(value)
            )
            out.append(f"<table>{rows}</table>")
        else:
            out.append(f"<p>{html.escape(value)}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out) + "</body></html>"


def to_weasyprint_pdf(blocks: list[Block], path: Path, layout: str) -> Path:
    import weasyprint

    weasyprint.HTML(string=to_html(blocks, layout)).write_pdf(str(path))
    return path


def libreoffice(source: Path, target_format: str, out_dir: Path) -> Path:
    """source converted by LibreOffice (headless, its own profile so it never meets a running one)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) behövs för att skriva korpusens LibreOffice-filer")
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_format,
             "--outdir", str(out_dir), str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return out_dir / f"{source.stem}.{target_format.split(':', maxsplit=1)[0]}"


def layout_of(document: CorpusDocument) -> str:
    return next(t for t in document.traits if t in ("word", "bold", "caps", "numbered"))


def write_corpus() -> None:
    """tests/import_corpus/: each document's Markdown, expected fields and LibreOffice files."""
    CORPUS.mkdir(exist_ok=True)
    names = {document.name for document in documents()}
    for stale in [f for f in CORPUS.iterdir() if f.name.split(".", maxsplit=1)[0] not in names]:
        stale.unlink()  # a document whose traits (and so its name) changed
    for document in documents():
        (CORPUS / f"{document.name}.md").write_text(to_markdown(document.blocks), encoding="utf-8")
        (CORPUS / f"{document.name}.expected.json").write_text(
            json.dumps(document.expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        with tempfile.TemporaryDirectory() as work:
            made = to_python_docx(document.blocks, Path(work) / f"{document.name}.docx", layout_of(document))
            converted = Path(work) / "lo"
            converted.mkdir()
            docx = libreoffice(made, "docx:MS Word 2007 XML", converted)
            shutil.copy(docx, CORPUS / f"{document.name}.lo.docx")
            pdf = libreoffice(made, "pdf", converted)
            shutil.copy(pdf, CORPUS / f"{document.name}.lo.pdf")
        print(document.name)


def produce(document: CorpusDocument, producer: str, folder: Path) -> Path:
    """The document as producer makes it, in folder."""
    if producer == "text":
        path = folder / f"{document.name}.md"
        path.write_text(to_markdown(document.blocks), encoding="utf-8")
        return path
    if producer == "python-docx":
        return to_python_docx(document.blocks, folder / f"{document.name}.docx", layout_of(document))
    if producer == "weasyprint-pdf":
        return to_weasyprint_pdf(document.blocks, folder / f"{document.name}.pdf", layout_of(document))
    suffix = {"libreoffice-docx": "lo.docx", "libreoffice-pdf": "lo.pdf"}[producer]
    committed = CORPUS / f"{document.name}.{suffix}"
    path = folder / f"{document.name}.{suffix.split('.')[1]}"
    shutil.copy(committed, path)
    return path


# --- scoring -----------------------------------------------------------------------------------


def imported_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The imported mission's data as the corpus names its fields."""
    found: dict[str, Any] = {"namn": data.get("namn"), "styrdokument": data.get("styrdokument"),
                             "bakgrund": data.get("bakgrund")}  # fmt: skip
    assignments = data.get("uppdrag") or {}
    found["uppdrag.period"] = assignments.get("period")
    points = [p for group in assignments.get("grupper", []) for p in group.get("punkter", [])]
    for index, point in enumerate(points):
        found[f"uppdrag.punkter[{index}]"] = point
    reporting = [g["återrapportering"] for g in assignments.get("grupper", []) if "återrapportering" in g]
    if reporting:
        found["uppdrag.återrapportering"] = reporting[0]
    purpose = data.get("syfte") or {}
    for key in ("text", "punkter"):
        for index, text in enumerate(purpose.get(key, [])):
            found[f"syfte.{key}[{index}]"] = text
    for index, text in enumerate(data.get("bakgrund_tillägg") or []):
        found[f"bakgrund_tillägg[{index}]"] = text
    for index, block in enumerate((data.get("bakgrund_egen") or {}).get("stycken", [])):
        if isinstance(block, str):
            found[f"bakgrund_egen.stycken[{index}]"] = block
    for role in data.get("roller") or []:
        kinds = role["roll"] if isinstance(role["roll"], list) else [role["roll"]]
        kind = "/".join(kinds)
        for index, duty in enumerate(role.get("ansvar", [])):
            found[f"roller[{kind}].ansvar[{index}]"] = duty
        for person in role.get("personer", []):
            found[f"roller[{kind}].personer[{person['namn']}]"] = person.get("kommun")
    for person in data.get("medlemmar") or []:
        found[f"medlemmar[{person['namn']}]"] = person.get("kommun")
    for key, value in (data.get("möten") or {}).items():
        if key != "träffar":
            found[f"möten.{key}"] = value
    return found


@dataclass
class Score:
    equal: int = 0
    total: int = 0
    wrong_unmarked: list[str] = field(default_factory=list)  # fields differing without a KONTROLLERA
    failed: list[str] = field(default_factory=list)  # documents that did not import
    wrong_marked: list[str] = field(default_factory=list)  # fields differing, with a KONTROLLERA

    @property
    def percent(self) -> float:
        return 100.0 * self.equal / self.total if self.total else 0.0


def _top(field_name: str) -> str:
    return field_name.split(".", maxsplit=1)[0].split("[", maxsplit=1)[0]


def score_document(document: CorpusDocument, path: Path, folder: Path, score: Score) -> None:
    from uppdrag.edit.importer import import_document
    from uppdrag.errors import UppdragError

    score.total += len(document.expected)
    try:
        result = import_document(path, folder, TODAY)
    except UppdragError as exc:
        score.failed.append(f"{document.name}: {exc}")
        return
    found = imported_fields(yaml.safe_load(result.text))
    # What the file marks: the top key of every KONTROLLERA ("roller", "möten", "medlemmar" …).
    marked = {_top(field_name) for field_name, _ in result.checks}
    messages = " ".join(message for _, message in result.checks)
    for name, value in document.expected.items():
        said = name.rsplit("[", 1)[-1].rstrip("]")  # a person's name: a KONTROLLERA may name them
        if found.get(name) == value:
            score.equal += 1
        elif _top(name) not in marked and not (name.endswith("]") and said in messages):
            score.wrong_unmarked.append(f"{document.name}: {name}: {found.get(name)!r} (väntat {value!r})")
        else:
            score.wrong_marked.append(f"{document.name}: {name}: {found.get(name)!r} (väntat {value!r})")
    # A value the document does not have (a page number as an assignment, a table header as a
    # person) is a wrong field too.
    for name in found.keys() - document.expected.keys():
        if name.startswith(("uppdrag.punkter", "medlemmar[", "möten.", "syfte.punkter", "bakgrund_tillägg")) or (
            ".personer[" in name
        ):
            score.total += 1
            line = f"{document.name}: {name}: {found[name]!r} (finns inte i dokumentet)"
            (score.wrong_marked if _top(name) in marked else score.wrong_unmarked).append(line)


def score_corpus(
    producers: tuple[str, ...] = PRODUCERS, only: Callable[[CorpusDocument], bool] = lambda _: True
) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "missions"
        folder.mkdir()
        for shared in MISSIONS.glob("_*.yaml"):
            shutil.copy(shared, folder)
        for producer in producers:
            score = scores[producer] = Score()
            for document in filter(only, documents()):
                path = produce(document, producer, Path(work))
                score_document(document, path, folder, score)
    return scores


def main(argv: list[str]) -> int:
    if argv[1:2] == ["write"]:
        write_corpus()
        return 0
    verbose = "-v" in argv
    producers = tuple(a for a in argv[2:] if a != "-v") or PRODUCERS
    scores = score_corpus(producers)
    print(f"{'producent':<18} {'lika':>6} {'totalt':>7} {'andel':>7} {'fel utan KONTROLLERA':>21}")
    for producer, score in scores.items():
        print(
            f"{producer:<18} {score.equal:>6} {score.total:>7} {score.percent:>6.1f}% {len(score.wrong_unmarked):>21}"
        )
    for producer, score in scores.items():
        for line in score.failed + score.wrong_unmarked:
            print(f"  {producer}: {line}")
        for line in score.wrong_marked if verbose else []:
            print(f"  {producer}: (KONTROLLERA) {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Starting a new mission file: from the current standard, or from an existing network."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from uppdrag.check.rules import PLACEHOLDER, UPCOMING_YEAR, covered_years
from uppdrag.control_characters import CONTROL
from uppdrag.edit.checked_write import write_checked
from uppdrag.edit.yaml_writer import comment_at_end_of, dump, meetings_example, round_trip_yaml
from uppdrag.errors import NewMissionError
from uppdrag.findings import CheckResult
from uppdrag.models import (
    ID_HINT,
    Organisation,
    SteeringDocument,
    id_with_controls,
    is_valid_id,
    make_id,
    next_period,
    period_years,
)
from uppdrag.read.loading import LoadedMission, Workspace


def standard_roles(organisation: Organisation) -> list[tuple[str, list[str]]]:
    """The standard duties, as the newest documents (förskola, SKIS) word them, sent to the
    organisation's address (or, without one, to the organisation)."""
    to = organisation.email or organisation.name
    return [
        ("presidium", ["Upprättar arbetsordning för kalenderåret, dagordning för mötet samt bereder möten.", "Sammanställer och informerar skolchefsrepresentanten."]),
        ("skol- och utbildningschef", [
            "Ansvarar för att återkoppla från skol- och utbildningschefsgruppen till nätverket, samt återkoppla från nätverket till skol- och utbildningschefsgruppen.",
            "Ansvarar för revidering av uppdragen en gång per år samt följer upp uppdragens genomförande.",
        ]),
        ("ordförande", ["Leda nätverksträffarna, skicka ut kallelse och dagordning till alla deltagande inför nätverksträffarna."]),
        ("sekreterare", [
            f"Ansvarar för att förteckning på de personer som ingår i nätverket samt plats och tid för nätverksträffarna skickas till {to}.",
            f"Skriva protokoll vid nätverksträffarna och ansvara för att dessa skickas in till {to}.",
        ]),
    ]  # fmt: skip


def minutes_note(organisation: Organisation) -> str:
    where = organisation.website or f"{organisation.name_genitive} webbplats"
    return f"Minnesanteckningar ska föras och läggas ut på {where}."


def newest_steering_document(workspace: Workspace) -> SteeringDocument:
    documents = list(workspace.steering_documents.values())
    if not documents:
        raise NewMissionError(
            "arbetsytan har inga styrdokument i någon _-fil; skriv missions/_styrdokument.yaml "
            "(README: Filformatet), eller börja med en ny arbetsyta: `uppdrag init`"
        )
    # The one whose period ends last; one without a period counts as older than any with one.
    return max(enumerate(documents), key=lambda pair: ((period_years(pair[1].period or "") or (0, 0))[1], pair[0]))[1]


def _background_for(workspace: Workspace, steering: SteeringDocument) -> str:
    backgrounds = workspace.backgrounds
    if steering.id in backgrounds:
        return steering.id
    for background in backgrounds.values():
        if any(b.goal_list == steering.id for b in background.blocks):
            return background.id
    if not backgrounds:
        raise NewMissionError(
            "arbetsytan har inga bakgrundstexter i någon _-fil; skriv missions/_bakgrund.yaml "
            "(README: Filformatet), eller börja med en ny arbetsyta: `uppdrag init`"
        )
    return next(iter(backgrounds))


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


_PLAIN = re.compile(r"[^\W\d_][\w .@/-]*[\w.]")  # letters first; nothing YAML reads as syntax, here or in {…}


def _plain(text: str) -> str:
    """Text as a plain YAML scalar where it reads back as itself ('Skövde'), else quoted."""
    return text if _PLAIN.fullmatch(text) and ": " not in text else _q(text)


def checked_name(name: str) -> str:
    """The network's name from --namn, or a usage error for one that validate would refuse."""
    if not name.strip():
        raise NewMissionError("--namn får inte vara tomt; skriv nätverkets namn, t.ex. --namn Fritidshem")
    if CONTROL.search(name):  # the characters validate refuses in any text, bidi overrides too
        raise NewMissionError("--namn innehåller styrtecken; skriv bara text")
    return name.strip()


# Roles whose people the document names; `new` leaves a commented line to fill in for each.
_NAMED = {"ordförande": "ordförandens", "sekreterare": "sekreterarens"}


def standard_period(steering_period: str | None, today: dt.date) -> str:
    """A new network's period: its steering document's while that still runs through the year
    the network starts; else that year alone. In December the network starts next year (the
    coming year is planned then: plan-meetings, the meetings example), so a document ending
    this year gives a period of next year, not one that ends within weeks."""
    if steering_period is None:
        return UPCOMING_YEAR
    years = period_years(steering_period)
    starts = today.year + 1 if today.month == 12 else today.year
    if years is None or years[1] >= starts:
        return steering_period
    return str(starts)


def standard_mission(workspace: Workspace, mission_id: str, name: str, steering_id: str | None, today: dt.date) -> str:
    """The text of a new mission file; what a person must write is marked FYLL I, and the
    people and meetings, not known yet, are commented examples to fill in."""
    name = checked_name(name)
    if steering_id is None:
        steering = newest_steering_document(workspace)
    elif steering_id in workspace.steering_documents:
        steering = workspace.steering_documents[steering_id]
    else:
        known = ", ".join(workspace.steering_documents)
        raise NewMissionError(f"okänt styrdokument '{steering_id}'; kända: {known}")
    period = standard_period(steering.period, today)
    first_year = today.year + 1
    organisation = workspace.organisation
    example_place = organisation.municipalities[0]
    lines = [
        "# yaml-language-server: $schema=../schemas/uppdrag.schema.json",
        f"# Ny uppdragsbeskrivning. Fyll i allt som är märkt {PLACEHOLDER}; uppdrag validate varnar tills det är gjort.",
        f"id: {mission_id}",
        f"namn: {_q(name)}",
        f"styrdokument: {steering.id}",
        f"bakgrund: {_background_for(workspace, steering)}",
        "",
        "syfte:",
        "  text:",
        f"    - {_q(PLACEHOLDER + ': vad nätverket fokuserar på och varför.')}",
        f"  fokus: [{', '.join(_q(g.id) if not g.id.isdigit() else g.id for g in steering.goals[:1])}]",
        "",
        "uppdrag:",
        f"  period: {_q(period)}",
        "  grupper:",
        "    - punkter:",
        f"        - {_q(PLACEHOLDER + ': ett uppdrag från skolchefsnätverket.')}",
        "",
        "roller:",
    ]
    for kind, duties in standard_roles(organisation):
        lines.append(f"  - roll: {kind}")
        lines.append("    ansvar:")
        lines += [f"      - {_q(duty)}" for duty in duties]
        if kind in _NAMED:
            lines += [
                f"    # {PLACEHOLDER} {_NAMED[kind]} namn och kommun, och ta bort # före raderna:",
                "    # personer:",
                f"    #   - {{namn: Förnamn Efternamn, kommun: {_plain(example_place)}}}",
            ]
    place = _plain(example_place)
    lines += [
        "  # Nätverkets egna roller (sammankallande, processledare, kontaktperson …) skrivs som text;",
        "  # titel och e-post är valfria för varje person:",
        "  # - roll: sammankallande",
        "  #   ansvar: [Kallar till möten och leder dem.]",
        f"  #   personer: [{{namn: Förnamn Efternamn, kommun: {place}, titel: rektor, e-post: namn@exempel.se}}]",
        "",
        "# Nätverkets medlemmar, en eller flera per kommun (inte presidiet); ta bort # före raderna:",
        "# medlemmar:",
        f"#   - {{namn: Förnamn Efternamn, kommun: {place}}}",
        "",
        "möten:",
        "  minst_per_år: 4",
        "  # Eller per läsår och termin: minst_per_läsår: 4, minst_per_termin: 2",
        "  veckodagar: [fredag]",
        "  # Flera veckodagar är alternativ; företrädesvis: true gör dem till önskemål.",
        f"  minnesanteckningar: {_plain(minutes_note(organisation))}",
        *meetings_example(mission_id, first_year, place),
    ]
    return "\n".join(lines) + "\n"


def carried_meetings(source: LoadedMission, period: str, today: dt.date) -> list[int]:
    """The indexes of the source's meetings that belong to the new period: planned (after
    today) and dated within its years ('kommande år': next year). Held ones stay behind."""
    rule = source.mission.meetings
    years = covered_years(period, today)
    if rule is None or years is None:
        return []
    return [i for i, m in enumerate(rule.meetings) if m.date > today and years[0] <= m.date.year <= years[1]]


def rolled_over(
    source: LoadedMission, mission_id: str, name: str | None, today: dt.date
) -> tuple[str, list[dt.date]]:
    """The source network's file for the next period: same content and comments, the period
    moved on, `reviderad` today, and of the meetings only those planned within the new period
    (with the dates of those, which the user is told)."""
    document = round_trip_yaml().load(source.source.path.read_text(encoding="utf-8-sig"))
    document["id"] = mission_id
    if name is not None:
        document["namn"] = checked_name(name)
    period = next_period(str(document["uppdrag"]["period"]), today)
    document["uppdrag"]["period"] = period
    if "reviderad" in document:
        document["reviderad"] = today
    elif "bakgrund_egen" in document:  # after the network's own background, which goes with `bakgrund`
        document.insert(list(document).index("bakgrund_egen") + 1, "reviderad", today)
        # A blank line after a block belongs to its last line in ruamel; keep it after the new key.
        below = comment_at_end_of(document["bakgrund_egen"], take=True)
        if below is not None:
            document.ca.items["reviderad"] = [None, None, below, None]
    else:
        document.insert(list(document).index("bakgrund") + 1, "reviderad", today)
        # A blank line after `bakgrund` belongs to that key in ruamel; keep it after the new one.
        if "bakgrund" in document.ca.items:
            document.ca.items["reviderad"] = document.ca.items.pop("bakgrund")
    carried = carried_meetings(source, period, today)
    if "möten" in document and "träffar" in document["möten"]:
        meetings = document["möten"]["träffar"]
        for index in reversed(range(len(meetings))):  # from the end: the indexes before stay right
            if index not in carried:
                del meetings[index]
        if not carried:
            del document["möten"]["träffar"]
    rule = source.mission.meetings
    return dump(document), [rule.meetings[i].date for i in carried] if rule is not None else []


def target_path(folder: Path, mission_id: str) -> Path:
    if not is_valid_id(mission_id):
        raise NewMissionError(f"ogiltigt id '{mission_id}': {ID_HINT}")
    path = folder / f"{mission_id}.yaml"
    if path.exists() or (folder / f"{mission_id}.yml").exists():
        raise NewMissionError(f"{path} finns redan; välj ett annat id")
    return path


@dataclass(frozen=True)
class NewMission:
    path: Path
    result: CheckResult  # what validate says of the new file: the FYLL I placeholders still to write
    period: str  # the assignments' period, as written: the user should see which one it is
    carried: list[dt.date] = field(default_factory=list)  # meetings taken over from --from, to be told


def create_mission(
    workspace: Workspace,
    requested_id: str,
    name: str | None,
    steering_id: str | None,
    source_id: str | None,
    today: dt.date,
) -> NewMission:
    """Write a new mission file (standard, or rolled over from source_id); never over an existing one."""

    refusal = id_with_controls(requested_id)  # `new "a<newline>b"` is never silently the id a-b
    if refusal is not None:
        raise NewMissionError(refusal)
    new_id = make_id(requested_id)
    path = target_path(workspace.folder, new_id)
    carried: list[dt.date] = []
    if source_id is not None:
        [loaded] = workspace.select([source_id])
        text, carried = rolled_over(loaded, new_id, name, today)
    elif name is None:
        suggested = new_id.replace("-", " ").capitalize()  # `kvalitet-2027` -> "Kvalitet 2027"
        raise NewMissionError(
            f'ange nätverkets namn: `uppdrag new {new_id} --namn "{suggested}"`, eller börja från '
            f"ett befintligt nätverk: `uppdrag new {new_id} --from ID`"
        )
    else:
        text = standard_mission(workspace, new_id, name, steering_id, today)
    result = write_checked(path, lambda _: text, today, create=True)
    period = round_trip_yaml().load(text)["uppdrag"]["period"]
    return NewMission(path, result, str(period), carried)

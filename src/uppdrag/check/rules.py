"""Checks that span files: ids, references between files, and the yearly revision."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from uppdrag.check.meetings import VALIDATE_KINDS, entered_meeting_findings, school_calendar
from uppdrag.check.swedish_calendar import SchoolCalendar
from uppdrag.ellipsis import shortened
from uppdrag.findings import Finding, Location, error, format_key_path, warning
from uppdrag.models import CONVENER, ROLLER, Background, Mission, SteeringDocument, next_period, period_years
from uppdrag.read.loading import LoadedMission, LoadedShared, Source, Workspace
from uppdrag.read.schema_errors import near_miss, suggest
from uppdrag.read.yamlsource import REVIEW_MARK, KeyPath


def _unknown(what: str, value: str, known: list[str], where: str = "") -> str:
    """'okänt styrdokument 'x' (menade du 'y'?)'; what carries its own adjective."""
    close = suggest(value, known)
    if close:
        return f"{what} '{value}'{where} (menade du '{close}'?)"
    return f"{what} '{value}'{where}; kända: {', '.join(known) or 'inga'}"


def check_workspace(workspace: Workspace, today: dt.date, meetings: bool = True) -> list[Finding]:
    """Everything that needs more than one file, or the date, to judge; with meetings, also
    the entered meetings against the school calendar."""
    findings = check_shared(workspace)
    calendar = school_calendar(workspace)
    for loaded in workspace.missions:
        findings += check_mission(loaded, workspace, today, meetings, calendar)
    return findings + duplicate_ids([(m.mission.id, m.source.locate("id")) for m in workspace.missions])


def duplicate_ids(identities: list[tuple[str, Location]]) -> list[Finding]:
    """A second file in a folder with the same id is an error. The file named after the id
    (`ka.yaml` with `id: ka`) holds it, whatever the order of the names: a copy such as
    `ka-2027.yaml`, listed before it, is the file told, and the original is not left out of
    the commands that skip broken files."""
    first: dict[str, Location] = {}
    findings = []
    for mission_id, where in sorted(identities, key=lambda pair: Path(pair[1].file).stem != pair[0]):
        if mission_id in first:
            message = f"id '{mission_id}' används redan i {first[mission_id]}"
            findings.append(error(where, "duplicate-id", message, "id"))
        else:
            first[mission_id] = where
    return findings


def check_mission(
    loaded: LoadedMission,
    workspace: Workspace,
    today: dt.date,
    meetings: bool = True,
    calendar: SchoolCalendar | None = None,
) -> list[Finding]:
    """What one network's file says against the shared files and the date (calendar: the
    workspace's school calendar, when the caller has it already)."""
    mission, source = loaded.mission, loaded.source
    findings = []
    stem = source.path.stem
    if mission.id != stem:
        message = f"id '{mission.id}' ska vara samma som filnamnet ('{stem}')"
        findings.append(error(source.locate("id"), "id-filename", message, "id"))
    # With a broken `_` file every reference to it would fail too; its own error says enough.
    if not workspace.broken_shared:
        findings += _check_references(loaded, workspace)
        findings += _check_period_in_steering(loaded, workspace, today)
    findings += _check_revision(loaded, today)
    findings += _check_placeholders(loaded)
    findings += _check_review_comments(loaded)
    if meetings:
        # A broken `_` file may be the one with the breaks: judging by the defaults would mislead.
        kinds = VALIDATE_KINDS - {"school_break"} if workspace.broken_shared else VALIDATE_KINDS
        findings += entered_meeting_findings(loaded, calendar or school_calendar(workspace), kinds)
    findings += _check_named_roles(loaded, workspace.organisation.municipalities[0])
    findings += _check_own_roles(loaded)
    findings += _check_members(loaded, workspace.organisation.municipalities)
    findings += _check_preference(loaded)
    return findings


def check_shared(workspace: Workspace) -> list[Finding]:
    """The shared files among themselves: duplicate ids, goal lists that name no steering document."""
    findings = []
    steering = workspace.steering_documents
    first_seen: dict[tuple[str, str], str] = {}
    for loaded in workspace.shared:
        shared, source = loaded.shared, loaded.source
        kinds: tuple[tuple[str, str, Sequence[SteeringDocument | Background]], ...] = (
            ("styrdokumentet", "styrdokument", shared.steering_documents),
            ("bakgrunden", "bakgrunder", shared.backgrounds),
        )
        for kind, key, items in kinds:
            for index, item in enumerate(items):
                where = source.locate(key, index, "id")
                if (kind, item.id) in first_seen:
                    findings.append(
                        error(
                            where,
                            "duplicate-id",
                            f"{kind} '{item.id}' finns redan i {first_seen[(kind, item.id)]}",
                            format_key_path((key, index, "id")),
                        )
                    )
                first_seen.setdefault((kind, item.id), str(where))
        findings += _check_school_years(loaded)
        if workspace.broken_shared:
            continue  # references may point into the broken file; its own error says enough
        for b_index, background in enumerate(shared.backgrounds):
            for s_index, block in enumerate(background.blocks):
                if block.goal_list is not None and block.goal_list not in steering:
                    findings.append(
                        error(
                            source.locate("bakgrunder", b_index, "stycken", s_index, "mållista"),
                            "reference",
                            _unknown("okänt styrdokument", block.goal_list, list(steering)),
                            format_key_path(("bakgrunder", b_index, "stycken", s_index, "mållista")),
                        )
                    )
    return findings


def _check_school_years(loaded: LoadedShared) -> list[Finding]:
    """Exact break dates and lovdagar must start in the school year they are listed under."""
    findings = []
    for y_index, school_year in enumerate(loaded.shared.school_years):
        first, last = school_year.first_day, school_year.last_day
        span = f"läsåret {school_year.school_year} (1 juli {first.year}–30 juni {last.year})"
        dated = [("lov", i, "från", b.start, f"{b.name} börjar") for i, b in enumerate(school_year.breaks)]
        dated += [("lovdagar", i, "datum", d.date, d.name) for i, d in enumerate(school_year.extra_days)]
        for key, index, leaf, day, what in dated:
            if not first <= day <= last:
                path = ("läsår", y_index, key, index, leaf)
                findings.append(
                    error(
                        loaded.source.locate(*path),
                        "school-year",
                        f"{what} {day}, utanför {span}",
                        format_key_path(path),
                    )
                )
    return findings


def _check_references(loaded: LoadedMission, workspace: Workspace) -> list[Finding]:
    mission, source = loaded.mission, loaded.source
    findings = []
    backgrounds = workspace.backgrounds
    if mission.background not in backgrounds:
        findings.append(
            error(
                source.locate("bakgrund"),
                "reference",
                _unknown("okänd bakgrund", mission.background, list(backgrounds)),
                "bakgrund",
            )
        )
    findings += _check_own_background(loaded, workspace)
    steering = workspace.steering_documents.get(mission.steering_document)
    if steering is None:
        known = list(workspace.steering_documents)
        findings.append(
            error(
                source.locate("styrdokument"),
                "reference",
                _unknown("okänt styrdokument", mission.steering_document, known),
                "styrdokument",
            )
        )
        return findings
    goal_ids = [g.id for g in steering.goals]
    goal_refs = (
        [(("syfte", "mål", i, "mål"), g.goal) for i, g in enumerate(mission.purpose.goals)]
        + [(("syfte", "fokus", i), g) for i, g in enumerate(mission.purpose.focus)]
        + [(("uppdrag", "grupper", i, "mål"), g.goal) for i, g in enumerate(mission.assignments.groups) if g.goal]
    )
    for path, goal_id in goal_refs:
        if goal_id not in goal_ids:
            message = _unknown("okänt mål", goal_id, goal_ids, f" i {steering.name}")
            findings.append(error(source.locate(*path), "reference", message, format_key_path(path)))
    return findings


UPCOMING_YEAR = "kommande år"  # a period that means the year after today


def covered_years(period: str, today: dt.date) -> tuple[int, int] | None:
    """The years an assignments' period covers: 'kommande år' is the year after today."""
    if period.strip() == UPCOMING_YEAR:
        return today.year + 1, today.year + 1
    return period_years(period)


def _check_period_in_steering(loaded: LoadedMission, workspace: Workspace, today: dt.date) -> list[Finding]:
    """A period the steering document does not cover: usually a file begun with `new --from`
    for the next period, still naming the old strategy."""
    mission = loaded.mission
    steering = workspace.steering_documents.get(mission.steering_document)
    years = covered_years(mission.assignments.period, today)
    own = period_years(steering.period) if steering is not None and steering.period else None
    if steering is None or own is None or years is None or own[0] <= years[0] <= years[1] <= own[1]:
        return []
    how = "sträcker sig utanför" if years[0] <= own[1] and own[0] <= years[1] else "ligger utanför"
    shown = mission.assignments.period
    if mission.assignments.years is None:
        shown += f" ({years[0]})"
    message = (
        f"perioden {shown} {how} styrdokumentet {steering.id} ({steering.period}); "
        "ange styrdokumentet som gäller för perioden under `styrdokument:`"
    )
    return [warning(loaded.source.locate("uppdrag", "period"), "period-outside-steering", message, "uppdrag.period")]


def _check_own_background(loaded: LoadedMission, workspace: Workspace) -> list[Finding]:
    """The network's own version of the background: its goal lists name steering documents, and
    a version that is the shared text word for word is no version of its own."""
    own, source = loaded.mission.own_background, loaded.source
    if own is None:
        return []
    findings = []
    steering = workspace.steering_documents
    for index, block in enumerate(own.blocks):
        if block.goal_list is not None and block.goal_list not in steering:
            path = ("bakgrund_egen", "stycken", index, "mållista")
            message = _unknown("okänt styrdokument", block.goal_list, list(steering))
            findings.append(error(source.locate(*path), "reference", message, format_key_path(path)))
    shared = workspace.backgrounds.get(loaded.mission.background)
    if shared is not None and (shared.heading, shared.blocks) == (own.heading, own.blocks):
        message = (
            f"bakgrund_egen är samma text som den gemensamma bakgrunden '{shared.id}'; "
            "ta bort bakgrund_egen så följer filen den gemensamma texten"
        )
        findings.append(warning(source.locate("bakgrund_egen"), "own-background-unchanged", message, "bakgrund_egen"))
    return findings


def _check_revision(loaded: LoadedMission, today: dt.date) -> list[Finding]:
    mission, source = loaded.mission, loaded.source
    findings = []
    if mission.revised and mission.adopted and mission.revised < mission.adopted:
        findings.append(
            error(
                source.locate("reviderad"),
                "revision",
                f"reviderad {mission.revised} ligger före antagen {mission.adopted}",
                "reviderad",
            )
        )
    if mission.revised and mission.revised > today:
        findings.append(
            warning(
                source.locate("reviderad"), "revision", f"reviderad {mission.revised} ligger i framtiden", "reviderad"
            )
        )
    elif mission.revised and mission.revised < _one_year_before(today):
        findings.append(
            warning(
                source.locate("reviderad"),
                "revision-due",
                f"senast reviderad {mission.revised}, mer än ett år sedan; dags för den årliga revideringen",
                "reviderad",
            )
        )
    years = mission.assignments.years
    if years and years[1] < today.year:
        findings.append(
            warning(
                source.locate("uppdrag", "period"),
                "period-ended",
                f"uppdragsperioden {mission.assignments.period} har löpt ut; {_next_period_advice(mission, source, today)}",
                "uppdrag.period",
            )
        )
    return findings


def _next_period_advice(mission: Mission, source: Source, today: dt.date) -> str:
    """The command that starts the next period, its id named for the year `new` gives it; or,
    once that file is there, to go on with it."""
    following = period_years(next_period(mission.assignments.period, today))
    successor = f"{mission.id}-{following[0] if following else today.year + 1}"
    begun = source.path.with_name(f"{successor}.yaml")
    if os.path.exists(begun):  # False for a name too long to be a file, where Path.exists raises
        return f"nästa period är påbörjad i {begun}; gör klart den och låt den ersätta {source.path.name}"
    return f"börja nästa period med `uppdrag new {successor} --from {mission.id}`"


PLACEHOLDER = "FYLL I"


def _texts(value: object, path: KeyPath) -> list[tuple[KeyPath, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [t for key, item in value.items() for t in _texts(item, path + (key,))]
    if isinstance(value, list):
        return [t for index, item in enumerate(value) for t in _texts(item, path + (index,))]
    return []


def placeholder_message(text: str) -> str:
    """'FYLL I: ordförandens namn' -> 'fyll i ordförandens namn': what to write, said once."""
    rest = text.partition(PLACEHOLDER)[2].lstrip(" :").rstrip(" .")
    return f"fyll i {rest}" if rest else f"fyll i texten som står som '{PLACEHOLDER}'"


def _check_placeholders(loaded: LoadedMission) -> list[Finding]:
    """Texts a person still has to write, as `uppdrag new` marks them."""
    if PLACEHOLDER not in loaded.mission.model_dump_json():  # the common case, told without a walk
        return []  # ("FYLL I" has no character JSON escapes: any text holding it shows it as it is)
    data = loaded.mission.model_dump(by_alias=True, exclude_none=True)
    return [
        warning(loaded.source.locate(*path), "placeholder", placeholder_message(text), format_key_path(path))
        for path, text in _texts(data, ())
        if PLACEHOLDER in text
    ]


UNCHECKED_IMPORT = "unchecked-import"  # the code of a KONTROLLERA comment's warning
REVIEW_TEXT_SHOWN = 100  # characters of a KONTROLLERA comment quoted in its warning


def _check_review_comments(loaded: LoadedMission) -> list[Finding]:
    """The `# KONTROLLERA` comments `uppdrag import` left where it was unsure: each is a check a
    person still owes, as a FYLL I is a text they owe, until they remove the comment. Only
    validate sees them: a comment is nothing to the JSON Schema."""
    source = loaded.source
    findings = []
    for position, text in source.source_map.review_comments:
        what = f"'{shortened(text, REVIEW_TEXT_SHOWN)}'" if text else "det som står under kommentaren"
        message = f"märkt {REVIEW_MARK}: {what}; se efter att det stämmer och ta sedan bort kommentaren"
        findings.append(warning(Location(source.display, position.line, position.column), UNCHECKED_IMPORT, message))
    return findings


NAMED_ROLES = ("ordförande", "sekreterare", CONVENER)  # the roles a document names a person for


def _check_named_roles(loaded: LoadedMission, example_municipality: str) -> list[Finding]:
    """A chair, secretary or convener without anyone in the role: the document would name nobody."""
    findings = []
    for index, role in enumerate(loaded.mission.roles):
        named = [k for k in role.kinds if k in NAMED_ROLES]
        if named and not role.people:
            findings.append(
                warning(
                    loaded.source.locate("roller", index, "roll"),
                    "role-unfilled",
                    f"ingen {' eller '.join(named)} angiven; skriv vem under rollen, t.ex. "
                    f"`personer: [{{namn: Anna Andersson, kommun: {example_municipality}}}]`",
                    format_key_path(("roller", index)),
                )
            )
    return findings


def _check_own_roles(loaded: LoadedMission) -> list[Finding]:
    """An own role name a slip away from a known kind ('ordförnde'): the known kind's rules and
    warnings would silently not apply, so say which one was likely meant."""
    findings = []
    values = loaded.source.source_map.values
    for r_index, role in enumerate(loaded.mission.roles):
        for k_index, kind in enumerate(role.kinds):
            meant = near_miss(kind, ROLLER) if kind in role.own_kinds else None
            if meant is None:
                continue
            path: KeyPath = ("roller", r_index, "roll", k_index)
            if path not in values:  # `roll: ordförnde`, a single name
                path = path[:-1]
            message = f"egen roll '{kind}'; menade du '{meant}'?"
            findings.append(warning(loaded.source.locate(*path), "own-role", message, format_key_path(path)))
    return findings


def _check_members(loaded: LoadedMission, municipalities: Sequence[str]) -> list[Finding]:
    """With every municipality to take part, each should have a member."""
    mission = loaded.mission
    if not (mission.members and mission.meetings and mission.meetings.all_municipalities):
        return []
    represented = {member.municipality for member in mission.members}
    return [
        warning(loaded.source.locate("medlemmar"), "members-missing", f"inga medlemmar från {name}", "medlemmar")
        for name in municipalities
        if name not in represented
    ]


def _check_preference(loaded: LoadedMission) -> list[Finding]:
    """A preference for no weekday says nothing: likely the weekdays were forgotten."""
    rule = loaded.mission.meetings
    if rule is None or not rule.preferred or rule.weekdays:
        return []
    message = "företrädesvis utan veckodagar säger ingenting; ange `veckodagar:` eller ta bort `företrädesvis`"
    path = ("möten", "företrädesvis")
    return [warning(loaded.source.locate(*path), "preference", message, format_key_path(path))]


def _one_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)

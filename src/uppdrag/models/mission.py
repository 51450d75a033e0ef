"""One network's uppdragsbeskrivning (`<id>.yaml`): purpose, assignments, roles, meetings, layout."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from uppdrag.models.common import (
    ROLLER,
    TEXT_PATTERN,
    Clock,
    Date,
    Email,
    GoalId,
    Id,
    Kommun,
    Model,
    Text,
    Veckodag,
    _int_to_str,
    _integral_float,
    join_swedish,
    period_years,
    weekday_plural,
)
from uppdrag.models.shared import BackgroundText


class FocusGoal(Model):
    model_config = ConfigDict(title="Mål i fokus")

    goal: GoalId = Field(alias="mål", description="Målets id i styrdokumentet.")
    heading: Text | None = Field(
        None,
        alias="rubrik",
        description="Målets rubrik som originalet skriver den; utelämnas för t.ex. 'Mål 2: Höjd utbildningsnivå'.",
    )
    subgoals: list[Text] | None = Field(
        None,
        alias="delmål",
        description="Nätverkets egna punkter under målet; utelämnas för att visa styrdokumentets delmål.",
    )


class Purpose(Model):
    model_config = ConfigDict(
        title="Syfte",
        # What _not_empty says, for the schema: some text, goals or bullets.
        json_schema_extra={
            "anyOf": [
                {"required": [key], "properties": {key: {"minItems": 1, "description": "Minst en."}}}
                for key in ("text", "mål", "punkter")
            ]
        },
    )

    paragraphs: list[Text] = Field(default=[], alias="text", description="Stycken som beskriver syftet.")
    goals: list[FocusGoal] = Field(default=[], alias="mål", description="Målen som visas, med delmål.")
    bullets: list[Text] = Field(default=[], alias="punkter", description="Punktlista efter texten.")
    focus: list[GoalId] = Field(
        default=[],
        alias="fokus",
        description="Mål som nätverket fokuserar på utan att de listas (används i rapporter).",
    )
    numbered: Annotated[bool, Strict()] = Field(
        False,
        alias="numrerad",
        description="Visa målen som numrerad lista med delmålen som punkter, i stället för en rubrik per mål.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Purpose:
        if not (self.paragraphs or self.goals or self.bullets):
            raise ValueError("syftet behöver 'text', 'mål' eller 'punkter'")
        return self

    def goal_ids(self) -> list[str]:
        ids = [g.goal for g in self.goals] + list(self.focus)
        return list(dict.fromkeys(ids))


class AssignmentGroup(Model):
    model_config = ConfigDict(title="Uppdragsgrupp")

    goal: GoalId | None = Field(None, alias="mål", description="Målet som uppdragen tjänar.")
    heading: Text | None = Field(
        None,
        alias="rubrik",
        description="Gruppens rubrik som originalet skriver den; utelämnas för målets nummer och namn.",
    )
    reporting: Text | None = Field(
        None,
        alias="återrapportering",
        description="Hur uppdragen återrapporteras, t.ex. 'till skolchefer löpande under året'.",
    )
    items: list[Text] = Field(alias="punkter", min_length=1, description="Uppdragen, ett per punkt.")


class Assignments(Model):
    model_config = ConfigDict(title="Uppdrag")

    period: Annotated[
        Text,
        BeforeValidator(_int_to_str),  # `period: 2021` is a year, not a type error
        WithJsonSchema({"type": ["string", "integer"], "minLength": 1}),
    ] = Field(description="Perioden uppdragen gäller: 'kommande år', ett år (2021) eller '2023–2026'.")
    intro: Text | None = Field(
        None,
        alias="inledning",
        description=(
            "Meningen före uppdragen som originalet skriver den; utelämnas för "
            "'Skolchefsnätverket ger följande uppdrag …' med perioden."
        ),
    )
    groups: list[AssignmentGroup] = Field(
        alias="grupper", min_length=1, description="Uppdragen, grupperade efter det mål de tjänar."
    )

    @field_validator("period")
    @classmethod
    def _ordered_years(cls, period: str) -> str:
        years = period_years(period)
        if years and years[0] > years[1]:
            raise ValueError(f"perioden slutar ({years[1]}) före den börjar ({years[0]})")
        return period

    @property
    def years(self) -> tuple[int, int] | None:
        return period_years(self.period)

    @property
    def intro_sentence(self) -> str:
        """The document's own sentence, else 'Skolchefsnätverket ger följande uppdrag för 2021:'."""
        return self.intro or f"Skolchefsnätverket ger följande uppdrag {self.phrase}:"

    @property
    def phrase(self) -> str:
        """'för kommande år', 'för 2021', 'under perioden 2023–2026'."""
        years = self.years
        if years and years[0] != years[1]:
            return f"under perioden {years[0]}–{years[1]}"
        return f"för {self.period}"


def _one_or_many(value: Any) -> Any:
    # One name is a list of one; so is a number, which the list's item then refuses as no text.
    return value if isinstance(value, (list, dict)) or value is None else [value]


class Person(Model):
    model_config = ConfigDict(title="Person")

    name: Text = Field(alias="namn", description="För- och efternamn.")
    municipality: Kommun | None = Field(
        None, alias="kommun", description="Kommunen personen företräder; utelämnas när dokumentet inte säger den."
    )
    title: Text | None = Field(
        None, alias="titel", description="Personens titel, t.ex. 'rektor' eller 'förvaltningschef'."
    )
    email: Email | None = Field(None, alias="e-post", description="Personens e-postadress.")

    @property
    def name_and_municipality(self) -> str:
        """'Anna Andersson, Lidköping', or the name alone: who a person is, in a table cell."""
        return f"{self.name}, {self.municipality}" if self.municipality else self.name

    @property
    def line(self) -> str:
        """'Anna Andersson, rektor, Lidköping, anna@exempel.se': the person as one line of text."""
        return ", ".join(part for part in (self.name, self.title, self.municipality, self.email) if part)


# A role name is text: one of ROLLER (with their rules) or the network's own, such as
# "sammankallande"; validate warns when an own name is close to a known one.
_ROLE_NAME_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "pattern": TEXT_PATTERN,
    "examples": [*ROLLER, "sammankallande", "processledare", "kontaktperson"],
}
CONVENER = "sammankallande"  # the most common own role: a convener, often instead of a chair


class Role(Model):
    model_config = ConfigDict(title="Roll")

    kinds: Annotated[
        list[Text],
        BeforeValidator(_one_or_many),
        WithJsonSchema(
            {
                "anyOf": [_ROLE_NAME_SCHEMA, {"type": "array", "items": _ROLE_NAME_SCHEMA, "minItems": 1}],
                "description": (
                    "Rollen, eller flera roller som en och samma funktion har: ordförande, sekreterare, "
                    "presidium, skol- och utbildningschef, eller nätverkets egen roll som text, "
                    "t.ex. 'sammankallande' eller 'processledare'."
                ),
            }
        ),
    ] = Field(alias="roll", min_length=1, description="Rollen, eller flera roller som en och samma funktion har.")
    heading: Text | None = Field(None, alias="rubrik", description="Egen rubrik i stället för rollens namn.")
    duties: list[Text] = Field(alias="ansvar", min_length=1, description="Rollens uppgifter, en mening per punkt.")
    people: list[Person] = Field(default=[], alias="personer", description="Personer som har rollen.")

    @property
    def title(self) -> str:
        """The heading: the file's own, else the role's name with a capital first letter."""
        if self.heading:
            return self.heading
        name = "/".join(self.kinds)
        return name[:1].upper() + name[1:]

    @property
    def own_kinds(self) -> list[str]:
        """The role names that are the network's own, not one of the four known kinds."""
        return [kind for kind in self.kinds if kind not in ROLLER]


class Meeting(Model):
    # What _after_start says of a lone end time, for the schema (the order of the times it cannot say).
    model_config = ConfigDict(title="Möte", json_schema_extra={"dependentRequired": {"slut": ["start"]}})

    date: Date = Field(alias="datum", description="Mötets datum, ÅÅÅÅ-MM-DD.")
    start: Clock | None = Field(None, description='Starttid TT:MM, t.ex. "09:00".')
    end: Clock | None = Field(None, alias="slut", description="Sluttid TT:MM; efter starttiden.")
    place: Text | None = Field(None, alias="plats", description="Var mötet hålls.")
    present: list[Kommun] = Field(default=[], alias="närvarande", description="Kommuner som var med.")
    minutes: Text | None = Field(
        None, alias="minnesanteckningar", description="Länk till publicerade minnesanteckningar."
    )

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: str | None, info: Any) -> str | None:
        start = info.data.get("start")
        if end is not None and start is None:
            raise ValueError("'slut' kräver 'start'")
        if end is not None and start is not None and end <= start:
            raise ValueError(f"sluttiden {end} måste vara efter starttiden {start}")
        return end


Count = Annotated[int, Strict(), Field(ge=1), BeforeValidator(_integral_float)]


class MeetingRule(Model):
    model_config = ConfigDict(title="Möten")

    minimum: Count | None = Field(
        None, alias="minst_per_år", description="Minsta antal möten per kalenderår; utelämnas om inget anges."
    )
    per_school_year: Count | None = Field(
        None,
        alias="minst_per_läsår",
        description="Minsta antal möten per läsår (augusti–juni); utelämnas om inget anges.",
    )
    per_term: Count | None = Field(
        None,
        alias="minst_per_termin",
        description="Minsta antal möten per termin (vårtermin januari–juni, hösttermin augusti–december).",
    )
    weekdays: list[Veckodag] = Field(
        default=[],
        alias="veckodagar",
        description="Veckodagar då möten hålls; flera är alternativ (den ena eller den andra).",
    )
    preferred: Annotated[bool, Strict()] = Field(
        False,
        alias="företrädesvis",
        description="Veckodagarna är önskemål ('företrädesvis på måndagar'), inget krav: ett möte en annan dag är en varning.",
    )
    all_municipalities: Annotated[bool, Strict()] = Field(
        False, alias="alla_kommuner", description="Alla kommuner i organisationen ska vara företrädda."
    )
    minutes_note: Text | None = Field(
        None, alias="minnesanteckningar", description="Var minnesanteckningar publiceras (löptext)."
    )
    meetings: list[Meeting] = Field(default=[], alias="träffar", description="Planerade och hållna möten.")

    @property
    def minimums(self) -> list[tuple[int, str]]:
        """The stated minimums, shortest period first: [(2, 'termin'), (4, 'läsår'), (6, 'år')]."""
        stated = ((self.per_term, "termin"), (self.per_school_year, "läsår"), (self.minimum, "år"))
        return [(count, period) for count, period in stated if count is not None]

    @property
    def has_rule(self) -> bool:
        return bool(self.minimums or self.weekdays)

    def _days(self, preference: str) -> str:
        """'på fredagar', 'företrädesvis på måndagar eller tisdagar'; '' without weekdays."""
        if not self.weekdays:
            return ""
        days = "på " + join_swedish([weekday_plural(d) for d in self.weekdays], "eller")
        return f"{preference} {days}" if self.preferred else days

    @property
    def sentence(self) -> str | None:
        """'Minst 2 möten per termin och minst 4 per läsår, företrädesvis på måndagar eller tisdagar.':
        generated, so rule and text cannot disagree."""
        minimums, days = self.minimums, self._days("företrädesvis")
        if not minimums:
            return f"Möten hålls {days}." if days else None
        first, period = minimums[0]
        parts = [f"Minst {first} {'möte' if first == 1 else 'möten'} per {period}"]
        parts += [f"minst {count} per {period}" for count, period in minimums[1:]]
        text = join_swedish(parts)
        if days:
            text += (", " if self.preferred else " ") + days
        return text + "."

    @property
    def short(self) -> str:
        """'4/år på fredagar', '2/termin, 4/läsår, helst på måndagar eller tisdagar': the rule in a table cell."""
        if not self.has_rule:
            return "ingen regel"
        counts = ", ".join(f"{count}/{period}" for count, period in self.minimums)
        days = self._days("helst")
        if not counts:
            return days
        return counts + ((", " if self.preferred else " ") + days if days else "")

    @property
    def all_municipalities_sentence(self) -> str | None:
        if not self.all_municipalities:
            return None
        return (
            "Samtliga kommuner ska på egen hand eller genom samarbete med annan/andra kommuner "
            "vara företrädd och delta i nätverkets arbete."
        )


Part = Literal["bakgrund", "syfte", "uppdrag", "roller", "medlemmar", "möten"]
MEMBERS_PART: Part = "medlemmar"  # a part only a file with `medlemmar` has
PARTS: tuple[Part, ...] = tuple(p for p in get_args(Part) if p != MEMBERS_PART)  # every file's parts
DEFAULT_HEADINGS: dict[str, str] = {
    "bakgrund": "Bakgrund",
    "syfte": "Syfte/uppdrag",
    "uppdrag": "Uppdrag",
    "roller": "Roller och ansvar",
    "medlemmar": "Nätverkets medlemmar",
    "möten": "Möten",
}


def _parts(with_members: bool) -> tuple[Part, ...]:
    """The parts a file has, in the default order: members right after the roles."""
    if not with_members:
        return PARTS
    roles = PARTS.index("roller") + 1
    return (*PARTS[:roles], MEMBERS_PART, *PARTS[roles:])


class Section(Model):
    model_config = ConfigDict(title="Avsnitt")

    part: Part = Field(
        alias="del",
        description="Vilken del: bakgrund, syfte, uppdrag, roller, medlemmar (när filen har medlemmar) eller möten.",
    )
    heading: Text | None = Field(
        None,
        alias="rubrik",
        description="Rubriken som originalet skriver den; utelämnas när delen saknar egen rubrik.",
    )


def default_layout(with_members: bool) -> list[Section]:
    """The sections of a file without `avsnitt`: every part in the default order and headings."""
    return [Section(part=p, heading=DEFAULT_HEADINGS[p]) for p in _parts(with_members)]


def _members_schema(schema: dict[str, Any]) -> None:
    """What the sections' check says of members, for the schema: the part `medlemmar` exactly
    when the file has members. And `medlemmar` listed where files have it, after `roller` (the
    model declares it earlier only so that the sections' check can see it)."""
    properties = schema["properties"]
    order = [key for key in properties if key != "medlemmar"]
    order.insert(order.index("roller") + 1, "medlemmar")
    schema["properties"] = {key: properties[key] for key in order}
    part = {"properties": {"del": {"const": MEMBERS_PART, "description": "Delen medlemmar."}}, "required": ["del"]}
    has_members = {"type": "array", "minItems": 1, "description": "Minst en medlem."}
    schema["if"] = {"required": ["medlemmar"], "properties": {"medlemmar": has_members}}
    schema["then"] = {
        "properties": {"avsnitt": {"contains": part, "description": "Med medlemmar: delen medlemmar ska finnas."}}
    }
    schema["else"] = {
        "properties": {"avsnitt": {"items": {"not": part}, "description": "Utan medlemmar: ingen del medlemmar."}}
    }


class Mission(Model):
    """One network's uppdragsbeskrivning."""

    model_config = ConfigDict(
        title="Uppdragsbeskrivning",
        json_schema_extra=_members_schema,
    )

    id: Id = Field(description="Nätverkets id; samma som filnamnet utan .yaml.")
    name: Text = Field(alias="namn", description="Nätverkets namn som det står i rubriken, t.ex. 'Förskola'.")
    steering_document: Id = Field(alias="styrdokument", description="Id för styrdokumentet i en _-fil.")
    background: Id = Field(alias="bakgrund", description="Id för den gemensamma bakgrundstexten i en _-fil.")
    own_background: BackgroundText | None = Field(
        None,
        alias="bakgrund_egen",
        description=(
            "Nätverkets egen version av den gemensamma bakgrunden som 'bakgrund' anger: visas i stället "
            "för den gemensamma texten (bakgrund_tillägg följer efter). Samma form som en gemensam "
            "bakgrund, utan id."
        ),
    )
    background_additions: list[Text] = Field(
        default=[],
        alias="bakgrund_tillägg",
        description="Nätverkets egna stycken efter den gemensamma bakgrunden.",
    )
    # Declared before `avsnitt` so that its check sees the members (a field sees the ones before it).
    members: list[Person] = Field(
        default=[],
        alias="medlemmar",
        description=(
            "Nätverkets medlemmar, en eller flera per kommun (kommunrepresentanter); inte presidiet. "
            "Skrivs efter roller."
        ),
    )
    sections: list[Section] | None = Field(
        None,
        alias="avsnitt",
        description=(
            "Dokumentets avsnitt i originalets ordning med originalets rubriker; varje del en gång, "
            "delen medlemmar när filen har medlemmar. Utelämnas för Bakgrund, Syfte/uppdrag, Uppdrag, "
            "Roller och ansvar, (Nätverkets medlemmar,) Möten."
        ),
    )
    adopted: Date | None = Field(None, alias="antagen", description="När uppdragsbeskrivningen antogs.")
    revised: Date | None = Field(None, alias="reviderad", description="När den senast reviderades.")
    revised_by: Text | None = Field(None, alias="reviderad_av", description="Vem som reviderade den.")
    purpose: Purpose = Field(alias="syfte", description="Syfte och fokus bland styrdokumentets mål.")
    assignments: Assignments = Field(alias="uppdrag", description="Skolchefsnätverkets uppdrag till nätverket.")
    roles: list[Role] = Field(alias="roller", min_length=1, description="Roller och ansvar.")
    meetings: MeetingRule | None = Field(None, alias="möten", description="Regler för möten och mötena själva.")

    @field_validator("sections")
    @classmethod
    def _every_part_once(cls, sections: list[Section] | None, info: ValidationInfo) -> list[Section] | None:
        if sections is None:
            return None
        parts = [s.part for s in sections]
        for part in get_args(Part):
            if parts.count(part) > 1:
                raise ValueError(f"delen '{part}' finns två gånger; ange varje del en gång")
        if "members" not in info.data:
            return sections  # the members are broken and told; whether they need a part is unknown
        has_members = bool(info.data["members"])
        if MEMBERS_PART in parts and not has_members:
            raise ValueError(
                f"delen '{MEMBERS_PART}' finns men filen har inga medlemmar; lägg till `medlemmar:` eller ta bort delen"
            )
        required = _parts(has_members)
        missing = [p for p in required if p not in parts]
        if missing:
            count = "alla sex delar" if has_members else "alla fem delar"
            raise ValueError(f"delen '{missing[0]}' saknas; ange {count} ({', '.join(required)}) i dokumentets ordning")
        return sections

    def layout(self) -> list[Section]:
        """The sections in order: the document's own, else the default layout."""
        if self.sections is not None:
            return list(self.sections)
        return default_layout(bool(self.members))

    def role(self, kind: str) -> Role | None:
        return next((r for r in self.roles if kind in r.kinds), None)

    def roles_named(self, kind: str) -> list[Role]:
        """Every role with this name, an own name compared without case ('Sammankallande')."""
        return [r for r in self.roles if kind.casefold() in (k.casefold() for k in r.kinds)]

    def goal_ids(self) -> list[str]:
        """Every goal the network works on: its stated focus and its assignments' goals."""
        ids = self.purpose.goal_ids() + [g.goal for g in self.assignments.groups if g.goal]
        return list(dict.fromkeys(ids))

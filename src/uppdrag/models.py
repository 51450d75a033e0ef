"""Pydantic models of the YAML files: Swedish keys (aliases) over English attribute names.

Field descriptions are the documentation of the file format: `uppdrag schema` publishes them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

KOMMUNER: tuple[str, ...] = (
    "Essunga", "Falköping", "Grästorp", "Gullspång", "Götene", "Hjo", "Karlsborg", "Lidköping",
    "Mariestad", "Skara", "Skövde", "Tibro", "Tidaholm", "Töreboda", "Vara",
)  # fmt: skip
VECKODAGAR: tuple[str, ...] = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
ROLLER: tuple[str, ...] = ("ordförande", "sekreterare", "presidium", "skol- och utbildningschef")

Kommun = Literal[KOMMUNER]  # type: ignore[valid-type]
Veckodag = Literal[VECKODAGAR]  # type: ignore[valid-type]
Rollslag = Literal[ROLLER]  # type: ignore[valid-type]
assert get_args(Kommun) == KOMMUNER

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_HINT = "använd små bokstäver a–z, siffror och bindestreck"
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="Id: små bokstäver a–z, siffror och bindestreck, t.ex. 'forskola'."),
]
Clock = Annotated[
    str,
    StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"),
    Field(description='Klockslag TT:MM, t.ex. "09:00".'),
]
Date = Annotated[dt.date, Strict(), Field(description="Datum ÅÅÅÅ-MM-DD.")]


def is_valid_id(text: str) -> bool:
    return re.fullmatch(ID_PATTERN, text) is not None


def _int_to_str(value: Any) -> Any:
    # People write `mål: 2` and `period: 2021`; both are text, so "tillägg" and "kommande år" fit.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


GoalId = Annotated[
    str,
    BeforeValidator(_int_to_str),
    StringConstraints(min_length=1),
    WithJsonSchema(
        {"type": ["string", "integer"], "description": "Id för ett mål i styrdokumentet, t.ex. 2 eller 'tillägg'."}
    ),
]

_YEARS = re.compile(r"^(\d{4})(?:\s*[-–]\s*(\d{4}))?$")


def period_years(period: str) -> tuple[int, int] | None:
    """'2021' -> (2021, 2021); '2023–2026' -> (2023, 2026); 'kommande år' -> None."""
    match = _YEARS.match(period.strip())
    if not match:
        return None
    start = int(match.group(1))
    return start, int(match.group(2) or start)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


# --- shared files (`_*.yaml`) -------------------------------------------------------------


class Goal(Model):
    model_config = ConfigDict(title="Mål")

    id: GoalId = Field(description="Målets id inom styrdokumentet, t.ex. 1, 2, 3 eller 'tillägg'.")
    name: Text = Field(alias="namn", description="Målets namn, t.ex. 'Höjd utbildningsnivå'.")
    description: Text | None = Field(
        None, alias="beskrivning", description="Kort förklaring av målet, visas inom parentes."
    )
    subgoals: list[Text] = Field(default=[], alias="delmål", description="Styrdokumentets delmål.")


class SteeringDocument(Model):
    model_config = ConfigDict(title="Styrdokument")

    id: Id
    name: Text = Field(alias="namn", description="Styrdokumentets namn, t.ex. 'Måldokument Utbildning Skaraborg'.")
    goal_word: Literal["mål", "prioriterat utvecklingsområde"] = Field(
        "mål",
        alias="benämning",
        description="Vad styrdokumentet kallar sina mål: 'mål' eller 'prioriterat utvecklingsområde'.",
    )
    period: Text | None = Field(None, description="Giltighetstid, t.ex. '2023–2026'.")
    goals: list[Goal] = Field(alias="mål", min_length=1, description="Målen i den ordning dokumentet har dem.")

    @field_validator("goals")
    @classmethod
    def _unique_goal_ids(cls, goals: list[Goal]) -> list[Goal]:
        seen: set[str] = set()
        for goal in goals:
            if goal.id in seen:
                raise ValueError(f"målet '{goal.id}' finns två gånger")
            seen.add(goal.id)
        return goals

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def goal_label(self, goal: Goal) -> str:
        """'Mål 2' or 'Prioriterat utvecklingsområde 1'; a goal without a number is named."""
        if goal.id.isdigit():
            return f"{self.goal_word.capitalize()} {goal.id}"
        return goal.name

    def goal_title(self, goal: Goal) -> str:
        """'Mål 2: Höjd utbildningsnivå'; a goal without a number is just its name."""
        label = self.goal_label(goal)
        return label if label == goal.name else f"{label}: {goal.name}"


class Block(Model):
    """A piece of shared text: a paragraph, a bullet list, or a steering document's goals."""

    model_config = ConfigDict(title="Stycke")

    text: Text | None = Field(None, description="Ett stycke löptext.")
    bullets: list[Text] | None = Field(None, alias="punkter", description="En punktlista.")
    goal_list: Id | None = Field(
        None, alias="mållista", description="Id för ett styrdokument vars mål visas som numrerad lista."
    )

    @model_validator(mode="before")
    @classmethod
    def _paragraph_shorthand(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _exactly_one(self) -> Block:
        if sum(v is not None for v in (self.text, self.bullets, self.goal_list)) != 1:
            raise ValueError("ett stycke är antingen en text, 'punkter' eller 'mållista'")
        return self


_ID_SCHEMA = {"type": "string", "pattern": ID_PATTERN}
BlockInput = Annotated[
    Block,
    # A bare string is a paragraph: the schema says so, since the model only sees the mapping.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1, "description": "Ett stycke löptext."},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "minProperties": 1,
                    "maxProperties": 1,
                    "properties": {
                        "text": {"type": "string", "minLength": 1, "description": "Ett stycke löptext."},
                        "punkter": {
                            "type": "array",
                            "items": {"type": "string", "minLength": 1},
                            "description": "En punktlista.",
                        },
                        "mållista": {
                            **_ID_SCHEMA,
                            "description": "Id för ett styrdokument vars mål visas som numrerad lista.",
                        },
                    },
                },
            ],
            "description": "Ett stycke: en text, en punktlista eller ett styrdokuments mål.",
        }
    ),
]


class Background(Model):
    model_config = ConfigDict(title="Bakgrund")

    id: Id
    heading: Text | None = Field(None, alias="rubrik", description="Underrubrik överst i bakgrunden.")
    blocks: list[BlockInput] = Field(
        alias="stycken", min_length=1, description="Stycken, punktlistor och mållistor i ordning."
    )


class SchoolBreak(Model):
    model_config = ConfigDict(title="Lov")

    name: Text = Field(alias="namn", description="Lovets namn, t.ex. 'höstlov'.")
    week: int | None = Field(None, alias="vecka", ge=1, le=53, description="ISO-vecka som lovet ligger i varje år.")
    start: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{2}$")] | None = Field(
        None, alias="från", description="Första dagen, MM-DD (för lov som inte följer en vecka)."
    )
    end: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{2}$")] | None = Field(
        None, alias="till", description="Sista dagen, MM-DD; får ligga i nästa år (jullov)."
    )

    @model_validator(mode="after")
    def _week_or_dates(self) -> SchoolBreak:
        if (self.week is None) == (self.start is None or self.end is None):
            raise ValueError("ange antingen 'vecka' eller både 'från' och 'till'")
        return self


class SharedFile(Model):
    """A `_*.yaml` file: what several networks share."""

    model_config = ConfigDict(title="Delad fil")

    steering_documents: list[SteeringDocument] = Field(
        default=[], alias="styrdokument", description="Styrdokument med mål och delmål."
    )
    backgrounds: list[Background] = Field(
        default=[], alias="bakgrunder", description="Gemensamma bakgrundstexter som uppdragen hänvisar till."
    )
    school_breaks: list[SchoolBreak] | None = Field(
        None, alias="lov", description="Skollov som mötesplaneringen undviker."
    )


# --- mission files (`<id>.yaml`) ----------------------------------------------------------


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
    model_config = ConfigDict(title="Syfte")

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
    return [value] if isinstance(value, str) else value


class Person(Model):
    model_config = ConfigDict(title="Person")

    name: Text = Field(alias="namn", description="För- och efternamn.")
    municipality: Kommun = Field(alias="kommun", description="Kommunen personen företräder.")


class Role(Model):
    model_config = ConfigDict(title="Roll")

    kinds: Annotated[
        list[Rollslag],
        BeforeValidator(_one_or_many),
        WithJsonSchema(
            {
                "anyOf": [
                    {"enum": list(ROLLER)},
                    {"type": "array", "items": {"enum": list(ROLLER)}, "minItems": 1},
                ],
                "description": "Rollen, eller flera roller som en och samma funktion har.",
            }
        ),
    ] = Field(alias="roll", min_length=1, description="Rollen, eller flera roller som en och samma funktion har.")
    heading: Text | None = Field(None, alias="rubrik", description="Egen rubrik i stället för rollens namn.")
    duties: list[Text] = Field(alias="ansvar", min_length=1, description="Rollens uppgifter, en mening per punkt.")
    people: list[Person] = Field(default=[], alias="personer", description="Personer som har rollen.")

    @property
    def title(self) -> str:
        if self.heading:
            return self.heading
        return "/".join(self.kinds).capitalize()


class Meeting(Model):
    model_config = ConfigDict(title="Möte")

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


class MeetingRule(Model):
    model_config = ConfigDict(title="Möten")

    minimum: Annotated[int, Strict()] | None = Field(
        None, alias="minst_per_år", ge=1, description="Minsta antal möten per år; utelämnas om inget anges."
    )
    weekdays: list[Veckodag] = Field(default=[], alias="veckodagar", description="Veckodagar då möten hålls.")
    all_municipalities: Annotated[bool, Strict()] = Field(
        False, alias="alla_kommuner", description="Alla 15 kommuner ska vara företrädda."
    )
    minutes_note: Text | None = Field(
        None, alias="minnesanteckningar", description="Var minnesanteckningar publiceras (löptext)."
    )
    meetings: list[Meeting] = Field(default=[], alias="träffar", description="Planerade och hållna möten.")

    @property
    def sentence(self) -> str | None:
        """'Minst 4 möten per år på fredagar.': generated, so rule and text cannot disagree."""
        if self.minimum is None:
            return None
        noun = "möte" if self.minimum == 1 else "möten"
        text = f"Minst {self.minimum} {noun} per år"
        if self.weekdays:
            text += " på " + join_swedish([weekday_plural(d) for d in self.weekdays])
        return text + "."

    @property
    def all_municipalities_sentence(self) -> str | None:
        if not self.all_municipalities:
            return None
        return (
            "Samtliga kommuner ska på egen hand eller genom samarbete med annan/andra kommuner "
            "vara företrädd och delta i nätverkets arbete."
        )


def weekday_plural(day: str) -> str:
    """'fredag' -> 'fredagar'."""
    return day + "ar"


def join_swedish(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


PARTS: tuple[str, ...] = ("bakgrund", "syfte", "uppdrag", "roller", "möten")
Part = Literal[PARTS]  # type: ignore[valid-type]
DEFAULT_HEADINGS: dict[str, str] = {
    "bakgrund": "Bakgrund",
    "syfte": "Syfte/uppdrag",
    "uppdrag": "Uppdrag",
    "roller": "Roller och ansvar",
    "möten": "Möten",
}


class Section(Model):
    model_config = ConfigDict(title="Avsnitt")

    part: Part = Field(alias="del", description="Vilken del: bakgrund, syfte, uppdrag, roller eller möten.")
    heading: Text | None = Field(
        None,
        alias="rubrik",
        description="Rubriken som originalet skriver den; utelämnas när delen saknar egen rubrik.",
    )


class Mission(Model):
    """One network's uppdragsbeskrivning."""

    model_config = ConfigDict(title="Uppdragsbeskrivning")

    id: Id = Field(description="Nätverkets id; samma som filnamnet utan .yaml.")
    name: Text = Field(alias="namn", description="Nätverkets namn som det står i rubriken, t.ex. 'Förskola'.")
    steering_document: Id = Field(alias="styrdokument", description="Id för styrdokumentet i en _-fil.")
    background: Id = Field(alias="bakgrund", description="Id för den gemensamma bakgrundstexten i en _-fil.")
    background_additions: list[Text] = Field(
        default=[],
        alias="bakgrund_tillägg",
        description="Nätverkets egna stycken efter den gemensamma bakgrunden.",
    )
    sections: list[Section] | None = Field(
        None,
        alias="avsnitt",
        description=(
            "Dokumentets avsnitt i originalets ordning med originalets rubriker; varje del en gång. "
            "Utelämnas för Bakgrund, Syfte/uppdrag, Uppdrag, Roller och ansvar, Möten."
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
    def _every_part_once(cls, sections: list[Section] | None) -> list[Section] | None:
        if sections is None:
            return None
        parts = [s.part for s in sections]
        for part in PARTS:
            if parts.count(part) > 1:
                raise ValueError(f"delen '{part}' finns två gånger; ange varje del en gång")
        missing = [p for p in PARTS if p not in parts]
        if missing:
            raise ValueError(
                f"delen '{missing[0]}' saknas; ange alla fem delar ({', '.join(PARTS)}) i dokumentets ordning"
            )
        return sections

    def layout(self) -> list[Section]:
        """The sections in order: the document's own, else the default layout."""
        if self.sections is not None:
            return list(self.sections)
        return [Section(part=p, heading=DEFAULT_HEADINGS[p]) for p in PARTS]

    def role(self, kind: str) -> Role | None:
        return next((r for r in self.roles if kind in r.kinds), None)

    def goal_ids(self) -> list[str]:
        """Every goal the network works on: its stated focus and its assignments' goals."""
        ids = self.purpose.goal_ids() + [g.goal for g in self.assignments.groups if g.goal]
        return list(dict.fromkeys(ids))

"""The shared `_*.yaml` files: steering documents, background texts, school breaks."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from uppdrag.models.common import (
    ID_PATTERN,
    Date,
    EasterRule,
    GoalId,
    Id,
    Model,
    MonthDay,
    Municipalities,
    Text,
    _integral_float,
)
from uppdrag.models.organisation import Organisation


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


# A background's text: what a shared background holds, and what a network's own version of one
# holds (`bakgrund_egen`). A comment, not a docstring: a docstring would be the schema's description.
class BackgroundText(Model):
    model_config = ConfigDict(
        title="Bakgrundstext",
        json_schema_extra={"description": "En bakgrunds text: underrubrik och stycken, utan id."},
    )

    heading: Text | None = Field(None, alias="rubrik", description="Underrubrik överst i bakgrunden.")
    blocks: list[BlockInput] = Field(
        alias="stycken", min_length=1, description="Stycken, punktlistor och mållistor i ordning."
    )


def _id_first(schema: dict[str, Any]) -> None:
    """The id first in the schema, as in the files (a subclass's own fields come last)."""
    schema["properties"] = {"id": schema["properties"].pop("id"), **schema["properties"]}
    schema["required"] = ["id", *(key for key in schema["required"] if key != "id")]


class Background(BackgroundText):
    model_config = ConfigDict(title="Bakgrund", json_schema_extra=_id_first)

    id: Id


class SchoolBreak(Model):
    """A break that comes back every year: a week, the same dates, or a week by Easter."""

    model_config = ConfigDict(
        title="Lov",
        # What the validator below says, for the schema: a week, both dates, or the Easter rule.
        json_schema_extra={"oneOf": [{"required": ["vecka"]}, {"required": ["från", "till"]}, {"required": ["påsk"]}]},
    )

    name: Text = Field(alias="namn", description="Lovets namn, t.ex. 'höstlov'.")
    week: Annotated[int, Field(ge=1, le=53), BeforeValidator(_integral_float)] | None = Field(
        None, alias="vecka", description="ISO-vecka som lovet ligger i varje år."
    )
    start: MonthDay | None = Field(
        None, alias="från", description="Första dagen, MM-DD (för lov som inte följer en vecka)."
    )
    end: MonthDay | None = Field(None, alias="till", description="Sista dagen, MM-DD; får ligga i nästa år (jullov).")
    easter: EasterRule | None = Field(
        None,
        alias="påsk",
        description="Påsklov måndag–fredag 'veckan före påsk' (veckan som slutar med påskdagen) "
        "eller 'veckan efter påsk' (från annandag påsk).",
    )
    municipalities: Municipalities = Field(
        default=[], alias="kommun", description="Bara i dessa kommuner, i stället för lovet med samma namn."
    )

    @model_validator(mode="after")
    def _one_kind(self) -> SchoolBreak:
        kinds = (self.week is not None) + (self.start is not None or self.end is not None) + (self.easter is not None)
        if kinds != 1 or (self.start is None) != (self.end is None):
            raise ValueError("ange antingen 'vecka', både 'från' och 'till', eller 'påsk'")
        return self


class DatedBreak(Model):
    """A break one school year, with its exact dates."""

    model_config = ConfigDict(title="Lov ett läsår")

    name: Text = Field(alias="namn", description="Lovets namn, t.ex. 'påsklov'.")
    start: Date = Field(alias="från", description="Första lovdagen, ÅÅÅÅ-MM-DD.")
    end: Date = Field(alias="till", description="Sista lovdagen, ÅÅÅÅ-MM-DD.")

    @field_validator("end")
    @classmethod
    def _not_before_start(cls, end: dt.date, info: Any) -> dt.date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError(f"lovet slutar ({end}) före det börjar ({start})")
        return end


class ExtraDay(Model):
    """A single day off for the pupils: a lovdag or a studiedag."""

    model_config = ConfigDict(title="Lovdag")

    date: Date = Field(alias="datum", description="Dagen, ÅÅÅÅ-MM-DD.")
    name: Text = Field("lovdag", alias="namn", description="'lovdag' eller 'studiedag' (eller annat namn).")


SCHOOL_YEAR_PATTERN = r"^\d{4}/\d{2}$"


class SchoolYear(Model):
    """One school year's own dates: they replace the yearly pattern's breaks of the same name."""

    model_config = ConfigDict(title="Läsår")

    school_year: Annotated[str, StringConstraints(pattern=SCHOOL_YEAR_PATTERN)] = Field(
        alias="läsår", description="Läsåret, t.ex. '2025/26' (1 juli 2025–30 juni 2026)."
    )
    municipalities: Municipalities = Field(
        default=[], alias="kommun", description="Bara i dessa kommuner; utelämnas när datumen gäller alla."
    )
    breaks: list[DatedBreak] = Field(default=[], alias="lov", description="Läsårets lov med exakta datum.")
    extra_days: list[ExtraDay] = Field(default=[], alias="lovdagar", description="Extra lovdagar och studiedagar.")

    @field_validator("school_year")
    @classmethod
    def _consecutive(cls, value: str) -> str:
        first, second = value.split("/")
        if (int(first) + 1) % 100 != int(second):
            raise ValueError(f"läsåret '{value}' ska vara två år i följd, t.ex. '{first}/{(int(first) + 1) % 100:02d}'")
        return value

    @property
    def first_day(self) -> dt.date:
        return dt.date(int(self.school_year[:4]), 7, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(int(self.school_year[:4]) + 1, 6, 30)


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
        None, alias="lov", description="Skollov som kommer tillbaka varje år; mötena undviker dem."
    )
    school_years: list[SchoolYear] = Field(
        default=[], alias="läsår", description="Lov och lovdagar med exakta datum för ett läsår."
    )
    organisation: Organisation | None = Field(
        None,
        description="Organisationen: namn, kommuner och kontaktuppgifter (bara i _organisation.yaml). "
        "Utan den gäller Utbildning Skaraborg.",
    )

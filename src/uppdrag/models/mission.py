"""One network's uppdragsbeskrivning (`<id>.yaml`): purpose, assignments, roles, meetings, layout."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from uppdrag.models.common import (
    ROLLER,
    Clock,
    Date,
    GoalId,
    Id,
    Kommun,
    Model,
    Rollslag,
    Text,
    Veckodag,
    _int_to_str,
    _integral_float,
    join_swedish,
    period_years,
    weekday_plural,
)


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


class MeetingRule(Model):
    model_config = ConfigDict(title="Möten")

    minimum: Annotated[int, Strict(), Field(ge=1), BeforeValidator(_integral_float)] | None = Field(
        None, alias="minst_per_år", description="Minsta antal möten per år; utelämnas om inget anges."
    )
    weekdays: list[Veckodag] = Field(default=[], alias="veckodagar", description="Veckodagar då möten hålls.")
    all_municipalities: Annotated[bool, Strict()] = Field(
        False, alias="alla_kommuner", description="Alla kommuner i organisationen ska vara företrädda."
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
    def short(self) -> str:
        """'4/år på fredagar': the rule in a table cell."""
        if self.minimum is None:
            return "ingen regel"
        text = f"{self.minimum}/år"
        if self.weekdays:
            text += " på " + join_swedish([weekday_plural(d) for d in self.weekdays])
        return text

    @property
    def all_municipalities_sentence(self) -> str | None:
        if not self.all_municipalities:
            return None
        return (
            "Samtliga kommuner ska på egen hand eller genom samarbete med annan/andra kommuner "
            "vara företrädd och delta i nätverkets arbete."
        )


Part = Literal["bakgrund", "syfte", "uppdrag", "roller", "möten"]
PARTS: tuple[Part, ...] = get_args(Part)
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

"""The organisation a workspace belongs to (missions/_organisation.yaml): its name and municipalities."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, ConfigDict, Field

from uppdrag.models.common import KOMMUNER, MUNICIPALITIES_CONTEXT, Email, Model, Text, make_id


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise ValueError(f"kommunen '{name}' står två gånger i listan")
        seen.add(name.casefold())
    return names



MAX_MUNICIPALITIES = 290

class Organisation(Model):
    # Who publishes the documents: in headers, footers, properties, the site and the new files.
    # (No docstring: pydantic would publish it as the schema's description, in English.)
    model_config = ConfigDict(
        title="Organisation",
        json_schema_extra={
            "description": "Organisationen som nätverken hör till; utan den gäller Utbildning Skaraborg."
        },
    )

    name: Text = Field(alias="namn", description="Organisationens namn, t.ex. 'Utbildning Skaraborg'.")
    # Sweden has 290 municipalities: a list longer than that is no organisation's.
    municipalities: Annotated[list[Text], AfterValidator(_unique)] = Field(
        alias="kommuner",
        min_length=1,
        max_length=MAX_MUNICIPALITIES,
        json_schema_extra={"uniqueItems": True},  # what the schema can say of _unique: exact repeats
        description="Kommunerna som samverkar; uppdragens kommun och närvarande väljs bland dessa.",
    )
    federation: Text | None = Field(
        None, alias="förbund", description="Kommunalförbundet, t.ex. 'Skaraborgs Kommunalförbund'."
    )
    website: Text | None = Field(
        None, alias="webbplats", description="Där minnesanteckningarna publiceras, t.ex. 'utbildningskaraborg.se'."
    )
    email: Email | None = Field(
        None, alias="e-post", title="E-post", description="Dit sekreteraren skickar deltagarlistor och protokoll."
    )
    header_text: Text | None = Field(
        None, alias="sidhuvud", description="Text i sidhuvudet i PDF och Word; utan den: namnet."
    )

    @property
    def header(self) -> str:
        return self.header_text or self.name

    @property
    def name_genitive(self) -> str:
        """'Utbildning Fyrbodals'; a name ending in s, x or z takes no other s ('Fyrbodals')."""
        return self.name if self.name[-1:].lower() in ("s", "x", "z") else self.name + "s"

    @property
    def validation_context(self) -> dict[str, Any]:
        """What the models need to judge a municipality in this organisation's files."""
        return {MUNICIPALITIES_CONTEXT: tuple(self.municipalities)}

    @property
    def calendar_domain(self) -> str:
        """The domain in calendar event ids: the website's, else one made from the name."""
        if self.website:
            host = self.website.split("://", 1)[-1].split("/", 1)[0]
            if host:
                return host
        return f"{make_id(self.name) or 'organisation'}.invalid"


# Today's values: a workspace without _organisation.yaml keeps working as it always has.
SKARABORG = Organisation.model_validate(
    {
        "namn": "Utbildning Skaraborg",
        "kommuner": list(KOMMUNER),
        "förbund": "Skaraborgs Kommunalförbund",
        "webbplats": "utbildningskaraborg.se",
        "e-post": "utbildning@skaraborg.se",
    }
)

# The context for an organisation file that could not be read: its error is reported, and no
# municipality is judged against a list that may not be the user's.
UNKNOWN_MUNICIPALITIES: dict[str, Any] = {MUNICIPALITIES_CONTEXT: None}

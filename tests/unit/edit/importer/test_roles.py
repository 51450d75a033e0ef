"""edit.importer.roles: roles, their duties and people, in the forms documents write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from tests.conftest import MISSIONS
from uppdrag.edit.importer import import_document

INLINE = """\
# Uppdragsbeskrivning för nätverket Fritidshem

## Bakgrund

Kommunerna i Skaraborg har beslutat att samverka kring utbildning i Skaraborg.

## Uppdrag

Skolchefsnätverket ger följande uppdrag för kommande år:

- Nätverket utbyter erfarenheter om fritidshemmets undervisning.

## Roller och ansvar

Ordförande: Maja Lind, Hjo

Leda nätverksträffarna, skicka ut kallelse och dagordning.

Sekreterare: Per Holm, Lidkoping

Skriva minnesanteckningar vid nätverksträffarna.
"""


def test_the_text_after_an_inline_role_line_is_its_duties(tmp_path: Path) -> None:
    """'Ordförande: Namn, Kommun' then a paragraph: the paragraph is the chair's duties, not lost."""
    document = tmp_path / "Fritidshem.md"
    document.write_text(INLINE, encoding="utf-8")
    result = import_document(document, MISSIONS, dt.date(2026, 11, 22), "fritidshem")
    roles = yaml.safe_load(result.text)["roller"]
    assert roles == [
        {
            "roll": "ordförande",
            "ansvar": ["Leda nätverksträffarna, skicka ut kallelse och dagordning."],
            "personer": [{"namn": "Maja Lind", "kommun": "Hjo"}],
        },
        {
            "roll": "sekreterare",
            "ansvar": ["Skriva minnesanteckningar vid nätverksträffarna."],
            "personer": [{"namn": "Per Holm", "kommun": "Lidköping"}],
        },
    ]
    assert not result.validation.errors
    assert ("roller[1].personer[0]", "'Lidkoping' läst som Lidköping") in result.checks

"""The characters no text of the tool's may hold: one set for the YAML check, the schema, the
importer and the terminal, so a character validate lets through never reaches a screen as is."""

from __future__ import annotations

import re

# As a regex character class's body, written with escapes so the JSON schema's pattern reads
# the same. C0 controls but tab and newline, DEL and the C1 controls: ESC sequences clear the
# screen, move the cursor or forge a hyperlink. The bidi controls: the marks (U+061C, U+200E,
# U+200F), embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what is
# shown around them. U+2028 and U+2029 break a line where no line is (YAML counts them as line
# breaks, so every later line number would be off). U+FFFE and U+FFFF: no XML (Word) may hold them.
CONTROL_CHARACTERS = (
    r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff"
)
CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")

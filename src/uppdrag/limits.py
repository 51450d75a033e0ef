"""Bounds on untrusted input that more than one layer must agree on.

The reader refuses what lies beyond them with a located finding, and the JSON Schema says the
same, so editors, check-jsonschema and `validate` give one verdict."""

from __future__ import annotations

# No field holds a larger number (a year, a count of meetings, a week, a goal); a
# thousand-digit one would only reach code that cannot print or count with it.
MAX_INTEGER = 10**18 - 1

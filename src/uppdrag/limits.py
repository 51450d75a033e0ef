"""Bounds on untrusted input that more than one layer must agree on.

The reader refuses what lies beyond them with a located finding, and the JSON Schema says the
same, so editors, check-jsonschema and `validate` give one verdict."""

from __future__ import annotations

# No field holds a larger number (a year, a count of meetings, a week, a goal); a
# thousand-digit one would only reach code that cannot print or count with it.
MAX_INTEGER = 10**18 - 1

# One mission file, on disk or in git's history; a real one is a few kilobytes.
MAX_FILE_BYTES = 1024 * 1024


def file_too_large(size: int) -> str:
    """'filen är för stor (600,0 MB; högst 1 MB)': the one refusal of a file past MAX_FILE_BYTES."""
    shown = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return f"filen är för stor ({shown} MB; högst {MAX_FILE_BYTES // 1024 // 1024} MB)"


# A Word file (the importer's document, render's reference document): measured before python-docx
# or lxml builds anything from it (word_package.package_problem).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # the file itself; a real one is well under 1 MB
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # the zip unpacked: a zip bomb stops here, before any XML is parsed
MAX_XML_PART_BYTES = 16 * 1024 * 1024  # one XML part unpacked; Word's styles are some 400 kB
MAX_XML_ELEMENTS = 500_000  # every element of every part; 20,000 characters of text make some 20,000

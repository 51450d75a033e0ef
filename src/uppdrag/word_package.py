"""A Word file's zip package, measured before python-docx or lxml builds anything from it.

The zip's directory says how large each part unpacks to, and zipfile never gives more than
that (a part that lies fails its checksum), so the sizes are summed before a byte is unpacked.
The XML parts are then streamed through lxml and their elements counted, each one cleared as
it is read. The importer and render's reference document (referens.docx) share these bounds."""

from __future__ import annotations

import zipfile
import zlib
from typing import IO

from uppdrag import limits


def _megabytes(size: int) -> str:
    return f"{size // 1024 // 1024} MB"


def unpacked_size(archive: zipfile.ZipFile) -> int:
    """What the package unpacks to, as its directory declares."""
    return sum(item.file_size for item in archive.infolist())


def xml_parts(archive: zipfile.ZipFile) -> list[str]:
    """The parts python-docx parses as XML: by the content type the package declares for each
    (by name, or by extension), whatever the part is called; and every relationship part."""
    types = declared_types(archive)
    if types is None:
        return archive.namelist()  # python-docx cannot open it either; every part is read as XML, and refused
    return [n for n, kind in types.items() if n.endswith(".rels") or kind.endswith("xml")]


def declared_types(archive: zipfile.ZipFile) -> dict[str, str] | None:
    """Each part's content type as [Content_Types].xml declares it (by name, or by extension;
    '' for none), or None when the package declares none it can read."""
    from lxml import etree

    names = archive.namelist()
    try:
        root = etree.fromstring(
            archive.read("[Content_Types].xml"), etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except (KeyError, etree.XMLSyntaxError):
        return None
    defaults = {
        str(d.get("Extension", "")).lower(): str(d.get("ContentType", "")) for d in root if "Default" in str(d.tag)
    }
    overrides = {
        str(o.get("PartName", "")).lower(): str(o.get("ContentType", "")) for o in root if "Override" in str(o.tag)
    }

    def declared(name: str) -> str:
        return overrides.get("/" + name.lower()) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")

    return {n: declared(n) for n in names}


def package_problem(stream: IO[bytes]) -> str | None:
    """Why the Word file in stream is too large to open, in Swedish, to follow its name ('packas
    upp till 1 430 MB (högst 50 MB)'), or None. A package that is no zip, or whose XML is broken, is left for
    python-docx to refuse in its own words."""
    from lxml import etree

    try:
        with zipfile.ZipFile(stream) as archive:
            total = unpacked_size(archive)
            if total > limits.MAX_UNPACKED_BYTES:
                return f"packas upp till {_megabytes(total)} (högst {_megabytes(limits.MAX_UNPACKED_BYTES)})"
            parts = xml_parts(archive)
            for info in archive.infolist():
                if info.filename in parts and info.file_size > limits.MAX_XML_PART_BYTES:
                    return (
                        f"har en del ({info.filename}) som packas upp till {_megabytes(info.file_size)} "
                        f"(högst {_megabytes(limits.MAX_XML_PART_BYTES)} per del)"
                    )
            elements = 0
            for name in parts:
                with archive.open(name) as part:
                    events = etree.iterparse(
                        part, events=("end",), resolve_entities=False, no_network=True, load_dtd=False
                    )
                    for _, element in events:
                        elements += 1
                        if elements > limits.MAX_XML_ELEMENTS:
                            return f"har fler än {limits.MAX_XML_ELEMENTS:,} XML-element".replace(",", " ")
                        element.clear(keep_tail=True)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, NotImplementedError, RuntimeError, KeyError):
        return None  # not a readable zip: python-docx says so
    except etree.XMLSyntaxError:
        return None  # broken XML: python-docx says so
    return None

"""Hand-made PDFs for hostile tests: objects written byte by byte, with a correct xref table."""

from __future__ import annotations

import zlib


def stream(content: bytes, *, deflate: bool = False, extra: str = "") -> bytes:
    """A stream object's body; deflated (FlateDecode) when asked."""
    data = zlib.compress(content, 9) if deflate else content
    filters = " /Filter /FlateDecode" if deflate else ""
    return f"<< /Length {len(data)}{filters}{extra} >>\nstream\n".encode() + data + b"\nendstream"


def pdf(objects: list[bytes], *, trailer_extra: str = "", prev: int | None = None) -> bytes:
    """A PDF of the numbered objects (1 is the catalog); prev sets the trailer's /Prev (an xref offset)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    back = f" /Prev {xref if prev == -1 else prev}" if prev is not None else ""
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{back}{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def text_pdf(pages: list[bytes], *, deflate: bool = False) -> bytes:
    """A PDF whose pages have the given content streams, in Helvetica."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * i} 0 R"
            " /Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(stream(content, deflate=deflate))
    return pdf(objects)


def lines(texts: list[str], size: int = 11) -> bytes:
    """A content stream writing each text on its own line from the top of the page."""
    ops = [f"BT /F1 {size} Tf 14 TL 50 800 Td".encode()]
    for text in texts:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) '".encode("latin-1"))
    ops.append(b"ET")
    return b"\n".join(ops)


def xref_stream_pdf(objects: list[bytes], index_count: int) -> bytes:
    """A PDF whose xref is a stream (PDF 1.5) that claims index_count objects, however few it has."""
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    entries = b"\x00\x00\x00\x00" + b"".join(b"\x01" + offset.to_bytes(2, "big") + b"\x00" for offset in offsets)
    xref = len(out)
    own = len(objects) + 1
    out += (
        f"{own} 0 obj\n<< /Type /XRef /W [1 2 1] /Index [0 {index_count}] /Size {index_count} /Root 1 0 R"
        f" /Length {len(entries)} >>\nstream\n"
    ).encode()
    out += entries + b"\nendstream\nendobj\n" + f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)

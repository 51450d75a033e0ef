"""Make templates/utkast.svg, the diagonal UTKAST mark across each page of a draft PDF.

The word is drawn as outlines of the bundled Carlito Bold, not as text: pdf.css paints it as
the page's background, which WeasyPrint marks as an artifact, so it is neither in the PDF's
structure (a screen reader does not read it between two list items) nor in its text layer
(pdftotext and copy-paste do not mix its letters into the text). The draft is said in words
where it belongs: in the running header and above the title.

Run `.venv/bin/python tools/make_utkast.py` after changing it and commit both files; a test
checks that the committed picture is what this script makes.
"""

from __future__ import annotations

import logging
import math
import sys
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

logging.getLogger("fontTools").setLevel(logging.ERROR)  # the bundled font's old `created` date

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
WORD = "UTKAST"
ANGLE = 40  # degrees, rising from lower left to upper right
COLOUR = "#8a1c12"  # the draft red of the running header
OPACITY = 0.09


def outline(font: TTFont, word: str) -> tuple[str, float, float, float]:
    """The word's outline as one SVG path in font units (y down), its advance width, and
    the top and bottom of its capitals."""
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    path, x = SVGPathPen(glyphs, ntos=lambda n: f"{n:g}"), 0.0
    for char in word:
        name = cmap[ord(char)]
        glyphs[name].draw(TransformPen(path, (1, 0, 0, -1, x, 0)))  # flip: SVG's y grows down
        x += glyphs[name].width
    os2 = font["OS/2"]
    return path.getCommands(), x, -os2.sCapHeight, 0.0


def make_svg(font_path: Path) -> str:
    commands, width, top, bottom = outline(TTFont(str(font_path)), WORD)
    height = bottom - top
    angle = math.radians(ANGLE)
    # The rotated word's bounding box is the picture: CSS scales and centres it on the page.
    box_w = width * math.cos(angle) + height * math.sin(angle)
    box_h = width * math.sin(angle) + height * math.cos(angle)
    centre_x, centre_y = width / 2, top + height / 2
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{-box_w / 2:.0f} {-box_h / 2:.0f} {box_w:.0f} {box_h:.0f}" '
        f'width="{box_w:.0f}" height="{box_h:.0f}">\n'
        f'<g transform="rotate({-ANGLE}) translate({-centre_x:g} {-centre_y:g})" '
        f'fill="{COLOUR}" fill-opacity="{OPACITY}">\n'
        f'<path d="{commands}"/>\n'
        "</g>\n</svg>\n"
    )


def main(target: Path) -> None:
    target.write_text(make_svg(TEMPLATES / "fonts" / "Carlito-Bold.ttf"), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES / "utkast.svg")

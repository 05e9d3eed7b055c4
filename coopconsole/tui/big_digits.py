"""Digits drawn as large as the room needs: a small block font, scaled by whole cells.

Textual's ``Digits`` are three rows high whatever the terminal's size, which a beamer on
a 200x50 terminal shows as a sliver. The projector draws its countdown with this font
instead: each glyph is a grid of 3x5 "pixels" (the colon and the space 1x5), every pixel
drawn as a block of ``across`` cells by ``down`` rows. A terminal cell is about twice as
high as it is wide, so a pixel is square at ``across == 2 * down``; :func:`fit` takes the
largest pixel that fits the space given, square where the height is what limits it, and
up to twice as tall as wide where the width is (so an 80-column terminal still gets digits
15 rows high, not 5). When not even a 1x1 pixel fits, the value is one line of text.

Pure: no Textual; the projector's widget only asks for the lines of its size.
"""

from __future__ import annotations

#: Every glyph, as rows of pixels ("#" drawn, "." not), all :data:`HEIGHT` rows high.
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": (".", ".", ".", ".", "."),
}

#: Rows of pixels of every glyph.
HEIGHT = 5
#: A pixel is square when it is this many times as many cells across as rows down.
ASPECT = 2
#: What a pixel is drawn with.
BLOCK = "█"


def pixel_width(value: str) -> int:
    """How many pixels across ``value`` is: its glyphs and one pixel between each two."""
    widths = [len(GLYPHS.get(char, GLYPHS[" "])[0]) for char in value]
    return sum(widths) + max(len(widths) - 1, 0)


Scale = tuple[int, int]
"""Cells across and rows down of one pixel; ``(0, 0)``: the value as one line of text."""


def fit(value: str, width: int, height: int) -> Scale:
    """The largest pixel at which ``value`` fits ``width`` x ``height`` cells (see the module)."""
    pixels = pixel_width(value)
    across = width // pixels if pixels else 0
    down = min(height // HEIGHT, across)
    across = min(across, ASPECT * down)
    if down <= 0 or across <= 0:
        return 0, 0
    return across, down


def size_at(value: str, scale: Scale) -> tuple[int, int]:
    """Cells across and rows down of ``value`` drawn at ``scale``."""
    across, down = scale
    if down <= 0:
        return len(value), 1
    return pixel_width(value) * across, HEIGHT * down


def big_lines(value: str, scale: Scale) -> list[str]:
    """``value`` drawn at ``scale``: ``HEIGHT * down`` lines of equal width (blocks and
    spaces); at ``(0, 0)``, ``value`` itself, one line."""
    across, down = scale
    if down <= 0:
        return [value]
    rows = []
    for row in range(HEIGHT):
        pixels = ".".join(GLYPHS.get(char, GLYPHS[" "])[row] for char in value)
        line = "".join((BLOCK if pixel == "#" else " ") * across for pixel in pixels)
        rows.extend([line] * down)
    return rows

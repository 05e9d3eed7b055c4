"""Lines of mixed Chinese and English text that fit a width in terminal cells.

Textual wraps text at spaces only: a Chinese sentence, which has none, is one long
"word" that goes to a line of its own and is then cut at the edge, wherever the edge
falls ("→" alone on a line, then the text, then "。" alone under it). :func:`wrap_cells`
breaks as Chinese is set: between any two Chinese characters, at spaces between Latin
words, never before a closing punctuation mark (it takes the character before it to the
next line instead), and a Latin word longer than the line is cut by cells. Each Chinese
character counts two cells.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

#: Marks that never begin a line (Chinese and Latin closing punctuation).
NO_LINE_START = frozenset("，。、；：！？）》」』】〉”’,.;:!?)]}%")

# A unit is what is never broken: a wide character (with the spaces after it), or a run
# of narrow non-space characters (with the spaces after it), or spaces alone.
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"  # CJK, full-width forms
_UNITS = re.compile(rf"[{_WIDE}]\s*|[^\s{_WIDE}]+\s*|\s+")


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells (trailing spaces dropped); ``[""]`` for
    an empty text. A width under 2 is taken as 2 (room for one Chinese character)."""
    width = max(width, 2)
    lines: list[list[str]] = [[]]
    used = 0
    for unit in _units(text, width):
        shown = cell_len(unit.rstrip())
        line = lines[-1]
        if used + shown > width and line:
            carried: list[str] = []
            if unit[0] in NO_LINE_START and len(line) > 1:  # the mark keeps the character before it
                carried = [line.pop()]
            lines.append(carried)
            line, used = lines[-1], sum(cell_len(u) for u in carried)
        line.append(unit)
        used += cell_len(unit)
    return ["".join(line).rstrip() for line in lines]


def _units(text: str, width: int) -> list[str]:
    """The units of ``text``, a narrow run longer than ``width`` cut into pieces that fit."""
    out: list[str] = []
    for unit in _UNITS.findall(text):
        while cell_len(unit.rstrip()) > width:
            out.append(unit[:width])
            unit = unit[width:]
        out.append(unit)
    return out


def hanging(lead: str, text: str, width: int) -> str:
    """``lead`` then ``text`` wrapped to ``width`` cells, later lines indented under the
    text: ``→ first line`` / ``  second line``."""
    indent = cell_len(lead)
    lines = wrap_cells(text, width - indent)
    return "\n".join([lead + lines[0], *(" " * indent + line for line in lines[1:])])

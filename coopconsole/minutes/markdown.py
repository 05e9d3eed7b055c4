"""Writing Markdown that people's text cannot break.

Every piece of text a person typed (a title, a name, a note, a deliverable) goes into
the minutes through :func:`inline` or :func:`lines`, never as is. The rules, checked by a
property test over arbitrary text with markdown-it-py:

* Characters that can start Markdown syntax anywhere in a line are backslash-escaped:
  ``\\`` `````` ``*`` ``_`` ``[`` ``]`` ``<`` ``>`` ``&`` ``|`` ``~`` ``#`` (code spans,
  emphasis, links and images, HTML and autolinks, entities, table cells, strike-through,
  headings and the closing ``#`` of a heading).
  CommonMark lets any ASCII punctuation be escaped, and the escape is removed when the
  text is shown, so the reader sees exactly what was typed.
* Characters that start a block only at the beginning of a line are escaped there:
  ``-`` ``+`` and ``1.`` / ``1)`` (lists), ``=`` (a heading underline),
  ``:`` (a table's delimiter row, as in ``:---:``).
  Anything that could start a block elsewhere in a line (``>``, ``*``, `````` ``) is
  escaped everywhere already.
* Control characters are dropped (they are never stored, but the minutes do not rely
  on that), and a run of white space, line breaks included, becomes one space. A
  multi-line note keeps its lines through :func:`lines`, each one escaped on its own
  and joined with a hard line break.
* A table pipe inside a cell is escaped (``\\|``); a typed backslash before it is
  escaped too (``\\\\\\|``), which GFM tables read back as a backslash and a pipe.

Tables always have a header, a delimiter row and exactly as many cells in every row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from coopconsole.domain.typed_text import clean_line

_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~#])")
_LINE_START = re.compile(r"^([+=:-]|\d{1,9}(?=[.)]))")
_SPACE = re.compile(r"\s+")


def plain(text: object) -> str:
    """What a reader sees of ``text`` in the minutes: controls gone, white space single."""
    return _SPACE.sub(" ", clean_line(str(text))).strip()


@lru_cache(maxsize=4096)  # names, organisations and item titles come back on every row
def inline(text: object) -> str:
    """``text`` as Markdown inline content that reads back :func:`plain`, on one line."""
    line = _ANYWHERE.sub(r"\\\1", plain(text))
    match = _LINE_START.match(line)
    if match:
        token = match.group(1)
        if token[0].isdigit():  # "2026. The year" is not an ordered list
            line = f"{token}\\{line[len(token) :]}"
        else:
            line = f"\\{line}"
    return line


def lines(text: str, indent: str = "") -> str:
    """Multi-line text (a note): each line escaped, joined with hard line breaks.

    ``indent`` is put before every line after the first, so the lines stay inside the
    list item they belong to.
    """
    parts = [inline(line) for line in str(text).splitlines()]
    parts = [part for part in parts if part]
    return f"\\\n{indent}".join(parts)


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> str:
    """A GFM table; ``header`` and ``rows`` are already Markdown (use :func:`inline`).

    ``align`` has one letter per column, ``l`` or ``r`` (default: all left).
    """
    width = len(header)
    marks = {"l": "---", "r": "--:"}
    delimiter = [marks[a] for a in (align or "l" * width)]
    out = [_row(header), _row(delimiter)]
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a table row has {len(row)} cells, the header {width}")
        out.append(_row(row))
    return "\n".join(out)


def _row(cells: Sequence[str]) -> str:
    # An empty cell stays a cell; spaces round every pipe keep a typed backslash away from it.
    return "| " + " | ".join(cell if cell else " " for cell in cells) + " |"


def bullets(items: Iterable[str]) -> str:
    """A bullet list of Markdown items (each already escaped)."""
    return "\n".join(f"- {item}" for item in items)


def bold(markdown: str) -> str:
    """Our own emphasis round escaped text (a label, a name)."""
    return f"**{markdown}**" if markdown else markdown

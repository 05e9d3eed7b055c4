"""The check that minutes parse as intended, with markdown-it-py.

:func:`outline` parses Markdown the way a GFM renderer does (CommonMark, tables and
strike-through; bare addresses are not turned into links, as in the console's preview)
and reports what came out: every heading, every table's shape, and any element that
people's text must never produce (links, images, HTML, code). :func:`problems` compares
that with what the minutes were built to contain. ``coopconsole minutes`` refuses to
write minutes that fail it, and the tests run it over arbitrary text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Token types that never come from our own text in the minutes.
FORBIDDEN = {
    "link_open",
    "image",
    "html_inline",
    "html_block",
    "code_inline",
    "code_block",
    "fence",
    "s_open",
    "blockquote_open",
    "hr",
    "ordered_list_open",
}


#: The characters with which inline Markdown can begin anything in :data:`FORBIDDEN`: a
#: link or an image (``[``, ``![``), an autolink or inline HTML (``<``), code (a backtick)
#: and strike-through (``~``). Linkify is off, so nothing else makes a link.
OPENERS = frozenset("[<`~")


@cache
def parser():  # noqa: ANN201 - markdown_it.MarkdownIt, imported lazily
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@cache
def _block_parser():  # noqa: ANN201 - the same, its inline pass left to :func:`outline`
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("inline")


def written_cells(line: str) -> int:
    """How many cells the line of a table row holds, as markdown-it-py's table rule splits
    it (its ``escapedSplit``; the pipes at either end open and close the row). The rule
    then makes exactly as many cells as the header has, dropping what is beyond and
    filling what is missing, so its tokens alone cannot show a row that gained a cell (a
    pipe left unescaped: the text after it is lost) or lost one."""
    line = line.strip()
    if "\\" in line:  # an escaped pipe is text: markdown-it-py's own split
        from markdown_it.rules_block.table import escapedSplit

        columns = escapedSplit(line)
    else:  # no backslash, nothing escaped: the same split, done by str.split
        columns = line.split("|")
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return len(columns)


@dataclass
class Table:
    columns: int  # the header's cells
    rows: list[int] = field(default_factory=list)  # cells written in each row, header first

    @property
    def consistent(self) -> bool:
        return all(count == self.columns for count in self.rows)


@dataclass
class Outline:
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text)
    tables: list[Table] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)  # token types, in order met


def outline(text: str, lines: list[str] | None = None) -> Outline:
    """What ``text`` parses into, as :func:`parser` parses it (``lines``: its
    :func:`lines_of`, if the caller has them).

    The blocks are parsed whole but for the table rows and list items markdown-it-py
    makes from their own line alone (see :func:`_read_alone`); the inline pass, most of
    the rest of the work, is run on the headings (whose text is reported) and on the
    other inline runs that hold one of the :data:`OPENERS`: in any other run it can only
    find text and emphasis. ``tests/test_minutes_check.py`` compares the result with a
    parse of everything, on minutes and on arbitrary text."""
    if "\0" in text:  # markdown-it-py reads a NUL as U+FFFD; the rows read here must too
        text, lines = text.replace("\0", "\ufffd"), None
    lines = lines if lines is not None else lines_of(text)
    alone = _read_alone(lines)
    if alone:
        kept = [line for number, line in enumerate(lines) if number not in alone.taken]
        found = _walk("\n".join(kept), kept, alone)
        if found is not None:
            return found
    found = _walk(text, lines)
    assert found is not None  # nothing was taken out: nothing to confirm
    return found


@dataclass
class _Alone:
    """What is read from its own line (see :func:`_read_alone`), by the line, once they
    are taken out, of what stays before it: the table rows after a table's first body
    row, and the list items after an item of a list; and every line taken out."""

    rows: dict[int, list[str]] = field(default_factory=dict)
    items: dict[int, list[str]] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.taken)


def _read_alone(lines: list[str]) -> _Alone:
    """The lines whose blocks markdown-it-py makes from the line alone, as the minutes
    write them: the body rows of a table after its first, and the items of a bullet list
    between its first and its last.

    * A table (a header, the delimiter row :data:`DELIMITER` and a first body row, each a
      row at the start of its line, ``| ... |``): the rows after the first that are such
      lines with as many cells as the header. markdown-it-py's table rule continues the
      table with such a line (it is not blank, not indented, and no block that ends a
      table, a fence, a quote, a rule, a list, HTML or a heading, begins with ``|``) and
      cuts it into cells with its own split, each cell's text then parsed inline.
    * A run of list items ``- TEXT`` at the start of the line whose text begins with a
      letter, an escaped punctuation character or ``**`` and a letter or digit (the
      minutes' own bold labels): no block begins so, so each is a paragraph of its own
      line, ended by the next item, which continues the list with the same marker. The
      first item of the run is left to markdown-it-py, and so is the last unless a blank
      line or the end of the text follows it (otherwise it may go on over the next line).

    Whether the table or the list is one at all, markdown-it-py says: the walk confirms
    a table at the header with that first body row, and a ``-`` item holding one
    paragraph of its own line at the first item, or the text is parsed whole."""
    found: list[tuple[str, int, int, int]] = []  # rows or items, the line kept, the lines taken
    count, number = len(lines), 0
    while number < count:
        line = lines[number]
        if (
            1 <= number < count - 2
            and line.startswith("| -")
            and DELIMITER.fullmatch(line)
            and _row_line(lines[number - 1])
            and _row_line(lines[number + 1])
        ):
            cells = written_cells(lines[number - 1])
            run = number + 2
            while run < count and _row_line(lines[run]) and written_cells(lines[run]) == cells:
                run += 1
            if run > number + 2:
                found.append(("rows", number + 1, number + 2, run))
            number = run  # a row that looks like a delimiter is a row of this table
            continue
        if _item_line(line):
            run = number + 1
            while run < count and _item_line(lines[run]):
                run += 1
            # The last item too if a blank line (or the end) follows it: its paragraph
            # ends there, and what follows is read as it would be after the first.
            end = run if run == count or not lines[run].strip() else run - 1
            if end > number + 1:
                found.append(("items", number, number + 1, end))
            number = run
            continue
        number += 1
    alone, taken = _Alone(), 0
    for kind, kept, first, end in found:
        where = alone.rows if kind == "rows" else alone.items
        where[kept - taken] = lines[first:end]
        alone.taken.update(range(first, end))
        taken += end - first
    return alone


def _row_line(line: str) -> bool:
    return line.startswith("| ") and line.endswith(" |")


#: What an escape can escape (CommonMark: any ASCII punctuation).
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _item_line(line: str) -> bool:
    """A list item ``- TEXT`` whose text no block can begin with (see :func:`_read_alone`)."""
    if len(line) < 4 or not line.startswith("- "):
        return False
    first = line[2]
    if first.isalpha():
        return True
    if first == "\\":
        return line[3] in _PUNCTUATION
    return line.startswith("- **") and len(line) > 5 and line[5].isalnum()


def _walk(text: str, lines: list[str], alone: _Alone | None = None) -> Outline | None:
    """The outline of ``text``; ``alone``: what was taken out of it (see
    :func:`_read_alone`). None if markdown-it-py did not read every line kept before
    something taken out as that: the first body row of a table whose header is two
    lines above, or a ``-`` list item holding one paragraph of its own line."""
    md = _block_parser()
    env: dict[str, object] = {}  # link reference definitions, found by the block pass
    tokens = md.parse(text, env)
    rows, items = (alone.rows, alone.items) if alone is not None else ({}, {})
    out = Outline()
    row_cells, written, row_line, table_line, confirmed = 0, None, -1, -1, 0
    open_items: list[Token] = []
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "inline" and tokens[index - 1].type != "heading_open" and not OPENERS.isdisjoint(token.content):
            token.children = md.inline.parse(token.content, md, env, [])
        elif kind == "heading_open":
            inline_token = tokens[index + 1]
            inline_token.children = md.inline.parse(inline_token.content, md, env, [])
            # An escaped character is a token of its own (``text_special``) until the
            # full parse's last pass joins it to the text around it.
            seen = "".join(c.content for c in inline_token.children or () if c.type in ("text", "text_special"))
            out.headings.append((int(token.tag[1]), seen))
        elif kind == "table_open":
            out.tables.append(Table(columns=0))
            table_line = token.map[0] if token.map else -1
        elif kind == "tr_open":
            row_line = token.map[0] if token.map else -1
            row_cells, written = 0, written_cells(lines[row_line]) if token.map else None
        elif kind in ("th_open", "td_open"):
            row_cells += 1
        elif kind == "tr_close":
            current = out.tables[-1]
            if not current.rows:
                current.columns = row_cells
            current.rows.append(row_cells if written is None else written)
            taken = rows.get(row_line)
            if taken is not None and row_line == table_line + 2:
                confirmed += 1
                for line in taken:  # the rows that followed it, as the table rule reads them
                    current.rows.append(current.columns)
                    out.forbidden.extend(_forbidden_in_row(md, env, line, current.columns))
        elif kind == "list_item_open":
            open_items.append(token)
        elif kind == "list_item_close":
            item = open_items.pop()
            taken = items.get(item.map[0]) if item.map else None
            if taken is not None and _one_line_item(item, tokens, index):
                confirmed += 1
                for line in taken:  # the items that followed it: a paragraph each
                    content = line[2:].strip()
                    if not OPENERS.isdisjoint(content):
                        out.forbidden.extend(_forbidden_in(md, env, content))
        if kind in FORBIDDEN:
            out.forbidden.append(kind)
        for child in token.children or ():
            if child.type in FORBIDDEN:
                out.forbidden.append(child.type)
    return out if confirmed == len(rows) + len(items) else None


def _one_line_item(item: Token, tokens: list[Token], close: int) -> bool:
    """Whether the list item ``item``, closed at ``close``, is a ``-`` item holding one
    paragraph, of its own line."""
    paragraph = tokens[close - 3] if close >= 4 else None
    return (
        item.markup == "-"
        and item.map is not None
        and tokens[close - 4] is item
        and paragraph is not None
        and paragraph.type == "paragraph_open"
        and paragraph.map == [item.map[0], item.map[0] + 1]
    )


def _forbidden_in(md, env: dict[str, object], content: str) -> list[str]:  # noqa: ANN001
    """The forbidden elements markdown-it-py's inline parser finds in ``content``."""
    return [c.type for c in md.inline.parse(content, md, env, []) if c.type in FORBIDDEN]


def _forbidden_in_row(md, env: dict[str, object], line: str, columns: int) -> list[str]:  # noqa: ANN001
    """What is forbidden in a body row of ``columns`` cells written on ``line``, cut into
    cells as markdown-it-py's table rule cuts them, the cells with an opener parsed inline."""
    from markdown_it.common.utils import mdTrim
    from markdown_it.rules_block.table import escapedSplit

    if OPENERS.isdisjoint(line):
        return []
    cells = escapedSplit(mdTrim(line))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    found = []
    for cell in cells[:columns]:
        content = mdTrim(cell)
        if not OPENERS.isdisjoint(content):
            found.extend(_forbidden_in(md, env, content))
    return found


def lines_of(text: str) -> list[str]:
    """The text's lines, as markdown-it-py numbers them (``token.map``)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def text_of(markdown: str) -> str:
    """The text a reader sees in inline Markdown (escapes removed), for tests and checks."""
    tokens = parser().parseInline(markdown)
    return "".join(child.content for token in tokens for child in token.children or () if child.type == "text")


#: The delimiter row every table of the minutes has under its header
#: (:func:`coopconsole.minutes.markdown.table`), one per table. Typed text cannot make
#: one: its pipes are escaped.
DELIMITER = re.compile(r"\| (?:---|--:)(?: \| (?:---|--:))* \|")


def problems(text: str, headings: list[tuple[int, str]]) -> list[str]:
    """What is wrong with ``text``, minutes built with exactly ``headings``; [] if nothing.

    Besides the headings, the tables' rows and anything forbidden: as many tables as
    delimiter rows were written (a header row that broke leaves its table a paragraph)."""
    lines = lines_of(text)
    found = outline(text, lines)
    out = []
    if found.headings != headings:
        out.append(f"headings are {found.headings}, expected {headings}")
    written = sum(1 for line in lines if line.startswith("| -") and DELIMITER.fullmatch(line))
    if len(found.tables) != written:
        out.append(f"{len(found.tables)} tables read, {written} written")
    for number, shape in enumerate(found.tables, 1):
        if not shape.consistent:
            out.append(f"table {number} has rows of {shape.rows} cells, expected {shape.columns}")
    if found.forbidden:
        out.append(f"contains {', '.join(sorted(set(found.forbidden)))}")
    return out

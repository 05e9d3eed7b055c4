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

    The blocks are parsed whole; the inline pass, most of the work in minutes made of
    tables, is run on the headings (whose text is reported) and on the other inline runs
    that hold one of the :data:`OPENERS`: in any other run it can only find text and
    emphasis. ``tests/test_minutes_check.py`` compares the result with a parse of
    everything, on minutes and on arbitrary text."""
    md = _block_parser()
    env: dict[str, object] = {}  # link reference definitions, found by the block pass
    tokens = md.parse(text, env)
    out = Outline()
    row_cells, written = 0, None
    for index, token in enumerate(tokens):
        if (
            token.type == "inline"
            and tokens[index - 1].type != "heading_open"
            and not OPENERS.isdisjoint(token.content)
        ):
            token.children = md.inline.parse(token.content, md, env, [])
        elif token.type == "heading_open":
            inline_token = tokens[index + 1]
            inline_token.children = md.inline.parse(inline_token.content, md, env, [])
            # An escaped character is a token of its own (``text_special``) until the
            # full parse's last pass joins it to the text around it.
            seen = "".join(c.content for c in inline_token.children or () if c.type in ("text", "text_special"))
            out.headings.append((int(token.tag[1]), seen))
        elif token.type == "table_open":
            out.tables.append(Table(columns=0))
        elif token.type == "tr_open":
            lines = lines if lines is not None else lines_of(text)  # split once a table is met
            row_cells, written = 0, written_cells(lines[token.map[0]]) if token.map else None
        elif token.type in ("th_open", "td_open"):
            row_cells += 1
        elif token.type == "tr_close":
            current = out.tables[-1]
            if not current.rows:
                current.columns = row_cells
            current.rows.append(row_cells if written is None else written)
        if token.type in FORBIDDEN:
            out.forbidden.append(token.type)
        for child in token.children or ():
            if child.type in FORBIDDEN:
                out.forbidden.append(child.type)
    return out


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

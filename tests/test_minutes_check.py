"""The minutes check parses the blocks whole and the inline text only where it can matter;
what it reports must be what a parse of everything reports.

:func:`reference` is the check as it was first written: markdown-it-py's whole parse
(blocks, then every inline run, then the text joined), walked for the headings, the
tables' shapes and the forbidden elements. The property compares it with
:func:`coopconsole.minutes.check.outline` on Markdown made of the characters that start
something in CommonMark, on the hostile texts of the escaping tests, and on minutes built
from them and from a full-day workshop.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it.rules_block.table import escapedSplit

from coopconsole.minutes import build_minutes
from coopconsole.minutes.check import FORBIDDEN, OPENERS, Outline, Table, outline, parser, problems
from coopconsole.minutes.markdown import bullets, inline, lines, table
from tests.support.hostile import NASTY, NOW, hostile_session, texts

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def reference(text: str) -> Outline:
    """What the whole parse of ``text`` holds: headings, tables' shapes, forbidden types."""
    tokens = parser().parse(text)
    out = Outline()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            children = tokens[index + 1].children or ()
            out.headings.append((int(token.tag[1]), "".join(c.content for c in children if c.type == "text")))
        elif token.type == "table_open":
            out.tables.append(Table(columns=0))
        elif token.type == "tr_close":
            opening = tokens_back_to(tokens, index, "tr_open")
            cells = sum(1 for t in tokens[opening:index] if t.type in ("th_open", "td_open"))
            if not out.tables[-1].rows:
                out.tables[-1].columns = cells
            # The cells written on the row's line: the tokens always hold the header's count.
            out.tables[-1].rows.append(
                split_cells(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[tokens[opening].map[0]])
            )
        if token.type in FORBIDDEN:
            out.forbidden.append(token.type)
        out.forbidden.extend(c.type for c in token.children or () if c.type in FORBIDDEN)
    return out


def split_cells(line: str) -> int:
    """The cells of a row's line as markdown-it-py's table rule splits it, by its own
    function every time (the check takes a shorter way where the line has no backslash)."""
    columns = escapedSplit(line.strip())
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return len(columns)


def tokens_back_to(tokens: list, index: int, kind: str) -> int:
    while tokens[index].type != kind:
        index -= 1
    return index


#: Characters that open, close or escape something in CommonMark, GFM tables and HTML.
MARKUP = list("|\\`*_[]()<>#&!~-+=.:;'\"/ \t\n1aZ中") + ["http://", "www.", "&amp;", "<a>", "-->", "    "]

markdown = st.one_of(
    st.lists(st.sampled_from(MARKUP), max_size=80).map("".join),
    st.lists(st.sampled_from(NASTY + ["\n", "\n\n", "| a | b |\n| - | - |\n", "# "]), max_size=12).map("".join),
    st.text(max_size=120),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
@example("[x]: /url\n\n| a | b |\n| - | - |\n| [x] | c |\n")  # a reference defined by the block pass
@example("# a \\* `b` *c* [d](e)\n")
@example("| `a | b` | c |\n| - | - |\n| d | e |\n")
@example("| a | b |\n| - | - |\n| ~~c~~ | <d> |\n| ![e](f) | <http://g> |\n")
def test_the_check_finds_what_a_whole_parse_finds(text):
    assert outline(text) == reference(text)


#: A cell's text: typed text escaped as the minutes escape it, or as typed.
cell = st.one_of(
    st.sampled_from(NASTY).map(inline),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(MARKUP + ["\\|", "|", "\0", "\r"]), max_size=8).map("".join),
)


@st.composite
def written_tables(draw) -> str:
    """A table as the minutes write it (header, delimiter, rows of the header's cells),
    its cells any text: escaped, as typed (a pipe adds a cell), or empty."""
    columns = draw(st.integers(1, 4))
    header = [draw(st.sampled_from(["A", "B", "Owner", "截止"])) for _ in range(columns)]
    rows = draw(st.lists(st.lists(cell, min_size=columns, max_size=columns), max_size=8))
    return table(header, rows, "".join(draw(st.sampled_from("lr")) for _ in range(columns)))


@st.composite
def written_lists(draw) -> str:
    """A bullet list as the minutes write one: items of escaped text, bold labels or a
    note of several lines (an item going on over the next, indented), or typed as is."""
    item = st.one_of(
        cell,
        cell.map(lambda text: f"**Label**: {text}"),
        st.lists(st.sampled_from(NASTY), min_size=2, max_size=3).map(lambda parts: lines("\n".join(parts), "  ")),
    )
    return bullets(draw(st.lists(item, min_size=1, max_size=8)))


around = st.sampled_from(["", "\n", "\n\n", "```\n", "- a\n", "> q\n", "<pre>\n", "    ", "para\n", "</pre>\n"])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(written_tables(), written_lists(), markdown, around), min_size=1, max_size=6))
@example(["| A |\n| --- |\n| a |\n| b |\n| --- |\n| c |"])  # a row that looks like a delimiter
@example(["```\n", "| A |\n| --- |\n| a |\n| b |\n| c |"])  # inside a fence: no table at all
@example(["<pre>\n", "| A |\n| --- |\n| a |\n| </pre> |\n| c |"])  # HTML closed inside a row
@example(["| A | B |\n| --- | --- |\n| a | b |\n| [x](y) | `c` |\n| d | e | f |\n| <g> | h |"])
@example(["| A |\n| --- |\n| a |\n| b \0 [c](d) |\r\n| e |"])
@example(["- a\n- b [c](d)\n- \\# e\n- **f**: `g`\n- h"])  # items read from their lines
@example(["para\n", "- a\n- b\n- c\nlazy"])  # the last item goes on over the next line
@example(["- a\n- b\n- c\n", "    - d"])
@example(["```\n- a\n- b <x>\n- c\n```"])
def test_tables_and_lists_written_as_the_minutes_write_them_outline_as_a_whole_parse(parts):
    """The rows and items read from their own line (all but a table's first row, all but
    a list's first and last item) give what markdown-it-py's tokens give, wherever the
    table or the list stands and whatever its cells or items hold."""
    for joined in ("".join(parts), "\n".join(parts)):
        assert outline(joined) == reference(joined)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=21, max_size=21), st.sampled_from(["en", "zh"]))
@example(NASTY[:21], "en")
@example(NASTY[21:42], "zh")
def test_minutes_of_hostile_text_outline_as_a_whole_parse(t, lang):
    built = build_minutes(hostile_session(t), NOW, lang)
    assert outline(built.text) == reference(built.text)


def test_a_full_day_of_minutes_outlines_as_a_whole_parse():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from workshop import workshop
    finally:
        sys.path.remove(str(BENCHMARKS))
    session = workshop(turns=300, actions=40, notes=40)
    now = max(e.at for e in session.events) + timedelta(minutes=1)
    for lang in ("en", "zh"):
        built = build_minutes(session, now, lang)
        assert outline(built.text) == reference(built.text)
        assert problems(built.text, built.headings) == []


def test_the_rows_of_the_minutes_tables_are_read_from_their_lines(monkeypatch):
    """markdown-it-py parses a full day's minutes once, without the body rows after each
    table's first (read from their own lines): the walk confirms every table it was
    told of, so the text is not parsed a second time, whole."""
    from coopconsole.minutes import check

    sys.path.insert(0, str(BENCHMARKS))
    try:
        from workshop import workshop
    finally:
        sys.path.remove(str(BENCHMARKS))
    session = workshop(turns=300, actions=40, notes=40)
    built = build_minutes(session, max(e.at for e in session.events) + timedelta(minutes=1), "en")
    walked: list[int] = []
    walk = check._walk

    def counted(text, lines, alone=None):
        walked.append(len(lines))
        return walk(text, lines, alone)

    monkeypatch.setattr(check, "_walk", counted)
    assert outline(built.text) == reference(built.text)
    assert len(walked) == 1  # confirmed: no second parse
    every = len(check.lines_of(built.text))
    assert walked[0] < every - 100  # the rows of the actions' table, the notes' items and more


def test_a_run_without_an_opener_is_left_unparsed_and_one_with_it_is_parsed():
    # What makes the check cheap: a cell of plain words is not parsed inline; one holding
    # an opener is, and a link in it is found.
    plain = "| a | b |\n| - | - |\n| *plain* words | 12 |\n"
    linked = "| a | b |\n| - | - |\n| [x](y) | 12 |\n"
    assert not OPENERS & set("*plain* words 12")
    assert outline(plain) == reference(plain) == Outline(tables=[Table(2, [2, 2])])
    assert outline(linked).forbidden == reference(linked).forbidden == ["link_open"]


def test_a_row_that_gained_or_lost_a_cell_is_found():
    # markdown-it-py gives every row the header's cells, dropping what is beyond (the text
    # after a pipe left unescaped) and filling what is missing: the check counts the cells
    # written on the row's line, as the table rule splits it, and an escaped pipe is text.
    table = "| a | b |\n| --- | --- |\n"
    assert problems(table + "| x \\| y | z |\n", []) == []
    assert problems(table + "| x | y | z |\n", []) == ["table 1 has rows of [2, 3] cells, expected 2"]
    assert problems(table + "| only |\n", []) == ["table 1 has rows of [2, 1] cells, expected 2"]
    assert [t.type for t in parser().parse(table + "| x | y | z |\n") if t.type == "td_open"] == ["td_open"] * 2


def test_a_table_whose_header_broke_is_found():
    # A pipe left unescaped in a header cell gives the header one cell more than its
    # delimiter row: markdown-it-py then reads no table at all, only a paragraph.
    good = "| a | b |\n| --- | --: |\n| x | y |\n"
    broken = "| a | b | c |\n| --- | --: |\n| x | y |\n"
    assert problems(good, []) == []
    assert outline(broken).tables == []
    assert problems(broken, []) == ["0 tables read, 1 written"]

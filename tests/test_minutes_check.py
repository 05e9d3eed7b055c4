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

"""Whatever people type stays inside its cell or paragraph in the minutes.

The property: a session whose every text field (title, names, organisations, agenda
titles, notes, decisions, deliverables, parked points, the next meeting) holds arbitrary
text gives minutes that markdown-it-py parses into exactly the headings and table shapes
the minutes were built with, with no link, image, HTML or code anywhere, and with each
typed text shown back literally.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coopconsole.cli.export import to_tasks
from coopconsole.domain.typed_text import clean_line
from coopconsole.minutes import build_minutes
from coopconsole.minutes.check import outline, parser, problems, text_of
from coopconsole.minutes.markdown import inline, lines, table
from tests.support.hostile import NASTY, NOW, hostile_session, texts


def _seen(text: str) -> str:
    """What a reader must see for ``text`` typed in a one-line field."""
    return " ".join(clean_line(text).split())


def _texts_of_table_cells(markdown: str) -> list[list[str]]:
    """Each table row's cells, as the reader sees them."""
    rows: list[list[str]] = []
    tokens = parser().parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append("".join(c.content for c in tokens[index + 1].children or () if c.type == "text"))
    return rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=21, max_size=21), st.sampled_from(["en", "zh"]))
@example(NASTY[:21], "en")
@example(NASTY[21:42], "zh")
def test_minutes_keep_their_shape_whatever_was_typed(t, lang):
    session = hostile_session(t)
    built = build_minutes(session, NOW, lang)
    assert problems(built.text, built.headings) == []
    found = outline(built.text)
    assert [level for level, _ in found.headings].count(2) == 9
    assert found.forbidden == []
    # every table: header, and as many cells in each row
    assert all(shape.consistent for shape in found.tables)
    cells = {cell for row in _texts_of_table_cells(built.text) for cell in row}
    for typed in (t[2], t[3], t[13], t[14], t[15], t[20]):  # organisation, title, goal, deliverables, point
        seen = _seen(typed)
        if seen:
            assert seen in cells, (typed, seen)


@settings(max_examples=300, deadline=None)
@given(texts)
@example("\\|")
@example("1. x")
def test_inline_text_reads_back_literally(typed):
    assert text_of(inline(typed)) == _seen(typed)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_a_table_cell_holds_any_text(cells):
    markdown = table(["a"] * len(cells), [[inline(c) for c in cells]])
    found = outline(markdown)
    assert len(found.tables) == 1 and found.tables[0].rows == [len(cells), len(cells)]
    assert found.forbidden == []
    assert _texts_of_table_cells(markdown)[1] == [_seen(c) for c in cells]


@settings(max_examples=150, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5))
def test_a_note_of_several_lines_stays_one_list_item(note_lines):
    note = "\n".join(note_lines)
    markdown = f"- {lines(note, indent='  ')}\n"
    tokens = parser().parse(markdown)
    kinds = [t.type for t in tokens]
    if not any(_seen(line) for line in note_lines):
        return
    assert kinds.count("list_item_open") == 1
    assert kinds.count("paragraph_open") == 1
    assert not set(kinds) & {"heading_open", "blockquote_open", "code_block", "fence", "html_block", "hr"}
    shown = [c.content for t in tokens if t.type == "inline" for c in t.children if c.type == "text"]
    assert shown == [_seen(line) for line in note.splitlines() if _seen(line)]


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, min_size=21, max_size=21))
def test_the_task_list_has_one_item_per_action(t):
    session = hostile_session(t)
    markdown = to_tasks(session, session.actions)
    tokens = parser().parse(markdown)
    assert [x.type for x in tokens].count("list_item_open") == len(session.actions)
    assert markdown.count("\n") == len(session.actions)
    assert not {x.type for x in tokens} & {"heading_open", "html_block", "code_block", "fence"}
    for x in tokens:
        assert not {c.type for c in x.children or ()} & {"link_open", "image", "html_inline", "code_inline"}


@pytest.mark.parametrize("typed", ["a | b", "<b>x</b>", "# h", "`c`", "[l](x)", "\\|"])
def test_typed_syntax_is_shown_not_obeyed(typed):
    session = hostile_session([typed] * 21)
    built = build_minutes(session, NOW, "en")
    assert problems(built.text, built.headings) == []
    assert _seen(typed) in {cell for row in _texts_of_table_cells(built.text) for cell in row}

"""The minutes' check parses as markdown-it-py does: its inline rule's shortcut (an inline
content with no inline terminator is one text token) gives exactly the tokens the stock
parser gives, on arbitrary text and on the minutes of a meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from coopconsole.minutes.check import outline, parser

GOLDEN = Path(__file__).parent / "golden"


def stock() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def tokens(md: MarkdownIt, text: str) -> list[dict]:
    return [token.as_dict() for token in md.parse(text)]


# Markdown's own characters often, plain letters, CJK and spaces between them.
PIECES = st.sampled_from(
    [
        "| a | b |",
        "|---|---|",
        "\n",
        "\n\n",
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "`",
        "*",
        "_",
        "~~",
        "[x](y)",
        "![i](j)",
        "<b>",
        "&amp;",
        "\\|",
        "\\",
        "http://x.y",
        "    ",
        "Alice Chen",
        "12-15",
        "会议纪要",
        " ",
        "|",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_the_check_parses_arbitrary_text_as_markdown_it_py_does(text):
    assert tokens(parser(), text) == tokens(stock(), text)


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("minutes-*.md")), ids=lambda path: path.name)
def test_the_check_parses_minutes_as_markdown_it_py_does(golden):
    text = golden.read_text(encoding="utf-8")
    assert tokens(parser(), text) == tokens(stock(), text)
    assert outline(text).tables  # the minutes' tables are in what was compared


def test_text_without_a_terminator_is_one_text_token_and_with_one_is_parsed():
    plain = parser().parse("| Alice Chen | 12-15 | open |\n|---|---|---|\n| a | b | c |\n")
    cells = [t for t in plain if t.type == "inline"]
    assert [[c.type for c in t.children] for t in cells] == [["text"]] * 6
    marked = parser().parse("send *the* draft `now`")
    inline = next(t for t in marked if t.type == "inline")
    assert [c.type for c in inline.children] == ["text", "em_open", "text", "em_close", "text", "code_inline"]

"""The countdown draws exactly what Textual's ``Digits`` draws: every cell, its character
and its style, for values of every width, each alignment, the countdown's looks (bold,
a tinted background, reverse) and widths the value does not fill or overflows."""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Digits

from coopconsole.tui.widgets.countdown import CountdownDigits

CSS = """
Digits { width: 1fr; color: #4cc96f; }
Digits.-center { text-align: center; }
Digits.-right { text-align: right; }
Digits.-overrun { color: #ff5c5c; background: #ff5c5c 20%; text-style: bold; }
Digits.-flash { text-style: bold reverse; }
Digits.-narrow { width: 7; }
"""


class Pair(App[None]):
    CSS = CSS

    def __init__(self, value: str, classes: str) -> None:
        super().__init__()
        self.value, self.classes_ = value, classes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Digits(self.value, id="theirs", classes=self.classes_)
            yield CountdownDigits(self.value, id="ours", classes=self.classes_)


def cells(strips: list[Strip]) -> list[list[tuple[str, str]]]:
    """Each line as its cells: the character and the style as a terminal gets it."""
    out = []
    for strip in strips:
        line = []
        for segment in strip:
            style = segment.style or Style()
            line.extend((char, style.render("x")) for char in segment.text)
        out.append(line)
    return out


def drawn(widget: Digits) -> list[list[tuple[str, str]]]:
    region = Region(0, 0, widget.size.width, widget.size.height)
    return cells(widget.render_lines(region))


@pytest.mark.parametrize("value", ["--:--", "12:34", "+01:05", "1:02:03", "00:00", "+123:45"])
@pytest.mark.parametrize("classes", ["", "-center", "-right", "-center -overrun", "-center -flash", "-narrow -center"])
async def test_the_countdown_draws_what_digits_draws(value, classes):
    app = Pair(value, classes)
    async with app.run_test(size=(60, 10)) as pilot:
        theirs, ours = app.query_one("#theirs", Digits), app.query_one("#ours", CountdownDigits)
        assert ours.size == theirs.size
        assert drawn(ours) == drawn(theirs)
        for after in ("09:59", "+00:01", "--:--"):  # the next seconds, a longer and a shorter value
            theirs.update(after)
            ours.update(after)
            await pilot.pause()
            assert ours.size == theirs.size
            assert drawn(ours) == drawn(theirs)


async def test_a_value_is_drawn_once_for_its_three_lines():
    app = Pair("12:34", "-center")
    async with app.run_test(size=(60, 10)):
        ours = app.query_one("#ours", CountdownDigits)
        drawn(ours)
        first = ours._lines
        drawn(ours)
        assert ours._lines is first
        ours.update("12:33")
        drawn(ours)
        assert ours._lines is not first and ours._lines[0][0] == "12:33"

"""The projector's countdown digits: they fit every terminal from 80x24 and grow with it."""

from __future__ import annotations

import pytest

from coopconsole.tui.big_digits import GLYPHS, HEIGHT, big_lines, fit, pixel_width, size_at

#: Cells the projector's lines leave the countdown at each terminal size (the screen has
#: 8 rows of text and a column of padding each side): width, height.
ROOM = {(80, 24): (78, 16), (120, 36): (118, 28), (200, 50): (198, 42), (300, 80): (298, 72)}
VALUES = ["12:34", "+01:05", "--:--", "1:02:03", "+1:02:03"]


def test_every_glyph_is_the_same_height():
    assert all(len(rows) == HEIGHT and len(set(map(len, rows))) == 1 for rows in GLYPHS.values())


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("terminal", list(ROOM), ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_digits_fit(value, terminal):
    width, height = ROOM[terminal]
    scale = fit(value, width, height)
    across, down = size_at(value, scale)
    assert scale[1] >= 1  # drawn, not one line of text
    assert across <= width and down <= height
    lines = big_lines(value, scale)
    assert len(lines) == down and {len(line) for line in lines} == {across}


@pytest.mark.parametrize("value", VALUES)
def test_the_digits_grow_with_the_terminal(value):
    heights = [size_at(value, fit(value, *ROOM[terminal]))[1] for terminal in ROOM]
    widths = [size_at(value, fit(value, *ROOM[terminal]))[0] for terminal in ROOM]
    assert heights == sorted(heights) and len(set(heights)) == len(heights)
    assert widths == sorted(widths)
    assert heights[0] > 3  # larger than Textual's Digits even at 80x24
    assert heights[2] >= 20  # at 200x50: nearly half the screen's height


def test_sizes_of_a_plain_countdown():
    """12:34 is 17 pixels across, 5 down."""
    assert pixel_width("12:34") == 17
    assert fit("12:34", 78, 16) == (4, 3)  # width-bound: a pixel 4 cells by 3 rows
    assert size_at("12:34", (4, 3)) == (68, 15)
    assert fit("12:34", 198, 42) == (11, 8)
    assert size_at("12:34", (11, 8)) == (187, 40)
    assert fit("12:34", 298, 72) == (17, 14)


def test_a_pixel_is_never_wider_than_square_nor_taller_than_twice_its_width():
    for width in range(0, 320, 7):
        for height in range(0, 90, 3):
            across, down = fit("+12:34", width, height)
            if down:
                assert down <= across <= 2 * down


def test_too_little_room_gives_one_line_of_text():
    assert fit("12:34", 16, 24) == (0, 0)
    assert fit("12:34", 200, 4) == (0, 0)
    assert big_lines("12:34", (0, 0)) == ["12:34"]


def test_the_drawing():
    assert big_lines("1", (1, 1)) == [" █ ", "██ ", " █ ", " █ ", "███"]
    assert big_lines("1:", (2, 1))[1] == "████    ██"

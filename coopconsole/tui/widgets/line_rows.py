"""The rows of a :class:`~coopconsole.tui.widgets.line_list.LineList`: each row with the
lines it was drawn as, and which row the keys move the highlight to (rows without an id
cannot be chosen: headings, counts)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.strip import Strip


class Row:
    """One row: its id (``None``: a row that cannot be chosen) and its prompt."""

    __slots__ = ("id", "prompt", "disabled", "_lines")

    def __init__(self, row_id: str | None, prompt: Content) -> None:
        self.id = row_id
        self.prompt = prompt
        self.disabled = row_id is None
        # The row's line as drawn, by (style, width): the last two looks. A row's look
        # flips with the list's focus (a capture bar taking it and giving it back) and
        # with the highlight, and each flip drew every row in view again.
        self._lines: dict[tuple, Strip] = {}

    def line(self, key: tuple) -> Strip | None:
        """The line drawn with ``key`` (style, width), if it is one of the last two."""
        return self._lines.get(key)

    def keep(self, key: tuple, line: Strip) -> None:
        lines = self._lines
        if len(lines) >= 2:
            del lines[next(iter(lines))]  # the oldest look
        lines[key] = line


def enabled_from(rows: Sequence[Row], start: int, step: int) -> int | None:
    """The first row that can be chosen at or after ``start`` going ``step`` (1 or -1)."""
    index = start
    while 0 <= index < len(rows):
        if not rows[index].disabled:
            return index
        index += step
    return None


def next_enabled(rows: Sequence[Row], anchor: int | None, step: int) -> int | None:
    """The arrow keys: the next row that can be chosen after ``anchor`` going ``step``,
    round the end of the list to its other end; from no highlight, the first (down) or
    the last (up); the anchor itself if no other row can be chosen."""
    if anchor is None:
        return enabled_from(rows, 0 if step > 0 else len(rows) - 1, step)
    for offset in range(1, len(rows) + 1):
        index = (anchor + step * offset) % len(rows)
        if not rows[index].disabled:
            return index
    return anchor

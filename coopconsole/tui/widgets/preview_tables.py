"""The minutes preview's tables: every column fits, or its text wraps; nothing is cut.

Textual's Markdown table sizes its columns to their text and, when they are too wide
together, narrows them from the left, each down to its longest word. Chinese text has no
spaces, so a whole Chinese deliverable counts as one word: the deliverable keeps its width
and the columns around it are narrowed below their text, then cut with an ellipsis
(``2026年12月1…``). Here, a table that does not fit gets widths of our own instead: the
narrow columns (numbers, dates, states, names) keep their whole width and the widest share
what is left, wrapping their text (:func:`column_widths`); the preview's cells fold a
word that is still too long onto the next line rather than cut it.

The table widget is found by its CSS type name and changed through its public styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from textual.widget import Widget

#: The Markdown widget's table, by its CSS type name.
TABLE = "MarkdownTableContent"
#: A cell's padding, left and right (Textual's ``padding: 0 1``).
CELL_PADDING = 2
#: Below this many cells a column is not worth keeping whole at the others' expense.
NARROWEST = 4


def column_widths(naturals: Sequence[int], room: int, words: Sequence[int] | None = None) -> list[int] | None:
    """Widths for columns whose text wants ``naturals`` cells, in ``room`` cells (gutters
    left out); None when they fit as they are. ``words``: the cells each column's longest
    word needs (its padding included), so that a narrowed column breaks its text between
    words rather than inside one where the others can spare the cells.

    The widest columns are narrowed to one width, as little as lets the table fit, and
    every column narrower than that keeps its own: a column of dates keeps its dates
    whole while the deliverables and remarks wrap. When even that would leave the widest
    columns narrower than :data:`NARROWEST`, every column gets its share of the room."""
    widths = _water_filled(naturals, room)
    if widths is not None and words is not None:
        _whole_words(widths, list(words))
    return widths


def _whole_words(widths: list[int], words: list[int]) -> None:
    """Move cells, one at a time, to a column whose longest word does not fit from a
    column with cells to spare beyond its own longest word (and :data:`NARROWEST`)."""
    for index in sorted(range(len(widths)), key=lambda i: words[i] - widths[i], reverse=True):
        while widths[index] < words[index]:
            donors = [j for j in range(len(widths)) if j != index and widths[j] > max(words[j], NARROWEST)]
            if not donors:
                return
            donor = max(donors, key=lambda j: widths[j] - words[j])
            widths[donor] -= 1
            widths[index] += 1


def _water_filled(naturals: Sequence[int], room: int) -> list[int] | None:
    if sum(naturals) <= room or not naturals:
        return None
    left, count = room, len(naturals)
    cap = 0
    for index, natural in enumerate(sorted(naturals)):
        wider = count - index  # this column and every one wider than it
        if natural * wider > left:
            cap = left // wider
            break
        left -= natural
    if cap < NARROWEST:
        total = sum(naturals)
        return [max(1, natural * room // total) for natural in naturals]
    widths = [min(natural, cap) for natural in naturals]
    spare = room - sum(widths)
    for index, natural in sorted(enumerate(naturals), key=lambda pair: -pair[1]):
        if spare <= 0:
            break
        if natural > widths[index]:
            widths[index] += 1
            spare -= 1
    return widths


def _natural(cells: Sequence[Any]) -> int:
    """The width a column's text wants: its longest line, and the cell's padding."""
    return max((cell_len(line) for cell in cells for line in cell.plain.splitlines()), default=0) + CELL_PADDING


def _longest_word(cells: Sequence[Any]) -> int:
    """The width a column's longest word needs (Chinese text, which breaks anywhere, has
    words of one character), with the cell's padding."""
    longest = 0
    for cell in cells:
        for word in cell.plain.split():
            longest = max(longest, 2 if cell_len(word) != len(word) else len(word))
    return longest + CELL_PADDING


def fit_table(table: Widget) -> bool:
    """Give ``table`` (a Markdown table laid out at its width) the columns of
    :func:`column_widths`; False if it has no width yet."""
    width = table.content_size.width
    if table.styles.keyline[0] != "none":
        width -= 2  # the grid draws its keyline round the cells, inside the table
    if width <= 0:
        return False
    headers: list[Any] = getattr(table, "headers", [])
    rows: list[list[Any]] = getattr(table, "rows", [])
    columns = [[header, *(row[i] for row in rows if i < len(row))] for i, header in enumerate(headers)]
    if not columns:
        return True
    gutter = table.styles.grid_gutter_horizontal
    room = width - gutter * (len(columns) - 1)
    widths = column_widths([_natural(cells) for cells in columns], room, [_longest_word(cells) for cells in columns])
    wanted = "auto" if widths is None else " ".join(str(w) for w in widths)
    if getattr(table, "fitted", None) != wanted:
        table.styles.grid_columns = wanted
        table.fitted = wanted  # type: ignore[attr-defined]
    return True


def fit_tables(root: Widget) -> bool:
    """Fit every Markdown table under ``root``; False if one had no width yet."""
    return all([fit_table(table) for table in root.query(TABLE)])

"""A card of the board: one action's text (owner, organisation, deadline, deliverable,
``MEETING#N``) as its column draws it, and its height at a width, worked out from its
plain text the way Textual wraps a line (see :mod:`coopconsole.tui.widgets.board`)."""

from __future__ import annotations

import re
from datetime import date

from rich.cells import cell_len, chop_cells
from textual.content import Content
from textual.strip import Strip

from coopconsole.domain.board import overdue_days
from coopconsole.domain.series import Latest
from coopconsole.texts import t

#: One run of a card's line: its text and its style ("": the card's own).
Piece = tuple[str, str]
#: A card's lines, each made of pieces.
Face = tuple[tuple[Piece, ...], ...]

# Content drops these control codes; a tab would be expanded: a card has neither, so that
# the plain text measured here is the text Textual draws.
_CLEAN = str.maketrans({7: None, 8: None, 11: None, 12: None, 13: None, 9: " "})
_ODD = re.compile("[\x07-\x0d]")  # those, and a line break
_WORD = re.compile(r"\s*\S+\s*")


def card_ref(latest: Latest) -> str:
    """The name a change is made by: the newest copy's meeting and number."""
    return f"{latest.meeting}#{latest.action.id}"


def card_face(latest: Latest, lang: str, late: int) -> Face:
    """What the card of ``latest`` shows, line by line (``late``: days overdue)."""
    action = latest.action
    warn = "bold $warning"
    owner, organisation = action.owner or t("actions.no_owner", lang), action.organisation
    if action.deadline is None:
        due: Piece = (t("actions.no_deadline", lang), "dim")
    else:
        due = (t("kanban.due", lang, day=action.deadline.isoformat()), "")
    who = ((owner, "bold"), (" · ", ""), (organisation, "italic")) if organisation else ((owner, "bold"),)
    lines = [((card_ref(latest), warn if late else "bold"),), who, (due,), ((action.deliverable, ""),)]
    if late:
        lines.append(((t("kanban.overdue", lang, days=late), warn),))
    if not _ODD.search(f"{latest.meeting}{owner}{organisation}{action.deliverable}"):  # as nearly always
        return tuple(lines)
    face: list[tuple[Piece, ...]] = []
    for pieces in lines:  # a text with a line break in it is two lines, as in a Content
        line: list[Piece] = []
        for text, style in pieces:
            for index, part in enumerate(text.translate(_CLEAN).split("\n")):
                if index:
                    face.append(tuple(line))
                    line = []
                if part:
                    line.append((part, style))
        face.append(tuple(line))
    return tuple(face)


def wrapped_height(text: str, width: int) -> int:
    """How many lines ``text`` (one line, no tabs) takes at ``width`` cells when Textual
    wraps it: words moved to the next line whole, a word longer than a line folded (what
    ``Content.wrap`` does, by Rich's ``divide_line``)."""
    length = len(text)
    if width <= 0 or length * 2 <= width:  # no character is wider than two cells
        return 1
    if text.isascii():
        if length <= width:
            return 1
        if text.isprintable():  # a character is a cell
            return _ascii_height(text, width)
    if cell_len(text) <= width:
        return 1
    lines = 1
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            folded = chop_cells(word, width)
            for part in folded[:-1]:
                lines += start > 0
                start += len(part)
            lines += start > 0
            offset = cell_len(folded[-1])
        elif offset and start:
            lines += 1
            offset = cell_len(word)
    return lines


def _ascii_height(text: str, width: int) -> int:
    """:func:`wrapped_height` of a text whose every character is one cell."""
    lines = 1
    offset = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += end - start
        elif length > width:
            whole, rest = divmod(end - start, width)
            parts = whole + (rest > 0)
            lines += parts if start else parts - 1
            offset = rest or width
        elif offset and start:
            lines += 1
            offset = end - start
    return lines


class Card:
    """One action on the board, as its column draws it: its text (:attr:`face`) and,
    once worked out, its height and rendered lines. Not a widget."""

    __slots__ = ("latest", "card_key", "late", "face", "drawn", "_shown", "_height")

    def __init__(self, latest: Latest, lang: str, today: date) -> None:
        self.latest = latest
        self.card_key = latest.origin
        """What names the action on the board whatever copy it is now: where it was first captured."""
        self.late = overdue_days(latest.action, today)
        """How many days it is overdue (0: it is not)."""
        self.face = card_face(latest, lang, self.late)
        self._shown: Content | None = None
        self._height: tuple[int, int] = (-1, 0)  # (width, lines of text at that width)
        self.drawn: tuple[object, list[Strip]] | None = None
        """The card's lines as its column last rendered them, and how (width and styles)."""

    @property
    def overdue(self) -> bool:
        return self.late > 0

    @property
    def shown(self) -> Content:
        """The card's text as one ``Content`` (its lines joined by line breaks)."""
        if self._shown is None:
            lines = [Content.assemble(*line) if line else Content() for line in self.face]
            self._shown = Content("\n").join(lines)
        return self._shown

    def height(self, width: int) -> int:
        """How many lines the card's text takes at ``width`` cells."""
        at, lines = self._height
        if at != width:
            lines = 0
            for line in self.face:
                lines += wrapped_height(line[0][0] if len(line) == 1 else "".join(text for text, _ in line), width)
            self._height = (width, lines)
        return lines

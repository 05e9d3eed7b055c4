"""What the projector shows, and its countdown drawn as large as the screen allows.

:func:`projector_figures` words one :class:`~coopconsole.tui.frame.Frame` (the same the
console's panes are given) as the projector's lines; the countdown's value and its amber
and red come from :func:`~coopconsole.tui.widgets.agenda.countdown_of`, as in the agenda
pane. :class:`BigCountdown` draws the value with :mod:`coopconsole.tui.big_digits`,
choosing the size of its pixels from its own size each time it is drawn.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from coopconsole.domain.model import Resolution, SessionStatus
from coopconsole.texts import t
from coopconsole.tui.big_digits import BLOCK, Scale, big_lines, fit
from coopconsole.tui.format import clock, hhmm
from coopconsole.tui.frame import Frame
from coopconsole.tui.widgets.agenda import Countdown, countdown_of

#: How many of the items to come the projector names.
NEXT_ITEMS = 2


class ProjectorFigures(NamedTuple):
    """The projector's lines for one frame."""

    countdown: Countdown
    place: str  # "Item 2 of 4" ("" before the start and after the end)
    floor: str  # who has the floor and for how long, or that nobody has
    speaking: bool
    next_items: tuple[str, ...]  # "09:45 Tea break", at most NEXT_ITEMS
    parked: str  # how many parked points are still open
    decision: str  # the last decision recorded


def projector_figures(frame: Frame) -> ProjectorFigures:
    """The projector's lines for ``frame`` (its session as changed live: titles, order)."""
    lang, session, view = frame.lang, frame.session, frame.view
    state = view.agenda
    tz = view.now.tzinfo
    ids = [timing.item for timing in state.items]
    place = ""
    if state.status is SessionStatus.RUNNING and state.current in ids:
        place = t("projector.item", lang, number=ids.index(state.current) + 1, count=len(ids))
    speaker = session.participant(view.speaker)
    if speaker is None or view.speaker_since is None:
        floor = t("projector.nobody", lang)
    else:
        turn = clock(view.now - view.speaker_since)
        key = "projector.floor_org" if speaker.organisation else "projector.floor"
        floor = t(key, lang, name=speaker.name, org=speaker.organisation, turn=turn)
    to_come = []
    if state.status is not SessionStatus.ENDED:
        after = ids.index(state.current) + 1 if state.current in ids else 0
        for timing in state.items[after:]:
            item = session.item(timing.item)
            if item is None or timing.dropped or timing.actual_start is not None:
                continue
            start = hhmm(timing.projected_start or timing.planned_start, tz)
            to_come.append(t("projector.next_item", lang, time=start, title=item.title))
            if len(to_come) == NEXT_ITEMS:
                break
    open_points = sum(1 for point in session.parked if point.resolution is Resolution.OPEN)
    decisions = session.decisions
    decision = t("projector.decision", lang, text=decisions[-1].text) if decisions else t("projector.no_decision", lang)
    countdown = countdown_of(frame)
    if state.status is SessionStatus.PLANNED:  # the console's "press space" is not for the room
        planned = state.planned_start + state.plan_shift if state.planned_start is not None else None
        countdown = countdown._replace(headline=t("projector.not_started", lang, time=hhmm(planned, tz)))
    return ProjectorFigures(
        countdown,
        place,
        floor,
        speaker is not None,
        tuple(to_come),
        t("projector.parked", lang, count=open_points),
        decision,
    )


class BigCountdown(Widget):
    """The countdown in digits that grow with the space they are given (see
    :mod:`coopconsole.tui.big_digits`), centred; its colour is the stylesheet's, so the
    ``-warning``, ``-overrun`` and ``-paused`` classes colour it as in the agenda pane.

    Drawn line by line (``render_line``) rather than as text: Textual's text layout
    would trim the blank pixels at the start of a line ("+" and "1" begin blank), and
    the rows of a digit would no longer line up."""

    DEFAULT_CSS = """
    BigCountdown {
        width: 1fr;
        height: 1fr;
    }
    """
    """Fills what the projector's lines leave; the digits are centred in it."""

    value: reactive[str] = reactive("--:--")
    """The countdown's text, as the agenda pane's ``Digits`` would show it."""

    _drawn: tuple[str, int, int, list[str]] | None = None  # (value, width, height, lines)

    def scale(self) -> Scale:
        """The size of a pixel of the digits in the widget's present size (see ``fit``)."""
        size = self.content_size
        return fit(self.value, size.width, size.height)

    def lines(self) -> list[str]:
        """The digits' lines at the widget's present size (drawn once per value and size)."""
        size = self.content_size
        drawn = self._drawn
        if drawn is None or drawn[:3] != (self.value, size.width, size.height):
            lines = big_lines(self.value, self.scale())
            self._drawn = drawn = (self.value, size.width, size.height, [line[: size.width] for line in lines])
        return drawn[3]

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        lines = self.lines()
        row = y - (height - len(lines)) // 2
        text = lines[row] if 0 <= row < len(lines) else ""
        left = max((width - cell_len(text)) // 2, 0)
        base = self.rich_style
        if BLOCK not in text:  # a blank row, or the value as one line of text
            return Strip([Segment((" " * left + text).ljust(width), base)], width)
        # A pixel is a space in the digits' colour as its background: solid in every
        # terminal and font (a "█" leaves gaps between rows in some, and is not as wide
        # as a space in others' fallback fonts).
        lit = base + Style(bgcolor=base.color)
        segments = [Segment(" " * left, base)]
        for on, run in groupby(text, key=lambda char: char == BLOCK):
            segments.append(Segment(" " * len(list(run)), lit if on else base))
        segments.append(Segment(" " * max(width - left - len(text), 0), base))
        return Strip(segments, width)

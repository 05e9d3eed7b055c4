"""What the projector shows, and its countdown drawn as large as the screen allows.

:func:`projector_figures` words one :class:`~coopconsole.tui.frame.Frame` (the same the
console's panes are given) as the projector's lines; the countdown's value and its amber
and red come from :func:`~coopconsole.tui.widgets.agenda.countdown_of`, as in the agenda
pane. :class:`BigCountdown` draws the value with :mod:`coopconsole.tui.big_digits`,
choosing the size of its pixels from its own size each time it is drawn.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from coopconsole.domain.model import Resolution, SessionStatus
from coopconsole.texts import t
from coopconsole.tui.big_digits import Scale, big_lines, fit, size_at
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
    return ProjectorFigures(
        countdown_of(frame),
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
    ``-warning``, ``-overrun`` and ``-paused`` classes colour it as in the agenda pane."""

    DEFAULT_CSS = """
    BigCountdown {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """
    """Fills what the projector's lines leave; the digits are centred in it."""

    value: reactive[str] = reactive("--:--")
    """The countdown's text, as the agenda pane's ``Digits`` would show it."""

    def scale(self) -> Scale:
        """The size of a pixel of the digits in the widget's present size (see ``fit``)."""
        size = self.content_size
        return fit(self.value, size.width, size.height)

    def render(self) -> Content:
        scale = self.scale()
        lines = big_lines(self.value, scale)
        width = size_at(self.value, scale)[0]
        if scale[1] == 0 and cell_len(self.value) > self.content_size.width:  # a sliver of a terminal
            lines = [self.value[: max(self.content_size.width, 0)]]
        return Content("\n".join(line.ljust(width) for line in lines))

"""The meeting header: title, wall clock, meeting state, projected end against plan."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from textual.content import Content
from textual.reactive import var
from textual.widget import Widget

from coopconsole.domain.followup import MinutesState, minutes_status
from coopconsole.domain.model import Session, SessionStatus
from coopconsole.domain.rounding import whole_minutes
from coopconsole.domain.timeline import AgendaState
from coopconsole.texts import t
from coopconsole.tui.format import clock, hhmm
from coopconsole.tui.frame import Frame


class MeetingHeader(Widget):
    """One line, readable from across the room: the title on the left (bold, cut with an
    ellipsis, never narrower than :data:`TITLE_MIN` cells), the status on the right.

    One widget drawing both, rather than a row of two labels: every widget on screen is
    rendered again, from its cache, on each second's repaint, and styled at start-up."""

    COMPONENT_CLASSES = {"header--title"}
    DEFAULT_CSS = """
    MeetingHeader {
        height: 1;
        .header--title {
            text-style: bold;
        }
    }
    """

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = ""
        self.status_parts: list[tuple[int, str]] = []
        self._checks: Any = None  # the health checks' SettledChecks, once their module is loaded

    @property
    def status_text(self) -> str:
        """The whole status (the header may show less of it: see :func:`fitted`)."""
        return SEPARATOR.join(text for _, text in self.status_parts)

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        if self._checks is None and _CHECKS:
            self._checks = _CHECKS[0].SettledChecks()
        title, parts = frame.session.title, status_parts(frame, self._checks)
        if (title, parts) != (self.title_text, self.status_parts):
            self.title_text, self.status_parts = title, parts
            self.refresh()  # one line of a fixed height: nothing else moves

    def render(self) -> Content:
        width = self.size.width
        # Both parts have a cell of padding either side; the title keeps TITLE_MIN cells.
        status = fitted(self.status_parts, max(0, width - TITLE_MIN - 4))
        title_room = max(1, width - status.cell_length - 4)
        title = Content(self.title_text).truncate(title_room, ellipsis=True, pad=True)
        title = title.stylize_before(self.get_visual_style("header--title", partial=True))
        return Content.assemble(" ", title, "  ", status, " ")


#: The title keeps this many cells, however long the status line grows.
TITLE_MIN = 14


#: The health checks' module, once fully imported (a background import is in
#: ``sys.modules`` while still half done, so the header never looks there).
_CHECKS: list[Any] = []


def checks_loaded(module: Any) -> None:
    """Called by the thread that imported the checks' module, once the import is done."""
    if not _CHECKS:
        _CHECKS.append(module)


def status_line(frame: Frame) -> str:
    """The whole status: what the header shows when it has the room."""
    return SEPARATOR.join(text for _, text in status_parts(frame))


#: Between two parts of the status.
SEPARATOR = "  ·  "


def status_parts(frame: Frame, checks: Any = None) -> list[tuple[int, str]]:
    """The status's parts in order, each with how soon a narrow header leaves it out
    (the highest first): the projected and planned ends go before the goals and checks,
    which go before the drift; the clock and the meeting's state always stay.
    ``checks``: a ``SettledChecks`` that keeps what only records and events move."""
    lang, state, tz = frame.lang, frame.view.agenda, frame.view.now.tzinfo
    if state.status is SessionStatus.RUNNING:
        key = "state.running" if state.running else "state.paused"
    else:
        key = f"state.{state.status.value}"
    parts = [(0, hhmm(frame.view.now, tz)), (0, t(key, lang))]
    if state.status is SessionStatus.ENDED:
        parts.extend(_final_parts(state, tz, lang))
    elif state.projected_end is not None and state.planned_end is not None:
        parts.append(
            (
                3,
                t(
                    "header.projected",
                    lang,
                    projected=hhmm(state.projected_end, tz),
                    planned=hhmm(state.planned_end, tz),
                ),
            )
        )
    if state.drift is not None and state.status is not SessionStatus.ENDED:
        minutes = abs(whole_minutes(state.drift))
        if minutes == 0:
            parts.append((1, t("header.on_time", lang)))
        elif state.drift > timedelta(0):
            parts.append((1, t("header.behind", lang, minutes=minutes)))
        else:
            parts.append((1, t("header.ahead", lang, minutes=minutes)))
    if state.cooling is not None:
        until = state.cooling.at + timedelta(minutes=state.cooling.minutes)
        parts.append((1, t("header.cooling", lang, left=clock(max(until - frame.view.now, timedelta(0))))))
    line = minutes_line(frame.session, state, frame.view.now, lang)
    if line:
        parts.append((2, line))
    # The checks' module is loaded in the background after the first frame (with the
    # capture parser): until it is whole (see ``checks_loaded``) the header goes without.
    summary = _CHECKS[0].health_summary(frame, checks) if _CHECKS else ""
    if summary:
        parts.append((2, summary))
    return parts


def _final_parts(state: AgendaState, tz: tzinfo | None, lang: str) -> list[tuple[int, str]]:
    """Once the meeting has ended: when it ended against the plan, and the final drift."""
    if state.ended_at is None or state.planned_end is None:
        return []
    parts = [(3, t("header.ended", lang, ended=hhmm(state.ended_at, tz), planned=hhmm(state.planned_end, tz)))]
    minutes = whole_minutes(state.ended_at - state.planned_end)
    if minutes == 0:
        parts.append((1, t("header.on_time", lang)))
    elif minutes > 0:
        parts.append((1, t("header.final_late", lang, minutes=minutes)))
    else:
        parts.append((1, t("header.final_early", lang, minutes=-minutes)))
    return parts


def fitted(parts: list[tuple[int, str]], room: int) -> Content:
    """The status in at most ``room`` cells: parts left out, the least needed first, until
    it fits; cut with an ellipsis if even the clock and the state do not."""
    kept = list(parts)
    while True:
        line = Content(SEPARATOR.join(text for _, text in kept))
        if line.cell_length <= room or len(kept) <= 2:
            break
        drop = max(range(len(kept)), key=lambda i: (kept[i][0], i))
        if kept[drop][0] == 0:
            break
        del kept[drop]
    return line.truncate(room, ellipsis=True) if line.cell_length > room else line


def minutes_line(session: Session, state: AgendaState, now: datetime, lang: str) -> str:
    """ "minutes due 12-09 12:14", "minutes sent 14:05 · 2/5 confirmed", "minutes out of
    date, sent 14:05 · ..." once the meeting has ended; "" before."""
    status = minutes_status(session, state, now)
    tz = now.tzinfo
    if status.state is MinutesState.NOT_DUE:
        return ""
    if status.state in (MinutesState.DUE, MinutesState.OVERDUE) and status.due is not None:
        day = status.due.astimezone(tz).strftime("%m-%d")
        return t(f"minutes.{status.state.value}", lang, day=day, time=hhmm(status.due, tz))
    if status.out_of_date:  # something was recorded after they were sent
        key = "sending.header_out_of_date"
    else:
        key = "minutes.late" if status.state is MinutesState.LATE else "minutes.written"
    return t(key, lang, time=hhmm(status.written_at, tz), confirmed=status.confirmed, asked=status.asked)

"""The meeting header: title, wall clock, meeting state, projected end against plan."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import var
from textual.widgets import Label

from ..domain.followup import MinutesState, minutes_status
from ..domain.model import Session, SessionStatus
from ..domain.timeline import AgendaState
from ..i18n import minutes_text, t
from .format import clock, hhmm
from .frame import Frame
from .paint import show


class MeetingHeader(Horizontal):
    """One line, readable from across the room."""

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    def compose(self) -> ComposeResult:
        yield Label(id="header-title")
        yield Label(id="header-status")

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        show(self.query_one("#header-title", Label), Content(frame.session.title))
        # The status is as wide as its text: re-lay out only when its width changes (the
        # clock's minute changes nothing but digits).
        status = self.query_one("#header-status", Label)
        line = Content(status_line(frame))
        before = status.content
        show(status, line, layout=not isinstance(before, Content) or before.cell_length != line.cell_length)


#: The health checks' module, once fully imported (a background import is in
#: ``sys.modules`` while still half done, so the header never looks there).
_CHECKS: list[Any] = []


def checks_loaded(module: Any) -> None:
    """Called by the thread that imported the checks' module, once the import is done."""
    if not _CHECKS:
        _CHECKS.append(module)


def status_line(frame: Frame) -> str:
    lang, state, tz = frame.lang, frame.view.agenda, frame.view.now.tzinfo
    if state.status is SessionStatus.RUNNING:
        key = "state.running" if state.running else "state.paused"
    else:
        key = f"state.{state.status.value}"
    parts = [hhmm(frame.view.now, tz), t(key, lang)]
    if state.projected_end is not None and state.planned_end is not None:
        parts.append(t("header.projected", lang, projected=hhmm(state.projected_end, tz),
                       planned=hhmm(state.planned_end, tz)))
    if state.drift is not None and state.status is not SessionStatus.ENDED:
        minutes = minutes_text(state.drift.total_seconds())
        if minutes == 0:
            parts.append(t("header.on_time", lang))
        elif state.drift > timedelta(0):
            parts.append(t("header.behind", lang, minutes=minutes))
        else:
            parts.append(t("header.ahead", lang, minutes=minutes))
    if state.cooling is not None:
        until = state.cooling.at + timedelta(minutes=state.cooling.minutes)
        parts.append(t("header.cooling", lang, left=clock(max(until - frame.view.now, timedelta(0)))))
    line = minutes_line(frame.session, state, frame.view.now, lang)
    if line:
        parts.append(line)
    # The checks' module is loaded in the background after the first frame (with the
    # capture parser): until it is whole (see ``checks_loaded``) the header goes without.
    summary = _CHECKS[0].health_summary(frame) if _CHECKS else ""
    if summary:
        parts.append(summary)
    return "  ·  ".join(parts)


def minutes_line(session: Session, state: AgendaState, now: datetime, lang: str) -> str:
    """"minutes due 12-09 12:14" and the like, once the meeting has ended or minutes were
    sent; "" before."""
    status = minutes_status(session, state, now)
    tz = now.tzinfo
    if status.state is MinutesState.NOT_DUE:
        return ""
    if status.state in (MinutesState.DUE, MinutesState.OVERDUE) and status.due is not None:
        day = status.due.astimezone(tz).strftime("%m-%d")
        return t(f"minutes.{status.state.value}", lang, day=day, time=hhmm(status.due, tz))
    key = "minutes.late" if status.state is MinutesState.LATE else "minutes.written"
    return t(key, lang, time=hhmm(status.written_at, tz), confirmed=status.confirmed, asked=status.asked)

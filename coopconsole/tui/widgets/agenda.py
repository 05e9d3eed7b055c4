"""The agenda pane: the big countdown of the current item, drift, and every item."""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Label

from coopconsole.domain.model import ItemKind, SessionStatus
from coopconsole.domain.rounding import whole_minutes
from coopconsole.domain.timeline import AgendaState
from coopconsole.texts import t
from coopconsole.tui.format import clock, hhmm
from coopconsole.tui.frame import Frame, same_side
from coopconsole.tui.paint import set_border_title, show, show_digits
from coopconsole.tui.widgets.countdown import CountdownDigits
from coopconsole.tui.widgets.line_list import LineList

#: An item that was current for less than this was passed over, not run.
RAN = timedelta(seconds=1)


class AgendaPane(Vertical):
    """Countdown, then the list of items. Warning and overrun are classes the theme colours."""

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    _rows_key: tuple | None = None
    _rows_lists: tuple[list, list] | None = None  # the agenda and the events the rows show
    _side: tuple | None = None  # what the pane was last drawn from (Frame.clock_side)

    def compose(self) -> ComposeResult:
        yield Label(id="agenda-item")
        yield CountdownDigits("--:--", id="countdown")
        yield Label(id="agenda-box")
        yield Label(id="agenda-drift")
        yield LineList(id="agenda-items")

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        side = frame.clock_side()
        if same_side(self._side, side):  # a capture: the same figures, nothing to draw
            return
        self._side = side
        lang = frame.lang
        set_border_title(self, t("agenda.title", lang))
        state = frame.view.agenda
        figures = countdown_of(frame)
        countdown = self.query_one("#countdown", CountdownDigits)
        show_digits(countdown, figures.value)
        countdown.set_class(figures.warning, "-warning")
        countdown.set_class(figures.overrun, "-overrun")
        countdown.set_class(figures.paused, "-paused")
        headline, detail = figures.headline, figures.detail
        show(self.query_one("#agenda-item", Label), Content(headline))
        show(self.query_one("#agenda-box", Label), Content(detail))
        show(self.query_one("#agenda-drift", Label), Content(_drift_line(frame)))
        # The list changes with the agenda and the events (the service gives a list a new
        # object whenever one of its records changes), the language and the minute each
        # item is projected to start at. A second passing changes nothing else in it, nor
        # does a capture (an action, a decision, a note), so neither rebuilds it.
        lists = (frame.session.agenda, frame.session.events)
        key = (lang, state.current, _start_minutes(state))
        kept = self._rows_lists
        if key != self._rows_key or kept is None or any(a is not b for a, b in zip(lists, kept, strict=True)):
            self._rows_key, self._rows_lists = key, lists
            self.query_one("#agenda-items", LineList).show_rows(_item_rows(frame))


class Countdown(NamedTuple):
    """The countdown of the current item as the agenda pane and the projector show it."""

    value: str  # "12:34", "+01:05" once over the box, "--:--"
    headline: str  # the item's title, or what the meeting is at ("not started", "ended")
    detail: str  # its box and what is left or over, paused or not
    warning: bool  # within the warning minutes of the end of the box
    overrun: bool  # over the box
    paused: bool  # the meeting runs but its clock is paused


def countdown_of(frame: Frame) -> Countdown:
    """The countdown of ``frame``'s current item, worded in its language."""
    lang = frame.lang
    state = frame.view.agenda
    timing = state.current_timing
    item = frame.session.item(state.current)
    warning = overrun = False
    if state.status is SessionStatus.PLANNED:
        first = frame.session.agenda[0] if frame.session.agenda else None
        minutes = first.minutes if first and first.minutes is not None else 0
        value = clock(timedelta(minutes=minutes))
        headline, detail = t("agenda.not_started", lang), ""
    elif state.status is SessionStatus.ENDED:
        value = "--:--"
        headline, detail = t("agenda.ended", lang), ""
    elif timing is None or timing.box is None:
        value = clock(timing.elapsed) if timing else "--:--"
        headline, detail = (item.title if item else ""), t("agenda.no_box", lang)
    else:
        box = t("agenda.minutes", lang, minutes=whole_minutes(timing.box))
        if timing.overrun > timedelta(0):
            overrun = True
            value = "+" + clock(timing.overrun)
            detail = t("agenda.over", lang, box=box)
        else:
            remaining = timing.remaining or timedelta(0)
            warning = remaining <= timedelta(minutes=frame.warning_minutes)
            value = clock(remaining)
            detail = t("agenda.left", lang, box=box)
        headline = item.title if item else ""
        if not state.running:
            detail = f"{detail} · {t('agenda.paused', lang)}"
    paused = state.status is SessionStatus.RUNNING and not state.running
    return Countdown(value, headline, detail, warning, overrun, paused)


def _start_minutes(state: AgendaState) -> tuple[int | None, ...]:
    """The minute each item starts at as shown (actual or projected)."""
    return tuple(None if t.projected_start is None else int(t.projected_start.timestamp()) // 60 for t in state.items)


def _drift_line(frame: Frame) -> str:
    lang, state = frame.lang, frame.view.agenda
    tz = frame.view.now.tzinfo
    if state.status is SessionStatus.ENDED:  # the actual end and the final drift
        ended = t("agenda.ended_at", lang, time=hhmm(state.ended_at, tz))
        if state.drift is None:
            return ended
        minutes = whole_minutes(state.drift)
        if minutes == 0:
            final = t("agenda.final_on_time", lang)
        elif minutes > 0:
            final = t("agenda.final_late", lang, minutes=minutes)
        else:
            final = t("agenda.final_early", lang, minutes=-minutes)
        return f"{ended} · {final}"
    if state.drift is None:
        drift = ""
    else:
        minutes = abs(whole_minutes(state.drift))
        if minutes == 0:
            drift = t("agenda.drift_none", lang)
        elif state.drift > timedelta(0):
            drift = t("agenda.drift_behind", lang, minutes=minutes)
        else:
            drift = t("agenda.drift_ahead", lang, minutes=minutes)
    end = t("agenda.projected_end", lang, time=hhmm(state.projected_end, tz))
    return " · ".join(part for part in (drift, end) if part)


def _item_rows(frame: Frame) -> list[tuple[str | None, Content]]:
    """One row per item: its mark, its start (actual once it has run, projected while it
    is to come, planned for one that will not run), title, box and time taken."""
    lang, state = frame.lang, frame.view.agenda
    tz = frame.view.now.tzinfo
    ended = state.status is SessionStatus.ENDED
    rows: list[tuple[str | None, Content]] = []
    ids = [item.id for item in frame.session.agenda]
    now_at = ids.index(state.current) if state.current in ids else -1
    for index, (item, timing) in enumerate(zip(frame.session.agenda, state.items, strict=False)):
        current = item.id == state.current
        passed = not current and (ended or index < now_at)
        ran = timing.elapsed >= RAN
        # Done: behind the current item, and it ran. One visited and left by going back is
        # not done; one passed over in no time was skipped; once the meeting has ended,
        # one never begun was not reached.
        done = passed and ran and timing.actual_end is not None
        outcome = ""
        if passed and not ran:
            outcome = "agenda.not_reached" if ended and timing.actual_start is None else "agenda.skipped"
        mark = "▶" if current else ("✓" if done else ("–" if outcome else " "))
        minutes = item.minutes
        if timing.box is not None:  # extended or shortened
            minutes = whole_minutes(timing.box)
        box = t("agenda.minutes", lang, minutes=minutes) if minutes is not None else "—"
        kind = " ☕" if item.kind is ItemKind.BREAK else ""
        took = ""
        if ran and not current:
            took = f"  ({clock(timing.elapsed)})"
        style = "bold reverse" if current else ("dim" if done or outcome else ("italic" if kind else ""))
        start = timing.projected_start or timing.planned_start
        text = f"{mark} {hhmm(start, tz)}  {item.title}{kind}  {box}{took}"
        if outcome:
            text += f"  · {t(outcome, lang)}"
        if item.owner:
            text += f"  · {item.owner}"
        rows.append((f"item-{item.id}", Content.styled(text, style)))
    return rows

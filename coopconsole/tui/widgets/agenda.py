"""The agenda pane: the big countdown of the current item, drift, and every item."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Digits, Label

from coopconsole.domain.model import ItemKind, SessionStatus
from coopconsole.domain.rounding import whole_minutes
from coopconsole.domain.timeline import planned_starts
from coopconsole.texts import t
from coopconsole.tui.format import clock, hhmm
from coopconsole.tui.frame import Frame
from coopconsole.tui.paint import set_border_title, show, show_digits
from coopconsole.tui.widgets.line_list import LineList


class AgendaPane(Vertical):
    """Countdown, then the list of items. Warning and overrun are classes the theme colours."""

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    _rows_key: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="agenda-item")
        yield Digits("--:--", id="countdown")
        yield Label(id="agenda-box")
        yield Label(id="agenda-drift")
        yield LineList(id="agenda-items")

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        lang = frame.lang
        set_border_title(self, t("agenda.title", lang))
        state = frame.view.agenda
        timing = state.current_timing
        item = frame.session.item(state.current)
        countdown = self.query_one("#countdown", Digits)
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
        show_digits(countdown, value)
        countdown.set_class(warning, "-warning")
        countdown.set_class(overrun, "-overrun")
        countdown.set_class(state.status is SessionStatus.RUNNING and not state.running, "-paused")
        show(self.query_one("#agenda-item", Label), Content(headline))
        show(self.query_one("#agenda-box", Label), Content(detail))
        show(self.query_one("#agenda-drift", Label), Content(_drift_line(frame)))
        # The list changes only with the records (events included) or the language; a
        # second passing changes nothing in it, so it is not rebuilt on every tick.
        key = (frame.revision, lang, state.current)
        if key != self._rows_key:
            self._rows_key = key
            self.query_one("#agenda-items", LineList).show_rows(_item_rows(frame))


def _drift_line(frame: Frame) -> str:
    lang, state = frame.lang, frame.view.agenda
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
    end = t("agenda.projected_end", lang, time=hhmm(state.projected_end, frame.view.now.tzinfo))
    return " · ".join(part for part in (drift, end) if part)


def _item_rows(frame: Frame) -> list[tuple[str | None, Content]]:
    lang, state = frame.lang, frame.view.agenda
    tz = frame.view.now.tzinfo
    starts = planned_starts(frame.session, tz)
    rows: list[tuple[str | None, Content]] = []
    ids = [item.id for item in frame.session.agenda]
    now_at = ids.index(state.current) if state.current in ids else -1
    for index, (item, start) in enumerate(zip(frame.session.agenda, starts, strict=False)):
        timing = state.timing(item.id)
        current = item.id == state.current
        # Done: behind the current item. One visited and left by going back is not done.
        done = timing is not None and timing.actual_end is not None and index < now_at
        mark = "▶" if current else ("✓" if done else " ")
        minutes = item.minutes
        if timing is not None and timing.box is not None:  # extended or shortened
            minutes = whole_minutes(timing.box)
        box = t("agenda.minutes", lang, minutes=minutes) if minutes is not None else "—"
        kind = " ☕" if item.kind is ItemKind.BREAK else ""
        took = ""
        if timing is not None and timing.elapsed > timedelta(0) and not current:
            took = f"  ({clock(timing.elapsed)})"
        style = "bold reverse" if current else ("dim" if done else ("italic" if kind else ""))
        text = f"{mark} {hhmm(start, tz)}  {item.title}{kind}  {box}{took}"
        if item.owner:
            text += f"  · {item.owner}"
        rows.append((f"item-{item.id}", Content.styled(text, style)))
    return rows

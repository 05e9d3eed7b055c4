"""The session for people: ``coopconsole show NAME`` and the line ``coopconsole add``
prints for what it captured, in the session's language (or ``--lang``).

``show`` prints the whole meeting, a section at a time: its information (date, planned
and actual times, place, facilitator and note-taker, status and counts, the minutes'
state, the series), attendance (each person with organisation, title, role if any,
present / late / left / absent and, once anyone has spoken, their speaking time), the
goals, the agenda with planned and actual times per item, the actions, the decisions,
the notes and the parked points. A section with nothing in it is one line saying so.

Every figure is the domain's (:class:`~coopconsole.domain.live.LiveMeeting`, as the
console shows it); the words are the catalogue's. Typed text is shown as one clean line
(no control characters), notes keep their line breaks, indented.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from coopconsole.cli.show import counts, minutes_summary
from coopconsole.domain.agenda_edit import as_changed
from coopconsole.domain.live import LiveMeeting, MeetingView, SpeakerRow
from coopconsole.domain.model import (
    ActionItem,
    Attendance,
    Decision,
    ItemKind,
    Note,
    ParkedItem,
    Participant,
    Resolution,
    Session,
    SmartCheck,
)
from coopconsole.domain.rounding import whole_minutes
from coopconsole.domain.timeline import ZERO, AgendaState, ItemTiming
from coopconsole.domain.typed_text import clean_block, clean_line
from coopconsole.texts import CATALOGUE, t
from coopconsole.texts.formats import duration, local, long_date

DOT = " · "


def session_text(session: Session, now: datetime, lang: str = "en") -> str:
    """The whole session, readable in a terminal, in ``lang``."""
    view = LiveMeeting().view(session, now)
    session = as_changed(session, view.agenda)  # the agenda as changed during the meeting
    out = Writer(session, view, lang)
    out.info()
    out.attendance()
    out.goals()
    out.agenda()
    out.actions()
    out.records("decisions", session.decisions, out.decision)
    out.records("notes", session.notes, out.note)
    out.records("parked", session.parked, out.parked)
    return "\n".join(out.lines)


def smart_verdict(check: SmartCheck, lang: str) -> str:
    """``✓SMART``, or ``⚠`` and the problems the check found, in a few words each."""
    if check.ok:
        return t("cli.smart.ok", lang)
    words = [t(f"smart.{code}", lang) if f"smart.{code}" in CATALOGUE["en"] else code for code in check.problems]
    problems = t("text.separator", lang).join(words)
    return t("cli.smart.problems", lang, problems=problems)


def action_summary(action: ActionItem, lang: str) -> str:
    """Owner · deadline · deliverable, then the SMART verdict."""
    owner = clean_line(action.owner) or t("actions.no_owner", lang)
    deadline = action.deadline.isoformat() if action.deadline else t("actions.no_deadline", lang)
    return f"{owner}{DOT}{deadline}{DOT}{clean_line(action.deliverable)} {smart_verdict(action.smart, lang)}"


def captured_line(kind: str, record: ActionItem | Decision | Note | ParkedItem, lang: str) -> str:
    """What ``coopconsole add`` understood: ``#3 action · Chloe Martin · 2026-12-08 ·
    send energy data ✓SMART``; for a decision, note or parked point its number, kind and
    text (and who raised a parked point)."""
    head = f"#{record.id} {t(f'cli.kind.{kind}', lang)}"
    if isinstance(record, ActionItem):
        return f"{head}{DOT}{action_summary(record, lang)}"
    text = f"{head}{DOT}{clean_line(record.text)}"
    if isinstance(record, ParkedItem) and record.raised_by:
        text += DOT + t("parking.raised_by", lang, name=clean_line(record.raised_by))
    return text


class Writer:
    """The lines of ``show``, a section at a time."""

    def __init__(self, session: Session, view: MeetingView, lang: str) -> None:
        self.session, self.view, self.lang = session, view, lang
        self.state: AgendaState = view.agenda
        self.lines: list[str] = []

    # -- small words --------------------------------------------------------------------

    def w(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def hhmm(self, moment: datetime | None) -> str:
        return "--:--" if moment is None else f"{local(moment, self.view.now.tzinfo):%H:%M}"

    def field(self, label: str, value: str) -> str:
        return "  " + self.w("cli.field", label=label, value=value)

    def heading(self, key: str, count: int) -> bool:
        """The section's heading line; False (having said "none") when it is empty."""
        name = self.w(f"cli.show.h.{key}")
        if not count:
            self.lines.append(self.w("cli.show.heading_none", heading=name))
            return False
        self.lines.append(self.w("cli.show.heading", heading=name, count=count))
        return True

    def on_item(self, item: int | None) -> str:
        return DOT + self.w("cli.show.on_item", item=item) if self.session.item(item) is not None else ""

    def share(self, value: float) -> str:
        return f"{value * 100:.0f}"

    # -- the meeting --------------------------------------------------------------------

    def info(self) -> None:
        s, state = self.session, self.state
        self.lines.append(clean_line(s.title) or s.name)
        day = s.date or (local(state.started_at, self.view.now.tzinfo).date() if state.started_at else None)
        when = [long_date(day, self.lang) if day else self.w("minutes.info.unknown")]
        if state.planned_start is not None:
            written_end = None if state.planned_end is None else state.planned_end - state.plan_shift
            first_shift = state.items[0].shift if state.items else ZERO
            span = self.w(
                "cli.show.span", start=self.hhmm(state.planned_start - first_shift), end=self.hhmm(written_end)
            )
            when.append(f"{self.w('minutes.info.planned')} {span}")
        if state.started_at is None:
            actual = self.w("minutes.info.not_started")
        else:
            end = self.hhmm(state.ended_at) if state.ended_at else self.w("minutes.info.not_ended")
            actual = self.w("cli.show.span", start=self.hhmm(state.started_at), end=end)
        when.append(f"{self.w('minutes.info.actual')} {actual}")
        self.lines.append(self.field(self.w("minutes.info.date"), DOT.join(when)))
        if s.location:
            self.lines.append(self.field(self.w("minutes.info.location"), clean_line(s.location)))
        people = [
            self.w("cli.field", label=self.w(f"minutes.info.{key}"), value=clean_line(value) or "-")
            for key, value in (("facilitator", s.facilitator), ("note_taker", s.note_taker))
        ]
        self.lines.append("  " + DOT.join(people))
        status = "paused" if state.started_at and not state.ended_at and not state.running else state.status.value
        status_line = f"{self.w(f'state.{status}')}{DOT}{counts(s, self.lang)}"
        self.lines.append(self.field(self.w("cli.show.status"), status_line))
        summary = minutes_summary(s, state, self.view.now, self.lang)
        if summary:
            self.lines.append(self.field(self.w("cli.show.minutes"), summary))
        series = [
            self.w("cli.field", label=self.w(f"cli.show.{key}"), value=clean_line(value))
            for key, value in (("series", s.series), ("follows", s.follows), ("next_meeting", s.next_meeting))
            if value
        ]
        if series:
            self.lines.append("  " + DOT.join(series))

    def attendance(self) -> None:
        s, view = self.session, self.view
        here = sum(1 for p in s.participants if p.attendance is not Attendance.ABSENT)
        name = self.w("cli.show.h.attendance")
        if not s.participants:
            self.lines.append(self.w("cli.show.heading_none", heading=name))
            return
        attending = self.w("cli.show.attending", here=here, total=len(s.participants))
        self.lines.append(self.w("cli.show.heading", heading=name, count=attending))
        rows = {row.id: row for row in view.people}
        for person in s.participants:
            self.lines.append(f"  {person.id:>2}. {self.person(person, rows.get(person.id))}")
        if view.total > ZERO:
            orgs = self.w("text.separator").join(
                self.w(
                    "cli.show.org_share",
                    org=clean_line(row.organisation) or self.w("minutes.no_org"),
                    share=self.share(row.share),
                    duration=duration(row.total, self.lang),
                )
                for row in sorted(view.orgs, key=lambda row: -row.total)
            )
            self.lines.append("  " + self.w("cli.show.by_org", orgs=orgs))

    def person(self, p: Participant, row: SpeakerRow | None) -> str:
        parts = [clean_line(p.name), clean_line(p.organisation) or self.w("minutes.no_org")]
        if p.title:
            parts.append(clean_line(p.title))
        role = self.w(f"minutes.role.{p.role.value}")
        if role:
            parts.append(role)
        if p.attendance is Attendance.LATE:
            late = self.w("attendance.late")
            arrived = f" ({self.w('minutes.attend.late', time=self.hhmm(p.arrived_at))})" if p.arrived_at else ""
            parts.append(late + arrived)
        elif p.attendance is Attendance.LEFT:
            parts.append(
                self.w("minutes.attend.left", time=self.hhmm(p.left_at)) if p.left_at else self.w("attendance.left")
            )
        else:
            parts.append(self.w(f"attendance.{p.attendance.value}"))
        if row is not None and self.view.total > ZERO and p.attendance is not Attendance.ABSENT:
            parts.append(self.w("cli.show.spoke", duration=duration(row.total, self.lang), share=self.share(row.share)))
        return DOT.join(parts)

    def goals(self) -> None:
        goals = self.session.goals
        if not self.heading("goals", len(goals)):
            return
        judged = {True: "achieved.yes", False: "achieved.no", None: "achieved.none"}
        for g in goals:
            tier, verdict = self.w(f"minutes.tier.{g.tier.value}"), self.w(f"minutes.{judged[g.achieved]}")
            self.lines.append(f"  {tier}{DOT}{clean_line(g.text)}{DOT}{verdict}")

    # -- the agenda, planned and actual ----------------------------------------------------

    def agenda(self) -> None:
        if not self.heading("agenda", len(self.session.agenda)):
            return
        for item in self.session.agenda:
            timing = self.state.timing(item.id)
            mark = ">" if item.id == self.state.current else " "
            title = [clean_line(item.title)]
            if item.owner:
                title.append(clean_line(item.owner))
            if item.kind is ItemKind.BREAK:
                title.append(self.w("cli.show.break"))
            self.lines.append(f" {mark}{item.id:>2}. {DOT.join(title)}")
            self.lines.append(f"       {self.planned(timing)} → {self.actual(timing)}")

    def planned(self, timing: ItemTiming | None) -> str:
        if timing is None:
            return ""
        if timing.planned_minutes is None:
            box = self.w("agenda.no_box")
        else:
            box = duration(timedelta(minutes=timing.planned_minutes), self.lang)
            if (
                not timing.dropped
                and timing.box is not None
                and timing.box != timedelta(minutes=timing.planned_minutes)
            ):
                box = self.w("minutes.item.changed", box=box, new=duration(timing.box, self.lang))
        if timing.planned_start is None:
            return self.w("cli.show.planned", box=box)
        return self.w(
            "cli.show.planned_at", start=self.hhmm(timing.planned_start - timing.shift), box=box
        )  # as written

    def actual(self, timing: ItemTiming | None) -> str:
        if timing is not None and timing.dropped and timing.actual_start is None:
            deferred = any(p.target == timing.item and p.resolution is Resolution.DEFERRED for p in self.session.parked)
            return self.w("minutes.item.deferred" if deferred else "minutes.item.parked")
        if timing is None or timing.actual_start is None:
            return self.w("minutes.item.not_reached")
        spent = duration(timing.elapsed, self.lang)
        running = timing.actual_end is None and self.state.ended_at is None
        if running:
            spent = self.w("minutes.item.running", duration=spent)
        end = "" if running else self.hhmm(timing.actual_end)
        text = self.w(
            "cli.show.actual",
            span=self.w("cli.show.span", start=self.hhmm(timing.actual_start), end=end),
            duration=spent,
        )
        if whole_minutes(timing.overrun):  # as the minutes say it: no "0 min over"
            text += DOT + self.w("cli.show.over", duration=duration(timing.overrun, self.lang))
        return text

    # -- what was captured -----------------------------------------------------------------

    def actions(self) -> None:
        if not self.heading("actions", len(self.session.actions)):
            return
        for a in self.session.actions:
            line = f"  #{a.id} {action_summary(a, self.lang)}{DOT}{self.w(f'minutes.status.{a.status.value}')}"
            if a.origin:
                line += DOT + self.w("cli.show.from", origin=a.origin)
            self.lines.append(line + self.on_item(a.item))

    def records(self, key: str, records: Sequence, line: Callable) -> None:  # noqa: ANN001 - records
        if self.heading(key, len(records)):
            self.lines.extend(line(record) for record in records)

    def decision(self, d: Decision) -> str:
        text = f"  #{d.id} {clean_line(d.text)}{self.on_item(d.item)}"
        if d.agreement:
            separator = ";" if self.lang == "zh" else "; "
            positions = separator.join(
                f"{clean_line(org) or self.w('minutes.no_org')} {self.w('minutes.stance.' + stance.value)}"
                for org, stance in d.agreement
            )
            text += self.w("minutes.decision.positions", positions=positions)
        return text

    def note(self, n: Note) -> str:
        first, *rest = clean_block(n.text).split("\n") or [""]
        lines = [f"  #{n.id} {first}{self.on_item(n.item)}"]
        lines.extend(f"      {line}" for line in rest)
        return "\n".join(lines)

    def parked(self, p: ParkedItem) -> str:
        parts = [f"  #{p.id} {clean_line(p.text)}"]
        if p.raised_by:
            parts.append(self.w("parking.raised_by", name=clean_line(p.raised_by)))
        if self.session.item(p.item) is not None:
            parts.append(self.w("cli.show.on_item", item=p.item))
        parts.append(self.resolution(p))
        return DOT.join(parts)

    def resolution(self, p: ParkedItem) -> str:
        if p.resolution is Resolution.SCHEDULED:
            item = self.session.item(p.target)
            return self.w("resolution.scheduled", item=clean_line(item.title) if item else p.target)
        if p.resolution is Resolution.ACTION:
            return self.w("resolution.action", id=p.target)
        return self.w(f"resolution.{p.resolution.value}")

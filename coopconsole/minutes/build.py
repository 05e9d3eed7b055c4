"""The minutes of a session, as Markdown: nine sections, always in the same order.

1. Meeting information, 2. Goals, 3. Agenda, 4. Discussion points, 5. Decisions and
consensus, 6. Action items, 7. Pending items, 8. Speaking time, 9. Next steps. A section
with nothing in it says so in one sentence. Every figure comes from the session's events
as of ``now`` (the timeline and balance rules of the console); times are shown in
``now``'s time zone. Everything people typed goes through :mod:`.markdown`.

Choices where the issue is silent:

* Attendees are everyone not marked absent, in one table, grouped by organisation in the
  order the organisations first appear; late arrivals and early leavers say when.
* An item's planned figure is its time box as written; an extension is shown beside it,
  and overrun is measured against the extended box, as the console shows it. An item the
  clock never reached says so; while the meeting runs, the current item says "running".
* Discussion points and decisions are grouped under their agenda item, in agenda order;
  those captured before the clock started (no item) come last, "outside the agenda".
* An action whose deadline has passed and that is not done says "overdue"; the SMART
  column names each problem the check found at capture time.
* A follow-up meeting's action items open with "Progress on previous actions": each
  action carried in, where it stood when the meeting began and where it stands now, and
  the remarks made on it since it was carried in (between the meetings, or during this
  one); then every action, a carried one saying which meeting it comes from.
* The next steps count only the actions still open: those are what the next meeting
  reviews.
* Pending items are the parked points still open or deferred to the next meeting.
* Speaking time lists organisations and people by time spoken, most first; absent
  people are left out (they are not in fair shares either).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from coopconsole.domain.agenda_edit import AgendaChange, agenda_changes, as_changed
from coopconsole.domain.balance import Roster, replay, stats_from
from coopconsole.domain.board import is_open
from coopconsole.domain.model import Attendance, Duty, EventKind, Resolution, Session
from coopconsole.domain.rounding import whole_minutes
from coopconsole.domain.timeline import ZERO, ItemTiming, state_from_replay
from coopconsole.minutes.actions_section import actions
from coopconsole.minutes.context import Context, Minutes
from coopconsole.minutes.markdown import bold, bullets, inline, lines, plain, table
from coopconsole.texts.formats import duration, local, long_date, moment_text

__all__ = ["Context", "Minutes", "build_minutes", "render_minutes"]

NO_ITEM = -1


def build_minutes(
    session: Session, now: datetime, lang: str = "en", sent_at: datetime | None = None, limit: int | None = None
) -> Minutes:
    """The minutes and the headings they hold; ``sent_at`` (default ``now``) starts the
    24-hour reply window. ``limit`` makes a preview: long tables and lists are cut to that
    many rows, with a line saying how many more the minutes hold."""
    floor = replay(session, now)  # one pass over the events gives the clock and the floor
    state = state_from_replay(session, floor.clock, now)
    stats = stats_from(Roster.of(session.participants), floor, now)
    # The sections show the agenda as changed during the meeting; the changes are listed
    # under the agenda table (the session itself keeps the agenda as written).
    lang = "zh" if lang == "zh" else "en"
    ctx = Context(as_changed(session, state), state, lang, now, sent_at or now, stats, limit)
    ctx.changes = agenda_changes(session)
    title = session.title or session.name
    parts = [ctx.heading(1, ctx.w("title", title=inline(title)), ctx.w("title", title=plain(title)))]
    for key, section in SECTIONS:
        parts.append(ctx.heading(2, ctx.w(key), ctx.w(key)))
        parts.append(section(ctx))
    return Minutes("\n\n".join(parts) + "\n", ctx.headings)


def render_minutes(session: Session, now: datetime, lang: str = "en", sent_at: datetime | None = None) -> str:
    """The minutes as Markdown (see :func:`build_minutes`)."""
    return build_minutes(session, now, lang, sent_at).text


def _label(ctx: Context, key: str, value: str) -> str:
    colon = ":" if ctx.lang == "zh" else ": "  # outside the bold: every renderer keeps the space
    return f"{bold(ctx.w(key))}{colon}{value or ctx.w('info.unknown')}"


def info(ctx: Context) -> str:
    s, state = ctx.session, ctx.state
    # The day it took place, once it has started; the planned day until then.
    day = local(state.started_at, ctx.now.tzinfo).date() if state.started_at else s.date
    planned = ""
    if state.planned_start is not None:  # as written: a later end accepted is not the plan
        written_end = None if state.planned_end is None else state.planned_end - state.plan_shift
        first_shift = state.items[0].shift if state.items else ZERO
        planned = f"{ctx.hhmm(state.planned_start - first_shift)}–{ctx.hhmm(written_end)}"
        if s.date is not None and day is not None and s.date != day:  # planned for another day
            planned = f"{long_date(s.date, ctx.lang)}, {planned}"
    if state.started_at is None:
        actual = ctx.w("info.not_started")
    else:
        end = ctx.hhmm(state.ended_at) if state.ended_at else ctx.w("info.not_ended")
        actual = f"{ctx.hhmm(state.started_at)}–{end}"
    fields = [
        _label(ctx, "info.date", long_date(day, ctx.lang) if day else ""),
        _label(ctx, "info.planned", planned),
        _label(ctx, "info.actual", actual),
        _label(ctx, "info.location", inline(s.location)),
        _label(ctx, "info.facilitator", inline(s.facilitator)),
        _label(ctx, "info.note_taker", inline(s.note_taker)),
    ]
    orgs: list[str] = []
    for person in s.participants:
        if person.organisation not in orgs:
            orgs.append(person.organisation)
    present = sorted(
        (p for p in s.participants if p.attendance is not Attendance.ABSENT), key=lambda p: orgs.index(p.organisation)
    )
    absent = [p for p in s.participants if p.attendance is Attendance.ABSENT]
    out = [bullets(fields), ctx.heading(3, ctx.w("h.attendees"), ctx.w("h.attendees"))]
    if present:
        header = [ctx.w(k) for k in ("col.organisation", "col.name", "col.title", "col.role", "col.attendance")]
        out.append(
            ctx.table(
                header,
                [
                    [
                        inline(p.organisation) or ctx.w("no_org"),
                        inline(p.name),
                        inline(p.title),
                        _role(ctx, p),
                        _attendance(ctx, p),
                    ]
                    for p in present
                ],
            )
        )
    names = ctx.w("list.sep").join(
        ctx.w("person.org", name=inline(p.name), org=inline(p.organisation)) if p.organisation else inline(p.name)
        for p in absent
    )
    out.append(_label(ctx, "info.absent", names or ctx.w("info.nobody_absent")))
    return "\n\n".join(out)


def _role(ctx: Context, person) -> str:  # noqa: ANN001 - a Participant
    """The role, and the facilitator's or the note-taker's duty."""
    words = [ctx.w(f"role.{person.role.value}")]
    if person.duty is not Duty.NONE:
        words.append(ctx.w(f"duty.{person.duty.value}"))
    return ctx.w("list.sep").join(word for word in words if word)


def _attendance(ctx: Context, person) -> str:  # noqa: ANN001 - a Participant
    if person.attendance is Attendance.LATE:
        if person.arrived_at is None:
            return ctx.w("attend.late_unknown")
        return ctx.w("attend.late", time=ctx.hhmm(person.arrived_at))
    if person.attendance is Attendance.LEFT:
        if person.left_at is None:
            return ctx.w("attend.left_unknown")
        return ctx.w("attend.left", time=ctx.hhmm(person.left_at))
    if person.walked_in and person.arrived_at is not None:
        return ctx.w("attend.walked_in", time=ctx.hhmm(person.arrived_at))
    return ctx.w("attend.present")


def goals(ctx: Context) -> str:
    items = ctx.session.goals
    if not items:
        return ctx.w("goals.none")
    judged = {True: "achieved.yes", False: "achieved.no", None: "achieved.none"}
    rows = [[ctx.w(f"tier.{g.tier.value}"), inline(g.text), ctx.w(judged[g.achieved])] for g in items]
    done = sum(1 for g in items if g.achieved)
    header = [ctx.w("col.tier"), ctx.w("col.goal"), ctx.w("col.achieved")]
    return f"{table(header, rows)}\n\n{ctx.w('goals.summary', done=done, total=len(items))}"


def agenda(ctx: Context) -> str:
    s, state = ctx.session, ctx.state
    if not s.agenda:
        return ctx.w("agenda.none")
    rows = []
    for item in s.agenda:
        timing = ctx.timings.get(item.id)
        rows.append(
            [
                str(ctx.number(item.id)),
                inline(item.title),
                inline(item.owner),
                _planned(ctx, timing),
                *_actual(ctx, timing),
            ]
        )
    header = [ctx.w(k) for k in ("col.number", "col.item", "col.owner", "col.planned", "col.actual", "col.overrun")]
    out = [ctx.table(header, rows, align="lllllr")]
    for pause in state.breaks:
        out.append(
            ctx.w(
                "agenda.cooling",
                minutes=duration(timedelta(minutes=pause.minutes), ctx.lang),
                time=ctx.hhmm(pause.at),
                item=pause.item if pause.item is not None else "—",
            )
        )
    if ctx.changes:
        out.append(f"{ctx.w('changes.title')}\n\n{bullets(_change(ctx, change) for change in ctx.changes)}")
    planned = timedelta(minutes=sum(item.minutes or 0 for item in s.agenda))
    out.append(
        ctx.w("agenda.total", planned=duration(planned, ctx.lang), actual=duration(state.total_elapsed, ctx.lang))
    )
    if state.ended_at is not None and state.planned_end is not None:
        late = state.ended_at - (state.planned_end - state.plan_shift)
        if whole_minutes(late) == 0:
            out.append(ctx.w("agenda.on_time"))
        else:
            key = "agenda.late" if late > ZERO else "agenda.early"
            out.append(ctx.w(key, minutes=duration(abs(late), ctx.lang)))
    return "\n\n".join(out)


def _change(ctx: Context, change: AgendaChange) -> str:
    """One change to the agenda, as a line of the minutes."""
    at, title = ctx.hhmm(change.at), inline(change.title)
    if change.kind is EventKind.ADD:
        box = (
            ctx.w("changes.no_box") if change.minutes is None else duration(timedelta(minutes=change.minutes), ctx.lang)
        )
        if change.owner:
            return ctx.w("changes.add", time=at, title=title, box=box, owner=inline(change.owner))
        return ctx.w("changes.add.no_owner", time=at, title=title, box=box)
    if change.kind is EventKind.RENAME:
        return ctx.w("changes.rename", time=at, title=title, new=inline(change.new_title))
    if change.kind is EventKind.REMOVE:
        return ctx.w("changes.remove", time=at, title=title)
    if not change.after:
        return ctx.w("changes.move.top", time=at, title=title)
    return ctx.w("changes.move", time=at, title=title, after=inline(change.after))


def _planned(ctx: Context, timing: ItemTiming | None) -> str:
    if timing is None:
        return ""
    start = ctx.hhmm(timing.planned_start - timing.shift) if timing.planned_start else ""  # as written
    if timing.planned_minutes is None:
        return start
    box = duration(timedelta(minutes=timing.planned_minutes), ctx.lang)
    if not timing.dropped and timing.box is not None and timing.box != timedelta(minutes=timing.planned_minutes):
        box = ctx.w("item.changed", box=box, new=duration(timing.box, ctx.lang))
    return f"{start} · {box}" if start else box


def _actual(ctx: Context, timing: ItemTiming | None) -> tuple[str, str]:
    if timing is not None and timing.dropped and timing.actual_start is None:
        deferred = timing.item in ctx.deferred
        return ctx.w("item.deferred" if deferred else "item.parked"), "—"
    if timing is None or timing.actual_start is None:
        return ctx.w("item.not_reached"), "—"
    spent = duration(timing.elapsed, ctx.lang)
    if timing.actual_end is None and ctx.state.ended_at is None:
        spent = ctx.w("item.running", duration=spent)
    over = whole_minutes(timing.overrun)
    return f"{ctx.hhmm(timing.actual_start)} · {spent}", (f"+{duration(timing.overrun, ctx.lang)}" if over else "—")


def _by_item(ctx: Context, records: Sequence, render: Callable) -> str:  # noqa: ANN001 - records
    known = {item.id for item in ctx.session.agenda}
    groups: dict[int, list[str]] = {}
    for record in records:
        groups.setdefault(record.item if record.item in known else NO_ITEM, []).append(render(record))
    out, shown, total = [], 0, sum(len(group) for group in groups.values())
    for item in [*ctx.session.agenda, None]:
        key = NO_ITEM if item is None else item.id
        if key not in groups or (ctx.limit is not None and shown >= ctx.limit):
            continue
        if ctx.limit is not None:
            groups[key] = groups[key][: ctx.limit - shown]
        shown += len(groups[key])
        if item is None:
            heading = ctx.heading(3, ctx.w("h.no_item"), ctx.w("h.no_item"))
        else:
            heading = ctx.heading(3, ctx.item_title(item.id), ctx.item_label(item.id))
        out.append(f"{heading}\n\n{bullets(groups[key])}")
    if shown < total:
        out.append(ctx.w("preview.more", n=total - shown))
    return "\n\n".join(out)


def discussion(ctx: Context) -> str:
    text = _by_item(ctx, ctx.session.notes, lambda note: lines(note.text, indent="  "))
    return text or ctx.w("notes.none")


def decisions(ctx: Context) -> str:
    def one(decision) -> str:  # noqa: ANN001 - a Decision
        text = inline(decision.text)
        if not decision.agreement:
            return text
        separator = ";" if ctx.lang == "zh" else "; "
        positions = separator.join(
            f"{inline(org) or ctx.w('no_org')} {ctx.w('stance.' + stance.value)}" for org, stance in decision.agreement
        )
        return f"{text}{ctx.w('decision.positions', positions=positions)}"

    return _by_item(ctx, ctx.session.decisions, one) or ctx.w("decisions.none")


def pending(ctx: Context) -> str:
    points = [p for p in ctx.session.parked if p.resolution in (Resolution.OPEN, Resolution.DEFERRED)]
    if not points:
        return ctx.w("pending.none")
    status = {Resolution.OPEN: "pending.open", Resolution.DEFERRED: "pending.deferred"}
    rows = [
        [str(p.id), inline(p.text), inline(p.raised_by), ctx.item_title(p.item), ctx.w(status[p.resolution])]
        for p in points
    ]
    keys = ("col.number", "col.point", "col.raised_by", "col.during", "col.status")
    return ctx.table([ctx.w(k) for k in keys], rows)


def speaking(ctx: Context) -> str:
    stats = ctx.stats
    if stats.total <= ZERO:
        return ctx.w("speaking.none")

    def figures(spoken: timedelta, share: float) -> list[str]:
        return [f"{spoken.total_seconds() / 60:.1f}", f"{share * 100:.0f}%"]

    orgs = sorted(stats.by_org.items(), key=lambda pair: -pair[1])
    by_org = table(
        [ctx.w("col.organisation"), ctx.w("col.minutes"), ctx.w("col.share")],
        [[inline(org) or ctx.w("no_org"), *figures(spoken, stats.org_share(org))] for org, spoken in orgs],
        align="lrr",
    )
    people = sorted(stats.by_participant.items(), key=lambda pair: -pair[1])
    rows = []
    for pid, spoken in people:
        person = ctx.session.participant(pid)
        if person is not None:
            rows.append([inline(person.name), inline(person.organisation), *figures(spoken, stats.share(pid))])
    by_person = ctx.table(
        [ctx.w("col.name"), ctx.w("col.organisation"), ctx.w("col.minutes"), ctx.w("col.share")], rows, align="llrr"
    )
    org_heading = ctx.heading(3, ctx.w("h.by_org"), ctx.w("h.by_org"))
    person_heading = ctx.heading(3, ctx.w("h.by_person"), ctx.w("h.by_person"))
    return f"{org_heading}\n\n{by_org}\n\n{person_heading}\n\n{by_person}"


def next_steps(ctx: Context) -> str:
    s = ctx.session
    tz = ctx.now.tzinfo
    steps = [
        ctx.w(
            "next.confirm",
            sent=moment_text(ctx.sent_at, ctx.lang, tz),
            by=moment_text(ctx.sent_at + timedelta(hours=24), ctx.lang, tz),
        )
    ]
    if s.next_meeting:
        steps.append(ctx.w("next.meeting", meeting=inline(s.next_meeting)))
    else:
        steps.append(ctx.w("next.meeting_unknown"))
    still_open = sum(1 for a in s.actions if is_open(a))
    if still_open:
        steps.append(ctx.w("next.review", count=still_open))
    deferred = sum(1 for p in s.parked if p.resolution is Resolution.DEFERRED)
    if deferred:
        steps.append(ctx.w("next.deferred", count=deferred))
    return bullets(steps)


SECTIONS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("h.info", info),
    ("h.goals", goals),
    ("h.agenda", agenda),
    ("h.discussion", discussion),
    ("h.decisions", decisions),
    ("h.actions", actions),
    ("h.pending", pending),
    ("h.speaking", speaking),
    ("h.next", next_steps),
)

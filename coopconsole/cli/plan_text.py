"""``coopconsole new AGENDA --dry-run``: the plan as it was read from the agenda, for
people, before it is a session (nothing is written).

The meeting (title, date, planned start and end, place, facilitator, note-taker), the
agenda (each item's planned start, time box, title, owner, and whether it is a break),
the participants (organisation, title, role, duty), the goals with their tiers, the
points the agenda sets aside for the parking lot (when there are any), and every
problem the importer reported, with its line in the agenda file. The planned times are
the timeline's (:func:`~coopconsole.domain.timeline.planned_starts`); an agenda without
a date still shows its times, and says it has no date. The words are the catalogue's,
in ``--lang``, else the language the agenda is written in (as ``show`` chooses).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from coopconsole.agenda.results import ImportProblem
from coopconsole.domain.model import Duty, ItemKind, Participant, Session
from coopconsole.domain.timeline import planned_starts
from coopconsole.domain.typed_text import clean_line
from coopconsole.texts import t
from coopconsole.texts.formats import duration, long_date

DOT = " · "


def plan_text(session: Session, problems: list[ImportProblem], lang: str, name: str = "") -> str:
    """The plan of ``session`` as imported, with the importer's ``problems``, in ``lang``;
    ``name``: the session it would be saved as."""

    def w(key: str, **values: object) -> str:
        return t(key, lang, **values)

    def field(label: str, value: str) -> str:
        return w("cli.field", label=label, value=value)

    # Times are worked out on the meeting's day, else (to show them) on any day.
    starts = planned_starts(replace(session, date=session.date or date(2000, 1, 3)), None)
    lines = [clean_line(session.title) or session.name]
    when = [long_date(session.date, lang) if session.date else w("cli.plan.no_date")]
    begin = starts[0] if starts else None
    end = _planned_end(session, starts)
    if begin is None:
        when.append(w("cli.plan.no_start"))
    else:
        span = w("cli.show.span", start=_hhmm(begin), end=_hhmm(end))
        when.append(f"{w('minutes.info.planned')} {span}")
    lines.append("  " + field(w("minutes.info.date"), DOT.join(when)))
    if session.location:
        lines.append("  " + field(w("minutes.info.location"), clean_line(session.location)))
    people = [
        field(w(f"minutes.info.{key}"), clean_line(value) or "-")
        for key, value in (("facilitator", session.facilitator), ("note_taker", session.note_taker))
    ]
    lines.append("  " + DOT.join(people))
    if name:
        lines.append("  " + field(w("cli.plan.name"), name))

    lines.append(_heading(w("cli.show.h.agenda"), len(session.agenda), lang))
    for item, start in zip(session.agenda, starts, strict=True):
        box = w("agenda.no_box") if item.minutes is None else duration(timedelta(minutes=item.minutes), lang)
        parts = [_hhmm(start), box, clean_line(item.title)]
        if item.owner:
            parts.append(clean_line(item.owner))
        if item.kind is ItemKind.BREAK:
            parts.append(w("cli.show.break"))
        lines.append(f"  {item.id:>2}. {DOT.join(parts)}")

    lines.append(_heading(w("cli.plan.h.participants"), len(session.participants), lang))
    lines.extend(f"  {p.id:>2}. {_person(p, lang)}" for p in session.participants)

    lines.append(_heading(w("cli.show.h.goals"), len(session.goals), lang))
    lines.extend(f"  {w(f'minutes.tier.{g.tier.value}')}{DOT}{clean_line(g.text)}" for g in session.goals)

    if session.parked:  # entries the agenda sets aside: not in the plan, not lost
        lines.append(_heading(w("cli.plan.h.parked"), len(session.parked), lang))
        lines.extend(f"  {p.id:>2}. {clean_line(p.text)}" for p in session.parked)

    lines.append(_heading(w("cli.plan.h.problems"), len(problems), lang))
    lines.extend("  " + w("cli.plan.problem", line=p.line, message=clean_line(p.text(lang))) for p in problems)
    lines.append(w("cli.plan.dry_run"))
    return "\n".join(lines)


def _heading(name: str, count: int, lang: str) -> str:
    if not count:
        return t("cli.show.heading_none", lang, heading=name)
    return t("cli.show.heading", lang, heading=name, count=count)


def _person(p: Participant, lang: str) -> str:
    parts = [clean_line(p.name), clean_line(p.organisation) or t("minutes.no_org", lang)]
    if p.title:
        parts.append(clean_line(p.title))
    role = t(f"minutes.role.{p.role.value}", lang)
    if role:
        parts.append(role)
    duty = "" if p.duty is Duty.NONE else t(f"minutes.duty.{p.duty.value}", lang)
    if duty and duty != clean_line(p.title):  # "周宁, 独立顾问, 主持人" says it once
        parts.append(duty)
    return DOT.join(parts)


def _planned_end(session: Session, starts: list[datetime | None]) -> datetime | None:
    """The last item's planned start plus its time box (as the timeline has it)."""
    if not session.agenda or starts[-1] is None or session.agenda[-1].minutes is None:
        return None
    return starts[-1] + timedelta(minutes=session.agenda[-1].minutes)


def _hhmm(moment: datetime | None) -> str:
    return "--:--" if moment is None else f"{moment:%H:%M}"

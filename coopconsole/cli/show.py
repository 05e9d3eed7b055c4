"""The session as plain data (``coopconsole show --json``), and what listings say of it
(counts, the minutes' state). The text for people is :mod:`coopconsole.cli.show_text`.

Every figure is the domain's, as of "now": the agenda's actual times from the clock's
replay, the speaking time from the floor's (one :class:`~coopconsole.domain.live.LiveMeeting`
view gives both). The health checks' fixes are said the command-line way
(:func:`command_line_health`): the console's keys mean nothing in a shell.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from coopconsole.domain.agenda_edit import as_changed
from coopconsole.domain.followup import MinutesState, minutes_status
from coopconsole.domain.live import LiveMeeting, MeetingView
from coopconsole.domain.model import Session
from coopconsole.domain.timeline import AgendaState, ItemTiming
from coopconsole.texts import CATALOGUE, t


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def command_line_health(session: Session, now: datetime, lang: str = "en") -> list[dict[str, str]]:
    """The health report (:func:`coopconsole.texts.health.report`), each fix that names a
    console key said the command-line way instead (the catalogue's ``cli.health.CODE.fix``)."""
    from coopconsole.texts.health import report

    findings = report(session, now, lang)
    for finding in findings:
        key = f"cli.health.{finding['code']}.fix"
        if key in CATALOGUE["en"]:
            finding["fix"] = t(key, lang, name=session.name)
    return findings


def _seconds(value: timedelta) -> int:
    return round(value.total_seconds())


def _actual(timing: ItemTiming | None) -> dict[str, Any] | None:
    """When an item ran: its first start, its last end (None while current), the time the
    clock ran on it; None for an item the clock never reached."""
    if timing is None or timing.actual_start is None:
        return None
    return {
        "start": _iso(timing.actual_start),
        "end": _iso(timing.actual_end),
        "seconds": _seconds(timing.elapsed),
    }


def _speaking(view: MeetingView) -> dict[str, Any]:
    """Talk time over the whole meeting: in all, per person (absent people included, at
    zero) and per organisation, in seconds and as a share of the total."""
    return {
        "seconds": _seconds(view.total),
        "people": [
            {
                "id": row.id,
                "name": row.name,
                "organisation": row.organisation,
                "seconds": _seconds(row.total),
                "share": round(row.share, 4),
            }
            for row in view.people
        ],
        "organisations": [
            {"organisation": row.organisation, "seconds": _seconds(row.total), "share": round(row.share, 4)}
            for row in view.orgs
        ],
    }


def session_json(session: Session, now: datetime, lang: str = "en") -> dict[str, Any]:
    """Everything in the session, with the documented top-level keys; ``health`` in ``lang``."""
    view = LiveMeeting().view(session, now)
    state = view.agenda
    session = as_changed(session, state)  # the agenda as changed during the meeting
    name = session.name
    return {
        "name": name,
        "title": session.title,
        "date": _iso(session.date),
        "start": session.start.strftime("%H:%M") if session.start else None,
        "location": session.location,
        "facilitator": session.facilitator,
        "note_taker": session.note_taker,
        "status": state.status.value,
        "started_at": _iso(state.started_at),
        "ended_at": _iso(state.ended_at),
        "minutes": _minutes_json(session, state, now),
        "next_meeting": session.next_meeting,
        "series": session.series or None,
        "follows": session.follows or None,
        "health": [
            {"code": h["code"], "message": h["message"], "severity": h["severity"], "fix": h["fix"]}
            for h in command_line_health(session, now, lang)
        ],
        "goals": [{"id": g.id, "tier": g.tier.value, "text": g.text, "achieved": g.achieved} for g in session.goals],
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "organisation": p.organisation,
                "title": p.title,
                "role": p.role.value,
                "attendance": p.attendance.value,
                "confirmed_at": _iso(p.confirmed_at),
            }
            for p in session.participants
        ],
        "agenda": [
            {
                "id": a.id,
                "title": a.title,
                "start": a.start.strftime("%H:%M") if a.start else None,
                "minutes": a.minutes,
                "owner": a.owner,
                "kind": a.kind.value,
                "sub_points": list(a.sub_points),
                "actual": _actual(state.timing(a.id)),
            }
            for a in session.agenda
        ],
        "speaking": _speaking(view),
        "actions": [
            {
                "id": a.id,
                "owner": a.owner,
                "organisation": a.organisation,
                "deliverable": a.deliverable,
                "deadline": _iso(a.deadline),
                "status": a.status.value,
                "item": a.item,
                "smart": {"ok": a.smart.ok, "problems": list(a.smart.problems)},
                "text": a.text,
                "created_at": _iso(a.created_at),
                "origin": a.origin or None,
                "carried_from": a.carried_from or None,
                "carried": a.carried,
                "history": [
                    {"at": _iso(c.at), "status": c.status.value, "remark": c.remark, "meeting": c.meeting or name}
                    for c in a.history
                ],
            }
            for a in session.actions
        ],
        "decisions": [
            {
                "id": d.id,
                "text": d.text,
                "item": d.item,
                "agreement": {org: stance.value for org, stance in d.agreement},
                "created_at": _iso(d.created_at),
            }
            for d in session.decisions
        ],
        "notes": [
            {"id": n.id, "text": n.text, "item": n.item, "created_at": _iso(n.created_at)} for n in session.notes
        ],
        "parked": [
            {
                "id": p.id,
                "text": p.text,
                "raised_by": p.raised_by,
                "item": p.item,
                "resolution": p.resolution.value,
                "target": p.target,
                "created_at": _iso(p.created_at),
            }
            for p in session.parked
        ],
    }


def _minutes_json(session: Session, state: AgendaState, now: datetime) -> dict[str, Any]:
    status = minutes_status(session, state, now)
    return {
        "state": status.state.value,
        "due": _iso(status.due),
        "written_at": _iso(status.written_at),
        "confirmed": status.confirmed,
        "asked": status.asked,
    }


def counts(session: Session, lang: str = "en") -> str:
    """ "7 items, 5 participants, 3 actions, ..." for listings."""
    captures = (len(session.actions), len(session.decisions), len(session.notes), len(session.parked))
    return counts_of(len(session.agenda), len(session.participants), captures, lang)


def counts_of(items: int, people: int, captures: tuple[int, int, int, int], lang: str = "en") -> str:
    """:func:`counts` from the numbers: agenda items, participants, and the actions,
    decisions, notes and parked points."""
    actions, decisions, notes, parked = captures
    parts = [
        (items, "item"),
        (people, "participant"),
        (actions, "action"),
        (decisions, "decision"),
        (notes, "note"),
        (parked, "parked"),
    ]
    words = [t(f"cli.count.{word}.one" if n == 1 else f"cli.count.{word}", lang, n=n) for n, word in parts]
    return t("text.separator", lang).join(words)


def _local(moment: datetime, now: datetime) -> str:
    return moment.astimezone(now.tzinfo).strftime("%m-%d %H:%M")


def minutes_summary(session: Session, state: AgendaState, now: datetime, lang: str = "en") -> str:
    """The minutes' state for listings: "due 12-09 12:14", "written 12-08 14:05 (2/5 confirmed)"."""
    status = minutes_status(session, state, now)
    due = _local(status.due, now) if status.due else ""
    if status.state is MinutesState.NOT_DUE:
        return ""
    if status.state is MinutesState.DUE:
        return t("cli.minutes.due", lang, due=due)
    if status.state is MinutesState.OVERDUE:
        return t("cli.minutes.overdue", lang, due=due)
    when = _local(status.written_at, now) if status.written_at else ""
    late = t("cli.minutes.late", lang) if status.state is MinutesState.LATE else ""
    late += t("sending.list_out_of_date", lang) if status.out_of_date else ""
    return t("cli.minutes.written", lang, when=when, late=late, confirmed=status.confirmed, asked=status.asked)

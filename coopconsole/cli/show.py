"""The session as plain data (``coopconsole show --json``) and as a short text summary."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coopconsole.domain.followup import MinutesState, minutes_status
from coopconsole.domain.model import Session
from coopconsole.domain.timeline import AgendaState, agenda_state


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def session_json(session: Session, now: datetime, lang: str = "en") -> dict[str, Any]:
    """Everything in the session, with the documented top-level keys; ``health`` in ``lang``."""
    from coopconsole.texts.health import report

    state = agenda_state(session, now)
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
            for h in report(session, now, lang)
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
            }
            for a in session.agenda
        ],
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


def counts(session: Session) -> str:
    """ "7 items, 5 people, 3 actions, ..." for listings."""
    parts = [
        (len(session.agenda), "item"),
        (len(session.participants), "participant"),
        (len(session.actions), "action"),
        (len(session.decisions), "decision"),
        (len(session.notes), "note"),
        (len(session.parked), "parked"),
    ]
    return ", ".join(f"{n} {word}{'' if n == 1 or word == 'parked' else 's'}" for n, word in parts)


def _local(moment: datetime, now: datetime) -> str:
    return moment.astimezone(now.tzinfo).strftime("%m-%d %H:%M")


def minutes_summary(session: Session, state: AgendaState, now: datetime) -> str:
    """The minutes' state for listings: "due 12-09 12:14", "written 12-08 14:05 (2/5 confirmed)"."""
    status = minutes_status(session, state, now)
    due = _local(status.due, now) if status.due else ""
    if status.state is MinutesState.NOT_DUE:
        return ""
    if status.state is MinutesState.DUE:
        return f"due {due}"
    if status.state is MinutesState.OVERDUE:
        return f"OVERDUE since {due}"
    when = _local(status.written_at, now) if status.written_at else ""
    late = " (late)" if status.state is MinutesState.LATE else ""
    return f"written {when}{late}, {status.confirmed}/{status.asked} confirmed"


def session_text(session: Session, now: datetime) -> str:
    """A readable summary for the terminal."""
    state = agenda_state(session, now)
    lines = [session.title, f"  {_iso(session.date) or 'no date'}  {session.location}".rstrip()]
    if session.facilitator or session.note_taker:
        lines.append(f"  facilitator: {session.facilitator or '-'}   note-taker: {session.note_taker or '-'}")
    lines.append(f"  status: {state.status.value}   {counts(session)}")
    summary = minutes_summary(session, state, now)
    if summary:
        lines.append(f"  minutes: {summary}")
    lines.append("Agenda:")
    for a in session.agenda:
        start = a.start.strftime("%H:%M") if a.start else "     "
        box = f"{a.minutes} min" if a.minutes is not None else "no time box"
        mark = ">" if a.id == state.current else " "
        owner = f" - {a.owner}" if a.owner else ""
        lines.append(f" {mark}{a.id:>2}. {start}  {a.title} ({box}){owner}")
    if session.actions:
        lines.append("Actions:")
        for x in session.actions:
            due = _iso(x.deadline) or "no deadline"
            flag = "" if x.smart.ok else f"  [check: {', '.join(x.smart.problems)}]"
            lines.append(f"  #{x.id} {x.owner or '(no owner)'}: {x.deliverable} (due {due}){flag}")
    return "\n".join(lines)

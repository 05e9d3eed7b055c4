"""The English words of the command line's own output: ``coopconsole show``, what
``coopconsole add`` says it understood, the counts and the minutes' state in listings,
and the health checks' fixes said the command-line way."""

from __future__ import annotations

CLI_OUTPUT: dict[str, str] = {
    # coopconsole show: the meeting
    "cli.field": "{label}: {value}",
    "cli.show.status": "Status",
    "cli.show.minutes": "Minutes",
    "cli.show.series": "Series",
    "cli.show.follows": "Follows",
    "cli.show.next_meeting": "Next meeting",
    "cli.show.span": "{start}–{end}",
    "cli.show.heading": "{heading} ({count})",
    "cli.show.heading_none": "{heading}: none",
    "cli.show.h.attendance": "Attendance",
    "cli.show.h.goals": "Goals",
    "cli.show.h.agenda": "Agenda",
    "cli.show.h.actions": "Actions",
    "cli.show.h.decisions": "Decisions",
    "cli.show.h.notes": "Notes",
    "cli.show.h.parked": "Parked points",
    "cli.show.attending": "{here} of {total} attending",
    "cli.show.spoke": "spoke {duration} ({share}%)",
    "cli.show.by_org": "Speaking by organisation: {orgs}",
    "cli.show.org_share": "{org} {share}% ({duration})",
    "cli.show.planned": "planned {box}",
    "cli.show.planned_at": "planned {start}, {box}",
    "cli.show.actual": "actual {span} · {duration}",
    "cli.show.over": "{duration} over",
    "cli.show.break": "break",
    "cli.show.on_item": "item {item}",
    "cli.show.from": "from {origin}",
    # coopconsole add: what it understood
    "cli.kind.action": "action",
    "cli.kind.note": "note",
    "cli.kind.decision": "decision",
    "cli.kind.park": "parked point",
    "cli.smart.ok": "✓SMART",
    "cli.smart.problems": "⚠ {problems}",
    # counts and the minutes' state (coopconsole list and show)
    "cli.count.item.one": "{n} item",
    "cli.count.item": "{n} items",
    "cli.count.participant.one": "{n} participant",
    "cli.count.participant": "{n} participants",
    "cli.count.action.one": "{n} action",
    "cli.count.action": "{n} actions",
    "cli.count.decision.one": "{n} decision",
    "cli.count.decision": "{n} decisions",
    "cli.count.note.one": "{n} note",
    "cli.count.note": "{n} notes",
    "cli.count.parked.one": "{n} parked",
    "cli.count.parked": "{n} parked",
    "cli.minutes.due": "due {due}",
    "cli.minutes.overdue": "OVERDUE since {due}",
    "cli.minutes.written": "written {when}{late}, {confirmed}/{asked} confirmed",
    "cli.minutes.late": " (late)",
    # the health checks' fixes on the command line, where the console's keys mean nothing
    "cli.health.action-missing-owner.fix": "Give each action one participant as owner.",
    "cli.health.action-missing-deadline.fix": "Give each action a date.",
    "cli.health.no-decision.fix": "Record the consensus or an action for them.",
    "cli.health.minutes-overdue.fix": "Send them now: coopconsole minutes {name} --send",
    "cli.health.action-overdue.fix": "Ask each owner for a new date or help, and record it: "
    'coopconsole status {name}#N doing --note "new date: ..."',
    "cli.health.previous-actions-not-reviewed.fix": "Go back to them before the meeting ends: "
    "coopconsole status {name}#N STATE --note TEXT for each one.",
}

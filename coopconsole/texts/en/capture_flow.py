"""The English words of the live capture flow: the compact SMART mark of an action's row
and its detail line, a parked point turned into an action through the capture bar, and
the notice of records that came in from another terminal (part of
:data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

CAPTURE_FLOW: dict[str, str] = {
    # the actions pane: the highlighted action's SMART problems, under the pane
    "actions.problems": "#{id} ✗ {problems}",
    # an action's row: a missing owner or deadline (the SMART mark and its detail name it)
    "actions.row.no_owner": "?",
    "actions.row.no_deadline": "?",
    # a parked point turned into an action: the capture bar, prefilled
    "capture.from_parked": "Action from parked #{id}",
    "capture.from_parked.hint": "Add @owner and a deadline · Enter saves · Esc keeps the point open",
    "capture.from_parked.done": "Parked #{id} → action #{action}",
    # records another terminal added to the open session
    "outside.one": "Added from another terminal: {what}",
    "outside.changed": "Changed from another terminal: {what}",
    "outside.many": "{count} records added from another terminal",
    "outside.many_changed": "{count} changes from another terminal",
    "outside.action": "action #{id} · {owner} · {deliverable}",
    "outside.decision": "decision #{id} · {text}",
    "outside.note": "note #{id} · {text}",
    "outside.parked": "parked point #{id} · {text}",
    "outside.state": "action #{id} is now {state}",
}

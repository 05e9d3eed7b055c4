"""The English words of the speaker queue and the per-turn time limit: the speakers
pane's queue line and turn figures, the keys, the palette, the picker and the
refusals (part of :data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

SPEAKER_QUEUE: dict[str, str] = {
    # the speakers pane
    "speakers.no_org": "No organisation",
    "speakers.now_first": "{name} speaking · {turn}",
    "speakers.now": "{name} speaking · this turn {turn} · total {total}",
    "speakers.now_left": "{name} speaking · turn {left} left · total {total}",
    "speakers.now_over": "{name} speaking · turn over by {over} · total {total}",
    "speakers.next": "Next: {people}",
    # keys, their tooltips and the palette
    "key.queue": "Queue",
    "key.floor_next": "Next speaker",
    "cmd.queue": "speakers: add to the queue or take out",
    "cmd.floor_next": "speakers: give the floor to the next in the queue",
    "cmd.queue_add": "speakers: add {name} to the queue",
    "cmd.queue_remove": "speakers: take {name} out of the queue",
    "help.queue": "Queue or unqueue someone (then their number)",
    "help.floor_next": "Give the floor to the next in the queue",
    # the picker
    "pick.queue": "Speaker queue: their number, or pick (again: out of the queue)",
    "pick.queue_speaking": "has the floor",
    "pick.queue_position": "in the queue: {position}",
    # refusals
    "error.queue-absent": "{name} is marked absent: mark them arrived (late) before adding them to the queue.",
    "error.queue-left": "{name} has left: they cannot be added to the queue.",
    "error.queue-speaking": "{name} has the floor: they are not added to the queue.",
    "error.queue-already": "{name} is already in the queue.",
    "error.queue-not-in": "{name} is not in the queue.",
    "error.queue-empty": "Nobody is in the queue: add someone with q.",
    # the per-turn limit
    "turn.cmd.limit": "speakers: limit each turn to {minutes} min (now: {now})",
    "turn.cmd.off": "speakers: no limit on a turn (now: {now})",
    "turn.none": "no limit",
    "turn.limit_on": "Each turn is limited to {minutes} min: the speakers pane counts it down.",
    "turn.limit_off": "No limit on a turn: the speakers pane shows how long it has run.",
}

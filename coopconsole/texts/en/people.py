"""The English words about the people in the room: the facilitator's and the note-taker's
duty in the speakers pane and the minutes, an absent person given the floor, and an
action owned by someone absent (part of :data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

PEOPLE: dict[str, str] = {
    # the speakers pane: a short mark after the figures
    "speakers.duty.facilitator": "facilitator",
    "speakers.duty.note_taker": "note-taker",
    # the same, where the pane is narrow (an 80-column terminal)
    "speakers.duty_short.facilitator": "chair",
    "speakers.duty_short.note_taker": "scribe",
    # the minutes' attendees table, in the role column
    "minutes.duty.facilitator": "facilitator",
    "minutes.duty.note_taker": "note-taker",
    # giving the floor to someone marked absent
    "arrival.title": "{name} is marked absent. Have they arrived?",
    "arrival.yes": "Arrived (late): give them the floor",
    "arrival.no": "Cancel: leave the floor as it is",
    "error.absent": "{name} is marked absent: mark them arrived (late) before giving them the floor.",
    # the SMART check of an action owned by someone absent
    "smart.owner-absent": "owner absent",
    "minutes.check.owner-absent": "owner was absent",
}

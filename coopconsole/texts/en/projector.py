"""The English words of the projector, the read-only view for a second display (part of
:data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

PROJECTOR: dict[str, str] = {
    "projector.cmd": "view: projector (full screen, read only; Escape returns)",
    "projector.not_started": "Not started yet · planned for {time}",
    "projector.item": "Item {number} of {count}",
    "projector.floor": "{name} has the floor · {turn}",
    "projector.floor_org": "{name} ({org}) has the floor · {turn}",
    "projector.nobody": "Nobody has the floor",
    "projector.next": "Next: {items}",
    "projector.next_item": "{time} {title}",
    "projector.last_item": "Next: nothing, this is the last item",
    "projector.parked": "Parked points: {count}",
    "projector.decision": "Last decision: {text}",
    "projector.no_decision": "No decision yet",
    "projector.key.close": "Close",
    "projector.key.close.tip": "Close the projector view",
}

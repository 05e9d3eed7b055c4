"""The English words of the closing checklist (``ctrl+e``): what is still open before the
meeting ends, each line's fix, and the two ways out (part of
:data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

CLOSING_LIST: dict[str, str] = {
    "closing.title": "Before the meeting ends: {count} left open",
    "closing.title.none": "Before the meeting ends",
    "closing.title.ended": "The meeting has ended: {count} left open",
    "closing.nothing": "Nothing left open.",
    "closing.group.unreached": "Agenda items never reached ({count})",
    "closing.group.parked": "Parked points still open ({count})",
    "closing.group.actions": "Actions failing the SMART check ({count})",
    "closing.group.positions": "Decisions without every organisation's position ({count})",
    "closing.current": "current, not begun",
    "closing.missing": "no position from {organisations}",
    "closing.end": "End the meeting now",
    "closing.back": "Back to the meeting",
    "closing.hint": "↑ ↓ choose · Enter fixes the line (or ends, or goes back) · Esc back to the meeting",
    # an item never reached: what to do with it
    "closing.item.ask": "Item {item} was never reached",
    "closing.item.goto": "Go to it now",
    "closing.item.defer": "Defer it to the next meeting",
    "closing.item.deferred": "{item} is deferred to the next meeting (parked #{id}).",
    "error.item-begun": "Agenda item {item} has begun: it is not deferred.",
    "error.item-deferred": "Agenda item {item} is already deferred to the next meeting.",
}

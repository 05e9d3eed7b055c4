"""Keys users remap: the ids they name in their settings, and what the console says about
a keymap it cannot follow.

A user's ``settings.json`` may hold ``"keys": {"meeting.clock": "f5", "meeting.next":
"right,n"}``: a binding's id and the key or keys (comma-separated, as Textual names them)
that take its place. The console hands them to Textual's keymap (``App.set_keymap``), so
the footer, the help and the key itself all follow. An id the console does not have is
named in one notification at start-up and left out; two bindings given the same key are
named once: at start-up for the meeting's keys (a key given to one action while it is
still another's, which then has none), else when Textual finds the clash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding
from textual.keys import key_to_character

from coopconsole.texts import t

#: Every binding a user may remap, by id. ``tests/test_keymap.py`` checks this list
#: against the bindings the screens and widgets really have.
REMAPPABLE: tuple[str, ...] = (
    *(
        f"meeting.{name}"
        for name in (
            "clock",
            "next",
            "capture-action",
            "capture-note",
            "capture-decision",
            "capture-park",
            "help",
            "state-next",
            "state-back",
            "remark",
            "take-back",
            "take-back-last",
            "merge",
            "previous",
            "extend",
            "shorten",
            *(f"speaker-{i}" for i in range(1, 10)),
            "nobody",
            "pick-speaker",
            "queue",
            "floor-next",
            "edit",
            "minutes",
            "replan",
            "undo",
            "health",
            "goals",
            "attendance",
            "cool",
            "positions",
            "agenda-jump",
            "agenda-add",
            "agenda-rename",
            "agenda-up",
            "agenda-down",
            "agenda-remove",
            "walk-in",
            "end",
            "quit",
        )
    ),
    "picker.open",
    "picker.board",
    *(
        f"board.{name}"
        for name in (
            "next-state",
            "previous-state",
            "remark",
            "history",
            "filter",
            "help",
            "close",
            "left",
            "right",
            "up",
            "down",
        )
    ),
    "picker.quit",
    "capture.cancel",
    "capture.complete",
    "capture.complete_back",
    *(f"minutes.{name}" for name in ("close", "write", "confirm", "language", "previous", "next")),
    *(f"list.{name}" for name in ("cursor-up", "cursor-down", "first", "last", "page-up", "page-down", "select")),
)


def usable(keymap: Mapping[str, str], lang: str) -> tuple[dict[str, str], str | None]:
    """The part of ``keymap`` the console can follow, and a message in ``lang`` naming
    the ids it does not have, each with the id it may have meant (None if all are known)."""
    known = set(REMAPPABLE)
    unknown = sorted(set(keymap) - known)
    kept = {binding_id: keys for binding_id, keys in keymap.items() if binding_id in known}
    if not unknown:
        return kept, None
    import difflib  # only for a keymap with a mistake in it

    named = []
    for binding_id in unknown:
        close = difflib.get_close_matches(binding_id, REMAPPABLE, n=1)
        named.append(t("keys.meant", lang, id=binding_id, meant=close[0]) if close else binding_id)
    return kept, t("keys.unknown", lang, ids=t("text.separator", lang).join(named))


def meeting_clashes(keymap: Mapping[str, str], defaults: Iterable[Binding], lang: str) -> str | None:
    """A message naming the meeting keys the keymap gives to two actions (a remapped one,
    and one that keeps that key, or another remapped one), or None."""
    owners: dict[str, list[str]] = {}
    for binding in defaults:
        if binding.id is None:
            continue
        keys = keymap.get(binding.id, binding.key)
        for key in _normalised(keys):
            owners.setdefault(key, []).append(binding.id)
    clashes = [f"{key} ({', '.join(ids)})" for key, ids in owners.items() if len(set(ids)) > 1]
    return t("keys.clash", lang, clashes="; ".join(clashes)) if clashes else None


def _normalised(keys: str) -> list[str]:
    """Each of ``keys`` (comma-separated) as the character it types where it types one
    (``question_mark`` and ``?`` are both ``?``), else as named (``f5``, ``ctrl+e``)."""
    return [key_to_character(key.strip()) or key.strip() for key in keys.split(",") if key.strip()]


def clash_message(bindings: Iterable[Binding], lang: str) -> str:
    """What to say when Textual finds that the keymap gives one key to two bindings."""
    named = sorted(f"{b.id or b.action} ({b.key})" for b in bindings)
    return t("keys.clash", lang, clashes=", ".join(named))

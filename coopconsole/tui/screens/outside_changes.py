"""A short notice when records come in from another terminal.

The meeting screen follows its session file: a record added by another process (``coopconsole
add NAME note ...`` in another terminal, a second console) shows in its pane on the next
tick. :class:`OutsideChanges` also says so, briefly: "Added from another terminal: action #7
· Chloe Martin · send …", or for a burst "3 records added from another terminal".

How it tells the console's own saves from another process's: the service keeps the session
in memory and changes it in place for the console's own intents, and reads it again from the
file only when another process wrote it. So a look that finds the same session object has
nothing to announce; one that finds a new object compares the lists it had with the new ones.
The records the console's own intents returned (:meth:`OutsideChanges.own`) are never
announced, even when they were saved right after another process's change, in the same read.

A burst is announced once: what arrives is held until a look finds nothing more (a second
later), or for at most :data:`HOLD_LOOKS` looks of a steady stream. Changes that arrive while
another screen than a dialog is over the meeting (the board, which writes through its own file
handle) are shown in the panes but not announced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.content import Content
from textual.screen import ModalScreen, Screen

from coopconsole.domain.model import ActionItem, Decision, Note, ParkedItem, Session
from coopconsole.texts import t

#: How many looks (ticks, a second apart) a steady stream of changes is held before it is
#: announced anyway.
HOLD_LOOKS = 3

#: How long the notice stays, in seconds.
NOTICE_S = 4.0

#: How many cells of a record's text the notice quotes.
QUOTE_CELLS = 40

#: A change seen: its key (what the console's own saves are compared with) and the record.
Change = tuple[tuple[str, int, str], ActionItem | Decision | Note | ParkedItem]

#: The lists of a session the notice is about, and the kind each record is named as.
_LISTS: tuple[tuple[str, str], ...] = (
    ("actions", "action"),
    ("decisions", "decision"),
    ("notes", "note"),
    ("parked", "parked"),
)


class OutsideChanges:
    """Announces records another process added to the open session (see the module)."""

    def __init__(self, notify: Callable[[str], None], lang: str, in_view: Callable[[], bool]) -> None:
        self.notify = notify
        self.lang = lang
        self.in_view = in_view
        """Whether the meeting is in view (the changes seen are announced only then)."""
        self._session: Session | None = None
        self._lists: tuple[Sequence[Any], ...] = ()
        self._pending: dict[tuple[str, int, str], Any] = {}
        self._held = 0
        self._own: set[tuple[str, int, str]] = set()
        self._was_current = True
        self._fresh = False  # an untimed look found changes since the last timed one

    def own(self, result: object) -> None:
        """What one of the console's own intents returned: never announced."""
        for record in result if isinstance(result, list) else [result]:
            if isinstance(record, ActionItem):
                self._own.update({("action", record.id, ""), ("state", record.id, record.status.value)})
            elif isinstance(record, ParkedItem):
                self._own.add(("parked", record.id, ""))
                if record.target is not None:  # the action it was turned into
                    self._own.add(("action", record.target, ""))
            elif isinstance(record, Decision):
                self._own.add(("decision", record.id, ""))
            elif isinstance(record, Note):
                self._own.add(("note", record.id, ""))

    def look(self, session: Session, timed: bool = True) -> None:
        """Compare ``session`` (as the screen just read it) with the last look.
        ``timed``: a look of the screen's once-a-second tick; a look made because the
        folder changed (``False``) gathers what it finds for the next timed look, so a
        burst is held as long whether or not the folder tells of each of its saves."""
        lists = tuple(getattr(session, name) for name, _ in _LISTS)
        before, self._lists = self._lists, lists
        reread, self._session = self._session is not None and session is not self._session, session
        current, was_current = self.in_view(), self._was_current
        self._was_current = current
        if not (current and was_current):  # another screen is (or was just) over the meeting
            self._pending.clear()
            self._held = 0
            self._fresh = False
            self._own.clear()
            return
        found = _changes(before, lists) if reread else []
        for key, record in found:
            self._pending[key] = record
        if not timed:
            self._fresh = self._fresh or bool(found)
            return
        fresh, self._fresh = bool(found) or self._fresh, False
        if fresh and self._held < HOLD_LOOKS - 1:
            self._held += 1
            return
        if self._pending:
            self._announce([(key, r) for key, r in self._pending.items() if key not in self._own])
        self._pending.clear()
        self._held = 0
        self._own.clear()

    def _announce(self, changes: list[Change]) -> None:
        if not changes:
            return
        lang = self.lang
        if len(changes) > 1:
            added = all(key[0] != "state" for key, _ in changes)
            self.notify(t("outside.many" if added else "outside.many_changed", lang, count=len(changes)))
            return
        (kind, _, _), record = changes[0]
        if kind == "state" and isinstance(record, ActionItem):
            state = t(f"board.{record.status.value}", lang)
            self.notify(t("outside.changed", lang, what=t("outside.state", lang, id=record.id, state=state)))
            return
        if isinstance(record, ActionItem):
            owner = record.owner or t("actions.no_owner", lang)
            what = t("outside.action", lang, id=record.id, owner=owner, deliverable=_quote(record.deliverable))
        else:
            what = t(f"outside.{kind}", lang, id=record.id, text=_quote(record.text))
        self.notify(t("outside.one", lang, what=what))


def _changes(before: tuple[Sequence[Any], ...], after: tuple[Sequence[Any], ...]) -> list[Change]:
    """The records in ``after`` that ``before`` did not have, and the actions whose state
    changed, in the order of the lists."""
    found: list[Change] = []
    for (_, kind), old, new in zip(_LISTS, before, after, strict=True):
        if old is new:
            continue
        known = {r.id: r for r in old}
        for record in new:
            was = known.get(record.id)
            if was is None:
                found.append(((kind, record.id, ""), record))
            elif isinstance(record, ActionItem) and record.status is not was.status:
                found.append((("state", record.id, record.status.value), record))
    return found


def _quote(text: str) -> str:
    """The start of ``text``, cut by cells (a CJK character is never split)."""
    return Content(text).truncate(QUOTE_CELLS, ellipsis=True).plain.rstrip()


def for_screen(screen: Screen[Any], lang: str) -> OutsideChanges:
    """The notices of ``screen`` (the meeting), in ``lang``: Textual's ``notify``, a few
    seconds, the text shown literally."""

    def notify(message: str) -> None:
        screen.notify(message, timeout=NOTICE_S, markup=False)

    def in_view() -> bool:  # the meeting on top, or only a dialog over it
        top = screen.app.screen
        return top is screen or (isinstance(top, ModalScreen) and screen in screen.app.screen_stack[-2:])

    return OutsideChanges(notify, lang, in_view)

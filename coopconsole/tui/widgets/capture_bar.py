"""The one-line capture bar: quick-capture syntax, ``@name`` completion, Enter / Escape."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from textual import events
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.suggester import Suggester
from textual.widget import AwaitMount
from textual.widgets import Input, Label

from coopconsole.domain.model import ParkedItem, Participant
from coopconsole.texts import t
from coopconsole.tui.localized import localized
from coopconsole.tui.messages import CaptureCancelled, CaptureSubmitted

_MENTION = re.compile(r"@([^\s@]*)$")


class NameSuggester(Suggester):
    """Completes the ``@name`` being typed at the end of the line with a participant's
    name and a space: what is typed next is the deliverable, not more of the name
    (``@chl``, Tab, ``send`` is ``@Chloe Martin send``, not ``@Chloe Martinsend``).
    Full-width forms are read as the capture reads them: ``＠ｃｈｌ`` completes too."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = [p.name for p in participants]
        self._words = [(name, [_fold(w).casefold() for w in (name, *name.split())]) for name in self.names]

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)

    def complete(self, value: str) -> str | None:
        """``value`` with the name being typed at its end completed, or None."""
        match = _MENTION.search(_fold(value))  # the same length: its positions are value's
        if not match or not match.group(1):
            return None
        typed = match.group(1).casefold()
        for name, words in self._words:
            if any(w.startswith(typed) and w != typed for w in words):
                return value[: match.start(1)] + name + " "
        return None


def _fold(text: str) -> str:
    """:func:`coopconsole.domain.dates.fold`, imported when a bar first opens: the dates'
    module comes with the quick-capture parser, loaded after the first frame."""
    from coopconsole.domain.dates import fold

    return fold(text)


class CaptureField(Input):
    """The bar's text field, which holds the bar's keys: ``localized(CaptureField, lang)``.

    The keys are the field's rather than the bar's so that they can be described in the
    console's language: the meeting screen makes the bar, in no language, while the bar
    makes its field; and the field has the focus whenever the bar is open.
    """

    @staticmethod
    def bindings(lang: str) -> list[Binding]:
        """The bar's keys, described in ``lang``."""
        return [
            Binding("escape", "cancel", t("key.cancel", lang), id="capture.cancel", tooltip=t("key.cancel.tip", lang)),
            # Tab completes the name being typed; it never moves the focus out of an open bar,
            # where the next letters typed would reach the meeting's keys.
            Binding(
                "tab",
                "complete",
                t("key.complete", lang),
                id="capture.complete",
                show=False,
                tooltip=t("key.complete.tip", lang),
            ),
            Binding(
                "shift+tab",
                "complete",
                t("key.complete", lang),
                id="capture.complete_back",
                show=False,
                tooltip=t("key.complete.tip", lang),
            ),
        ]

    async def on_key(self, event: events.Key) -> None:
        """Run the field's own keys here, in the order they were typed.

        Textual types a letter into the field as the field reads it, but leaves a key
        bound to the field (←, Home, End, Backspace, Delete, Tab, Enter, Escape) to bubble
        up to the app, which runs the binding only after the keys already waiting: in a
        fast burst (a paste of keystrokes, a typist ahead of a busy console) "send", two
        Backspaces and "nd" became "sendnd". A key the field has a binding for is run by
        the field itself; any other (the app's keys) goes on as before."""
        if event.is_printable:
            return  # typed by Input's own handler
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not self or not active.enabled:
            return
        event.stop()
        event.prevent_default()
        await self.run_action(active.binding.action)

    def action_complete(self) -> None:
        """Complete the name being typed at the end of the line (elsewhere, as → does).

        Worked out here and now rather than taken from the suggestion on show: Textual
        works that out in the background, and a Tab that follows the letters in one
        burst (a fast typist, a busy console) came before it, so ``@chl``, Tab, ``send``
        was saved as ``@chlsend``, the owner lost."""
        suggester = self.suggester
        if isinstance(suggester, NameSuggester) and self.cursor_at_end:
            completed = suggester.complete(self.value)
            if completed is not None:
                self.value = completed
                self.cursor_position = len(completed)
                return
        self.action_cursor_right()

    def action_cancel(self) -> None:
        """Close the bar without saving (the meeting screen closes it)."""
        self.post_message(CaptureCancelled())


class CaptureBar(Horizontal):
    """Hidden until a capture key opens it; keeps its text until it is safely saved."""

    def __init__(self, lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kind = "action"
        self.record: Any = None
        self.lang = lang
        self._made: AwaitMount | None = None
        self.ready = False
        """The label and the field are made and mounted (see :meth:`prepare`)."""
        self._early = ""  # typed while the bar was open but not yet made

    async def prepare(self) -> None:
        """Make the bar's label and field, once (``open`` needs them).

        Not composed with the screen: the field (Textual's ``Input``, its styles parsed
        when it is first mounted) cost the first frame about 25 ms for a bar nobody has
        opened yet. The meeting screen prepares it right after the first frame, and a
        capture key pressed sooner waits for it (see :meth:`show_early`)."""
        if self._made is None:
            # In the console's language: a change of language builds a new meeting
            # screen, and with it a new bar.
            field = localized(CaptureField, self.lang)(id="capture-input", select_on_focus=False)
            self._made = self.mount(Label(id="capture-kind"), field)
        await self._made
        self.ready = True

    def show_early(self) -> None:
        """Show the bar before it is made: the keys typed until it is are kept for it."""
        self.display = True

    def open(
        self, kind: str, lang: str, participants: Sequence[Participant], text: str = "", record: Any = None
    ) -> None:
        """Show the bar for a ``kind`` of record (``record``: the one being edited; for an
        action, a parked point is the one it is made from), its text ``text``; once
        :meth:`prepare` has been awaited."""
        self.kind, self.record, self.lang = kind, record, lang
        if kind == "remark":  # about ``record``, an action, which it does not change
            label = t("capture.remark", lang, id=record.id)
        elif kind == "action" and isinstance(record, ParkedItem):  # a new action, from the point
            label = t("capture.from_parked", lang, id=record.id)
        elif record is not None:  # which record is being edited, so the wrong row is not changed
            label = t("capture.edit_of", lang, kind=t(f"capture.{kind}", lang).lower(), id=record.id)
        else:
            label = t(f"capture.{kind}", lang)
        self.query_one("#capture-kind", Label).update(Content(f" {label} ▸ "))
        field = self.query_one("#capture-input", Input)
        if self.display and field.value and not text and record is None:
            text = field.value  # the bar was left open with unsaved text: keep it
        text, self._early = text + self._early, ""
        field.suggester = NameSuggester(participants)
        hints = {"action": "capture.hint.action", "park": "capture.hint.park", "remark": "capture.hint.remark"}
        hint = hints.get(kind, "capture.hint.text")
        field.placeholder = t(hint, lang)
        field.value = text
        field.cursor_position = len(text)
        self.remove_class("-error")
        self.display = True
        # Focused now, not as ``focus()`` does it (after the keys already waiting): a key
        # typed right behind the capture key must reach the field, not the pane.
        self.screen.set_focus(field)

    def close(self) -> None:
        """Hide the bar. Its field keeps what it held, unseen and unread (:attr:`text` is
        empty while the bar is closed; :meth:`open` gives the field its new text): emptied
        here, it asked for a layout of the whole screen of its own, a frame after the
        bar's, with every capture."""
        self.record, self._early = None, ""
        self.display = False
        # The screen is laid out in its next frame, the one that draws what was saved.
        # Left to the bar, the layout is asked for when the bar next goes idle, which
        # may be after that frame: the new row showed first under the bar, then the
        # bar went, in a frame of its own about 25 ms later.
        self.screen.refresh(repaint=False, layout=True)

    @property
    def text(self) -> str:
        """What the bar holds: nothing while it is closed."""
        if not self.ready:
            return self._early
        return self.query_one("#capture-input", Input).value if self.display else ""

    def type(self, text: str) -> None:
        """Type ``text`` at the cursor and take the focus back (keys that reached the
        screen before the field had the focus, or before it was made)."""
        if not self.ready:
            self._early += text
            return
        field = self.query_one("#capture-input", Input)
        field.insert_text_at_cursor(text)
        self.screen.set_focus(field)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(CaptureSubmitted(self.kind, event.value, self.record))

    def action_complete(self) -> None:
        """Complete the name being typed (see :meth:`CaptureField.action_complete`)."""
        self.query_one("#capture-input", CaptureField).action_complete()

    def action_cancel(self) -> None:
        """Close the bar without saving (the meeting screen closes it)."""
        self.post_message(CaptureCancelled())

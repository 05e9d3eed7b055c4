"""The one-line capture bar: quick-capture syntax, ``@name`` completion, Enter / Escape."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Label

from ..domain.model import Participant
from ..i18n import t
from .messages import CaptureCancelled, CaptureSubmitted

_MENTION = re.compile(r"@([^\s@]*)$")


class NameSuggester(Suggester):
    """Completes the ``@name`` being typed at the end of the line with a participant's name."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = [p.name for p in participants]

    async def get_suggestion(self, value: str) -> str | None:
        match = _MENTION.search(value)
        if not match or not match.group(1):
            return None
        typed = match.group(1).casefold()
        for name in self.names:
            words = [name, *name.split()]
            if any(w.casefold().startswith(typed) and w.casefold() != typed for w in words):
                return value[: match.start(1)] + name
        return None


class CaptureBar(Horizontal):
    """Hidden until a capture key opens it; keeps its text until it is safely saved."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="capture.cancel", tooltip="Close the bar; nothing is saved"),
        # Tab completes the name being typed; it never moves the focus out of an open bar,
        # where the next letters typed would reach the meeting's keys.
        Binding("tab", "complete", "Complete", id="capture.complete", show=False,
                tooltip="Complete the @name being typed"),
        Binding("shift+tab", "complete", "Complete", id="capture.complete_back", show=False,
                tooltip="Complete the @name being typed"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kind = "action"
        self.record: Any = None
        self.lang = "en"

    def compose(self) -> ComposeResult:
        yield Label(id="capture-kind")
        yield Input(id="capture-input", select_on_focus=False)

    def open(self, kind: str, lang: str, participants: Sequence[Participant], text: str = "",
             record: Any = None) -> None:
        self.kind, self.record, self.lang = kind, record, lang
        label = t("capture.edit", lang) if record is not None else t(f"capture.{kind}", lang)
        self.query_one("#capture-kind", Label).update(Content(f" {label} ▸ "))
        field = self.query_one("#capture-input", Input)
        if self.display and field.value and not text and record is None:
            text = field.value  # the bar was left open with unsaved text: keep it
        field.suggester = NameSuggester(participants)
        hint = {"action": "capture.hint.action", "park": "capture.hint.park"}.get(kind, "capture.hint.text")
        field.placeholder = t(hint, lang)
        field.value = text
        field.cursor_position = len(text)
        self.remove_class("-error")
        self.display = True
        field.focus()

    def close(self) -> None:
        field = self.query_one("#capture-input", Input)
        field.value = ""
        self.record = None
        self.display = False

    @property
    def text(self) -> str:
        return self.query_one("#capture-input", Input).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(CaptureSubmitted(self.kind, event.value, self.record))

    def action_complete(self) -> None:
        """Accept the suggested name (as → does at the end of the line)."""
        self.query_one("#capture-input", Input).action_cursor_right()

    def action_cancel(self) -> None:
        self.post_message(CaptureCancelled())

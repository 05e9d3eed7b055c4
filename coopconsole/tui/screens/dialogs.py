"""Small modal screens: pick a speaker, queue one, resolve a parked point, the key help."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from coopconsole.domain.model import Attendance, Resolution, Session
from coopconsole.texts import t


class ConsoleDialog(ModalScreen[ScreenResultType]):
    """The console's dialogs: a bordered box in the middle of the screen, a bold title,
    a muted hint. Their styles are parsed when the first dialog opens, not at start-up."""

    DEFAULT_CSS = """
    ConsoleDialog {
        align: center middle;
    }
    ConsoleDialog .dialog {
        width: 70%;
        max-width: 90;
        height: auto;
        max-height: 80%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    ConsoleDialog .dialog-title {
        width: 100%;  /* a long question wraps, never cut at the dialog's edge */
        text-style: bold;
        margin-bottom: 1;
    }
    ConsoleDialog .dialog-hint {
        width: 100%;
        color: $text-muted;
        margin-top: 1;
    }
    """


class ChoiceDialog(ConsoleDialog[Any]):
    """A titled list of choices; dismisses with the chosen value, or None on Escape."""

    # Hidden from Textual's keys panel, which would show it in English (a dialog is made
    # without the console's language); the help says what Escape does.
    BINDINGS = [Binding("escape", "dismiss(None)", id="dialog.close", system=True)]

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str, Any]],
        at_choice: Callable[[Any], Callable[[events.Key], bool] | None] | None = None,
    ) -> None:
        super().__init__()
        self.heading = title
        self.choices = choices
        # Called as a choice is made, before the dialog has gone (the result's callback
        # runs only then): it may open the capture bar at once, and say where the keys
        # typed in between go, so that none is lost or taken for a meeting key.
        self.at_choice = at_choice
        self._keys_to: Callable[[events.Key], bool] | None = None
        self._chosen = False
        # Letters typed right behind Enter reach the dialog before the choice Enter makes
        # (the list turns the key into its choice a moment later): kept for ``at_choice``.
        self._held: list[events.Key] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.heading), classes="dialog-title")
            yield OptionList(
                *(Option(Content(label), id=str(i)) for i, (label, _) in enumerate(self.choices)), markup=False
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(self.choices[int(event.option_id or 0)][1])

    def choose(self, value: Any) -> None:
        """Close with ``value`` (once: a second Enter before the dialog has gone is ignored)."""
        if self._chosen:
            return
        self._chosen = True
        keys_to: Callable[[events.Key], bool] | None = None
        if self.at_choice is not None:
            keys_to = self.at_choice(value)
        self._keys_to = keys_to
        held, self._held = self._held or [], None
        if keys_to is not None:
            for key in held:
                keys_to(key)
        self.dismiss(value)

    def on_key(self, event: events.Key) -> None:
        """A key typed after the choice, before the dialog has gone: where ``at_choice`` said."""
        if self._chosen:
            taken = self._keys_to is None or self._keys_to(event)
        elif event.key == "enter":
            self._held, taken = [], False  # the choice is on its way
        elif self._held is not None and event.is_printable and event.character:
            self._held.append(event)
            taken = True
        else:
            taken = False
        if taken:
            event.stop()
            event.prevent_default()


class NumberedChoiceDialog(ChoiceDialog):
    """A :class:`ChoiceDialog` of participants whose number key (1-9) chooses at once, so
    a key then a speaker's number does it without moving through the list."""

    def on_key(self, event: events.Key) -> None:
        if self._chosen:
            super().on_key(event)
        elif event.character is not None and len(event.character) == 1 and event.character in "123456789":
            number = int(event.character)
            if any(value == number for _, value in self.choices):
                event.stop()
                event.prevent_default()
                self.choose(number)


def queue_choices(
    session: Session, queue: Sequence[int], lang: str, speaker: int | None = None
) -> list[tuple[str, int]]:
    """Everyone but those marked absent or gone, by number; those in the queue say where,
    and the ``speaker`` that they have the floor."""
    choices: list[tuple[str, int]] = []
    for p in session.participants:
        if p.attendance is Attendance.ABSENT or p.attendance is Attendance.LEFT:
            continue
        org = f" ({p.organisation})" if p.organisation else ""
        where = ""
        if p.id in queue:
            where = "  · " + t("pick.queue_position", lang, position=queue.index(p.id) + 1)
        elif p.id == speaker:
            where = "  · " + t("pick.queue_speaking", lang)
        choices.append((f"{p.id:>2}  {p.name}{org}{where}", p.id))
    return choices


def speaker_choices(session: Session, lang: str) -> list[tuple[str, int | None]]:
    choices: list[tuple[str, int | None]] = [(f" 0  {t('speakers.nobody', lang)}", None)]
    for p in session.participants:
        org = f" ({p.organisation})" if p.organisation else ""
        choices.append((f"{p.id:>2}  {p.name}{org}", p.id))
    return choices


def resolve_choices(
    session: Session, lang: str, to_come: list[int] | None = None
) -> list[tuple[str, tuple[Resolution, int | None]]]:
    """What a parked point can become; it is scheduled only to the items ``to_come``
    (``domain.timeline.items_to_come``; None: any item)."""
    choices: list[tuple[str, tuple[Resolution, int | None]]] = [
        (t("pick.to_action", lang), (Resolution.ACTION, None)),
        (t("pick.defer", lang), (Resolution.DEFERRED, None)),
    ]
    choices += [
        (t("pick.schedule", lang, item=f"{i.id}. {i.title}"), (Resolution.SCHEDULED, i.id))
        for i in session.agenda
        if to_come is None or i.id in to_come
    ]
    choices.append((t("pick.reopen", lang), (Resolution.OPEN, None)))
    return choices


HelpRow = tuple[str, str]
"""The keys as the help shows them, and what they do."""

#: A meeting key as the meeting screen hands it to the help: its binding's id, the keys
#: bound to it now, and its short description.
KeyLine = tuple[str, str, str]

#: The meeting screen's keys, by binding id, to the help's section and the sentence that
#: says what the key does; the order is the order within a section.
_SENTENCES: dict[str, tuple[str, str]] = {
    "meeting.clock": ("agenda", "help.clock"),
    "meeting.next": ("agenda", "help.next"),
    "meeting.previous": ("agenda", "help.prev"),
    "meeting.extend": ("agenda", "help.extend"),
    "meeting.shorten": ("agenda", "help.shorten"),
    **{f"meeting.speaker-{i}": ("floor", "help.speaker") for i in range(1, 10)},
    "meeting.nobody": ("floor", "help.nobody"),
    "meeting.pick-speaker": ("floor", "help.pick"),
    "meeting.queue": ("floor", "help.queue"),
    "meeting.floor-next": ("floor", "help.floor_next"),
    "meeting.capture-action": ("capture", "help.action"),
    "meeting.capture-note": ("capture", "help.note"),
    "meeting.capture-decision": ("capture", "help.decision"),
    "meeting.capture-park": ("capture", "help.park"),
    "meeting.edit": ("capture", "help.edit"),
    "meeting.state-next": ("capture", "help.state_next"),
    "meeting.state-back": ("capture", "help.state_back"),
    "meeting.remark": ("capture", "help.remark"),
    "meeting.take-back": ("rows", "help.take_back"),
    "meeting.take-back-last": ("rows", "help.take_back_last"),
    "meeting.merge": ("rows", "help.merge"),
    "meeting.replan": ("agenda", "help.replan"),
    "meeting.undo": ("agenda", "help.undo"),
    "meeting.cool": ("agenda", "help.cool"),
    "meeting.attendance": ("floor", "help.attendance"),
    "meeting.positions": ("capture", "help.positions"),
    "meeting.goals": ("console", "help.goals"),
    "meeting.health": ("console", "help.health"),
    "meeting.minutes": ("console", "help.minutes"),
    "meeting.help": ("console", "help.help"),
    "meeting.end": ("agenda", "help.end"),
    "meeting.agenda-jump": ("change", "help.agenda_jump"),
    "meeting.agenda-add": ("change", "help.agenda_add"),
    "meeting.agenda-rename": ("change", "help.agenda_rename"),
    "meeting.agenda-up": ("change", "help.agenda_up"),
    "meeting.agenda-down": ("change", "help.agenda_up"),  # one line with up while unmapped: "K J"
    "meeting.agenda-remove": ("change", "help.agenda_remove"),
    "meeting.walk-in": ("change", "help.walk_in"),
    "console.palette": ("console", "help.palette"),
    "meeting.quit": ("console", "help.quit"),
}

_SECTIONS = ("agenda", "change", "floor", "capture", "bar", "rows", "console")


def _more_keys(lang: str) -> list[tuple[str, str, str, str]]:
    """``(section, id, keys, sentence)`` of the keys that are not the meeting screen's own:
    the capture bar's, the lists', the mouse's and the palette's (Textual's key)."""
    enter, click = t("help.keys.enter", lang), t("help.keys.click", lang)
    return [
        ("floor", "mouse.participant", click, "help.click_participant"),
        ("bar", "capture.save", enter, "help.enter_bar"),
        ("bar", "capture.cancel", "Esc", "help.escape"),
        ("bar", "capture.complete", "Tab", "help.tab_bar"),
        ("bar", "capture.accept", "→", "help.right"),
        ("rows", "focus.next", "Tab", "help.tab"),
        ("rows", "list.move", "↑ ↓", "help.arrows"),
        ("rows", "list.select", enter, "help.enter_row"),
        ("rows", "parked.resolve", enter, "help.enter_parked"),
        ("rows", "mouse.row", click, "help.click_row"),
        ("console", "console.palette", "ctrl+p", "help.palette"),
    ]


def help_sections(lines: Sequence[KeyLine], lang: str) -> list[tuple[str, list[HelpRow]]]:
    """The help, as ``(section title, rows)``: every key of ``lines`` with a plain sentence,
    and the keys that ``lines`` lack (Escape, Tab, Enter on a row, the mouse, ctrl+p).

    ``lines`` are the meeting screen's keys as it passes them to :class:`HelpDialog`; a
    key the help has no sentence for keeps its description.
    """
    order = list(_SENTENCES)
    ranked: dict[str, list[tuple[int, HelpRow]]] = {name: [] for name in _SECTIONS}
    for binding_id, keys, description in lines:
        section, sentence = _SENTENCES.get(binding_id, ("console", ""))
        rank = order.index(binding_id) if binding_id in _SENTENCES else len(order)
        ranked[section].append((rank, (keys, t(sentence, lang) if sentence else description)))
    bound = {binding_id for binding_id, _, _ in lines}
    for section, binding_id, keys, sentence in _more_keys(lang):
        if binding_id not in bound:
            rank = order.index(binding_id) if binding_id in _SENTENCES else len(order)
            ranked[section].append((rank, (keys, t(sentence, lang))))
    return [
        (t(f"help.section.{name}", lang), [row for _, row in sorted(rows, key=lambda r: r[0])])
        for name, rows in ranked.items()
        if rows
    ]


def _two_columns(sections: list[tuple[str, list[HelpRow]]]) -> list[list[tuple[str, list[HelpRow]]]]:
    """The sections in two columns, whole, split where the longer column is shortest."""
    # Lines a section takes: its title, the space above it, and its sentences wrapped at
    # about the width a sentence has in a column of a wide dialog.
    heights = [2 + sum(-(-Content(text).cell_length // 40) for _, text in rows) for _, rows in sections]
    split = min(range(1, len(sections) + 1), key=lambda i: max(sum(heights[:i]), sum(heights[i:])))
    return [sections[:split], sections[split:]]


class HelpDialog(ConsoleDialog[None]):
    """Every key of the meeting screen and what it does, in the console's language.

    The keys scroll between a title and a close hint that stay in view; a wide terminal
    shows them in two columns (a narrow one stacks the columns, in the same order).
    """

    DEFAULT_CSS = """
    /* The help: title and close hint docked, so they stay in view; the keys between them
       grow to fit and scroll once the dialog reaches its largest height. */
    HelpDialog > .dialog {
        width: 90%;
        max-width: 120;
        max-height: 90%;
    }
    HelpDialog .dialog-title {
        dock: top;
        margin-bottom: 0;
    }
    HelpDialog #help-close {
        dock: bottom;
    }
    HelpDialog #help-body {
        height: auto;
        max-height: 100%;
    }
    HelpDialog #help-columns {
        height: auto;
        layout: horizontal;
    }
    HelpDialog.-narrow #help-columns {
        layout: vertical;
    }
    HelpDialog .help-column {
        width: 1fr;
        height: auto;
    }
    HelpDialog.-wide .help-column {
        padding-right: 2;
    }
    HelpDialog .help-section {
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    HelpDialog .help-row {
        height: auto;
    }
    HelpDialog .help-keys {
        width: 9;
        padding-right: 1;
        text-align: right;
        text-style: bold;
    }
    HelpDialog .help-text {
        width: 1fr;
    }
    """

    # Hidden from Textual's keys panel, which would show them in English: the dialog
    # says itself how it closes.
    BINDINGS = [Binding("escape,question_mark,f1", "dismiss(None)", id="help.close", system=True)]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self, lines: list[KeyLine], lang: str) -> None:
        super().__init__()
        self.lines = lines
        """The meeting screen's keys and their short descriptions, as given."""
        self.lang = lang
        self.sections = help_sections(lines, lang)
        """What the dialog shows: see :func:`help_sections`."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(t("help.title", self.lang)), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                with Container(id="help-columns"):
                    for column in _two_columns(self.sections):
                        with Vertical(classes="help-column"):
                            for title, rows in column:
                                yield Label(Content(title), classes="help-section")
                                for keys, text in rows:
                                    with Horizontal(classes="help-row"):
                                        yield Label(Content(keys), classes="help-keys")
                                        yield Label(Content(text), classes="help-text")
            yield Label(Content(t("help.close", self.lang)), id="help-close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_close_hint)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_close_hint)

    def show_close_hint(self) -> None:
        """Say how to close, and, when the keys do not all fit, how to scroll them."""
        scrolls = self.query_one("#help-body", VerticalScroll).max_scroll_y > 0
        hint = t("help.close.scroll" if scrolls else "help.close", self.lang)
        self.query_one("#help-close", Label).update(Content(hint))

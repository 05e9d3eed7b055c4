"""The board's small dialogs: a remark on an action, and the board's keys."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label

from coopconsole.texts import t
from coopconsole.tui.screens.dialogs import ConsoleDialog


class RemarkDialog(ConsoleDialog[str | None]):
    """One line of remark: Enter gives it (to be kept in the action's history), Escape
    gives None and nothing is saved."""

    # Hidden from Textual's keys panel, which would show it in English: the hint says it.
    BINDINGS = [Binding("escape", "dismiss(None)", id="dialog.close", system=True)]

    def __init__(self, title: str, lang: str) -> None:
        super().__init__()
        self.heading = title
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.heading), classes="dialog-title")
            yield Input(placeholder=t("kanban.remark.placeholder", self.lang), id="remark")
            yield Label(Content(t("kanban.remark.hint", self.lang)), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)


class HistoryDialog(ConsoleDialog[None]):
    """One action whole: what, who, by when, where it comes from, and every move of its
    history with its time, state and remark (the newest last), in the console's language."""

    DEFAULT_CSS = """
    HistoryDialog .help-section {
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    HistoryDialog .history-row {
        height: auto;
    }
    HistoryDialog .history-when {
        width: 18;
        padding-right: 1;
    }
    HistoryDialog .history-what {
        width: 1fr;
    }
    """

    BINDINGS = [Binding("escape,enter", "dismiss(None)", id="dialog.close", system=True)]

    def __init__(self, title: str, facts: list[str], moves: list[tuple[str, str]], lang: str) -> None:
        super().__init__()
        self.heading, self.facts, self.moves, self.lang = title, facts, moves, lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.heading), classes="dialog-title")
            for fact in self.facts:
                yield Label(Content(fact))
            yield Label(Content(t("kanban.history.title", self.lang)), classes="help-section")
            if not self.moves:
                yield Label(Content(t("kanban.history.none", self.lang)), classes="dialog-hint")
            for when, what in self.moves:
                with Horizontal(classes="history-row"):
                    yield Label(Content(when), classes="history-when")
                    yield Label(Content(what), classes="history-what")
            yield Label(Content(t("kanban.history.close", self.lang)), classes="dialog-hint")


#: The board's keys, by binding id, to the sentence the help says for them, in order.
SENTENCES = {
    "board.left": "kanban.help.move",
    "board.next-state": "kanban.help.next",
    "board.previous-state": "kanban.help.back",
    "board.remark": "kanban.help.remark",
    "board.history": "kanban.help.history",
    "board.filter": "kanban.help.filter",
    "board.help": "kanban.help.help",
    "board.close": "kanban.help.close",
    "console.palette": "help.palette",
}

#: How the help writes keys that Textual names by a word.
_KEY_NAMES = {"escape": "Esc", "question_mark": "?", "ctrl+p": "ctrl+p"}


def help_rows(bindings: Iterable[BindingType], lang: str) -> list[tuple[str, str]]:
    """``(keys, what they do)`` for each of the board's ``bindings`` the help has a sentence for."""
    found: dict[str, tuple[str, str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding) or binding.id not in SENTENCES:
            continue
        if binding.key_display and binding.id != "board.help":
            keys = " ".join(binding.key_display)
        else:
            names = {**_KEY_NAMES, "enter": t("help.keys.enter", lang)}
            keys = " ".join(names.get(key.strip(), key.strip()) for key in binding.key.split(","))
        found[binding.id] = (keys, t(SENTENCES[binding.id], lang))
    return [found[binding_id] for binding_id in SENTENCES if binding_id in found]


class BoardHelp(ConsoleDialog[None]):
    """The board's keys and what they do, in the console's language."""

    DEFAULT_CSS = """
    BoardHelp .help-row {
        height: auto;
    }
    BoardHelp .help-keys {
        width: 9;
        padding-right: 1;
        text-align: right;
        text-style: bold;
    }
    BoardHelp .help-text {
        width: 1fr;
    }
    BoardHelp .dialog-hint {
        width: 1fr;
    }
    """

    BINDINGS = [Binding("escape,question_mark,f1", "dismiss(None)", id="help.close", system=True)]

    def __init__(self, bindings: Iterable[BindingType], lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.rows = help_rows(bindings, lang)
        """What the dialog lists: see :func:`help_rows`."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(t("kanban.help.title", self.lang)), classes="dialog-title")
            for keys, text in self.rows:
                with Horizontal(classes="help-row"):
                    yield Label(Content(keys), classes="help-keys")
                    yield Label(Content(text), classes="help-text")
            yield Label(Content(t("kanban.help.follows", self.lang)), classes="dialog-hint")
            yield Label(Content(t("help.close", self.lang)), classes="dialog-hint")

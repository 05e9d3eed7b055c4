"""The board's keys and small dialogs: a remark on an action, an action's history, the
filters, the help."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label

from coopconsole.domain.board import overdue_days
from coopconsole.domain.board_view import FILTER_FIELDS, BoardFilters, filter_values
from coopconsole.domain.clock import Clock
from coopconsole.domain.model import ActionStatus
from coopconsole.domain.series import Latest
from coopconsole.texts import t
from coopconsole.tui.screens.dialogs import ChoiceDialog, ConsoleDialog
from coopconsole.tui.widgets.board_card import card_ref

if TYPE_CHECKING:
    from coopconsole.tui.screens.board import BoardScreen


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


def board_bindings(lang: str) -> list[Binding]:
    """The board's keys, described in ``lang``; the footer shows them in this order and
    leaves off what does not fit (at 80 columns, the arrows: the help lists them)."""

    def b(name: str, keys: str, action: str, key: str, tip: str, **kw: Any) -> Binding:
        return Binding(keys, action, t(key, lang), id=f"board.{name}", tooltip=t(tip, lang), **kw)

    return [
        b("next-state", "right_square_bracket", "step(1)", "kanban.key.next", "kanban.cmd.next", key_display="]"),
        b(
            "previous-state",
            "left_square_bracket",
            "step(-1)",
            "kanban.key.back",
            "kanban.cmd.back",
            key_display="[",
        ),
        b("remark", "k", "remark", "kanban.key.remark", "kanban.cmd.remark"),
        b("history", "enter", "history", "kanban.key.history", "kanban.cmd.history"),
        b("filter", "f", "filter", "kanban.key.filter", "kanban.cmd.filter"),
        b("help", "question_mark,f1", "help", "key.help", "kanban.cmd.help", key_display="?"),
        b("close", "escape,q", "close", "kanban.key.close", "kanban.cmd.close"),
        b("left", "left", "column(-1)", "kanban.key.move", "kanban.help.move", key_display="←→↑↓"),
        b("right", "right", "column(1)", "kanban.key.move", "kanban.help.move", show=False),
        b("up", "up", "card(-1)", "kanban.key.move", "kanban.help.move", show=False),
        b("down", "down", "card(1)", "kanban.key.move", "kanban.help.move", show=False),
    ]


def history_dialog(latest: Latest, lang: str, clock: Clock) -> HistoryDialog:
    """The dialog that shows ``latest`` whole: owner, deadline, where it comes from, and
    every move and remark of its history."""
    a = latest.action
    owner = f"{a.owner} · {a.organisation}" if a.organisation else a.owner
    facts = [t("kanban.history.owner", lang, owner=owner or "—")]
    if a.deadline is not None:
        late = overdue_days(a, clock().date())
        due = t("kanban.history.due", lang, day=a.deadline.isoformat())
        facts.append(f"{due} · {t('kanban.overdue', lang, days=late)}" if late else due)
    state = t(f"board.{a.status.value}", lang)
    facts.append(t("kanban.history.origin", lang, origin=latest.origin, meeting=latest.meeting, state=state))
    return HistoryDialog(f"{card_ref(latest)}: {a.deliverable}", facts, history_lines(latest, lang, clock), lang)


def history_lines(latest: Latest, lang: str, clock: Clock) -> list[tuple[str, str]]:
    """``(when, what)`` for each entry of the action's history, the oldest first: the
    state it moved to (or "remark", when it stayed) with the remark, and the meeting it
    was made in when that is not the one holding the action. Times in the local zone."""
    tz = clock().tzinfo
    lines, before = [], ActionStatus.TODO
    for change in latest.action.history:
        when = change.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        state = t(f"board.{change.status.value}", lang)
        if change.status is before and change.remark:
            what = t("kanban.history.remark", lang, remark=change.remark)
        elif change.remark:
            what = t("kanban.history.move_remark", lang, state=state, remark=change.remark)
        else:
            what = t("kanban.history.move", lang, state=state)
        if change.meeting and change.meeting != latest.meeting:
            what += t("kanban.history.where", lang, meeting=change.meeting)
        lines.append((when, what))
        before = change.status
    return lines


def filter_menu(filters: BoardFilters, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """The board's filter dialog: each filter with what it shows now, then "clear them all"
    (the choice ``""``)."""
    choices = [
        (t(f"kanban.filter.{field}", lang) + (getattr(filters, field) or t("kanban.all", lang)), field)
        for field in FILTER_FIELDS
    ]
    choices.append((t("kanban.filter.clear", lang), ""))
    return t("kanban.filter.title", lang), choices


def value_menu(found: list[Latest], filters: BoardFilters, field: str, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """The dialog choosing one filter's value: "all" (``""``), then every value the other
    filters leave on the board."""
    values = filter_values(found, filters, field)
    return t(f"kanban.pick.{field}", lang), [(t("kanban.all", lang), ""), *((value, value) for value in values)]


def ask_filter(board: BoardScreen) -> None:
    """Ask which filter of ``board`` to change (or to clear them all)."""

    def chosen(field: str | None) -> None:
        if field == "":
            board.set_filters(BoardFilters())
        elif field is not None:
            ask_filter_value(board, field)

    board.app.push_screen(ChoiceDialog(*filter_menu(board.filters, board.lang)), chosen)


def ask_filter_value(board: BoardScreen, field: str) -> None:
    """Ask which series, owner or organisation ``board`` shows (or all)."""

    def chosen(value: str | None) -> None:
        if value is not None:
            board.set_filters(replace(board.filters, **{field: value or None}))

    board.app.push_screen(ChoiceDialog(*value_menu(board.found, board.filters, field, board.lang)), chosen)

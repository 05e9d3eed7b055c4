"""The first screen: saved sessions and the built-in sample meetings."""

from __future__ import annotations

from typing import Protocol

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

import coopconsole.tui.memory as memory
from coopconsole.domain.clock import Clock
from coopconsole.domain.timeline import agenda_state
from coopconsole.store import SessionStore
from coopconsole.texts import t
from coopconsole.tui.commands import Command
from coopconsole.tui.widgets.footer import KeyFooter


class SessionOpener(Protocol):
    """Opens a saved session, or a fresh copy of a sample meeting (the app does)."""

    def open_session(self, name: str) -> bool: ...

    def open_sample(self, lang: str) -> None: ...


class PickerScreen(Screen):
    """Choose a saved session or start a fresh copy of a sample meeting."""

    BINDING_GROUP_TITLE = "Sessions"

    @staticmethod
    def bindings(lang: str) -> list[Binding]:
        return [
            Binding("enter", "open", t("picker.open", lang), id="picker.open", tooltip=t("picker.open", lang)),
            Binding("b", "board", t("kanban.key.open", lang), id="picker.board", tooltip=t("kanban.cmd.open", lang)),
            Binding("ctrl+q", "app.quit", t("key.quit", lang), id="picker.quit", tooltip=t("key.quit", lang)),
        ]

    def __init__(self, store: SessionStore, lang: str, clock: Clock, opens: SessionOpener) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.clock = clock
        self.opens = opens
        """What opens a saved session or a fresh sample: the app."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(Content(t("picker.folder", self.lang, folder=self.store.folder.resolve())))
        yield OptionList(*self._options(), markup=False, id="sessions")
        yield KeyFooter()

    def _options(self) -> list[Option]:
        lang = self.lang
        options = [
            Option(Content(t("picker.sample_en", lang)), id="sample:en"),
            Option(Content(t("picker.sample_zh", lang)), id="sample:zh"),
        ]
        now = self.clock()
        for line in self.store.listing():  # headers, people, agenda, START and END: not every record
            s = line.session
            if s is None:
                options.append(Option(Content(t("picker.unreadable", lang, name=line.name)), disabled=True))
                continue
            status = t(f"state.{agenda_state(s, now).status.value}", lang)  # from its START and END events
            when = s.date.isoformat() if s.date else ""
            options.append(Option(Content(f"{s.name}  {s.title}  {when}  [{status}]"), id=f"session:{s.name}"))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.call_after_refresh(memory.settle)  # the collector back on (see coopconsole.cli.main)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_id)

    def action_open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    def action_board(self) -> None:
        """Show the board of every action in the folder; closing it comes back here."""
        from coopconsole.tui.board_app import open_board  # the board's code: only once asked for

        open_board(self.app, self.lang)

    def palette_commands(self) -> list[Command]:
        return [(t("kanban.cmd.open", self.lang), self.action_board)]

    def _open(self, option_id: str | None) -> None:
        if not option_id:
            return
        kind, _, value = option_id.partition(":")
        if kind == "sample":
            self.opens.open_sample(value)
        else:
            self.opens.open_session(value)

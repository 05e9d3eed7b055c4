"""The meeting screen: the session's agenda (the live panes build on this)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from ..domain.model import ItemKind
from ..domain.timeline import agenda_state
from ..service import MeetingService


class SessionScreen(Screen):
    """One meeting, resumed exactly as it was saved."""

    BINDING_GROUP_TITLE = "Meeting"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Sessions", id="session.back", tooltip="Back to the list of sessions"),
        Binding("ctrl+q", "app.quit", "Quit", id="app.quit", tooltip="Leave coopconsole"),
    ]

    def __init__(self, service: MeetingService) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*self._agenda(), markup=False, id="agenda")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.service.session.title
        self.sub_title = self.service.session.name

    def _agenda(self) -> list[Option]:
        session = self.service.session
        current = agenda_state(session, self.service.now()).current
        rows = []
        for item in session.agenda:
            start = item.start.strftime("%H:%M") if item.start else "--:--"
            box = f"{item.minutes} min" if item.minutes is not None else "-"
            mark = "▶" if item.id == current else " "
            kind = " ☕" if item.kind is ItemKind.BREAK else ""
            owner = f"  · {item.owner}" if item.owner else ""
            rows.append(Option(Content(f"{mark} {item.id:>2}. {start}  {item.title}{kind}  ({box}){owner}")))
        return rows

"""The dialogs for changing the agenda during the meeting: one line (a new item, a new
title) and the walk-in's form (name, organisation, role)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from coopconsole.domain.model import Role
from coopconsole.texts import t
from coopconsole.tui.screens.dialogs import ConsoleDialog


class LineDialog(ConsoleDialog[str | None]):
    """One line to type: Enter gives it, Escape gives None and nothing changes."""

    # Hidden from Textual's keys panel, which would show it in English: the hint says it.
    BINDINGS = [Binding("escape", "dismiss(None)", id="dialog.close", system=True)]

    def __init__(self, title: str, hint: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.heading, self.hint, self.value, self.placeholder = title, hint, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.heading), classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="line")
            yield Label(Content(self.hint), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)


#: A walk-in as the form gives it: name, organisation, role.
WalkIn = tuple[str, str, Role]


class WalkInDialog(ConsoleDialog[WalkIn | None]):
    """Name, organisation and role of someone who walked in. Enter in a field goes to the
    next one; Enter on a role (or in the last field) adds them; Escape cancels."""

    DEFAULT_CSS = """
    WalkInDialog OptionList {
        height: auto;
        max-height: 6;
    }
    """

    BINDINGS = [Binding("escape", "dismiss(None)", id="dialog.close", system=True)]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog"):
            yield Label(Content(t("edit.walk_in.title", lang)), classes="dialog-title")
            yield Input(placeholder=t("edit.walk_in.name", lang), id="walk-in-name")
            yield Input(placeholder=t("edit.walk_in.organisation", lang), id="walk-in-organisation")
            yield Label(Content(t("edit.walk_in.role", lang)))
            yield OptionList(
                *(Option(Content(t(f"edit.role.{role.value}", lang)), id=role.value) for role in Role),
                id="walk-in-role",
                markup=False,
            )
            yield Label(Content(t("edit.walk_in.hint", lang)), classes="dialog-hint")

    def on_mount(self) -> None:
        roles = self.query_one("#walk-in-role", OptionList)
        roles.highlighted = list(Role).index(Role.OTHER)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "walk-in-name":
            self.query_one("#walk-in-organisation", Input).focus()
        else:
            self._done()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._done()

    def _done(self) -> None:
        roles = self.query_one("#walk-in-role", OptionList)
        index = roles.highlighted if roles.highlighted is not None else list(Role).index(Role.OTHER)
        name = self.query_one("#walk-in-name", Input).value
        organisation = self.query_one("#walk-in-organisation", Input).value
        self.dismiss((name, organisation, list(Role)[index]))

"""Small modal screens: pick a speaker, resolve a parked point, the key help."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ..domain.model import Resolution, Session
from ..i18n import t


class ChoiceDialog(ModalScreen[Any]):
    """A titled list of choices; dismisses with the chosen value, or None on Escape."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="dialog.close", tooltip="Close without choosing")]

    def __init__(self, title: str, choices: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.heading = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.heading), classes="dialog-title")
            yield OptionList(*(Option(Content(label), id=str(i)) for i, (label, _) in enumerate(self.choices)),
                             markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option_id)][1])


def speaker_choices(session: Session, lang: str) -> list[tuple[str, int | None]]:
    choices: list[tuple[str, int | None]] = [(f" 0  {t('speakers.nobody', lang)}", None)]
    for p in session.participants:
        org = f" ({p.organisation})" if p.organisation else ""
        choices.append((f"{p.id:>2}  {p.name}{org}", p.id))
    return choices


def resolve_choices(session: Session, lang: str) -> list[tuple[str, tuple[Resolution, int | None]]]:
    choices = [
        (t("pick.to_action", lang), (Resolution.ACTION, None)),
        (t("pick.defer", lang), (Resolution.DEFERRED, None)),
    ]
    choices += [(t("pick.schedule", lang, item=f"{i.id}. {i.title}"), (Resolution.SCHEDULED, i.id))
                for i in session.agenda]
    choices.append((t("pick.reopen", lang), (Resolution.OPEN, None)))
    return choices


class HelpDialog(ModalScreen[None]):
    """Every key of the meeting screen, in the console's language."""

    BINDINGS = [
        Binding("escape,question_mark,f1", "dismiss(None)", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, lines: list[tuple[str, str]], lang: str) -> None:
        super().__init__()
        self.lines = lines
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(t("help.title", self.lang)), classes="dialog-title")
            for keys, text in self.lines:
                yield Label(Content.assemble((f"{keys:>12}  ", "bold"), text))
            yield Label(Content(t("capture.hint.action", self.lang)), classes="dialog-hint")
            yield Label(Content(t("help.close", self.lang)), classes="dialog-hint")

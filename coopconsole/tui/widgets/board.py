"""The board's columns and cards: one card per action, in the column of its state.

A card says what ``coopconsole status`` needs (the name of the action's newest copy,
``MEETING#N``), who owes it (owner and organisation), by when, and what; an overdue card
is drawn in the theme's warning colour and says by how many days. Every text is a
``Content``, so a Chinese name or deliverable is measured and wrapped by its cells.

Neither the cards nor the columns take the focus: the board screen moves the highlight
with its own keys, so the arrows mean the same thing wherever the highlight is.
"""

from __future__ import annotations

from datetime import date

from textual import events
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from coopconsole.domain.board import overdue_days
from coopconsole.domain.series import Latest
from coopconsole.texts import t
from coopconsole.tui.paint import same


def card_ref(latest: Latest) -> str:
    """The name a change is made by: the newest copy's meeting and number."""
    return f"{latest.meeting}#{latest.action.id}"


def card_content(latest: Latest, lang: str, today: date) -> Content:
    """What the card of ``latest`` shows, line by line."""
    action = latest.action
    late = overdue_days(action, today)
    warn = "bold $warning"
    lines = [Content.styled(card_ref(latest), warn if late else "bold")]
    who = Content.styled(action.owner or t("actions.no_owner", lang), "bold")
    if action.organisation:
        who = Content.assemble(who, " · ", (action.organisation, "italic"))
    lines.append(who)
    if action.deadline is None:
        lines.append(Content.styled(t("actions.no_deadline", lang), "dim"))
    else:
        lines.append(Content(t("kanban.due", lang, day=action.deadline.isoformat())))
    lines.append(Content(action.deliverable))
    if late:
        lines.append(Content.styled(t("kanban.overdue", lang, days=late), warn))
    return Content("\n").join(lines)


class Card(Static, can_focus=False):
    """One action on the board. ``-highlighted``: the card the keys act on; ``-overdue``:
    past its deadline and not done."""

    DEFAULT_CSS = """
    Card {
        height: auto;
        margin-bottom: 1;
        padding: 0 0 0 1;
        border-left: outer $primary 40%;
        background: $boost;
    }
    Card.-overdue {
        border-left: outer $warning;
    }
    Card.-highlighted {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """

    class Chosen(Message):
        """The card was clicked: the highlight goes to it."""

        def __init__(self, card: Card) -> None:
            super().__init__()
            self.card = card

    def __init__(self, latest: Latest, lang: str, today: date) -> None:
        content = card_content(latest, lang, today)
        super().__init__(content)
        self.latest = latest
        self.card_key = latest.origin
        """What names the action on the board whatever copy it is now: where it was first captured."""
        self.shown = content
        self.set_class(overdue_days(latest.action, today) > 0, "-overdue")

    def show(self, latest: Latest, lang: str, today: date) -> None:
        """Show ``latest`` (the same action, as it stands now); repaints only if it changed."""
        self.latest = latest
        content = card_content(latest, lang, today)
        if not same(self.shown, content):
            self.shown = content
            self.update(content)
        self.set_class(overdue_days(latest.action, today) > 0, "-overdue")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self))


class BoardColumn(VerticalScroll, can_focus=False):
    """The cards of one state, the column's name and count in its border. ``-current``:
    the column the highlight is in."""

    DEFAULT_CSS = """
    BoardColumn {
        width: 1fr;
        height: 1fr;
        border: round $border-blurred;
        border-title-color: $foreground;
        border-title-style: bold;
        padding: 0 0 0 0;
        scrollbar-size-vertical: 1;
    }
    BoardColumn.-current {
        border: round $border;
        border-title-color: $accent;
    }
    """

    def cards(self) -> list[Card]:
        """The column's cards, top to bottom."""
        return list(self.query_children(Card))

    async def show_cards(self, shown: list[Latest], lang: str, today: date) -> None:
        """Show a card for each of ``shown``, in order: the cards of actions already shown
        are updated in place, and only a change of which actions are here remounts them."""
        cards = self.cards()
        if [card.card_key for card in cards] == [latest.origin for latest in shown]:
            for card, latest in zip(cards, shown, strict=True):
                card.show(latest, lang, today)
            return
        await self.remove_children()
        if shown:
            await self.mount_all([Card(latest, lang, today) for latest in shown])

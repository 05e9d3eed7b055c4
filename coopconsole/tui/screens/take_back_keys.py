"""The meeting screen's keys for a capture made by mistake: take back the selected record
(``x``) or the last capture (``ctrl+z``), each asked once, naming the record; give back
one taken back (the palette); merge the highlighted action, a duplicate, into another
(``j``). Every change goes through ``service.withdrawals``.

:class:`TakeBackFlow` is given the meeting screen it works for and uses only what that
screen offers (its service, language, panes, ``ask``, ``do`` and ``report``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopconsole.domain.model import ActionItem, Captured, ParkedItem
from coopconsole.service.withdrawals import KIND_OF, last_capture, taken_back
from coopconsole.texts import t
from coopconsole.tui.paint import set_border_subtitle
from coopconsole.tui.widgets.actions import ActionsPane
from coopconsole.tui.widgets.parking_lot import ParkingLotPane

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen

#: How much of a record's text a question quotes.
_QUOTED = 40


class TakeBackFlow:
    """Taking back, giving back and merging, asked in dialogs."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen

    def selected(self) -> Captured | None:
        """The parked point selected in the focused parking lot, else the record selected
        in the actions pane (as ``e`` edits)."""
        screen = self.screen
        parking = screen.query_one(ParkingLotPane)
        chosen = parking.selected_id()
        if screen.focused is parking and chosen is not None:
            return next((p for p in screen.service.glance().parked if p.id == chosen), None)
        return screen.query_one(ActionsPane).selected()

    def take_back_selected(self) -> None:
        """``x``: take back the selected record, once the note-taker says so."""
        record = self.selected()
        if record is None:
            self.screen.notify(t("take_back.none", self.screen.lang), markup=False)
            return
        self._confirm(record)

    def take_back_last(self) -> None:
        """``ctrl+z``: take back the capture made last, once the note-taker says so."""
        record = last_capture(self.screen.service.glance())
        if record is None:
            self.screen.notify(t("error.nothing-to-take-back", self.screen.lang), markup=False)
            return
        self._confirm(record)

    def _confirm(self, record: Captured) -> None:
        screen, lang = self.screen, self.screen.lang
        kind = KIND_OF[type(record)]
        title = t("take_back.ask", lang, kind=_kind(kind, lang), id=record.id, text=_quote(record))
        choices = [(t("take_back.yes", lang), True), (t("take_back.no", lang), False)]

        def chosen(yes: bool | None) -> None:
            if yes:
                self.screen.do(lambda: screen.service.withdrawals.take_back(kind, record.id), self._taken_back)

        screen.ask(title, choices, chosen)

    def _taken_back(self, record: Any) -> None:
        screen, lang = self.screen, self.screen.lang
        kind = KIND_OF[type(record)]
        pane = screen.query_one(ParkingLotPane if isinstance(record, ParkedItem) else ActionsPane)
        said = t("take_back.done", lang, kind=_kind(kind, lang), id=record.id)
        screen.call_later(set_border_subtitle, pane, said)
        screen.notify(said, markup=False)

    def give_back(self) -> None:
        """The palette: the captures taken back, the last first; the one chosen is listed again."""
        screen, lang = self.screen, self.screen.lang
        aside = taken_back(screen.service.glance())
        if not aside:
            screen.notify(t("give_back.none", lang), markup=False)
            return
        choices: list[tuple[str, Captured]] = []
        for record in aside:
            kind = _kind(KIND_OF[type(record)], lang)
            values: dict[str, object] = {"kind": kind, "id": record.id, "text": _quote(record)}
            if isinstance(record, ActionItem) and record.merged_into is not None:
                choices.append((t("give_back.row_merged", lang, into=record.merged_into, **values), record))
            else:
                choices.append((t("give_back.row", lang, **values), record))

        def chosen(record: Captured | None) -> None:
            if record is not None:
                kind = KIND_OF[type(record)]

                def given(result: Any) -> None:
                    screen.notify(t("give_back.done", lang, kind=_kind(kind, lang), id=result.id), markup=False)

                screen.do(lambda: screen.service.withdrawals.give_back(kind, record.id), given)

        screen.ask(t("give_back.ask", lang), choices, chosen)

    def merge(self) -> None:
        """``j``: the other actions, to choose the one the highlighted action (a duplicate)
        is merged into."""
        screen, lang = self.screen, self.screen.lang
        duplicate = screen.query_one(ActionsPane).selected()
        if not isinstance(duplicate, ActionItem):
            screen.notify(t("merge.none", lang), markup=False)
            return
        others = [a for a in screen.service.glance().actions if a.id != duplicate.id]
        if not others:
            screen.notify(t("merge.alone", lang, id=duplicate.id), markup=False)
            return
        choices = [
            (t("merge.row", lang, id=a.id, owner=a.owner or "?", text=_quote(a)), a.id) for a in reversed(others)
        ]

        def chosen(kept: int | None) -> None:
            if kept is None:
                return

            def merged(result: Any) -> None:
                said = t("merge.done", lang, duplicate=duplicate.id, kept=result.id)
                screen.call_later(set_border_subtitle, screen.query_one(ActionsPane), said)
                screen.notify(said, markup=False)

            screen.do(lambda: screen.service.withdrawals.merge(duplicate.id, kept), merged)

        screen.ask(t("merge.ask", lang, id=duplicate.id, text=_quote(duplicate)), choices, chosen)


def _kind(kind: str, lang: str) -> str:
    """The kind of capture as a sentence says it ("action", "parked point")."""
    word = t(f"capture.{kind}", lang)
    return word.lower() if lang == "en" else word


def _quote(record: Captured) -> str:
    """The start of a record's text, as a question quotes it."""
    text = record.deliverable if isinstance(record, ActionItem) else record.text
    return text if len(text) <= _QUOTED else f"{text[: _QUOTED - 1]}…"

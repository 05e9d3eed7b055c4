"""The meeting screen's keys for changing the agenda live and for a walk-in: jump to an
item (G), add one (i), rename (R), move up (K) or down (J), remove (X), walk-in (w).

:class:`AgendaEditFlow` is given the meeting screen it works for and uses only what that
screen offers (its service, language, frame, ``do``, ``ask`` and ``notify``). Rename,
move and remove act on the item highlighted in the agenda pane while the pane has the
focus (so ``K`` pressed again moves the same item on); otherwise, and from the palette,
they first ask which item, listing only those the change can apply to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coopconsole.domain.model import AgendaItem, Role
from coopconsole.domain.timeline import AgendaState, ItemTiming
from coopconsole.texts import t
from coopconsole.tui.commands import Command, bind
from coopconsole.tui.widgets.line_list import LineList

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen

#: Which items each change may be asked about: (state, its timing) -> may it?
Eligible = Callable[[AgendaState, ItemTiming], bool]


def _to_come(state: AgendaState, timing: ItemTiming) -> bool:
    return timing.item != state.current and timing.actual_start is None


def _any(state: AgendaState, timing: ItemTiming) -> bool:
    return True


class AgendaEditFlow:
    """Changing the agenda, and a walk-in, for one meeting screen."""

    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen

    # -- what is on the agenda now ------------------------------------------------------

    def _state(self) -> AgendaState | None:
        frame = self.screen.frame
        return None if frame is None else frame.view.agenda

    def _title(self, item: int) -> str:
        state = self._state()
        found = None if state is None else state.item(item)
        return found.title if found is not None else str(item)

    def highlighted(self) -> int | None:
        """The item highlighted in the agenda pane, if the pane has the focus."""
        rows = self.screen.query_one("#agenda-items", LineList)
        row = rows.highlighted_option if rows.has_focus else None
        if row is None or row.id is None or not row.id.startswith("item-"):
            return None
        return int(row.id.removeprefix("item-"))

    def _pick(self, title_key: str, eligible: Eligible, then: Callable[[int], None], pick: bool) -> None:
        """``then(item)``: the highlighted item unless ``pick``, else the one chosen."""
        highlighted = None if pick else self.highlighted()
        if highlighted is not None:
            then(highlighted)
            return
        state, lang = self._state(), self.screen.lang
        if state is None:
            return
        choices = [
            (f"{index:>2}. {item.title}", item.id)
            for index, (item, timing) in enumerate(zip(state.plan, state.items, strict=True), start=1)
            if eligible(state, timing)
        ]
        if not choices:
            self.screen.notify(t("edit.none", lang), markup=False)
            return

        def chosen(item: int | None) -> None:
            if item is not None:
                then(item)

        self.screen.ask(t(title_key, lang), choices, chosen)

    def _done(self, key: str, title: str) -> Callable[[Any], None]:
        return lambda _: self.screen.notify(t(key, self.screen.lang, title=title), markup=False)

    # -- the changes --------------------------------------------------------------------

    def jump(self) -> None:
        """Choose any item and make it the current one."""
        service = self.screen.service

        def go(item: int) -> None:
            self.screen.do(lambda: service.agenda.goto(item), self._done("edit.jumped", self._title(item)))

        self._pick("edit.jump.title", _any, go, pick=True)

    def add(self) -> None:
        """Ask for ``Title 15 min @Owner``; the item goes after the current one."""
        from coopconsole.tui.screens.agenda_edit_dialogs import LineDialog

        lang, service = self.screen.lang, self.screen.service

        def typed(line: str | None) -> None:
            if line is None:
                return

            def saved(item: AgendaItem) -> None:
                self.screen.notify(t("edit.added", lang, title=item.title), markup=False)

            self.screen.do(lambda: service.agenda_edits.add_item(line), saved)

        dialog = LineDialog(
            t("edit.add.title", lang), t("edit.add.hint", lang), placeholder=t("edit.add.placeholder", lang)
        )
        self.screen.app.push_screen(dialog, typed)

    def rename(self, pick: bool = False) -> None:
        from coopconsole.tui.screens.agenda_edit_dialogs import LineDialog

        lang, service = self.screen.lang, self.screen.service

        def ask(item: int) -> None:
            old = self._title(item)

            def typed(title: str | None) -> None:
                if title is not None and title.strip() != old:
                    self.screen.do(
                        lambda: service.agenda_edits.rename_item(item, title), self._done("edit.renamed", title.strip())
                    )

            dialog = LineDialog(t("edit.rename.title", lang, item=old), t("edit.rename.hint", lang), value=old)
            self.screen.app.push_screen(dialog, typed)

        self._pick("edit.rename.pick", _any, ask, pick)

    def move(self, step: int, pick: bool = False) -> None:
        service = self.screen.service

        def move(item: int) -> None:
            self.screen.do(
                lambda: service.agenda_edits.move_item(item, step), self._done("edit.moved", self._title(item))
            )

        self._pick("edit.up.pick" if step < 0 else "edit.down.pick", _to_come, move, pick)

    def remove(self, pick: bool = False) -> None:
        service = self.screen.service

        def remove(item: int) -> None:
            title = self._title(item)
            self.screen.do(lambda: service.agenda_edits.remove_item(item), self._done("edit.removed", title))

        self._pick("edit.remove.pick", _to_come, remove, pick)

    def walk_in(self) -> None:
        from coopconsole.tui.screens.agenda_edit_dialogs import WalkInDialog

        lang, service = self.screen.lang, self.screen.service

        def given(form: tuple[str, str, Role] | None) -> None:
            if form is None:
                return
            name, organisation, role = form

            def saved(person: Any) -> None:
                self.screen.notify(t("edit.walked_in", lang, name=person.name, number=person.id), markup=False)

            self.screen.do(lambda: service.agenda_edits.walk_in(name, organisation, role), saved)

        self.screen.app.push_screen(WalkInDialog(lang), given)

    def commands(self) -> list[Command]:
        lang = self.screen.lang
        return [
            (t("palette.agenda_jump", lang), self.jump),
            (t("palette.agenda_add", lang), self.add),
            (t("palette.agenda_rename", lang), bind(self.rename, True)),
            (t("palette.agenda_up", lang), bind(self.move, -1, True)),
            (t("palette.agenda_down", lang), bind(self.move, 1, True)),
            (t("palette.agenda_remove", lang), bind(self.remove, True)),
            (t("palette.walk_in", lang), self.walk_in),
        ]

"""The console's keys for changing the agenda live (G i R K J X) and for a walk-in (w):
each opens what it should, goes through the service, and the panes follow at once."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from coopconsole.domain.model import Attendance, EventKind, Role
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.agenda_edit_dialogs import WalkInDialog
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.widgets.line_list import LineList
from tests.support.pilot import advance, answer_line, settle
from tests.support.sessions import small_session

SIZE = (120, 36)


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()

    def start(lang: str = "en"):
        return make_app(store=store, session_name="kickoff", clock=clock, lang=lang)

    return start


def rows(screen) -> list[str]:
    items = screen.query_one("#agenda-items", LineList)
    return [items.get_option_at_index(i).prompt.plain for i in range(items.option_count)]


async def choose(pilot, value) -> None:
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    index = [v for _, v in dialog.choices].index(value)
    options = dialog.query_one(OptionList)
    options.highlighted = index
    await pilot.press("enter")
    await settle(pilot)


async def test_add_rename_move_and_remove_from_the_keys(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        told: list[str] = []
        screen.notify = lambda message, **kw: told.append(message)  # what the screen says
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=5)
        await pilot.press("i")
        await pilot.pause()
        await answer_line(pilot, "Budget 10 min @Alice")
        assert told == ["Added: Budget"]
        service = screen.service
        state = service.state()
        new = service.session.agenda[-1]
        assert [t.item for t in state.items] == [1, new.id, 2, 3, 4]
        assert "Budget" in rows(screen)[1] and "Alice Chen" in rows(screen)[1]
        assert "09:15" in rows(screen)[1]  # projected: after the opening's box
        assert "09:25" in rows(screen)[2]  # directions: ten minutes later than written

        await pilot.press("R")  # nothing highlighted: which item?
        await pilot.pause()
        await choose(pilot, 2)
        await answer_line(pilot, "Roadmap 2027")
        assert service.state().item(2).title == "Roadmap 2027"
        assert "Roadmap 2027" in rows(screen)[2]

        # the highlighted item of the focused agenda pane: K moves it up, again and again
        items = screen.query_one("#agenda-items", LineList)
        items.focus()
        items.select_id("item-4")
        await pilot.press("K")
        await settle(pilot)
        await pilot.press("K")
        await settle(pilot)
        assert [t.item for t in service.state().items] == [1, new.id, 4, 2, 3]
        await pilot.press("K")
        await settle(pilot)
        assert [t.item for t in service.state().items] == [1, 4, new.id, 2, 3]
        await pilot.press("K")  # not above the current item: refused, and said
        await settle(pilot)
        assert [t.item for t in service.state().items] == [1, 4, new.id, 2, 3]
        assert any("cannot move" in message for message in told)
        await pilot.press("J")
        await settle(pilot)
        assert [t.item for t in service.state().items] == [1, new.id, 4, 2, 3]

        items.select_id("item-1")  # the current item is not removed
        await pilot.press("X")
        await settle(pilot)
        assert [t.item for t in service.state().items] == [1, new.id, 4, 2, 3]
        assert any("Close it with next item" in message for message in told)
        items.blur()
        await pilot.press("X")
        await pilot.pause()
        assert 1 not in [v for _, v in app.screen.choices]  # only the items to come
        await choose(pilot, 3)
        assert [t.item for t in service.state().items] == [1, new.id, 4, 2]
        assert not any("Tea break" in row for row in rows(screen))
        kinds = [e.kind for e in service.session.events]
        assert kinds.count(EventKind.MOVE) == 4 and kinds.count(EventKind.REMOVE) == 1


async def test_jump_to_any_item(meeting):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("G")
        await pilot.pause()
        assert [v for _, v in app.screen.choices] == [1, 2, 3, 4]
        await choose(pilot, 4)
        assert screen.service.state().current == 4
        assert rows(screen)[3].startswith("▶")
        assert screen.service.session.events[-1].kind is EventKind.GOTO


async def test_a_walk_in_gets_a_speaker_number(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=12)
        await pilot.press("w")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WalkInDialog)
        dialog.query_one("#walk-in-name", Input).value = "Zoe Park"
        dialog.query_one("#walk-in-organisation", Input).value = "Company C"
        dialog.query_one("#walk-in-role", OptionList).highlighted = list(Role).index(Role.EXPERT_ADVISOR)
        dialog.query_one("#walk-in-organisation", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        person = screen.service.session.participant(5)
        assert (person.name, person.organisation, person.role) == ("Zoe Park", "Company C", Role.EXPERT_ADVISOR)
        assert person.attendance is Attendance.PRESENT and person.arrived_at == clock()
        await pilot.press("5")
        await settle(pilot)
        assert screen.frame.view.speaker == 5
        speakers = screen.query_one("#speakers").query_one(LineList)
        shown = [speakers.get_option_at_index(i).prompt.plain for i in range(speakers.option_count)]
        assert any(row.lstrip().startswith("5") and "Zoe Park" in row for row in shown)


async def test_the_palette_has_a_command_for_each_change(meeting):
    from coopconsole.tui.screens.meeting_keys import palette_commands

    app = meeting(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        names = [name for name, _ in palette_commands(screen)]
        for name in (
            "议程:跳到议题",
            "议程:添加议题",
            "议程:重命名议题",
            "议程:议题上移",
            "议程:议题下移",
            "议程:删除议题",
            "参会人:添加临时到场者",
        ):
            assert name in names

"""The speaker queue and the turn limit in the console: q then a number queues (and the
same again takes out), f gives the floor to the head, the speakers pane shows the queue and
the turn; with a limit, the turn counts down, amber then red. Frozen clock."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coopconsole.domain.model import Attendance, EventKind
from coopconsole.domain.speaker_queue import speaker_queue
from coopconsole.settings import Settings, load_settings, save_settings
from coopconsole.tui.app import make_app
from coopconsole.tui.keymap import REMAPPABLE
from coopconsole.tui.screens.dialogs import HelpDialog, NumberedChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.meeting_keys import help_lines, meeting_bindings
from tests.support.pilot import advance, settle
from tests.support.sessions import small_session

SIZE = (120, 36)
ZHANG = 4


@pytest.fixture
def meeting(store, clock):
    session = small_session("kickoff")
    session.participants[ZHANG - 1] = replace(session.participants[ZHANG - 1], attendance=Attendance.ABSENT)
    store.create(session).close()

    def start(lang: str = "en", **settings):
        if settings:
            save_settings(Settings(**settings))
        return make_app(store=store, session_name="kickoff", clock=clock, lang=lang)

    return start


def _label(screen: MeetingScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def _queue(pilot, number: str) -> MeetingScreen:
    await pilot.press("q")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NumberedChoiceDialog)
    await pilot.press(number)
    return await settle(pilot, 2)


async def test_q_and_a_number_queue_the_pane_shows_who_is_next_and_f_gives_the_floor(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "1")
        screen = await settle(pilot)
        queue_line = screen.query_one("#speaker-queue")
        assert not queue_line.display  # nobody waits: no line
        await _queue(pilot, "3")
        screen = await _queue(pilot, "2")
        assert speaker_queue(screen.service.session) == (3, 2)
        assert queue_line.display
        assert _label(screen, "#speaker-queue") == "Next: 3 Chloe Martin · 2 Bruno Silva"
        clock.advance(minutes=2)
        await pilot.press("f")
        screen = await settle(pilot)
        assert screen.frame.view.speaker == 3
        assert _label(screen, "#speaker-queue") == "Next: 2 Bruno Silva"
        screen = await advance(pilot, clock, minutes=1, seconds=10)
        assert _label(screen, "#speaker-now") == "Chloe Martin speaking · 01:10"
        await pilot.press("3")  # the floor back to nobody, then to Chloe again: the total goes on
        await settle(pilot)
        await pilot.press("3")
        screen = await advance(pilot, clock, seconds=20)
        assert _label(screen, "#speaker-now") == "Chloe Martin speaking · this turn 00:20 · total 01:30"
        screen = await _queue(pilot, "2")  # the same again: out of the queue
        assert speaker_queue(screen.service.session) == ()
        assert not screen.query_one("#speaker-queue").display


async def test_the_queue_picker_leaves_out_the_absent_and_says_where_people_wait(meeting):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "1")
        await _queue(pilot, "2")
        await pilot.press("q")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, NumberedChoiceDialog)
        assert [value for _, value in dialog.choices] == [1, 2, 3]  # 张三 is marked absent
        assert dialog.choices[1][0].endswith("· in the queue: 1")
        assert dialog.choices[0][0].endswith("· has the floor")
        await pilot.press("4")  # not in the list: nothing
        await pilot.pause()
        assert pilot.app.screen is dialog
        await pilot.press("escape")
        screen = await settle(pilot)
        assert speaker_queue(screen.service.session) == (2,)


async def test_an_absent_person_cannot_be_queued_and_f_on_an_empty_queue_says_so(meeting):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        notices: list[str] = []
        screen.notify = lambda message, **kw: notices.append(message)  # type: ignore[method-assign]
        screen.queue.toggle(ZHANG)  # from the palette, say
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert notices == [
            "张三 is marked absent: mark them arrived (late) before adding them to the queue.",
            "Nobody is in the queue: add someone with q.",
        ]
        assert [e for e in screen.service.session.events if e.kind is EventKind.QUEUE] == []


async def test_the_turn_limit_counts_the_turn_down_amber_then_red(meeting, clock):
    app = meeting(turn_limit_minutes=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "1")
        screen = await settle(pilot)
        now = screen.query_one("#speaker-now")
        screen = await advance(pilot, clock, seconds=80)
        assert _label(screen, "#speaker-now") == "Alice Chen speaking · turn 00:40 left · total 01:20"
        assert not now.has_class("-turn-warning") and not now.has_class("-turn-over")
        screen = await advance(pilot, clock, seconds=10)  # 30 s left
        assert now.has_class("-turn-warning") and not now.has_class("-turn-over")
        screen = await advance(pilot, clock, seconds=45)
        assert _label(screen, "#speaker-now") == "Alice Chen speaking · turn over by 00:15 · total 02:15"
        assert now.has_class("-turn-over") and not now.has_class("-turn-warning")
        warning, over = screen.app.theme_variables["countdown-warning"], screen.app.theme_variables["countdown-overrun"]
        assert warning != over
        await pilot.press("2")  # a new turn: the countdown starts again
        screen = await settle(pilot)
        assert _label(screen, "#speaker-now") == "Bruno Silva speaking · turn 02:00 left · total 00:00"
        assert not now.has_class("-turn-over")


async def test_without_a_limit_the_turn_is_never_coloured(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        screen = await advance(pilot, clock, minutes=30)
        now = screen.query_one("#speaker-now")
        assert not now.has_class("-turn-warning") and not now.has_class("-turn-over")
        assert _label(screen, "#speaker-now") == "Alice Chen speaking · 30:00"


async def test_the_palette_sets_the_limit_at_once_and_it_is_remembered(meeting, clock):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "1")
        await settle(pilot)
        commands = dict(app.palette_commands())
        commands["speakers: limit each turn to 1 min (now: no limit)"]()
        screen = await advance(pilot, clock, seconds=50)
        assert screen.query_one("#speaker-now").has_class("-turn-warning")
        assert load_settings()[0].turn_limit_minutes == 1
        dict(app.palette_commands())["speakers: no limit on a turn (now: 1 min)"]()
        screen = await settle(pilot)
        assert not screen.query_one("#speaker-now").has_class("-turn-warning")
        assert load_settings()[0].turn_limit_minutes is None


async def test_the_queue_in_chinese(meeting):
    app = meeting(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _queue(pilot, "3")
        assert _label(screen, "#speaker-queue") == "排队:3 Chloe Martin"
        titles = [title for title, _ in screen.palette_commands()]
        assert "发言:由排队中的下一位发言" in titles and "发言:Chloe Martin 移出排队" in titles


def test_the_keys_have_ids_descriptions_tooltips_and_stay_out_of_the_footer():
    for lang in ("en", "zh"):
        keys = {b.id: b for b in meeting_bindings(lang)}
        for name, key in (("meeting.queue", "q"), ("meeting.floor-next", "f")):
            binding = keys[name]
            assert binding.key == key and binding.description and binding.tooltip and not binding.show
            assert name in REMAPPABLE
    every = [key for b in meeting_bindings("en") for key in b.key.split(",")]
    assert every.count("q") == 1 and every.count("f") == 1


async def test_the_help_and_the_palette_list_them(meeting):
    app = meeting()
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        lines = {binding_id: (keys, text) for binding_id, keys, text in help_lines(screen, {})}
        assert lines["meeting.queue"][0] == "q" and lines["meeting.floor-next"][0] == "f"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpDialog)
        titles = [title for title, _ in screen.palette_commands()]
        for title in (
            "speakers: give the floor to the next in the queue",
            "speakers: add to the queue or take out",
            "speakers: add Alice Chen to the queue",
        ):
            assert title in titles


async def test_a_remapped_queue_key_is_followed(meeting, clock):
    app = meeting(keys={"meeting.queue": "w", "meeting.floor-next": "x"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NumberedChoiceDialog)
        await pilot.press("2")
        await settle(pilot, 2)
        await pilot.press("x")
        screen = await settle(pilot)
        assert screen.frame.view.speaker == 2

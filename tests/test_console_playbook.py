"""The playbook in the console: health panel and header, goals, re-plan and undo, the
closing prompt, attendance, the cooling-down break, goals asked at the end."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, OptionList

from coopconsole.domain.model import Attendance, Goal, GoalTier
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.playbook import GoalsDialog, HealthDialog, findings, parse_goal
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.header import status_line
from tests.support.pilot import advance, settle
from tests.support.sessions import small_session

SIZE = (120, 36)


@pytest.fixture
def meeting(store, clock):
    session = small_session("kickoff")
    session.goals = [
        Goal(1, GoalTier.PRIMARY, "Identify three pilot projects"),
        Goal(2, GoalTier.ADVANCED, "Sign the MOU"),
    ]
    store.create(session).close()
    return lambda lang="en": make_app(store=store, session_name="kickoff", clock=clock, lang=lang)


async def _ready(pilot):
    """The screen, once the checks' module has loaded in the background."""
    await pilot.app.workers.wait_for_complete()
    screen = await settle(pilot)
    screen.tick()
    await pilot.pause()
    return screen


async def _next_dialog(pilot) -> ChoiceDialog:
    """The dialog the console opens once the intent before it is saved: the save runs on
    the intent thread, and its result, back on the event loop, pushes the dialog."""
    await pilot.pause()  # the key, or the answer before, is taken: an answer starts its intent only then
    meeting = next(screen for screen in pilot.app.screen_stack if isinstance(screen, MeetingScreen))
    await meeting.intents.idle()
    await pilot.pause()  # the dialog is pushed
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog), f"no dialog came; the screen is {dialog!r}"
    return dialog


def _choose(dialog: ChoiceDialog, wanted) -> None:  # noqa: ANN001 - a value or a predicate
    index = next(
        i for i, (_, value) in enumerate(dialog.choices) if (wanted(value) if callable(wanted) else value == wanted)
    )
    dialog.dismiss(dialog.choices[index][1])


async def test_the_header_shows_goals_and_failing_checks(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        line = status_line(screen.frame)
        assert "goals 0/2" in line and "⚠ 1 (h)" in line  # 智算科技 has no decision maker
        assert [entry["code"] for entry in findings(screen.frame)] == ["decision-maker-absent"]


async def test_the_health_panel_lists_each_check_with_its_fix(meeting, clock):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=16)  # Opening has 15 minutes
        await pilot.press("h")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, HealthDialog)
        shown = [str(label.content) for label in dialog.query("#health-body Label")]
        assert any("No decision maker of 智算科技 is in the room." in line for line in shown)
        assert any(line == "warning · Item 1 is 1 min over its time box." for line in shown)
        assert not any("-" in line.split(" · ")[-1].split(" ")[0] for line in shown)  # no check codes
        assert any(line.startswith("→ Close it with a decision") for line in shown)
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_the_chinese_health_panel_has_no_english_codes_and_wraps_long_lines(meeting, clock):
    async with meeting("zh").run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=16)
        await pilot.press("h")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, HealthDialog)
        body = dialog.query_one("#health-body")
        labels = list(dialog.query("#health-body Label"))
        shown = [str(label.content) for label in labels]
        assert any(line.startswith("注意 · 议题 1 已超时 1 分钟") for line in shown)
        assert not any(code in line for line in shown for code in ("item-overrun", "decision-maker-absent"))
        for label in labels:  # every word on screen: a long line wraps inside the dialog
            assert label.size.width <= body.size.width
            assert label.content.cell_length <= label.size.width * label.size.height
        assert any(label.size.height > 1 for label in labels)


async def test_goals_are_judged_and_added_from_the_dialog(meeting, store):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("g")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, GoalsDialog)
        goals = dialog.query_one(OptionList)
        goals.focus()
        goals.highlighted = 0
        await pilot.press("enter")  # not judged -> achieved
        await settle(pilot)
        await screen.intents.idle()
        await pilot.pause()
        dialog.query_one(Input).value = "intermediate: agree a draft MOU"
        dialog.query_one(Input).focus()
        await pilot.press("enter")
        await screen.intents.idle()
        await pilot.pause()
        assert goals.option_count == 3
    saved = store.open("kickoff").load().goals
    assert [(g.tier, g.achieved) for g in saved] == [
        (GoalTier.PRIMARY, True),
        (GoalTier.ADVANCED, None),
        (GoalTier.INTERMEDIATE, None),
    ]
    assert saved[2].text == "agree a draft MOU"


def test_a_goal_line_names_its_tier():
    assert parse_goal("中级:确定合作备忘录") == (GoalTier.INTERMEDIATE, "确定合作备忘录")
    assert parse_goal("Advanced: sign") == (GoalTier.ADVANCED, "sign")
    assert parse_goal("Explore: options") == (GoalTier.PRIMARY, "Explore: options")


async def test_re_plan_shows_the_options_applies_one_and_undoes_it(meeting, clock):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=25)  # 10 minutes over on the first item
        await pilot.press("r")
        await screen.intents.idle()
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.heading == "Behind by 10 min: how to catch up"
        labels = [label for label, _ in dialog.choices]
        assert labels[0] == "Shrink the items ahead in proportion (saves 10 min) → ends 10:35, plan 10:35"
        assert "Accept the later end → ends 10:45, plan 10:45" in labels
        _choose(dialog, lambda option: option.kind == "shrink")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.drift.total_seconds() == 0
        await pilot.press("u")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.drift.total_seconds() == 600


async def test_re_plan_on_time_says_there_is_nothing_to_do(meeting):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert any("not behind" in n.message for n in pilot.app._notifications)


async def test_moving_on_with_nothing_recorded_asks_once(meeting, clock):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("space")
        await settle(pilot)
        await advance(pilot, clock, minutes=2)
        await pilot.press("n")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.heading == "Nothing recorded on “Opening” yet"
        _choose(dialog, True)  # record the consensus now
        await pilot.pause()
        assert screen.query_one(CaptureBar).display and screen.query_one(CaptureBar).kind == "decision"
        await pilot.press("escape")
        await pilot.press("n")  # asked once: now it moves on
        screen = await settle(pilot)
        assert screen.frame.view.agenda.current == 2
        await pilot.press("n")  # Directions was not discussed (skipped at once): no question
        screen = await settle(pilot)
        assert screen.frame.view.agenda.current == 3


async def test_attendance_from_the_keys(meeting, store):
    async with meeting().run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        _choose(await _next_dialog(pilot), 3)
        await pilot.pause()
        assert (await _next_dialog(pilot)).heading == "Chloe Martin is …"
        _choose(await _next_dialog(pilot), (Attendance.ABSENT, 0))
        screen = await settle(pilot)
        assert "decision-maker-absent" in [entry["code"] for entry in findings(screen.frame)]
    assert store.open("kickoff").load().participant(3).attendance is Attendance.ABSENT


async def test_the_cooling_down_break_shows_in_the_header(meeting, clock):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        _choose(await _next_dialog(pilot), 10)
        screen = await settle(pilot)
        await advance(pilot, clock, minutes=4)
        assert "cooling down, 06:00 left" in status_line(screen.frame)
        await pilot.press("space")  # back to work
        screen = await settle(pilot)
        assert "cooling down" not in status_line(screen.frame)


async def test_ending_the_meeting_asks_for_each_goal(meeting, store):
    async with meeting().run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("end", "up", "enter")  # the closing checklist: "End the meeting now"
        await settle(pilot)
        dialog = await _next_dialog(pilot)
        assert dialog.heading == "Goal reached? Primary · Identify three pilot projects"
        _choose(dialog, True)
        await settle(pilot)
        dialog = await _next_dialog(pilot)
        assert dialog.heading == "Goal reached? Advanced · Sign the MOU"
        _choose(dialog, False)
        await settle(pilot)
    assert [g.achieved for g in store.open("kickoff").load().goals] == [True, False]


async def test_the_chinese_console_has_the_playbook_commands(meeting):
    async with meeting("zh").run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        titles = {title for title, _ in screen.palette_commands()}
        assert {
            "会议:健康检查",
            "目标:评估或添加会议目标",
            "议程:调整剩余议程",
            "议程:撤销上次调整",
            "议程:冷静暂停",
        } <= titles
        assert "目标 0/2" in status_line(screen.frame)


async def test_attendance_for_the_highlighted_speaker_arrived_some_minutes_ago(meeting, store, clock):
    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        rows = screen.query_one("#speaker-rows")
        rows.focus()
        rows.select_id("p-2")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert (await _next_dialog(pilot)).heading == "Bruno Silva is …"  # no need to pick the person
        labels = [label for label, _ in (await _next_dialog(pilot)).choices]
        assert "late, arrived 10 min ago" in labels and "left 30 min ago" in labels
        _choose(await _next_dialog(pilot), (Attendance.LATE, 10))
        await settle(pilot)
    bruno = store.open("kickoff").load().participant(2)
    assert bruno.attendance is Attendance.LATE and bruno.arrived_at == clock() - timedelta(minutes=10)


async def test_positions_on_the_latest_decision_one_organisation_after_another(meeting, store):
    from coopconsole.domain.model import Stance

    async with meeting().run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert any("No decision yet" in n.message for n in pilot.app._notifications)
        await pilot.press("space")
        screen.do(lambda: screen.service.captures.decision("Pilot in Zone B"))
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert (await _next_dialog(pilot)).heading == "Company A on “Pilot in Zone B”"
        _choose(await _next_dialog(pilot), Stance.AGREE)
        await settle(pilot)
        await pilot.pause()
        assert (await _next_dialog(pilot)).heading == "Company B on “Pilot in Zone B”"
        _choose(await _next_dialog(pilot), None)  # not recorded
        await settle(pilot)
        await pilot.pause()
        _choose(await _next_dialog(pilot), Stance.OBJECT)  # 智算科技
        await settle(pilot)
    [decision] = store.open("kickoff").load().decisions
    assert decision.agreement == (("Company A", Stance.AGREE), ("智算科技", Stance.OBJECT))


def test_the_header_never_reads_a_half_imported_checks_module(monkeypatch, clock):
    """The checks' module is imported on a background thread; while that import runs the
    module is already in ``sys.modules`` without its functions (this once crashed the
    console at start-up)."""
    import sys
    import types

    import coopconsole.tui.widgets.header as header
    from coopconsole.domain.live import LiveMeeting
    from coopconsole.tui.frame import Frame

    session = small_session()
    frame = Frame(session, LiveMeeting().view(session, clock()), 1, "en", 2)
    monkeypatch.setitem(sys.modules, "coopconsole.tui.screens.playbook", types.ModuleType("half-imported"))
    monkeypatch.setattr(header, "_CHECKS", [])
    assert "⚠" not in status_line(frame)  # no summary yet, and no crash
    header.checks_loaded(sys.modules["coopconsole.tui.screens.playbook"])
    with pytest.raises(AttributeError):
        status_line(frame)  # once declared loaded, it is used


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_palette_says_when_nothing_matches(meeting, lang, monkeypatch):
    """Textual's own words, in both languages: it offers no way to word them (docs/upstream.md)."""
    import asyncio

    from textual.command import CommandList
    from textual.command import CommandPalette as ConsolePalette

    # The palette says so half a second after a search found nothing (a timer of its
    # own); each countdown started reports here once it has run.
    countdowns: list[asyncio.Event] = []
    real_start, real_set_timer = ConsolePalette._start_no_matches_countdown, ConsolePalette.set_timer

    def start(palette, search_value):
        ran = asyncio.Event()
        countdowns.append(ran)

        def set_timer(delay, callback, **kwargs):
            def then():
                callback()
                ran.set()

            return real_set_timer(palette, delay, then, **kwargs)

        palette.set_timer = set_timer
        try:
            real_start(palette, search_value)
        finally:
            del palette.set_timer

    monkeypatch.setattr(ConsolePalette, "_start_no_matches_countdown", start)
    async with meeting(lang).run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"qqqzzzxxx")
        await pilot.app.workers.wait_for_complete()  # the last search has ended, its countdown started
        assert countdowns, "the search found something, or never ended"
        await asyncio.wait_for(countdowns[-1].wait(), 60)  # a guard against hanging, not a measure
        options = pilot.app.screen.query_one(CommandList)
        prompts = [
            str(getattr(options.get_option_at_index(i).prompt, "renderable", "")) for i in range(options.option_count)
        ]
        assert prompts == ["No matches found"]

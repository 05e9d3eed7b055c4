"""The plan review in the console: a freshly imported agenda opens on it; its keys drop,
restore and fix items through the service, the planned starts follow, and accepting
opens the meeting with the plan as fixed, read back from the file."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from coopconsole.store import SessionStore
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.review import ReviewScreen
from coopconsole.tui.widgets.footer import KeyFooter
from coopconsole.tui.widgets.review_plan import PlanTable
from coopconsole.tui.widgets.review_source import SourceLines
from tests.support.pilot import answer_line, settle
from tests.support.review import reviewed

SIZE = (120, 36)


@pytest.fixture
def console(store, clock):
    reviewed(store)

    def start(lang: str = "en"):
        return make_app(store=store, session_name="budget", clock=clock, lang=lang)

    return start


def rows(screen) -> list[list[str]]:
    table = screen.query_one(PlanTable)
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


def column(screen, index: int) -> list[str]:
    return [row[index] for row in rows(screen)]


def said(screen) -> str:
    return str(screen.query_one("#review-summary", Label).render())


def on_disk(folder):
    with SessionStore(folder).open("budget") as handle:
        return handle.load()


async def test_it_opens_on_the_plan_beside_the_agenda(console):
    async with console().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert isinstance(screen, ReviewScreen)
        assert rows(screen)[1] == ["2", "09:10", "30 min", "Budget 2027", "Alice Chen"]
        assert column(screen, 1) == ["09:00", "09:10", "09:40", "09:55", "10:15"]
        assert "planned from 09:00, the end not known" in said(screen)  # the wrap-up has no box
        source = screen.query_one(SourceLines)
        assert source.highlighted == 12  # line 13: the opening
        assert source.get_option_at_index(18).prompt.plain.startswith("19 ✗ Please bring")
        assert source.get_option_at_index(16).prompt.plain.startswith("17 ! 5. Wrap-up")
        await pilot.press(*["down"] * 4)
        await settle(pilot)
        assert source.highlighted == 16
        status = str(screen.query_one("#review-status", Label).render())
        assert status.startswith("Line 17: 5. Wrap-up — Dana Okafor\nThe importer: No time box for “Wrap-up”")
        keys = [entry.description for entry in screen.query_one(KeyFooter).entries]
        assert ["Drop/restore", "Title", "Box", "Owner", "Accept plan", "Quit"] == keys[:6]


async def test_drop_and_restore_move_the_planned_starts(console, folder):
    async with console().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("down", "d", "d", "d")  # pressed fast: dropped, restored, dropped
        screen = await settle(pilot)
        assert rows(screen)[1][3] == "Budget 2027 dropped"
        assert column(screen, 1) == ["09:00", "09:10", "09:10", "09:25", "09:45"]
        assert "4 items in the plan" in said(screen)
        assert on_disk(folder).review.dropped == (2,)  # saved as it was acknowledged
        await pilot.press("d")
        screen = await settle(pilot)
        assert rows(screen)[1][3] == "Budget 2027"
        assert column(screen, 1) == ["09:00", "09:10", "09:40", "09:55", "10:15"]
        assert on_disk(folder).review.dropped == ()


async def test_each_edit_goes_through_the_dialog_and_is_saved(console, folder):
    async with console().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press(*["down"] * 4, "b")
        await answer_line(pilot, "25")
        assert "planned 09:00–10:40" in said(screen)
        await pilot.press(*["up"] * 4, "b")
        await answer_line(pilot, "20")
        assert column(screen, 1) == ["09:00", "09:20", "09:50", "10:05", "10:25"]
        assert "planned 09:00–10:50" in said(screen)
        await pilot.press("t")
        await answer_line(pilot, "Welcome [b]all[/b]")  # shown as typed, not as markup
        await pilot.press("down", "o")
        await answer_line(pilot, "Grace Hopper")
        await pilot.press("b")
        await answer_line(pilot, "half an hour")  # not a number: said, nothing changed
        assert rows(screen)[0][3] == "Welcome [b]all[/b]" and rows(screen)[1][4] == "Grace Hopper"
        session = on_disk(folder)
        assert [i.minutes for i in session.agenda] == [20, 30, 15, 20, 25]
        assert session.agenda[0].title == "Welcome [b]all[/b]" and session.agenda[1].owner == "Grace Hopper"
        assert "Grace Hopper" in [p.name for p in session.participants]
        await pilot.press("t")
        await pilot.press("escape")  # cancelled: nothing changes
        await settle(pilot)
        assert on_disk(folder).agenda[1].title == "Budget 2027"


async def test_accept_opens_the_meeting_with_the_plan_as_fixed(console, folder, store, clock):
    async with console().run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "d", "a")
        screen = await settle(pilot, 2)
        assert isinstance(screen, MeetingScreen)
        assert [i.item for i in screen.service.state().items] == [1, 2, 4, 5]
    session = on_disk(folder)
    assert session.review is None and [i.title for i in session.agenda][2] == "Next steps"
    again = make_app(store=store, session_name="budget", clock=clock)
    async with again.run_test(size=SIZE) as pilot:  # accepted: resuming opens the meeting
        assert isinstance(await settle(pilot), MeetingScreen)


async def test_quitting_mid_review_keeps_the_changes_and_the_review(console, folder, store, clock):
    app = console()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "q")
        await pilot.pause()
    assert app.return_code in (None, 0)
    session = on_disk(folder)
    assert session.review is not None and session.review.dropped == (1,)
    again = make_app(store=store, session_name="budget", clock=clock)
    async with again.run_test(size=SIZE) as pilot:  # never accepted: the review again, as left
        screen = await settle(pilot)
        assert isinstance(screen, ReviewScreen)
        assert rows(screen)[0][3] == "Opening dropped"


async def test_a_refusal_is_said_and_changes_nothing(console, folder):
    async with console().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        told: list[str] = []
        screen.notify = lambda message, **kw: told.append(message)
        for _ in range(4):
            await pilot.press("d", "down")
            await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert told[-1] == "The plan needs at least one item: restore another before dropping this one."
        assert on_disk(folder).review.dropped == (1, 2, 3, 4)


async def test_in_chinese(console):
    async with console("zh").run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(PlanTable)
        assert [str(c.label) for c in table.columns.values()] == ["序号", "开始", "时长", "议题", "负责人"]
        assert rows(screen)[1][2] == "30分钟"
        keys = [entry.description for entry in screen.query_one(KeyFooter).entries]
        assert keys[:6] == ["删去/恢复", "标题", "时长", "负责人", "确认议程", "退出"]
        await pilot.press("down", "d")
        screen = await settle(pilot)
        assert rows(screen)[1][3] == "Budget 2027 已删去"
        assert "议程共 4 项" in said(screen)
        await pilot.press("down", "down", "down")  # the wrap-up, whose line was reported
        await settle(pilot)
        status = str(screen.query_one("#review-status", Label).render())
        assert "“Wrap-up”没有时长" in status  # what the importer said, in Chinese
        await pilot.press("up", "up", "up")
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert str(pilot.app.screen.query_one(".dialog-title", Label).render()) == "第 2 项的新标题"


async def test_the_palette_names_the_review_s_commands(console):
    async with console().run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        names = [name for name, _run in screen.palette_commands()]
        assert names[-1] == "plan: accept and open the meeting" and len(names) == 5
        dict(screen.palette_commands())["plan: drop or restore the highlighted item"]()
        screen = await settle(pilot)
        assert rows(screen)[0][3] == "Opening dropped"


async def test_the_palette_in_chinese(console):
    async with console("zh").run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert [name for name, _run in screen.palette_commands()][-1] == "议程核对:确认议程并进入会议"


async def test_switching_the_language_keeps_the_review(console):
    async with console().run_test(size=SIZE) as pilot:
        await settle(pilot)
        pilot.app.choose_language("zh")
        screen = await settle(pilot)
        assert isinstance(screen, ReviewScreen) and screen.lang == "zh"
        assert "议程共 5 项" in said(screen)

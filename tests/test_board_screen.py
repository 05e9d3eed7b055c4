"""The board of every action in the folder: its columns and cards, moving a card and
keeping a remark (both saved to the newest copy's file), following changes made
elsewhere, filters, refusals, the ways in (the command line, the picker, the meeting's
palette), and what it looks like in English and Chinese at two sizes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from click.testing import CliRunner
from textual.content import Content

from coopconsole.cli.commands import main
from coopconsole.domain.board_view import BoardFilters, filter_values
from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import ActionItem, ActionStatus, StatusChange
from coopconsole.domain.series import next_meeting_from
from coopconsole.service import MeetingService
from coopconsole.service import series as folder_series
from coopconsole.service.folder_watch import FolderRead, folder_stamp
from coopconsole.store import SessionStore
from coopconsole.texts import t
from coopconsole.tui.app import make_app
from coopconsole.tui.board_app import make_board_app
from coopconsole.tui.screens import board as board_module
from coopconsole.tui.screens.board import BoardScreen
from coopconsole.tui.screens.board_dialogs import BoardHelp, HistoryDialog, RemarkDialog
from coopconsole.tui.screens.dialogs import ChoiceDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.picker import PickerScreen
from coopconsole.tui.widgets.board_card import card_ref, wrapped_height
from coopconsole.tui.widgets.footer import KeyFooter
from tests.support.sessions import MEETING_START, TZ, small_session

TODO, DOING, IN_REVIEW, DONE = (
    ActionStatus.TODO,
    ActionStatus.IN_PROGRESS,
    ActionStatus.UNDER_REVIEW,
    ActionStatus.DONE,
)


def _at(day: int) -> datetime:
    return datetime(2026, 12, day, 10, 0, tzinfo=TZ)


def make_folder(store: SessionStore) -> None:
    """Two meetings of the series 'kickoff' and one meeting of its own, 'other'.

    'kickoff' has four actions: #1 to do and overdue (Alice Chen), #2 in progress (张三),
    #3 done, #4 in review. 'kickoff-2' follows it: its own #1 (book the venue), then the
    three not done carried in as #2, #3, #4. 'other' has one action, to do (王磊)."""
    first = small_session("kickoff")
    first.actions = [
        ActionItem(1, "Send the draft MOU", "Alice Chen", 1, "Company A", date(2026, 12, 1)),
        ActionItem(
            2,
            "提交试点预算方案",
            "张三",
            4,
            "智算科技",
            date(2026, 12, 20),
            status=DOING,
            history=(StatusChange(_at(2), DOING, "started"),),
        ),
        ActionItem(
            3,
            "Write the press release",
            "Bruno Silva",
            2,
            "Company A",
            date(2026, 12, 5),
            status=DONE,
            history=(StatusChange(_at(3), DONE, "published"),),
        ),
        ActionItem(
            4,
            "Map the data flows between the two companies' systems",
            "Chloe Martin",
            3,
            "Company B",
            date(2026, 12, 30),
            status=IN_REVIEW,
            history=(StatusChange(_at(4), IN_REVIEW),),
        ),
    ]
    store.create(first).close()
    base = next_meeting_from(first, None, None)
    base.name = "kickoff-2"
    base.actions = [ActionItem(1, "Book the venue for the pilot", "张三", 4, "智算科技")]
    folder_series.create(store, folder_series.follow_up_of(store, "kickoff", base, "en"))
    other = replace(small_session("other"), title="数据共享协议")
    other.actions = [ActionItem(1, "起草数据共享协议初稿", "王磊", None, "宏远集团", date(2026, 12, 15))]
    store.create(other).close()


@pytest.fixture
def made(store):
    make_folder(store)
    return store


async def settle(pilot) -> BoardScreen:
    """Let every move and remark reach the disk, every read of the folder end and the
    board redraw; the board screen (under any dialog)."""
    board = next(s for s in reversed(pilot.app.screen_stack) if isinstance(s, BoardScreen))
    for _ in range(10):
        await pilot.pause()
        await board.intents.idle()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if board.stamp is not None and not any(w.is_running for w in pilot.app.workers):
            break
    return board


def columns(board: BoardScreen) -> list[list[str]]:
    """The refs of the cards, column by column."""
    return [[card_ref(card.latest) for card in column.cards()] for column in board.columns()]


def highlighted(board: BoardScreen) -> str | None:
    card = board.highlighted_card()
    return None if card is None else card_ref(card.latest)


def status_in_file(store: SessionStore, meeting: str, number: int) -> ActionItem:
    with store.open(meeting) as handle:
        return next(a for a in handle.load().actions if a.id == number)


def told_list(app) -> list[tuple[str, str]]:
    told: list[tuple[str, str]] = []
    app.notify = lambda message, **kw: told.append((message, kw.get("severity", "information")))
    return told


# -- what the board shows ----------------------------------------------------------------


async def test_each_action_is_one_card_in_the_column_of_its_state(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        assert columns(board) == [
            ["kickoff-2#2", "other#1", "kickoff-2#1"],  # the nearest deadline first, none last
            ["kickoff-2#3"],
            ["kickoff-2#4"],
            ["kickoff#3"],  # done: not carried, so still where it was
        ]
        late = board.columns()[0].cards()[0]
        assert late.overdue and "7 d overdue" in late.shown.plain
        assert "Alice Chen · Company A" in late.shown.plain and "due 2026-12-01" in late.shown.plain
        assert not any(card.overdue for card in board.columns()[1].cards())
        assert highlighted(board) == "kickoff-2#2"
        titles = [str(column.border_title) for column in board.columns()]
        assert titles == ["To do 3", "In progress 1", "In review 1", "Done 1"]
        status = str(board.query_one("#board-status").render())
        assert status == "Board · no filters (f) · 6 of 6 actions · 1 overdue"


async def test_a_click_on_a_card_highlights_it(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        await pilot.click("#column-under_review", offset=(5, 2))  # the border, then the card's first line
        await pilot.pause()
        assert highlighted(board) == "kickoff-2#4" and board.column == 2
        await pilot.click("#column-todo", offset=(5, 6))  # the blank line under the first card (five lines): nothing
        await pilot.pause()
        assert highlighted(board) == "kickoff-2#4"
        await pilot.click("#column-todo", offset=(5, 8))  # the second card's second line
        await pilot.pause()
        assert highlighted(board) == "other#1" and board.column == 0


def make_many(store: SessionStore, count: int) -> None:
    """One meeting with ``count`` actions, all to do, a day apart, some with long or Chinese deliverables."""
    session = small_session("many")
    session.actions = [
        ActionItem(
            n,
            f"Deliverable number {n} " + ("with a long tail of words " * (n % 4)) + ("提交试点预算方案" * (n % 3)),
            "Alice Chen" if n % 2 else "张三",
            1,
            "Company A",
            date(2026, 12, 1 + n % 28),
        )
        for n in range(1, count + 1)
    ]
    store.create(session).close()


async def test_thousands_of_cards_are_four_widgets_and_the_highlight_scrolls_into_view(store, clock):
    make_many(store, 300)
    app = make_board_app(store, "en", clock)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await settle(pilot)
        todo = board.columns()[0]
        assert len(todo.cards()) == 300 and not todo.children  # no widget per card
        assert todo.show_vertical_scrollbar and todo.virtual_size.height > todo.scrollable_content_region.height
        for presses in (40, 90):
            await pilot.press(*["down"] * presses)
            await pilot.pause()
            region = todo.card_region(board.row)
            assert region is not None and board.row == todo.highlighted
            view = todo.scrollable_content_region.height
            assert todo.scroll_y <= region.y and region.bottom <= todo.scroll_y + view
        row, scrolled = board.row, todo.scroll_y
        await pilot.press("up")
        assert board.row == row - 1 and todo.scroll_y <= scrolled


async def test_a_reread_keeps_the_cards_of_unchanged_actions_and_redraws_only_what_changed(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        before = [column.cards() for column in board.columns()]
        with made.open("other") as handle:
            MeetingService(handle, clock).board.move(1, DONE, "signed")
        drawn = []
        for column in board.columns():
            show = column.show_cards
            column.show_cards = lambda cards, show=show: drawn.append(show(cards)) or drawn[-1]
        board.reread()
        board = await settle(pilot)
        after = [column.cards() for column in board.columns()]
        assert drawn == [True, False, False, True]  # to do and done changed, the others are left as they are
        assert after[1][0] is before[1][0] and after[0][0] is before[0][0]
        assert [card_ref(card.latest) for card in after[3]] == ["kickoff#3", "other#1"]


async def test_the_board_shows_the_folder_it_is_given_without_reading_it_again(made, clock, monkeypatch):
    reads = []
    real = board_module.all_actions
    monkeypatch.setattr(board_module, "all_actions", lambda store: reads.append(1) or real(store))
    first = FolderRead(folder_stamp(made), *folder_series.all_actions(made))
    app = make_board_app(made, "en", clock, filters=BoardFilters(owner="张三"), first=first)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        assert columns(board) == [["kickoff-2#1"], ["kickoff-2#3"], [], []]
        assert board.stamp == first.stamp and reads == []
        board.reread()  # nothing changed since: the folder is stamped, not read
        await settle(pilot)
        assert reads == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Send the draft MOU",
        "Map the data flows between the two companies' systems",
        "  leading spaces and   runs   of spaces  ",
        "a-word-far-longer-than-any-column-is-wide-in-a-narrow-terminal and more",
        "起草数据共享协议初稿",
        "王磊 · 宏远集团",
        "何雪 He Xue · 杭州智元机器人有限公司",
        "整理试产线问题清单并发送至群组 (第3770批)",
        "Mixed 提交试点预算方案 and words 智算科技 with 全角\u3000spaces",
        "emoji 👍 and accents é Ünïcödé",
    ],
)
def test_a_cards_height_is_what_textual_wraps_it_to(text):
    for width in range(1, 40):
        assert wrapped_height(text, width) == len(Content(text).wrap(width)), width


async def test_the_arrows_move_the_highlight_between_and_within_columns(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        await pilot.press("down", "down")
        assert highlighted(board) == "kickoff-2#1"
        await pilot.press("down")  # the last card stays highlighted
        assert highlighted(board) == "kickoff-2#1"
        await pilot.press("right", "right", "right", "right")
        assert highlighted(board) == "kickoff#3" and board.column == 3
        await pilot.press("left")
        assert highlighted(board) == "kickoff-2#4"


# -- moving a card and keeping a remark ----------------------------------------------------------


async def test_next_state_moves_the_card_in_the_newest_copys_file(made, clock):
    app = make_board_app(made, "en", clock)
    told = told_list(app)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        await pilot.press("right_square_bracket")
        board = await settle(pilot)
        moved = status_in_file(made, "kickoff-2", 2)
        assert moved.status is DOING and moved.history[-1].at == MEETING_START
        assert status_in_file(made, "kickoff", 1).status is TODO  # the older copy is left as it was
        assert "kickoff-2#2" in columns(board)[1]
        assert highlighted(board) == "kickoff-2#2" and board.column == 1  # the highlight went with it
        assert ("kickoff-2#2 → In progress", "information") in told
        await pilot.press("left_square_bracket")
        board = await settle(pilot)
        assert status_in_file(made, "kickoff-2", 2).status is TODO
        assert highlighted(board) == "kickoff-2#2" and board.column == 0


async def test_a_remark_is_kept_and_escape_keeps_nothing(made, clock):
    app = make_board_app(made, "en", clock)
    told = told_list(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, RemarkDialog)
        await pilot.press(*"draft sent to legal", "enter")
        await settle(pilot)
        action = status_in_file(made, "kickoff-2", 2)
        assert action.status is TODO and action.history[-1].remark == "draft sent to legal"
        assert ("Remark kept on kickoff-2#2", "information") in told
        kept = len(action.history)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press(*"never mind", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, RemarkDialog)
        assert len(status_in_file(made, "kickoff-2", 2).history) == kept


async def test_enter_shows_the_highlighted_action_whole_with_its_history(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")  # kickoff-2#2: to do → in progress
        await settle(pilot)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press(*"draft sent to legal", "enter")
        board = await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HistoryDialog)
        assert dialog.heading.startswith("kickoff-2#2: ")
        assert [what for _, what in dialog.moves][-2:] == ["In progress", "remark: draft sent to legal"]
        assert any(fact.startswith("Captured in kickoff#") for fact in dialog.facts)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is board


async def test_a_refused_move_is_a_notification_in_the_consoles_language(made, clock):
    app = make_board_app(made, "zh", clock)
    told = told_list(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")  # to do: there is no state before it
        await pilot.press("right", "right", "right", "right_square_bracket")  # done: none after it
        board = await settle(pilot)
        warnings = [message for message, severity in told if severity == "warning"]
        assert warnings == [
            t("error.board-first", "zh", id=2),
            t("error.board-last", "zh", id=3),
        ]
        assert app.is_running and isinstance(app.screen, BoardScreen)
        assert columns(board)[3] == ["kickoff#3"] and status_in_file(made, "kickoff", 3).status is DONE


async def test_the_keys_that_act_on_a_card_are_dimmed_in_an_empty_column(store, clock):
    app = make_board_app(store, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        assert columns(board) == [[], [], [], []]
        assert "No actions in this folder yet." in str(board.query_one("#board-status").render())
        entries = {entry.key: entry.enabled for entry in board.query_one(KeyFooter).entries}
        assert entries["right_square_bracket"] is False and entries["k"] is False and entries["f"] is True


# -- following changes made elsewhere --------------------------------------------------------


async def test_a_change_made_elsewhere_shows_once_the_folder_is_looked_at_again(made, clock, monkeypatch):
    reads = []
    real = board_module.all_actions
    monkeypatch.setattr(board_module, "all_actions", lambda store: reads.append(1) or real(store))
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        assert len(reads) == 1
        board.reread()  # nothing changed: the folder is stamped, not read
        board = await settle(pilot)
        assert len(reads) == 1
        with made.open("other") as handle:  # as 'coopconsole status other#1 done' does
            MeetingService(handle, clock).board.move(1, DONE, "signed")
        assert "other#1" in columns(board)[0]  # not before the board looks
        board.reread()
        board = await settle(pilot)
        assert len(reads) == 2
        assert "other#1" in columns(board)[3] and "other#1" not in columns(board)[0]


async def test_the_board_looks_at_the_folder_on_a_timer(made, clock, monkeypatch):
    monkeypatch.setattr(BoardScreen, "REFRESH_S", 0.05)
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        stamp = board.stamp
        with made.open("other") as handle:
            MeetingService(handle, clock).board.move(1, IN_REVIEW)
        for _ in range(400):  # the timer fires every REFRESH_S seconds: wait for it, however long it takes
            await pilot.pause(board.REFRESH_S)
            if board.stamp != stamp:
                break
        board = await settle(pilot)
        assert "other#1" in columns(board)[2]


async def test_a_file_that_cannot_be_read_is_said_once_and_the_rest_is_shown(made, clock):
    made.path_for("other").write_bytes(b"{torn")
    app = make_board_app(made, "en", clock)
    told = told_list(app)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        assert sum(len(c) for c in columns(board)) == 5
        assert "1 session file(s) cannot be read" in str(board.query_one("#board-status").render())
        board.reread(force=True)
        await settle(pilot)
        assert [severity for _, severity in told] == ["warning"]


def test_the_folder_stamp_changes_with_every_save_and_new_file(made, clock):
    before = folder_stamp(made)
    assert folder_stamp(made) == before and sorted(name for name, *_ in before) == ["kickoff", "kickoff-2", "other"]
    with made.open("other") as handle:
        MeetingService(handle, clock).board.remark(1, "called")
    after = folder_stamp(made)
    assert after != before
    made.create(small_session("third")).close()
    assert folder_stamp(made) != after
    assert folder_stamp(SessionStore(made.folder / "missing")) == ()


# -- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "series", "values"),
    [
        ("series", None, ["kickoff", "other"]),
        ("series", "other", ["kickoff", "other"]),  # every series, whichever is shown
        ("owner", None, ["Alice Chen", "Bruno Silva", "Chloe Martin", "张三", "王磊"]),
        ("owner", "other", ["王磊"]),  # the owners of the series shown
        ("organisation", "kickoff", ["Company A", "Company B", "智算科技"]),
    ],
)
def test_what_a_filter_may_be_set_to(made, field, series, values):
    found, _ = folder_series.all_actions(made)
    assert filter_values(found, BoardFilters(series=series), field) == values


async def test_filters_are_chosen_by_keys_and_said_on_the_top_line(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # owner
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        owners = [label for label, _ in dialog.choices]
        assert owners == ["all", "Alice Chen", "Bruno Silva", "Chloe Martin", "张三", "王磊"]
        await pilot.press("down", "down", "down", "down", "enter")
        board = await settle(pilot)
        assert board.filters == BoardFilters(owner="张三")
        assert columns(board) == [["kickoff-2#1"], ["kickoff-2#3"], [], []]
        status = str(board.query_one("#board-status").render())
        assert status == "Board · owner: 张三 · 2 of 6 actions"
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")  # series
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # 'other' (the series after 'kickoff')
        board = await settle(pilot)
        assert board.filters == BoardFilters(series="other", owner="张三")
        assert columns(board) == [[], [], [], []]
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # clear all filters
        board = await settle(pilot)
        assert board.filters == BoardFilters() and sum(len(c) for c in columns(board)) == 6


async def test_the_board_starts_with_the_filters_it_is_given(made, clock):
    app = make_board_app(made, "en", clock, filters=BoardFilters(series="kickoff", organisation="Company A"))
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        assert columns(board) == [["kickoff-2#2"], [], [], ["kickoff#3"]]
        assert "series: kickoff" in str(board.query_one("#board-status").render())


# -- keys, help, the palette and the ways in --------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_board_key_has_an_id_a_description_and_a_tooltip(lang):
    bindings = BoardScreen.bindings(lang)
    assert all(b.id and b.id.startswith("board.") and b.description and b.tooltip for b in bindings)
    assert len({b.id for b in bindings}) == len(bindings)


async def test_the_help_lists_the_keys_and_escape_closes_it(made, clock):
    app = make_board_app(made, "zh", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, BoardHelp)
        keys = [keys for keys, _ in app.screen.rows]
        assert keys == ["← → ↑ ↓", "]", "[", "k", t("help.keys.enter", "zh"), "f", "? f1", "Esc q", "ctrl+p"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_every_key_is_in_the_palette(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        titles = [title for title, _ in board.palette_commands()]
        for key in (
            "next",
            "back",
            "remark",
            "history",
            "filter",
            "by_series",
            "by_owner",
            "by_organisation",
            "help",
            "close",
        ):
            assert t(f"kanban.cmd.{key}", "en") in titles
        run = dict(board.palette_commands())[t("kanban.cmd.next", "en")]
        run()
        await settle(pilot)
        assert status_in_file(made, "kickoff-2", 2).status is DOING


async def test_escape_closes_the_board_and_quits_when_it_is_the_whole_console(made, clock):
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running


async def test_the_picker_opens_the_board_by_key_and_by_the_palette(made, clock):
    app = make_app(store=made, clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await pilot.press("b")
        board = await settle(pilot)
        assert isinstance(app.screen, BoardScreen) and columns(board)[0][0] == "kickoff-2#2"
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is picker
        dict(picker.palette_commands())[t("kanban.cmd.open", "en")]()
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)


async def test_the_meeting_palette_opens_the_board_and_escape_comes_back(made, clock):
    app = make_app(store=made, session_name="kickoff-2", clock=clock, lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        dict(meeting.palette_commands())[t("kanban.cmd.open", "zh")]()
        board = await settle(pilot)
        assert isinstance(app.screen, BoardScreen) and board.lang == "zh"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is meeting


# -- the command line --------------------------------------------------------------------


@pytest.fixture
def run(folder):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)

    return invoke


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--series", "nope"), "nope"),
        (("--owner", "nobody"), "--owner 'nobody' is not among the actions' owners"),
        (("--org", "Company Z"), "--org 'Company Z' is not among the actions' organisations"),
    ],
)
def test_the_command_refuses_an_unknown_filter(run, made, args, message):
    done = run("board", *args)
    assert done.exit_code == 2 and message in done.stderr


def test_the_command_opens_the_board_with_the_names_the_filters_fit(run, made, monkeypatch):
    opened = []

    class Opened:
        def __init__(self, store, lang, clock, theme, filters, first=None):
            opened.append((store.folder, lang, filters, first))

        def run(self):
            pass

    import coopconsole.tui.board_app as board_app

    monkeypatch.setattr(board_app, "make_board_app", Opened)
    monkeypatch.setattr("coopconsole.cli.console_start.no_terminal", lambda: None)  # as in a terminal
    assert run("--lang", "zh", "board", "--series", "kickoff", "--owner", "ali").exit_code == 0
    (folder, lang, filters, first), *_ = opened
    assert (folder, lang, filters) == (made.folder, "zh", BoardFilters(series="kickoff", owner="Alice Chen"))
    # The folder read to check the filters is handed over, the whole of it: the board does not read it again.
    assert first.stamp == folder_stamp(made) and len(first.found) == 6 and first.damaged == []
    assert run("board").exit_code == 0  # no filter to check: the board opens at once and reads the folder itself
    assert opened[-1][2:] == (BoardFilters(), None)


# -- what it looks like --------------------------------------------------------------------


def _snapshot_app(tmp_path, lang):
    store = SessionStore(tmp_path / "sessions")
    make_folder(store)
    return make_board_app(store, lang, FrozenClock(MEETING_START))


async def _loaded(pilot):
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_board_snapshot(snap_compare, tmp_path, lang, size):
    assert snap_compare(_snapshot_app(tmp_path, lang), terminal_size=size, run_before=_loaded)


async def test_a_move_made_in_another_process_reaches_the_board_through_the_folder(made, clock, monkeypatch):
    """The folder's notification makes the board look again at once, not at its timer."""
    from coopconsole.tui.messages import FolderChanged

    told: list[FolderChanged] = []
    heard = BoardScreen.on_folder_changed

    def listen(board: BoardScreen, message: FolderChanged) -> None:
        told.append(message)
        heard(board, message)

    monkeypatch.setattr(BoardScreen, "on_folder_changed", listen)
    app = make_board_app(made, "en", clock)
    async with app.run_test(size=(120, 36)) as pilot:
        board = await settle(pilot)
        assert board.file_changes is not None
        with made.open("other") as handle:
            MeetingService(handle, clock).board.move(1, DONE, "signed")
        for _ in range(400):  # a guard against a hang, not a measure
            if told and "other#1" in columns(board)[3]:
                break
            await pilot.pause(0.05)
            board = await settle(pilot)
        assert told
        assert "other#1" in columns(board)[3]

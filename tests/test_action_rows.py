"""An action's row reads number, owner, deadline, deliverable, then a compact SMART mark,
at 80 and at 120 columns; the highlighted action's problems are named in full under the
pane. What is checked is what the pane draws (its lines as rendered), not its rows' text."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from coopconsole.domain.model import ActionStatus
from coopconsole.tui.app import make_app
from coopconsole.tui.paint import same
from coopconsole.tui.widgets.actions import ActionsPane, _rows
from tests.support.pilot import capture, settle
from tests.support.sessions import small_session

SIZES = [(80, 24), (120, 36)]

LONG = "@chloe send the draft MOU to Company B with the pricing annex and the site plan by Dec 10"
VAGUE = "@alice follow up on the funding question"
CJK = "@张三 提交智慧园区试点方案的详细技术报告和预算说明 by Dec 12"


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()

    def start(lang: str = "en"):
        return make_app(store=store, session_name="kickoff", clock=clock, lang=lang)

    return start


async def with_actions(pilot, *lines: str) -> ActionsPane:
    """Start the clock and capture ``lines`` (straight through the service: the bar is
    tested elsewhere), then let the pane draw them."""
    await pilot.press("space")
    screen = await settle(pilot)
    for line in lines:
        screen.service.captures.capture("action", line)
    screen.tick()
    await pilot.pause()
    return screen.query_one(ActionsPane)


def drawn(pane: ActionsPane) -> list[str]:
    """The pane's rows as drawn, without the padding at their right (nor the scrollbar)."""
    return [pane.render_line(y).crop(0, pane.row_width).text.rstrip() for y in range(pane.option_count)]


@pytest.mark.parametrize("size", SIZES)
async def test_owner_deadline_and_the_deliverables_first_words_come_before_the_mark(meeting, size):
    app = meeting()
    async with app.run_test(size=size) as pilot:
        pane = await with_actions(pilot, LONG, VAGUE)
        smart, vague = drawn(pane)
        assert smart.startswith("#1 Chloe Martin · 12-10: send the")  # "send the…" at 80 columns
        assert smart.endswith("… ✓")  # cut, and the mark still shows
        assert vague.startswith("#2 Alice Chen · ?: follow up on")
        assert vague.endswith(" ✗2")  # no deadline, vague: two problems


@pytest.mark.parametrize("size", SIZES)
async def test_the_highlighted_actions_problems_are_named_under_the_pane(meeting, size):
    app = meeting()
    async with app.run_test(size=size) as pilot:
        pane = await with_actions(pilot, LONG, VAGUE)
        pane.focus()
        pane.highlighted = 1
        await pilot.pause()
        detail = str(pane.border_subtitle)
        assert detail == "#2 ✗ no deadline, vague"
        assert cell_len(detail) <= pane.size.width - 4  # fits in the border, corners apart
        pane.highlighted = 0  # a SMART action: nothing to say
        await pilot.pause()
        assert str(pane.border_subtitle) == ""


async def test_a_message_under_the_pane_stays_until_the_highlight_moves(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await with_actions(pilot, VAGUE)
        await pilot.press("o", *"line 3 has the cleanest data", "enter")
        screen = await settle(pilot, 2)
        assert str(pane.border_subtitle) == "Saved: Note #1"
        screen.tick()
        await pilot.pause()
        assert str(pane.border_subtitle) == "Saved: Note #1"
        pane.focus()
        pane.highlighted = 0
        await pilot.pause()
        assert str(pane.border_subtitle) == "#1 ✗ no deadline, vague"


async def test_a_new_unsmart_capture_says_saved_and_what_to_check(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("space", "a", *VAGUE, "enter")
        screen = await settle(pilot, 2)
        pane = screen.query_one(ActionsPane)
        assert pane.selected() == screen.service.session.actions[0]
        assert str(pane.border_subtitle) == "Saved: Action #1 · Check: no deadline, vague"


async def test_cjk_deliverables_are_cut_by_cells_and_the_mark_shows(meeting):
    app = meeting("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await with_actions(pilot, CJK)
        width = pane.scrollable_content_region.width
        line = pane.render_line(0).text
        assert cell_len(line) == width
        row = line.rstrip()
        assert row.startswith("#1 张三 · 12-12: 提交智慧园区") and row.endswith(" ✓")
        deliverable = row.split(": ", 1)[1].removesuffix(" ✓").removesuffix("…").rstrip()
        assert "提交智慧园区试点方案的详细技术报告和预算说明".startswith(deliverable)  # whole characters


async def test_rows_are_cut_again_when_the_terminal_narrows_or_a_scrollbar_comes(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await with_actions(pilot, LONG)
        assert drawn(pane)[0].endswith(" ✓")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert drawn(pane)[0].endswith("… ✓")
        screen = app.screen
        for _ in range(20):  # more rows than the pane has lines: a scrollbar takes cells
            screen.service.captures.capture("action", LONG)
        screen.tick()
        await pilot.pause()
        await pilot.pause()
        assert pane.bar() is not None and pane.row_width == pane.scrollable_content_region.width - 2
        assert all(line.endswith("… ✓") for line in drawn(pane)[:3])


async def test_a_capture_makes_one_row_and_the_rows_kept_are_those_a_fresh_redraw_makes(meeting):
    """The pane keeps the rows it made: a new action makes its own row only, and a record
    replaced (a state changed), the language or the width make theirs again. Every row
    shown equals, styles included, what the pane makes from nothing."""
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await with_actions(pilot, LONG, VAGUE, CJK)
        screen = app.screen
        prompts = pane._prompts
        assert prompts is not None

        def fresh_rows_equal_shown() -> None:
            made, _ = _rows(screen.frame, pane._width())
            shown = [(row.id, row.prompt) for row in pane._rows]
            assert [row_id for row_id, _ in made] == [row_id for row_id, _ in shown]
            assert all(same(old, new) for (_, old), (_, new) in zip(shown, made, strict=True))

        fresh_rows_equal_shown()
        before = prompts.rows_made
        screen.service.captures.capture("note", "the pilot site is ready")
        screen.service.captures.capture("action", "@alice book the room by Dec 11")
        screen.tick()
        await pilot.pause()
        assert prompts.rows_made - before == 2  # the note's row and the action's, no other
        fresh_rows_equal_shown()

        before = prompts.rows_made
        screen.service.board.move(2, ActionStatus.IN_PROGRESS)
        screen.tick()
        await pilot.pause()
        assert prompts.rows_made - before == 1  # the action whose state changed
        assert "[" in drawn(pane)[1]
        fresh_rows_equal_shown()

        before = prompts.rows_made
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert prompts.rows_made - before == 4  # every action's row, cut again
        fresh_rows_equal_shown()


async def test_the_focus_going_to_the_bar_and_back_draws_no_row_again(meeting, monkeypatch):
    """A row keeps its line for the list's last two looks (focused or not), so opening
    the capture bar and closing it again does not draw the pane's rows again."""
    from coopconsole.tui.widgets.line_rows import Row

    drawn_lines: list[str | None] = []
    keep = Row.keep

    def counted(row: Row, key: tuple, line: object) -> None:
        drawn_lines.append(row.id)
        keep(row, key, line)  # type: ignore[arg-type]

    monkeypatch.setattr(Row, "keep", counted)
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await with_actions(pilot, LONG, VAGUE, CJK)
        pane.focus()
        await pilot.pause()
        for _ in range(3):  # the first rounds may draw the unfocused look once
            drawn_lines.clear()
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await pilot.pause()
            assert pane.has_focus
        assert drawn_lines == []  # the last round drew no row


async def test_a_capture_looks_only_at_its_own_record(meeting, monkeypatch):
    """Which records are the current item's is kept as the lists grow: a capture looks at
    the record it added, not at every record of the meeting; moving to the next item
    looks at them all again. The rows are always those a fresh redraw makes."""
    from coopconsole.tui.widgets import actions as actions_module

    looked: list[int] = []

    def counting(pick):
        def counted(record, item):
            looked.append(record.id)
            return pick(record, item)

        return counted

    monkeypatch.setattr(actions_module, "_of_item", counting(actions_module._of_item))
    monkeypatch.setattr(actions_module, "_not_of_item", counting(actions_module._not_of_item))
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await with_actions(pilot, LONG, VAGUE, CJK)
        screen = app.screen
        looked.clear()
        screen.service.captures.capture("note", "the pilot site is ready")
        screen.tick()
        await pilot.pause()
        assert looked == [1]  # the note, once: the actions were not looked at again
        looked.clear()
        screen.service.captures.capture("action", "@alice book the room by Dec 11")
        screen.tick()
        await pilot.pause()
        assert looked == [4, 4]  # the new action: this item's, or another's
        made, _ = actions_module._rows(screen.frame, pane._width())
        assert [(row_id, content.plain) for row_id, content in made] == [
            (row.id, row.prompt.plain) for row in pane._rows
        ]
        looked.clear()
        await pilot.press("n")  # the next item: every record is looked at again
        await settle(pilot)
        assert sorted(set(looked)) == [1, 2, 3, 4]
        made, _ = actions_module._rows(screen.frame, pane._width())
        assert [(row_id, content.plain) for row_id, content in made] == [
            (row.id, row.prompt.plain) for row in pane._rows
        ]


async def test_the_pane_opens_on_the_items_latest_actions_and_a_capture_moves_it_a_row(meeting):
    """Opened on a meeting whose item has more actions than the pane has lines, the view
    ends at the item's latest action, where the next capture goes, with no row chosen;
    the next capture then moves the view by one row."""
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await with_actions(pilot, *[f"@chloe send draft {n} by Dec 10" for n in range(25)])
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        pane = screen.query_one(ActionsPane)
        height = pane.scrollable_content_region.height
        latest = pane.get_option_index(f"action-{screen.service.session.actions[-1].id}")
        assert 25 > height and pane.highlighted is None
        assert pane.scroll_y == latest - height + 1
        top = pane.scroll_y
        pane.focus()  # the first row in view is highlighted: the view stays on the latest
        await pilot.pause()
        assert pane.highlighted == top and pane.scroll_y == top
        pane.blur()
        await pilot.pause()
        await capture(pilot, "a", "@alice send the budget by Dec 11")
        assert pane.scroll_y == top + 1 and pane.highlighted == latest + 1

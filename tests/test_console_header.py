"""The header: one line, the title on the left, the status on the right."""

from __future__ import annotations

from conftest import small_session
from pilot import settle
from coopconsole.tui.app import make_app
from coopconsole.tui.header import TITLE_MIN, MeetingHeader


async def _header(store, clock, size, title="A title that is long enough to be cut at eighty columns"):
    session = small_session("kickoff")
    session.title = title
    store.create(session).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=size) as pilot:
        screen = await settle(pilot)
        header = screen.query_one(MeetingHeader)
        return header.render(), header.title_text, header.status_text


async def test_a_wide_header_shows_title_and_status_whole(store, clock):
    line, title, status = await _header(store, clock, (160, 36))
    assert line.cell_length == 160
    assert line.plain.startswith(f" {title} ") and line.plain.endswith(f"  {status} ")
    bold = [span for span in line.spans if "bold" in str(span.style)]
    assert bold and line.plain[bold[0].start:bold[0].end].strip() == title  # the title, in bold


async def test_a_narrow_header_cuts_with_an_ellipsis_and_keeps_the_title(store, clock):
    line, title, status = await _header(store, clock, (80, 24))
    assert line.cell_length == 80
    shown_title = line.plain[1:1 + max(TITLE_MIN, 80 - len(status) - 4)].rstrip()
    assert shown_title.endswith("…") and title.startswith(shown_title[:-1])
    assert len(shown_title) >= TITLE_MIN - 1


async def test_a_status_too_long_for_the_line_is_cut_not_the_title_below_its_minimum(store, clock):
    line, title, status = await _header(store, clock, (40, 24), title="Kickoff")
    assert line.cell_length == 40
    assert line.plain.startswith(" Kickoff ")
    assert line.plain.rstrip().endswith("…") and status not in line.plain


async def test_chinese_titles_count_two_cells_a_character(store, clock):
    line, title, _status = await _header(store, clock, (120, 36), title="智慧园区合作推进会")
    assert line.cell_length == 120 and line.plain.startswith(" 智慧园区合作推进会 ")

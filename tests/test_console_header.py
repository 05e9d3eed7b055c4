"""The header: one line, the title on the left, the status on the right."""

from __future__ import annotations

from coopconsole.tui.app import make_app
from coopconsole.tui.widgets.header import SEPARATOR, TITLE_MIN, MeetingHeader, fitted
from tests.support.pilot import settle
from tests.support.sessions import small_session


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
    assert bold and line.plain[bold[0].start : bold[0].end].strip() == title  # the title, in bold


async def test_a_narrow_header_leaves_out_the_planned_end_first_and_keeps_the_title(store, clock):
    line, title, status = await _header(store, clock, (80, 24))
    assert line.cell_length == 80
    assert "ends " in status and "plan " in status  # the whole status has them ...
    assert "ends " not in line.plain and "plan " not in line.plain  # ... the line has not
    assert "on time" in line.plain and "Not started" in line.plain
    shown_title = line.plain[1 : line.plain.index("  09:00")].rstrip()
    assert len(shown_title) >= TITLE_MIN - 1 and title.startswith(shown_title.rstrip("…"))


def test_parts_are_left_out_least_needed_first_and_the_rest_cut_with_an_ellipsis():
    parts = [
        (0, "09:00"),
        (0, "Running"),
        (3, "ends 10:40 · plan 10:35"),
        (1, "5 min behind"),
        (2, "goals 1/3  ·  ⚠ 2 (h)"),
    ]
    assert fitted(parts, 200).plain == SEPARATOR.join(text for _, text in parts)
    assert fitted(parts, 60).plain == "09:00  ·  Running  ·  5 min behind  ·  goals 1/3  ·  ⚠ 2 (h)"
    assert fitted(parts, 40).plain == "09:00  ·  Running  ·  5 min behind"
    assert fitted(parts, 20).plain == "09:00  ·  Running"
    cut = fitted(parts, 12).plain
    assert cut.endswith("…") and len(cut) <= 12 and cut.startswith("09:00")


async def test_chinese_titles_count_two_cells_a_character(store, clock):
    line, title, _status = await _header(store, clock, (120, 36), title="智慧园区合作推进会")
    assert line.cell_length == 120 and line.plain.startswith(" 智慧园区合作推进会 ")

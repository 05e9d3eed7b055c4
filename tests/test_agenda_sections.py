"""Sections of an agenda document: agenda sections by word, and entries outside the agenda."""

from __future__ import annotations

from datetime import time

import pytest

from coopconsole.agenda import AgendaImport, import_agenda
from coopconsole.agenda.sections import names_agenda


def agenda(body: str, **kw: str) -> AgendaImport:
    return import_agenda(body, **kw)


def titles(result: AgendaImport) -> list[str]:
    return [i.title for i in result.session.agenda]


OUTSIDE = "looks like an agenda item"


# -- headings that name the agenda by a word -------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Day 2 Agenda",
        "Afternoon agenda",
        "Afternoon session",
        "Morning sessions",
        "Running order",
        "Revised timetable",
        "Agenda – Day 2",
        "Agenda - Day 2",
        "Agenda for the afternoon",
        "Schedule: Tuesday",
        "Programme, day 2",
        "Tuesday's programme",
        "会议议程安排",
        "下午议程",
        "第二天日程",
        "时间安排",
        "活动流程",
        "2. Day 2 agenda (draft)",
    ],
)
def test_headings_with_an_agenda_word_are_agenda_sections(heading: str) -> None:
    # A prose section in between: the second part is read for its heading, not as a continuation.
    text = f"# M\n\n## Agenda\n\n- 09:00 Opening (15 min)\n\n## Notes\n\nBring badges.\n\n## {heading}\n\n- Breakouts (60 min)\n- Close (15 min)\n"
    result = agenda(text)
    assert titles(result) == ["Opening", "Breakouts", "Close"]
    assert result.problems == []
    assert names_agenda(heading)


@pytest.mark.parametrize(
    "heading",
    ["Session notes", "Program overview", "Schedule of deliverables", "Background", "后续安排", "审批流程", "人员安排"],
)
def test_headings_without_an_agenda_word_stay_other_sections(heading: str) -> None:
    result = agenda(
        f"# M\n\n## Agenda\n\n- 09:00 Opening (15 min)\n\n## Notes\n\nx\n\n## {heading}\n\n- Budget approved\n- 王磊负责起草协议\n"
    )
    assert titles(result) == ["Opening"]
    assert result.problems == []
    assert not names_agenda(heading)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reported documents: every item of every agenda part is imported
        (
            "# W\n\n## Agenda\n\n- 09:00 Opening (15 min)\n\n## Afternoon session\n\n- 14:00 Breakouts (60 min)\n- 15:00 Close (15 min)\n",
            ["Opening", "Breakouts", "Close"],
        ),
        (
            "# V\n\n## Agenda\n\n- 09:00 Opening (10 min)\n- 09:10 Second (10 min)\n\n### Afternoon\n\n- 14:00 Third (10 min)\n\n## Day 2 Agenda\n\n- 09:00 Fourth\n",
            ["Opening", "Second", "Third", "Fourth"],
        ),
        (
            "# V\n\n## Agenda\n\n- 09:00 Opening (10 min)\n\n## Running order\n\n- 09:10 Hidden one (10 min)\n- 09:20 Hidden two (10 min)\n\n## Notes\n\n- this is a note list\n",
            ["Opening", "Hidden one", "Hidden two"],
        ),
        (
            "# U\n\n## 会议议程安排\n\n1. 开场 5分钟\n2. 讨论 半小时\n3. 总结 1小时\n\n## Programme\n\n- Extra item 10 min\n",
            ["开场", "讨论", "总结", "Extra item"],
        ),
    ],
)
def test_agendas_in_several_sections(text: str, expected: list[str]) -> None:
    assert titles(agenda(text)) == expected


def test_the_title_heading_is_not_an_agenda_section() -> None:
    text = "# Board Meeting Agenda\n\n- Date: 2026-12-01\n- Location: Room 5\n\n## Agenda\n\n- 09:00 Opening (5 min)\n"
    result = agenda(text)
    assert result.session.title == "Board Meeting Agenda"
    assert result.session.location == "Room 5"
    assert titles(result) == ["Opening"]
    assert result.problems == []


def test_meeting_details_in_a_section_named_by_word_are_details() -> None:
    text = (
        "# M\n\n## Meeting schedule\n\n- Date: 2026-12-01\n- Time: 09:00-12:00\n- Location: Room 5\n\n"
        "## Agenda\n\n- 09:00 Opening (15 min)\n- 11:30 Close\n"
    )
    result = agenda(text)
    assert titles(result) == ["Opening", "Close"]
    assert (result.session.location, result.session.agenda[1].minutes) == ("Room 5", 30)
    assert result.problems == []


def test_prose_in_a_section_named_by_word_is_reported_not_made_items() -> None:
    result = agenda("# M\n\n## Agenda\n\n- 09:00 A (5 min)\n\n## Day 3 agenda\n\nOpening\nTalks\n09:30 Close (5 min)\n")
    assert titles(result) == ["A", "Close"]
    assert [p.line for p in result.problems] == [9, 10]
    assert all("note" in p.message for p in result.problems)


@pytest.mark.parametrize("heading", ["### 09:00 Opening session", "### Opening session (15 min)"])
def test_item_headings_with_an_agenda_word_stay_items(heading: str) -> None:
    result = agenda(f"# M\n\n## Agenda\n\n{heading}\nOwner: Ann\n15 min\n\n### 09:15 Breakout sessions (30 min)\n")
    items = result.session.agenda
    assert [(i.title, i.owner, i.minutes) for i in items] == [
        ("Opening session", "Ann", 15),
        ("Breakout sessions", "", 30),
    ]


# -- sections that continue the agenda ----------------------------------------------------------


@pytest.mark.parametrize("heading", ["Afternoon", "下午", "After lunch", "Day 2"])
def test_a_timed_section_right_after_the_agenda_continues_it(heading: str) -> None:
    text = f"# M\n\n## Agenda\n\n- 09:00 Opening (15 min)\n\n## {heading}\n\n- 14:00 Breakouts (60 min)\n- 15:00 Close (15 min)\n- AOB\n"
    result = agenda(text)
    assert titles(result) == ["Opening", "Breakouts", "Close", "AOB"]
    assert [i.start for i in result.session.agenda[:3]] == [time(9, 0), time(14, 0), time(15, 0)]


def test_item_headings_at_the_level_of_the_agenda_heading() -> None:
    result = agenda(
        "# Workshop\n## Agenda\n## 09:00 Opening\n## 09:30 Breakout session (30 min)\n## 10:00 Close (10 min)\n"
    )
    assert [(i.title, i.minutes) for i in result.session.agenda] == [
        ("Opening", 30),
        ("Breakout session", 30),
        ("Close", 10),
    ]
    assert result.problems == []


# -- timed entries elsewhere are reported, never dropped without a word --------------------------


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # a section that does not follow the agenda
        (
            "# M\n\n## Agenda\n\n- 09:00 Opening (15 min)\n\n## Notes\n\n- Bring badges\n\n## Afternoon\n\n- 14:00 Breakouts (60 min)\n",
            [13],
        ),
        # after the participants
        (
            "# M\n## Agenda\n- 09:00 A (5 min)\n## Participants\n- Bob Jones, Acme\n## Afternoon\n- 14:00 B (5 min)\n- 14:05 C\n",
            [7, 8],
        ),
        # before the first section
        ("# M\n\n- 08:30 Arrival coffee\n\n## Agenda\n\n- 09:00 Opening (15 min)\n", [3]),
        # table rows and a timed heading
        (
            "# M\n## Agenda\n- 09:00 A (5 min)\n## Notes\nx\n## Old plan\n| Time | Item |\n|---|---|\n| 09:00 | Old thing |\n### 10:00 Old talk\n",
            [9, 10],
        ),
        # right after the agenda, but mostly untimed: it does not continue the agenda
        (
            "# M\n## Agenda\n- 09:00 A (5 min)\n## Actions\n- Bob: send the draft\n- Ann: book a room\n- 14:00 call with Acme\n",
            [7],
        ),
    ],
)
def test_timed_entries_outside_the_agenda_are_reported(text: str, lines: list[int]) -> None:
    result = agenda(text)
    outside = [p for p in result.problems if OUTSIDE in p.message]
    assert [p.line for p in outside] == lines
    assert all("not imported" in p.message for p in outside)
    assert len(result.session.agenda) == 1


@pytest.mark.parametrize(
    "section",
    [
        "- something\n\nprose\n",
        "We start at 09:00 sharp.\n",  # prose with a time
        "- Date: 2026-12-01\n- Time: 09:00-12:00\n",  # meeting details
        "- 会议时长：2小时\n- Duration: 2 hours\n",  # details of the meeting, not items
        "- 15 December 2026, 10:00-12:00\n",  # a date: the next meeting
        "| Key | Value |\n|---|---|\n| Time | 09:00-12:00 |\n| Location | Room 5 |\n",
    ],
)
def test_other_sections_without_timed_entries_are_quiet(section: str) -> None:
    for text in (
        f"# M\n\n## Background\n\n{section}\n## Agenda\n\n- 09:00 Opening (5 min)\n",
        f"# M\n\n## Agenda\n\n- 09:00 Opening (5 min)\n\n## Next meeting\n\n{section}",
    ):
        result = agenda(text)
        assert titles(result) == ["Opening"], text
        assert result.problems == [], text


def test_without_an_agenda_section_everything_timed_is_still_read() -> None:
    result = agenda(
        "# Workshop\n\n## Morning\n\n1. 09:00 Opening (15 min)\n\n## Afternoon\n\n1. 14:00 Close (15 min)\n"
    )
    assert titles(result) == ["Opening", "Close"]
    assert result.problems == []

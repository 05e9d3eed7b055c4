"""Agendas as a newcomer's first import goes wrong: details on one line, organisations
of several words in brackets, a prime for minutes, a box and an owner after the title,
a plain first line as the title with its date under it, and a plan longer than its slot."""

from __future__ import annotations

from datetime import date, time

import pytest

from coopconsole.agenda import import_agenda
from coopconsole.agenda.people import is_job_title


def test_a_chair_and_a_minute_taker_on_one_line_are_each_read():
    result = import_agenda(
        "# Board\n\n**Chair:** Maria Lopez · **Minutes:** Tom Baker\n\n## Agenda\n1. Welcome (5 min)\n"
    )
    assert (result.session.facilitator, result.session.note_taker) == ("Maria Lopez", "Tom Baker")
    assert [(p.name, p.duty.value) for p in result.session.participants] == [
        ("Maria Lopez", "facilitator"),
        ("Tom Baker", "note_taker"),
    ]


@pytest.mark.parametrize("sep", [" | ", "; ", " / ", " • "])
def test_other_separators_between_details_work_too(sep):
    session = import_agenda(f"# M\n\nChair: Ann Lee{sep}Scribe: Bo Chen\n\n## Agenda\n1. Welcome (5 min)\n").session
    assert (session.facilitator, session.note_taker) == ("Ann Lee", "Bo Chen")


def test_a_link_to_the_minutes_is_not_a_note_taker():
    session = import_agenda("# M\n\nMinutes: https://example.org/notes\n\n## Agenda\n1. Welcome (5 min)\n").session
    assert session.note_taker == "" and not session.participants


@pytest.mark.parametrize(
    "line, organisation, title",
    [
        ("Anna Berg (Riverside Trust)", "Riverside Trust", ""),
        ("Bo Chen (Open Data Institute)", "Open Data Institute", ""),
        ("Li Lei (Acme CTO)", "Acme", "CTO"),
        ("Jo Park (Acme Director)", "Acme", "Director"),
        ("王磊（智算科技 CEO）", "智算科技", "CEO"),
        ("赵敏（宏远集团 生产总监）", "宏远集团", "生产总监"),
        ("Alice Chen (Company A, CTO)", "Company A", "CTO"),
        ("Sam Roe - Riverside Trust", "Riverside Trust", ""),
        ("王磊 - 智算科技 CEO", "智算科技", "CEO"),
    ],
)
def test_an_organisation_of_several_words_stays_whole(line, organisation, title):
    session = import_agenda(f"# M\n\n## Participants\n- {line}\n\n## Agenda\n1. Welcome (5 min)\n").session
    person = session.participants[0]
    assert (person.organisation, person.title) == (organisation, title)


def test_job_titles_are_told_from_names():
    assert all(map(is_job_title, ["CEO", "CTO", "Director", "Treasurer", "总监", "部长", "总经理"]))
    assert not any(map(is_job_title, ["Trust", "Institute", "A", "Council", "集团", "Ltd"]))


def test_a_prime_is_minutes_and_a_box_then_an_owner_end_the_line():
    agenda = import_agenda(
        "# M\n\n## Agenda\n1. Welcome 10'\n2. Funding bid update: 10 minutes, Dev\n3. Risks, 15 min\n"
    ).session.agenda
    assert [(i.title, i.minutes, i.owner) for i in agenda] == [
        ("Welcome", 10, ""),
        ("Funding bid update", 10, "Dev"),
        ("Risks", 15, ""),
    ]


def test_a_box_in_the_middle_of_a_title_is_left_alone():
    agenda = import_agenda("# M\n\n## Agenda\n1. A 10 minutes pitch, then questions (20 min)\n").session.agenda
    assert [(i.title, i.minutes, i.owner) for i in agenda] == [("A 10 minutes pitch, then questions", 20, "")]


def test_a_plain_first_line_is_the_title_and_the_line_under_it_the_date():
    text = (
        "Quarterly partners meeting\nTuesday 12 January 2027, 9:30am, Zoom\n\n"
        "1. Welcome and introductions (10 min)\n2. Review of the pilot (30 min) - Sam\n3. Next steps (20 min)\n"
    )
    session = import_agenda(text, name="agenda-file").session
    assert session.title == "Quarterly partners meeting"
    assert (session.date, session.start, session.location) == (date(2027, 1, 12), time(9, 30), "Zoom")
    assert [i.title for i in session.agenda] == ["Welcome and introductions", "Review of the pilot", "Next steps"]


def test_a_first_line_that_is_an_item_is_not_taken_for_the_title():
    session = import_agenda("09:00 Opening (10 min)\n09:10 Close (5 min)\n", name="agenda-file").session
    assert session.title == "agenda-file"


def test_a_plan_longer_than_its_slot_is_reported():
    text = "# Workshop\n\nTime: 10:00 - 11:30\n\n## Agenda\n- 10:00 Opening (30 min)\n- 10:30 Deep dive (60 min)\n- 11:30 Wrap-up (30 min)\n"
    problems = import_agenda(text).problems
    assert [(p.line, p.message) for p in problems] == [
        (
            8,
            "The agenda runs to 12:00, 30 min past the meeting's end at 11:30; shorten or drop items before the meeting.",
        )
    ]


def test_an_item_starting_before_the_previous_one_ends_is_reported():
    text = "# M\n\n## Agenda\n- 09:00 Opening (30 min)\n- 09:20 Budget (20 min)\n- 09:40 Close (10 min)\n"
    problems = import_agenda(text).problems
    assert [p.line for p in problems] == [5]
    assert "“Budget” starts at 09:20, before “Opening” ends at 09:30 (10 min of overlap)" in problems[0].message


def test_a_plan_that_fits_its_slot_says_nothing():
    text = "# M\n\nTime: 10:00 - 11:30\n\n## Agenda\n- 10:00 Opening (30 min)\n- 10:30 Deep dive (60 min)\n"
    assert import_agenda(text).problems == []

"""Which blocks and lines of an agenda are items: structures met in real agendas.

Each test is a small agenda of its own, written after a pattern seen in the corpus
(``tests/corpus``) or in exports from document tools.
"""

from __future__ import annotations

from coopconsole.agenda import import_agenda


def _read(text: str):
    return import_agenda(text)


def _titles(text: str) -> list[str]:
    return [i.title for i in _read(text).session.agenda]


def _messages(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in _read(text).problems]


# -- entries set aside, and the notes after the agenda ------------------------------------

SET_ASIDE = """\
# Plenary

## Schedule

- Phase 4 vote (15 min)
- Benchmarks (30 min)

### Proposed agenda items (to be scheduled if time permits)

Add anything you would like to discuss.

- Profiles follow-up (15 min)
"""


def test_entries_to_be_scheduled_if_time_permits_go_to_the_parking_lot() -> None:
    result = _read(SET_ASIDE)
    assert [i.title for i in result.session.agenda] == ["Phase 4 vote", "Benchmarks"]
    assert [p.text for p in result.session.parked] == ["Profiles follow-up (15 min)"]
    lines = [p.line for p in result.problems]
    assert 12 in lines  # the parked entry, said where it went
    assert 10 in lines  # the prose under the heading, not silently dropped


def test_after_a_parking_lot_heading_the_agenda_goes_on() -> None:
    text = "# M\n\n## Agenda\n\n### Parking lot\n\n- Later thing\n\n### Budget (20 min)\n\n### Close (5 min)\n"
    result = _read(text)
    assert [i.title for i in result.session.agenda] == ["Budget", "Close"]
    assert [p.text for p in result.session.parked] == ["Later thing"]


def test_the_minutes_under_the_agenda_heading_are_not_items() -> None:
    text = (
        "# Agenda Items:\n\n## Opening\n- Opening by chair (1 min)\n- Check-in (2 min)\n\n"
        "## Meeting Minutes\n### Progress (5 min)\n- Everyone progressed\n"
    )
    assert _titles(text) == ["Opening by chair", "Check-in"]


# -- headings that group items ------------------------------------------------------------

CATEGORIES = """\
# Telechat

## Agenda

### Administrivia

- Write-up update (Med)
- Last call blob (Med/Gunter)

### WG News

### Executive Sessions
- Appeal Review (Roman)
- Moderators

### AOB
"""


def test_category_headings_are_labels_and_empty_ones_are_reported() -> None:
    result = _read(CATEGORIES)
    assert [(i.title, i.owner) for i in result.session.agenda] == [
        ("Write-up update", "Med"),
        ("Last call blob (Med/Gunter)", ""),
        ("Appeal Review", "Roman"),  # one capitalised word ending the line: the owner
        ("Moderators", ""),
    ]
    assert {line for line, _ in _messages(CATEGORIES)} >= {10, 16}


def test_a_heading_over_topics_with_notes_of_their_own_groups_them() -> None:
    text = (
        "# CPC\n\n## Agenda\n\n### Announcements\n\n* New website\n\n### Issues\n\n"
        "* Travel fund #1147\n  * next session on it\n\n* CoC policy #1135\n  * progress\n\n"
        "* Collab spaces #1110\n  * no news\n\n### Q&A, Other\n"
    )
    result = _read(text).session
    assert [i.title for i in result.agenda] == [
        "Announcements",
        "Travel fund #1147",
        "CoC policy #1135",
        "Collab spaces #1110",
        "Q&A, Other",
    ]
    assert result.agenda[0].sub_points == ("New website",)


def test_a_heading_with_plain_sub_points_stays_one_item() -> None:
    text = "# M\n\n## Agenda\n\n### Budget review\n\n- figures\n- forecast\n\n### Close\n"
    session = _read(text).session
    assert [i.title for i in session.agenda] == ["Budget review", "Close"]
    assert session.agenda[0].sub_points == ("figures", "forecast")


def test_timed_entries_under_section_headings_are_the_items() -> None:
    text = (
        "# Agenda Items:\n\n## Opening\n- Opening by chair (1 min)\n- Announcements (3 min)\n\n"
        "## Tasks\n- Demo to the TA (10 min)\n- Everyone up to date\n\n"
        "## Discussion Points (25 min)\n1. Testing\n2. Bugs\n"
    )
    session = _read(text).session
    assert [(i.title, i.minutes) for i in session.agenda] == [
        ("Opening by chair", 1),
        ("Announcements", 3),
        ("Demo to the TA", 10),
        ("Everyone up to date", None),
        ("Discussion Points", 25),
    ]
    assert session.agenda[-1].sub_points == ("Testing", "Bugs")


# -- exports of document tools, and HTML ---------------------------------------------------

HTML_AGENDA = """\
<style>
  .event { color: #007BFF; }
</style>

<h2 class="centered-title">开幕仪式</h2>

<div class="event-section">
    <h3>01. 欢迎致辞与介绍 (13:00-13:30)</h3>
    <ul>
        <li class="event-item">协会成立的背景</li>
        <li class="event-item">嘉宾致辞</li>
    </ul>
</div>

<div class="event-section">
    <h3>02. 茶歇 (13:30-13:50)</h3>
</div>
"""


def test_timed_html_headings_are_items_and_html_list_entries_their_points() -> None:
    session = _read(HTML_AGENDA).session
    assert [(i.title, i.start.strftime("%H:%M") if i.start else None, i.minutes) for i in session.agenda] == [
        ("欢迎致辞与介绍", "13:00", 30),
        ("茶歇", "13:30", 20),
    ]
    assert session.agenda[0].sub_points == ("协会成立的背景", "嘉宾致辞")
    assert session.title == "开幕仪式"  # the style sheet is not read as text


GOOGLE_DOCS = """\
**Partner sync**

**Agenda**

1\\. Welcome (5 min)

\\- \\[ \\] Budget review (20 min)

&nbsp;

\\- Close (5 min)
"""


def test_escaped_markers_and_a_bold_agenda_line_from_an_export() -> None:
    assert [(i.title, i.minutes) for i in _read(GOOGLE_DOCS).session.agenda] == [
        ("Welcome", 5),
        ("Budget review", 20),
        ("Close", 5),
    ]


HACKMD = """\
# Weekly sync

[TOC]

:::info
**Date**: 2026-12-03 10:00
:::

<details>
<summary>Agenda</summary>

- [ ] Demo (10 min)
- [x] Retro (15 min)

</details>

## Notes

- 10:30 we ran late
"""


def test_hackmd_toc_containers_toggles_and_tasks() -> None:
    session = _read(HACKMD).session
    assert [(i.title, i.minutes) for i in session.agenda] == [("Demo", 10), ("Retro", 15)]
    assert (str(session.date), str(session.start)) == ("2026-12-03", "10:00:00")


def test_a_plain_text_agenda_in_a_code_fence() -> None:
    text = "# Sync\n\n## Agenda\n\n```\n09:00 Welcome\n09:10 Budget (20 min)\n```\n"
    assert [(i.title, i.minutes) for i in _read(text).session.agenda] == [("Welcome", 10), ("Budget", 20)]


def test_a_bold_line_that_names_no_section_stays_text() -> None:
    text = "# M\n\n## Schedule\n\n**Wednesday, 11th October**\n\n- Vote (15 min)\n"
    result = _read(text)
    assert [i.title for i in result.session.agenda] == ["Vote"]


# -- lines around entries: paragraphs as items, slots, days, markers -----------------------


def test_timed_paragraphs_are_items_and_the_bullets_under_them_their_points() -> None:
    text = (
        "# Team meeting\n\n**Agenda-items**\n\n[16:45-16:50] **Opening by chair**\n\n"
        "[16:50-17:10] **Progress**\n\n- Exams slowed us\n- MVP first\n\n[17:10-17:30] **Plan**\n\n- Finish client\n"
    )
    session = _read(text).session
    assert [(i.title, i.minutes) for i in session.agenda] == [("Opening by chair", 5), ("Progress", 20), ("Plan", 20)]
    assert session.agenda[1].sub_points == ("Exams slowed us", "MVP first")


MULTI_DAY = """\
# Partners' summit

## Agenda

### Day 1 — Monday 7 December

_10:00-11:30 Morning slot, Room 4_

- Welcome (15 min)
- Roadmap (45 min)

### Day 2 — Tuesday 8 December

_09:00-10:00 Morning slot, Room 2_

- Budget (30 min)
- Close (10 min)
"""


def test_a_multi_day_agenda_frames_items_by_day_and_slot() -> None:
    result = _read(MULTI_DAY)
    items = result.session.agenda
    assert [(i.title, i.start.strftime("%H:%M") if i.start else None, i.minutes) for i in items] == [
        ("Welcome", "10:00", 15),
        ("Roadmap", None, 45),
        ("Budget", "09:00", 30),
        ("Close", None, 10),
    ]
    assert items[0].sub_points == ("Day: Day 1 — Monday 7 December", "10:00-11:30 Morning slot, Room 4")
    assert items[2].sub_points[0] == "Day: Day 2 — Tuesday 8 December"
    assert not any("before" in p.message for p in result.problems)  # day 2 does not overlap day 1


def test_a_bullet_per_day_groups_that_days_items() -> None:
    text = "# M\n\n## 议程\n\n- 第一天\n  - 开幕（10分钟）\n  - 汇报（30分钟）\n- 第二天\n  - 讨论（40分钟）\n"
    items = _read(text).session.agenda
    assert [(i.title, i.minutes) for i in items] == [("开幕", 10), ("汇报", 30), ("讨论", 40)]
    assert items[2].sub_points == ("日期: 第二天",)


def test_a_single_date_line_is_no_day_of_a_multi_day_agenda() -> None:
    text = "# M\n\n## Agenda\n\nMonday 7 December 2026\n\n- Welcome (5 min)\n- Budget (20 min)\n"
    items = _read(text).session.agenda
    assert items[0].sub_points == ()


def test_a_timed_slot_line_over_timed_entries_frames_them() -> None:
    text = "# M\n\n## Agenda\n\n10:00-12:00 Workshop block\n\n- 10:00 Intro (10 min)\n- 10:10 Groups (50 min)\n"
    assert [i.title for i in _read(text).session.agenda] == ["Intro", "Groups"]


def test_ordinal_markers_on_their_own_line() -> None:
    text = (
        "The order of business:\n\n1st\n\nCall to order\n\n2nd\n\nRoll call\n\n2(a)\n\nPledge\n\n3rd\n\nAdjournment\n"
    )
    assert _titles(text) == ["Call to order", "Roll call", "Pledge", "Adjournment"]


def test_two_numbered_entries_run_into_one_line_are_two_items() -> None:
    text = "# Senate\n\n1. Call to order\n2. Resolution of thanks 3. New Business\n4. Adjournment\n"
    assert _titles(text) == ["Call to order", "Resolution of thanks", "New Business", "Adjournment"]


def test_a_number_in_a_title_is_not_cut_when_the_list_goes_on() -> None:
    text = "# Senate\n\n1. Call to order\n2. Review of section 3. Budget\n3. Adjournment\n"
    assert _titles(text) == ["Call to order", "Review of section 3. Budget", "Adjournment"]


def test_a_placeholder_entry_is_reported_not_an_item() -> None:
    text = "# TAG\n\n### Breakout A\n\n* Self-profiling API\n\n### Breakout B\n\n* ...\n"
    result = _read(text)
    assert [i.title for i in result.session.agenda] == ["Self-profiling API"]
    assert any(p.line == 9 and "placeholder" in p.message for p in result.problems)


def test_a_placeholder_sub_point_is_reported_not_kept() -> None:
    text = "# TAG\n\n## Agenda\n\n### Breakout A\n\n* Profiling\n\n### Breakout B\n\n* …\n"
    result = _read(text)
    assert [(i.title, i.sub_points) for i in result.session.agenda] == [
        ("Breakout A", ("Profiling",)),
        ("Breakout B", ()),
    ]
    assert any(p.line == 11 and "placeholder" in p.message for p in result.problems)


def test_a_front_matter_time_stamp_gives_no_start() -> None:
    text = "---\ndate: 2026-04-23T23:12:09.090Z\n---\n\n# Telechat\n\n## Agenda\n\n- Budget\n"
    session = _read(text).session
    assert (str(session.date), session.start) == ("2026-04-23", None)


# -- tables inside list entries, and what follows the agenda's list -------------------------

NESTED_TABLES = """\
# Plenary

## Agenda items

1. Opening (Chair)
1. Short discussions

    | timebox | topic | presenter |
    |:-------:|-------|-----------|
    | 10m     | Iterator helpers | Kevin Gibbons |
    | 30m     | Reusing results | Michael Ficarra |

1. Overflow from previous meeting

    | timebox | topic | presenter |
    |:-------:|-------|-----------|

1. Adjournment

### Schedule constraints

- Mark: Monday will be hard for me
"""


def test_a_table_indented_in_a_list_entry_gives_its_rows_as_items() -> None:
    result = _read(NESTED_TABLES)
    assert [(i.title, i.minutes, i.owner) for i in result.session.agenda] == [
        ("Opening", None, "Chair"),  # a role in round brackets is the one in charge
        ("Iterator helpers", 10, "Kevin Gibbons"),
        ("Reusing results", 30, "Michael Ficarra"),
        ("Adjournment", None, ""),
    ]
    assert any(p.line == 13 and "no rows" in p.message for p in result.problems)


def test_a_timed_subheading_after_the_agenda_list_still_continues_it() -> None:
    text = "# V\n\n## Agenda\n\n- 09:00 Opening (10 min)\n\n### Afternoon\n\n- 14:00 Third (10 min)\n"
    assert _titles(text) == ["Opening", "Third"]


# -- grid timetables and parallel tracks ----------------------------------------------------

GRID = """\
# Spring school

## Timetable

| | MON | TUE |
| --- | --- | --- |
| 9.00 | Welcome | Lab work |
| | Plenary | Workshops |
| 9.30 | Keynote | ⇊ |
| 10.30 | Coffee | " |
| 11.00 | Panel | Wrap-up |
| 12.00-12.30 | Lunch |  |
"""


def test_a_grid_timetable_reads_each_day_column_in_turn() -> None:
    result = _read(GRID)
    items = result.session.agenda
    assert [(i.title, i.start.strftime("%H:%M") if i.start else None, i.minutes) for i in items] == [
        ("Welcome", "09:00", 30),
        ("Keynote", "09:30", 60),
        ("Coffee", "10:30", 30),
        ("Panel", "11:00", 60),
        ("Lunch", "12:00", 30),
        ("Lab work", "09:00", 120),
        ("Wrap-up", "11:00", 90),
    ]
    assert items[0].sub_points == ("Day: MON",) and items[5].sub_points == ("Day: TUE",)
    assert any(p.line == 8 and "labels the rows" in p.message for p in result.problems)
    assert not any("overlap" in p.message for p in result.problems)


def test_a_row_naming_parallel_tracks_is_not_an_item() -> None:
    text = (
        "# Summit\n\n## Schedule\n\n| Time | Track One | Track Two |\n| --- | --- | --- |\n"
        "| 9:00-9:15 | Welcome | |\n| | Newcomers | Docs sprint |\n| 9:15-10:00 | Session | Unconference |\n\n"
        "- Track leads\n  - Docs sprint: Jorge\n"
    )
    result = _read(text)
    assert [i.title for i in result.session.agenda] == ["Welcome", "Session"]
    assert {p.line for p in result.problems} >= {8, 11}


def test_a_list_beside_a_timetable_with_boxes_per_part_is_notes_on_it() -> None:
    table = "| Time | Track One |\n| --- | --- |\n| 14:00-15:50 | SIG Updates |\n| 15:50-16:00 | Break |\n"
    text = (
        f"# Summit\n\n## Schedule\n\n{table}\n- SIG Updates (~5 minutes per SIG)\n  - 2 slides per SIG\n- Track Leads\n"
    )
    result = _read(text)
    assert [(i.title, i.minutes) for i in result.session.agenda] == [("SIG Updates", 110), ("Break", 10)]
    assert [(p.line, p.key) for p in result.problems] == [(10, "timetable_note"), (12, "timetable_note")]
    # An entry with a start of its own beside a timetable is still an item.
    timed = f"# Summit\n\n## Schedule\n\n{table}\n- 16:00 Happy hour (60 min)\n"
    assert _titles(timed) == ["SIG Updates", "Break", "Happy hour"]


INVITE = """\
Dana is inviting you to a scheduled Zoom meeting.

Topic: Partner sync
Time: Dec 3, 2026 10:00 AM London

Join Zoom Meeting
https://us02web.zoom.us/j/85512345678?pwd=abc

Meeting ID: 855 1234 5678
Passcode: 123456
One tap mobile
+442034815240,,85512345678#,,,,*123456# United Kingdom
Dial by your location
        +44 203 481 5240 United Kingdom
        +1 646 558 8656 US (New York)

1. Welcome (5 min)
2. Budget (20 min)
"""


def test_a_pasted_call_invitation_is_reported_once_and_gives_the_place() -> None:
    result = _read(INVITE)
    session = result.session
    assert [(i.title, i.minutes) for i in session.agenda] == [("Welcome", 5), ("Budget", 20)]
    assert (session.title, str(session.start)) == ("Partner sync", "10:00:00")
    assert session.location == "https://us02web.zoom.us/j/85512345678?pwd=abc"
    assert [p.line for p in result.problems if "invitation" in p.message] == [1]


# -- headings and numbers out of their usual shape ------------------------------------------


def test_inverted_levels_item_headings_above_the_agenda_heading() -> None:
    text = (
        "# Sync\n\n## Agenda\n\n# Budget review (20 min)\n\nFigures for Q3.\n\n# Hiring\n\n- two roles open\n\n"
        "# Participants\n\n- Dana\n"
    )
    session = _read(text).session
    assert [(i.title, i.minutes, i.sub_points) for i in session.agenda] == [
        ("Budget review", 20, ("Figures for Q3.",)),
        ("Hiring", None, ("two roles open",)),
    ]
    assert session.title == "Sync" and [p.name for p in session.participants] == ["Dana"]


def test_a_numbered_sub_list_indented_too_little_stays_sub_points() -> None:
    text = "# Sync\n\n## Agenda\n\n1. Welcome\n2. Reports\n 1. Treasurer\n 2. Secretary\n3. Close\n"
    session = _read(text).session
    assert [(i.title, i.sub_points) for i in session.agenda] == [
        ("Welcome", ()),
        ("Reports", ("Treasurer", "Secretary")),
        ("Close", ()),
    ]


def test_a_list_numbered_one_throughout_is_not_a_sub_list() -> None:
    text = "# Sync\n\n## Agenda\n\n1. Welcome\n1. Reports\n1. Close\n"
    assert _titles(text) == ["Welcome", "Reports", "Close"]


def test_a_label_entry_and_the_meeting_length_entry_are_not_items() -> None:
    text = (
        "# Agenda Items\n\n- Opening (2 min)\n\n- Talking Points : ( Inform / discuss )\n- Git issues (2 min)\n"
        "- Planned meeting duration (60 min)\n- Closure (1 min)\n"
    )
    result = _read(text)
    assert [i.title for i in result.session.agenda] == ["Opening", "Git issues", "Closure"]
    assert {p.line for p in result.problems} >= {5, 7}


def test_a_last_entry_ending_in_a_colon_stays_an_item() -> None:
    text = "# M\n\n## Agenda\n\n- Opening (2 min)\n- Any other business:\n"
    assert _titles(text) == ["Opening", "Any other business"]


# -- documents walked heading by heading ----------------------------------------------------

WALKED = """\
# 2026年12月3日 项目委员会例会

## 会议信息

1. 会议名称：项目委员会例会
2. 会议时间：2026-12-03 20:00

## 👤参会人

- 周宁

## 项目进度

### 官网

- 地图引擎

## 未来规划

## 后续行动

* [x] 志愿者名单
"""


def test_a_document_of_topic_headings_without_an_agenda_heading_walks_them() -> None:
    session = _read(WALKED).session
    assert [i.title for i in session.agenda] == ["项目进度", "未来规划", "后续行动"]
    assert session.agenda[0].sub_points == ("官网", "地图引擎")
    assert [p.name for p in session.participants] == ["周宁"]
    assert (str(session.date), str(session.start)) == ("2026-12-03", "20:00:00")


def test_untimed_lists_under_few_headings_are_still_the_items() -> None:
    text = "# Sync\n\n## Topics\n\n- Budget\n- Hiring\n\n## Links\n\n- https://example.org\n"
    assert _titles(text)[:2] == ["Budget", "Hiring"]


def test_headings_that_each_hold_a_list_of_topics_keep_the_topics_as_items() -> None:
    text = (
        "# TAG\n\n### Breakout A\n\n* Profiling API\n\n### Breakout B\n\n* Serial API\n\n"
        "### Plenary\n\n* Readouts\n* Triage\n"
    )
    assert _titles(text) == ["Profiling API", "Serial API", "Readouts", "Triage"]


def test_a_box_on_the_wrapped_second_line_of_an_entry_is_read() -> None:
    text = "# WG\n\n## Agenda\n\n1. Introduce strict validation rules\n   (15m, Benjie)\n   - Spec PR\n"
    session = _read(text).session
    assert [(i.title, i.minutes, i.owner, i.sub_points) for i in session.agenda] == [
        ("Introduce strict validation rules", 15, "Benjie", ("Spec PR",))
    ]


# -- the date lines above the first entry of an agenda without headings ---------------------


def test_date_lines_above_the_entries_are_the_meetings_not_items() -> None:
    text = "Faculty Senate\n\nMeeting of October 12, 2006\n\n3:30 p.m. – 325 Graff Main Hall\n\nI. Roll Call.\n\nII. Minutes.\n\nIII. Reports.\n"
    session = _read(text).session
    assert [i.title for i in session.agenda] == ["Roll Call", "Minutes", "Reports"]
    assert (str(session.date), str(session.start), session.location) == (
        "2006-10-12",
        "15:30:00",
        "325 Graff Main Hall",
    )


def test_a_dated_first_line_with_a_time_gives_the_start() -> None:
    text = "Agenda - September 11, 2017 - 3:05pm\n\nMeeting in the Constitution Room\n\n1. Minutes\n2. Announcements\n"
    session = _read(text).session
    assert [i.title for i in session.agenda] == ["Minutes", "Announcements"]
    assert (str(session.date), str(session.start)) == ("2017-09-11", "15:05:00")


def test_timed_paragraphs_after_a_date_line_stay_items() -> None:
    text = "Weekly sync\n\nTuesday 12 January 2027\n\n09:30 Welcome\n\n09:40 Budget\n\n10:00 Close (5 min)\n"
    session = _read(text).session
    assert [i.title for i in session.agenda] == ["Welcome", "Budget", "Close"]


def test_topics_that_merely_mention_a_backlog_or_deferral_stay_items() -> None:
    text = "# M\n\n## Agenda\n\n### Backlog grooming (20 min)\n\n### Deferred revenue review (15 min)\n\n### Backlog\n\n- Later\n"
    result = _read(text)
    assert [i.title for i in result.session.agenda] == ["Backlog grooming", "Deferred revenue review"]
    assert [p.text for p in result.session.parked] == ["Later"]


WORD = """\
**Partner Meeting**

**Agenda**

1.&nbsp;&nbsp;Welcome (5 min)

2.&nbsp;&nbsp;Budget (20 min)

&nbsp;

**Participants**

Dana Okafor, Acme
"""


def test_a_word_export_with_bold_title_and_section_lines() -> None:
    session = _read(WORD).session
    assert session.title == "Partner Meeting"
    assert [(i.title, i.minutes) for i in session.agenda] == [("Welcome", 5), ("Budget", 20)]
    assert [(p.name, p.organisation) for p in session.participants] == [("Dana Okafor", "Acme")]


def test_a_day_column_runs_a_table_over_several_days() -> None:
    text = (
        "# Summit\n\n## Schedule\n\n| Day | Time | Session |\n| --- | --- | --- |\n"
        "| Monday 7 December | 09:00-10:00 | Welcome |\n| | 10:00-11:00 | Roadmap |\n"
        "| Tuesday 8 December | 09:00-10:30 | Budget |\n"
    )
    result = _read(text)
    assert [(i.title, i.sub_points) for i in result.session.agenda] == [
        ("Welcome", ("Day: Monday 7 December",)),
        ("Roadmap", ()),
        ("Budget", ("Day: Tuesday 8 December",)),
    ]
    assert not any("overlap" in p.message for p in result.problems)


def test_a_date_column_with_one_day_stays_a_detail_of_each_row() -> None:
    text = "# M\n\n## Agenda\n\n| Date | Time | Topic |\n| --- | --- | --- |\n| 3 Dec | 09:00 | A |\n| 3 Dec | 09:30 | B |\n"
    items = _read(text).session.agenda
    assert [i.sub_points for i in items] == [("Date: 3 Dec",), ("Date: 3 Dec",)]


def test_a_heading_whose_body_is_reference_material_stays_one_item() -> None:
    text = (
        "# M\n\n## Agenda\n\n### Budget review\n\n- [Slides](https://example.org/s)\n  - https://example.org/a\n"
        "- Q3 figures\n  - [sheet](https://example.org/q3)\n- Forecast\n  - https://example.org/f\n\n### Hiring\n"
    )
    session = _read(text).session
    assert [i.title for i in session.agenda] == ["Budget review", "Hiring"]

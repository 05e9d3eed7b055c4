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
    assert [p.text for p in result.session.parked] == ["Profiles follow-up"]
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
    assert [i.title for i in result.session.agenda] == [
        "Write-up update (Med)",
        "Last call blob (Med/Gunter)",
        "Appeal Review (Roman)",
        "Moderators",
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

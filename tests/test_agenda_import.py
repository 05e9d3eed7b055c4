"""The Markdown agenda importer: samples, notations, problems and robustness."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopconsole.agenda import AgendaError, AgendaImport, ImportProblem, import_agenda
from coopconsole.agenda.importer import _import
from coopconsole.domain.model import GoalTier, ItemKind, Role


def sample(name: str) -> str:
    return resources.files("coopconsole.samples").joinpath(name).read_text(encoding="utf-8")


def agenda(body: str, **kw: str) -> AgendaImport:
    return import_agenda(body, **kw)


def only_item(body: str):
    result = agenda("# M\n\n## Agenda\n\n" + body)
    assert len(result.session.agenda) == 1, result.session.agenda
    return result.session.agenda[0]


# -- the two real samples ----------------------------------------------------------------


def test_english_sample() -> None:
    result = import_agenda(sample("smart-park.en.md"), name="smart-park")
    s = result.session
    assert result.problems == []
    assert s.name == "smart-park"
    assert s.title == "Smart Park Cooperation Promotion Meeting"
    assert s.date == date(2026, 12, 8)
    assert s.start == time(9, 0)
    assert s.location == "Riverside Innovation Hub, Room 2 (round table)"
    assert s.facilitator == "Dana Okafor"
    assert s.note_taker == "Sam Lee"
    assert s.lang == "en"
    assert [(g.id, g.tier) for g in s.goals] == [
        (1, GoalTier.PRIMARY),
        (2, GoalTier.INTERMEDIATE),
        (3, GoalTier.ADVANCED),
    ]
    assert s.goals[0].text == "Identify three candidate cooperation projects"
    assert s.goals[2].text == "Sign the cooperation agreement and form a joint working group"
    people = [(p.id, p.name, p.organisation, p.title, p.role) for p in s.participants]
    assert people == [
        (1, "Alice Chen", "Company A", "CTO", Role.DECISION_MAKER),
        (2, "Bruno Silva", "Company A", "Head of Marketing", Role.OTHER),
        (3, "Chloe Martin", "Company B", "Technical Director", Role.DECISION_MAKER),
        (4, "Deepak Rao", "Company B", "Marketing Director", Role.OTHER),
        (5, "Eva Novak", "Industry Association", "", Role.EXPERT_ADVISOR),
        (6, "Dana Okafor", "", "", Role.OTHER),  # the facilitator (tests/test_participant_roles.py)
        (7, "Sam Lee", "", "", Role.OTHER),  # the note-taker
    ]
    items = s.agenda
    assert [i.id for i in items] == [1, 2, 3, 4, 5, 6, 7]
    assert [i.start.strftime("%H:%M") for i in items] == ["09:00", "09:15", "09:45", "10:30", "10:45", "11:30", "11:50"]
    assert [i.minutes for i in items] == [15, 30, 45, 15, 45, 20, 10]
    assert [i.title for i in items] == [
        "Opening and ice-breaker",
        "Introductions: what each party brings",
        "Cooperation directions and opportunities",
        "Tea break",
        "Challenges, risks and solutions",
        "Next steps: tasks, owners, deadlines",
        "Summary and close",
    ]
    assert [i.owner for i in items] == ["Dana Okafor", "", "", "", "", "Dana Okafor", "Dana Okafor"]
    assert [i.kind for i in items] == [ItemKind.TOPIC] * 3 + [ItemKind.BREAK] + [ItemKind.TOPIC] * 3
    assert all(i.sub_points == () for i in items)


def test_chinese_sample() -> None:
    result = import_agenda(sample("pilot-kickoff.zh.md"), name="pilot")
    s = result.session
    assert result.problems == []
    assert s.title == "智算科技 × 宏远集团 AI质检合作推进会"
    assert (s.date, s.start) == (date(2026, 12, 1), time(9, 0))
    assert s.location == "宏远集团总部 3楼 圆桌会议室"
    assert s.facilitator == "周宁"  # the remark "(第三方顾问)" is dropped
    assert s.note_taker == "陈晓"
    assert s.lang == "zh"
    assert [(g.tier, g.text) for g in s.goals] == [
        (GoalTier.PRIMARY, "确定一条试点生产线"),
        (GoalTier.INTERMEDIATE, "明确技术对接方案与数据安全协议框架"),
        (GoalTier.ADVANCED, "就初步预算达成一致,并成立联合测试小组"),
    ]
    people = [(p.id, p.name, p.organisation, p.title, p.role) for p in s.participants]
    assert people == [
        (1, "王磊", "智算科技", "CEO", Role.DECISION_MAKER),
        (2, "刘洋", "智算科技", "CTO", Role.EXECUTOR),
        (3, "赵敏", "宏远集团", "生产总监", Role.DECISION_MAKER),
        (4, "孙强", "宏远集团", "IT总监", Role.EXECUTOR),
        (5, "李娜", "宏远集团", "质量经理", Role.EXECUTOR),
        (6, "周宁", "独立顾问", "主持人", Role.EXPERT_ADVISOR),
        (7, "陈晓", "", "", Role.OTHER),  # the note-taker (tests/test_participant_roles.py)
    ]
    items = s.agenda
    assert [i.start.strftime("%H:%M") for i in items] == ["09:00", "09:15", "09:45", "10:30", "10:45", "11:30", "11:50"]
    assert [i.minutes for i in items] == [15, 30, 45, 15, 45, 20, 10]
    assert [i.title for i in items] == [
        "开场与破冰",
        "各方介绍与现状分享",
        "产线痛点与算法演示",
        "茶歇",
        "挑战、风险与解决方案",
        "明确下一步行动",
        "总结与闭会",
    ]
    assert [i.owner for i in items] == ["周宁", "", "刘洋", "", "", "", "周宁"]
    assert items[0].sub_points == ("介绍会议目标、议程及规则", "每人用1分钟分享一个与合作相关的成功故事")
    assert items[1].sub_points == ('每方10分钟:强调"我们能为合作带来什么"',)
    assert items[4].sub_points == ("数据安全、算法误判率、边缘设备部署",)
    assert [i.kind for i in items] == [ItemKind.TOPIC] * 3 + [ItemKind.BREAK] + [ItemKind.TOPIC] * 3


# -- notations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slot", "start", "minutes"),
    [
        ("09:00", time(9, 0), 30),
        ("9:00", time(9, 0), 30),
        ("09:00-09:15", time(9, 0), 15),
        ("09:00–09:15", time(9, 0), 15),
        ("09:00 - 09:15", time(9, 0), 15),
        ("09:00~09:15", time(9, 0), 15),
        ("9.15", time(9, 15), 15),
        ("09：00", time(9, 0), 30),
        ("**09:00**", time(9, 0), 30),
        ("[09:00-09:20]", time(9, 0), 20),
    ],
)
def test_time_slots(slot: str, start: time, minutes: int) -> None:
    result = agenda(f"## Agenda\n\n1. {slot} Opening\n2. 09:30 Next (10 min)\n")
    first = result.session.agenda[0]
    assert (first.title, first.start, first.minutes) == ("Opening", start, minutes)
    assert result.problems == []


@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("Opening (15 min)", 15),
        ("Opening 15m", 15),
        ("Opening, 15 mins", 15),
        ("Opening (15 minutes)", 15),
        ("Opening (1h)", 60),
        ("Opening 1 h", 60),
        ("Opening (1h30)", 90),
        ("Opening (1h 30m)", 90),
        ("Opening (1.5 hours)", 90),
        ("Opening (½ hr)", 30),
        ("Opening (half an hour)", 30),
        ("Opening (30-60 min)", 30),
        ("开场 (15分钟)", 15),
        ("开场（5 min）", 5),
        ("开场（15分钟）", 15),
        ("开场 15分钟", 15),
        ("开场（1小时）", 60),
        ("开场（半小时）", 30),
        ("开场（1.5小时）", 90),
        ("Opening — 15 min", 15),
        ("Opening | 15 min", 15),
    ],
)
def test_time_box_forms(line: str, minutes: int) -> None:
    item = only_item(f"- 09:00 {line}\n")
    assert item.minutes == minutes
    assert item.title in ("Opening", "开场")


@pytest.mark.parametrize(
    ("line", "title", "owner"),
    [
        ("09:00 开场 (15分钟) — 周宁", "开场", "周宁"),
        ("09:00 Opening (15 min) – Dana Okafor", "Opening", "Dana Okafor"),
        ("09:00 Opening (15 min) - Dana Okafor", "Opening", "Dana Okafor"),
        ("09:00 Opening (15 min) -- Dana Okafor", "Opening", "Dana Okafor"),
        ("09:00 开场——周宁（15分钟）", "开场", "周宁"),
        ("09:00 Opening [Dana Okafor] (15 min)", "Opening", "Dana Okafor"),
        ("09:00 Opening (Owner: Dana Okafor) (15 min)", "Opening", "Dana Okafor"),
        ("09:00 Opening (Presenter: Dana) (15 min)", "Opening", "Dana"),
        ("09:00 开场（负责人：周宁）（15分钟）", "开场", "周宁"),
        ("09:00 开场（主讲：周宁）（15分钟）", "开场", "周宁"),
        ("09:00 Opening (15 min, Dana Okafor)", "Opening", "Dana Okafor"),
        ("09:00 Opening — Alice Chen & Bruno Silva (15 min)", "Opening", "Alice Chen & Bruno Silva"),
        ("09:00 Opening, owner: Dana (15 min)", "Opening", "Dana"),
        ("09:00 Opening — welcome words (15 min)", "Opening — welcome words", ""),
        ("09:00 Q&A - open floor (15 min)", "Q&A - open floor", ""),
        ("09:00 Opening (draft) (15 min)", "Opening (draft)", ""),
    ],
)
def test_owners(line: str, title: str, owner: str) -> None:
    item = only_item(f"1. {line}\n")
    assert (item.title, item.owner, item.minutes, item.start) == (title, owner, 15, time(9, 0))


@pytest.mark.parametrize(
    ("line", "title", "owner"),
    [
        ("09:00 Updates (Bob Jones)", "Updates", "Bob Jones"),
        ("09:00 Updates（Bob Jones）", "Updates", "Bob Jones"),
        ("09:00 Updates (Bob)", "Updates", "Bob"),  # the given name of one listed participant
        ("09:00 Updates (Bob Jones, Ann Lee)", "Updates", "Bob Jones, Ann Lee"),
        ("09:00 讨论（李四）", "讨论", "李四"),
        ("09:00 讨论（王磊、刘洋）", "讨论", "王磊、刘洋"),
        ("09:00 Updates (Maria Gomez)", "Updates", "Maria Gomez"),  # not listed, but a full name
        ("09:00 汇报（王总）", "汇报", "王总"),
        ("09:00 Updates (optional)", "Updates (optional)", ""),
        ("09:00 Open floor (Q&A)", "Open floor (Q&A)", ""),
        ("09:00 Updates (Room B)", "Updates (Room B)", ""),
        ("09:00 Updates (Action Items)", "Updates (Action Items)", ""),
        ("09:00 Updates (Draft)", "Updates (Draft)", ""),
        ("09:00 Updates (Ann)", "Updates (Ann)", ""),  # no participant is called Ann
        ("09:00 方案（草案）", "方案（草案）", ""),
        ("09:00 讨论（可选）", "讨论（可选）", ""),
        ("09:00 总结（董事会）", "总结（董事会）", ""),
    ],
)
def test_owners_in_round_brackets(line: str, title: str, owner: str) -> None:
    text = f"# M\n## Participants\n- Bob Jones, Beta Ltd\n- 李四，乙公司\n## Agenda\n- {line} (15 min)\n"
    item = agenda(text).session.agenda[0]
    assert (item.title, item.owner, item.minutes) == (title, owner, 15)


def test_a_time_box_in_round_brackets_is_no_owner() -> None:
    item = only_item("- 09:00 Updates (15 min)\n")
    assert (item.title, item.owner, item.minutes) == ("Updates", "", 15)


@pytest.mark.parametrize("placeholder", ["—", "-", "–", "TBD", "TBC", "tbd", "待定", "N/A"])
def test_owner_placeholders_mean_no_owner(placeholder: str) -> None:
    table = f"| Time | Item | Lead |\n|---|---|---|\n| 09:00 | Opening | {placeholder} |\n| 09:15 | Close | Ann |\n"
    result = agenda("# M\n## Agenda\n" + table)
    assert [i.owner for i in result.session.agenda] == ["", "Ann"]
    if placeholder not in ("-", "–", "—"):  # a dash after the title is read as part of it
        assert only_item(f"- 09:00 Opening — {placeholder} (15 min)\n").owner == ""
        assert only_item(f"- 09:00 Opening [{placeholder}] (15 min)\n").owner == ""


LIST_FORM = """\
## Agenda

1. 09:00 Opening (15 min) — Dana Okafor
   - Welcome
   - Rules
2. 09:15 Introductions (30 min)
3. 09:45 Coffee break (15 min)
"""

TABLE_FORM = """\
## Agenda

| Time | Topic | Timebox | Presenter | Notes |
|------|-------|---------|-----------|-------|
| 09:00 | Opening | 15 | Dana Okafor | Welcome |
| 09:15 | Introductions | 30 min | | |
| 09:45 | Coffee break | 15 | | |
"""

HEADING_FORM = """\
## Agenda

### 09:00 Opening
Owner: Dana Okafor
Duration: 15 min

- Welcome
- Rules

### Introductions
Time: 09:15
Duration: 30

### Coffee break
- Time: 09:45
- Length: 15 min
"""


@pytest.mark.parametrize("body", [LIST_FORM, TABLE_FORM, HEADING_FORM], ids=["list", "table", "headings"])
def test_list_table_and_heading_layouts(body: str) -> None:
    result = agenda("# Meeting\n\n" + body)
    items = result.session.agenda
    assert result.problems == []
    assert [(i.id, i.title, i.start, i.minutes) for i in items] == [
        (1, "Opening", time(9, 0), 15),
        (2, "Introductions", time(9, 15), 30),
        (3, "Coffee break", time(9, 45), 15),
    ]
    assert items[0].owner == "Dana Okafor"
    assert items[2].kind is ItemKind.BREAK
    assert items[0].sub_points in (("Welcome", "Rules"), ("Notes: Welcome",))


def test_nested_sub_points_keep_the_first_level_and_field_bullets() -> None:
    item = only_item(
        "1. 09:00 Opening (15 min)\n   - First **point**\n     - deeper point\n     - Owner: Dana\n   - Second point\n"
    )
    assert item.sub_points == ("First point: deeper point", "Second point")
    assert item.owner == "Dana"


@pytest.mark.parametrize(
    ("bullets", "points"),
    [
        ("- 架构\n  - 数据层\n  - 应用层\n- 安全\n", ("架构: 数据层, 应用层", "安全")),
        ("- Topics:\n  - pricing\n  - scope\n", ("Topics: pricing, scope",)),
        ("- 议题：\n  - 价格\n  - 范围\n", ("议题：价格, 范围",)),
        ("- A\n  - B\n    - C\n    - D\n  - E\n", ("A: B (C, D), E",)),
        ("- A\n  - x, y\n  - z\n", ("A: x, y; z",)),
        ("-\n  - orphan\n- B\n", ("orphan", "B")),
    ],
)
def test_nested_bullets_are_attached_to_their_first_level_bullet(bullets: str, points: tuple[str, ...]) -> None:
    nested = "".join("   " + ln + "\n" for ln in bullets.splitlines())
    assert only_item("1. 09:00 Design (30 min)\n" + nested).sub_points == points
    assert agenda("# M\n## Agenda\n### 09:00 Design (30 min)\n" + bullets).session.agenda[0].sub_points == points


@pytest.mark.parametrize(
    ("line", "minutes"), [("15 min", 15), ("(15分钟)", 15), ("（15分钟）", 15), ("1h", 60), ("15m", 15), ("半小时", 30)]
)
def test_a_bare_time_box_line_under_an_item_heading_is_its_time_box(line: str, minutes: int) -> None:
    result = agenda(f"# M\n## Agenda\n### Opening\n{line}\n\n### Close\nDuration: 5 min\n")
    first = result.session.agenda[0]
    assert (first.title, first.minutes, first.sub_points) == ("Opening", minutes, ())
    assert result.problems == []


def test_bare_time_box_and_time_lines_elsewhere() -> None:
    heading = agenda("# M\n## Agenda\n### 09:00 Opening\nOwner: Ann\n15 min\n").session.agenda[0]
    assert (heading.owner, heading.minutes, heading.sub_points) == ("Ann", 15, ())
    timed = agenda("# M\n## Agenda\n### Opening\n09:00-09:20\n").session.agenda[0]
    assert (timed.start, timed.minutes) == (time(9, 0), 20)
    listed = only_item("1. Opening\n   15 min\n")
    assert (listed.minutes, listed.sub_points) == (15, ())
    # a second box does not overwrite the first; it is kept, not lost
    kept = agenda("# M\n## Agenda\n### Opening (10 min)\n20 min\n").session.agenda[0]
    assert (kept.minutes, kept.sub_points) == (10, ("20 min",))


def test_continuation_lines_fill_fields_or_become_sub_points() -> None:
    item = only_item("1. Opening\n   Presenter: Dana\n   Timebox: 20 min\n   Welcome and rules\n")
    assert (item.title, item.owner, item.minutes, item.sub_points) == ("Opening", "Dana", 20, ("Welcome and rules",))


def test_group_headings_inside_the_agenda() -> None:
    result = agenda(
        "# M\n## Agenda\n### Morning\n1. 09:00 Opening\n2. 09:30 Talk\n### Afternoon\n1. 13:00 Workshop\n2. 14:00 Close (10 min)\n"
    )
    assert [i.title for i in result.session.agenda] == ["Opening", "Talk", "Workshop", "Close"]
    assert [i.minutes for i in result.session.agenda] == [30, 210, 60, 10]


@pytest.mark.parametrize(
    "title", ["茶歇", "休息", "午餐", "午休", "Break", "Tea break", "Coffee", "coffee break", "Lunch"]
)
def test_breaks(title: str) -> None:
    assert only_item(f"- 10:30 {title} (15 min)\n").kind is ItemKind.BREAK


@pytest.mark.parametrize("title", ["Break-out groups", "Coffee with the CEO", "Ice-breaker", "休息区改造方案讨论"])
def test_not_breaks(title: str) -> None:
    assert only_item(f"- 10:30 {title} (15 min)\n").kind is ItemKind.TOPIC


@pytest.mark.parametrize(
    "heading",
    ["Agenda", "Schedule", "Programme", "Program", "议程", "会议议程", "日程", "AGENDA", "Agenda (draft)", "2. Agenda"],
)
def test_agenda_section_names(heading: str) -> None:
    result = agenda(f"# M\n\n## Notes\n\n- not an item\n\n## {heading}\n\n- 09:00 Opening (5 min)\n")
    assert [i.title for i in result.session.agenda] == ["Opening"]


@pytest.mark.parametrize("heading", ["Participants", "Attendees", "Present", "参会人", "参会人员", "与会人员", "出席"])
def test_participant_section_names(heading: str) -> None:
    result = agenda(f"# M\n\n## {heading}\n\n- Alice Chen, Company A, CTO\n\n## Agenda\n\n- 09:00 Opening (5 min)\n")
    assert [p.name for p in result.session.participants] == ["Alice Chen"]


@pytest.mark.parametrize("heading", ["Goals", "Objectives", "目标", "会议目标"])
def test_goal_section_names(heading: str) -> None:
    result = agenda(f"# M\n\n## {heading}\n\n- Primary: Pick a pilot\n\n## Agenda\n\n- 09:00 Opening (5 min)\n")
    assert [(g.tier, g.text) for g in result.session.goals] == [(GoalTier.PRIMARY, "Pick a pilot")]


def test_other_sections_are_ignored_without_problems() -> None:
    # Prose and lists without times; timed entries there are reported (test_agenda_sections).
    result = agenda("# M\n\n## Background\n\n- something\n\nprose\n\n## Agenda\n\n- 09:00 Opening (5 min)\n")
    assert result.problems == [] and len(result.session.agenda) == 1


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ("- Date: 2026-12-01 09:00", "date", date(2026, 12, 1)),
        ("日期：2026-12-01", "date", date(2026, 12, 1)),
        ("时间: 2026年12月1日 9:00", "date", date(2026, 12, 1)),
        ("DATE: Dec 1, 2026", "date", date(2026, 12, 1)),
        ("- Date: 1 December 2026", "date", date(2026, 12, 1)),
        ("- Time: 2026-12-01 14:00", "start", time(14, 0)),
        ("- Location: Room 2", "location", "Room 2"),
        ("- venue: Room 2", "location", "Room 2"),
        ("Place: Room 2", "location", "Room 2"),
        ("- 地点：3楼", "location", "3楼"),
        ("- Facilitator: Dana", "facilitator", "Dana"),
        ("- Chair: Dana", "facilitator", "Dana"),
        ("- Moderator: Dana", "facilitator", "Dana"),
        ("- 主持人：周宁", "facilitator", "周宁"),
        ("- 主持: 周宁（第三方顾问）", "facilitator", "周宁"),
        ("- Note-taker: Sam", "note_taker", "Sam"),
        ("- Notetaker: Sam", "note_taker", "Sam"),
        ("- Note taker: Sam", "note_taker", "Sam"),
        ("- Scribe: Sam", "note_taker", "Sam"),
        ("- 记录人：陈晓", "note_taker", "陈晓"),
        ("- **记录**: 陈晓", "note_taker", "陈晓"),
    ],
)
def test_meeting_detail_keys(lines: str, field: str, value: object) -> None:
    result = agenda(f"# M\n\n{lines}\n\n## Agenda\n\n- Opening (5 min)\n")
    assert getattr(result.session, field) == value
    assert result.problems == []


def test_date_line_with_a_range_gives_the_last_item_its_box() -> None:
    result = agenda("# M\n- Date: 2026-12-01 09:00-12:00\n## Agenda\n1. 09:00 Opening\n2. 11:30 Close\n")
    assert result.session.start == time(9, 0)
    assert [i.minutes for i in result.session.agenda] == [150, 30]
    assert result.problems == []


def test_durations_from_consecutive_slots_and_a_missing_last_box() -> None:
    text = "# M\n\n## Agenda\n\n1. 09:00 Opening\n2. 09:20 Talk\n3. 10:05 Close\n"
    result = agenda(text)
    assert [i.minutes for i in result.session.agenda] == [20, 45, None]
    assert [p.line for p in result.problems] == [7]
    assert "Close" in result.problems[0].message


def test_front_matter_and_html_comments_are_skipped() -> None:
    text = (
        "---\ntitle: From front matter\ndate: 2026-12-01\n---\n"
        "<!-- draft: do not share -->\n\n## Agenda\n\n"
        "<!--\n- 08:00 Hidden (5 min)\n-->\n"
        "1. 09:00 Opening <!-- check --> (15 min)\n"
        "2. 09:15 Close (5 min)\n"
    )
    result = agenda(text)
    s = result.session
    assert s.title == "From front matter"
    assert s.date == date(2026, 12, 1)
    assert [(i.title, i.minutes) for i in s.agenda] == [("Opening", 15), ("Close", 5)]
    assert result.problems == []


def test_title_prefers_level_one_heading() -> None:
    assert agenda("## Sub\n# Main\n## Agenda\n- Opening (5 min)\n").session.title == "Main"


def test_title_falls_back_to_the_name() -> None:
    assert agenda("## Agenda\n- Opening (5 min)\n", name="sync").session.title == "Agenda"
    assert agenda("1. 09:00 Opening (5 min)\n", name="sync").session.title == "sync"


def test_agenda_without_a_section_heading() -> None:
    result = agenda(
        "# Weekly sync\n\n- Date: 2026-12-01\n- Location: Room 4\n\n1. 09:00 Opening (10 min)\n2. 09:10 Updates (20 min)\n"
    )
    s = result.session
    assert (s.date, s.location) == (date(2026, 12, 1), "Room 4")
    assert [i.title for i in s.agenda] == ["Opening", "Updates"]


def test_chinese_enumerated_plain_lines() -> None:
    result = agenda("# 会\n\n## 议程\n\n一、开场致辞（9:00-9:15）\n二、项目汇报（9:15-10:00）王磊\n")
    items = result.session.agenda
    assert [(i.title, i.start, i.minutes) for i in items] == [
        ("开场致辞", time(9, 0), 15),
        ("项目汇报 王磊", time(9, 15), 45),
    ]


@pytest.mark.parametrize(
    ("line", "name", "org", "title", "role"),
    [
        ("Alice Chen, Company A, CTO, decision maker", "Alice Chen", "Company A", "CTO", Role.DECISION_MAKER),
        ("Alice Chen, Company A, CTO, decision-maker", "Alice Chen", "Company A", "CTO", Role.DECISION_MAKER),
        ("Bob Li; Company B; Engineer; executor", "Bob Li", "Company B", "Engineer", Role.EXECUTOR),
        (
            "Eva Novak, Industry Association, Expert advisor",
            "Eva Novak",
            "Industry Association",
            "",
            Role.EXPERT_ADVISOR,
        ),
        ("Carl Ho, Company C, Advisor", "Carl Ho", "Company C", "", Role.EXPERT_ADVISOR),
        ("Dee Ray, Company D, CTO (decision maker)", "Dee Ray", "Company D", "CTO", Role.DECISION_MAKER),
        ("王磊（智算科技，CEO，决策者）", "王磊", "智算科技", "CEO", Role.DECISION_MAKER),
        ("王磊 - 智算科技 CEO", "王磊", "智算科技", "CEO", Role.OTHER),
        ("刘洋，智算科技，CTO，执行层", "刘洋", "智算科技", "CTO", Role.EXECUTOR),
        ("李娜、宏远集团、质量经理、执行者", "李娜", "宏远集团", "质量经理", Role.EXECUTOR),
        ("周宁，独立顾问，主持人，专家顾问", "周宁", "独立顾问", "主持人", Role.EXPERT_ADVISOR),
        ("赵敏，宏远集团，生产总监，决策层", "赵敏", "宏远集团", "生产总监", Role.DECISION_MAKER),
        ("孙强，宏远集团，IT总监，专家", "孙强", "宏远集团", "IT总监", Role.EXPERT_ADVISOR),
        ("Fay Wu, Company F, Head of Sales, observer", "Fay Wu", "Company F", "Head of Sales, observer", Role.OTHER),
        ("Gus Tan", "Gus Tan", "", "", Role.OTHER),
    ],
)
def test_participant_lines(line: str, name: str, org: str, title: str, role: Role) -> None:
    result = agenda(f"# M\n## Participants\n- {line}\n## Agenda\n- Opening (5 min)\n")
    p = result.session.participants[0]
    assert (p.id, p.name, p.organisation, p.title, p.role) == (1, name, org, title, role)
    assert result.problems == []


def test_participant_table_with_role_in_title_column() -> None:
    text = (
        "# M\n## Attendees\n| Name | Organization | Title | Role |\n|---|---|---|---|\n"
        "| Alice Chen | Company A | CTO, decision maker | |\n| Bruno | Company A | Engineer | executor |\n"
        "## Agenda\n- Opening (5 min)\n"
    )
    people = agenda(text).session.participants
    assert [(p.name, p.organisation, p.title, p.role) for p in people] == [
        ("Alice Chen", "Company A", "CTO", Role.DECISION_MAKER),
        ("Bruno", "Company A", "Engineer", Role.EXECUTOR),
    ]


def test_participants_grouped_by_organisation() -> None:
    text = "# M\n## Participants\n### Company A\n- Alice Chen, CTO, decision maker\n- Company B\n  - Bruno, Engineer\n## Agenda\n- Opening (5 min)\n"
    people = agenda(text).session.participants
    assert [(p.name, p.organisation, p.title, p.role) for p in people] == [
        ("Alice Chen", "Company A", "CTO", Role.DECISION_MAKER),
        ("Bruno", "Company B", "Engineer", Role.OTHER),
    ]


@pytest.mark.parametrize(
    ("line", "name", "org", "title", "role"),
    [
        ("Bob Jones - Beta Ltd - CTO", "Bob Jones", "Beta Ltd", "CTO", Role.OTHER),
        ("Bob Jones – Beta Ltd – CTO", "Bob Jones", "Beta Ltd", "CTO", Role.OTHER),
        ("Bob Jones — Beta Ltd — CTO — decision maker", "Bob Jones", "Beta Ltd", "CTO", Role.DECISION_MAKER),
        ("李雷 — 乙公司 — 工程师", "李雷", "乙公司", "工程师", Role.OTHER),
        ("李雷——乙公司——工程师——执行层", "李雷", "乙公司", "工程师", Role.EXECUTOR),
        ("Ann Lee - Coca-Cola - Head of Sales", "Ann Lee", "Coca-Cola", "Head of Sales", Role.OTHER),
        ("Bob Jones - Beta Ltd, CTO", "Bob Jones", "Beta Ltd", "CTO", Role.OTHER),
    ],
)
def test_dash_separated_participant_lines(line: str, name: str, org: str, title: str, role: Role) -> None:
    result = agenda(f"# M\n## Participants\n- {line}\n## Agenda\n- Opening (5 min)\n")
    p = result.session.participants[0]
    assert (p.name, p.organisation, p.title, p.role) == (name, org, title, role)
    assert result.problems == []


@pytest.mark.parametrize(
    ("header", "cell", "role"),
    [
        ("Decision maker", "yes", Role.DECISION_MAKER),
        ("Decision maker", "Yes", Role.DECISION_MAKER),
        ("Decision maker", "✓", Role.DECISION_MAKER),
        ("Decision maker", "✔", Role.DECISION_MAKER),
        ("Decision maker", "x", Role.DECISION_MAKER),
        ("Decision maker?", "Y", Role.DECISION_MAKER),
        ("Decision-maker", "true", Role.DECISION_MAKER),
        ("是否决策者", "是", Role.DECISION_MAKER),
        ("是否决策者", "√", Role.DECISION_MAKER),
        ("Decision maker", "no", Role.OTHER),
        ("Decision maker", "", Role.OTHER),
        ("Decision maker", "×", Role.OTHER),
        ("Decision maker", "-", Role.OTHER),
        ("是否决策者", "否", Role.OTHER),
    ],
)
def test_decision_maker_column(header: str, cell: str, role: Role) -> None:
    text = f"# M\n## Participants\n| Name | Organisation | {header} |\n|---|---|---|\n| Raj Patel | Org Y | {cell} |\n## Agenda\n- Opening (5 min)\n"
    result = agenda(text)
    assert result.session.participants[0].role is role
    assert result.problems == []


def test_unreadable_decision_maker_cell_is_reported() -> None:
    text = "# M\n## Participants\n| Name | Decision maker |\n|---|---|\n| Raj Patel | maybe |\n## Agenda\n- Opening (5 min)\n"
    result = agenda(text)
    assert result.session.participants[0].role is Role.OTHER
    assert [p.line for p in result.problems] == [5]
    assert "maybe" in result.problems[0].message


def test_participant_table_with_decision_maker_column_and_free_text_roles() -> None:
    text = (
        "# M\n## Attendees\n| Name | Organisation | Role | Decision maker |\n| --- | --- | --- | --- |\n"
        "| Jane Doe | Org X | Facilitator | no |\n| Raj Patel | Org Y | CTO | yes |\n| Li Wei | Org Z | Engineer | |\n"
        "| Eva Novak | Org Z | Expert advisor | |\n"
        "## 参会人\n| 姓名 | 单位 | 职务 | 角色 | 是否决策者 |\n|---|---|---|---|---|\n| 王磊 | 甲公司 | 总经理 | 决策层 | 是 |\n"
        "| 李雷 | 乙公司 | | 工程师 | 否 |\n| 张伟 | 丙公司 | 主任 | 负责人 | |\n"
        "## Agenda\n- Opening (5 min)\n"
    )
    result = agenda(text)
    people = [(p.name, p.organisation, p.title, p.role) for p in result.session.participants]
    assert people == [
        ("Jane Doe", "Org X", "Facilitator", Role.OTHER),
        ("Raj Patel", "Org Y", "CTO", Role.DECISION_MAKER),
        ("Li Wei", "Org Z", "Engineer", Role.OTHER),
        ("Eva Novak", "Org Z", "", Role.EXPERT_ADVISOR),
        ("王磊", "甲公司", "总经理", Role.DECISION_MAKER),
        ("李雷", "乙公司", "工程师", Role.OTHER),
        ("张伟", "丙公司", "主任, 负责人", Role.OTHER),
    ]
    assert result.problems == []


@pytest.mark.parametrize(
    ("line", "tier", "text"),
    [
        ("Primary: A", GoalTier.PRIMARY, "A"),
        ("primary goal: A", GoalTier.PRIMARY, "A"),
        ("初级: A", GoalTier.PRIMARY, "A"),
        ("初级目标：A", GoalTier.PRIMARY, "A"),
        ("Intermediate: A", GoalTier.INTERMEDIATE, "A"),
        ("中级：A", GoalTier.INTERMEDIATE, "A"),
        ("Advanced: A", GoalTier.ADVANCED, "A"),
        ("高级目标: A", GoalTier.ADVANCED, "A"),
        ("[Advanced] A", GoalTier.ADVANCED, "A"),
        ("Plain goal", GoalTier.PRIMARY, "Plain goal"),
        ("Advanced analytics pilot", GoalTier.PRIMARY, "Advanced analytics pilot"),
    ],
)
def test_goal_tiers(line: str, tier: GoalTier, text: str) -> None:
    goals = agenda(f"# M\n## Goals\n- {line}\n## Agenda\n- Opening (5 min)\n").session.goals
    assert [(g.id, g.tier, g.text) for g in goals] == [(1, tier, text)]


def test_tier_set_by_an_item_or_heading_above() -> None:
    text = "# M\n## Goals\n- Intermediate\n  - A\n  - B\n### Advanced\n- C\n## Agenda\n- Opening (5 min)\n"
    goals = agenda(text).session.goals
    assert [(g.tier, g.text) for g in goals] == [
        (GoalTier.INTERMEDIATE, "A"),
        (GoalTier.INTERMEDIATE, "B"),
        (GoalTier.ADVANCED, "C"),
    ]


def test_language() -> None:
    assert agenda("# 周会\n## 议程\n- 开场（5分钟）\n").session.lang == "zh"
    assert agenda("# Weekly sync\n## 议程\n- Opening (5 min)\n").session.lang == "en"


# -- problems ------------------------------------------------------------------------------


def test_problems_carry_line_numbers_and_items_are_kept() -> None:
    text = (
        "# M\n"  # 1
        "- Date: 12月1日\n"  # 2
        "## Participants\n"  # 3
        "- , Company A, CTO\n"  # 4
        "## Agenda\n"  # 5
        "1. 09:00 (15 min) — Dana\n"  # 6: no title
        "2. 25:00 Talk (15 min)\n"  # 7: unreadable time
        "3. Discussion\n"  # 8: no time box
        "4. 11:00 Close\n"  # 9: last item, no end
        "   Duration: soon\n"  # 10: unreadable time box
    )
    result = agenda(text)
    items = result.session.agenda
    assert [(i.id, i.title) for i in items] == [(1, "Item 1"), (2, "Talk"), (3, "Discussion"), (4, "Close")]
    assert items[0].owner == "Dana" and items[0].minutes == 15
    assert items[1].start is None and items[1].minutes == 15
    lines = [p.line for p in result.problems]
    assert lines == sorted(lines)
    assert {2, 4, 6, 7, 8, 9, 10} <= set(lines)
    by_line = {p.line: p.message for p in result.problems}
    assert "12月1日" in by_line[2]
    assert "no title" in by_line[6]
    assert "25:00" in by_line[7]
    assert "No time box" in by_line[8]
    assert "soon" in by_line[10]
    assert all(isinstance(p, ImportProblem) and p.message.endswith(".") for p in result.problems)


def test_unsplittable_participant_is_kept_and_reported() -> None:
    line = "Someone from the regional office who will join for the afternoon only"
    result = agenda(f"# M\n## Participants\n- {line}\n## Agenda\n- Opening (5 min)\n")
    assert result.session.participants[0].name == line
    assert [p.line for p in result.problems] == [3]


def test_table_rows_with_bad_cells_are_kept() -> None:
    text = "# M\n## Agenda\n| Time | Item | Duration |\n|---|---|---|\n| about nine | Opening | 15 |\n| 09:15 | | 10 |\n| 09:25 | Close | a while |\n"
    result = agenda(text)
    items = result.session.agenda
    assert [(i.title, i.minutes) for i in items] == [("Opening", 15), ("Item 2", 10), ("Close", None)]
    assert [p.line for p in result.problems] == [5, 6, 7, 7]


def test_prose_in_the_agenda_section_is_reported_as_a_note() -> None:
    result = agenda("# M\n## Agenda\nAll times are local.\n\n- 09:00 Opening (5 min)\n")
    assert [p.line for p in result.problems] == [3]
    assert len(result.session.agenda) == 1


def test_empty_entries_are_reported() -> None:
    result = agenda("# M\n## Agenda\n- 09:00 Opening (5 min)\n-\n- 09:05 Close (5 min)\n")
    assert len(result.session.agenda) == 2
    assert [p.line for p in result.problems] == [4]


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "# Just a title\n\nSome prose.\n", "## Participants\n- Alice, Company A\n", "- Date: 2026-12-01\n"],
)
def test_not_an_agenda(text: str) -> None:
    with pytest.raises(AgendaError, match="Agenda"):
        import_agenda(text)


def test_wrong_input_types_raise_agenda_error() -> None:
    with pytest.raises(AgendaError):
        import_agenda(None)  # type: ignore[arg-type]
    assert import_agenda(b"## Agenda\n- Opening (5 min)\n").session.agenda[0].title == "Opening"  # type: ignore[arg-type]


# -- robustness ----------------------------------------------------------------------------

_MARKDOWNISH = st.text(
    alphabet=st.sampled_from(list("#-*|:：()（）[]【】<>!`~ \n\t0123456789.,，、;hm分钟小时半议程Agenda会时间Owner—–")),
    max_size=300,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(max_size=400), _MARKDOWNISH))
def test_never_raises_anything_but_agenda_error(text: str) -> None:
    for reader in (lambda t: _import(t, "x"), import_agenda):
        try:
            result = reader(text)
        except AgendaError:
            continue
        assert result.session.agenda
        assert all(p.line >= 1 for p in result.problems)


_TITLE = st.builds(
    lambda head, tail: head + tail,
    st.sampled_from(list("abcXYZ议程开场讨论")),
    st.text(alphabet=st.sampled_from(list("abcdefghij XYZ议程开场讨论-,&")), max_size=30),
)


@settings(max_examples=150, deadline=None)
@given(
    titles=st.lists(_TITLE, min_size=1, max_size=12),
    boxes=st.lists(st.one_of(st.none(), st.integers(1, 180)), min_size=12, max_size=12),
    ordered=st.booleans(),
    heading=st.sampled_from(["Agenda", "议程", "Schedule"]),
)
def test_generated_agendas_keep_every_item(
    titles: list[str], boxes: list[int | None], ordered: bool, heading: str
) -> None:
    lines = []
    for n, (title, box) in enumerate(zip(titles, boxes, strict=False), start=1):
        marker = f"{n}." if ordered else "-"
        suffix = f" ({box} min)" if box else ""
        lines.append(f"{marker} {title}{suffix}")
    result = import_agenda(f"# Generated\n\n## {heading}\n\n" + "\n".join(lines) + "\n")
    assert len(result.session.agenda) == len(titles)
    assert [i.id for i in result.session.agenda] == list(range(1, len(titles) + 1))
    for item, box in zip(result.session.agenda, boxes, strict=False):
        assert item.minutes == box


def test_importing_does_not_load_the_terminal_or_storage_libraries() -> None:
    code = (
        "import sys, coopconsole.agenda as a\n"
        "a.import_agenda('## Agenda\\n- Opening (5 min)\\n')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("title", ["ah", "Ah", "an", "oh", "Aha moments"])
def test_short_words_are_titles_not_time_boxes(title):
    # "ah" once read as "a h(our)": a word must stand apart to be a quantity.
    result = import_agenda(f"# T\n\n## Agenda\n\n- {title}\n")
    assert [i.title for i in result.session.agenda] == [title]

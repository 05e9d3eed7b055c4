"""How one agenda line is read: box-first items, time notations, owner notations,
Chinese official agendas and meeting header lines, each on a small agenda of its own."""

from __future__ import annotations

from datetime import date, time

import pytest

from coopconsole.agenda import import_agenda
from coopconsole.domain.model import AgendaItem, Session


def plan(body: str, head: str = "") -> Session:
    return import_agenda(f"# M\n\n{head}\n\n## Agenda\n\n{body}").session


def items(body: str, head: str = "") -> list[AgendaItem]:
    return plan(body, head).agenda


def read(line: str) -> AgendaItem:
    found = items(f"* {line}\n")
    assert len(found) == 1, found
    return found[0]


# -- 3. box-first items ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "minutes"),
    [
        ("20 min - Cache partitioning", "Cache partitioning", 20),
        ("5 min - Welcome", "Welcome", 5),  # a capitalised word is the title here, not an owner
        ("15m – Wrap-up", "Wrap-up", 15),
        ("812 - Retry storm", "812 - Retry storm", None),  # an issue number is not a box
    ],
)
def test_box_first_items_keep_their_title(line: str, title: str, minutes: int | None) -> None:
    item = read(line)
    assert (item.title, item.minutes, item.owner) == (title, minutes, "")


def test_box_first_item_with_an_owner_after_its_title() -> None:
    item = read("10 min - Budget - Dana Okafor")
    assert (item.title, item.minutes, item.owner) == ("Budget", 10, "Dana Okafor")


# -- 9. time notations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "minutes"),
    [
        ("Cache partitioning (¼ hr)", "Cache partitioning", 15),
        ("Review (¾ hour)", "Review", 45),
        ("Roadmap (½–1 hr)", "Roadmap", 30),  # a range: its lower end
        ("Open issues (1+ hour?)", "Open issues", 60),
        ("Demo 10'", "Demo", 10),
        ("Approval of the agenda (0-2 min )", "Approval of the agenda", 2),  # from nought: the upper end
        ("Updates 5 min total", "Updates", 5),
        ("Updates (5 min total)", "Updates", 5),
        ("Incubation call chartering (15m on the last day)", "Incubation call chartering (on the last day)", 15),
        ("Progress(3 mins per person if required)", "Progress (per person if required)", 3),
    ],
)
def test_time_box_notations(line: str, title: str, minutes: int) -> None:
    item = read(line)
    assert (item.title, item.minutes) == (title, minutes)


def test_duration_column_in_hours_and_minutes() -> None:
    found = items("| Item | Duration |\n| --- | --- |\n| Opening | 0:20 |\n| Budget | 1:05 |\n")
    assert [(i.title, i.minutes) for i in found] == [("Opening", 20), ("Budget", 65)]


def test_group_box_written_as_a_total() -> None:
    found = items("* Talking points 5 min total\n  * Figures (3 min)\n  * Risks (2 min)\n* Close (1 min)\n")
    assert [(i.title, i.minutes) for i in found] == [("Figures", 3), ("Risks", 2), ("Close", 1)]


def test_twelve_hour_clock_without_am_pm_runs_into_the_afternoon() -> None:
    found = items("* 11:00-12:00 Talks\n* 12:00-1:00 Lunch\n* 2:00-3:50 Workshops\n* 4:00 Close (10 min)\n")
    assert [(i.start, i.minutes) for i in found] == [
        (time(11), 60),
        (time(12), 60),
        (time(14), 110),
        (time(16), 10),
    ]


def test_a_morning_time_written_with_am_is_not_moved() -> None:
    found = items("* 6:00 pm Dinner (60 min)\n* 7:00 am Breakfast (30 min)\n")
    assert [i.start for i in found] == [time(18), time(7)]


@pytest.mark.parametrize(
    ("line", "title", "start", "minutes"),
    [
        ("9:00 – 9:30 AM Opening", "Opening", time(9), 30),
        ("1:30 - 2:30 pm Panel", "Panel", time(13, 30), 60),
        ("14:00 UTC (10:00 EDT) Opening (15 min)", "Opening", time(14), 15),
        ("16:00 GMT+8 Opening (15 min)", "Opening", time(16), 15),
        ("9:00 AT&T update (15 min)", "AT&T update", time(9), 15),  # a word, not a time zone
    ],
)
def test_clock_notations(line: str, title: str, start: time, minutes: int) -> None:
    item = read(line)
    assert (item.title, item.start, item.minutes) == (title, start, minutes)


def test_elapsed_times_count_from_the_meeting_start() -> None:
    session = plan("* 0:00 Welcome\n* 0:15 Demo\n* 0:45 Q&A\n* 1:00 Close (5 min)\n", head="Time: 10:00")
    assert session.start == time(10)
    assert [(i.title, i.start, i.minutes) for i in session.agenda] == [
        ("Welcome", time(10), 15),
        ("Demo", time(10, 15), 30),
        ("Q&A", time(10, 45), 15),
        ("Close", time(11), 5),
    ]


def test_elapsed_times_written_t_plus() -> None:
    found = items("* T+0 Welcome\n* T+15 Demo\n* T+45 Q&A (10 min)\n")
    assert [(i.title, i.start, i.minutes) for i in found] == [
        ("Welcome", None, 15),
        ("Demo", None, 30),
        ("Q&A", None, 10),
    ]


# -- 10. owner notations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "owner"),
    [
        ("Budget (Finance)", "Budget", "Finance"),
        ("Welcome (Ann)", "Welcome", "Ann"),
        ("Document Write-up update (Med)", "Document Write-up update", "Med"),
        ("Budget (Fred)", "Budget", "Fred"),
        ("Triage - jdoe", "Triage", "jdoe"),
        ("Triage - kchen2", "Triage", "kchen2"),
        ("Update (Department of Justice)", "Update", "Department of Justice"),
        ("Intro @[dbaron](https://github.com/dbaron)", "Intro", "@dbaron"),
        ("JS Self-Profiling API - @dbaron, @kenchris", "JS Self-Profiling API", "@dbaron, @kenchris"),
        ("开幕致辞 主讲：张三", "开幕致辞", "张三"),
        ("财务报告 汇报单位：财务部", "财务报告", "财务部"),
        ("财务报告（财务部）", "财务报告", "财务部"),
        ("总结——全体", "总结", "全体"),
        ("Opening, welcome and roll call (Chair)", "Opening, welcome and roll call", "Chair"),
        ("Report (Chamber of Commerce and Industry)", "Report", "Chamber of Commerce and Industry"),
    ],
)
def test_owner_notations(line: str, title: str, owner: str) -> None:
    item = read(line)
    assert (item.title, item.owner) == (title, owner)


@pytest.mark.parametrize(
    "line",
    [
        "Welcome (Optional)",
        "Review (Continued)",
        "Triage - discussion",
        "Updates (Room B)",
        "Planning (Q&A)",
        "Status (Working Group Update)",
        "Demo (Afternoon)",
        "Standup - async",
        "Review - ongoing",
        "事项（内部）",
        "事项（待办）",
        "Review (notes on Monday)",
        "Review (read for Monday)",
        "Wrap-up (Friday)",
        "Keynote (English)",
        "Social (Offsite)",
        "Motion (Tabled)",
        "Minutes (Noted)",
    ],
)
def test_remarks_stay_in_the_title(line: str) -> None:
    item = read(line)
    assert (item.title, item.owner) == (line, "")


def test_in_a_triage_list_an_at_name_opened_the_issue() -> None:
    found = items("* #812 Retry storm @jdoe\n* Flaky tests (#815) - @ann\n")
    assert [(i.title, i.owner) for i in found] == [
        ("#812 Retry storm @jdoe", ""),
        ("Flaky tests (#815) - @ann", ""),
    ]


def test_organisations_roles_and_everyone_are_not_made_participants() -> None:
    session = plan(
        "* Report (Chamber of Commerce and Industry)\n* Opening (Chair)\n* 总结（全体）\n* Sync - @dbaron\n"
        "* Budget (Dana Okafor)\n"
    )
    assert [p.name for p in session.participants] == ["Dana Okafor"]
    assert session.agenda[0].owner == "Chamber of Commerce and Industry"


# -- 11. Chinese official and corporate agendas ------------------------------------------

ZH_NOTICE = """# 关于召开第十一次常委会议的通知

## 一、会议时间

12月29日上午8:45报到，9:00正式开会。地点：市政协11楼会议室。

## 二、参会人员

市政协常委。

## 三、会议议程

（一）上午9:00—9:30 听取工作报告 汇报单位：市政府办公室
（二）审议提案工作情况报告 约10分钟
（三）下午2:00 分组讨论（全体）
"""


def test_chinese_official_notice() -> None:
    session = import_agenda(ZH_NOTICE).session
    assert session.start == time(9)
    assert [(i.title, i.start, i.minutes, i.owner) for i in session.agenda] == [
        ("听取工作报告", time(9), 30, "市政府办公室"),
        ("审议提案工作情况报告", None, 10, ""),
        ("分组讨论", time(14), None, "全体"),
    ]


ZH_PLAIN_NOTICE = """关于召开常务委员会第十一次会议的通知
发布时间:
2009年12月21日
市政协常委:
经研究,定于2009年12月29日(星期二)上午召开常务委员会第十一次会议,时间半天。现将有关事项通知如下:
一、会议议程
1、听取工作情况通报。
2、审议工作报告(草案);
3、其他事项。
二、参加会议人员
市政协常委。
三、会议时间、地点
12月29日上午8:45报到(请带委员证报到),9:00正式开会。地点:市政协11楼会议室。
"""


def test_chinese_notice_without_headings() -> None:
    session = import_agenda(ZH_PLAIN_NOTICE).session
    assert [i.title for i in session.agenda] == ["听取工作情况通报", "审议工作报告(草案)", "其他事项"]
    # the convening date, not the date of publication above it
    assert (session.date, session.start, session.location) == (date(2009, 12, 29), time(9), "市政协11楼会议室")


# -- meeting header lines ----------------------------------------------------------------


def test_agenda_line_with_date_and_start_is_not_an_item() -> None:
    result = import_agenda("Agenda - September 11, 2017 - 3:05pm\n\n1. Minutes\n\n2. Announcements\n")
    s = result.session
    assert (s.date, s.start) == (date(2017, 9, 11), time(15, 5))
    assert [i.title for i in s.agenda] == ["Minutes", "Announcements"]


def test_start_and_place_line() -> None:
    text = (
        "Faculty Senate\n\nMeeting of October 12, 2006\n\n3:30 p.m. – 325 Graff Main Hall\n\n1. Roll Call\n2. Reports\n"
    )
    s = import_agenda(text).session
    assert (s.date, s.start, s.location) == (date(2006, 10, 12), time(15, 30), "325 Graff Main Hall")
    assert [i.title for i in s.agenda] == ["Roll Call", "Reports"]


def test_weekday_date_and_time_in_capitals() -> None:
    s = import_agenda("MONDAY, SEPTEMBER 10, 2007, 3:15 P.M.\n\n1. Call to Order\n2. Report\n").session
    assert (s.date, s.start, len(s.agenda)) == (date(2007, 9, 10), time(15, 15), 2)


@pytest.mark.parametrize(
    "line",
    ["Schedule: every Monday 10:30-11:00am PST/PDT (link in the calendar event)", "Start Time : 10:30"],
)
def test_start_keys(line: str) -> None:
    assert plan("1. Opening (5 min)\n", head=f"- {line}").start == time(10, 30)


def test_a_topic_with_a_date_is_still_an_item() -> None:
    found = items("1. Budget review September 11, 2017\n2. 3:30 p.m. – Tour of the Main Hall\n")
    assert [i.title for i in found] == ["Budget review September 11, 2017", "Tour of the Main Hall"]


# -- problem messages in both languages --------------------------------------------------

WITH_PROBLEMS = "# M\n\n- Date: someday\n\n## Agenda\n\n1. 25:00 Talk (15 min)\n2. Discussion\n\nsome prose\n"


def test_problems_are_said_in_english_and_in_chinese() -> None:
    problems = import_agenda(WITH_PROBLEMS).problems
    assert [p.key for p in problems] == ["bad_when", "bad_time_in_line", "no_box", "note"]
    assert problems[2].message == problems[2].text("en")
    assert problems[2].message == (
        "No time box for “Discussion” (no time box, time range or next start time was given); "
        "it was kept without a planned length."
    )
    assert problems[2].text("zh") == "“Discussion”没有时长(没写时长、时间段,也没有下一项的开始时间),保留为不定时长。"
    assert problems[1].text("zh") == "“25:00 Talk (15 min)”中的时间“25:00”无法识别;该议题保留,但没有开始时间。"


def test_no_agenda_is_said_in_both_languages() -> None:
    from coopconsole.agenda import AgendaError

    with pytest.raises(AgendaError) as info:
        import_agenda("just some words\n")
    assert str(info.value).startswith("No agenda items were found.")
    assert info.value.text("zh").startswith("没有找到任何议题。")


def test_dry_run_says_the_problems_in_the_chosen_language(tmp_path) -> None:
    from click.testing import CliRunner

    from coopconsole.cli.commands import main

    path = tmp_path / "agenda.md"
    path.write_text(WITH_PROBLEMS, "utf-8")
    chinese = CliRunner().invoke(main, ["new", str(path), "--dry-run", "--lang", "zh"]).stdout
    assert "第 10 行:议程部分中的“some prose”被当作备注,没有作为议题导入。" in chinese
    english = CliRunner().invoke(main, ["new", str(path), "--dry-run", "--lang", "en"]).stdout
    assert "line 10: The line “some prose” in the agenda section was read as a note" in english
    empty = tmp_path / "empty.md"
    empty.write_text("just some words\n", "utf-8")
    refused = CliRunner().invoke(main, ["--lang", "zh", "new", str(empty), "--dry-run"])
    assert refused.exit_code == 2 and "没有找到任何议题" in refused.stderr


def test_creating_a_session_says_the_problems_in_the_agenda_s_language(tmp_path) -> None:
    from click.testing import CliRunner

    from coopconsole.cli.commands import main

    path = tmp_path / "议程.md"
    path.write_text("# 周会\n\n## 议程\n\n1. 开场（5分钟）\n2. 讨论\n", "utf-8")
    result = CliRunner().invoke(main, ["new", str(path), "--no-open"])
    assert result.exit_code == 0, result.stderr
    assert "“讨论”没有时长" in result.stderr


def test_a_box_and_owner_on_the_entry_s_wrapped_line() -> None:
    found = items(
        "1. Introduce Strict and Legacy validation rules\n   (15m, Benjie)\n   - [Spec PR](https://x.test/1)\n"
    )
    assert [(i.title, i.minutes, i.owner, i.sub_points) for i in found] == [
        ("Introduce Strict and Legacy validation rules", 15, "Benjie", ("Spec PR",))
    ]


def test_dates_and_times_with_a_time_zone() -> None:
    text = (
        "# TC\n\n- **Dates and times**:\n  - 10:00 to 15:00 MST (America/Denver) on 2 December 2024\n"
        "  - 10:00 to 15:00 MST (America/Denver) on 3 December 2024\n\n## Agenda\n\n1. Opening\n"
    )
    s = import_agenda(text).session
    assert (s.date, s.start) == (date(2024, 12, 2), time(10))


def test_an_ellipsis_entry_is_reported_not_an_item() -> None:
    result = import_agenda("# M\n\n## Agenda\n\n* Review (5 min) - @dbaron\n* ...\n* Close (5 min)\n")
    assert [(i.title, i.owner) for i in result.session.agenda] == [("Review", "@dbaron"), ("Close", "")]
    assert [(p.line, p.key) for p in result.problems] == [(6, "placeholder")]


def test_a_date_line_after_the_agenda_is_another_meeting_s() -> None:
    s = import_agenda(
        "# Sync\n\n## Agenda\n\n1. Opening (5 min)\n\n## Next meeting\n\nTuesday 15 December 2026, 10:00\n"
    ).session
    assert (s.date, s.start, len(s.agenda)) == (None, None, 1)
    early = import_agenda("# Sync\n\nTuesday 15 December 2026, 10:00\n\n## Agenda\n\n1. Opening (5 min)\n").session
    assert (early.date, early.start) == (date(2026, 12, 15), time(10))


def test_every_refusal_is_said_in_both_languages() -> None:
    from coopconsole.agenda import AgendaError

    with pytest.raises(AgendaError) as info:
        import_agenda(42)  # type: ignore[arg-type]
    assert (str(info.value), info.value.text("zh")) == (
        "Expected the agenda as text (a Markdown document).",
        "议程应为文本(Markdown 文档)。",
    )

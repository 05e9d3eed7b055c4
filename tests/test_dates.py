from datetime import date

import pytest

from coopconsole.domain.dates import DateError, DeadlineMatch, find_deadline, parse_date

TODAY = date(2026, 12, 1)  # a Tuesday


def test_today_is_a_tuesday():
    assert TODAY.weekday() == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO and month-day
        ("2026-12-08", date(2026, 12, 8)),
        ("2026/12/08", date(2026, 12, 8)),
        ("2026.12.8", date(2026, 12, 8)),
        ("2025-01-02", date(2025, 1, 2)),  # explicit year kept even when past
        ("12-08", date(2026, 12, 8)),
        ("12/08", date(2026, 12, 8)),
        ("12-01", date(2026, 12, 1)),  # today is not before today
        ("11-30", date(2027, 11, 30)),  # already past this year
        # month names
        ("Dec 8", date(2026, 12, 8)),
        ("dec 8", date(2026, 12, 8)),
        ("Dec. 8", date(2026, 12, 8)),
        ("8 Dec", date(2026, 12, 8)),
        ("December 8", date(2026, 12, 8)),
        ("Dec 8th", date(2026, 12, 8)),
        ("8th of December", date(2026, 12, 8)),
        ("Dec 8 2026", date(2026, 12, 8)),
        ("Dec 8, 2027", date(2027, 12, 8)),
        ("8 December 2027", date(2027, 12, 8)),
        ("Jan 5", date(2027, 1, 5)),
        ("Feb 29", date(2028, 2, 29)),  # next year in which it exists
        # Chinese absolute dates
        ("2026年12月8日", date(2026, 12, 8)),
        ("2023年10月15日", date(2023, 10, 15)),
        ("12月8日", date(2026, 12, 8)),
        ("12月8号", date(2026, 12, 8)),
        ("10月15日", date(2027, 10, 15)),
        ("１２月８日", date(2026, 12, 8)),  # full-width digits
        # weekdays: the next such day, today excluded
        ("Friday", date(2026, 12, 4)),
        ("fri", date(2026, 12, 4)),
        ("FRIDAY", date(2026, 12, 4)),
        ("coming Friday", date(2026, 12, 4)),
        ("Tuesday", date(2026, 12, 8)),
        ("Monday", date(2026, 12, 7)),
        ("周五", date(2026, 12, 4)),
        ("星期五", date(2026, 12, 4)),
        ("礼拜五", date(2026, 12, 4)),
        ("周二", date(2026, 12, 8)),
        ("周日", date(2026, 12, 6)),
        ("星期天", date(2026, 12, 6)),
        # next / this calendar week (weeks start Monday)
        ("next Friday", date(2026, 12, 11)),
        ("next Monday", date(2026, 12, 7)),
        ("下周五", date(2026, 12, 11)),
        ("下个星期五", date(2026, 12, 11)),
        ("下周一", date(2026, 12, 7)),
        ("下下周五", date(2026, 12, 18)),
        ("this Friday", date(2026, 12, 4)),
        ("本周五", date(2026, 12, 4)),
        ("这周五", date(2026, 12, 4)),
        ("本周一", date(2026, 11, 30)),  # this week's Monday, already past
        ("next week", date(2026, 12, 11)),
        ("下周", date(2026, 12, 11)),
        ("this week", date(2026, 12, 4)),
        ("本周", date(2026, 12, 4)),
        ("end of week", date(2026, 12, 4)),
        ("end of next week", date(2026, 12, 11)),
        # today / tomorrow
        ("today", date(2026, 12, 1)),
        ("tomorrow", date(2026, 12, 2)),
        ("今天", date(2026, 12, 1)),
        ("明天", date(2026, 12, 2)),
        ("后天", date(2026, 12, 3)),
        ("大后天", date(2026, 12, 4)),
        ("day after tomorrow", date(2026, 12, 3)),
        # relative
        ("+3d", date(2026, 12, 4)),
        ("+2w", date(2026, 12, 15)),
        ("3d", date(2026, 12, 4)),
        ("2w", date(2026, 12, 15)),
        ("in 2 weeks", date(2026, 12, 15)),
        ("in 3 days", date(2026, 12, 4)),
        ("in a week", date(2026, 12, 8)),
        ("in two weeks", date(2026, 12, 15)),
        ("in 1 month", date(2027, 1, 1)),
        ("in 3 business days", date(2026, 12, 4)),
        ("within 5 working days", date(2026, 12, 8)),
        ("within 2 weeks", date(2026, 12, 15)),
        ("两周内", date(2026, 12, 15)),
        ("一周内", date(2026, 12, 8)),
        ("3天内", date(2026, 12, 4)),
        ("三天内", date(2026, 12, 4)),
        ("十天内", date(2026, 12, 11)),
        ("十五天内", date(2026, 12, 16)),
        ("二十天内", date(2026, 12, 21)),
        ("两个星期内", date(2026, 12, 15)),
        ("一个月内", date(2027, 1, 1)),
        ("3个月之内", date(2027, 3, 1)),
        ("3个工作日内", date(2026, 12, 4)),
        # month / year ends
        ("月底", date(2026, 12, 31)),
        ("本月底", date(2026, 12, 31)),
        ("end of month", date(2026, 12, 31)),
        ("the end of the month", date(2026, 12, 31)),
        ("下月底", date(2027, 1, 31)),
        ("end of next month", date(2027, 1, 31)),
        ("12月底", date(2026, 12, 31)),
        ("1月底", date(2027, 1, 31)),
        ("年底", date(2026, 12, 31)),
        ("end of year", date(2026, 12, 31)),
        ("  Friday  ", date(2026, 12, 4)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, TODAY) == expected


def test_month_end_clamps_when_adding_months():
    assert parse_date("in 1 month", date(2027, 1, 31)) == date(2027, 2, 28)


def test_month_end_today():
    assert parse_date("月底", date(2026, 12, 31)) == date(2026, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "2026-13-45",
        "2026-02-30",
        "Feb 30",
        "13月45日",
        "2026年2月30日",
        "32/01",
        "12/08/2026",
        "banana",
        "",
        "   ",
        "next",
        "by Friday",
        "3月内",
        "Friday前",
    ],
)
def test_parse_date_rejects(text):
    with pytest.raises(DateError) as info:
        parse_date(text, TODAY)
    assert "Accepted forms" in info.value.message
    assert "2026-12-08" in info.value.message


def test_invalid_date_message_says_why():
    with pytest.raises(DateError) as info:
        parse_date("2026-13-45", TODAY)
    assert "no month 13" in info.value.message
    with pytest.raises(DateError) as info:
        parse_date("Feb 30", TODAY)
    assert "February has no day 30" in info.value.message


def test_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


@pytest.mark.parametrize(
    ("text", "expected", "phrase"),
    [
        ("send deck by Friday", date(2026, 12, 4), "by Friday"),
        ("send deck BY dec 8 please", date(2026, 12, 8), "BY dec 8"),
        ("send deck due Friday", date(2026, 12, 4), "due Friday"),
        ("send deck, due: Friday", date(2026, 12, 4), "due: Friday"),
        ("send deck due by Dec 8", date(2026, 12, 8), "due by Dec 8"),
        ("send deck due on 12/08", date(2026, 12, 8), "due on 12/08"),
        ("send deck before Dec 8", date(2026, 12, 8), "before Dec 8"),
        ("send deck no later than Friday", date(2026, 12, 4), "no later than Friday"),
        ("deadline: Friday send deck", date(2026, 12, 4), "deadline: Friday"),
        ("提交报告 截止 12月8日", date(2026, 12, 8), "截止 12月8日"),
        ("提交报告 截止日期 12月8日", date(2026, 12, 8), "截止日期 12月8日"),
        ("提交报告 截止:12月8日", date(2026, 12, 8), "截止:12月8日"),
        ("提交报告,截止：12月8日", date(2026, 12, 8), "截止：12月8日"),
        ("提交报告,截止时间为下周五", date(2026, 12, 11), "截止时间为下周五"),
        ("12月8日前提交报告", date(2026, 12, 8), "12月8日前"),
        ("提交报告12月8日前", date(2026, 12, 8), "12月8日前"),
        ("张三在2023年10月15日前完成初稿", date(2023, 10, 15), "在2023年10月15日前"),
        ("周五之前提交报告", date(2026, 12, 4), "周五之前"),
        ("月底前提交报告", date(2026, 12, 31), "月底前"),
        ("本周内提交报告", date(2026, 12, 4), "本周内"),
        ("两周内提交报告", date(2026, 12, 15), "两周内"),
        ("send the deck within 2 weeks", date(2026, 12, 15), "within 2 weeks"),
        ("send the deck in 3 days", date(2026, 12, 4), "in 3 days"),
        ("send deck by the end of the month", date(2026, 12, 31), "by the end of the month"),
        ("send deck by Friday and the slides by Monday", date(2026, 12, 4), "by Friday"),
        ("send deck by +3d", date(2026, 12, 4), "by +3d"),
    ],
)
def test_find_deadline(text, expected, phrase):
    match = find_deadline(text, TODAY)
    assert match is not None
    assert match.deadline == expected
    assert text[match.start : match.end] == phrase


def test_find_deadline_returns_a_span():
    assert find_deadline("send deck by Friday", TODAY) == DeadlineMatch(date(2026, 12, 4), 10, 19)


@pytest.mark.parametrize(
    "text",
    [
        "send the deck by email",
        "reviewed by Bob",
        "standby Friday",
        "before the meeting",
        "cut costs by 20%",
        "send the deck Friday",  # a date without a keyword is not a deadline
        "10月15日讨论",
        "会前提交",
        "三天前提交",  # "three days ago", not a deadline
        "delayed due to the budget",
        "do due diligence on the vendor",
        "截止目前已完成三项",
        "",
    ],
)
def test_find_deadline_ignores(text):
    assert find_deadline(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "send deck by 2026-13-45",
        "send deck by Feb 30",
        "send deck by 12/08/2026",
        "send deck before 13月45日",
        "send deck due someday",
        "send deck due",
        "提交报告 截止 下班",
        "13月45日前提交",
        "by Friday, and due later",  # a malformed phrase anywhere is an error
    ],
)
def test_find_deadline_rejects_malformed_phrases(text):
    with pytest.raises(DateError) as info:
        find_deadline(text, TODAY)
    assert "Accepted forms" in info.value.message


def test_huge_counts_are_errors_not_crashes():
    with pytest.raises(DateError):
        parse_date("+999w", date(9999, 12, 1))


@pytest.mark.parametrize(
    ("text", "expected", "phrase"),
    [
        ("send deck +3d", date(2026, 12, 4), "+3d"),
        ("send deck 2w", date(2026, 12, 15), "2w"),
        ("send deck in 2w", date(2026, 12, 15), "in 2w"),
        ("send deck next Friday.", date(2026, 12, 11), "next Friday"),
        ("提交报告下周五", date(2026, 12, 11), "下周五"),
        ("提交报告 下下周五", date(2026, 12, 18), "下下周五"),
        ("(send deck +2w)", date(2026, 12, 15), "+2w"),
    ],
)
def test_find_deadline_takes_a_trailing_relative_form(text, expected, phrase):
    match = find_deadline(text, TODAY)
    assert match is not None and match.deadline == expected
    assert text[match.start : match.end] == phrase


def test_cut_text_after_a_trailing_form_is_the_end_of_the_line():
    text = "send deck +3d @alice"
    assert find_deadline(text, TODAY) is None
    match = find_deadline(text, TODAY, cut=[(14, 20)])
    assert match == DeadlineMatch(date(2026, 12, 4), 10, 13)


@pytest.mark.parametrize(
    "text",
    [
        "send 2 drafts",
        "send drafts 2",
        "send deck Friday",
        "提交报告周五",
        "print it 3d",
        "print it in 3D",
        "buy lamps 2W",
        "send deck +3d to Bruno",
        "move it to next Friday",
        "book it for next Friday",
        "会议改到下周五",
        "会议安排在下周五",
        "send deck tomorrow",
        "send deck next week",
        "send deck Dec 8",
    ],
)
def test_find_deadline_leaves_other_trailing_words(text):
    assert find_deadline(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "+99999999d",
        "+999w",
        "in 999999 weeks",
        "within 5000 days",
        "99999天内",
        "in 200 months",
        "3654d",
        "2037-01-01",
        "+" + "9" * 5000 + "d",
    ],
)
def test_too_far_away_is_an_error(text):
    with pytest.raises(DateError) as info:
        parse_date(text, TODAY)
    assert "too far away" in info.value.message and "2036-12-01" in info.value.message


@pytest.mark.parametrize(
    "text",
    ["send deck by +99999999d", "send deck in 999999 weeks", "提交报告99999天内", "send deck due 2099-12-08"],
)
def test_find_deadline_refuses_too_far_away(text):
    with pytest.raises(DateError) as info:
        find_deadline(text, TODAY)
    assert "too far away" in info.value.message


def test_ten_years_is_the_limit():
    assert parse_date("3653d", TODAY) == date(2036, 12, 1)
    assert parse_date("2036-12-01", TODAY) == date(2036, 12, 1)
    assert parse_date("in 120 months", TODAY) == date(2036, 12, 1)
    assert parse_date("2020-01-01", TODAY) == date(2020, 1, 1)  # the past is not limited
    assert parse_date("+3d", date(2028, 2, 29)) == date(2028, 3, 3)


@pytest.mark.parametrize(
    ("text", "today"), [("+999w", date(9999, 12, 1)), ("Dec 8", date(9999, 12, 30)), ("in 2 months", date(9999, 12, 1))]
)
def test_past_the_last_year_is_too_far_away(text, today):
    with pytest.raises(DateError) as info:
        parse_date(text, today)
    assert "too far away" in info.value.message


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("send deck by", "by"),
        ("send deck by .", "by"),
        ("send deck due", "due"),
        ("send deck no later than", "no later than"),
        ("提交报告 截止", "截止"),
        ("提交报告截止时间:", "截止时间"),
    ],
)
def test_find_deadline_keyword_without_a_date(text, word):
    with pytest.raises(DateError) as info:
        find_deadline(text, TODAY)
    assert f"A date is missing after '{word}'" in info.value.message


@pytest.mark.parametrize(
    "text",
    [
        "ask Bruno to stop by",
        "drop by",
        "the team stands by",
        "put it on stand-by",
        "send the agenda the day before",
        "miss the deadline",
        "agree on the ddl",
    ],
)
def test_find_deadline_words_at_the_end(text):
    assert find_deadline(text, TODAY) is None


def test_cut_text_after_by_is_not_a_missing_date():
    assert find_deadline("signed by @bruno", TODAY, cut=[(10, 16)]) is None

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopconsole.domain.capture import Capture, CaptureError, parse_capture
from coopconsole.domain.model import Participant

NOW = datetime(2026, 12, 1, 11, 30, tzinfo=UTC)  # Tuesday
PEOPLE = [
    Participant(1, "Alice Chen", "Company A"),
    Participant(2, "Bruno Silva", "Company A"),
    Participant(3, "Chloe Martin", "Company B"),
    Participant(4, "张三", "A公司"),
    Participant(5, "张三丰", "B公司"),
    Participant(6, "李娜", "宏远集团"),
    Participant(7, "Alan Wu", "Company B"),
]


def cap(text: str) -> Capture:
    return parse_capture(text, PEOPLE, NOW)


def error_code(text: str) -> str:
    with pytest.raises(CaptureError) as info:
        cap(text)
    assert info.value.message
    return info.value.code


def test_product_example_english():
    c = parse_capture(
        "@alice send the draft MOU to Company B by Dec 8", [Participant(1, "Alice Chen")], datetime(2026, 12, 1, 9, 0)
    )
    assert c == Capture(
        text="@alice send the draft MOU to Company B by Dec 8",
        deliverable="send the draft MOU to Company B",
        owner="Alice Chen",
        owner_id=1,
        owner_known=True,
        deadline=date(2026, 12, 8),
        deadline_text="by Dec 8",
    )


def test_product_example_chinese():
    text = "张三负责在2023年10月15日前完成'智慧园区'项目技术架构图初稿,并发送至会议群组"
    c = parse_capture(text, PEOPLE, datetime(2023, 9, 20, 10, 0))
    assert (c.owner, c.owner_id, c.owner_known) == ("张三", 4, True)
    assert c.deadline == date(2023, 10, 15)
    assert c.deadline_text == "在2023年10月15日前"
    assert c.deliverable == "完成'智慧园区'项目技术架构图初稿,并发送至会议群组"


@pytest.mark.parametrize(
    ("text", "owner", "owner_id", "deliverable"),
    [
        ("@Alice Chen send the deck", "Alice Chen", 1, "send the deck"),  # full name
        ("@alice chen send the deck", "Alice Chen", 1, "send the deck"),
        ("@alice_chen send the deck", "Alice Chen", 1, "send the deck"),
        ("@alice send the deck", "Alice Chen", 1, "send the deck"),  # first name
        ("@ALICE send the deck", "Alice Chen", 1, "send the deck"),  # case-insensitive
        ("@chen send the deck", "Alice Chen", 1, "send the deck"),  # word of the name
        ("@bru send the deck", "Bruno Silva", 2, "send the deck"),  # prefix
        ("@mart send the deck", "Chloe Martin", 3, "send the deck"),  # prefix of a word
        ("send the deck @chloe", "Chloe Martin", 3, "send the deck"),
        ("＠alice send the deck", "Alice Chen", 1, "send the deck"),  # full-width @
        ("@张三提交报告", "张三", 4, "提交报告"),  # CJK without a space
        ("@张三丰起草方案", "张三丰", 5, "起草方案"),  # the longest name wins
        ("@张三 负责 整理会议纪要", "张三", 4, "整理会议纪要"),
        ("@李 整理会议纪要", "李娜", 6, "整理会议纪要"),  # CJK prefix
        ("请@李娜整理会议纪要", "李娜", 6, "整理会议纪要"),
    ],
)
def test_owner_forms(text, owner, owner_id, deliverable):
    c = cap(text)
    assert (c.owner, c.owner_id, c.owner_known, c.deliverable) == (owner, owner_id, True, deliverable)


@pytest.mark.parametrize(
    ("text", "owner", "deliverable"),
    [
        ("@dave send the deck by Friday", "dave", "send the deck"),
        ("@Dave.Smith send the deck", "Dave.Smith", "send the deck"),
        ("@王五负责提交报告", "王五", "提交报告"),
        ("@王五 提交报告", "王五", "提交报告"),
        ("@王五下周五前提交报告", "王五", "提交报告"),  # the deadline right behind the name
        ("@王五12月20日前提交报告", "王五", "提交报告"),
        ("@王五明天前发送报告", "王五", "发送报告"),
    ],
)
def test_unknown_owner_is_kept(text, owner, deliverable):
    c = cap(text)
    assert (c.owner, c.owner_id, c.owner_known, c.deliverable) == (owner, None, False, deliverable)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("@王五下周五前提交报告", date(2026, 12, 11)),
        ("@王五12月20日前提交报告", date(2026, 12, 20)),
        ("@王五明天前发送报告", date(2026, 12, 2)),
    ],
)
def test_a_deadline_right_behind_an_unknown_cjk_name_is_read(text, deadline):
    assert cap(text).deadline == deadline


@pytest.mark.parametrize(
    ("text", "owner", "deliverable"),
    [
        ("Alice to send the deck by Friday", "Alice Chen", "send the deck"),
        ("Alice Chen will send the deck", "Alice Chen", "send the deck"),
        ("alice: send the deck", "Alice Chen", "send the deck"),
        ("Bruno Silva: book the venue by Dec 8", "Bruno Silva", "book the venue"),
        ("by Friday Chloe to circulate the minutes", "Chloe Martin", "circulate the minutes"),
        ("张三负责完成报告", "张三", "完成报告"),
        ("张三丰负责起草方案", "张三丰", "起草方案"),
        ("请张三周五前提交报告", "张三", "提交报告"),
        ("A公司技术部张三,负责在周五前提交方案", "张三", "提交方案"),
        ("完成报告,张三负责", "张三", "完成报告"),
    ],
)
def test_owner_read_from_text(text, owner, deliverable):
    c = cap(text)
    assert (c.owner, c.owner_known, c.deliverable) == (owner, True, deliverable)


@pytest.mark.parametrize(
    "text",
    ["send the deck by Friday", "Alicia to send the deck", "Al to send the deck", "王五负责提交报告"],
)
def test_no_owner(text):
    c = cap(text)
    assert (c.owner, c.owner_id, c.owner_known) == ("", None, False)


def test_email_is_not_an_owner():
    c = cap("@alice send the deck to bob@example.com by Friday")
    assert c.owner == "Alice Chen"
    assert c.deliverable == "send the deck to bob@example.com"
    c = cap("send the deck to alice@example.com")
    assert c.owner == "" and c.deliverable == "send the deck to alice@example.com"


def test_same_owner_twice_is_one_owner():
    c = cap("@alice send the deck, cc @Alice Chen")
    assert c.owner == "Alice Chen" and c.deliverable == "send the deck, cc"


@pytest.mark.parametrize(
    ("text", "deadline", "deadline_text", "deliverable"),
    [
        ("@alice send the deck by Friday", date(2026, 12, 4), "by Friday", "send the deck"),
        ("@alice send the deck due Friday", date(2026, 12, 4), "due Friday", "send the deck"),
        ("@alice send the deck, due: 12/08.", date(2026, 12, 8), "due: 12/08", "send the deck"),
        ("@alice send the deck before Dec 8", date(2026, 12, 8), "before Dec 8", "send the deck"),
        ("@alice send the deck (by Friday) to B", date(2026, 12, 4), "by Friday", "send the deck to B"),
        ("@alice send the deck within 2 weeks", date(2026, 12, 15), "within 2 weeks", "send the deck"),
        ("@李娜 提交报告 截止 12月8日", date(2026, 12, 8), "截止 12月8日", "提交报告"),
        ("@李娜 提交报告,截止日期 12月8日", date(2026, 12, 8), "截止日期 12月8日", "提交报告"),
        ("@李娜 提交报告 截止:12月8日", date(2026, 12, 8), "截止:12月8日", "提交报告"),
        ("@李娜 提交报告，截止：１２月８日", date(2026, 12, 8), "截止：１２月８日", "提交报告"),
        ("@李娜 12月8日前提交报告", date(2026, 12, 8), "12月8日前", "提交报告"),
        ("@李娜 在12月8日前提交报告", date(2026, 12, 8), "在12月8日前", "提交报告"),
        ("@李娜 整理报价，在下周五前，发送给B公司", date(2026, 12, 11), "在下周五前", "整理报价，发送给B公司"),
        ("@李娜 两周内提交报告", date(2026, 12, 15), "两周内", "提交报告"),
        ("@alice send the deck by email", None, "", "send the deck by email"),
    ],
)
def test_deadline_keywords(text, deadline, deadline_text, deliverable):
    c = cap(text)
    assert (c.deadline, c.deadline_text, c.deliverable) == (deadline, deadline_text, deliverable)


def test_deadline_resolves_against_the_moment_of_capture():
    c = parse_capture("@alice send the deck by Friday", PEOPLE, datetime(2026, 12, 5, 9, 0))
    assert c.deadline == date(2026, 12, 11)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\t\n\x00", "empty"),
        ("@ send the deck", "owner-empty"),
        ("send the deck @", "owner-empty"),
        ("@, send the deck", "owner-empty"),
        ("@alice @bruno send the deck", "two-owners"),
        ("@alice send the deck to @dave", "two-owners"),
        ("@alice @ send the deck", "two-owners"),
        ("@alice send the deck due someday", "bad-date"),
        ("@alice send the deck due", "bad-date"),
        ("@alice send the deck by Feb 30", "bad-date"),
        ("@alice send the deck by 2026-13-45", "bad-date"),
        ("@李娜 提交报告 截止 下班", "bad-date"),
        ("@alice by Friday", "empty-deliverable"),
        ("@alice", "empty-deliverable"),
        ("张三 周五前", "empty-deliverable"),
        ("@alice to, by Friday.", "empty-deliverable"),
    ],
)
def test_error_codes(text, code):
    assert error_code(text) == code


@pytest.mark.parametrize(
    ("text", "owner", "candidates", "deliverable"),
    [
        ("@al send the deck", "al", ("Alice Chen", "Alan Wu"), "send the deck"),
        ("@c send the deck by Friday", "c", ("Alice Chen", "Chloe Martin"), "send the deck"),
        ("@张 提交报告", "张", ("张三", "张三丰"), "提交报告"),
        ("send the deck @AL", "AL", ("Alice Chen", "Alan Wu"), "send the deck"),
    ],
)
def test_ambiguous_owner_is_kept_and_names_the_candidates(text, owner, candidates, deliverable):
    c = cap(text)
    assert (c.owner, c.owner_id, c.owner_known) == (owner, None, False)
    assert c.owner_candidates == candidates and c.deliverable == deliverable


def test_same_full_name_twice_is_ambiguous_with_organisations():
    people = [Participant(1, "张三", "A公司"), Participant(2, "张三", "B公司")]
    c = parse_capture("@张三 提交报告", people, NOW)
    assert (c.owner, c.owner_known, c.owner_candidates) == ("张三", False, ("张三 (A公司)", "张三 (B公司)"))


def test_known_and_unknown_owners_have_no_candidates():
    assert cap("@alice send the deck").owner_candidates == ()
    assert cap("@dave send the deck").owner_candidates == ()


def test_ambiguous_mention_with_another_owner_is_two_owners():
    assert error_code("@c send the deck to @bruno") == "two-owners"


def test_parked_point_keeps_an_ambiguous_name():
    from coopconsole.domain.capture import parse_mention

    parked = parse_mention("@c pricing model", PEOPLE)
    assert (parked.owner, parked.owner_id, parked.deliverable) == ("c", None, "pricing model")
    assert parked.owner_candidates == ("Alice Chen", "Chloe Martin")


@pytest.mark.parametrize(
    ("text", "deadline", "deadline_text", "deliverable"),
    [
        ("@alice send the deck +3d", date(2026, 12, 4), "+3d", "send the deck"),
        ("@alice send the deck +2w.", date(2026, 12, 15), "+2w", "send the deck"),
        ("@alice send the deck 2w", date(2026, 12, 15), "2w", "send the deck"),
        ("@alice send the deck in 2w", date(2026, 12, 15), "in 2w", "send the deck"),
        ("@alice send the deck within +3d", date(2026, 12, 4), "within +3d", "send the deck"),
        ("@alice send the deck next Friday", date(2026, 12, 11), "next Friday", "send the deck"),
        ("@alice send the deck this Friday", date(2026, 12, 4), "this Friday", "send the deck"),
        ("@alice send the deck, coming Monday", date(2026, 12, 7), "coming Monday", "send the deck"),
        ("send the deck next Friday @alice", date(2026, 12, 11), "next Friday", "send the deck"),
        ("@李娜 提交报告下周五", date(2026, 12, 11), "下周五", "提交报告"),
        ("@李娜 提交报告 下下周五。", date(2026, 12, 18), "下下周五", "提交报告"),
        ("@李娜 提交报告,下个星期五", date(2026, 12, 11), "下个星期五", "提交报告"),
        ("@李娜 提交报告本周五", date(2026, 12, 4), "本周五", "提交报告"),
    ],
)
def test_trailing_relative_form_is_the_deadline(text, deadline, deadline_text, deliverable):
    c = cap(text)
    assert (c.deadline, c.deadline_text, c.deliverable) == (deadline, deadline_text, deliverable)


@pytest.mark.parametrize(
    ("text", "deliverable"),
    [
        ("@alice send 2 drafts", "send 2 drafts"),
        ("@alice send drafts 2", "send drafts 2"),
        ("@alice send the deck Friday", "send the deck Friday"),  # bare weekday
        ("@alice 提交报告周五", "提交报告周五"),
        ("@alice print the logo 3d", "print the logo 3d"),  # 3d without its sign
        ("@alice print the logo in 3D", "print the logo in 3D"),
        ("@alice order two lamps of 2W", "order two lamps of 2W"),
        ("@alice send the deck next Friday to Bruno", "send the deck next Friday to Bruno"),
        ("@alice move the meeting to next Friday", "move the meeting to next Friday"),
        ("@alice book the venue for next Friday", "book the venue for next Friday"),
        ("@李娜 会议改到下周五", "会议改到下周五"),
        ("@alice send the deck tomorrow", "send the deck tomorrow"),  # needs a keyword
    ],
)
def test_other_trailing_words_stay_in_the_deliverable(text, deliverable):
    c = cap(text)
    assert (c.deadline, c.deliverable) == (None, deliverable)


@pytest.mark.parametrize(
    "text",
    [
        "@alice send the deck by +99999999d",
        "@alice send the deck in 999999 weeks",
        "@李娜 99999天内提交报告",
        "@李娜 提交报告99999天内",
        "@alice send the deck within 5000 days",
        "@alice send the deck by +999w",
        "@alice send the deck +9999999999999999999999d",
        "@alice send the deck by 2099-01-01",
    ],
)
def test_too_far_away_is_a_capture_error(text):
    with pytest.raises(CaptureError) as info:
        cap(text)
    assert info.value.code == "bad-date"
    assert "too far away" in info.value.message


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("@alice by", "by"),
        ("@alice send the deck by", "by"),
        ("@alice send the deck BY.", "BY"),
        ("@alice send the deck by:", "by"),
        ("send the deck by @alice by", "by"),
        ("@alice send the deck due", "due"),
        ("@alice send the deck due by", "due by"),
        ("@alice send the deck no later than", "no later than"),
        ("@李娜 提交报告 截止", "截止"),
        ("@李娜 提交报告,截止日期:", "截止日期"),
    ],
)
def test_keyword_without_a_date_is_a_capture_error(text, word):
    with pytest.raises(CaptureError) as info:
        cap(text)
    assert info.value.code == "bad-date"
    assert f"A date is missing after '{word}'" in info.value.message


@pytest.mark.parametrize(
    ("text", "deliverable"),
    [
        ("@alice ask Bruno to stop by", "ask Bruno to stop by"),
        ("@alice keep the backup server on stand-by", "keep the backup server on stand-by"),
        ("@alice send the agenda the day before", "send the agenda the day before"),
        ("@alice agree on the deadline", "agree on the deadline"),
        ("contract signed by @bruno", "contract signed by"),
    ],
)
def test_words_at_the_end_that_need_no_date(text, deliverable):
    c = cap(text)
    assert (c.deadline, c.deliverable) == (None, deliverable)


def test_bad_date_lists_accepted_forms():
    with pytest.raises(CaptureError) as info:
        cap("@alice send the deck due someday")
    assert "someday" in info.value.message and "Accepted forms" in info.value.message


def test_capture_error_is_a_value_error():
    assert issubclass(CaptureError, ValueError)


def test_text_is_the_cleaned_line():
    c = cap("  @alice send\tthe deck\x07 by\u202e Friday\n ")
    assert c.text == "@alice send the deck by Friday"
    assert c.deliverable == "send the deck"
    assert c.deadline == date(2026, 12, 4)


FRAGMENTS = [
    "@",
    "@alice",
    "@张",
    "@张三",
    "@al",
    "bob@example.com",
    " ",
    ",",
    "，",
    ":",
    "：",
    "负责",
    "请",
    "by",
    "due",
    "before",
    "截止",
    "截止日期",
    "前",
    "之前",
    "在",
    "内",
    "Friday",
    "周五",
    "下周五",
    "12-08",
    "2026-13-45",
    "Feb 30",
    "Dec 8",
    "12月8日",
    "+3d",
    "两周内",
    "in 3 days",
    "next week",
    "月底",
    "to",
    "send the deck",
    "完成报告",
    "Alice Chen",
    "张三丰",
    "🙂",
    "👩‍💻",
    "\x00",
    "\u200b",
    "\u3000",
    "ß",
    "İ",
    "Ⅻ",
    "٣",
    "９",
    "＠",
    "(",
    ")",
    "999",
    "十",
    "个月",
    "工作日",
    "2w",
    "next Friday",
    "+99999999d",
    "in 999999 weeks",
    "99999天内",
    "@c",
    "stop by",
    ".",
]


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_arbitrary_text_only_captures_or_capture_errors(text):
    try:
        result = cap(text)
    except CaptureError as exc:
        assert exc.code and exc.message
    else:
        assert isinstance(result, Capture) and result.deliverable


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12).map("".join),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
)
def test_fragment_soup_only_captures_or_capture_errors(text, now):
    try:
        result = parse_capture(text, PEOPLE, now)
    except CaptureError as exc:
        assert exc.code in {"empty", "owner-empty", "two-owners", "bad-date", "empty-deliverable"}
    else:
        assert isinstance(result, Capture) and result.deliverable


# -- parked points: only "@name" is structure -----------------------------------------


def test_parse_mention_keeps_dates_and_words():
    from coopconsole.domain.capture import parse_mention

    people = [Participant(1, "Bruno Silva", "Company A"), Participant(2, "王磊", "智算科技")]
    parked = parse_mention("@bruno pricing model, revisit by Friday", people)
    assert (parked.owner, parked.owner_id, parked.deadline) == ("Bruno Silva", 1, None)
    assert parked.deliverable == "pricing model, revisit by Friday"
    cjk = parse_mention("@王磊预算审批流程下周再议", people)
    assert (cjk.owner_id, cjk.deliverable) == (2, "预算审批流程下周再议")
    plain = parse_mention("data residency question", people)
    assert (plain.owner, plain.deliverable) == ("", "data residency question")
    with pytest.raises(CaptureError) as info:
        parse_mention("@bruno", people)
    assert info.value.code == "empty-deliverable"


def test_a_parked_point_that_runs_into_an_unknown_cjk_name_is_kept():
    """``@王五下周五前再议``, 王五 not in the meeting: the name stops where the date phrase
    starts, and the point keeps its words, the date phrase too. Without the day (as the
    parser was called before) it was refused as a point with no words."""
    from coopconsole.domain.capture import parse_mention

    people = [Participant(1, "Bruno Silva", "Company A"), Participant(2, "王磊", "智算科技")]
    today = date(2026, 12, 4)
    parked = parse_mention("@王五下周五前再议", people, today)
    assert (parked.owner, parked.owner_known, parked.deliverable, parked.deadline) == (
        "王五",
        False,
        "下周五前再议",
        None,
    )
    known = parse_mention("@王磊下周五前再议", people, today)
    assert (known.owner_id, known.deliverable) == (2, "下周五前再议")
    # A name followed by words is read as typed: only a point left with no words is cut.
    spaced = parse_mention("@王五下周五 定价模式", people, today)
    assert (spaced.owner, spaced.deliverable) == ("王五下周五", "定价模式")
    for line in ("@王五", "@王五2月30日前再议"):  # no date phrase to stop at: still refused
        with pytest.raises(CaptureError) as info:
            parse_mention(line, people, today)
        assert info.value.code == "empty-deliverable"
    with pytest.raises(CaptureError):
        parse_mention("@王五下周五前再议", people)

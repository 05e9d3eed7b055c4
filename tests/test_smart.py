from datetime import date, datetime

import pytest

from coopconsole.domain.capture import Capture, parse_capture
from coopconsole.domain.model import Participant, SmartCheck
from coopconsole.domain.smart import PROBLEMS, explain, is_vague, smart_check

TODAY = date(2026, 12, 1)
CODES = (
    "owner-missing",
    "owner-unknown",
    "owner-ambiguous",
    "owner-absent",
    "deadline-missing",
    "deadline-past",
    "deliverable-vague",
)


def capture(
    deliverable="send the draft MOU to Company B",
    owner="Alice Chen",
    owner_id=1,
    owner_known=True,
    deadline=date(2026, 12, 8),
) -> Capture:
    return Capture(
        text=deliverable,
        deliverable=deliverable,
        owner=owner,
        owner_id=owner_id,
        owner_known=owner_known,
        deadline=deadline,
        deadline_text="",
    )


def test_problem_codes_and_explanations():
    assert tuple(PROBLEMS) == CODES
    for text in PROBLEMS.values():
        assert text.endswith((".", ")")) and len(text) > 30


def test_required_english_example():
    c = parse_capture(
        "@alice send the draft MOU to Company B by Dec 8", [Participant(1, "Alice Chen")], datetime(2026, 12, 1, 9, 0)
    )
    assert (c.owner, c.deadline, c.deliverable) == ("Alice Chen", date(2026, 12, 8), "send the draft MOU to Company B")
    check = smart_check(c, date(2026, 12, 1))
    assert check == SmartCheck(()) and check.ok


def test_required_chinese_example():
    text = "张三负责在2023年10月15日前完成'智慧园区'项目技术架构图初稿,并发送至会议群组"
    people = [Participant(1, "李四"), Participant(2, "张三")]
    c = parse_capture(text, people, datetime(2023, 9, 20, 14, 0))
    assert (c.owner, c.owner_id, c.owner_known, c.deadline) == ("张三", 2, True, date(2023, 10, 15))
    assert smart_check(c, date(2023, 9, 20)).ok
    assert not is_vague(text)


def test_required_vague_example():
    assert is_vague("A公司跟进技术方案")


def test_each_problem():
    assert smart_check(capture(owner="", owner_id=None, owner_known=False), TODAY).problems == ("owner-missing",)
    assert smart_check(capture(owner="dave", owner_id=None, owner_known=False), TODAY).problems == ("owner-unknown",)
    assert smart_check(capture(deadline=None), TODAY).problems == ("deadline-missing",)
    assert smart_check(capture(deadline=date(2026, 11, 30)), TODAY).problems == ("deadline-past",)
    assert smart_check(capture(deliverable="follow up"), TODAY).problems == ("deliverable-vague",)


def test_deadline_today_is_not_past():
    assert smart_check(capture(deadline=TODAY), TODAY).ok


def test_problems_come_in_a_fixed_order():
    check = smart_check(
        capture("discuss", owner="", owner_id=None, owner_known=False, deadline=date(2020, 1, 1)), TODAY
    )
    assert check.problems == ("owner-missing", "deadline-past", "deliverable-vague")
    assert not check.ok
    check = smart_check(capture("look into it", owner="x", owner_id=None, owner_known=False, deadline=None), TODAY)
    assert check.problems == ("owner-unknown", "deadline-missing", "deliverable-vague")


def test_unknown_owner_from_capture_is_flagged():
    c = parse_capture(
        "@dave send the deck to Company B by Friday", [Participant(1, "Alice Chen")], datetime(2026, 12, 1, 9, 0)
    )
    assert smart_check(c, TODAY).problems == ("owner-unknown",)


@pytest.mark.parametrize(
    "text",
    [
        "A公司跟进技术方案",
        "follow up with Company B",
        "following up on the MOU draft",  # "draft" is a noun here
        "look into pricing options",
        "discuss the budget with Company B",
        "think about the pilot line",
        "consider a joint lab",
        "explore cooperation directions",
        "check on the data agreement",
        "work on the deck for Company B",
        "touch base with Chloe next week",
        "sync with the IT team",
        "推进合作项目落地",
        "研究数据安全问题",
        "考虑联合实验室",
        "讨论报价方案细节",
        "沟通技术对接细节",
        "了解产线现状情况",
        "关注算法误判率问题",
        "协调双方资源投入",
        "看一下测试数据情况",
        "send it",  # too short, no artefact
        "draft",  # too short: the verb is the only noun
        "报告",  # too short, no verb
        "follow up",
        "look into",
        "report draft",  # two nouns
        "email Bruno",
        "跟进报告",  # short, vague verb
        "",
        "call Bruno about pricing",  # no concrete verb, no artefact
        "ask Company B about the pilot",
    ],
)
def test_vague(text):
    assert is_vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "send the draft MOU to Company B",
        "Send the draft MOU to Company B",
        "sent the deck to Company B",
        "draft the MOU for Company B",
        "follow up and draft the MOU",  # a concrete verb outweighs the vague one
        "deliver the pilot plan to Chloe",
        "submit the budget to the board",
        "provide test data samples",
        "write the cooperation proposal",
        "prepare slides for the steering group",
        "share the pricing sheet with B",
        "book the venue for the signing",
        "schedule a call with Company B",
        "sign the cooperation agreement",
        "publish the joint announcement",
        "complete the risk assessment",
        "finish the integration spec",
        "produce a one-page summary",
        "create the shared workspace",
        "compile the candidate project list",
        "circulate the minutes to all parties",
        "budget for the 2027 pilot line",  # artefact noun, no verb
        "完成数据安全协议初稿",
        "提交试点产线清单",
        "发送会议纪要给各方",
        "提供测试数据样本",
        "起草合作备忘录",
        "撰写技术方案文档",
        "准备演示材料",
        "整理会议纪要",
        "签署保密协议",
        "发布联合公告",
        "安排下次会议时间",
        "制定联合测试计划",
        "输出架构图初稿",
        "跟进并提交技术方案",  # a concrete verb outweighs the vague one
        "数据安全协议框架",  # artefact noun
    ],
)
def test_concrete(text):
    assert not is_vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "send report",
        "Send report",
        "draft MOU",
        "send MOU",
        "发送MOU",
        "提交报告",
        "sign NDA",
        "send email",
        "submit budget",
        "sent minutes",
        "起草协议",
        "and draft MOU",
    ],
)
def test_short_with_a_concrete_verb_and_an_artefact_is_concrete(text):
    assert not is_vague(text)


@pytest.mark.parametrize(
    "text",
    ["@alice send report by Friday", "@alice draft MOU by Friday", "@alice 提交报告 周五前"],
)
def test_short_concrete_capture_is_smart(text):
    c = parse_capture(text, [Participant(1, "Alice Chen")], datetime(2026, 12, 1, 9, 0))
    assert smart_check(c, TODAY).ok


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("@c send the report by Friday", ("Alice Chen", "Chloe Martin")),
        ("@CH send the report by Friday", ("Alice Chen", "Chloe Martin")),
    ],
)
def test_ambiguous_owner_is_flagged_with_the_candidates(text, candidates):
    people = [Participant(1, "Alice Chen"), Participant(2, "Chloe Martin"), Participant(3, "Bruno Silva")]
    c = parse_capture(text, people, datetime(2026, 12, 1, 9, 0))
    check = smart_check(c, TODAY)
    assert check.problems == ("owner-ambiguous",)
    message = explain("owner-ambiguous", c)
    assert all(name in message for name in candidates) and "Bruno" not in message
    assert explain("owner-ambiguous") == PROBLEMS["owner-ambiguous"]
    assert explain("deadline-missing", c) == PROBLEMS["deadline-missing"]

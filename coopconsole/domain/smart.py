"""The SMART check of a captured action: a known owner, a deadline, a concrete deliverable.

Problems are reported as stable codes, always in the order of :data:`PROBLEMS`; at most
one owner code and one deadline code is reported. Decisions:

* A deadline on ``today`` is fine; only a day before ``today`` is ``deadline-past``.
* A deliverable is vague when it is too short to say what is delivered, when it uses a
  vague verb (``follow up``, ``跟进`` ...) and no concrete verb (``send``, ``完成`` ...),
  or when it has neither a concrete verb nor an artefact noun (``report``, ``方案`` ...).
* Too short: fewer than three words, where a CJK character counts as three quarters of a
  word (so four CJK characters make three words). Words are runs of letters/digits. A
  short deliverable is still concrete when it has a concrete verb and, apart from it,
  an artefact noun: ``send report``, ``draft MOU``, ``发送MOU``, ``提交报告``. A verb or a
  noun alone (``send it``, ``draft``, ``报告``) stays vague.
* English terms are matched as whole words, case-insensitively, with the common endings
  (``sends``, ``sent``, ``drafted``, ``following up``, ``reports``); Chinese terms as
  substrings. Words that are verbs and nouns (``draft``, ``book``, ``schedule``) count as
  concrete verbs only at the start or after ``to``/``and``/``then``/``please``/a comma,
  so "follow up on the MOU draft" stays vague. The word lists extend the product issue's
  lists with close relatives (``email``, ``invite``, ``确认``, ``合同``, ``报价`` ...); a
  Chinese word that is also a noun (测试 "test data") is left out of the verbs.
* The owner is missing when it is blank, unknown when typed but not a participant,
  ambiguous when the typed name fits several participants (``Capture.owner_candidates``;
  :func:`explain` names them). A participant marked absent may own an action; the check
  notes ``owner-absent`` (a warning, like the others: the action is kept), judged at the
  moment of capture like every code here.
"""

from __future__ import annotations

import re
from datetime import date

from coopconsole.domain.capture import Capture
from coopconsole.domain.deliverable import is_cjk
from coopconsole.domain.model import SmartCheck

PROBLEMS: dict[str, str] = {
    "owner-missing": "Nobody owns this action. Start the line with @name, e.g. '@Alice send ...'.",
    "owner-unknown": "The owner is not a participant of this meeting. Check the spelling after "
    "@ or add the person to the participants.",
    "owner-ambiguous": "The name after @ fits more than one participant. Type more of the name, e.g. the full name.",
    "owner-absent": "The owner is marked absent from this meeting. They can own it, but make sure "
    "they hear of it: the minutes list them as absent.",
    "deadline-missing": "There is no deadline. Add one, e.g. 'by Dec 8', 'due Friday' or '周五前'.",
    "deadline-past": "The deadline is already past. Give a date from today on.",
    "deliverable-vague": "It is not clear what will be delivered. Name a concrete result with a "
    "verb such as send, draft, submit, 完成, 提交 and the thing delivered "
    "(report, draft MOU, 方案, 清单 ...).",
}

VAGUE_VERBS_EN = (
    "follow up",
    "look into",
    "discuss",
    "think about",
    "consider",
    "explore",
    "check on",
    "work on",
    "touch base",
    "sync",
    "align",
    "talk about",
    "talk to",
    "reach out",
    "circle back",
    "brainstorm",
    "investigate",
    "chase",
    "keep an eye on",
)
VAGUE_VERBS_ZH = (
    "跟进",
    "推进",
    "研究",
    "考虑",
    "讨论",
    "沟通",
    "了解",
    "关注",
    "协调",
    "看一下",
    "看看",
    "对接",
    "跟踪",
    "探讨",
    "商量",
    "落实",
)
CONCRETE_VERBS_EN = (
    "deliver",
    "send",
    "submit",
    "provide",
    "write",
    "prepare",
    "share",
    "sign",
    "publish",
    "complete",
    "finish",
    "produce",
    "create",
    "compile",
    "circulate",
    "invite",
    "organise",
    "organize",
    "set up",
    "arrange",
    "confirm",
    "approve",
    "upload",
    "deploy",
    "install",
    "pay",
    "hand over",
    "nominate",
    "appoint",
    "fix",
    "build",
    "translate",
    "collect",
    "forward",
)
# Also nouns: verbs only at the start or after "to", "and", "then", "please", a comma ...
VERB_OR_NOUN_EN = ("draft", "book", "schedule", "email", "design", "order", "test", "present")
CONCRETE_EXTRA_EN = ("sent", "wrote", "written", "paid", "built", "made")
CONCRETE_VERBS_ZH = (
    "完成",
    "提交",
    "发送",
    "提供",
    "起草",
    "撰写",
    "准备",
    "整理",
    "签署",
    "发布",
    "安排",
    "制定",
    "输出",
    "交付",
    "确认",
    "邀请",
    "组织",
    "召开",
    "上传",
    "部署",
    "审批",
    "确定",
    "汇报",
    "编写",
    "编制",
    "预约",
    "预订",
    "寄送",
    "转发",
    "分享",
    "签订",
    "报送",
    "上报",
)
ARTEFACTS_EN = (
    "report",
    "draft",
    "plan",
    "proposal",
    "list",
    "mou",
    "agreement",
    "contract",
    "budget",
    "deck",
    "slide",
    "spec",
    "specification",
    "demo",
    "document",
    "doc",
    "minutes",
    "memo",
    "quote",
    "quotation",
    "invoice",
    "estimate",
    "roadmap",
    "timeline",
    "schedule",
    "diagram",
    "prototype",
    "summary",
    "brief",
    "letter",
    "template",
    "checklist",
    "dataset",
    "sample",
    "nda",
    "sow",
    "rfp",
    "ppt",
    "pdf",
    "poc",
    "agenda",
    "email",
    "invitation",
    "form",
    "figures",
    "analysis",
)
ARTEFACTS_ZH = (
    "报告",
    "初稿",
    "草案",
    "方案",
    "清单",
    "名单",
    "协议",
    "合同",
    "备忘录",
    "预算",
    "报价",
    "架构图",
    "流程图",
    "文档",
    "文件",
    "纪要",
    "演示",
    "幻灯片",
    "计划",
    "时间表",
    "排期",
    "原型",
    "样品",
    "说明书",
    "规格",
    "邮件",
    "表格",
    "数据集",
    "总结",
    "提案",
    "议程",
    "函",
    "合作意向书",
    "意向书",
    "白皮书",
    "样机",
)


def _verb_form(word: str) -> str:
    stem = re.escape(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    return stem + f"(?:{re.escape(word[-1])})?(?:s|es|ed|ing)?"


def _english(terms: tuple[str, ...], verbs: bool) -> re.Pattern[str]:
    parts = []
    for term in terms:
        head, *rest = term.split()
        first = _verb_form(head) if verbs else re.escape(head) + "(?:s|es)?"
        parts.append(r"\s+".join([first] + [re.escape(w) for w in rest]))
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(parts) + r")(?![A-Za-z0-9])", re.IGNORECASE | re.ASCII)


_VAGUE_EN = _english(VAGUE_VERBS_EN, True)
_CONCRETE_EN = _english(CONCRETE_VERBS_EN + CONCRETE_EXTRA_EN, True)
_VERB_OR_NOUN_EN = re.compile(
    r"(?:^|[,;:，；：]\s*|(?<![A-Za-z0-9])(?:to|and|then|please|also|will|"
    r"must|should|shall)\s+)" + _english(VERB_OR_NOUN_EN, True).pattern,
    re.IGNORECASE | re.ASCII,
)
_ARTEFACT_EN = _english(ARTEFACTS_EN, False)


def _has(text: str, rx: re.Pattern[str], chinese: tuple[str, ...]) -> bool:
    return bool(rx.search(text)) or any(term in text for term in chinese)


def _spans(text: str, rx: re.Pattern[str], chinese: tuple[str, ...]) -> list[tuple[int, int]]:
    found = [m.span() for m in rx.finditer(text)]
    for term in chinese:
        start = text.find(term)
        while start >= 0:  # as re.finditer would find them: not overlapping
            found.append((start, start + len(term)))
            start = text.find(term, start + len(term))
    return found


def _verb_and_artefact(text: str) -> bool:
    """A concrete verb and an artefact noun that is not the verb itself (``draft``)."""
    verbs = _spans(text, _CONCRETE_EN, CONCRETE_VERBS_ZH) + [m.span() for m in _VERB_OR_NOUN_EN.finditer(text)]
    nouns = _spans(text, _ARTEFACT_EN, ARTEFACTS_ZH)
    return bool(verbs) and any(all(ne <= vs or ns >= ve for vs, ve in verbs) for ns, ne in nouns)


def _too_short(text: str) -> bool:
    cjk = sum(1 for c in text if is_cjk(c))
    words = len(re.findall(r"[^\W_]+", "".join(" " if is_cjk(c) else c for c in text)))
    return 4 * words + 3 * cjk < 12


def is_vague(deliverable: str) -> bool:
    """True when the deliverable does not say what concrete result will be delivered."""
    text = deliverable.strip()
    if _too_short(text):
        return not _verb_and_artefact(text)
    concrete = _has(text, _CONCRETE_EN, CONCRETE_VERBS_ZH) or bool(_VERB_OR_NOUN_EN.search(text))
    if concrete:
        return False
    if _has(text, _VAGUE_EN, VAGUE_VERBS_ZH):
        return True
    return not _has(text, _ARTEFACT_EN, ARTEFACTS_ZH)


def names_result(text: str) -> bool:
    """True when ``text`` names a concrete result: a concrete verb or an artefact noun,
    whatever vague verbs come with it ("明确技术对接方案" names a 方案)."""
    return (
        _has(text, _CONCRETE_EN, CONCRETE_VERBS_ZH)
        or bool(_VERB_OR_NOUN_EN.search(text))
        or _has(text, _ARTEFACT_EN, ARTEFACTS_ZH)
    )


def smart_check(capture: Capture, today: date) -> SmartCheck:
    """Check a captured action; ``problems`` follows the order of :data:`PROBLEMS`."""
    found = set()
    if not capture.owner.strip():
        found.add("owner-missing")
    elif capture.owner_candidates and not capture.owner_known:
        found.add("owner-ambiguous")
    elif not capture.owner_known:
        found.add("owner-unknown")
    elif capture.owner_absent:
        found.add("owner-absent")
    if capture.deadline is None:
        found.add("deadline-missing")
    elif capture.deadline < today:
        found.add("deadline-past")
    if is_vague(capture.deliverable):
        found.add("deliverable-vague")
    return SmartCheck(problems=tuple(code for code in PROBLEMS if code in found))


def explain(code: str, capture: Capture | None = None) -> str:
    """The explanation of a problem code, naming the candidates of an ambiguous owner."""
    if code == "owner-ambiguous" and capture is not None and capture.owner_candidates:
        return f"'@{capture.owner}' could be any of {', '.join(capture.owner_candidates)}; type more of the name."
    return PROBLEMS.get(code, code)

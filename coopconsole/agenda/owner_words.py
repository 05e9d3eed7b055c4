"""Who is in charge of an agenda item, written other than as people's names.

Agendas name the one in charge by a login (``@dbaron, @kenchris``, ``@[dbaron](link)``,
``Triage - jdoe``), by everyone (``全体``, ``All``), by a role (``(Chair)``, ``主席``) or by
an organisation (``(Finance)``, ``(Chamber of Commerce and Industry)``, ``汇报单位：财务部``).
An organisation of several words stays whole: it is one owner, not names to split at
``and``. On a line that names an issue (``#812``) an ``@name`` is who opened the issue,
not who presents it, so it stays in the title. A single capitalised word in round brackets
at the end of a line (``Welcome (Ann)``, ``Budget (Finance)``) is the owner unless it reads
as a remark (``(Optional)``, ``(Continued)``, ``(Discussion)``).
"""

from __future__ import annotations

import re

from coopconsole.agenda.markdown_lines import cjk_count
from coopconsole.agenda.person_names import PARTICLES, REMARK_WORDS, ZH_WORDS

_EVERYONE = {
    "全体",
    "全体人员",
    "全体成员",
    "全体参会人员",
    "全员",
    "所有人",
    "大家",
    "各方",
    "everyone",
    "everybody",
    "all",
}
_ROLES = set(
    """
    chair chairs co-chair co-chairs chairperson chairman chairwoman vice-chair facilitator
    facilitators moderator host hosts secretary president treasurer clerk mayor presenter
    presenters organisers organizers 主席 主持人 秘书长 会长 主任
    """.split()
) | {"vice chair", "vice president"}
_ORG_WORDS = (
    r"department|dept|office|council|committee|commission|association|chamber|ministry|bureau|agency|"
    r"authority|institute|university|college|school|foundation|society|union|federation|centre|center|"
    r"division|unit|inc|ltd|llc|corp|corporation|company|group|team|club|services|working group|"
    r"finance|legal|marketing|sales|engineering|operations|procurement|facilities|communications|treasury"
)
# The organisation word ends the name or is followed by "of" ("Chamber of Commerce"), so
# "(Working Group Update)" is a remark.
_ORG_RE = re.compile(rf"(?:^|\s)(?:(?i:{_ORG_WORDS})|IT|HR|PMO)\.?(?:\s+of\s|$)")
_ZH_ORG = re.compile(
    r"[\u4e00-\u9fff]{2,12}[部局处科委办]"
    r"|[\u4e00-\u9fff]{1,12}(?:中心|公司|集团|协会|学会|委员会|大学|学院|研究院|研究所|小组|团队|工作组)"
)
_HANDLE = r"@[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,38})"
_HANDLES = re.compile(rf"{_HANDLE}(?:\s*(?:[,，、&/]|\band\b)?\s*{_HANDLE})*")
# Lowercase words after a dash that are part of a title, not a login name ("Triage - jdoe").
_TITLE_WORDS = set(
    """
    intro introduction overview discussion discuss update updates review summary recap demo
    questions feedback misc other others notes planning retro status announcements
    housekeeping welcome opening closing break lunch continued cont followup follow-up next
    vote decision proposal report presentation workshop breakout wrap-up wrapup tbd optional
    draft brainstorm brainstorming triage part round agenda minutes admin general new old
    open closed done todo wip urgent important public private info fyi again afternoon morning
    evening today tomorrow weekly late early short long brief quick final bonus extra maybe
    onsite offsite offline slides recording link async sync english chinese mandarin french german
    spanish japanese monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    """.split()
)
# Endings of words that describe rather than name: "(Continued)", "(Discussion)", "(Optional)";
# a short name that only happens to end so (``(Med)``, ``(Fred)``, ``(Neal)``) is a name.
_WORDY = re.compile(r"^.{3,}(?:ing|ed|al|ly|ion|ions|ive|ory|ary)$")


def is_issue_line(text: str) -> bool:
    """Does ``text`` name an issue or pull request (``#812``, ``PR 12``)? On such a line an
    ``@name`` is who opened it, not who presents it."""
    return bool(re.search(r"(?i)(?:^|[\s(\[])#\d+\b|\b(?:issue|pr|pull request)\s*#?\d+", text))


def owner_words(text: str, *, issue_line: bool = False, alone: bool = False) -> bool:
    """Is ``text`` someone in charge written other than as names: ``@dbaron, @kenchris``,
    everyone (``全体``, ``All``), a role (``Chair``, ``主席``), an organisation (``Finance``,
    ``Chamber of Commerce and Industry``, ``财务部``), or (``alone``: the only thing after a
    dash) a login name such as ``jdoe``? Handles do not count on an issue line."""
    text = text.strip()
    if not text or len(text) > 60:
        return False
    key = " ".join(text.split()).casefold()
    if key in _EVERYONE or key in _ROLES:
        return True
    if _HANDLES.fullmatch(text):
        return not issue_line
    if alone and re.fullmatch(r"[a-z][a-z0-9_.-]{2,29}", text):  # "Triage - jdoe": a login
        return key not in _TITLE_WORDS and not _WORDY.search(key)
    if re.search(r"\d", text):
        return False
    if _ZH_ORG.fullmatch(text) and text not in ZH_WORDS:
        return True
    words = text.split()
    if (
        not cjk_count(text)
        and _ORG_RE.search(text)
        and all(re.match(r"[A-Z&]", w) or w in PARTICLES | {"and"} for w in words)
    ):
        return True
    return False


def one_word_owner(text: str) -> bool:
    """A single capitalised word in round brackets at the end of a line (``Welcome (Ann)``):
    someone in charge unless it reads as a remark (``(Optional)``, ``(Continued)``,
    ``(Discussion)``, ``(Q&A)``)."""
    word = text.strip()
    if not re.fullmatch(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’-]{1,19}", word):
        return False
    low = word.lower()
    if low in REMARK_WORDS or low in _TITLE_WORDS or low in _ROLES:
        return low in _ROLES
    return not _WORDY.search(low)

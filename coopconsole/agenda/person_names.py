"""Telling people's names from other text, for the owners of agenda items.

Two strengths of the same question are asked:

* :func:`looks_like_names` - the loose test used for a trailing dash piece
  (``Opening — Dana``) and for square brackets (``[Dana]``), where a name is what the
  writer most likely meant: capitalised words (``Dana Okafor``, ``J. Smith & Bruno
  Silva``, particles such as ``van`` or ``de`` allowed inside) or 2-4 Chinese
  characters, each optionally followed by a bracketed remark (``周宁（主持）``).
* :func:`names_in_round_brackets` - the careful test for ``(X)``/``（X）``, where a
  remark is at least as likely as a name (``(optional)``, ``(Q&A)``, ``(Room B)``,
  ``（草案）``). X is a name when every part of it (split at ``,`` ``、`` ``/`` ``&``
  ``and`` ``和`` ``及`` ``与``) either names a listed participant - the full name, or a
  single given or family name that fits exactly one of them (``(Bob)`` for Bob Jones) -
  or reads as a full name: two to four capitalised words none of which is a common
  agenda word (``Room``, ``Part``, ``Session``, ``Online``, ``Business``...), or two or
  three Chinese characters starting with a common family name (``李四``, ``王总``,
  ``欧阳娜``) that are not a common word (``董事会``, ``周报``, ``陈述``...).
  A single word such as ``(Bob)`` is therefore an owner only when a participant has
  that name.
* :func:`is_placeholder` - ``—``, ``-``, ``TBD``, ``TBC``, ``TBA``, ``N/A``, ``待定``,
  ``待确认``, ``无`` and the like, written where an owner is not known yet; they
  mean no owner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coopconsole.agenda.markdown_lines import cjk_count

PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el", "y", "of"}
_SPLIT_NAMES = re.compile(r"\s*(?:[,，、/&＆+]|\band\b|和|及|与)\s*")
# Capitalised words that agendas use for remarks in brackets; a "name" made of any of
# them is a remark ("Main Hall", "Closed Session", "Action Items").
REMARK_WORDS = {
    "all",
    "action",
    "actions",
    "agenda",
    "board",
    "both",
    "break",
    "business",
    "call",
    "closed",
    "day",
    "demo",
    "discussion",
    "draft",
    "floor",
    "group",
    "groups",
    "hall",
    "hands",
    "hybrid",
    "in",
    "items",
    "keynote",
    "live",
    "lunch",
    "main",
    "meet",
    "meeting",
    "members",
    "minutes",
    "new",
    "notes",
    "old",
    "online",
    "only",
    "open",
    "optional",
    "overview",
    "panel",
    "part",
    "person",
    "plenary",
    "remote",
    "report",
    "review",
    "room",
    "round",
    "session",
    "staff",
    "summary",
    "table",
    "team",
    "teams",
    "update",
    "updates",
    "video",
    "workshop",
    "zoom",
}
# Common family names that rarely start an ordinary word in an agenda remark.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾肖董袁潘蒋蔡杜叶苏魏吕丁沈"
    "姚卢姜崔谭陆汪廖贾韦邹孟熊秦邱尹薛闫侯陶黎贺毛郝龚邵钱覃戴莫孔汤樊葛邢庞颜倪庄聂鲁岳"
    "翟殷詹俞舒阮柯凌裴霍骆蓝辛靳柴鲍喻祁蒲滕牟穆缪褚娄窦戚岑晏瞿桂佟臧闵邬卞姬栾隋刁寇桑"
    "甄仲虞敖巩佘苑邝"
)
_COMPOUND_SURNAMES = {
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "司徒",
    "长孙",
    "宇文",
    "尉迟",
    "公孙",
    "夏侯",
    "端木",
}
# Words that start with a family name but are remarks, not people.
ZH_WORDS = {
    "董事",
    "董事会",
    "陈述",
    "陈列",
    "周报",
    "周会",
    "周末",
    "周边",
    "贺词",
    "谢幕",
    "陆续",
    "何时",
    "黄金",
    "曾经",
    "林业",
    "宋体",
    "杜绝",
    "罗列",
    "郑重",
    "钱款",
    "张贴",
    "王牌",
    "胡乱",
    "肖像",
    "黎明",
    "庞大",
    "颜色",
    "庄重",
    "舒适",
    "凌晨",
    "蓝图",
    "辛苦",
    "甄别",
    "仲裁",
    "巩固",
    "孙公司",
}
_PLACEHOLDERS = {
    "-",
    "--",
    "—",
    "——",
    "–",
    "tbd",
    "tbc",
    "tba",
    "n/a",
    "none",
    "?",
    "？",
    "/",
    "待定",
    "待确认",
    "未定",
    "暂无",
    "无",
}


def looks_like_names(text: str) -> bool:
    """Does ``text`` read as one or more person names (the loose test, see above)?"""
    text = text.strip()
    if not text or len(text) > 60 or re.search(r"\d", text):
        return False
    core = re.sub(r"\s*[(（][^()（）]*[)）]", "", text).strip()
    parts = [p for p in _SPLIT_NAMES.split(core) if p]
    return bool(parts) and all(_is_name(p) for p in parts)


def _is_name(part: str) -> bool:
    if re.fullmatch(r"[\u4e00-\u9fff·•]{2,4}", part):
        return True
    words = part.split()
    if not words or len(words) > 4 or cjk_count(part):
        return False
    for word in words:
        if word.lower() in PARTICLES:
            continue
        if not re.fullmatch(r"[A-Z\u00c0-\u00de][\w.'’\-]*", word):
            return False
    return words[0].lower() not in PARTICLES


def _full_name(part: str) -> bool:
    if cjk_count(part):
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", part) or part in ZH_WORDS:
            return False
        return part[0] in _SURNAMES or (part[:2] in _COMPOUND_SURNAMES and len(part) == 3)
    words = part.split()
    named = [w for w in words if w.lower() not in PARTICLES]
    return len(named) >= 2 and _is_name(part) and not any(w.lower().strip(".") in REMARK_WORDS for w in words)


def _listed(part: str, known: Iterable[str]) -> bool:
    key = part.casefold()
    names = [n.casefold() for n in known if n.strip()]
    if key in names:
        return True
    if " " in key or cjk_count(key) or not key:
        return False
    return sum(1 for n in names if key in (n.split()[0], n.split()[-1])) == 1


def names_in_round_brackets(text: str, known: Iterable[str] = ()) -> bool:
    """Is the content of a round bracket group one or more people (see above)?"""
    text = text.strip()
    if not text or len(text) > 60 or re.search(r"\d", text):
        return False
    known = list(known)
    parts = [p for p in _SPLIT_NAMES.split(text) if p]
    return bool(parts) and all(_listed(p, known) or _full_name(p) for p in parts)


def is_placeholder(owner: str) -> bool:
    """Is ``owner`` a stand-in for "nobody yet" (``—``, ``TBD``, ``待定``)?"""
    return owner.strip().strip(".").casefold() in _PLACEHOLDERS

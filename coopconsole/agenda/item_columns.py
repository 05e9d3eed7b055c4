"""The columns of an agenda table, by their headers: time, item, time box, owner.

Headers are compared case- and space-insensitively (see
:func:`coopconsole.agenda.markdown_lines.norm_key`); a unit in brackets at the end
(``Time (min)``, ``时长(分钟)``) is looked past, and a time column whose header speaks of
minutes holds time boxes.
"""

from __future__ import annotations

import re

from coopconsole.agenda.item_line import BOX_KEYS, OWNER_KEYS, TIME_KEYS
from coopconsole.agenda.markdown_lines import norm_key

_TIME_COLS = TIME_KEYS
_ITEM_COLS = {
    "item",
    "items",
    "topic",
    "topics",
    "agenda",
    "agenda item",
    "session",
    "title",
    "subject",
    "activity",
    "议题",
    "内容",
    "事项",
    "议程",
    "主题",
    "环节",
    "活动",
    "议程内容",
}
_BOX_COLS = BOX_KEYS | {"mins", "minutes", "min", "分钟", "time (min)", "time (mins)"}
_OWNER_COLS = OWNER_KEYS | {"who"}
_SKIP_COLS = {"#", "no", "no.", "nr", "number", "序号", "编号", "item no"}


def column_kind(header: str) -> str:
    """What an agenda table's column holds, by its header: ``time``, ``item``, ``box``,
    ``owner``, ``skip`` (a row number), or ``""`` (something else: a sub-point)."""
    key = norm_key(header)
    if key in _BOX_COLS:
        return "box"
    key = norm_key(re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", header)) or key
    for kind, names in (
        ("time", _TIME_COLS),
        ("item", _ITEM_COLS),
        ("box", _BOX_COLS),
        ("owner", _OWNER_COLS),
        ("skip", _SKIP_COLS),
    ):
        if key in names:
            if kind == "time" and re.search(r"(?i)min|分钟", header):
                return "box"
            return kind
    return ""

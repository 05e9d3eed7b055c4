"""The meeting goals and their tiers.

Goals are list items (or paragraph lines carrying a tier prefix). Tier prefixes:
``Primary``/``初级``/``初级目标``, ``Intermediate``/``中级``/``中级目标``, ``Advanced``/
``高级``/``高级目标``, optionally followed by goal/objective/target, then ``:``/``：`` or
a spaced dash, or written in brackets (``[Primary]``). A tier word alone (an item with
nested goals, or a deeper heading) sets the tier of the goals under it. **A goal
without a tier takes the tier set by such a heading or item above it, and is PRIMARY
otherwise** - the first thing a meeting must achieve. This is not reported. Entries
nested under a goal that has text are reported, not read: they may be steps or remarks
as well as goals.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.items import Report
from coopconsole.agenda.markdown_lines import block_lines, norm_key, own_lines, strip_enum, table_rows
from coopconsole.agenda.people import report_nested
from coopconsole.domain.model import GoalTier

_LISTS = ("bullet_list", "ordered_list")
_TIERS = {
    "primary": GoalTier.PRIMARY,
    "初级": GoalTier.PRIMARY,
    "intermediate": GoalTier.INTERMEDIATE,
    "中级": GoalTier.INTERMEDIATE,
    "advanced": GoalTier.ADVANCED,
    "高级": GoalTier.ADVANCED,
}
_TIER_RE = re.compile(
    r"^\s*(?P<open>[\[(（【])?\s*(?P<word>primary|intermediate|advanced|初级|中级|高级)\s*"
    r"(?P<suffix>goals?|objectives?|targets?|目标)?\s*(?P<close>[\])）】])?",
    re.IGNORECASE,
)


def split_tier(text: str) -> tuple[GoalTier | None, str]:
    """A leading tier prefix and the rest of the goal (see the module notes)."""
    m = _TIER_RE.match(text)
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return None, text.strip()
    rest = text[m.end() :]
    chinese = m.group("word") in ("初级", "中级", "高级")
    if not m.group("open") and rest.strip() and not re.match(r"\s*(?:[:：]|[-–—]+\s)", rest):
        if not (chinese and m.group("suffix")):
            return None, text.strip()
    return _TIERS[m.group("word").lower()], re.sub(r"^[\s:：\-–—]+", "", rest).strip()


def _table_goals(table: SyntaxTreeNode, tier: GoalTier | None) -> list[tuple[GoalTier, str]]:
    rows = table_rows(table)
    header = [norm_key(h) for h in rows[0][1]] if rows else []
    tier_col = next((i for i, h in enumerate(header) if h in ("tier", "level", "层级", "级别", "等级", "类型")), None)
    goal_col = next((i for i, h in enumerate(header) if h in ("goal", "goals", "objective", "目标", "内容")), None)
    if goal_col is None:
        goal_col = next((i for i in range(len(header)) if i != tier_col), 0)
    goals = []
    for _no, cells in rows[1:]:
        text = cells[goal_col].strip() if goal_col < len(cells) else ""
        row_tier = split_tier(cells[tier_col])[0] if tier_col is not None and tier_col < len(cells) else None
        own, text = split_tier(text)
        if text:
            goals.append((row_tier or own or tier or GoalTier.PRIMARY, text))
    return goals


def read_goals(blocks: list[SyntaxTreeNode], report: Report) -> list[tuple[GoalTier, str]]:
    structured = any(b.type in _LISTS + ("table",) for b in blocks)
    goals: list[tuple[GoalTier, str]] = []
    context: GoalTier | None = None

    def add_list(node: SyntaxTreeNode, tier: GoalTier | None) -> None:
        for li in node.children:
            lines, nested = own_lines(li)
            own, text = split_tier(" ".join(strip_enum(ln.text) for ln in lines))
            if text:
                goals.append((own or tier or GoalTier.PRIMARY, text))
                report_nested(nested, text, "goal", report)
            elif nested:
                for lst in nested:
                    add_list(lst, own or tier)
            else:
                report(lines[0].no if lines else (li.map[0] + 1 if li.map else 1), "empty_goal")

    for node in blocks:
        if node.type == "heading":
            tier, rest = split_tier(" ".join(ln.text for ln in block_lines(node)))
            context = tier if tier is not None and not rest else context
        elif node.type in _LISTS:
            add_list(node, context)
        elif node.type == "table":
            goals.extend(_table_goals(node, context))
        elif node.type == "paragraph":
            for line in block_lines(node):
                tier, text = split_tier(line.text)
                if text and (tier is not None or not (structured or text.endswith((":", "：")))):
                    goals.append((tier or context or GoalTier.PRIMARY, text))
    return goals

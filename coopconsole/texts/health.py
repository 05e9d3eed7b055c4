"""The health checks in words: what is wrong and how to fix it, in English or Chinese.

:func:`report` turns the findings of :func:`coopconsole.domain.health.health` into
``{code, severity, message, fix}`` entries, the form ``coopconsole show --json`` and
``coopconsole health`` give and the console shows.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from coopconsole.domain.balance import Roster, replay, stats_from
from coopconsole.domain.health import Finding, health
from coopconsole.domain.model import Session
from coopconsole.domain.timeline import state_from_replay

# code: ((English message, fix), (Chinese message, fix)); {names} are filled from details
TEXTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "vague-goals": (
        ("{what}", "Give each goal an outcome you can check at the end: a number, a document, a signature."),
        ("{what}", "为每个目标写明会后可以检验的结果:数量、文件或签署。"),
    ),
    "decision-maker-absent": (
        (
            "No decision maker of {orgs} is in the room.",
            "Ask the decision maker to join, or have the organisation name an authorised representative.",
        ),
        ("{orgs}没有决策者在场。", "请决策者到场,或由该单位明确授权代表。"),
    ),
    "behind-schedule": (
        (
            "{minutes} min behind plan: the meeting would end at {projected}.",
            "Re-plan the remaining items (shorten them, park one, or agree the later end).",
        ),
        ("落后计划 {minutes} 分钟:预计 {projected} 结束。", "调整剩余议程:压缩时长、移入停车场,或确认延后结束。"),
    ),
    "item-overrun": (
        (
            "Item {item} is {minutes} min over its time box.",
            "Close it with a decision, park what is left, or extend it on purpose.",
        ),
        ("议题 {item} 已超时 {minutes} 分钟。", "以决议收尾、把余下问题移入停车场,或明确延长时间。"),
    ),
    "parking-lot-growing": (
        (
            "{count} points were parked during item {item}: the discussion is drifting.",
            "Bring the room back to the item's question; schedule the parked points.",
        ),
        ("议题 {item} 期间已有 {count} 项停车场事项:讨论正在发散。", "把讨论拉回本议题;为停车场事项安排时间。"),
    ),
    "unbalanced-voices": (
        ("{what}", "Invite the quieter side by name; time-box the dominant voice."),
        ("{what}", "点名邀请较少发言的一方;限制主导方的发言时间。"),
    ),
    "action-missing-owner": (
        (
            "Actions {actions} have no owner who is a participant.",
            "Give each action one participant as owner (e to edit).",
        ),
        ("行动项 {actions} 没有明确的参会负责人。", "为每个行动项指定一位参会人为负责人(按 e 编辑)。"),
    ),
    "action-missing-deadline": (
        ("Actions {actions} have no deadline, or one already past.", "Give each action a date (e to edit)."),
        ("行动项 {actions} 没有截止日期或已过期。", "为每个行动项写明截止日期(按 e 编辑)。"),
    ),
    "action-vague": (
        (
            "Actions {actions} do not say what will be delivered.",
            "Name the result: a verb and the thing delivered (send the draft MOU).",
        ),
        ("行动项 {actions} 的交付内容不具体。", "写明动作和交付物,例如:发送合作备忘录初稿。"),
    ),
    "no-decision": (
        ("Items {items} closed with no decision and no action.", "Record the consensus (d) or an action (a) for them."),
        ("议题 {items} 结束时没有决议也没有行动项。", "为这些议题补记共识(d)或行动项(a)。"),
    ),
    "minutes-overdue": (
        ("The minutes were due by {due} and have not been sent.", "Send them now: coopconsole minutes, or m then w."),
        ("纪要应于 {due} 前发出,至今未发。", "请立即发出:coopconsole minutes,或在控制台按 m 再按 w。"),
    ),
}


def _numbers(ids: list[Any], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(f"#{i}" for i in ids)


def _names(names: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)


def _when(moment: datetime, tz: tzinfo | None) -> str:
    local = moment.astimezone(tz) if tz is not None else moment
    return local.strftime("%m-%d %H:%M")


def words(finding: Finding, lang: str, tz: tzinfo | None) -> tuple[str, str]:
    """(message, fix) for ``finding`` in ``lang``."""
    message, fix = TEXTS[finding.code][1 if lang == "zh" else 0]
    d, zh = finding.details, lang == "zh"
    values: dict[str, Any] = {}
    if finding.code == "vague-goals":
        goals = d.get("goals") or []
        if not goals:
            values["what"] = "本次会议没有设定目标。" if zh else "The meeting has no goals."
        else:
            quoted = _names([f"「{g}」" if zh else f"“{g}”" for g in goals], lang)
            values["what"] = f"目标缺少可衡量的结果:{quoted}。" if zh else f"No measurable outcome in {quoted}."
    elif finding.code == "unbalanced-voices":
        if "org" in d:
            values["what"] = (
                f"{d['org']}占了 {d['share']}% 的发言时间。"
                if zh
                else f"{d['org']} holds {d['share']}% of the speaking time."
            )
        else:
            who = _names(list(d["silent"]), lang)
            values["what"] = (
                f"议题 {d['item']} 上尚未发言:{who}。" if zh else f"Not yet heard on item {d['item']}: {who}."
            )
    for key, value in d.items():
        if key in ("actions", "items"):
            values[key] = _numbers(list(value), lang)
        elif key == "orgs":
            values[key] = _names(list(value), lang)
        elif isinstance(value, datetime):
            values[key] = _when(value, tz)
        elif key not in values:
            values[key] = value
    return message.format(**values), fix.format(**values)


def report(session: Session, now: datetime, lang: str = "en") -> list[dict[str, str]]:
    """The health of ``session`` as of ``now``: ``{code, severity, message, fix}`` each."""
    floor = replay(session, now)
    state = state_from_replay(session, floor.clock, now)
    roster = Roster.of(session.participants)
    stats = stats_from(roster, floor, now)
    item_stats = stats_from(roster, floor, now, state.current) if state.current is not None else None
    return entries(health(session, state, stats, item_stats, now), lang, now.tzinfo)


def entries(findings: list[Finding], lang: str, tz: tzinfo | None) -> list[dict[str, str]]:
    """``{code, severity, message, fix}`` for each finding."""
    out = []
    for finding in findings:
        message, fix = words(finding, lang, tz)
        out.append({"code": finding.code, "severity": finding.severity.value, "message": message, "fix": fix})
    return out

"""收尾检查清单(``ctrl+e``)的中文:会议结束前仍未了结的事项、每一项的处理方式,以及
两个出口(:data:`coopconsole.texts.zh.TEXTS` 的一部分)。"""

from __future__ import annotations

CLOSING_LIST: dict[str, str] = {
    "closing.title": "结束会议前的收尾检查:还有 {count} 项未了结",
    "closing.title.none": "结束会议前的收尾检查",
    "closing.title.ended": "会议已结束:还有 {count} 项未了结",
    "closing.nothing": "没有未了结的事项。",
    "closing.group.unreached": "未进行的议题({count})",
    "closing.group.parked": "停车场中仍待处理的事项({count})",
    "closing.group.actions": "不符合SMART原则的行动项({count})",
    "closing.group.positions": "尚未记录各方意见的决议({count})",
    "closing.current": "当前议题,尚未开始",
    "closing.missing": "缺{organisations}的意见",
    "closing.end": "现在结束会议",
    "closing.back": "返回会议",
    "closing.hint": "↑ ↓ 选择 · 回车处理该项(或结束会议、返回会议) · Esc 返回会议",
    # 未进行的议题:如何处理
    "closing.item.ask": "议题 {item} 未进行",
    "closing.item.goto": "现在进入该议题",
    "closing.item.defer": "留待下次会议",
    "closing.item.deferred": "「{item}」已留待下次会议(停车场事项 #{id})。",
    "error.item-begun": "第 {item} 项议题已经开始,不能留待下次会议。",
    "error.item-deferred": "第 {item} 项议题已留待下次会议。",
}

"""The Chinese words of the projector (投影), the read-only view for a second display
(part of :data:`coopconsole.texts.zh.TEXTS`)."""

from __future__ import annotations

PROJECTOR: dict[str, str] = {
    "projector.cmd": "视图:投影(全屏,只读;Esc 返回)",
    "projector.not_started": "尚未开始 · 计划 {time} 开始",
    "projector.item": "第 {number} 项,共 {count} 项",
    "projector.floor": "{name} 正在发言 · {turn}",
    "projector.floor_org": "{name}({org})正在发言 · {turn}",
    "projector.nobody": "无人发言",
    "projector.next": "接下来:{items}",
    "projector.next_item": "{time} {title}",
    "projector.last_item": "接下来:无,这是最后一项",
    "projector.parked": "停车场待议:{count} 项",
    "projector.decision": "最新决议:{text}",
    "projector.no_decision": "尚无决议",
    "projector.key.close": "关闭",
    "projector.key.close.tip": "关闭投影视图",
}

"""The Chinese words of the speaker queue (发言排队) and the per-turn time limit: the
speakers pane's queue line and turn figures, the keys, the palette, the picker and the
refusals (part of :data:`coopconsole.texts.zh.TEXTS`)."""

from __future__ import annotations

SPEAKER_QUEUE: dict[str, str] = {
    # the speakers pane
    "speakers.no_org": "未填单位",
    "speakers.now_first": "{name} 正在发言 · {turn}",
    "speakers.now": "{name} 正在发言 · 本次 {turn} · 累计 {total}",
    "speakers.now_left": "{name} 正在发言 · 本次剩余 {left} · 累计 {total}",
    "speakers.now_over": "{name} 正在发言 · 本次超时 {over} · 累计 {total}",
    "speakers.next": "排队:{people}",
    # keys, their tooltips and the palette
    "key.queue": "排队",
    "key.floor_next": "下一位",
    "cmd.queue": "发言:加入或移出发言排队",
    "cmd.floor_next": "发言:由排队中的下一位发言",
    "cmd.queue_add": "发言:{name} 加入排队",
    "cmd.queue_remove": "发言:{name} 移出排队",
    "help.queue": "把参会人加入发言排队(再按其编号),或移出",
    "help.floor_next": "由排队中的下一位发言",
    # the picker
    "pick.queue": "发言排队:按编号或选择(再选一次:移出排队)",
    "pick.queue_speaking": "正在发言",
    "pick.queue_position": "排队第 {position} 位",
    # refusals
    "error.queue-absent": "{name} 已标记为缺席:请先标记其已到场(迟到),再加入排队。",
    "error.queue-left": "{name} 已离场,不能加入排队。",
    "error.queue-speaking": "{name} 正在发言,不加入排队。",
    "error.queue-already": "{name} 已在排队中。",
    "error.queue-not-in": "{name} 不在排队中。",
    "error.queue-empty": "排队中没有人:按 q 加入。",
    # the per-turn limit
    "turn.cmd.limit": "发言:每次发言限时 {minutes} 分钟(当前:{now})",
    "turn.cmd.off": "发言:每次发言不限时(当前:{now})",
    "turn.none": "不限时",
    "turn.limit_on": "每次发言限时 {minutes} 分钟:发言区显示倒计时。",
    "turn.limit_off": "每次发言不限时:发言区显示本次已用时间。",
}

"""The Chinese words about the people in the room: the facilitator's (主持人) and the
note-taker's (记录人) duty, an absent person given the floor, and an action owned by someone
absent (part of :data:`coopconsole.texts.zh.TEXTS`)."""

from __future__ import annotations

PEOPLE: dict[str, str] = {
    # the speakers pane: a short mark after the figures
    "speakers.duty.facilitator": "主持人",
    "speakers.duty.note_taker": "记录人",
    # the same, where the pane is narrow (an 80-column terminal)
    "speakers.duty_short.facilitator": "主持",
    "speakers.duty_short.note_taker": "记录",
    # the minutes' attendees table, in the role column
    "minutes.duty.facilitator": "主持人",
    "minutes.duty.note_taker": "记录人",
    # giving the floor to someone marked absent
    "arrival.title": "{name} 已标记为缺席。是否已经到场？",
    "arrival.yes": "已到场（迟到）：请其发言",
    "arrival.no": "取消：发言人不变",
    "error.absent": "{name} 已标记为缺席：请先标记其已到场（迟到），再请其发言。",
    # the SMART check of an action owned by someone absent
    "smart.owner-absent": "负责人缺席",
    "minutes.check.owner-absent": "负责人未出席",
}

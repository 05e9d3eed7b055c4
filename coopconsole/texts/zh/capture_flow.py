"""实时记录流程的中文用语:行动项行的 SMART 标记及其说明行、停车场事项经输入栏转为行动项、
其他终端新增记录的提示(属于 :data:`coopconsole.texts.zh.TEXTS`)。"""

from __future__ import annotations

CAPTURE_FLOW: dict[str, str] = {
    "actions.problems": "#{id} ✗ {problems}",
    "actions.row.no_owner": "?",
    "actions.row.no_deadline": "?",
    "capture.from_parked": "停车场 #{id} 转行动项",
    "capture.from_parked.hint": "补上 @负责人 和截止日期 · 回车保存 · Esc 保留该事项",
    "capture.from_parked.done": "停车场 #{id} → 行动项 #{action}",
    "outside.one": "其他终端新增:{what}",
    "outside.changed": "其他终端更新:{what}",
    "outside.many": "其他终端新增了 {count} 条记录",
    "outside.many_changed": "其他终端有 {count} 处更新",
    "outside.action": "行动项 #{id} · {owner} · {deliverable}",
    "outside.decision": "决议 #{id} · {text}",
    "outside.note": "讨论要点 #{id} · {text}",
    "outside.parked": "停车场事项 #{id} · {text}",
    "outside.state": "行动项 #{id} 现为{state}",
}

"""The Chinese words of the command line's own output (the same keys as
:mod:`coopconsole.texts.en.cli_output`): ``coopconsole show``, what ``coopconsole add``
says it understood, counts, the minutes' state, and the health checks' fixes."""

from __future__ import annotations

CLI_OUTPUT: dict[str, str] = {
    # coopconsole show: the meeting
    "cli.field": "{label}:{value}",
    "cli.show.status": "状态",
    "cli.show.minutes": "纪要",
    "cli.show.series": "系列",
    "cli.show.follows": "上次会议",
    "cli.show.next_meeting": "下次会议",
    "cli.show.span": "{start}–{end}",
    "cli.show.heading": "{heading}({count})",
    "cli.show.heading_none": "{heading}:无",
    "cli.show.h.attendance": "出席情况",
    "cli.show.h.goals": "目标",
    "cli.show.h.agenda": "议程",
    "cli.show.h.actions": "行动项",
    "cli.show.h.decisions": "决议",
    "cli.show.h.notes": "讨论要点",
    "cli.show.h.parked": "停车场",
    "cli.show.attending": "{total} 人中 {here} 人出席",
    "cli.show.spoke": "发言 {duration}({share}%)",
    "cli.show.by_org": "各单位发言:{orgs}",
    "cli.show.org_share": "{org} {share}%({duration})",
    "cli.show.planned": "计划 {box}",
    "cli.show.planned_at": "计划 {start} 开始,{box}",
    "cli.show.actual": "实际 {span} · {duration}",
    "cli.show.over": "超时 {duration}",
    "cli.show.break": "休息",
    "cli.show.on_item": "议题 {item}",
    "cli.show.from": "来自 {origin}",
    # coopconsole new --dry-run: the plan as read, before it is a session
    "cli.plan.h.participants": "参会人员",
    "cli.plan.h.parked": "停车场(时间允许时再排)",
    "cli.plan.h.problems": "议程中的问题",
    "cli.plan.problem": "第 {line} 行:{message}",
    "cli.plan.no_date": "未写日期",
    "cli.plan.no_start": "未写开始时间",
    "cli.plan.name": "将保存为",
    "cli.plan.dry_run": "试运行:未写入任何文件。",
    # coopconsole add: what it understood
    "cli.kind.action": "行动项",
    "cli.kind.note": "讨论要点",
    "cli.kind.decision": "决议",
    "cli.kind.park": "停车场事项",
    "cli.smart.ok": "✓SMART",
    "cli.smart.problems": "⚠ {problems}",
    # counts and the minutes' state (coopconsole list and show)
    "cli.count.item.one": "{n} 个议题",
    "cli.count.item": "{n} 个议题",
    "cli.count.participant.one": "{n} 位参会人",
    "cli.count.participant": "{n} 位参会人",
    "cli.count.action.one": "{n} 个行动项",
    "cli.count.action": "{n} 个行动项",
    "cli.count.decision.one": "{n} 项决议",
    "cli.count.decision": "{n} 项决议",
    "cli.count.note.one": "{n} 条讨论要点",
    "cli.count.note": "{n} 条讨论要点",
    "cli.count.parked.one": "{n} 个停车场事项",
    "cli.count.parked": "{n} 个停车场事项",
    "cli.minutes.due": "应于 {due} 前发出",
    "cli.minutes.overdue": "已逾期(应于 {due} 前发出)",
    "cli.minutes.written": "已于 {when} 发出{late},{confirmed}/{asked} 人已确认",
    "cli.minutes.late": "(迟发)",
    # the health checks' fixes on the command line, where the console's keys mean nothing
    "cli.health.action-missing-owner.fix": "为每个行动项指定一位参会人为负责人。",
    "cli.health.action-missing-deadline.fix": "为每个行动项写明截止日期。",
    "cli.health.no-decision.fix": "为这些议题补记共识或行动项。",
    "cli.health.minutes-overdue.fix": "请立即发出:coopconsole minutes {name} --send",
    "cli.health.action-overdue.fix": "请负责人给出新日期或所需支持,并记录下来:"
    'coopconsole status {name}#N doing --note "新日期:..."',
    "cli.health.previous-actions-not-reviewed.fix": "会议结束前补上:对每一项执行 "
    "coopconsole status {name}#N 状态 --note 备注。",
}

"""The console's strings for the facilitator's playbook (goals, health, re-planning,
attendance, the cooling-down break), in English and Chinese; :mod:`coopconsole.texts`
adds them to its table, so ``t()`` finds them like any other."""

from __future__ import annotations

# key: (English, Chinese)
PLAYBOOK: dict[str, tuple[str, str]] = {
    # header
    "header.goals": ("goals {done}/{total}", "目标 {done}/{total}"),
    "header.health": ("⚠ {count} (h)", "⚠ {count}(h)"),
    "header.cooling": ("cooling down, {left} left", "冷静暂停中,剩余 {left}"),
    # health panel
    "key.health": ("Health", "健康"),
    "cmd.health": ("meeting: health checks", "会议:健康检查"),
    "help.health": ("Show the meeting's health checks and how to fix each", "查看会议健康检查及处理建议"),
    "health.title": ("Meeting health", "会议健康检查"),
    "health.none": ("All checks pass.", "各项检查均通过。"),
    "health.close": ("Updates by itself · Escape closes", "自动更新 · 按 Esc 关闭"),
    "health.severity.critical": ("critical", "严重"),
    "health.severity.warning": ("warning", "注意"),
    "health.severity.info": ("note", "提示"),
    # goals
    "key.goals": ("Goals", "目标"),
    "cmd.goals": ("goals: judge or add the meeting's goals", "目标:评估或添加会议目标"),
    "help.goals": ("Judge each goal (achieved or not) and add goals", "评估各项目标是否达成,或添加目标"),
    "goals.title": ("Goals", "会议目标"),
    "goals.none": ("No goals yet: add one below.", "尚无目标:请在下方添加。"),
    "goals.add": ("New goal, e.g. 'intermediate: agree a draft MOU'", "新目标,例如:中级:确定合作备忘录初稿"),
    "goals.hint": (
        "Enter on a goal: achieved → not achieved → not judged · Escape closes",
        "在目标上按回车:已达成 → 未达成 → 未评估 · 按 Esc 关闭",
    ),
    "goal.achieved": ("achieved", "已达成"),
    "goal.missed": ("not achieved", "未达成"),
    "goal.open": ("not judged", "未评估"),
    "goal.ask": ("Goal reached? {tier} · {text}", "目标是否达成?{tier} · {text}"),
    "goal.yes": ("Yes, achieved", "是,已达成"),
    "goal.no": ("No, not achieved", "否,未达成"),
    "goal.skip": ("Decide later", "稍后再定"),
    "tier.primary": ("Primary", "初级"),
    "tier.intermediate": ("Intermediate", "中级"),
    "tier.advanced": ("Advanced", "高级"),
    # re-plan
    "key.replan": ("Re-plan", "调整议程"),
    "cmd.replan": ("agenda: re-plan the rest of the meeting", "议程:调整剩余议程"),
    "help.replan": (
        "When behind: see the options, each with its new end, and apply one",
        "落后时:查看各调整方案及新的结束时间并执行",
    ),
    "key.undo": ("Undo re-plan", "撤销调整"),
    "cmd.undo": ("agenda: undo the last re-plan", "议程:撤销上次调整"),
    "help.undo": ("Undo the last re-plan", "撤销上一次议程调整"),
    "replan.title": ("Behind by {minutes} min: how to catch up", "落后 {minutes} 分钟:如何调整"),
    "replan.shrink": (
        "Shrink the items ahead in proportion (saves {minutes} min)",
        "按比例压缩后续议题(节省 {minutes} 分钟)",
    ),
    "replan.park": (
        "Move {item} to the parking lot (saves {minutes} min)",
        "将「{item}」移入停车场(节省 {minutes} 分钟)",
    ),
    "replan.defer": (
        "Move {item} to the next meeting (saves {minutes} min)",
        "将「{item}」留待下次会议(节省 {minutes} 分钟)",
    ),
    "replan.accept": ("Accept the later end", "接受延后结束"),
    "replan.ends": ("ends {projected}, plan {planned}", "预计 {projected} 结束,计划 {planned}"),
    "replan.done": (
        "Re-planned: the meeting now ends {projected}. Press u to undo.",
        "议程已调整:预计 {projected} 结束。按 u 撤销。",
    ),
    "replan.undone": ("The last re-plan was undone.", "已撤销上次议程调整。"),
    # closing an item
    "close.title": ("Nothing recorded on “{item}” yet", "「{item}」尚无任何记录"),
    "close.decide": ("Record the consensus now", "现在记录共识"),
    "close.move_on": ("Move on without one", "不记录,继续下一议题"),
    # attendance
    "key.attendance": ("Attendance", "出席"),
    "cmd.attendance_pick": (
        "attendance: mark someone present, absent, late or left",
        "出席:标记出席、缺席、迟到或早退",
    ),
    "help.attendance": ("Mark a participant present, absent, late or left early", "标记参会人出席、缺席、迟到或早退"),
    "attendance.who": ("Whose attendance?", "标记谁的出席情况?"),
    "attendance.state": ("{name} is …", "{name} 的出席情况"),
    "attendance.late_ago": ("late, arrived {minutes} min ago", "迟到,{minutes} 分钟前到场"),
    "attendance.left_ago": ("left {minutes} min ago", "早退,{minutes} 分钟前离场"),
    # positions on a decision
    "cmd.positions": (
        "decision: each organisation's position on the latest decision",
        "决议:记录各单位对最新决议的意见",
    ),
    "key.positions": ("Positions", "各方意见"),
    "help.positions": (
        "Record each organisation's position (agree, object, abstain) on the latest decision",
        "记录各单位对最新决议的意见(同意、反对、弃权)",
    ),
    "positions.ask": ("{org} on “{text}”", "{org}对「{text}」的意见"),
    "positions.none": ("No decision yet: press d to record one.", "尚无决议:按 d 记录。"),
    "stance.agree": ("agrees", "同意"),
    "stance.object": ("objects", "反对"),
    "stance.abstain": ("abstains", "弃权"),
    "stance.skip": ("not recorded (next organisation)", "不记录(下一个单位)"),
    # cooling down
    "key.cool": ("Cool down", "冷静暂停"),
    "cmd.cool": ("agenda: pause for cooling down", "议程:冷静暂停"),
    "help.cool": ("Pause for cooling down: an unplanned break that moves the plan", "冷静暂停:临时休息,议程顺延"),
    "cool.title": ("Pause for cooling down: how long?", "冷静暂停多久?"),
    "cool.minutes": ("{minutes} minutes", "{minutes} 分钟"),
    "cool.done": (
        "Cooling-down break of {minutes} min: the plan moves {minutes} min later. Space resumes.",
        "冷静暂停 {minutes} 分钟:后续议程顺延 {minutes} 分钟。按空格键继续。",
    ),
}

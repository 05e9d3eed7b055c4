"""Every string the console shows, in English and Chinese: one table.

The Chinese side uses the words a facilitator uses in the room: 议程 (agenda), 发言
(speaking), 停车场 (parking lot), 行动项 (actions), 决议 (decisions), 纪要 (minutes).
``t(key, lang, **values)`` formats an entry; a missing key is a programming error and
raises ``KeyError`` (a test checks that every key has both languages).

The language is ``--lang`` if given, else the remembered setting, else the ``LANG`` /
``LC_ALL`` / ``LC_MESSAGES`` environment (``zh*`` means Chinese), else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from coopconsole.texts.playbook import PLAYBOOK

LANGS = ("en", "zh")

# key: (English, Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    # the first screen
    "picker.folder": ("Sessions in {folder}", "会议记录位置:{folder}"),
    "picker.sample_en": ("▶ Sample meeting (English): Smart Park cooperation", "▶ 示例会议(英文):智慧园区合作推进会"),
    "picker.sample_zh": (
        "▶ Sample meeting (Chinese): AI quality inspection pilot",
        "▶ 示例会议(中文):AI质检合作推进会",
    ),
    "picker.unreadable": ("{name}: cannot be read", "{name}:无法读取"),
    "picker.open": ("Open", "打开"),
    # meeting state (header)
    "state.planned": ("Not started", "未开始"),
    "state.running": ("Running", "进行中"),
    "state.paused": ("Paused", "已暂停"),
    "state.ended": ("Ended", "已结束"),
    "header.projected": ("ends {projected} · plan {planned}", "预计 {projected} 结束 · 计划 {planned}"),
    "header.behind": ("{minutes} min behind", "落后 {minutes} 分钟"),
    "header.ahead": ("{minutes} min ahead", "提前 {minutes} 分钟"),
    "header.on_time": ("on time", "准时"),
    # agenda pane
    "agenda.title": ("Agenda", "议程"),
    "agenda.not_started": ("Press space to start the agenda clock", "按空格键开始计时"),
    "agenda.paused": ("Paused: press space to resume", "已暂停:按空格键继续"),
    "agenda.ended": ("The meeting has ended", "会议已结束"),
    "agenda.left": ("left of {box}", "剩余时间(本议题共 {box})"),
    "agenda.over": ("OVER the {box} box", "已超出原定的 {box}"),
    "agenda.no_box": ("no time box", "未设时长"),
    "agenda.minutes": ("{minutes} min", "{minutes} 分钟"),
    "agenda.drift_behind": ("{minutes} min behind plan", "比计划落后 {minutes} 分钟"),
    "agenda.drift_ahead": ("{minutes} min ahead of plan", "比计划提前 {minutes} 分钟"),
    "agenda.drift_none": ("on plan", "与计划一致"),
    "agenda.projected_end": ("projected end {time}", "预计结束 {time}"),
    # speakers pane
    "speakers.title": ("Speakers", "发言"),
    "speakers.nobody": ("Nobody speaking", "无人发言"),
    "speakers.now": ("{name} speaking · {duration}", "{name} 正在发言 · {duration}"),
    "speakers.scope_meeting": ("meeting", "全场"),
    "speakers.scope_item": ("this item", "本议题"),
    "flag.quiet": ("quiet", "少言"),
    "flag.dominant": ("dominant", "主导"),
    "attendance.present": ("present", "出席"),
    "attendance.absent": ("absent", "缺席"),
    "attendance.late": ("late", "迟到"),
    "attendance.left": ("left", "早退"),
    # parking lot
    "parking.title": ("Parking lot", "停车场"),
    "parking.empty": ("Nothing parked. Press l to park an off-topic point.", "暂无。按 l 记录偏题事项。"),
    "parking.raised_by": ("raised by {name}", "{name} 提出"),
    "parking.on_item": ("during {item}", "于「{item}」"),
    "resolution.open": ("open", "待处理"),
    "resolution.scheduled": ("scheduled to {item}", "已排入「{item}」"),
    "resolution.action": ("now action #{id}", "已转为行动项 #{id}"),
    "resolution.deferred": ("deferred to the next meeting", "留待下次会议"),
    # actions, decisions, notes
    "actions.title": ("Actions", "行动项"),
    "actions.empty": ("No actions yet. Press a to capture one.", "暂无行动项。按 a 记录。"),
    "actions.no_owner": ("(no owner)", "(无负责人)"),
    "actions.earlier": (
        "… {count} earlier actions of other items (all are in the minutes and in 'coopconsole show')",
        "… 另有其他议题的 {count} 条较早行动项(完整列表见纪要或 coopconsole show)",
    ),
    "actions.no_deadline": ("no deadline", "无截止日期"),
    "decisions.title": ("Decisions", "决议"),
    "notes.title": ("Notes", "讨论要点"),
    "smart.ok": ("SMART", "SMART"),
    "smart.owner-missing": ("no owner", "缺负责人"),
    "smart.owner-unknown": ("owner not in meeting", "负责人不在名单"),
    "smart.owner-ambiguous": ("owner ambiguous: type more of the name", "负责人不明确:名字对应多人,请写全名"),
    "smart.deadline-missing": ("no deadline", "缺截止日期"),
    "smart.deadline-past": ("deadline past", "截止日期已过"),
    "smart.deliverable-vague": ("vague", "交付物不明确"),
    # capture bar
    "capture.action": ("Action", "行动项"),
    "capture.note": ("Note", "讨论要点"),
    "capture.decision": ("Decision", "决议"),
    "capture.park": ("Parked point", "停车场事项"),
    "capture.edit": ("Edit", "修改"),
    "capture.hint.action": (
        "@owner what will be delivered by DATE · Enter saves · Esc cancels",
        "@负责人 交付内容 截止日期(如 周五前、两周内)· 回车保存 · Esc 取消",
    ),
    "capture.hint.text": ("Enter saves · Esc cancels", "回车保存 · Esc 取消"),
    "capture.hint.park": ("@who raised it, and the point · Enter saves", "@提出人 事项 · 回车保存"),
    "capture.saved": ("Saved: {kind} #{id}", "已保存:{kind} #{id}"),
    "capture.failed": (
        "Not saved: {error}. Your text is still in the bar; press Enter to try again.",
        "未能保存:{error}。内容仍在输入栏中,按回车重试。",
    ),
    "save.failed": (
        "Not saved: {error}. Nothing was changed; try again.",
        "未能保存:{error}。会议记录未改变,请重试。",
    ),
    "capture.smart_hint": ("Check: {problems}", "请检查:{problems}"),
    # bindings (footer and help)
    "key.clock": ("Clock", "计时"),
    "key.next": ("Next", "下一项"),
    "key.prev": ("Back", "上一项"),
    "key.extend": ("+5", "+5"),
    "key.shorten": ("-5", "-5"),
    "key.speaker": ("Speaker", "发言人"),
    "key.nobody": ("Nobody", "无人发言"),
    "key.pick_speaker": ("Pick speaker", "选择发言人"),
    "key.action": ("Action", "行动项"),
    "key.note": ("Note", "要点"),
    "key.decision": ("Decide", "决议"),
    "key.park": ("Park", "停车"),
    "key.edit": ("Edit", "修改"),
    "key.help": ("Help", "帮助"),
    "key.quit": ("Quit", "退出"),
    "key.back": ("Sessions", "会议列表"),
    "key.resolve": ("Resolve", "处理"),
    "key.cancel": ("Cancel", "取消"),
    "key.cancel.tip": ("Close the bar; nothing is saved", "关闭输入栏,不保存"),
    "key.complete": ("Complete", "补全"),
    "key.complete.tip": ("Complete the @name being typed", "补全正在输入的 @人名"),
    "key.palette": ("Commands", "命令"),
    "key.palette.tip": ("Find any command by name and run it", "按名称查找并执行命令"),
    # errors shown as notifications, by the service's stable codes; the Chinese side
    # stands in for the service's English message, which is kept for English
    "error.title": ("Not done", "未执行"),
    "error.box-too-short": ("", "议题时长不能少于 1 分钟。"),
    "error.ended": ("", "会议已结束。"),
    "error.no-agenda": ("", "本次会议没有议程。"),
    "error.running": ("", "计时已在进行。"),
    "error.not-running": ("", "计时没有在进行。"),
    "error.not-started": ("", "议程尚未开始。"),
    "error.last-item": ("", "已是最后一个议题;如需结束会议请用结束命令。"),
    "error.first-item": ("", "已是第一个议题。"),
    "error.no-item": ("", "没有这个议题。"),
    "error.no-current-item": ("", "还没有进行中的议题:请先开始计时。"),
    "error.no-participant": ("", "没有这位参会人。"),
    "error.missing": ("", "该记录已不存在。"),
    "error.empty": ("", "内容为空,未保存。"),
    "error.bad-kind": ("", "未知的记录类型。"),
    "error.bad-date": ("", "无法识别日期。可写:2026-12-08、12月8日、周五、下周五、两周内、3天内、月底。"),
    "error.owner-empty": ("", "@ 后面请写负责人的名字,例如 @王磊。"),
    "error.two-owners": ("", "一个行动项只能有一位负责人。"),
    "error.not-behind": ("", "会议没有落后于计划,无需调整。"),
    "error.no-option": ("", "该调整现在无法进行(该议题已不在后续议程中)。"),
    "error.nothing-to-undo": ("", "没有可撤销的议程调整。"),
    "error.bad-minutes": ("", "冷静暂停的时长为 1 至 60 分钟。"),
    "error.no-goal": ("", "没有这个目标。"),
    "error.no-organisation": ("", "本次会议没有这个单位。"),
    "error.minutes-file": ("", "纪要文件无法写入(磁盘已满或没有权限);未写入任何内容,也未记为已发送。"),
    "error.minutes-broken": ("", "纪要生成结果不符合预期,未写入任何内容。请连同会议文件一起报告此问题。"),
    "error.minutes-not-written": ("", "纪要尚未生成;参会人的确认是对纪要的回复。"),
    "error.empty-deliverable": ("", "请写明交付内容,例如:@王磊 提交数据安全协议初稿 周五前。"),
    # help screen: a plain sentence for every key, by section
    "help.title": ("Keys", "快捷键"),
    "help.close": ("Press Escape or ? to close", "按 Esc 或 ? 关闭"),
    "help.close.scroll": ("↑ ↓ scroll · press Escape or ? to close", "↑ ↓ 滚动 · 按 Esc 或 ? 关闭"),
    "help.section.agenda": ("Agenda", "议程"),
    "help.section.floor": ("Speakers", "发言"),
    "help.section.capture": ("Capture", "记录"),
    "help.section.bar": ("In the capture bar", "输入栏中"),
    "help.section.rows": ("Panes and lists", "窗格与列表"),
    "help.section.console": ("Help and commands", "帮助与命令"),
    "help.keys.enter": ("Enter", "回车"),
    "help.keys.click": ("click", "单击"),
    "help.clock": ("Start the agenda clock, pause it, or resume it", "开始、暂停或继续议程计时"),
    "help.next": ("Move on to the next agenda item", "进入下一个议题"),
    "help.prev": ("Go back to the previous agenda item", "回到上一个议题"),
    "help.extend": ("Give the current item 5 more minutes", "当前议题延长 5 分钟"),
    "help.shorten": ("Take 5 minutes off the current item", "当前议题缩短 5 分钟"),
    "help.speaker": (
        "Give the floor to participant 1 to 9; the same number again ends their turn",
        "由1至9号参会人发言;再按同一数字结束其发言",
    ),
    "help.nobody": ("Nobody has the floor", "结束发言,无人发言"),
    "help.pick": ("Choose who has the floor from the whole list", "从全部参会人中选择发言人"),
    "help.click_participant": (
        "On a participant: give them the floor; click again to end their turn",
        "参会人:由其发言;再次单击结束发言",
    ),
    "help.action": (
        "Capture an action: @owner, what will be delivered, and by when (e.g. by Friday)",
        "记录行动项:@负责人 交付内容 截止日期(如 周五前、两周内)",
    ),
    "help.note": ("Capture a discussion note", "记录讨论要点"),
    "help.decision": ("Record a decision", "记录决议"),
    "help.park": ("Park an off-topic point: @who raised it, and the point", "把偏题事项放进停车场:@提出人 事项"),
    "help.edit": (
        "Edit the selected action, decision, note or parked point",
        "修改所选的行动项、决议、要点或停车场事项",
    ),
    "help.enter_bar": (
        "Save what was typed; if saving fails, the text stays in the bar",
        "保存所输入的内容;未能保存时内容仍在栏中",
    ),
    "help.escape": (
        "Close the bar without saving; in a dialog, close it without choosing",
        "关闭输入栏,不保存;在对话框中:关闭,不作选择",
    ),
    "help.tab_bar": ("Complete the @name being typed", "补全正在输入的 @人名"),
    "help.right": ("At the end of the line: accept the suggested name", "在行末:采用提示的人名"),
    "help.tab": ("Move to the next pane (shift+tab: the previous one)", "切换到下一个窗格(shift+tab:上一个)"),
    "help.arrows": ("Move between the rows of the pane", "在窗格中上下移动"),
    "help.enter_parked": (
        "On a parked point: schedule it into an agenda item, turn it into an action, or defer it",
        "停车场事项上:排入某个议题、转为行动项,或留待下次会议",
    ),
    "help.enter_row": (
        "On a participant: give them the floor; on an action, decision or note: edit it",
        "参会人上:由其发言;行动项、决议或要点上:修改",
    ),
    "help.click_row": ("On a row: select it and do what Enter does there", "条目:选中它,并执行与回车相同的操作"),
    "help.help": ("Show this help", "显示本帮助"),
    "help.palette": ("Command palette: find any command by name and run it", "命令面板:按名称查找并执行任何命令"),
    "help.quit": (
        "Quit the console; everything shown in the panes is already saved",
        "退出控制台;窗格中显示的内容均已保存",
    ),
    # speaker picker and parking-lot resolution
    "pick.speaker": ("Who has the floor?", "谁在发言?"),
    "pick.resolve": ("Resolve parked point #{id}: {text}", "处理停车场事项 #{id}:{text}"),
    "pick.schedule": ("Schedule to agenda item {item}", "排入议题「{item}」"),
    "pick.to_action": ("Turn into an action (keeps its text)", "转为行动项(保留原文)"),
    "pick.defer": ("Defer to the next meeting", "留待下次会议"),
    "pick.reopen": ("Back to open", "恢复为待处理"),
    # palette
    "cmd.clock": ("agenda: start or pause the clock", "议程:开始或暂停计时"),
    "cmd.next": ("agenda: next item", "议程:下一议题"),
    "cmd.prev": ("agenda: previous item", "议程:上一议题"),
    "cmd.extend": ("agenda: extend the current item by 5 minutes", "议程:当前议题延长5分钟"),
    "cmd.shorten": ("agenda: shorten the current item by 5 minutes", "议程:当前议题缩短5分钟"),
    "cmd.speaker": ("speakers: give the floor to {name}", "发言:由 {name} 发言"),
    "cmd.nobody": ("speakers: nobody speaking", "发言:无人发言"),
    "cmd.attendance": ("attendance: mark {name} {state}", "出席:将 {name} 标记为{state}"),
    "cmd.action": ("capture: action", "记录:行动项"),
    "cmd.note": ("capture: note", "记录:讨论要点"),
    "cmd.decision": ("capture: decision", "记录:决议"),
    "cmd.park": ("parking lot: park a point", "停车场:记录偏题事项"),
    "cmd.resolve": ("parking lot: resolve the selected point", "停车场:处理所选事项"),
    "cmd.theme": ("theme: {label}", "主题:{label}"),
    "cmd.language": ("language: {label}", "语言:{label}"),
    "cmd.help": ("help: keys", "帮助:快捷键"),
    "cmd.end": ("meeting: end the meeting", "会议:结束会议"),
    "key.end": ("End", "结束"),
    "end.title": (
        "End the meeting now? The clock stops and nothing more can be timed.",
        "现在结束会议吗?计时将停止,之后不能再计时。",
    ),
    "end.yes": ("End the meeting", "结束会议"),
    "end.no": ("Keep going", "继续开会"),
    # the minutes: preview, writing, confirmations
    "key.minutes": ("Minutes", "纪要"),
    "cmd.minutes": ("minutes: preview the minutes", "纪要:预览会议纪要"),
    "cmd.minutes_write": ("minutes: write the minutes next to the session", "纪要:生成纪要文件(与会议文件同目录)"),
    "cmd.minutes_confirm": ("minutes: tick off confirmations", "纪要:登记参会人确认"),
    "key.minutes_close": ("Back", "返回"),
    "minutes.close_tip": ("Back to the meeting", "返回会议"),
    "key.minutes_write": ("Write", "生成文件"),
    "key.minutes_confirm": ("Confirmations", "确认情况"),
    "key.minutes_lang": ("Language", "语言"),
    "minutes.lang_tip": ("Show the minutes in the other language", "切换纪要语言"),
    "key.minutes_prev": ("Previous", "上一节"),
    "key.minutes_next": ("Next", "下一节"),
    "minutes.prev_tip": ("The previous section of the minutes", "纪要的上一节"),
    "minutes.next_tip": ("The next section of the minutes", "纪要的下一节"),
    "minutes.page": ("section {page}/{pages} (← →)", "第 {page}/{pages} 节(← →)"),
    "minutes.building": ("Building the minutes…", "正在生成纪要……"),
    "minutes.preview": ("Minutes preview ({language})", "纪要预览({language})"),
    "minutes.saved_to": ("saved to {path}", "已保存至 {path}"),
    "minutes.written_to": (
        "Minutes written to {path}; the 24-hour reply window starts now.",
        "纪要已写入 {path};24小时确认期从现在开始。",
    ),
    "minutes.due": ("minutes due {day} {time}", "纪要须于 {day} {time} 前发出"),
    "minutes.overdue": ("minutes OVERDUE since {day} {time}", "纪要已逾期(应于 {day} {time} 前发出)"),
    "minutes.written": (
        "minutes sent {time} · {confirmed}/{asked} confirmed",
        "纪要已于 {time} 发出 · 已确认 {confirmed}/{asked}",
    ),
    "minutes.late": (
        "minutes sent late {time} · {confirmed}/{asked} confirmed",
        "纪要逾期发出({time})· 已确认 {confirmed}/{asked}",
    ),
    "confirm.title": ("Who has confirmed the minutes", "参会人确认纪要情况"),
    "confirm.hint": (
        "Space or click ticks someone off; each tick is saved at once. Escape closes.",
        "空格键或单击勾选;每次勾选立即保存。按 Esc 关闭。",
    ),
    "confirm.not_written": (
        "Write the minutes first (w): confirmations are replies to them.",
        "请先生成纪要(w):确认是对纪要的回复。",
    ),
    "help.minutes": ("Preview the minutes; write them, tick off confirmations", "预览纪要;生成纪要文件,登记确认"),
    "end.done": ("The meeting has ended at {time}.", "会议已于 {time} 结束。"),
    "help.end": ("End the meeting (asks first): the clock stops for good", "结束会议(会先确认):计时就此停止"),
    "cmd.edit": ("capture: edit the selected record", "记录:修改所选记录"),
    "cmd.pick": ("speakers: choose who has the floor", "发言:选择发言人"),
    "palette.placeholder": ("Search for commands…", "搜索命令…"),
    # Textual's own commands in the palette (their behaviour is Textual's)
    "sys.theme": ("Theme", "主题"),
    "sys.theme.help": ("Change the theme for this run only", "更换主题(仅本次运行有效)"),
    "sys.quit": ("Quit", "退出"),
    "sys.quit.help": ("Quit the console at once", "立即退出控制台"),
    "sys.keys": ("Keys", "按键面板"),
    "sys.keys.show": ("Show the keys of the focused pane and of the screen", "显示当前窗格与本屏幕可用的按键"),
    "sys.keys.hide": ("Hide the keys panel", "隐藏按键面板"),
    "sys.maximize": ("Maximize", "最大化"),
    "sys.maximize.help": ("Show the focused pane on the whole screen", "全屏显示当前窗格"),
    "sys.minimize": ("Minimize", "还原"),
    "sys.minimize.help": ("Show the pane at its normal size again", "将窗格恢复为正常大小"),
    "sys.screenshot": ("Screenshot", "截图"),
    "sys.screenshot.help": ("Save an SVG picture of the screen", "将当前屏幕保存为 SVG 图片"),
    # ctrl+c, which does not quit
    "quit.title": ("Do you want to quit?", "要退出吗?"),
    "quit.how": ("Press {keys} to quit the console", "按 {keys} 退出控制台"),
    # languages
    "lang.en": ("English", "English"),
    "lang.zh": ("中文", "中文"),
}

STRINGS.update(PLAYBOOK)


def error_text(code: str, message: str, lang: str) -> str:
    """A refused intent in ``lang``: the Chinese entry for ``code``, else the message."""
    entry = STRINGS.get(f"error.{code}")
    return entry[1] if lang == "zh" and entry and entry[1] else message


def t(key: str, lang: str, **values: object) -> str:
    """The ``lang`` text for ``key``, formatted with ``values``."""
    en, zh = STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def detect_lang(option: str | None = None, saved: str | None = None, env: Mapping[str, str] = os.environ) -> str:
    """``--lang`` if given, else the remembered setting, else the locale, else English."""
    for choice in (option, saved):
        if choice in LANGS:
            return choice
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def minutes_text(seconds: float) -> int:
    """Whole minutes for "n min behind", rounded to the nearest minute."""
    return int(round(abs(seconds) / 60))

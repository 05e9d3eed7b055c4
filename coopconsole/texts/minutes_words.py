"""The words of the minutes and the exports, in English and Chinese, and their date forms.

The console's strings are in :mod:`coopconsole.texts`; these are the ones that go out to
every attendee, written as minutes are written: full dates (``Tuesday 8 December 2026``,
``2026年12月8日(星期二)``), 24-hour times, durations in minutes.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

# key: (English, Chinese)
WORDS: dict[str, tuple[str, str]] = {
    "title": ("{title}: minutes", "{title} 会议纪要"),
    "h.info": ("1. Meeting information", "一、会议信息"),
    "h.goals": ("2. Goals", "二、会议目标"),
    "h.agenda": ("3. Agenda", "三、议程"),
    "h.discussion": ("4. Discussion points", "四、讨论要点"),
    "h.decisions": ("5. Decisions and consensus", "五、决议与共识"),
    "h.actions": ("6. Action items", "六、行动项"),
    "h.pending": ("7. Pending items", "七、待决事项"),
    "h.speaking": ("8. Speaking time", "八、发言时间"),
    "h.next": ("9. Next steps", "九、后续安排"),
    "h.attendees": ("Attendees", "参会人"),
    "h.by_org": ("By organisation", "按单位"),
    "h.by_person": ("By person", "按个人"),
    "h.no_item": ("Outside the agenda", "议程之外"),
    # meeting information
    "info.date": ("Date", "日期"),
    "info.planned": ("Planned", "计划时间"),
    "info.actual": ("Actual", "实际时间"),
    "info.location": ("Location", "地点"),
    "info.facilitator": ("Facilitator", "主持人"),
    "info.note_taker": ("Note-taker", "记录人"),
    "info.absent": ("Absent", "缺席"),
    "info.nobody_absent": ("nobody", "无"),
    "info.not_started": ("not started", "未开始"),
    "info.not_ended": ("still running", "尚未结束"),
    "info.unknown": ("not recorded", "未记录"),
    "col.organisation": ("Organisation", "单位"),
    "col.name": ("Name", "姓名"),
    "col.title": ("Title", "职务"),
    "col.role": ("Role", "角色"),
    "col.attendance": ("Attendance", "出席情况"),
    "attend.present": ("present", "出席"),
    "attend.late": ("arrived {time}", "{time} 到场"),
    "attend.late_unknown": ("arrived late", "迟到"),
    "attend.left": ("left {time}", "{time} 离场"),
    "attend.left_unknown": ("left early", "早退"),
    "role.decision_maker": ("decision maker", "决策者"),
    "role.executor": ("executor", "执行层"),
    "role.expert_advisor": ("expert advisor", "专家顾问"),
    "role.other": ("", ""),
    "person.org": ("{name} ({org})", "{name}({org})"),
    "list.sep": (", ", "、"),
    "item.changed": ("{box}, changed to {new}", "{box},调整为{new}"),
    "no_org": ("(no organisation)", "(未填单位)"),
    # goals
    "col.tier": ("Tier", "层级"),
    "col.goal": ("Goal", "目标"),
    "col.achieved": ("Achieved", "是否达成"),
    "tier.primary": ("Primary", "初级"),
    "tier.intermediate": ("Intermediate", "中级"),
    "tier.advanced": ("Advanced", "高级"),
    "achieved.yes": ("yes", "已达成"),
    "achieved.no": ("no", "未达成"),
    "achieved.none": ("not judged", "未评估"),
    "goals.summary": ("{done} of {total} goals achieved.", "共 {total} 项目标,已达成 {done} 项。"),
    "goals.none": ("No goals were set for this meeting.", "本次会议未设定目标。"),
    # agenda
    "col.number": ("#", "序号"),
    "col.item": ("Item", "议题"),
    "col.owner": ("Owner", "负责人"),
    "col.start": ("Start", "开始"),
    "col.planned": ("Planned", "计划"),
    "col.actual": ("Actual", "实际"),
    "col.overrun": ("Overrun", "超时"),
    "item.not_reached": ("not reached", "未进行"),
    "item.parked": ("moved to the parking lot", "移入停车场"),
    "item.deferred": ("moved to the next meeting", "留待下次会议"),
    "agenda.cooling": (
        "Cooling-down break: {minutes} at {time}, during item {item}.",
        "冷静暂停:{time} 起 {minutes}(议题 {item} 期间)。",
    ),
    "item.running": ("{duration}, running", "{duration},进行中"),
    "agenda.none": ("The session has no agenda items.", "本次会议没有议程。"),
    "agenda.total": ("Planned {planned}; actual {actual}.", "计划共 {planned};实际共 {actual}。"),
    "agenda.late": ("The meeting ended {minutes} later than planned.", "会议比计划晚 {minutes} 结束。"),
    "agenda.early": ("The meeting ended {minutes} earlier than planned.", "会议比计划早 {minutes} 结束。"),
    "agenda.on_time": ("The meeting ended on time.", "会议按时结束。"),
    # notes, decisions
    "notes.none": ("No discussion points were recorded.", "未记录讨论要点。"),
    "decisions.none": ("No decisions were recorded.", "未记录决议。"),
    "decision.positions": (" (positions: {positions})", "(各方意见:{positions})"),
    "stance.agree": ("agrees", "同意"),
    "stance.object": ("objects", "反对"),
    "stance.abstain": ("abstains", "弃权"),
    # actions
    "col.deliverable": ("Deliverable", "交付内容"),
    "col.deadline": ("Deadline", "截止日期"),
    "col.status": ("Status", "状态"),
    "col.check": ("SMART check", "SMART检查"),
    "status.todo": ("to do", "待办"),
    "status.in_progress": ("in progress", "进行中"),
    "status.under_review": ("under review", "待评审"),
    "status.done": ("done", "已完成"),
    "check.ok": ("ok", "通过"),
    "check.owner-missing": ("no owner", "无负责人"),
    "check.owner-unknown": ("owner not a participant", "负责人不在参会名单"),
    "check.owner-ambiguous": ("owner unclear", "负责人不明确"),
    "check.deadline-missing": ("no deadline", "无截止日期"),
    "check.deadline-past": ("deadline already past", "截止日期已过"),
    "check.deliverable-vague": ("deliverable vague", "交付内容不具体"),
    "deadline.none": ("none", "未定"),
    "deadline.overdue": ("{date} (overdue)", "{date}(已逾期)"),
    "actions.none": ("No action items were recorded.", "未记录行动项。"),
    "actions.flagged": (
        "Actions marked ⚠ did not pass the SMART check when they were captured ({count} of {total}).",
        "标有 ⚠ 的行动项在记录时未通过SMART检查({total} 项中有 {count} 项)。",
    ),
    "owner.none": ("(nobody)", "(无)"),
    "preview.more": (
        "… and {n} more in the written minutes (this is a preview).",
        "……其余 {n} 条见生成的纪要文件(此为预览)。",
    ),
    # exports
    "col.session": ("Session", "会议"),
    "col.id": ("Number", "序号"),
    "ics.calendar": ("{title}: actions", "{title} 行动项"),
    "tasks.due": ("due {date}", "截止 {date}"),
    # pending
    "col.point": ("Point", "事项"),
    "col.raised_by": ("Raised by", "提出人"),
    "col.during": ("During", "提出时议题"),
    "pending.open": ("open", "待处理"),
    "pending.deferred": ("next meeting", "留待下次会议"),
    "pending.none": ("No points are pending.", "没有待决事项。"),
    # speaking
    "col.minutes": ("Minutes", "分钟"),
    "col.share": ("Share", "占比"),
    "speaking.none": ("No speaking time was recorded.", "未记录发言时间。"),
    # next steps
    "next.confirm": (
        "These minutes were sent on {sent}. Please reply within 24 hours, by {by}, "
        "if anything in them is wrong or missing.",
        "本纪要于 {sent} 发出。如有错漏,请在24小时内({by} 前)回复。",
    ),
    "next.review": (
        "The next meeting opens by reviewing the {count} action items above.",
        "下次会议首先回顾以上 {count} 项行动项的进展。",
    ),
    "next.meeting": ("Next meeting: {meeting}.", "下次会议:{meeting}。"),
    "next.meeting_unknown": ("Next meeting: not yet scheduled.", "下次会议:时间待定。"),
    "next.deferred": (
        "Parked points carried to the next meeting: {count} (see Pending items).",
        "留待下次会议讨论的停车场事项:{count} 项(见待决事项)。",
    ),
    # durations
    "min": ("{n} min", "{n}分钟"),
    "h_min": ("{h} h {m:02d} min", "{h}小时{m:02d}分钟"),
}

_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_ZH = "一二三四五六日"
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def w(key: str, lang: str, **values: object) -> str:
    """The entry ``key`` in ``lang`` (``en`` or ``zh``), formatted with ``values``."""
    text = WORDS[key][1 if lang == "zh" else 0]
    return text.format(**values) if values else text


def long_date(day: date, lang: str) -> str:
    """``Tuesday 8 December 2026`` / ``2026年12月8日(星期二)``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日(星期{_WEEKDAYS_ZH[day.weekday()]})"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def short_date(day: date, lang: str) -> str:
    """``8 December 2026`` / ``2026年12月8日``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz) if tz is not None else moment


def moment_text(moment: datetime, lang: str, tz: tzinfo | None) -> str:
    """``8 December 2026, 14:05`` / ``2026年12月8日 14:05``, in ``tz``."""
    moment = local(moment, tz)
    separator = " " if lang == "zh" else ", "
    return f"{short_date(moment.date(), lang)}{separator}{moment:%H:%M}"


def minutes_of(value: timedelta) -> int:
    """Whole minutes, rounded to the nearest (half a minute rounds up)."""
    return int(value.total_seconds() // 60 + (1 if value.total_seconds() % 60 >= 30 else 0))


def duration(value: timedelta, lang: str) -> str:
    """``45 min``, ``1 h 05 min`` / ``45分钟``, ``1小时05分钟``."""
    total = minutes_of(value)
    if total < 60:
        return w("min", lang, n=total)
    hours, rest = divmod(total, 60)
    return w("h_min", lang, h=hours, m=rest)

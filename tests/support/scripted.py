"""A whole meeting played on a frozen clock, on either shared sample agenda.

Everything goes through the service, as the console and ``coopconsole add`` do: the
agenda clock runs through every item (one extended, some over their box), people speak,
one is absent and one arrives late, notes, decisions with positions, actions (SMART and
not), parked points resolved three ways, the meeting ended, the minutes sent and one
confirmation ticked. The minutes' golden files come from this meeting.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from coopconsole import samples
from coopconsole.agenda import import_agenda
from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.model import Attendance, Resolution, Stance
from coopconsole.service import MeetingService
from coopconsole.store import SessionStore
from tests.support.sessions import TZ

#: The sample agendas shipped with the package.
SAMPLES = Path(samples.__file__).parent

# Per sample: the lines people typed, in the sample's language.
LINES = {
    "en": {
        "file": "smart-park.en.md",
        "absent": "Deepak Rao",
        "late": "Eva Novak",
        "notes": [
            (1, "Everyone agreed to keep phones away during the sessions."),
            (2, "Company A brings sensors and a data platform;\nCompany B brings two parks and 4,000 parking spaces."),
            (3, "Zone B of the east park is the best first site: 600 spaces, fibre already in place."),
            (5, "Risk: the city's data-sharing rules are still in draft."),
        ],
        "decisions": [
            (3, "Pilot smart parking in Zone B of the east park"),
            (6, "Meet every second Tuesday until the pilot starts"),
        ],
        "actions": [
            (3, "@Alice send the draft MOU for the Zone B pilot by Dec 15"),
            (3, "@Chloe provide 12 months of Zone B parking data within 2 weeks"),
            (5, "follow up on funding"),
            (6, "@Eva share the association's data-sharing checklist by Dec 11"),
        ],
        "parked": [
            (3, "@Bruno branding of the joint project"),
            (5, "@Chloe insurance for sensor damage"),
            (5, "data privacy review"),
        ],
        "next": "Tuesday 22 December 2026, 14:00, Riverside Innovation Hub",
    },
    "zh": {
        "file": "pilot-kickoff.zh.md",
        "absent": "李娜",
        "late": "孙强",
        "notes": [
            (1, "各方确认会议目标:共同设计一个可行的试点方案。"),
            (3, "宏远集团3号产线误检率约2%,人工复检成本高;\n智算科技演示了缺陷检测算法。"),
            (5, "IT总监关注数据安全:数据不出厂。"),
        ],
        "decisions": [(5, "在宏远集团一条非核心产线进行为期一个月的试点"), (6, "成立联合测试小组,每周五同步进展")],
        "actions": [
            (5, "@刘洋 提交数据安全协议初稿 一周内"),
            (5, "@赵敏 完成产线数据准备 两周内"),
            (6, "跟进预算"),
            (6, "@王磊 发送试点方案框架至会议群组 12月11日前"),
        ],
        "parked": [(3, "@孙强 边缘设备采购流程"), (5, "@赵敏 试点后的推广节奏"), (5, "算法误判的责任划分")],
        "next": "2026年12月15日 14:00,宏远集团总部",
    },
}


def play(store: SessionStore, lang: str, name: str | None = None) -> tuple[str, FrozenClock]:
    """Play the meeting of the ``lang`` sample into ``store``; return its name and clock.

    The clock is left an hour after the minutes were sent.
    """
    script = LINES[lang]
    session = import_agenda((SAMPLES / script["file"]).read_text("utf-8"), name=name or f"scripted-{lang}").session
    session.name = name or f"scripted-{lang}"
    # Goals are judged by the facilitator at the end (the playbook's tiers).
    session.goals = [replace(g, achieved=judged) for g, judged in zip(session.goals, (True, True, False), strict=False)]
    start = datetime.combine(session.date, session.start or session.agenda[0].start, tzinfo=TZ)
    clock = FrozenClock(start - timedelta(minutes=10))
    session.created_at = clock()
    store.create(session).close()
    with store.open(session.name) as handle:
        _run(MeetingService(handle, clock), clock, script)
    return session.name, clock


def _by_name(service: MeetingService, name: str) -> int:
    return next(p.id for p in service.session.participants if p.name == name)


def _run(service: MeetingService, clock: FrozenClock, script: dict) -> None:
    absent, late = _by_name(service, script["absent"]), _by_name(service, script["late"])
    service.room.set_attendance(absent, Attendance.ABSENT)
    clock.advance(minutes=12)  # two minutes late
    service.agenda.start()
    speakers = [p.id for p in service.session.participants if p.id not in (absent, late)]
    items = service.session.agenda
    # Minutes each item really takes; item 3 is extended by 5 and still overruns.
    spent = {1: 15, 2: 33, 3: 52, 4: 15, 5: 47, 6: 22, 7: 8}
    notes = {item: [text for i, text in script["notes"] if i == item] for item in spent}
    decisions = {item: [text for i, text in script["decisions"] if i == item] for item in spent}
    actions = {item: [text for i, text in script["actions"] if i == item] for item in spent}
    parked = {item: [text for i, text in script["parked"] if i == item] for item in spent}
    parked_ids = []
    for index, item in enumerate(items):
        minutes = spent[item.id]
        if item.id == 2:
            clock.advance(minutes=5)
            service.room.set_attendance(late, Attendance.LATE)
            speakers.append(late)
            minutes -= 5
        if item.id == 3:
            service.agenda.extend(5)
        if item.kind.value != "break":
            turn = minutes * 60 / (len(speakers) + 1)
            for n, pid in enumerate(speakers):
                service.room.speaker(pid)
                clock.advance(seconds=turn * (2 if n == 0 else 1))  # the first speaker talks twice as long
            service.room.speaker(None)
        else:
            clock.advance(minutes=minutes)
        for text in notes[item.id]:
            service.captures.note(text)
        for text in decisions[item.id]:
            decision = service.captures.decision(text)
        for text in actions[item.id]:
            service.captures.action(text)
        for text in parked[item.id]:
            parked_ids.append(service.captures.park(text).id)
        if decisions[item.id] and not service.session.decisions[0].agreement:  # the first decision
            orgs = [p.organisation for p in service.session.participants]
            first, second = orgs[0], next(o for o in orgs if o != orgs[0])
            service.closing.record_positions(decision.id, {first: Stance.AGREE, second: Stance.ABSTAIN})
        if index < len(items) - 1:
            service.agenda.next_item()
    service.captures.resolve_parked(parked_ids[0], Resolution.DEFERRED)
    service.captures.resolve_parked(parked_ids[1], Resolution.SCHEDULED, item=items[-2].id)
    service.agenda.end()
    clock.advance(minutes=200)
    service.closing.record_minutes(script["next"])
    clock.advance(minutes=60)
    service.closing.confirm_minutes(speakers[0])

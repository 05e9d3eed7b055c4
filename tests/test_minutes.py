"""The minutes: golden files of a scripted meeting on both samples, sections, deadlines.

The golden files are the minutes of ``tests/support/scripted.py``'s meeting, in English and in
Chinese, for both shared sample agendas. After a deliberate change to the minutes,
``COOPCONSOLE_UPDATE_GOLDEN=1 pytest tests/test_minutes.py`` writes them again; read the
diff before committing it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.followup import MinutesState, minutes_status
from coopconsole.domain.model import Session
from coopconsole.domain.timeline import agenda_state
from coopconsole.minutes import build_minutes, render_minutes
from coopconsole.minutes.check import outline, problems
from coopconsole.service import MeetingService, ServiceError
from tests.support.scripted import play
from tests.support.sessions import TZ, small_session

GOLDEN = Path(__file__).parent / "golden"
EN_HEADINGS = [
    "1. Meeting information",
    "2. Goals",
    "3. Agenda",
    "4. Discussion points",
    "5. Decisions and consensus",
    "6. Action items",
    "7. Pending items",
    "8. Speaking time",
    "9. Next steps",
]
ZH_HEADINGS = [
    "一、会议信息",
    "二、会议目标",
    "三、议程",
    "四、讨论要点",
    "五、决议与共识",
    "六、行动项",
    "七、停车场待决事项",
    "八、发言时间",
    "九、后续安排",
]


def _played(store, sample: str) -> tuple[Session, FrozenClock]:
    name, clock = play(store, sample)
    with store.open(name) as handle:
        return handle.load(), clock


@pytest.mark.parametrize("sample", ["en", "zh"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_minutes_of_the_scripted_meeting_match_the_golden_file(store, sample, lang):
    session, clock = _played(store, sample)
    text = render_minutes(session, clock(), lang, sent_at=session.minutes_at)
    golden = GOLDEN / f"minutes-{sample}-sample.{lang}.md"
    if os.environ.get("COOPCONSOLE_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, headings", [("en", EN_HEADINGS), ("zh", ZH_HEADINGS)])
def test_the_nine_sections_come_in_order_and_parse_as_built(store, lang, headings):
    session, clock = _played(store, "en")
    built = build_minutes(session, clock(), lang)
    assert problems(built.text, built.headings) == []
    assert [text for level, text in outline(built.text).headings if level == 2] == headings


def test_the_scripted_meeting_shows_what_happened(store):
    session, clock = _played(store, "en")
    text = render_minutes(session, clock(), "en", sent_at=session.minutes_at)
    assert "**Actual**: 09:02–12:14" in text
    assert "| Industry Association | Eva Novak |   | expert advisor | arrived 09:22 |" in text
    assert "**Absent**: Deepak Rao (Company B)" in text
    assert "| 3 | Cooperation directions and opportunities |   | 09:45 · 45 min, changed to 50 min |" in text
    assert "⚠ no owner, no deadline, deliverable vague" in text  # marked, not hidden
    assert "(positions: Company A agrees; Company B abstains)" in text
    assert "Next meeting: Tuesday 22 December 2026, 14:00, Riverside Innovation Hub." in text
    # the scheduled point is no longer pending; the deferred and the open ones are
    assert "insurance for sensor damage" not in text.split("## 7.")[1].split("## 8.")[0]
    assert "| next meeting |" in text and "| open |" in text


def test_chinese_minutes_use_chinese_dates(store):
    session, clock = _played(store, "zh")
    text = render_minutes(session, clock(), "zh", sent_at=session.minutes_at)
    assert "**日期**:2026年12月1日(星期二)" in text
    assert "本纪要于 2026年12月1日 15:34 发出。如有错漏,请在24小时内(2026年12月2日 15:34 前)回复。" in text
    assert "| 1 | 刘洋 | 智算科技 | 提交数据安全协议初稿 | 2026年12月8日 | 待办 | 通过 |" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_empty_sections_say_so(lang):
    session = small_session()
    session.participants = []
    now = datetime(2026, 12, 8, 8, 0, tzinfo=TZ)
    built = build_minutes(session, now, lang)
    assert problems(built.text, built.headings) == []
    empty = {
        "en": [
            "No goals were set",
            "No discussion points",
            "No decisions",
            "No action items",
            "No points are pending",
            "No speaking time",
            "not started",
            "Next meeting: not yet scheduled.",
            "**Absent**: nobody",
        ],
        "zh": [
            "本次会议未设定目标",
            "未记录讨论要点",
            "未记录决议",
            "未记录行动项",
            "停车场没有待决事项",
            "未记录发言时间",
            "未开始",
            "下次会议:时间待定",
            "**缺席**:无",
        ],
    }[lang]
    for phrase in empty:
        assert phrase in built.text
    assert len([h for h in outline(built.text).headings if h[0] == 2]) == 9


def test_an_action_past_its_deadline_and_not_done_is_overdue(store, clock):
    store.create(small_session()).close()
    with store.open("smart-park") as handle:
        service = MeetingService(handle, clock)
        service.captures.action("@Alice send the report by Dec 9")
    with store.open("smart-park") as handle:
        session = handle.load()
    assert "| 9 December 2026 | to do |" in render_minutes(session, clock.advance(minutes=60 * 24), "en")
    assert "| 9 December 2026 (overdue) | to do |" in render_minutes(session, clock.advance(minutes=60 * 24), "en")


def test_a_running_meeting_gives_draft_minutes(store, clock):
    store.create(small_session()).close()
    with store.open("smart-park") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        clock.advance(minutes=20)
        session = service.session
    text = render_minutes(session, clock(), "en")
    assert "**Actual**: 09:00–still running" in text
    assert "20 min, running" in text


class TestTheMinutesDeadline:
    """End + 24 hours, on a frozen clock."""

    def _ended(self, store, clock) -> MeetingService:
        store.create(small_session()).close()
        handle = store.open("smart-park")
        service = MeetingService(handle, clock)
        service.agenda.start()
        clock.advance(minutes=95)
        service.agenda.end()
        return service

    def _status(self, service, clock):
        session = service.session
        return minutes_status(session, agenda_state(session, clock()), clock())

    def test_not_due_before_the_end(self, store, clock):
        store.create(small_session()).close()
        with store.open("smart-park") as handle:
            service = MeetingService(handle, clock)
            service.agenda.start()
            status = self._status(service, clock)
        assert status.state is MinutesState.NOT_DUE and status.due is None

    def test_due_then_overdue_at_exactly_24_hours(self, store, clock):
        service = self._ended(store, clock)
        ended = clock()
        status = self._status(service, clock)
        assert status.state is MinutesState.DUE and status.due == ended + timedelta(hours=24)
        clock.advance(minutes=24 * 60)
        assert self._status(service, clock).state is MinutesState.DUE  # the deadline itself is in time
        clock.advance(seconds=1)
        assert self._status(service, clock).state is MinutesState.OVERDUE
        service.handle.close()

    def test_written_in_time_or_late(self, store, clock):
        service = self._ended(store, clock)
        clock.advance(minutes=23 * 60)
        service.closing.record_minutes()
        assert self._status(service, clock).state is MinutesState.WRITTEN
        clock.advance(minutes=2 * 60)
        service.closing.record_minutes()  # sent again after a correction, now past the deadline
        assert self._status(service, clock).state is MinutesState.LATE
        service.handle.close()

    def test_confirmations_are_ticked_off_and_survive_reopening(self, store, clock):
        service = self._ended(store, clock)
        with pytest.raises(ServiceError) as refused:
            service.closing.confirm_minutes(1)
        assert refused.value.code == "minutes-not-written"
        service.closing.record_minutes("2026-12-15 14:00")
        service.closing.confirm_minutes(1)
        service.closing.confirm_minutes(3)
        service.closing.confirm_minutes(3, confirmed=False)
        service.handle.close()
        with store.open("smart-park") as handle:
            session = handle.load()
        status = minutes_status(session, agenda_state(session, clock()), clock())
        assert (status.confirmed, status.asked) == (1, 4)
        assert session.next_meeting == "2026-12-15 14:00"
        assert session.participants[0].confirmed_at == clock().replace(microsecond=0)


def test_only_attendees_who_were_there_count_as_asked_and_as_confirmed(clock):
    from dataclasses import replace

    from coopconsole.domain.model import Attendance

    session = small_session()
    at = clock()
    session.participants = [
        replace(session.participants[0], confirmed_at=at),
        replace(session.participants[1], attendance=Attendance.ABSENT, confirmed_at=at),  # replied anyway
        replace(session.participants[2], attendance=Attendance.LATE, confirmed_at=at),
        session.participants[3],
    ]
    status = minutes_status(session, agenda_state(session, at), at)
    assert (status.confirmed, status.asked) == (2, 3)


def test_a_preview_cuts_long_tables_and_lists_and_says_so():
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from workshop import workshop

    session = workshop()
    now = max(e.at for e in session.events) + timedelta(minutes=1)
    full = build_minutes(session, now, "en")
    preview = build_minutes(session, now, "en", limit=20)
    assert problems(preview.text, preview.headings) == []
    assert all(len(shape.rows) <= 21 for shape in outline(preview.text).tables)
    assert "… and 230 more in the written minutes (this is a preview)." in preview.text  # 250 actions
    assert len(preview.text) < len(full.text) / 3
    assert max(len(shape.rows) for shape in outline(full.text).tables) == 251


def test_minutes_of_a_full_day_parse_as_built():
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from workshop import workshop  # the benchmark's own session

    session = workshop()
    now = max(e.at for e in session.events) + timedelta(minutes=1)
    built = build_minutes(replace(session, title="Full day | workshop"), now, "en")
    assert problems(built.text, built.headings) == []
    rows = sum(len(shape.rows) - 1 for shape in outline(built.text).tables)
    assert rows >= len(session.actions) + len(session.agenda) + 2 * len(session.participants)

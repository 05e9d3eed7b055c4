"""``coopconsole show``: the whole session for people, in its language, and the agenda's
actual times and the speaking time in ``show --json``; the health checks' fixes said
the command-line way."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from click.testing import CliRunner

import coopconsole.cli.after_meeting as after_meeting
import coopconsole.cli.commands as cli
from coopconsole.domain.balance import speaking_stats
from coopconsole.domain.clock import FrozenClock
from coopconsole.domain.timeline import agenda_state
from coopconsole.service import MeetingService
from coopconsole.texts.health import report
from tests.support.scripted import play
from tests.support.sessions import MEETING_START, small_session


@pytest.fixture
def run(monkeypatch):
    """The command line, its clock frozen at ``now`` (set ``run.now``)."""

    class Run:
        now = MEETING_START

        def __call__(self, *args: str):
            for module in (cli, after_meeting):
                monkeypatch.setattr(module, "system_clock", lambda: self.now)
            return CliRunner().invoke(cli.main, list(args), catch_exceptions=False)

    return Run()


@pytest.fixture
def played(store, run):
    """The scripted English meeting, played to its end; ``run`` is frozen after it."""
    name, clock = play(store, "en")
    run.now = clock()
    return name


def _section(text: str, heading: str) -> list[str]:
    """The lines of one section of ``show``: from its heading to the next unindented line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    out = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        out.append(line)
    return out


def test_show_prints_the_whole_meeting(played, run):
    shown = run("show", played)
    assert shown.exit_code == 0
    text = shown.stdout
    info = text.splitlines()[:7]
    assert info[0] == "Smart Park Cooperation Promotion Meeting"
    assert "Date: Tuesday 8 December 2026 · Planned 09:00–12:00 · Actual 09:02–12:14" in info[1]
    assert "Status: Ended · 7 items, 7 participants, 4 actions, 2 decisions, 4 notes, 3 parked" in text
    assert "Minutes: written 12-08" in text and "Next meeting: Tuesday 22 December 2026" in text

    attendance = _section(text, "Attendance")
    assert attendance[0] == "Attendance (6 of 7 attending)"
    assert "   1. Alice Chen · Company A · CTO · decision maker · present · spoke 50 min (29%)" in attendance
    assert "   4. Deepak Rao · Company B · Marketing Director · absent" in attendance
    assert any(line.startswith("   5. Eva Novak") and "late (arrived 09:22)" in line for line in attendance)
    assert any("Speaking by organisation: Company A 43% (1 h 15 min)" in line for line in attendance)

    goals = _section(text, "Goals")
    assert goals[1:] == [
        "  Primary · Identify three candidate cooperation projects · yes",
        "  Intermediate · Agree on a draft MOU for one concrete project · yes",
        "  Advanced · Sign the cooperation agreement and form a joint working group · no",
    ]
    agenda = _section(text, "Agenda")
    assert agenda[5:7] == [
        "   3. Cooperation directions and opportunities",
        "       planned 09:45, 45 min, changed to 50 min → actual 09:50–10:42 · 52 min · 2 min over",
    ]
    assert "   4. Tea break · break" in agenda
    assert "       planned 09:00, 15 min → actual 09:02–09:17 · 15 min" in agenda

    actions = _section(text, "Actions")
    assert "  #1 Alice Chen · 2026-12-15 · send the draft MOU for the Zone B pilot ✓SMART · to do · item 3" in actions
    assert "  #3 (no owner) · no deadline · follow up on funding ⚠ no owner, no deadline, vague · to do · item 5" in (
        actions
    )
    decisions = _section(text, "Decisions")
    assert decisions[1] == (
        "  #1 Pilot smart parking in Zone B of the east park · item 3 (positions: Company A agrees; Company B abstains)"
    )
    assert _section(text, "Notes")[1] == "  #1 Everyone agreed to keep phones away during the sessions. · item 1"
    parked = _section(text, "Parked points")
    assert parked[1:] == [
        "  #1 branding of the joint project · raised by Bruno Silva · item 3 · deferred to the next meeting",
        "  #2 insurance for sensor damage · raised by Chloe Martin · item 5 · scheduled to Next steps: tasks, owners, deadlines",
        "  #3 data privacy review · item 5 · open",
    ]


def test_a_smart_problem_is_said_in_words_on_its_own_action_line(store, run):
    store.create(small_session("park")).close()
    due = (date.today() + timedelta(days=30)).isoformat()  # the capture reads dates from today
    assert run("add", "park", "action", "@sam", "send", "the", "draft", "MOU", "by", due).exit_code == 0
    assert run("add", "park", "note", "the pilot needs a budget").exit_code == 0
    text = run("show", "park").stdout
    assert "owner-unknown" not in text and "[check" not in text
    lines = text.splitlines()
    action = next(line for line in lines if line.startswith("  #1 sam"))
    assert action == f"  #1 sam · {due} · send the draft MOU ⚠ owner not in meeting · to do"
    assert lines[lines.index(action) + 1] == "Decisions: none"  # nothing glued to it


def test_a_meeting_with_nothing_captured_says_so_per_section(store, run):
    session = small_session("empty")
    session.goals = []
    store.create(session).close()
    text = run("show", "empty").stdout
    for heading in ("Goals", "Actions", "Decisions", "Notes", "Parked points"):
        assert f"\n{heading}: none" in text
    assert "       planned 09:00, 15 min → not reached" in text
    assert "Actual not started" in text and "Status: Not started" in text


def test_show_speaks_the_session_s_language_unless_told(store, run):
    name, clock = play(store, "zh")
    run.now = clock()
    text = run("show", name).stdout
    assert "出席情况(7 人中 6 人出席)" in text and "议程(7)" in text and "状态:已结束" in text
    assert "计划 09:45 开始,45分钟,调整为50分钟 → 实际 09:50–10:42 · 52分钟 · 超时 2分钟" in text
    assert "⚠ 缺负责人、缺截止日期、交付物不明确" in text
    english = run("show", name, "--lang", "en").stdout
    assert "Attendance (6 of 7 attending)" in english and "出席情况" not in english
    assert run("--lang", "en", "show", name).stdout == english


def test_show_json_gives_each_item_s_actual_times(store, run):
    session = small_session("park")
    store.create(session).close()
    clock = FrozenClock(MEETING_START + timedelta(minutes=2))
    with store.open("park") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        clock.advance(minutes=17)
        service.agenda.next_item()
        clock.advance(minutes=10)
    run.now = clock()
    shown = json.loads(run("show", "park", "--json").stdout)
    first, second, third, _ = shown["agenda"]
    at = datetime.fromisoformat
    assert set(first["actual"]) == {"start", "end", "seconds"}
    assert at(first["actual"]["start"]) == MEETING_START + timedelta(minutes=2)
    assert at(first["actual"]["end"]) == MEETING_START + timedelta(minutes=19)
    assert first["actual"]["seconds"] == 17 * 60
    assert at(second["actual"]["start"]) == MEETING_START + timedelta(minutes=19)
    assert second["actual"]["end"] is None and second["actual"]["seconds"] == 600  # still running
    assert third["actual"] is None  # not reached
    with store.open("park") as handle:
        state = agenda_state(handle.load(), clock())
    assert first["actual"]["seconds"] == state.timing(1).elapsed.total_seconds()
    # the keys other tools read are all still there
    assert {"id", "title", "start", "minutes", "owner", "kind", "sub_points"} <= set(first)
    assert {"status", "started_at", "ended_at", "minutes", "health", "participants"} <= set(shown)


def test_show_json_gives_the_speaking_time_per_person_and_organisation(played, run, store):
    shown = json.loads(run("show", played, "--json").stdout)
    with store.open(played) as handle:
        session = handle.load()
    stats = speaking_stats(session, run.now)
    speaking = shown["speaking"]
    assert speaking["seconds"] == round(stats.total.total_seconds()) > 0
    people = {p["id"]: p for p in speaking["people"]}
    assert [p["id"] for p in speaking["people"]] == [p.id for p in session.participants]
    for pid, spoken in stats.by_participant.items():
        assert people[pid]["seconds"] == round(spoken.total_seconds())
        assert people[pid]["share"] == pytest.approx(stats.share(pid), abs=1e-4)
    assert people[4] == {"id": 4, "name": "Deepak Rao", "organisation": "Company B", "seconds": 0, "share": 0.0}
    orgs = {o["organisation"]: o for o in speaking["organisations"]}
    assert orgs["Company A"]["seconds"] == round(stats.by_org["Company A"].total_seconds())
    assert orgs["Company A"]["share"] == pytest.approx(stats.org_share("Company A"), abs=1e-4)
    assert sum(o["share"] for o in speaking["organisations"]) == pytest.approx(1, abs=1e-3)


def test_the_health_fixes_on_the_command_line_name_no_console_key(store, run):
    store.create(small_session("health")).close()
    clock = FrozenClock(MEETING_START)
    with store.open("health") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        service.captures.action("follow up")
        service.agenda.end()
    run.now = MEETING_START + timedelta(days=2)  # the minutes are overdue
    said = run("health", "health").stdout
    assert "(e to edit)" not in said and "m then w" not in said
    assert "→ Give each action one participant as owner." in said
    assert "→ Send them now: coopconsole minutes health" in said
    zh = run("health", "health", "--lang", "zh").stdout
    assert "按 e" not in zh and "请立即发出:coopconsole minutes health" in zh
    fixes = {h["code"]: h["fix"] for h in json.loads(run("show", "health", "--json").stdout)["health"]}
    assert fixes["action-missing-owner"] == "Give each action one participant as owner."
    # the console's words are unchanged
    with store.open("health") as handle:
        console = {h["code"]: h["fix"] for h in report(handle.load(), run.now, "en")}
    assert console["action-missing-owner"] == "Give each action one participant as owner (e to edit)."
    assert console["minutes-overdue"] == "Send them now: coopconsole minutes, or m then w."

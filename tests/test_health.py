"""Each health check triggered and cleared by a scripted meeting on a frozen clock."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.domain.health import CODES, is_measurable
from coopconsole.domain.model import (
    AgendaItem,
    Attendance,
    Goal,
    GoalTier,
    ItemKind,
    Participant,
    Resolution,
    Role,
    Session,
)
from coopconsole.service import MeetingService
from coopconsole.texts import CATALOGUE
from coopconsole.texts.health import report


def _session() -> Session:
    return Session(
        name="health",
        title="Health check meeting",
        date=date(2026, 12, 8),
        start=time(9, 0),
        goals=[
            Goal(1, GoalTier.PRIMARY, "Identify three pilot projects"),
            Goal(2, GoalTier.INTERMEDIATE, "Agree a draft MOU"),
        ],
        participants=[
            Participant(1, "Alice Chen", "Company A", role=Role.DECISION_MAKER),
            Participant(2, "Bruno Silva", "Company A", role=Role.EXECUTOR),
            Participant(3, "Chloe Martin", "Company B", role=Role.DECISION_MAKER),
            Participant(4, "Deepak Rao", "Company B", role=Role.EXECUTOR),
            Participant(5, "Eva Novak", "Association", role=Role.EXPERT_ADVISOR),
        ],
        agenda=[
            AgendaItem(1, "Opening", time(9, 0), 10),
            AgendaItem(2, "Directions", time(9, 10), 30),
            AgendaItem(3, "Tea break", time(9, 40), 10, kind=ItemKind.BREAK),
            AgendaItem(4, "Next steps", time(9, 50), 30),
        ],
    )


@pytest.fixture
def service(store, clock):
    store.create(_session()).close()
    handle = store.open("health")
    yield MeetingService(handle, clock)
    handle.close()


def codes(service, lang: str = "en") -> list[str]:
    return [f["code"] for f in report(service.session, service.now(), lang)]


def test_a_well_prepared_meeting_starts_healthy(service):
    service.agenda.start()
    assert codes(service) == []


def test_vague_goals_triggered_and_cleared(store, clock):
    session = _session()
    session.goals = []
    store.create(session).close()
    with store.open("health") as handle:
        service = MeetingService(handle, clock)
        assert codes(service) == ["vague-goals"]  # no goals at all
        goal = service.playbook.add_goal(GoalTier.PRIMARY, "Explore cooperation")
        assert codes(service) == ["vague-goals"]
        assert "“Explore cooperation”" in report(service.session, clock())[0]["message"]
        service.playbook.add_goal(GoalTier.PRIMARY, "Sign an MOU for two pilot sites")
        assert codes(service) == ["vague-goals"]  # the vague one is still there
        service.playbook.edit_goal(goal.id, "Agree three joint projects with owners")
        assert codes(service) == []


def test_goals_are_judged_and_kept(service, store):
    service.playbook.judge_goal(1, True)
    service.playbook.judge_goal(2, False)
    service.playbook.judge_goal(2, None)
    assert [g.achieved for g in store.open("health").load().goals] == [True, None]


@pytest.mark.parametrize(
    "goal, measurable",
    [
        ("Identify three candidate cooperation projects", True),
        ("确定一条试点生产线", True),
        ("明确技术对接方案与数据安全协议框架", True),
        ("Sign the cooperation agreement", True),
        ("加强合作交流", False),
        ("Explore cooperation opportunities", False),
        ("深化战略合作", False),
    ],
)
def test_a_goal_is_measurable_with_a_number_or_a_concrete_result(goal, measurable):
    assert is_measurable(goal) is measurable


def test_decision_maker_absent_triggered_and_cleared(service):
    service.agenda.start()
    service.room.set_attendance(3, Attendance.ABSENT)
    assert codes(service) == ["decision-maker-absent"]
    assert report(service.session, service.now())[0]["severity"] == "critical"
    assert "Company B" in report(service.session, service.now())[0]["message"]
    service.room.set_attendance(3, Attendance.LATE)  # arrived after all
    assert codes(service) == []
    service.room.set_attendance(1, Attendance.LEFT)
    assert codes(service) == ["decision-maker-absent"]
    service.room.set_attendance(1, Attendance.PRESENT)
    assert codes(service) == []


def test_item_overrun_and_behind_schedule_triggered_and_cleared(service, clock):
    service.agenda.start()
    service.room.speaker(1)
    for pid in (2, 3, 4, 5):  # everyone speaks, so voices stay balanced
        clock.advance(minutes=2)
        service.room.speaker(pid)
    clock.advance(minutes=2)
    service.room.speaker(None)
    service.captures.decision("Agreed")
    assert "item-overrun" not in codes(service)
    clock.advance(minutes=1)
    assert codes(service) == ["item-overrun"]  # 1 min over, not yet 10 % of the plan ahead
    clock.advance(minutes=8)
    assert codes(service) == ["behind-schedule", "item-overrun"]
    assert "9 min behind plan" in report(service.session, service.now())[0]["message"]
    service.agenda.extend(10)
    assert codes(service) == ["behind-schedule"]
    service.agenda.next_item()
    for pid in (1, 2, 3, 4, 5):
        service.room.speaker(pid)
        clock.advance(minutes=3)
    service.captures.decision("Two directions")
    service.agenda.next_item()  # Directions done in 15 of its 30 minutes: the time is made up
    assert codes(service) == []


def test_parking_lot_growing_triggered_and_cleared(service):
    service.agenda.start()
    for text in ("pricing", "branding", "insurance"):
        service.captures.park(text)
    assert codes(service) == ["parking-lot-growing"]
    service.captures.resolve_parked(1, Resolution.DEFERRED)
    assert codes(service) == []


def test_unbalanced_voices_triggered_and_cleared(service, clock):
    service.agenda.start()
    service.agenda.next_item()
    service.room.speaker(1)
    clock.advance(minutes=12)  # Company A has spoken all the time
    assert "unbalanced-voices" in codes(service)
    assert "Company A holds 100%" in report(service.session, service.now())[0]["message"]
    for pid in (3, 4, 5):
        service.room.speaker(pid)
        clock.advance(minutes=5)
    service.room.speaker(2)
    clock.advance(seconds=10)
    assert "unbalanced-voices" not in codes(service)


def test_someone_not_heard_on_the_item_triggered_and_cleared(service, clock):
    service.agenda.start()
    service.captures.decision("Agreed")
    service.agenda.next_item()  # Directions: 30 min; silence is flagged after 15
    for pid in (1, 3, 4, 5):
        service.room.speaker(pid)
        clock.advance(minutes=4)
    assert codes(service) == ["unbalanced-voices"]
    assert "Not yet heard on item 2: Bruno Silva." in report(service.session, service.now())[0]["message"]
    service.room.set_attendance(2, Attendance.ABSENT)
    assert codes(service) == []  # absent people are not expected to speak
    service.room.set_attendance(2, Attendance.PRESENT)
    service.room.speaker(2)
    clock.advance(seconds=30)
    assert codes(service) == []


def test_action_checks_triggered_and_cleared(service):
    service.agenda.start()
    action = service.captures.action("follow up on funding")
    assert codes(service) == ["action-missing-owner", "action-missing-deadline", "action-vague"]
    assert "#1" in report(service.session, service.now())[0]["message"]
    service.captures.edit(action, "@Alice send the funding proposal by Dec 15")
    assert codes(service) == []


def test_each_action_check_names_the_actions_that_fail_it(service):
    service.agenda.start()
    service.captures.action("@Alice send the funding proposal")  # no deadline
    service.captures.action("@Alice send the budget by Dec 15")  # fine
    service.captures.action("think about it")  # none of the three
    messages = {f["code"]: f["message"] for f in report(service.session, service.now())}
    assert sorted(messages) == ["action-missing-deadline", "action-missing-owner", "action-vague"]
    named = {code: [n for n in (1, 2, 3) if f"#{n}" in message] for code, message in messages.items()}
    assert named == {"action-missing-owner": [3], "action-missing-deadline": [1, 3], "action-vague": [3]}


def test_no_decision_triggered_and_cleared(service, clock):
    service.agenda.start()
    clock.advance(minutes=10)
    service.agenda.next_item()
    assert codes(service) == ["no-decision"]
    service.captures.decision("We start with the east park", item=1)
    assert codes(service) == []
    clock.advance(minutes=20)
    service.agenda.next_item()  # the break needs no decision
    service.agenda.next_item()
    assert codes(service) == ["no-decision"]  # item 2 was discussed and left without one
    service.captures.action("@Chloe send the parking data by Dec 20", item=2)
    assert codes(service) == []


def test_an_item_skipped_at_once_needs_no_decision(service, clock):
    service.agenda.start()
    clock.advance(seconds=40)
    service.agenda.next_item()  # passed over: not discussed
    assert codes(service) == []


def test_minutes_overdue_triggered_and_cleared(service, clock):
    service.agenda.start()
    service.captures.decision("Pilot in Zone B")
    service.agenda.end()
    clock.advance(minutes=24 * 60 + 1)
    assert codes(service) == ["minutes-overdue"]
    service.closing.record_minutes()
    assert codes(service) == []


def test_every_code_has_words_in_both_languages_with_a_fix():
    worded = {key.split(".")[1] for key in CATALOGUE["en"] if key.startswith("health.") and key.endswith(".fix")}
    assert worded == set(CODES)
    for lang in ("en", "zh"):
        for code in CODES:
            assert CATALOGUE[lang][f"health.{code}.what"] and CATALOGUE[lang][f"health.{code}.fix"]


def test_the_chinese_report(service):
    service.agenda.start()
    service.room.set_attendance(3, Attendance.ABSENT)
    [finding] = report(service.session, service.now(), "zh")
    assert finding["message"] == "Company B没有决策者在场。" and finding["fix"].startswith("请决策者到场")


def test_health_on_the_command_line_and_in_show_json(service, store):
    service.agenda.start()
    service.captures.action("follow up")
    result = CliRunner().invoke(main, ["health", "health"])
    assert result.exit_code == 0 and "action-missing-owner: Action #1 has no owner" in result.stdout
    shown = json.loads(CliRunner().invoke(main, ["show", "health", "--json"]).stdout)
    assert [h["code"] for h in shown["health"]] == ["action-missing-owner", "action-missing-deadline", "action-vague"]
    assert set(shown["health"][0]) >= {"code", "message", "severity"}
    clean = CliRunner().invoke(main, ["health", "health", "--lang", "zh"])
    assert "行动项 #1 没有明确的参会负责人" in clean.stdout


def test_a_past_drift_of_a_minute_is_not_behind_schedule(service, clock):
    service.agenda.start()
    for pid in (1, 2, 3, 4, 5):
        service.room.speaker(pid)
        clock.advance(minutes=2)
    clock.advance(seconds=50)
    assert codes(service) == ["item-overrun"]  # under a minute over: not yet "behind"

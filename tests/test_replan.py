"""Re-planning when behind (every option, with its projected end, and undo) and the
cooling-down break, on a frozen clock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from coopconsole.domain.model import AgendaItem, ItemKind, Participant, Resolution, Role, Session
from coopconsole.domain.replan import FLOOR_MINUTES
from coopconsole.minutes import render_minutes
from coopconsole.service import MeetingService, ServiceError
from tests.support.sessions import TZ

NINE = datetime(2026, 12, 8, 9, 0, tzinfo=TZ)


def _session() -> Session:
    return Session(
        name="replan",
        title="Re-plan",
        date=date(2026, 12, 8),
        start=time(9, 0),
        participants=[Participant(1, "Alice Chen", "Company A", role=Role.DECISION_MAKER)],
        agenda=[
            AgendaItem(1, "Opening", time(9, 0), 10),
            AgendaItem(2, "Directions", time(9, 10), 30),
            AgendaItem(3, "Tea break", time(9, 40), 10, kind=ItemKind.BREAK),
            AgendaItem(4, "Next steps", time(9, 50), 30),
        ],
    )


@pytest.fixture
def behind(store, clock):
    """Ten minutes behind: item 1 ran 20 of its 10 minutes."""
    store.create(_session()).close()
    handle = store.open("replan")
    service = MeetingService(handle, clock)
    service.agenda.start()
    clock.advance(minutes=20)
    yield service
    handle.close()


def _drift(service) -> timedelta:
    return service.state().drift


def _boxes(service) -> list[int]:
    return [int(t.box.total_seconds() // 60) for t in service.state().items]


def test_the_options_each_show_their_projected_end(behind):
    assert _drift(behind) == timedelta(minutes=10)
    options = {o.key: o for o in behind.playbook.replan_options()}
    assert set(options) == {("shrink", None), ("park", 2), ("defer", 2), ("park", 4), ("defer", 4), ("accept", None)}
    projected = behind.state().projected_end
    assert options["shrink", None].projected_end == projected - timedelta(minutes=10)
    assert options["park", 2].projected_end == projected - timedelta(minutes=30)
    assert options["accept", None].projected_end == projected
    assert options["accept", None].planned_end == behind.state().planned_end + timedelta(minutes=10)


def test_shrink_in_proportion_then_undo(behind):
    behind.playbook.replan("shrink")
    assert _boxes(behind) == [10, 25, 10, 25]  # the break keeps its 10 minutes
    assert _drift(behind) == timedelta(0)
    assert behind.state().can_undo
    behind.playbook.undo_replan()
    assert _boxes(behind) == [10, 30, 10, 30] and _drift(behind) == timedelta(minutes=10)
    with pytest.raises(ServiceError) as refused:
        behind.playbook.undo_replan()
    assert refused.value.code == "nothing-to-undo"


def test_shrinking_never_goes_below_the_floor(store, clock):
    session = _session()
    session.agenda[1] = AgendaItem(2, "Directions", time(9, 10), 7)
    store.create(session).close()
    with store.open("replan") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        clock.advance(minutes=60)  # 50 minutes behind: more than the boxes ahead can give
        service.playbook.replan("shrink")
        boxes = _boxes(service)
    assert boxes[1] == FLOOR_MINUTES and boxes[3] == FLOOR_MINUTES


def test_defer_an_item_then_undo_puts_it_back(behind, clock):
    behind.playbook.replan("defer", 4)
    state = behind.state()
    assert state.timing(4).dropped and _drift(behind) == timedelta(minutes=-20)
    [point] = behind.session.parked
    assert (point.text, point.resolution, point.target) == ("Next steps", Resolution.DEFERRED, 4)
    behind.agenda.next_item()
    behind.agenda.next_item()  # the break
    with pytest.raises(ServiceError):
        behind.agenda.next_item()  # the last item left the plan: the break is now the last
    clock.advance(minutes=1)
    behind.playbook.undo_replan()
    assert not behind.state().timing(4).dropped
    assert behind.session.parked[0].resolution is Resolution.SCHEDULED
    behind.agenda.next_item()
    assert behind.state().current == 4


def test_park_an_item(behind):
    behind.playbook.replan("park", 2)
    assert behind.session.parked[0].resolution is Resolution.OPEN
    behind.agenda.next_item()
    assert behind.state().current == 3  # Directions is stepped over


def test_accept_the_later_end(behind):
    planned = behind.state().planned_end
    behind.playbook.replan("accept")
    state = behind.state()
    assert state.planned_end == planned + timedelta(minutes=10) and state.drift == timedelta(0)
    assert state.timing(2).planned_start == NINE + timedelta(minutes=20)  # 09:10 planned, now 09:20
    behind.playbook.undo_replan()
    assert behind.state().planned_end == planned


def test_re_plans_undo_last_first(behind, clock):
    behind.playbook.replan("accept")
    clock.advance(minutes=5)  # five more minutes behind the new plan
    behind.playbook.replan("shrink")
    assert _drift(behind) == timedelta(0)
    behind.playbook.undo_replan()
    assert _drift(behind) == timedelta(minutes=5)  # the accepted end is still in effect
    behind.playbook.undo_replan()
    assert _drift(behind) == timedelta(minutes=15)


def test_nothing_to_re_plan_on_time(store, clock):
    store.create(_session()).close()
    with store.open("replan") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        assert service.playbook.replan_options() == []
        with pytest.raises(ServiceError) as refused:
            service.playbook.replan("shrink")
    assert refused.value.code == "not-behind"


def test_a_re_plan_survives_reopening(behind, store, clock):
    behind.playbook.replan("shrink")
    with store.open("replan") as again:
        assert MeetingService(again, clock).state().drift == timedelta(0)


def test_a_cooling_down_break_shifts_the_plan_and_costs_no_drift(behind, clock):
    before = behind.state()
    behind.playbook.cool_down(10)
    state = behind.state()
    assert not state.running and state.cooling is not None and state.drift == before.drift
    assert state.timing(2).planned_start == before.timing(2).planned_start + timedelta(minutes=10)
    clock.advance(minutes=6)
    assert _drift(behind) == before.drift  # the announced break is in the plan
    clock.advance(minutes=7)  # three minutes longer than announced
    assert _drift(behind) == before.drift + timedelta(minutes=3)
    behind.agenda.resume()
    assert behind.state().cooling is None and len(behind.state().breaks) == 1


def test_a_cooling_down_break_needs_a_running_meeting_and_a_sane_length(store, clock):
    store.create(_session()).close()
    with store.open("replan") as handle:
        service = MeetingService(handle, clock)
        with pytest.raises(ServiceError):
            service.playbook.cool_down(10)  # not started
        service.agenda.start()
        with pytest.raises(ServiceError):
            service.playbook.cool_down(0)


def test_the_minutes_show_the_re_plan_and_the_break(behind, clock):
    behind.playbook.replan("defer", 4)
    behind.playbook.cool_down(10)
    clock.advance(minutes=10)
    behind.agenda.resume()
    behind.agenda.end()
    text = render_minutes(behind.session, clock(), "en")
    assert "| 4 | Next steps |   | 09:50 · 30 min | moved to the next meeting | — |" in text
    assert "Cooling-down break: 10 min at 09:20, during item 1." in text
    zh = render_minutes(behind.session, clock(), "zh")
    assert "留待下次会议" in zh and "冷静暂停:09:20 起 10分钟(议题 1 期间)。" in zh


def test_a_re_plan_is_written_whole_or_not_at_all(behind, store, monkeypatch):
    import errno
    import os

    before = (store.folder / "replan.json").read_bytes()

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "writev", disk_full)
    monkeypatch.setattr(os, "pwritev", disk_full, raising=False)
    with pytest.raises(OSError):
        behind.playbook.replan("defer", 4)
    monkeypatch.undo()
    assert (store.folder / "replan.json").read_bytes() == before
    assert behind.session.parked == [] and _drift(behind) == timedelta(minutes=10)
    behind.playbook.replan("defer", 4)  # and it works once there is room again
    assert behind.state().timing(4).dropped and len(behind.session.parked) == 1


def test_no_undo_once_the_meeting_has_ended(behind):
    behind.playbook.replan("accept")
    behind.agenda.end()
    with pytest.raises(ServiceError) as refused:
        behind.playbook.undo_replan()
    assert refused.value.code == "ended"

"""What each record of a list says, kept between calls: a capture appended to a list of
hundreds is looked at alone, and the result is the one a look at the whole list gives."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coopconsole.domain.health as health
from coopconsole.domain.memo import LastOf, Picked, same_parts
from coopconsole.domain.model import ActionItem, ActionStatus, Decision, SmartCheck, StatusChange

TODAY = date(2026, 12, 8)
AT = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def _even(value: int, bound: int) -> int | None:
    return value if value % 2 == 0 and value < bound else None


def _steps(ops: list[str], top: int, most: int) -> st.SearchStrategy[list[tuple[str, int]]]:
    """Runs of (operation, number) pairs."""
    return st.lists(st.tuples(st.sampled_from(ops), st.integers(0, top)), max_size=most)


@settings(max_examples=200, deadline=None)
@given(_steps(["append", "replace", "drop", "same", "bound"], 50, 30))
def test_picked_is_what_a_look_at_the_whole_list_picks(steps):
    picked = Picked(_even)
    records: list[int] = []
    bound = 40
    seen: list[tuple[list[int], list[int]]] = []  # each result, with what it was then
    for op, value in steps:
        if op == "append":
            records = [*records, value]
        elif op == "replace" and records:
            records = [value if i == value % len(records) else r for i, r in enumerate(records)]
        elif op == "drop" and records:
            records = records[:-1]
        elif op == "bound":
            bound = value
        result = picked(records, bound)
        assert result == [v for r in records if (v := _even(r, bound)) is not None]
        seen.append((result, list(result)))
    # A result handed out is never changed afterwards.
    assert all(result == copy for result, copy in seen)


def _action(n: int, kind: int) -> ActionItem:
    return ActionItem(
        id=n,
        deliverable=f"deliverable {n}",
        owner="Ana",
        item=n % 4 or None,
        deadline=TODAY + timedelta(days=kind % 5 - 2),
        status=ActionStatus.DONE if kind % 7 == 0 else ActionStatus.TODO,
        origin=f"earlier#{n}" if kind % 3 == 0 else "",
        carried=kind % 4,
        smart=SmartCheck((("owner-missing",), (), ("deliverable-vague", "deadline-past"), ())[kind % 4]),
        history=(StatusChange(AT + timedelta(minutes=kind), ActionStatus.TODO),) if kind % 2 else (),
    )


@contextmanager
def _nothing_kept():
    """Every memo of the health checks a fresh one: the look at the whole lists."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in vars(health).items():
            if isinstance(value, LastOf):
                patch.setattr(health, name, LastOf(value.compute))
            elif isinstance(value, Picked):
                patch.setattr(health, name, Picked(value.pick))
        patch.setattr(health, "_WITH_PROBLEM", {k: Picked(p.pick) for k, p in health._WITH_PROBLEM.items()})
        yield


def _checks(actions: list[ActionItem], decisions: list[Decision], today: date, since: datetime):
    return (
        health._action_findings(actions),
        health._carried_findings(actions, today),
        health._decided_items(decisions, actions),
        health._NOT_REVIEWED(actions, since),
    )


@settings(max_examples=60, deadline=None)
@given(_steps(["action", "moved", "decision", "day", "since"], 100, 25))
def test_the_health_checks_kept_equal_a_look_at_the_whole_meeting(steps):
    actions: list[ActionItem] = []
    decisions: list[Decision] = []
    today, since = TODAY, AT
    for n, (op, value) in enumerate(steps, 1):
        if op == "action":
            actions = [*actions, _action(n, value)]
        elif op == "moved" and actions:  # a status change: the record replaced, a new list
            index = value % len(actions)
            done = replace(actions[index], status=ActionStatus.DONE)
            actions = [done if i == index else a for i, a in enumerate(actions)]
        elif op == "decision":
            decisions = [*decisions, Decision(n, f"decided {n}", item=value % 5 or None)]
        elif op == "day":
            today = TODAY + timedelta(days=value % 3)
        elif op == "since":
            since = AT + timedelta(minutes=value)
        kept = _checks(actions, decisions, today, since)
        with _nothing_kept():
            assert kept == _checks(actions, decisions, today, since)


def test_same_parts_are_the_very_same_lists_and_equal_settings():
    events, agenda = [1, 2], [3]
    last = (events, agenda, "en", 5)
    assert same_parts(last, (events, agenda, "en", 5), 2)
    assert not same_parts(last, (list(events), agenda, "en", 5), 2)  # equal, but a new list
    assert not same_parts(last, (events, agenda, "zh", 5), 2)
    assert not same_parts(last, (events, agenda, "en"), 2)
    assert not same_parts(None, last, 2)

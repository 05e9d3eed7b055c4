"""The meeting's health: the playbook's warning signs, each with a stable code.

:func:`health` looks at a session and its figures as of "now" and returns what is wrong,
most serious first. It is pure: the console shows it live, ``coopconsole health`` and
``coopconsole show --json`` print it. The words are in :mod:`coopconsole.texts.health`.

The rules (where the issue leaves room):

* ``vague-goals``: no goals at all, or a goal with no measurable outcome: no number
  (``three``, ``3``, ``一条``) and no concrete result (the SMART check's verbs and
  artefacts: ``sign``, ``MOU``, ``方案``, ``预算``).
* ``decision-maker-absent``: an organisation none of whose decision makers is in the room
  (present, or arrived late; not absent, not gone). An organisation whose people are all
  expert advisors (an independent facilitator, an association) is not a party and is
  not asked for one.
* ``behind-schedule``: the projected end is later than planned by more than 10 % of the
  plan still ahead (the current item's box left and every later box), and by at least a
  minute.
* ``item-overrun``: the current item has run past its box.
* ``parking-lot-growing``: three or more points parked during the current item are still
  open: the discussion is drifting.
* ``unbalanced-voices``: one organisation holds over half the speaking time (once ten
  minutes have been spoken), or someone in the room has not spoken on the current item
  once half its box has run (five minutes at least; not the facilitator or the note-taker).
* ``action-missing-owner``, ``action-missing-deadline``, ``action-vague``: actions whose
  SMART check found that problem (an unknown or ambiguous owner counts as missing).
* ``no-decision``: a topic the meeting has left (not a break) after discussing it (its
  clock ran a minute or more: one skipped at once was not discussed) with no decision
  and no action recorded on it.
* ``minutes-overdue``: the meeting ended over 24 hours ago and no minutes were sent.
* ``minutes-out-of-date``: the minutes were sent, and something they show was recorded
  or changed since (see :mod:`coopconsole.domain.followup`); sending them again clears it.
* ``action-overdue``: actions not done whose deadline is before today.
* ``previous-actions-not-reviewed``: the review of the previous actions is over (the
  meeting has moved past it, or ended) and actions carried into it, still open, were
  neither moved nor remarked on since it began.
* ``same-action-carried-three-times``: an action still open that has been carried
  through three meetings or more: it needs a new plan, not a fourth carry.
* The SMART checks (``action-missing-*``, ``action-vague``) look at the actions captured
  in this meeting: a carried action was judged when it was captured, and the review and
  ``action-overdue`` look at it now.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from datetime import date, datetime, timedelta
from enum import Enum

from coopconsole.domain.balance import FLAG_AFTER, SpeakingStats
from coopconsole.domain.board import is_open, looked_at, overdue_days
from coopconsole.domain.followup import MinutesState, minutes_status
from coopconsole.domain.frozen import record
from coopconsole.domain.memo import LastOf, Picked
from coopconsole.domain.model import (
    ActionItem,
    Attendance,
    Decision,
    Duty,
    ItemKind,
    Resolution,
    Role,
    Session,
    SessionStatus,
)
from coopconsole.domain.rounding import whole_minutes
from coopconsole.domain.smart import names_result
from coopconsole.domain.timeline import ZERO, AgendaState

#: Open points parked on one item that make the parking lot "growing".
PARKED_ON_ITEM = 3
#: Share of all speaking time above which one organisation holds the floor.
ORG_SHARE = 0.5
#: Behind schedule: drift over this part of the plan still ahead.
BEHIND_SHARE = 0.10
MIN_DRIFT = timedelta(minutes=1)
#: Someone silent on the current item is flagged once this part of its box has run.
SILENT_AFTER_SHARE = 0.5
SILENT_AFTER_MIN = timedelta(minutes=5)
#: An item whose clock ran this long was discussed (and should close with a record).
DISCUSSED_AFTER = timedelta(minutes=1)

_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|dozen|half)\b"
    r"|[一二两三四五六七八九十百千万半][个条项家份次周月天年款套名位组批]|%|％",
    re.IGNORECASE,
)


class Severity(str, Enum):
    CRITICAL = "critical"  # the meeting cannot reach its goals as it stands
    WARNING = "warning"  # act on it soon
    INFO = "info"  # worth a glance


@record
class Finding:
    """One check that fails; ``details`` holds what the message names (text, numbers)."""

    code: str
    severity: Severity
    details: dict[str, object] = field(default_factory=dict)


CODES = (
    "decision-maker-absent",
    "minutes-overdue",
    "minutes-out-of-date",
    "previous-actions-not-reviewed",
    "vague-goals",
    "behind-schedule",
    "item-overrun",
    "unbalanced-voices",
    "no-decision",
    "action-missing-owner",
    "action-missing-deadline",
    "action-vague",
    "action-overdue",
    "same-action-carried-three-times",
    "parking-lot-growing",
)
#: How many meetings an open action may be carried through before it is flagged.
CARRIED_TOO_OFTEN = 3


def is_measurable(goal: str) -> bool:
    """A goal says what will be true at the end: a number, or a concrete result."""
    return bool(_NUMBER.search(goal)) or names_result(goal)


def health(
    session: Session, state: AgendaState, stats: SpeakingStats, item_stats: SpeakingStats | None, now: datetime
) -> list[Finding]:
    """Every failing check as of ``now``, most serious first (then in :data:`CODES` order).

    ``stats`` is the speaking time of the whole meeting, ``item_stats`` that of the
    current item (None when no item is current).
    """
    found = [*settled_findings(session, state, now.date()), *timed_findings(session, state, stats, item_stats, now)]
    rank = {s: i for i, s in enumerate(Severity)}
    return sorted(found, key=lambda f: (rank[f.severity], CODES.index(f.code)))


def settled_findings(session: Session, state: AgendaState, today: date) -> list[Finding]:
    """The failing checks that only the records, the events in effect and the day move:
    the clock running on changes none of them (an item's elapsed time counts only once
    it is no longer current). Each check fails at most once, under its own code, so
    :func:`health` is these and :func:`timed_findings`, ranked."""
    return [
        *_goals(session),
        *_decision_makers(session),
        *_parking(session, state),
        *_actions(session),
        *_CARRIED(session.actions, today),
        *_review(session, state),
        *_closed(session, state),
    ]


def timed_findings(
    session: Session, state: AgendaState, stats: SpeakingStats, item_stats: SpeakingStats | None, now: datetime
) -> list[Finding]:
    """The failing checks the clock alone can change: the schedule, the voices, the minutes."""
    return [*_schedule(state), *_voices(session, state, stats, item_stats), *_minutes(session, state, now)]


def _goals(session: Session) -> list[Finding]:
    if not session.goals:
        return [Finding("vague-goals", Severity.WARNING, {"goals": []})]
    vague = [g.text for g in session.goals if not is_measurable(g.text)]
    return [Finding("vague-goals", Severity.WARNING, {"goals": vague})] if vague else []


def _in_room(attendance: Attendance) -> bool:
    return attendance in (Attendance.PRESENT, Attendance.LATE)


def _decision_makers(session: Session) -> list[Finding]:
    orgs: dict[str, list] = {}
    for person in session.participants:
        if person.organisation:
            orgs.setdefault(person.organisation, []).append(person)
    missing = [
        org
        for org, people in orgs.items()
        if not all(p.role is Role.EXPERT_ADVISOR for p in people)
        and not any(p.role is Role.DECISION_MAKER and _in_room(p.attendance) for p in people)
    ]
    return [Finding("decision-maker-absent", Severity.CRITICAL, {"orgs": missing})] if missing else []


def _schedule(state: AgendaState) -> list[Finding]:
    if state.status is not SessionStatus.RUNNING:
        return []
    out = []
    current = state.current_timing
    if state.drift is not None and state.drift >= MIN_DRIFT:
        ahead = (current.remaining or ZERO) if current else ZERO
        index = next((i for i, t in enumerate(state.items) if current and t.item == current.item), len(state.items))
        ahead += sum((t.box or ZERO for t in state.items[index + 1 :]), ZERO)
        if state.drift > BEHIND_SHARE * ahead:
            out.append(
                Finding(
                    "behind-schedule",
                    Severity.WARNING,
                    {"minutes": whole_minutes(state.drift), "projected": state.projected_end},
                )
            )
    # An overrun is said once it is a minute, as every figure in minutes is rounded
    # (coopconsole.domain.rounding): "0 min over" is not said.
    over = whole_minutes(current.overrun) if current is not None and current.box is not None else 0
    if current is not None and over > 0:
        out.append(Finding("item-overrun", Severity.WARNING, {"item": current.item, "minutes": over}))
    return out


def _parking(session: Session, state: AgendaState) -> list[Finding]:
    if state.current is None:
        return []
    open_here = [p for p in session.parked if p.item == state.current and p.resolution is Resolution.OPEN]
    if len(open_here) >= PARKED_ON_ITEM:
        return [Finding("parking-lot-growing", Severity.INFO, {"item": state.current, "count": len(open_here)})]
    return []


def _voices(
    session: Session, state: AgendaState, stats: SpeakingStats, item_stats: SpeakingStats | None
) -> list[Finding]:
    out = []
    if stats.total >= FLAG_AFTER:
        heavy = [org for org in stats.by_org if org and stats.org_share(org) > ORG_SHARE]
        if heavy:
            out.append(
                Finding(
                    "unbalanced-voices",
                    Severity.WARNING,
                    {"org": heavy[0], "share": round(stats.org_share(heavy[0]) * 100)},
                )
            )
    current = state.current_timing
    if out or current is None or item_stats is None or not state.running:
        return out
    item = session.item(current.item)
    if item is None or item.kind is ItemKind.BREAK:
        return out
    wait = max(SILENT_AFTER_MIN, (current.box or ZERO) * SILENT_AFTER_SHARE)
    if current.elapsed < wait:
        return out
    silent = [
        p.name
        for p in session.participants
        if _in_room(p.attendance) and p.duty is Duty.NONE and item_stats.by_participant.get(p.id, ZERO) <= ZERO
    ]
    if silent:
        out.append(Finding("unbalanced-voices", Severity.WARNING, {"silent": silent, "item": current.item}))
    return out


_ACTION_CODES = {
    "action-missing-owner": ("owner-missing", "owner-unknown", "owner-ambiguous"),
    "action-missing-deadline": ("deadline-missing", "deadline-past"),
    "action-vague": ("deliverable-vague",),
}


def _actions(session: Session) -> list[Finding]:
    return _ON_THE_ACTIONS(session.actions)


def _carried_findings(actions: list[ActionItem], today: date) -> list[Finding]:
    overdue = _OVERDUE(actions, today)
    again = _CARRIED_AGAIN(actions)
    out = []
    if overdue:
        out.append(Finding("action-overdue", Severity.WARNING, {"actions": overdue}))
    if again:
        out.append(Finding("same-action-carried-three-times", Severity.WARNING, {"actions": again}))
    return out


def _review(session: Session, state: AgendaState) -> list[Finding]:
    order = [item.id for item in session.agenda]
    review = next((item for item in session.agenda if item.kind is ItemKind.REVIEW), None)
    if review is None or state.started_at is None:
        return []
    over = state.status is SessionStatus.ENDED or (
        state.current is not None and state.current in order and order.index(state.current) > order.index(review.id)
    )
    if not over:
        return []
    timing = state.timing(review.id)
    since = timing.actual_start if timing is not None and timing.actual_start is not None else state.started_at
    missed = _NOT_REVIEWED(session.actions, since)
    return [Finding("previous-actions-not-reviewed", Severity.WARNING, {"actions": missed})] if missed else []


def _action_findings(actions: list[ActionItem]) -> list[Finding]:
    found = [(code, _WITH_PROBLEM[code](actions)) for code in _ACTION_CODES]
    return [Finding(code, Severity.WARNING, {"actions": ids}) for code, ids in found if ids]


def _with_problem(wanted: tuple[str, ...]) -> Callable[[ActionItem], int | None]:
    """The id of an action one of whose SMART problems is ``wanted`` (one carried from
    an earlier meeting was judged when it was captured: the review looks at it now)."""

    def pick(action: ActionItem) -> int | None:
        problems = action.smart.problems
        if problems and not action.origin and any(problem in wanted for problem in problems):
            return action.id
        return None

    return pick


def _closed(session: Session, state: AgendaState) -> list[Finding]:
    decided = _DECIDED(session.decisions, session.actions)
    left = [
        t.item
        for t in state.items
        if t.elapsed >= DISCUSSED_AFTER
        and t.item != state.current
        and t.item not in decided
        and (item := session.item(t.item)) is not None
        and item.kind is ItemKind.TOPIC
    ]
    return [Finding("no-decision", Severity.WARNING, {"items": left})] if left else []


def _minutes(session: Session, state: AgendaState, now: datetime) -> list[Finding]:
    status = minutes_status(session, state, now)
    if status.state is MinutesState.OVERDUE:
        return [Finding("minutes-overdue", Severity.CRITICAL, {"due": status.due})]
    if status.out_of_date:
        return [Finding("minutes-out-of-date", Severity.WARNING, {"sent": status.written_at})]
    return []


def _decided_items(decisions: list[Decision], actions: list[ActionItem]) -> set[int]:
    """The items with a decision or an action (what has none is not among them)."""
    return {*_ITEM_OF_DECISION(decisions), *_ITEM_OF_ACTION(actions)}


def _overdue(action: ActionItem, today: date) -> int | None:
    return action.id if overdue_days(action, today) else None


def _carried_again(action: ActionItem) -> int | None:
    return action.id if action.carried >= CARRIED_TOO_OFTEN and is_open(action) else None


def _not_reviewed(action: ActionItem, since: datetime) -> int | None:
    return action.id if action.origin and is_open(action) and not looked_at(action, since) else None


def _item_of(record: Decision | ActionItem) -> int | None:
    return record.item


# The header runs the checks every second, over hundreds of actions: what depends only on
# the lists is kept while they are the same (see coopconsole.domain.memo).
_ON_THE_ACTIONS: LastOf[list[Finding]] = LastOf(_action_findings)
_DECIDED: LastOf[set[int]] = LastOf(_decided_items)
_CARRIED: LastOf[list[Finding]] = LastOf(_carried_findings)
# A capture appends a record to a list of hundreds: what each record says is worked out
# for the appended record only (see coopconsole.domain.memo.Picked).
_OVERDUE: Picked[int] = Picked(_overdue)
_CARRIED_AGAIN: Picked[int] = Picked(_carried_again)
_NOT_REVIEWED: Picked[int] = Picked(_not_reviewed)
_WITH_PROBLEM: dict[str, Picked[int]] = {code: Picked(_with_problem(wanted)) for code, wanted in _ACTION_CODES.items()}
_ITEM_OF_DECISION: Picked[int] = Picked(_item_of)
_ITEM_OF_ACTION: Picked[int] = Picked(_item_of)

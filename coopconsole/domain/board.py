"""The board of actions: four states, moves recorded as history, overdue, references.

The playbook follows every action on a board of four columns: to do, in progress, in
review, done (待办 / 进行中 / 待评审 / 已完成). Rules:

* An action starts as "to do". A move sets its state and adds one entry to its history
  (time, new state, remark); an entry is never changed or removed. A remark may come
  with no move (the state stays, the entry says what was said about it).
* An action is *overdue* while it is not done and its deadline is before today:
  ``overdue_days`` is how many days past (the day after the deadline is 1).
* An action is named across meetings as ``MEETING#N``: the meeting's session name and
  the action's number in it. Carried into a later meeting it gets a new number there
  and keeps its first name as ``origin``; either name reaches it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from coopconsole.domain.frozen import record
from coopconsole.domain.model import ActionItem, ActionStatus, StatusChange

#: The columns of the board, in order.
STATES = (ActionStatus.TODO, ActionStatus.IN_PROGRESS, ActionStatus.UNDER_REVIEW, ActionStatus.DONE)

#: The words a state may be given by on the command line (any case), English and Chinese.
STATE_WORDS: dict[str, ActionStatus] = {
    "todo": ActionStatus.TODO,
    "to-do": ActionStatus.TODO,
    "doing": ActionStatus.IN_PROGRESS,
    "in-progress": ActionStatus.IN_PROGRESS,
    "in_progress": ActionStatus.IN_PROGRESS,
    "review": ActionStatus.UNDER_REVIEW,
    "in-review": ActionStatus.UNDER_REVIEW,
    "under_review": ActionStatus.UNDER_REVIEW,
    "done": ActionStatus.DONE,
    "待办": ActionStatus.TODO,
    "进行中": ActionStatus.IN_PROGRESS,
    "待评审": ActionStatus.UNDER_REVIEW,
    "已完成": ActionStatus.DONE,
}

#: The short word for each state, as the command line writes it back.
STATE_WORD = {
    ActionStatus.TODO: "todo",
    ActionStatus.IN_PROGRESS: "doing",
    ActionStatus.UNDER_REVIEW: "review",
    ActionStatus.DONE: "done",
}

_REF = re.compile(r"^(?P<meeting>[^#\s]+)#(?P<number>[1-9][0-9]{0,8})$")


def state_of(word: str) -> ActionStatus | None:
    """The state ``word`` names (``todo``, ``doing``, ``进行中``...); None if none."""
    return STATE_WORDS.get(word.strip().lower())


def step(status: ActionStatus, by: int) -> ActionStatus | None:
    """The state ``by`` columns to the right (negative: left) of ``status``; None past an end."""
    index = STATES.index(status) + by
    return STATES[index] if 0 <= index < len(STATES) else None


def moved(action: ActionItem, status: ActionStatus, at: datetime, remark: str = "") -> ActionItem:
    """``action`` moved to ``status`` at ``at`` (the same state: a remark only)."""
    change = StatusChange(at=at, status=status, remark=remark)
    return replace(action, status=status, history=(*action.history, change))


def status_at(action: ActionItem, moment: datetime) -> ActionStatus:
    """Where ``action`` stood just before ``moment``, by its history."""
    status = ActionStatus.TODO
    for change in action.history:
        if change.at >= moment:
            break
        status = change.status
    return status


def changes_since(action: ActionItem, moment: datetime) -> tuple[StatusChange, ...]:
    """The history entries made at or after ``moment``."""
    return tuple(change for change in action.history if change.at >= moment)


def looked_at(action: ActionItem, since: datetime | None) -> bool:
    """Whether ``action`` was moved or remarked on at or after ``since`` (None: never)."""
    return since is not None and any(change.at >= since for change in action.history)


def is_open(action: ActionItem) -> bool:
    return action.status is not ActionStatus.DONE


def overdue_days(action: ActionItem, today: date) -> int:
    """How many days ``action`` is past its deadline (0: not overdue, done, or no deadline)."""
    if action.deadline is None or not is_open(action) or action.deadline >= today:
        return 0
    return (today - action.deadline).days


@record
class Ref:
    """An action's name across meetings: ``MEETING#N``."""

    meeting: str
    number: int

    def __str__(self) -> str:
        return f"{self.meeting}#{self.number}"


def parse_ref(text: str) -> Ref | None:
    """``MEETING#N`` read; None if it is not written so."""
    found = _REF.match(text.strip())
    return None if found is None else Ref(found["meeting"], int(found["number"]))


def ref_of(meeting: str, action: ActionItem) -> Ref:
    """The name of ``action`` in ``meeting``."""
    return Ref(meeting, action.id)


def origin_of(meeting: str, action: ActionItem) -> str:
    """The name the action was first captured under (its own, if it was not carried)."""
    return action.origin or f"{meeting}#{action.id}"

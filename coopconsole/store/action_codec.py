"""Actions <-> their records: the board's state and history, and the quick decoder.

A folder's thousands of actions (with their histories) are decoded by every look across
it, so :func:`action_from` reads a record with one test per field, inline; only a record
that fails a test goes through :mod:`.validate`, which says what is wrong with it.
"""

from __future__ import annotations

from datetime import date, datetime

import coopconsole.store.validate as check
from coopconsole.domain.model import ActionItem, ActionStatus, SmartCheck, StatusChange
from coopconsole.domain.typed_text import clean_line
from coopconsole.store.fields import SCHEMA_VERSION, Record, cleaned, day_text, moment_text


def action_record(a: ActionItem) -> Record:
    return {
        "v": SCHEMA_VERSION,
        "deliverable": a.deliverable,
        "owner": a.owner,
        "owner_id": a.owner_id,
        "organisation": a.organisation,
        "deadline": day_text(a.deadline),
        "item": a.item,
        "status": a.status.value,
        "created_at": moment_text(a.created_at),
        "text": a.text,
        "smart": list(a.smart.problems),
        **_carried_fields(a),
    }


def _carried_fields(a: ActionItem) -> Record:
    """The follow-up fields, left out while empty (most actions are never moved or carried)."""
    record: Record = {}
    if a.history:
        record["history"] = [_change_record(c) for c in a.history]
    if a.origin:
        record["origin"] = a.origin
    if a.carried_from:
        record["carried_from"] = a.carried_from
    if a.carried:
        record["carried"] = a.carried
    if a.withdrawn_at is not None:
        record["withdrawn_at"] = moment_text(a.withdrawn_at)
    if a.merged_into is not None:
        record["merged_into"] = a.merged_into
    if a.merged:
        record["merged"] = list(a.merged)
    return record


def _change_record(c: StatusChange) -> Record:
    record: Record = {"at": c.at.isoformat(), "status": c.status.value}
    if c.remark:
        record["remark"] = c.remark
    if c.meeting:
        record["meeting"] = c.meeting
    return record


def _change_from(r: Record) -> StatusChange:
    at = check.moment(r, "at")
    if at is None:
        raise check.Malformed('"at" is missing')
    return StatusChange(
        at=at,
        status=check.choice(r, "status", ActionStatus),
        remark=clean_line(check.text(r, "remark", "")),
        meeting=clean_line(check.text(r, "meeting", "")),
    )


def _history_from(r: Record) -> tuple[StatusChange, ...]:
    entries = check.objects(r, "history")
    changes = []
    for index, entry in enumerate(entries):
        try:
            changes.append(_change_from(entry))
        except check.Malformed as exc:
            raise check.within_list("history", index, exc) from None
    return tuple(changes)


class _Irregular(Exception):
    """A record the quick decoder leaves to the checked one (which says what is wrong)."""


_STATUSES = {status.value: status for status in ActionStatus}
_FIRST_YEAR, _LAST_YEAR = check.FIRST_YEAR, check.LAST_YEAR


def action_from(i: int, r: Record) -> ActionItem:
    """An action, its texts cleaned. A folder's thousands of actions (with their
    histories) are decoded by every look across it, so a record is read with one test
    per field, inline; only one that fails a test goes through :mod:`.validate`, which
    says what is wrong with it (or finds it sound after all: a rare form the quick way
    does not take, such as an empty date)."""
    try:
        return _action_quick(i, r)
    except (_Irregular, KeyError, TypeError, ValueError):
        return cleaned(_action_checked(i, r))


def _text(value: object) -> str:
    if type(value) is not str:
        raise _Irregular
    return clean_line(value) if value else value


def _number(value: object) -> int | None:
    if value is not None and type(value) is not int:
        raise _Irregular
    return value


def _moment(value: object) -> datetime:
    if type(value) is not str:
        raise _Irregular
    moment = datetime.fromisoformat(value)  # an offset read from text is a fixed timezone
    if moment.tzinfo is None or not _FIRST_YEAR <= moment.year <= _LAST_YEAR:
        raise _Irregular
    return moment


def _action_quick(i: int, r: Record) -> ActionItem:
    get = r.get
    deadline, created, smart, history = get("deadline"), get("created_at"), get("smart", ()), get("history", ())
    if type(smart) is not list and smart != ():
        raise _Irregular
    if type(history) is not list and history != ():
        raise _Irregular
    changes = tuple(
        StatusChange(
            _moment(c["at"]),
            _STATUSES[c["status"]],
            _text(c.get("remark", "")),
            _text(c.get("meeting", "")),
        )
        for c in history
    )
    carried = get("carried", 0)
    if type(carried) is not int:
        raise _Irregular
    withdrawn, merged = get("withdrawn_at"), get("merged", ())
    if type(merged) is not list and merged != ():
        raise _Irregular
    return ActionItem(
        id=i,
        deliverable=_text(r["deliverable"]),
        owner=_text(get("owner", "")),
        owner_id=_number(get("owner_id")),
        organisation=_text(get("organisation", "")),
        deadline=None if deadline is None else date.fromisoformat(deadline),
        item=_number(get("item")),
        status=changes[-1].status if changes else _STATUSES[get("status", "todo")],
        created_at=None if created is None else _moment(created),
        text=_text(get("text", "")),
        smart=SmartCheck(tuple(_text(code) for code in smart)),
        history=changes,
        origin=_text(get("origin", "")),
        carried_from=_text(get("carried_from", "")),
        carried=max(0, carried),
        withdrawn_at=None if withdrawn is None else _moment(withdrawn),
        merged_into=_number(get("merged_into")),
        merged=tuple(_whole(n) for n in merged),
    )


def _whole(value: object) -> int:
    if type(value) is not int:
        raise _Irregular
    return value


def _action_checked(i: int, r: Record) -> ActionItem:
    history = _history_from(r)
    status = check.choice(r, "status", ActionStatus, ActionStatus.TODO)
    return ActionItem(
        id=i,
        deliverable=check.text(r, "deliverable"),
        owner=check.text(r, "owner", ""),
        owner_id=check.number(r, "owner_id"),
        organisation=check.text(r, "organisation", ""),
        deadline=check.day(r, "deadline"),
        item=check.number(r, "item"),
        status=history[-1].status if history else status,  # the history is what happened
        created_at=check.moment(r, "created_at"),
        text=check.text(r, "text", ""),
        smart=SmartCheck(check.texts(r, "smart")),
        history=history,
        origin=check.text(r, "origin", ""),
        carried_from=check.text(r, "carried_from", ""),
        carried=max(0, check.number(r, "carried") or 0),
        withdrawn_at=check.moment(r, "withdrawn_at"),
        merged_into=check.number(r, "merged_into"),
        merged=check.numbers(r, "merged"),
    )

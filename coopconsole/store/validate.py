"""What a session file may hold: checked as it is read, since nothing in it is trusted.

A session file may have been edited by hand, by another program or by a newer
coopconsole, so every value is checked before it becomes a domain object. A file that
breaks a rule is refused as a whole (:class:`Malformed`, which the store reports with the
file's path and the record's table and id); the file itself is never changed.

The document:

* Each table the store knows is a JSON object of records; a record's id is a positive
  whole number written without leading zeros (``"7"``, not ``"07"`` or ``"x"``), and the
  record itself is a JSON object. Tables the store does not know are left alone.
* ``"v"``, where a record has it, is a whole number (the schema version).
* ``meta`` holds record ``"1"``, the session's header. A file without it is not a
  session, however valid its JSON (``{}``, or tables and no header).

The fields of a record:

* Text is a JSON string. ``null`` is allowed only where the model allows None, and only
  for numbers, moments, dates and times; text fields never take ``null``.
* Whole numbers are JSON integers: ``true`` is not 1, ``2.0`` and ``"2"`` are not 2.
  Time boxes and extensions lie within +/- :data:`MAX_MINUTES`.
* Moments are ISO 8601 with their UTC offset; event moments are epoch milliseconds.
  Both lie within the years :data:`FIRST_YEAR`-:data:`LAST_YEAR`, so the domain can
  change their time zone without leaving the calendar (coopconsole takes them from the
  clock). Dates are ``YYYY-MM-DD``, with any year (they come from agendas as typed);
  times of day ``HH:MM``, without an offset (a planned time is local wall-clock time).
  ``null`` or ``""`` means "none".
* Kinds, roles, statuses and stances are one of the model's values.
* Lists of text (``sub_points``, ``smart``) are JSON arrays of strings; ``agreement``
  is an object of organisation -> stance.
* A field that is missing takes the model's default, except the ones a record cannot do
  without (a goal's tier and text, a participant's name, an agenda item's title, an
  event's moment and kind, an action's deliverable, the text of a decision, note or
  parked point). Fields the model does not have are ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from typing import Any, TypeVar

import orjson

FIRST_YEAR, LAST_YEAR = 1000, 9000
MAX_MINUTES = 100_000  # about ten weeks: far beyond any meeting, far inside timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The range of event moments ("t", epoch milliseconds) allowed by the years above.
FIRST_MS = (datetime(FIRST_YEAR, 1, 1, tzinfo=UTC) - EPOCH) // timedelta(milliseconds=1)
LAST_MS = (datetime(LAST_YEAR, 12, 31, 23, 59, 59, 999000, tzinfo=UTC) - EPOCH) // timedelta(milliseconds=1)

E = TypeVar("E", bound=Enum)
Record = dict[str, Any]

_MISSING: Any = object()


class Malformed(ValueError):
    """What breaks the rules; ``where`` names the record (:func:`where`), if it is one record."""

    def __init__(self, detail: str, where: str = "") -> None:
        super().__init__(f"{where} is malformed: {detail}" if where else detail)
        self.detail = detail
        self.where = where


def where(table: str, key: str) -> str:
    return f"record {key} of the {table} table"


def shown(value: Any) -> str:
    """``value`` as it is written in the file, shortened for a message."""
    try:
        text = orjson.dumps(value).decode()
    except TypeError:
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _wrong(key: str, value: Any, expected: str) -> Malformed:
    if value is _MISSING:
        return Malformed(f'"{key}" is missing')
    return Malformed(f'"{key}" should be {expected}, not {shown(value)}')


def locate(table: str, rows: dict[str, Record], decode: Any) -> Malformed:
    """The first record of ``table`` that ``decode`` refuses, as a located error.

    Decoding a table is one comprehension with no per-record bookkeeping (events are
    thousands of records, decoded after every write); only when it fails is the table
    walked again, to name the record.
    """
    for key in sorted(rows, key=int):
        try:
            decode(int(key), rows[key])
        except Malformed as exc:
            return Malformed(exc.detail, where(table, key))
    return Malformed("a record could not be read", f"the {table} table")  # pragma: no cover


# -- the document -------------------------------------------------------------------


def newest_schema(document: dict[str, dict[str, Any]], tables: tuple[str, ...] | None = None) -> int:
    """The highest schema version of any record in the document (0 if none); ``tables``:
    of those tables only."""
    newest = 0
    for table, rows in document.items():
        if tables is not None and table not in tables:
            continue
        for key, r in rows.items():
            if type(r) is dict:
                v = r.get("v", 0)
                if type(v) is not int:
                    raise Malformed(f'"v" should be a whole number, not {shown(v)}', where(table, key))
                if v > newest:
                    newest = v
    return newest


def check_layout(document: dict[str, dict[str, Any]], tables: tuple[str, ...], meta: str) -> None:
    """Refuse a document whose known tables hold anything but records, or with no header."""
    header = document.get(meta)
    if not header or "1" not in header:
        raise Malformed(
            f'it has no "{meta}" record (the session\'s title, date and language), so it is not a whole session file'
        )
    for table in tables:
        for key, r in document.get(table, {}).items():
            if not (key.isascii() and key.isdigit() and key[0] != "0"):
                raise Malformed(f"the {table} table has a record numbered {shown(key)}, not a positive whole number")
            if type(r) is not dict:
                raise Malformed(f"it should be a JSON object, not {shown(r)}", where(table, key))


# -- fields -------------------------------------------------------------------------


def text(r: Record, key: str, default: Any = _MISSING) -> str:
    value = r.get(key, default)
    if type(value) is str:
        return value
    raise _wrong(key, value, "text")


def number(r: Record, key: str) -> int | None:
    """A whole number or None (ids of other records)."""
    value = r.get(key)
    if value is None or type(value) is int:
        return value
    raise _wrong(key, value, "a whole number or null")


def minutes(r: Record, key: str) -> int | None:
    value = r.get(key)
    if value is None or (type(value) is int and -MAX_MINUTES <= value <= MAX_MINUTES):
        return value
    raise _wrong(key, value, f"a whole number of minutes, -{MAX_MINUTES:,} to {MAX_MINUTES:,}, or null")


def flag(r: Record, key: str) -> bool | None:
    value = r.get(key)
    if value is None or type(value) is bool:
        return value
    raise _wrong(key, value, "true, false or null")


def choice(r: Record, key: str, kind: type[E], default: E | None = None) -> E:
    """One of ``kind``'s values; ``default`` when the field is missing (None: required)."""
    value = r.get(key, _MISSING)
    if value is _MISSING and default is not None:
        return default
    if type(value) is str:
        try:
            return kind(value)
        except ValueError:
            pass
    raise _wrong(key, value, _one_of(kind))


def _one_of(kind: type[Enum]) -> str:
    return "one of " + ", ".join(f'"{k.value}"' for k in kind)


def texts(r: Record, key: str) -> tuple[str, ...]:
    value = r.get(key, ())
    if type(value) in (list, tuple) and all(type(v) is str for v in value):
        return tuple(value)
    raise _wrong(key, value, "a list of texts")


def numbers(r: Record, key: str) -> tuple[int, ...]:
    """A list of whole numbers (ids of other records; empty when the field is missing)."""
    value = r.get(key, ())
    if type(value) in (list, tuple) and all(type(v) is int for v in value):
        return tuple(value)
    raise _wrong(key, value, "a list of whole numbers")


def objects(r: Record, key: str) -> list[Record]:
    """A list of JSON objects (an empty one when the field is missing)."""
    value = r.get(key, [])
    if type(value) is list and all(type(v) is dict for v in value):
        return value
    raise _wrong(key, value, "a list of objects")


def within_list(key: str, index: int, exc: Malformed) -> Malformed:
    """``exc``, found in entry ``index`` (0-based) of the list ``key``, said as such."""
    return Malformed(f'"{key}" entry {index + 1}: {exc.detail}')


def stances(r: Record, key: str, kind: type[E]) -> tuple[tuple[str, E], ...]:
    value = r.get(key, {})
    if type(value) is dict:
        try:
            return tuple((org, kind(s)) for org, s in value.items())
        except ValueError:  # not a value of ``kind``, or not even a string
            pass
    raise _wrong(key, value, f"an object of organisation: stance, each {_one_of(kind)}")


def _within(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def _iso(r: Record, key: str, parse: Callable[[str], Any], fits: Callable[[Any], bool], expected: str) -> Any:
    """``r[key]`` read by ``parse`` from ISO text (None or "" is None), if ``fits`` it."""
    value = r.get(key)
    if value is None or value == "":
        return None
    if type(value) is str:
        try:
            parsed = parse(value)
        except ValueError:
            pass
        else:
            if fits(parsed):
                return parsed
    raise _wrong(key, value, expected)


def moment(r: Record, key: str) -> datetime | None:
    return _iso(
        r,
        key,
        datetime.fromisoformat,
        lambda d: d.utcoffset() is not None and _within(d.year),
        "a date and time with its UTC offset (2026-12-08T09:30:00+08:00) or null",
    )


def day(r: Record, key: str) -> date | None:
    return _iso(r, key, date.fromisoformat, lambda d: True, "a date (2026-12-08) or null")


def clock_time(r: Record, key: str) -> time | None:
    return _iso(r, key, time.fromisoformat, lambda t: t.tzinfo is None, "a time of day (09:30) or null")


def event_problem(r: Record, kinds: type[Enum]) -> Malformed:
    """Why a short event record was refused (the slow path: the fast one only says no)."""
    if "t" not in r:
        return _wrong("t", _MISSING, "")
    t = r["t"]
    if type(t) is not int or not FIRST_MS <= t <= LAST_MS:
        return _wrong("t", t, f"a moment in epoch milliseconds (years {FIRST_YEAR}-{LAST_YEAR})")
    try:
        choice(r, "k", kinds)
        number(r, "i")
        number(r, "p")
        minutes(r, "m")
    except Malformed as exc:
        return exc
    return Malformed("it is not an event record")  # pragma: no cover - the fast path let it pass

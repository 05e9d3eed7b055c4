"""Keeping the last result of a pure function while its arguments stay the same.

The console works out its figures once a second, at full-day size over hundreds of
actions, while most of what they are worked out from has not changed since the last
second. A session's lists are replaced, never changed in place,
whenever one of their records changes (``Session.put``): so a list that is the same
object, as long as before and ending in the same record, holds the same records, and
what was worked out from it still holds. :class:`LastOf` keeps that one last result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")


class LastOf(Generic[T]):
    """``compute(*args)``, worked out again only when the arguments change: a list
    argument by its identity, length and last record, any other by equality."""

    def __init__(self, compute: Callable[..., T]) -> None:
        self.compute = compute
        self._key: tuple[Any, ...] | None = None
        self._kept: tuple[Any, ...] = ()  # the arguments themselves: a list's id stays its own
        self._result: T | None = None

    def __call__(self, *args: Any) -> T:
        key = tuple(("list", id(a), len(a), a[-1] if a else None) if isinstance(a, list) else a for a in args)
        if self._key is None or key != self._key:
            self._result, self._key, self._kept = self.compute(*args), key, args
        return cast(T, self._result)


class Picked(Generic[T]):
    """``[v for r in records if (v := pick(r, *extra)) is not None]``, kept between calls.

    A capture appends one record to a list of hundreds: when ``records`` begins with the
    records of the last call (the same, or equal, in the same order) and ``extra`` is
    the same, only the records after them are picked from; otherwise all are. The list
    returned is never changed afterwards (an append makes a new one), so a result that
    holds it stays as it was made."""

    def __init__(self, pick: Callable[..., T | None]) -> None:
        self.pick = pick
        self._records: list[Any] | None = None
        self._extra: tuple[Any, ...] = ()
        self._picked: list[T] = []

    def __call__(self, records: list[Any], *extra: Any) -> list[T]:
        old, pick = self._records, self.pick
        if old is None or extra != self._extra or not _begins_with(records, old):
            self._picked = [v for r in records if (v := pick(r, *extra)) is not None]
        elif len(records) > len(old):
            new = [v for r in records[len(old) :] if (v := pick(r, *extra)) is not None]
            if new:
                self._picked = [*self._picked, *new]
        self._records, self._extra = records, extra
        return self._picked


def same_parts(last: tuple[Any, ...] | None, new: tuple[Any, ...], identical: int) -> bool:
    """Whether ``new`` holds what ``last`` held: its first ``identical`` parts the very same
    objects (a session's lists, replaced whenever a record changes), the others equal."""
    return (
        last is not None
        and len(last) == len(new)
        and all(a is b for a, b in zip(last[:identical], new[:identical], strict=True))
        and last[identical:] == new[identical:]
    )


def _begins_with(records: list[Any], start: list[Any]) -> bool:
    """Whether ``records`` is ``start`` and maybe more (compared record by record: a
    record that is the very same object is equal at once)."""
    return records is start or (len(records) >= len(start) and records[: len(start)] == start)

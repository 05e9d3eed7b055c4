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

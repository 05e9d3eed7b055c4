"""Sources of "now".

Every time figure in the console is a pure function of a session's events and a "now"
supplied by the caller, so the clock is injected rather than read globally. ``Clock`` is
any zero-argument callable returning a timezone-aware ``datetime``.

``system_clock`` is the real wall clock in the machine's local timezone. ``FrozenClock``
only moves when told to, for tests and benchmarks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current local time, timezone-aware."""
    return datetime.now().astimezone()


class FrozenClock:
    """A clock that stands still until advanced or set.

    >>> from datetime import timezone
    >>> clock = FrozenClock(datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc))
    >>> clock.advance(minutes=5).minute
    5
    """

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FrozenClock needs a timezone-aware datetime")
        self._now = start

    def __call__(self) -> datetime:
        return self._now

    @property
    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, minutes: float = 0) -> datetime:
        """Move forward (or backward, with negative values); returns the new time."""
        self._now += timedelta(seconds=seconds, minutes=minutes)
        return self._now

    def set(self, dt: datetime) -> datetime:
        """Jump to ``dt``; returns it."""
        if dt.tzinfo is None:
            raise ValueError("FrozenClock needs a timezone-aware datetime")
        self._now = dt
        return self._now

    def __repr__(self) -> str:
        return f"FrozenClock({self._now.isoformat()})"

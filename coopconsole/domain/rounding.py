"""One rule for turning a duration into whole minutes, used wherever minutes are shown.

The header, the agenda pane, the re-planning dialog, the health checks, the minutes and
the exports all say durations in whole minutes ("8 min behind", "1 min over",
"5 min"); they must agree, so they all use :func:`whole_minutes`: the nearest minute,
half a minute rounding away from zero (2:29 is 2 min, 2:30 is 3 min, -2:30 is -3 min).
A figure that rounds to 0 is not shown as an overrun or a drift of "0 min" by the
places that say one: they say nothing, or "on time".
"""

from __future__ import annotations

from datetime import timedelta


def whole_minutes(value: timedelta) -> int:
    """``value`` in whole minutes, to the nearest (half a minute away from zero)."""
    seconds = value.total_seconds()
    minutes = int((abs(seconds) + 30) // 60)
    return -minutes if seconds < 0 else minutes

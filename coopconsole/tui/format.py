"""Small, pure formatting helpers for the panes (times, durations, bars)."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

BAR_CELLS = "▏▎▍▌▋▊▉█"


def clock(value: timedelta) -> str:
    """``12:34`` or ``1:02:03`` (hours only when needed), never negative."""
    seconds = max(0, int(value.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def hhmm(value: datetime | None, tz: tzinfo | None) -> str:
    """Wall-clock ``HH:MM`` in ``tz`` (the meeting clock's zone; stored times are UTC)."""
    if value is None:
        return "--:--"
    return (value.astimezone(tz) if tz is not None else value).strftime("%H:%M")


def bar(fraction: float, width: int) -> str:
    """A horizontal bar of ``width`` cells filled to ``fraction`` (eighths of a cell)."""
    return bar_of(bar_eighths(fraction, width), width)


def bar_eighths(fraction: float, width: int) -> int:
    """How many eighths of a cell a bar of ``width`` cells fills for ``fraction``."""
    return int(round(min(max(fraction, 0.0), 1.0) * width * 8))


def bar_of(eighths: int, width: int) -> str:
    """A horizontal bar of ``width`` cells filled to ``eighths`` of a cell."""
    full, part = divmod(eighths, 8)
    text = "█" * full + (BAR_CELLS[part - 1] if part else "")
    return text.ljust(width)

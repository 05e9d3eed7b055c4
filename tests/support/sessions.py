"""The sample session most tests start from, and the instant its meeting starts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from coopconsole.domain.model import AgendaItem, ItemKind, Participant, Role, Session

#: The meeting's time zone (UTC+8, where the samples' meetings take place).
TZ = timezone(timedelta(hours=8))
#: When the sample session's meeting starts; the ``clock`` fixture is frozen here.
MEETING_START = datetime(2026, 12, 8, 9, 0, tzinfo=TZ)


def small_session(name: str = "smart-park") -> Session:
    """Four people from three organisations (one with a Chinese name) and a four-item
    agenda with a break, starting at :data:`MEETING_START`."""
    return Session(
        name=name,
        title="Smart Park Cooperation Promotion Meeting",
        date=date(2026, 12, 8),
        start=time(9, 0),
        facilitator="Dana Okafor",
        participants=[
            Participant(1, "Alice Chen", "Company A", "CTO", Role.DECISION_MAKER),
            Participant(2, "Bruno Silva", "Company A", "Head of Marketing", Role.EXECUTOR),
            Participant(3, "Chloe Martin", "Company B", "Technical Director", Role.DECISION_MAKER),
            Participant(4, "张三", "智算科技", "CTO", Role.EXECUTOR),
        ],
        agenda=[
            AgendaItem(1, "Opening", time(9, 0), 15, "Dana Okafor"),
            AgendaItem(2, "Directions", time(9, 15), 45),
            AgendaItem(3, "Tea break", time(10, 0), 15, kind=ItemKind.BREAK),
            AgendaItem(4, "Next steps", time(10, 15), 20, "Dana Okafor"),
        ],
    )


def blank_settled(handle) -> bool:  # noqa: ANN001 - a SessionFile
    """Wait until the blank temporary file the handle's last write asked for is made (it
    is made a moment after the write, in the background: ``store/blanks.py``), or called
    off; whether one is ready. The wait is a guard against hanging, not a speed check."""
    slot = handle._storage._blanks
    with slot._changed:
        slot._changed.wait_for(lambda: not slot._pending, timeout=30)
        return slot._blank is not None

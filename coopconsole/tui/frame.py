"""What every pane is given once a second: the session and the figures derived from it."""

from __future__ import annotations

from coopconsole.domain.live import MeetingView
from coopconsole.domain.memo import same_parts
from coopconsole.domain.model import Session


class Frame:
    """Not a dataclass, whose methods would be compiled as the console starts; compared
    by identity, as a new one is made every second."""

    __slots__ = ("session", "view", "revision", "lang", "warning_minutes", "turn_limit", "epoch")

    def __init__(
        self,
        session: Session,
        view: MeetingView,
        revision: int,
        lang: str,
        warning_minutes: int = 2,
        turn_limit: int | None = None,
        epoch: object = None,
    ) -> None:
        self.session = session
        self.view = view
        self.revision = revision  # changes whenever a record changed (ours or another process's)
        self.lang = lang
        self.warning_minutes = warning_minutes
        self.turn_limit = turn_limit  # minutes of one speaking turn (None: no limit)
        # The same from one frame to the next while no event took effect (LiveMeeting.epoch):
        # what only events move may be kept meanwhile. None: nothing may be kept.
        self.epoch = epoch

    @property
    def current_item(self) -> int | None:
        return self.view.agenda.current

    def clock_side(self) -> tuple:
        """What the agenda's and the speakers' panes are drawn from: the figures, the
        session's lists they read, and the settings they are worded and coloured by."""
        session = self.session
        return (
            self.view,
            session.agenda,
            session.events,
            session.participants,
            self.lang,
            self.warning_minutes,
            self.turn_limit,
        )

    def records_side(self) -> tuple:
        """What the panes that show records (the actions', the parking lot's) are drawn
        from: the session's lists, then the language, the current item and the day (an
        action's deadline is overdue from the day after). The clock's second moves none
        of it, so those panes are not given the frames it makes (see ``MeetingScreen``)."""
        session = self.session
        return (
            session.actions,
            session.decisions,
            session.notes,
            session.parked,
            session.participants,
            session.agenda,
            session.events,
            self.lang,
            self.current_item,
            self.view.now.date(),
        )


#: How many parts of :meth:`Frame.records_side` are lists, compared by identity.
RECORDS_SIDE_LISTS = 7


def same_side(last: tuple | None, side: tuple) -> bool:
    """Whether ``side`` (:meth:`Frame.clock_side`) is ``last``: the same figures and lists,
    by identity (a frame kept the figures of the last second, see ``screens/looks.py``),
    and the same settings."""
    return same_parts(last, side, 4)

"""What every section of the minutes is written from: the session, its figures as of
"now", the language, and the headings written so far (for the check)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from coopconsole.domain.agenda_edit import AgendaChange
from coopconsole.domain.balance import SpeakingStats
from coopconsole.domain.model import AgendaItem, Resolution, Session
from coopconsole.domain.timeline import AgendaState, ItemTiming
from coopconsole.minutes.markdown import inline, plain, table
from coopconsole.texts.formats import local, w


@dataclass(frozen=True)
class Minutes:
    text: str
    headings: list[tuple[int, str]]  # (level, the text a reader sees), in order


@dataclass
class Context:
    session: Session
    state: AgendaState
    lang: str
    now: datetime
    sent_at: datetime
    stats: SpeakingStats
    limit: int | None = None  # a preview: at most this many rows per table and items per section
    headings: list[tuple[int, str]] = field(default_factory=list)
    changes: list[AgendaChange] = field(default_factory=list)  # to the agenda, during the meeting

    def table(self, header: list[str], rows: list, align: str = "") -> str:
        """A table, cut to :attr:`limit` rows in a preview (with a line saying so)."""
        if self.limit is None or len(rows) <= self.limit:
            return table(header, rows, align)
        return f"{table(header, rows[: self.limit], align)}\n\n{self.w('preview.more', n=len(rows) - self.limit)}"

    def heading(self, level: int, markdown: str, seen: str) -> str:
        """A heading line; ``seen`` is the text it shows (recorded for the check)."""
        self.headings.append((level, plain(seen)))
        return f"{'#' * level} {markdown}"

    def w(self, key: str, **values: object) -> str:
        return w(key, self.lang, **values)

    def hhmm(self, moment: datetime | None) -> str:
        return "--:--" if moment is None else f"{local(moment, self.now.tzinfo):%H:%M}"

    @cached_property
    def places(self) -> dict[int, tuple[int, AgendaItem]]:
        """Each agenda item by id (the first with that id, as ``Session.item`` finds it)
        and its place: looked up once per record, so never searched for."""
        places: dict[int, tuple[int, AgendaItem]] = {}
        for n, item in enumerate(self.session.agenda, start=1):
            places.setdefault(item.id, (n, item))
        return places

    @cached_property
    def timings(self) -> dict[int, ItemTiming]:
        """Each item's timing by id (the first, as ``AgendaState.timing`` finds it)."""
        timings: dict[int, ItemTiming] = {}
        for timing in self.state.items:
            timings.setdefault(timing.item, timing)
        return timings

    @cached_property
    def deferred(self) -> frozenset[int | None]:
        """The items a parked point defers to the next meeting."""
        return frozenset(p.target for p in self.session.parked if p.resolution is Resolution.DEFERRED)

    def number(self, item_id: int) -> int:
        """The item's place in the agenda as it ran (an item added or moved during the
        meeting is numbered where it stood, not by its record's number)."""
        place = self.places.get(item_id)
        return item_id if place is None else place[0]

    def item_title(self, item_id: int | None) -> str:
        place = None if item_id is None else self.places.get(item_id)
        # The number is ours: "3. " cannot start a list inside a heading or a cell.
        return f"{place[0]}. {inline(place[1].title)}" if place is not None else ""

    def item_label(self, item_id: int | None) -> str:
        place = None if item_id is None else self.places.get(item_id)
        return f"{place[0]}. {plain(place[1].title)}" if place is not None else ""

"""``coopconsole list``: every session of the folder, one line each.

A sub-command of :func:`coopconsole.cli.commands.main`, with its rules. Each line is read
from what the store's listing gives (:mod:`coopconsole.store.listing`: the header, the
people, the agenda, the START and END events and how many captures of each kind), not
from every record; only a session whose minutes were sent is read whole, to say whether
they are out of date.
"""

from __future__ import annotations

from datetime import datetime

import click
from rich.cells import cell_len

from coopconsole.cli.commands import Fail, command, store_of
from coopconsole.domain.clock import system_clock
from coopconsole.domain.model import Session
from coopconsole.store import SessionStore, StoreError

#: The columns of ``coopconsole list``.
HEADER = ("NAME", "TITLE", "DATE", "STATUS", "MINUTES", "SERIES", "CONTENTS")


@command("list")
@click.pass_context
def list_(ctx: click.Context) -> None:
    """List saved sessions: name, title, date, status and counts."""
    store = store_of(ctx)
    try:
        rows = [HEADER, *listing_rows(store, system_clock())]
    except OSError as exc:
        raise Fail(f"cannot list the sessions folder {store.folder}: {exc.strerror or exc}") from None
    if len(rows) == 1:
        click.echo(f"No saved sessions in {store.folder.resolve()}. Try 'coopconsole demo'.")
        return
    widths = [max(cell_len(r[i]) for r in rows) for i in range(6)]
    for row in rows:
        cells = [cell + " " * (w - cell_len(cell)) for cell, w in zip(row[:6], widths, strict=False)]
        click.echo("  ".join([*cells, row[6]]).rstrip())


def listing_rows(store: SessionStore, now: datetime) -> list[tuple[str, ...]]:
    """One row of :data:`HEADER` per session file, as of ``now``."""
    from coopconsole.cli.show import counts_of, minutes_summary
    from coopconsole.domain.followup import minutes_sent_at
    from coopconsole.domain.timeline import agenda_state
    from coopconsole.store.codecs import ACTIONS, DECISIONS, NOTES, PARKED

    rows: list[tuple[str, ...]] = []
    lines = store.listing()  # each file's header, people, agenda, START and END: not every record
    places = series_places([line.session for line in lines if line.session is not None])
    for line in lines:
        s, error = line.session, line.error
        if s is not None:
            state = agenda_state(s, now)  # from its START and END events: the status, the end
            if minutes_sent_at(s, state) is not None and s.minutes_digest:
                s, error = _whole(store, line.name)  # whether the minutes sent are out of date needs it all
        if s is None:
            rows.append((line.name, "(cannot be read)", "", "damaged", "", "", error))
            continue
        captures = (line.count(ACTIONS), line.count(DECISIONS), line.count(NOTES), line.count(PARKED))
        rows.append(
            (
                s.name,
                s.title,
                s.date.isoformat() if s.date else "",
                state.status.value,
                minutes_summary(s, state, now),
                places.get(s.name, ""),
                counts_of(len(s.agenda), len(s.participants), captures),
            )
        )
    return rows


def _whole(store: SessionStore, name: str) -> tuple[Session | None, str]:
    """The whole session ``name``, or None and why it cannot be read."""
    try:
        with store.open(name, tidy=False) as handle:
            return handle.load(), ""
    except StoreError as exc:
        return None, str(exc)


def series_places(sessions: list[Session]) -> dict[str, str]:
    """Where each meeting of a series stands in it, as ``list`` says it (``kickoff #2``);
    a meeting in no series is not named."""
    from coopconsole.domain.series import SeriesLoop, chain_of, series_of

    by_name = {s.name: s for s in sessions}
    followed = {s.follows for s in sessions}
    places = {}
    for s in sessions:
        if not s.follows and s.name not in followed:
            continue
        try:
            place = str(len(chain_of(by_name, s.name)))
        except SeriesLoop:
            place = "?"  # said when the series is used
        places[s.name] = f"{series_of(s)} #{place}"
    return places

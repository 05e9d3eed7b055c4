"""The commands of the follow-up across meetings: the next meeting of a series, an
action's state from any terminal, and every action of the folder.

Sub-commands of :func:`coopconsole.cli.commands.main`, with its rules: a failure the user
can fix is one message on standard error and exit status 2, every file left as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path

import click

from coopconsole.cli.actions_listing import Refused, listing, narrowed_to, write
from coopconsole.cli.commands import Fail, _open_console, command, say, slug, store_of, user_errors
from coopconsole.cli.console_start import refuse_without_terminal
from coopconsole.domain.board import STATE_WORD, STATE_WORDS, state_of
from coopconsole.domain.clock import system_clock
from coopconsole.domain.model import Session
from coopconsole.domain.series import FollowUp, Latest, next_meeting_from
from coopconsole.domain.timeline import agenda_state
from coopconsole.service import MeetingService
from coopconsole.service import series as folder_series
from coopconsole.store import SessionStore


def make_follow_up(store: SessionStore, previous: str, base: Session) -> FollowUp:
    """``base`` made the next meeting after ``previous``, written, and what was carried
    said on standard error (standard output keeps only what scripts read)."""
    with user_errors(), store.series_lock():  # checked and written as one step
        made = folder_series.follow_up_of(store, previous, base, base.lang)
        folder_series.create(store, made)
    carried, session = made.carried, made.session
    say(
        f"{session.name} follows {session.follows} (series {session.series}): carried "
        f"{_count(len(carried.actions), 'open action')}, {_count(len(carried.parked), 'deferred parked point')}, "
        f"{_count(len(carried.goals), 'goal')} not yet achieved."
    )
    if made.review is not None:
        item = session.agenda[made.review - 1]
        verb = "Added as the first item" if made.review_added else "The review of the previous actions is item"
        where = "" if made.review_added else f" {item.id}"
        say(f"{verb}{where}: {item.title!r}, {item.minutes or 0} min.")
    ends = _planned_end(session)
    if ends:
        before = _planned_end(base)
        said = f" (was {before})" if made.review_added and before and before != ends else ""
        say(f"Planned end: {ends}{said}.")
    return made


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _planned_end(session: Session) -> str:
    end = agenda_state(session, system_clock()).planned_end
    return "" if end is None else end.strftime("%H:%M")


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Fail(f"--date {value!r} is not a date: write it as 2026-12-10.") from None


def _clock(value: str | None) -> time | None:
    if value is None:
        return None
    try:
        at = time.fromisoformat(value.strip())
    except ValueError:
        at = None
    if at is None or at.tzinfo is not None:  # the meeting's own local time, as agendas write it
        raise Fail(f"--start {value!r} is not a time of day: write it as 14:00.")
    return at.replace(second=0, microsecond=0)


def dated_name(session: Session) -> str:
    """A session name from the title and the date: the date is what tells the meetings
    of a series apart, so the title gives way to it (names are at most 40 characters)."""
    if session.date is None:
        return slug(session.title)
    day = session.date.isoformat()
    return f"{slug(session.title)[: 39 - len(day)].strip('-')}-{day}".lstrip("-")


@command("next")
@click.argument("previous")
@click.argument("agenda", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--date", "day", metavar="YYYY-MM-DD", default=None, help="Its date (default: a week after PREVIOUS).")
@click.option("--start", metavar="HH:MM", default=None, help="Its start (default: PREVIOUS's).")
@click.option("--name", help="Session name (default: from the title and the date).")
@click.option("--no-open", is_flag=True, help="Create the session, print its name and exit.")
@click.pass_context
def next_(
    ctx: click.Context,
    previous: str,
    agenda: str | None,
    day: str | None,
    start: str | None,
    name: str | None,
    no_open: bool,
) -> None:
    """Make the next meeting of PREVIOUS's series and open it.

    With an AGENDA, as 'coopconsole new AGENDA --follows PREVIOUS'. Without one, the
    meeting starts from PREVIOUS's participants, goals not yet achieved and agenda, a
    week later at the same time unless --date and --start say otherwise. Either way the
    actions of the series that are not done, the parked points deferred to this meeting
    and the goals not achieved are carried in, and the agenda opens with a review of the
    previous actions.
    """
    if agenda is not None:
        from coopconsole.cli.commands import new

        if day is not None or start is not None:
            raise Fail("--date and --start are for a meeting made without an agenda; the agenda says its own.")
        ctx.invoke(new, agenda=Path(agenda), name=name, no_open=no_open, follows=previous)
        return
    store = store_of(ctx)
    when, at = _day(day), _clock(start)
    with user_errors():
        chain = folder_series.chain(store, previous)
    base = next_meeting_from(chain[-1], when, at)
    base.created_at = system_clock()
    with user_errors():
        base.name = name or store.unique_name(dated_name(base))
    made = make_follow_up(store, previous, base)
    if no_open:
        click.echo(made.session.name)
    else:
        _open_console(ctx, made.session.name)


@command()
@click.argument("ref", metavar="MEETING#N")
@click.argument("state", metavar="STATE")
@click.option("--note", metavar="TEXT", default="", help="A remark kept with the change (draft sent to legal).")
@click.pass_context
def status(ctx: click.Context, ref: str, state: str, note: str) -> None:
    """Move an action to STATE: todo, doing, review or done (待办, 进行中, 待评审, 已完成).

    MEETING#N is the meeting's session name and the action's number in it. An action
    carried into later meetings is changed where it is now, in the newest meeting that
    holds it. The change is kept in the action's history, with the time and the note.
    """
    wanted = state_of(state)
    if wanted is None:
        raise Fail(f"{state!r} is not a state: use one of {', '.join(STATE_WORDS)}.")
    store = store_of(ctx)
    with user_errors():
        # The named meeting is read once, by the service that changes it: an action not
        # carried into a later meeting (nearly all) is moved where it was named.
        reference = folder_series.reference(store, ref)
        with store.open(reference.meeting) as handle:
            service = MeetingService(handle)
            meeting, action, named = folder_series.locate(store, reference, service.session)
            where = f"{meeting}#{action.id}"
            if action.status is wanted and not note.strip():
                click.echo(f"{where} is already {STATE_WORD[wanted]}: nothing changed.")
                return
            if meeting == handle.name:
                moved = service.board.move(action.id, wanted, note)
            else:
                with store.open(meeting) as newest:
                    moved = MeetingService(newest).board.move(action.id, wanted, note)
    also = "" if where == str(named) else f" (now {where})"
    click.echo(f"{named}{also}: {STATE_WORD[moved.status]}")


@command()
@click.option("--series", metavar="NAME", default=None, help="Only this series (its first meeting's name).")
@click.option("--owner", metavar="NAME", default=None, help="Only this person's actions (name or its start).")
@click.option("--org", metavar="ORG", default=None, help="Only this organisation's actions.")
@click.option("--status", "state", metavar="STATE", default=None, help="Only actions in STATE (todo, doing...).")
@click.option("--overdue", is_flag=True, help="Only actions past their deadline and not done.")
@click.option("--json", "as_json", is_flag=True, help="As JSON, for other tools.")
@click.pass_context
def actions(
    ctx: click.Context,
    series: str | None,
    owner: str | None,
    org: str | None,
    state: str | None,
    overdue: bool,
    as_json: bool,
) -> None:
    """Every action of every meeting in the folder, as it stands now.

    An action carried from meeting to meeting is listed once, under the name to give
    'coopconsole status' (its newest copy), with the meeting it was first captured in.
    """
    wanted = None if state is None else state_of(state)
    if state is not None and wanted is None:
        raise Fail(f"--status {state!r} is not a state: use one of {', '.join(STATE_WORDS)}.")
    with user_errors(), refusals():
        made = listing(store_of(ctx), series, owner, org, wanted, overdue, as_json)
    for warning in made.warnings:
        say(warning)
    write(made.output)


@contextmanager
def refusals() -> Iterator[None]:
    """A listing refused, as the command line says it (a message, exit status 2)."""
    try:
        yield
    except Refused as exc:
        raise Fail(exc.message) from None


def _latest_field(latest: Latest, field: str) -> str:
    return str(getattr(latest.action, field))


def filtered(found: list[Latest], owner: str | None, org: str | None) -> list[Latest]:
    """The actions of ``owner`` and of ``org`` (each a name or its start; refused with a
    message if it fits no name or several)."""
    with refusals():
        return narrowed_to(found, owner, org, _latest_field)


@command()
@click.option("--series", metavar="NAME", default=None, help="Only this series (its first meeting's name).")
@click.option("--owner", metavar="NAME", default=None, help="Only this person's actions (name or its start).")
@click.option("--org", metavar="ORG", default=None, help="Only this organisation's actions.")
@click.pass_context
def board(ctx: click.Context, series: str | None, owner: str | None, org: str | None) -> None:
    """The board of every action in the folder: to do, in progress, in review, done.

    One card per action, as it stands now, under the name 'coopconsole status' takes.
    ] moves the highlighted card on, [ back, k adds a remark, f filters, ? lists the
    keys. Changes made in other terminals show within seconds. The filters given here
    can be changed on the board.
    """
    import gc

    from coopconsole.domain.board_view import BoardFilters
    from coopconsole.service.folder_watch import FolderRead, folder_stamp

    store = store_of(ctx)
    first = None  # no filter to check: the board opens at once and reads the folder itself
    chosen_owner = chosen_org = None
    if series is not None or owner is not None or org is not None:
        # A filter that fits nothing is refused before the board opens; the folder read to
        # check it is the board's first read (stamped first, so a change made meanwhile shows).
        stamp = folder_stamp(store)
        with user_errors():
            found, damaged = folder_series.all_actions(store)
            if series is not None and all(latest.series != series for latest in found):
                folder_series.all_actions(store, series)  # no such series: refused, and said why
        first = FolderRead(stamp, found, damaged)
        fits = [latest for latest in found if series is None or latest.series == series]
        fits = filtered(fits, owner, org)  # an owner or organisation it does not know: refused here
        # Each filter fits one name (or the board would have been refused): the board shows that one.
        chosen_owner = fits[0].action.owner if owner is not None else None
        chosen_org = fits[0].action.organisation if org is not None else None
    refuse_without_terminal()
    # As the console starts: the collector held off until the first frame is painted (the
    # board turns it back on then, see coopconsole.cli.main).
    gc.disable()
    try:
        from coopconsole.tui.board_app import make_board_app  # Textual: only for the commands that show it

        options = ctx.find_root().obj
        filters = BoardFilters(series=series, owner=chosen_owner, organisation=chosen_org)
        make_board_app(store, options["lang"], system_clock, options["theme"], filters, first=first).run()
    finally:
        gc.enable()

"""The commands for after the meeting: the minutes, the actions for other tools, the
attendees' confirmations, and the health checks.

Sub-commands of :func:`coopconsole.cli.commands.main`, with its rules: a failure the user
can fix is one message on standard error and exit status 2, every file left as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coopconsole.cli.commands import FORMATS, Fail, command, lang_of, say, store_of, user_errors
from coopconsole.domain.clock import system_clock
from coopconsole.domain.followup import MinutesState, minutes_status
from coopconsole.domain.model import Attendance
from coopconsole.domain.timeline import agenda_state
from coopconsole.domain.typed_text import names_fitting
from coopconsole.files import write_atomic
from coopconsole.service import MeetingService
from coopconsole.texts import LANGS, t
from coopconsole.texts.formats import moment_text


def _emit(data: bytes, output: Path | None) -> None:
    """``data`` to ``output`` (whole or not at all) or to standard output."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise Fail(f"cannot write {output}: {exc.strerror or exc}; nothing was written there.") from None


LANG_OPTION = click.option(
    "--lang", type=click.Choice(LANGS), default=None, help="Language (default: the console's language)."
)
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE instead of standard output.",
)


@command()
@click.argument("name")
@LANG_OPTION
@OUTPUT_OPTION
@click.option(
    "--next-meeting",
    metavar="TEXT",
    default=None,
    help="When and where the next meeting is (shown in the minutes; kept in the session when they are sent).",
)
@click.option(
    "--send",
    is_flag=True,
    help="Record that the minutes are sent now (once the meeting has ended): the 24-hour reply window starts.",
)
@click.option("--draft", is_flag=True, help="Print a draft, marked as such in its title: records nothing.")
@click.pass_context
def minutes(
    ctx: click.Context,
    name: str,
    lang: str | None,
    output: Path | None,
    next_meeting: str | None,
    send: bool,
    draft: bool,
) -> None:
    """Print the minutes of a session as Markdown (to standard output, or -o FILE).

    Printing records nothing. Sending is said with --send: the session records that the
    minutes were sent now, 'coopconsole list' shows them as sent and attendees can
    confirm them. Minutes are sent only once the meeting has ended; before that, and
    whenever they are not the minutes sent, they are marked as a draft.
    """
    sending = send and not draft
    with user_errors(), store_of(ctx).open(name) as handle:
        service = MeetingService(handle)
        lang = lang_of(ctx, lang, service.session.lang)
        now = service.now()
        if sending:
            service.closing.check_sendable()  # before anything is printed as if sent
        if sending and output is not None:
            service.closing.send_minutes(lang, output, next_meeting)
        else:
            text, digest = service.closing.build(lang, next_meeting, now, draft=False if sending else draft or None)
            _emit(text.encode("utf-8"), output)
            if sending:
                service.closing.record_minutes(next_meeting, now, digest)
        session = service.session
    if output is not None:
        say(f"Minutes of {name!r} written to {output}.")
    if sending:
        say(t("sending.sent", lang, name=name, time=moment_text(now, lang, now.tzinfo)))
        return
    if next_meeting is not None:
        say(t("sending.next_meeting_not_kept", lang))
    status = minutes_status(session, agenda_state(session, now), now)
    if draft or status.state is MinutesState.NOT_DUE:
        return
    if status.written_at is None:
        say(t("sending.not_sent", lang))
    elif status.out_of_date:
        say(t("sending.still_out_of_date", lang, sent=moment_text(status.written_at, lang, now.tzinfo)))


@command()
@click.argument("name", required=False)
@click.option("--series", metavar="SERIES", default=None, help="Every action of a series instead of one meeting's.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="csv (spreadsheets, task tools), ics (calendar to-dos) or md (a task list).",
)
@click.option("--owner", metavar="NAME", default=None, help="Only this person's actions (name or its start).")
@click.option("--org", metavar="ORG", default=None, help="Only this organisation's actions.")
@LANG_OPTION
@OUTPUT_OPTION
@click.pass_context
def export(
    ctx: click.Context,
    name: str | None,
    series: str | None,
    fmt: str,
    owner: str | None,
    org: str | None,
    lang: str | None,
    output: Path | None,
) -> None:
    """Write a session's action items as CSV, iCalendar to-dos or a Markdown task list.

    With --series SERIES instead of a session's NAME: every action of the series once,
    as it stands now.
    """
    from coopconsole.cli.export import ExportError, csv_of, held, ics_of, select, tasks_of

    if (name is None) == (series is None):
        raise Fail("give a session's NAME or --series SERIES (one of them).")
    if series is not None:
        lang = lang_of(ctx, lang)
        chosen, title, total = _series_actions(ctx, series, owner, org)
    else:
        with user_errors(), store_of(ctx).open(name or "") as handle:
            session = handle.load()
        lang = lang_of(ctx, lang, session.lang)
        try:
            chosen = held(session, select(session, owner, org))
        except ExportError as exc:
            raise Fail(str(exc)) from None
        title, total = session.title or session.name, len(session.actions)
    if fmt == "csv":
        data = csv_of(chosen, lang).encode("utf-8")
    elif fmt == "ics":
        data = ics_of(chosen, system_clock(), title, lang)
    else:
        data = tasks_of(chosen, lang).encode("utf-8")
    _emit(data, output)
    if not chosen:
        say("No action items match." if total else "There are no action items to export.")
    elif output is not None:
        say(f"{len(chosen)} action item{'s' if len(chosen) != 1 else ''} written to {output}.")


def _series_actions(ctx: click.Context, series: str, owner: str | None, org: str | None) -> tuple[list, str, int]:
    """The actions of ``series`` as they stand now, each with its meeting; the calendar's
    title; how many actions the series has before the filters."""
    from coopconsole.cli.followup import filtered
    from coopconsole.service import series as folder_series

    store = store_of(ctx)
    with user_errors():
        found, damaged = folder_series.all_actions(store, series)
        names = sorted({series, *(latest.meeting for latest in found)})
        sessions = {s.name: s.session for s in store.read_tables(("participants", "agenda"), names) if s.session}
    for problem in damaged:
        say(f"skipped: {problem}")
    total = len(found)
    chosen = []
    for latest in filtered(found, owner, org):
        meeting = sessions.get(latest.meeting)
        if meeting is not None:
            chosen.append((meeting, latest.action))
    first = sessions.get(series)
    return chosen, (first.title if first is not None and first.title else series), total


@command()
@click.argument("name")
@click.argument("people", nargs=-1)
@click.option("--undo", is_flag=True, help="Take the confirmation back.")
@click.pass_context
def confirm(ctx: click.Context, name: str, people: tuple[str, ...], undo: bool) -> None:
    """Tick off attendees who confirmed the minutes (by number or name).

    With no PEOPLE, shows who has confirmed and who has not.
    """
    with user_errors(), store_of(ctx).open(name) as handle:
        service = MeetingService(handle)
        session = service.session
        for wanted in people:
            person = _participant(session, wanted)
            service.closing.confirm_minutes(person.id, not undo)
        session = service.session
    for person in session.participants:
        mark = "x" if person.confirmed_at else " "
        absent = " (absent)" if person.attendance is Attendance.ABSENT else ""
        click.echo(f"[{mark}] {person.id:>2} {person.name}{absent}")
    now = system_clock()
    status = minutes_status(session, agenda_state(session, now), now)
    click.echo(f"{status.confirmed} of {status.asked} attendees have confirmed the minutes.")


def _participant(session, wanted: str):  # noqa: ANN001, ANN202 - Session -> Participant
    if wanted.isdigit() and session.participant(int(wanted)) is not None:
        return session.participant(int(wanted))
    names = names_fitting(wanted, [p.name for p in session.participants])
    fits = [p for p in session.participants if p.name in names]
    if len(fits) == 1:
        return fits[0]
    listed = ", ".join(f"{p.id} {p.name}" for p in (fits or session.participants))
    raise Fail(f"{wanted!r} {'fits several' if fits else 'is not one of the'} participants: {listed}.")


@command()
@click.argument("name")
@LANG_OPTION
@click.pass_context
def health(ctx: click.Context, name: str, lang: str | None) -> None:
    """The meeting's health checks: what is wrong now, and how to fix it."""
    from coopconsole.cli.show import command_line_health as report  # fixes without the console's keys

    with user_errors(), store_of(ctx).open(name) as handle:
        session = handle.load()
    lang = lang_of(ctx, lang, session.lang)
    findings = report(session, system_clock(), lang)
    if not findings:
        click.echo(t("health.none", lang))
    for finding in findings:
        click.echo(f"{finding['severity']:<8} {finding['code']}: {finding['message']}")
        click.echo(f"{'':<8} → {finding['fix']}")

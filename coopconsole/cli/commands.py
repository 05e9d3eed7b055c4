"""The ``coopconsole`` command line.

Every command that fails for a reason the user can fix prints one clear message on
standard error and exits with status 2, leaving every file as it was. The console (and
Textual with it) is imported only by the commands that open it, so ``coopconsole add``
from a second terminal starts quickly.
"""

from __future__ import annotations

import gc
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.cells import cell_len

from coopconsole import __version__
from coopconsole.cli.console_start import create_demo, run_console
from coopconsole.cli.show import counts, minutes_summary, session_json, session_text
from coopconsole.domain.clock import system_clock
from coopconsole.domain.followup import minutes_status
from coopconsole.domain.model import Attendance
from coopconsole.domain.timeline import agenda_state
from coopconsole.domain.typed_text import names_fitting
from coopconsole.files import FileRefused, read_regular, write_atomic
from coopconsole.service import CAPTURE_KINDS, MeetingService, ServiceError
from coopconsole.store import SessionFile, SessionStore, StoreError, sessions_folder
from coopconsole.texts import LANGS

#: The commands that open the console, which turns the garbage collector back on itself
#: once its first frame is painted (see coopconsole.cli.main); None: no command.
_CONSOLE_COMMANDS = (None, "open", "demo")
#: ``coopconsole.cli.export.FORMATS`` (a test keeps them equal): importing that module here
#: would load the minutes' code on every start of the console.
FORMATS = ("csv", "ics", "md")
#: The largest agenda file read (a real one is a few kilobytes); said so in messages.
AGENDA_LIMIT, AGENDA_LIMIT_WORDS = 1 << 20, "1 MiB"


class Fail(click.ClickException):
    """A user-fixable failure: message on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"coopconsole: {self.message}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    try:
        yield
    except (StoreError, ServiceError) as exc:
        raise Fail(getattr(exc, "message", None) or str(exc)) from None
    except OSError as exc:  # a write to the session file failed (disk full, read-only): nothing was saved
        where = f" ({exc.filename})" if exc.filename else ""
        raise Fail(
            f"could not save{where}: {exc.strerror or exc}. Nothing was changed; "
            "free some space or fix the folder's permissions, then try again."
        ) from None


def _store(ctx: click.Context) -> SessionStore:
    return SessionStore(sessions_folder(ctx.obj["sessions_dir"]))


def slug(title: str) -> str:
    """A session name from a title: lower-case words joined by '-', CJK kept."""
    text = unicodedata.normalize("NFKC", title).lower()
    words = re.findall(r"[^\W_]+", text)
    name = "-".join(words)[:40].strip("-")
    return name or "meeting"


def _open_console(
    ctx: click.Context, name: str | None, lang: str | None = None, opened: SessionFile | None = None
) -> None:
    options = ctx.find_root().obj
    run_console(_store(ctx), name, lang or options["lang"], options["theme"], opened)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--sessions-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of session files (default ./sessions, or $COOPCONSOLE_SESSIONS).",
)
@click.option(
    "--lang",
    "ui_lang",
    type=click.Choice(LANGS),
    default=None,
    help="Language of the console (default: remembered, else from LANG).",
)
@click.option("--theme", default=None, help="Console theme, e.g. coopconsole-light or coopconsole-projector.")
@click.version_option(__version__, prog_name="coopconsole")
@click.pass_context
def main(ctx: click.Context, sessions_dir: Path | None, ui_lang: str | None, theme: str | None) -> None:
    """Run a multi-party cooperation meeting from the terminal.

    With no command, opens the console on a picker of saved sessions and the
    built-in sample meeting.
    """
    ctx.obj = {"sessions_dir": sessions_dir, "lang": ui_lang, "theme": theme}
    if ctx.invoked_subcommand not in _CONSOLE_COMMANDS:
        gc.enable()  # off while the command started (coopconsole.cli.main); the console's own
    if ctx.invoked_subcommand is None:
        _open_console(ctx, None)


def command(name: str | None = None):  # noqa: ANN201 - a click decorator
    """A sub-command of ``main`` that also answers ``--version``."""

    def decorate(function):  # noqa: ANN001, ANN202
        return main.command(name)(click.version_option(__version__, prog_name="coopconsole")(function))

    return decorate


@command()
@click.option(
    "--lang", type=click.Choice(LANGS), default=None, help="Which sample meeting (default: the console's language)."
)
@click.option("--no-open", is_flag=True, help="Create the session, print its name and exit.")
@click.pass_context
def demo(ctx: click.Context, lang: str | None, no_open: bool) -> None:
    """Open a fresh copy of the built-in sample meeting (English or Chinese)."""
    with user_errors():
        name, console_lang = create_demo(_store(ctx), lang, ctx.find_root().obj["lang"])
    if no_open:
        click.echo(name)
    else:
        _open_console(ctx, name, console_lang)


@command()
@click.argument("agenda", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", help="Session name (default: from the agenda's title).")
@click.option("--no-open", is_flag=True, help="Create the session, print its name and exit.")
@click.pass_context
def new(ctx: click.Context, agenda: Path, name: str | None, no_open: bool) -> None:
    """Start a session from a Markdown agenda."""
    store = _store(ctx)
    try:
        text = read_regular(agenda, AGENDA_LIMIT, AGENDA_LIMIT_WORDS).decode("utf-8-sig")
    except FileRefused as exc:  # /dev/zero, a pipe, a file far too big for an agenda
        raise Fail(f"{agenda} {exc}; give the path of a Markdown agenda file.") from None
    except UnicodeDecodeError as exc:
        raise Fail(f"{agenda} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again.") from None
    except OSError as exc:
        raise Fail(f"cannot read {agenda}: {exc.strerror}") from None
    from coopconsole.agenda import AgendaError, import_agenda  # markdown-it: only for this command

    try:
        result = import_agenda(text, name=agenda.stem)  # the file's name, if it has no title
    except AgendaError as exc:
        raise Fail(str(exc)) from None
    with user_errors():
        session = result.session
        session.name = name or store.unique_name(slug(session.title))
        session.created_at = system_clock()
        for problem in result.problems:
            click.echo(f"{agenda}:{problem.line}: {problem.message}", err=True)
        store.create(session).close()
    if no_open:
        click.echo(session.name)
    else:
        _open_console(ctx, session.name)


@command("open")
@click.argument("name")
@click.pass_context
def open_(ctx: click.Context, name: str) -> None:
    """Resume a saved session in the console."""
    with user_errors():
        opened = _store(ctx).open(name)  # fail here, with a message, not inside the console
    _open_console(ctx, name, opened=opened)


@command("list")
@click.pass_context
def list_(ctx: click.Context) -> None:
    """List saved sessions: name, title, date, status and counts."""
    store = _store(ctx)
    now = system_clock()
    rows = [("NAME", "TITLE", "DATE", "STATUS", "MINUTES", "CONTENTS")]
    try:
        summaries = list(store.summaries())
    except OSError as exc:
        raise Fail(f"cannot list the sessions folder {store.folder}: {exc.strerror or exc}") from None
    for summary in summaries:
        if summary.session is None:
            rows.append((summary.name, "(cannot be read)", "", "damaged", "", summary.error))
            continue
        s = summary.session
        state = agenda_state(s, now)
        rows.append(
            (
                s.name,
                s.title,
                s.date.isoformat() if s.date else "",
                state.status.value,
                minutes_summary(s, state, now),
                counts(s),
            )
        )
    if len(rows) == 1:
        click.echo(f"No saved sessions in {store.folder.resolve()}. Try 'coopconsole demo'.")
        return
    widths = [max(cell_len(r[i]) for r in rows) for i in range(5)]
    for row in rows:
        cells = [cell + " " * (w - cell_len(cell)) for cell, w in zip(row[:5], widths, strict=False)]
        click.echo("  ".join([*cells, row[5]]).rstrip())


@command()
@click.argument("name")
@click.argument("kind", type=click.Choice(CAPTURE_KINDS))
@click.argument("text", nargs=-1, required=True)
@click.pass_context
def add(ctx: click.Context, name: str, kind: str, text: tuple[str, ...]) -> None:
    """Capture an action, note, decision or parked point from any terminal.

    TEXT uses the quick-capture syntax: '@name' is the owner (or who raised a parked
    point); 'by DATE', 'due DATE', '截止 DATE' or 'DATE前' set a deadline.
    Prints the new record's number once it is safely on disk.
    """
    with user_errors(), _store(ctx).open(name) as handle:
        record = MeetingService(handle).captures.capture(kind, " ".join(text))
    click.echo(str(record.id))
    smart = getattr(record, "smart", None)
    if smart is not None and not smart.ok:
        from coopconsole.domain.smart import PROBLEMS

        for code in smart.problems:
            click.echo(f"check: {PROBLEMS.get(code, code)}", err=True)


@command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="The whole session as JSON.")
@click.pass_context
def show(ctx: click.Context, name: str, as_json: bool) -> None:
    """Print a session (for people, or as JSON for other tools)."""
    with user_errors(), _store(ctx).open(name) as handle:
        session = handle.load()
    now = system_clock()
    if as_json:
        click.echo(json.dumps(session_json(session, now, _lang(ctx, None)), ensure_ascii=False, indent=2))
    else:
        click.echo(session_text(session, now))


def _lang(ctx: click.Context, lang: str | None) -> str:
    """``--lang`` of the command, else of ``coopconsole``, else the console's language."""
    from coopconsole.settings import load_settings
    from coopconsole.texts import detect_lang

    return lang or detect_lang(ctx.find_root().obj["lang"], load_settings()[0].lang)


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
    help="When and where the next meeting is (kept in the session, shown in the minutes).",
)
@click.option("--draft", is_flag=True, help="Only show the minutes: do not record that they were sent.")
@click.pass_context
def minutes(
    ctx: click.Context, name: str, lang: str | None, output: Path | None, next_meeting: str | None, draft: bool
) -> None:
    """Write the minutes of a session as Markdown (to standard output, or -o FILE).

    Unless --draft is given, the session records that the minutes were sent now: the
    24-hour reply window in them starts now, and 'coopconsole list' shows them as written.
    """
    lang = _lang(ctx, lang)
    with user_errors(), _store(ctx).open(name) as handle:
        if not draft:
            handle.check_writable()  # before the minutes are printed as if sent
        service = MeetingService(handle)
        if output is not None and not draft:
            service.closing.write_minutes(lang, output, next_meeting)
        else:
            now = service.now()
            _emit(service.closing.minutes(lang, next_meeting, now).encode("utf-8"), output)
            if not draft:
                service.closing.record_minutes(next_meeting, now)
    if output is not None:
        click.echo(f"Minutes of {name!r} written to {output}.", err=True)


@command()
@click.argument("name")
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
    ctx: click.Context, name: str, fmt: str, owner: str | None, org: str | None, lang: str | None, output: Path | None
) -> None:
    """Write a session's action items as CSV, iCalendar to-dos or a Markdown task list."""
    from coopconsole.cli.export import ExportError, select, to_csv, to_ics, to_tasks

    lang = _lang(ctx, lang)
    with user_errors(), _store(ctx).open(name) as handle:
        session = handle.load()
    try:
        chosen = select(session, owner, org)
    except ExportError as exc:
        raise Fail(str(exc)) from None
    if fmt == "csv":
        data = to_csv(session, chosen, lang).encode("utf-8")
    elif fmt == "ics":
        data = to_ics(session, chosen, system_clock(), lang)
    else:
        data = to_tasks(session, chosen, lang).encode("utf-8")
    _emit(data, output)
    if not chosen:
        click.echo("No action items match." if session.actions else "This session has no action items.", err=True)
    elif output is not None:
        click.echo(f"{len(chosen)} action item{'s' if len(chosen) != 1 else ''} written to {output}.", err=True)


@command()
@click.argument("name")
@click.argument("people", nargs=-1)
@click.option("--undo", is_flag=True, help="Take the confirmation back.")
@click.pass_context
def confirm(ctx: click.Context, name: str, people: tuple[str, ...], undo: bool) -> None:
    """Tick off attendees who confirmed the minutes (by number or name).

    With no PEOPLE, shows who has confirmed and who has not.
    """
    with user_errors(), _store(ctx).open(name) as handle:
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
    from coopconsole.texts.health import report

    with user_errors(), _store(ctx).open(name) as handle:
        session = handle.load()
    findings = report(session, system_clock(), _lang(ctx, lang))
    if not findings:
        click.echo("All checks pass." if _lang(ctx, lang) == "en" else "各项检查均通过。")
    for finding in findings:
        click.echo(f"{finding['severity']:<8} {finding['code']}: {finding['message']}")
        click.echo(f"{'':<8} → {finding['fix']}")


if __name__ == "__main__":  # the entry point, which checks the command line first
    from coopconsole.cli.main import main as entry_point

    entry_point()

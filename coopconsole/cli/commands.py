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
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path

import click

from coopconsole import __version__
from coopconsole.cli.agenda_file import AgendaFileRefused, read_agenda
from coopconsole.cli.console_start import create_demo, remember, run_console
from coopconsole.cli.plan_overrides import DateOption, TimeOption, with_overrides
from coopconsole.domain.clock import system_clock
from coopconsole.domain.model import CAPTURE_KINDS
from coopconsole.domain.typed_text import clean_line
from coopconsole.store import SessionExists, SessionFile, SessionStore, StoreError, check_name, sessions_folder
from coopconsole.texts import LANGS

#: The commands that open the console, which turns the garbage collector back on itself
#: once its first frame is painted (see coopconsole.cli.main); None: no command.
_CONSOLE_COMMANDS = {None, "open", "demo"}
#: Commands that read one session, write one document and end: what they make is freed by
#: reference counting as they go (no cycles), so the collector stays off, as it is while
#: ``coopconsole actions`` lists (coopconsole.cli.actions_listing). At 20,000 records the
#: markdown-it-py check of the minutes makes some 60,000 tokens, which the collector
#: otherwise walked again and again: a third of the check's time.
_COLLECTOR_OFF = {"minutes", "export"}
#: ``coopconsole.cli.export.FORMATS`` (a test keeps them equal): importing that module here
#: would load the minutes' code on every start of the console.
FORMATS = ("csv", "ics", "md")


class Fail(click.ClickException):
    """A user-fixable failure: message on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        say(f"coopconsole: {self.message}")


def say(message: str) -> None:
    """A message on standard error, with no control character in it: it may quote a file
    name or a line someone typed, which must not act on the terminal."""
    click.echo(clean_line(message), err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    try:
        yield
    except StoreError as exc:
        raise Fail(getattr(exc, "message", None) or str(exc)) from None
    except OSError as exc:  # a write to the session file failed (disk full, read-only): nothing was saved
        where = f" ({exc.filename})" if exc.filename else ""
        raise Fail(
            f"could not save{where}: {exc.strerror or exc}. Nothing was changed; "
            "free some space or fix the folder's permissions, then try again."
        ) from None
    except Exception as exc:
        from coopconsole.service import ServiceError  # a refusal: imported only once there is one

        if not isinstance(exc, ServiceError):
            raise
        raise Fail(exc.message or str(exc)) from None


def store_of(ctx: click.Context) -> SessionStore:
    """The sessions folder the command line names."""
    return SessionStore(sessions_folder(ctx.obj["sessions_dir"]))


def lang_of(ctx: click.Context, lang: str | None, session_lang: str | None = None) -> str:
    """``--lang`` of the command, else of ``coopconsole``, else (for what is written
    about one session: its minutes, exports, health) ``session_lang``, the language of
    its agenda, else the console's language."""
    from coopconsole.settings import load_settings
    from coopconsole.texts import detect_lang

    if session_lang and not lang and not ctx.find_root().obj["lang"]:
        return session_lang
    return lang or detect_lang(ctx.find_root().obj["lang"], load_settings()[0].lang)


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
    remember(options["lang"])  # the console's language, chosen on the command line
    run_console(store_of(ctx), name, lang or options["lang"], options["theme"], opened)


#: The options of ``coopconsole`` itself: (option, its key in the root context's ``obj``).
GLOBAL_OPTIONS = (
    (
        click.Option(
            ["--sessions-dir"],
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Folder of session files (default ./sessions, or $COOPCONSOLE_SESSIONS).",
        ),
        "sessions_dir",
    ),
    (
        click.Option(
            ["--lang"],
            type=click.Choice(LANGS),
            default=None,
            help="Language of the console and of what is printed (default: remembered, else from LANG).",
        ),
        "lang",
    ),
    (
        click.Option(["--theme"], default=None, help="Console theme, e.g. coopconsole-light or coopconsole-projector."),
        "theme",
    ),
)


def _global_option(option: click.Option, key: str) -> click.Option:
    """``option`` of ``coopconsole`` for a sub-command, written after it: the value goes
    where ``coopconsole OPTION VALUE COMMAND`` would put it (the later one wins)."""

    def keep(ctx: click.Context, _param: click.Parameter, value: object) -> None:
        if value is not None:
            ctx.find_root().obj[key] = value

    return click.Option(
        option.opts,
        type=option.type,
        default=None,
        expose_value=False,
        callback=keep,
        help=option.help,
    )


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    params=[option for option, _key in GLOBAL_OPTIONS],
)
@click.version_option(__version__, prog_name="coopconsole")
@click.pass_context
def main(ctx: click.Context, sessions_dir: Path | None, lang: str | None, theme: str | None) -> None:
    """Run a multi-party cooperation meeting from the terminal.

    With no command, opens the console on a picker of saved sessions and the
    built-in sample meeting.
    """
    ctx.obj = {"sessions_dir": sessions_dir, "lang": lang, "theme": theme}
    if ctx.invoked_subcommand not in _CONSOLE_COMMANDS | _COLLECTOR_OFF:
        gc.enable()  # off while the command started (coopconsole.cli.main); the console's own
    if ctx.invoked_subcommand is None:
        _open_console(ctx, None)


def command(name: str | None = None):  # noqa: ANN201 - a click decorator
    """A sub-command of ``main`` that also answers ``--version`` and takes the options of
    ``coopconsole`` itself after its name (``coopconsole list --lang zh``). A command
    with an option of the same name keeps its own (``demo --lang``: which sample)."""

    def decorate(function):  # noqa: ANN001, ANN202
        made = main.command(name)(click.version_option(__version__, prog_name="coopconsole")(function))
        own = {opt for param in made.params for opt in param.opts}
        made.params.extend(_global_option(o, key) for o, key in GLOBAL_OPTIONS if not own & set(o.opts))
        return made

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
        name, console_lang = create_demo(store_of(ctx), lang, ctx.find_root().obj["lang"])
    if no_open:
        click.echo(name)
    else:
        _open_console(ctx, name, console_lang)


@command()
@click.argument("agenda", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", help="Session name (default: from the agenda's title).")
@click.option("--no-open", is_flag=True, help="Create the session, print its name and exit.")
@click.option(
    "--follows",
    metavar="PREVIOUS",
    default=None,
    help="The meeting this one follows: it joins PREVIOUS's series and takes over what is still open.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the plan as read from the agenda, with every problem found, and write nothing.",
)
@click.option("--date", "day", type=DateOption(), default=None, help="The meeting's date, over the agenda's.")
@click.option(
    "--start",
    type=TimeOption(),
    default=None,
    help="The meeting's start, over the agenda's; the items' written times move with it.",
)
@click.pass_context
def new(
    ctx: click.Context,
    agenda: Path,
    name: str | None,
    no_open: bool,
    follows: str | None = None,
    dry_run: bool = False,
    day: date | None = None,
    start: time | None = None,
) -> None:
    """Start a session from a Markdown agenda.

    With --follows PREVIOUS it is the next meeting of PREVIOUS's series: the actions of
    the series that are not done, the parked points deferred to it and the goals not
    achieved are carried in, and the agenda opens with a review of the previous actions
    (unless it has one).

    The console opens on a review of the plan first (not with --no-open).

    With --dry-run it prints the plan as read (in --lang, else the agenda's language)
    and every problem found in the agenda, and writes nothing.
    """
    store = store_of(ctx)
    if follows is not None:  # refused before anything is read or written
        from coopconsole.service import series as folder_series

        with user_errors():
            folder_series.chain(store, follows)
    try:
        text = read_agenda(agenda)
    except AgendaFileRefused as exc:  # a pipe, a picture, not UTF-8, far too big...
        raise Fail(str(exc)) from None
    from coopconsole.agenda import AgendaError, import_agenda  # markdown-it: only for this command

    try:
        result = import_agenda(text, name=agenda.stem)  # the file's name, if it has no title
    except AgendaError as exc:
        raise Fail(exc.text(lang_of(ctx, None))) from None
    session = with_overrides(result.session, day, start)
    if dry_run:
        from coopconsole.cli.plan_text import plan_text

        with user_errors():  # reads the folder (a free name), writes nothing
            would_be = check_name(name) if name else store.unique_name(slug(session.title))
            if store.exists(would_be):
                raise SessionExists(f"A session named {would_be!r} already exists in {store.folder}.")
        lang = ctx.find_root().obj["lang"] or session.lang
        click.echo(plan_text(session, result.problems, lang, would_be))
        return
    session.review = None if no_open else result.review  # the console opens on the review of the plan
    with user_errors():
        session.name = name or store.unique_name(slug(session.title))
        session.created_at = system_clock()
        said = lang_of(ctx, None, session.lang)  # --lang, else the agenda's language
        for problem in result.problems:
            say(f"{agenda}:{problem.line}: {problem.text(said)}")
        if follows is None:
            store.create(session).close()
    if follows is not None:
        from coopconsole.cli.followup import make_follow_up

        session = make_follow_up(store, follows, session).session
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
        opened = store_of(ctx).open(name)  # fail here, with a message, not inside the console
    _open_console(ctx, name, opened=opened)


@command()
@click.argument("name")
@click.argument("kind", type=click.Choice(CAPTURE_KINDS))
@click.argument("text", nargs=-1, required=True)
@click.option("-q", "--quiet", is_flag=True, help="Print only the new record's number (for scripts).")
@click.pass_context
def add(ctx: click.Context, name: str, kind: str, text: tuple[str, ...], quiet: bool) -> None:
    """Capture an action, note, decision or parked point from any terminal.

    TEXT uses the quick-capture syntax: '@name' is the owner (or who raised a parked
    point); 'by DATE', 'due DATE', '截止 DATE' or 'DATE前' set a deadline.
    Once the record is safely on disk, prints what was understood, in the session's
    language: '#3 action · Chloe Martin · 2026-12-08 · send energy data ✓SMART'.
    """
    from coopconsole.cli.show_text import captured_line
    from coopconsole.service import MeetingService

    with user_errors(), store_of(ctx).open(name) as handle:
        service = MeetingService(handle)
        record = service.captures.capture(kind, " ".join(text))
        lang = ctx.find_root().obj["lang"] or service.session.lang
    click.echo(str(record.id) if quiet else captured_line(kind, record, lang))
    smart = getattr(record, "smart", None)
    if smart is not None and not smart.ok:
        from coopconsole.domain.smart import PROBLEMS

        for code in smart.problems:
            say(f"check: {PROBLEMS.get(code, code)}")


@command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="The whole session as JSON.")
@click.pass_context
def show(ctx: click.Context, name: str, as_json: bool) -> None:
    """Print the whole session (for people, in its language or --lang; or as JSON for other tools)."""
    with user_errors(), store_of(ctx).open(name) as handle:
        session = handle.load()
    now = system_clock()
    if as_json:
        from coopconsole.cli.show import session_json

        click.echo(json.dumps(session_json(session, now, lang_of(ctx, None)), ensure_ascii=False, indent=2))
    else:
        from coopconsole.cli.show_text import session_text

        click.echo(session_text(session, now, ctx.find_root().obj["lang"] or session.lang))


# The commands for after the meeting (minutes, export, confirm, health) are sub-commands
# of ``main`` too: defined in their own module, which registers them as it is imported.
import coopconsole.cli.after_meeting  # noqa: E402, F401 - registers its commands on main
import coopconsole.cli.followup  # noqa: E402, F401 - registers its commands on main
import coopconsole.cli.listing  # noqa: E402, F401 - registers its command on main
import coopconsole.cli.projector  # noqa: E402, F401 - registers its command on main
import coopconsole.cli.serve  # noqa: E402, F401 - registers its command on main

if __name__ == "__main__":  # the entry point, which checks the command line first
    from coopconsole.cli.main import main as entry_point

    entry_point()

"""The console's own way in: ``coopconsole``, ``coopconsole open NAME`` and
``coopconsole demo``, read and started without the command-line library.

Reading the command line with click costs about 8 ms of a 200 ms start (importing click
and ``coopconsole.cli.commands``, then parsing), a sixth of what the console takes beyond a bare
Textual app. So the entry point (:mod:`coopconsole.cli.main`) first asks :func:`read`
whether the line is one of these three, in the plainest forms::

    coopconsole [--sessions-dir DIR] [--lang en|zh] [--theme NAME] [open NAME | demo [--lang en|zh]]

where the options of ``coopconsole`` itself may also come after ``open`` (before or after
its NAME) or ``demo``, with the same meaning (after ``demo``, ``--lang`` is demo's own:
which sample), each option at most once on the line, as ``--opt VALUE`` or
``--opt=VALUE``. Anything else, and
anything this reader is unsure of (``--help``, ``--version``, an unknown option, a value
click would refuse, a value that starts with ``-``), is left to :mod:`coopconsole.cli.commands`,
which reads it again and does all the work and all the talking. So does a session that
cannot be opened or created here: the command line then tries again and says why.
A test checks that this reader and click agree on every line it accepts.

The console's language given with ``--lang`` is remembered in the settings, so the next
start without it is in the same language (:func:`remember`); the theme given with
``--theme`` is remembered once the console knows it (:func:`run_console`).

:func:`run_console` and :func:`create_demo` are shared with the command line, so both
ways in open the console the same way.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from coopconsole.texts import LANGS

if TYPE_CHECKING:
    from coopconsole.settings import Settings
    from coopconsole.store import SessionFile, SessionStore

_OPTIONS = {"--sessions-dir": "sessions_dir", "--lang": "lang", "--theme": "theme"}


class ConsoleLine(NamedTuple):
    """A command line that starts the console: its options, and what to open."""

    command: str | None  # None (the picker), "open" or "demo"
    name: str | None = None  # the session of ``open``
    sessions_dir: str | None = None
    lang: str | None = None  # ``coopconsole --lang``
    theme: str | None = None
    demo_lang: str | None = None  # ``demo --lang``


def _options(args: list[str], allowed: dict[str, str]) -> tuple[dict[str, str], list[str]] | None:
    """The leading ``--opt VALUE`` / ``--opt=VALUE`` pairs of ``args`` and what follows;
    None if one is unknown, repeated, lacks a value or has one starting with ``-``."""
    found: dict[str, str] = {}
    i = 0
    while i < len(args) and args[i].startswith("-"):
        key = allowed.get(args[i].partition("=")[0])
        given = value_at(args, i)
        if key is None or key in found or given is None:
            return None
        found[key], i = given
    return found, args[i:]


def value_at(args: list[str], i: int) -> tuple[str, int] | None:
    """The value of the option ``args[i]`` (``--opt=VALUE``, or ``--opt VALUE``) and where
    the next argument is; None if it has none, or one starting with ``-`` (click's call)."""
    _, equals, value = args[i].partition("=")
    if not equals:
        i += 1
        if i == len(args):
            return None
        value = args[i]
    if not value or value.startswith("-"):
        return None
    return value, i + 1


def read(args: list[str]) -> ConsoleLine | None:
    """``args`` (the command line without the program) as a console start, or None:
    let :mod:`coopconsole.cli.commands` read it."""
    head = _options(args, _OPTIONS)
    if head is None:
        return None
    options, rest = head
    if not rest:
        return _line(ConsoleLine(None), options)
    if rest[0] == "open":
        named = _options(rest[1:], _OPTIONS)
        if named is None or not named[1] or named[1][0].startswith("-"):
            return None
        tail = _options(named[1][1:], _OPTIONS)
        if tail is None or tail[1]:
            return None
        later = _joined(named[0], tail[0])
        return _line(ConsoleLine("open", named[1][0]), _joined(options, later) if later is not None else None)
    if rest[0] == "demo":
        tail = _options(rest[1:], {**_OPTIONS, "--lang": "demo_lang"})
        if tail is None or tail[1] or tail[0].get("demo_lang", "en") not in LANGS:
            return None
        return _line(ConsoleLine("demo"), _joined(options, tail[0]))
    return None


def _joined(first: dict[str, str], second: dict[str, str]) -> dict[str, str] | None:
    """The options of both places; None if one is given twice (click would take the
    later one: it is left to click)."""
    return None if first.keys() & second.keys() else {**first, **second}


def _line(line: ConsoleLine, options: dict[str, str] | None) -> ConsoleLine | None:
    """``line`` with ``options``; None if they are given twice or click would refuse one."""
    if options is None:
        return None
    if options.get("lang", "en") not in LANGS or Path(options.get("sessions_dir", "")).is_file():
        return None
    return line._replace(**options)


def start(line: ConsoleLine) -> bool:
    """Open the console as ``line`` asks; False, having changed nothing, if its session
    cannot be opened or created (the command line will say why)."""
    from coopconsole.store import SessionStore, StoreError, sessions_folder

    store = SessionStore(sessions_folder(line.sessions_dir))
    name, lang, opened = line.name, line.lang, None
    try:
        if line.command == "open" and line.name is not None:
            opened = store.open(line.name)
        elif line.command == "demo":
            name, lang = create_demo(store, line.demo_lang, line.lang)
    except (StoreError, OSError):
        return False
    remember(line.lang)
    run_console(store, name, lang, line.theme, opened)
    return True


def remember(lang: str | None) -> None:
    """Keep ``lang``, the console's language given on the command line, in the settings
    for the next start (nothing when it is None or already the remembered one)."""
    if lang is None:
        return
    from coopconsole.settings import load_settings

    settings = load_settings()[0]
    if settings.lang != lang:
        settings.lang = lang
        _save(settings)


def _save(settings: Settings) -> None:
    from coopconsole.settings import save_settings

    try:
        save_settings(settings)
    except OSError as exc:  # the console starts all the same, in the language asked for
        sys.stderr.write(f"coopconsole: could not remember the setting: {exc.strerror or exc}\n")


def create_demo(store: SessionStore, lang: str | None, ui_lang: str | None) -> tuple[str, str]:
    """A fresh copy of the sample meeting in ``store``: its name, and the console's language
    for it. The sample is in ``lang``, else in the console's language (``ui_lang``, else
    remembered, else from LANG), so ``coopconsole --lang zh demo`` is the Chinese sample."""
    from coopconsole.domain.clock import system_clock
    from coopconsole.samples.meetings import sample_session
    from coopconsole.settings import load_settings
    from coopconsole.texts import detect_lang

    lang = lang or detect_lang(ui_lang, load_settings()[0].lang)
    name = store.unique_name(f"demo-{lang}")
    store.create(sample_session(lang, name, system_clock())).close()
    return name, ui_lang or lang


def no_terminal() -> str | None:
    """Which of the streams a full-screen view needs is not a terminal, as words for a
    message: standard input (the keys) or standard error (Textual draws the screen there);
    None if both are, or if Textual is told which driver to use (``TEXTUAL_DRIVER``: the
    browser's, when ``coopconsole serve`` runs the console for a browser over pipes)."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    for stream, words in ((sys.__stdin__, "standard input"), (sys.__stderr__, "standard error")):
        try:
            if stream is None or not stream.isatty():
                return words
        except (OSError, ValueError):  # closed
            return words
    return None


def refuse_without_terminal(again: list[str] | None = None, release: Callable[[], object] | None = None) -> None:
    """Exit with status 2 and a message if there is no terminal to show a full-screen view
    in (see :func:`no_terminal`): it would draw into a file or a pipe and wait for keys
    that never come. ``again``: the command that shows it, said in the message, when
    there is something (a session made) to come back to; ``release``: called first (a
    session the view would have taken over, closed)."""
    missing = no_terminal()
    if missing is None:
        return
    if release is not None:
        release()
    import shlex

    from coopconsole.domain.typed_text import clean_line

    message = f"coopconsole: this needs a terminal, and {missing} is not one (over ssh: ssh -t)."
    if again:
        message += f" Everything is saved; in a terminal: {' '.join(shlex.quote(part) for part in again)}"
    sys.stderr.write(clean_line(message) + "\n")  # a folder's name may hold a control character
    raise SystemExit(2)


def run_console(
    store: SessionStore, name: str | None, lang: str | None, theme: str | None, opened: SessionFile | None = None
) -> None:
    """Run the console on session ``name`` (None: the picker) until it quits; ``opened``
    is that session already opened, which the console takes over. Without a terminal,
    nothing runs: a message and status 2 (:func:`refuse_without_terminal`)."""
    again = None if name is None else _open_command(store, name)
    refuse_without_terminal(again, None if opened is None else opened.close)
    from coopconsole.tui.app import make_app

    app = make_app(store=store, session_name=name, lang=lang, theme=theme, opened=opened)
    if theme is not None and theme in app.available_themes and theme != app.settings.theme:
        # Remembered only once the console knows it: a misspelt name is said once, not kept.
        app.settings = replace(app.settings, theme=theme)
        _save(app.settings)
    app.run()
    if app.last_session is not None and app.return_code in (None, 0):
        sys.stdout.write(resume_line(store, app.last_session, app.lang) + "\n")


def resume_line(store: SessionStore, name: str, lang: str) -> str:
    """What the console says as it quits: the session is saved, and the command that
    opens it again (with the sessions folder, when it is not the one found by default)."""
    import shlex

    from coopconsole.domain.typed_text import clean_line
    from coopconsole.texts import t

    command = " ".join(shlex.quote(part) for part in _open_command(store, name))
    return clean_line(t("quit.resume", lang, command=command))  # a folder's name may hold a control character


def _open_command(store: SessionStore, name: str) -> list[str]:
    """``coopconsole open NAME``, with the sessions folder when it is not the one found
    by default."""
    from coopconsole.store import sessions_folder

    command = ["coopconsole"]
    if store.folder.resolve() != sessions_folder(None).resolve():
        command += ["--sessions-dir", str(store.folder)]
    return [*command, "open", name]

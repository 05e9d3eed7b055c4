"""The ``coopconsole`` command: the command line, with the garbage collector held off
while the console starts.

Starting the console allocates a few hundred thousand objects (Textual, the console's
modules, the session, the widgets). The collector, left on, walks them again and again
as they pile up: 120-odd young and a dozen middle collections, about 30 ms of the time to
the first frame. So the command starts with the collector off; the console turns it back
on once its first frame is painted, first freezing what start-up made (see
:func:`coopconsole.tui.memory.settle`), and every other command turns it back on as soon
as the command line is parsed (:func:`coopconsole.cli.commands.main`). Code that imports
``coopconsole.cli.commands`` itself (the tests) never has the collector off.

The lines that only start the console are read without the command-line library
(:mod:`coopconsole.cli.console_start`), and so are plain ``actions`` lines, which scripts
and boards run often (:mod:`coopconsole.cli.actions_listing`); every other line goes to
:mod:`coopconsole.cli.commands`.

Both ways in read text, so the command line is checked first: an argument (or one of
our environment variables) that is not UTF-8 reaches Python as a string with "surrogate
escapes", which fails with a traceback wherever it is first encoded (the session file,
the terminal). It is refused here, once for every command, with a message and status 2.
"""

from __future__ import annotations

import gc
import os
import sys

#: Environment variables whose values coopconsole uses as text (folder names it prints).
_TEXT_VARIABLES = ("COOPCONSOLE_SESSIONS", "COOPCONSOLE_CONFIG")


def not_utf8(args: list[str]) -> str | None:
    """What in ``args`` or in our environment variables is not UTF-8, as a message; None
    if everything is."""
    for number, arg in enumerate(args, start=1):
        if not _is_utf8(arg):
            return (
                f"argument {number} ({_shown(arg)}) is not UTF-8 text. Type it again in UTF-8; "
                "for a file or folder, rename it so that its name is UTF-8."
            )
    for variable in _TEXT_VARIABLES:
        value = os.environ.get(variable, "")
        if not _is_utf8(value):
            return f"${variable} ({_shown(value)}) is not UTF-8 text. Set it to a folder whose name is UTF-8."
    return None


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # the bytes that were not UTF-8, as surrogate escapes
        return False
    return True


def _shown(text: str) -> str:
    """``text`` printable: the bytes that are not UTF-8 as ``\xff``."""
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def main() -> None:
    gc.disable()
    problem = not_utf8(sys.argv[1:])
    if problem is not None:
        sys.stderr.write(f"coopconsole: {problem}\n")
        sys.exit(2)
    from coopconsole.cli.console_start import read, start

    line = read(sys.argv[1:])
    if line is not None and start(line):
        return
    if "actions" in sys.argv[1:]:
        from coopconsole.cli import actions_listing

        listed = actions_listing.read(sys.argv[1:])
        gc.enable()  # as every command that opens no console (coopconsole.cli.commands.main)
        if listed is not None and actions_listing.start(listed):
            return
    from coopconsole.cli.commands import main as command_line

    command_line(prog_name="coopconsole")

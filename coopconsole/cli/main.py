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
(:mod:`coopconsole.cli.console_start`); every other line goes to :mod:`coopconsole.cli.commands`.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    gc.disable()
    from coopconsole.cli.console_start import read, start

    line = read(sys.argv[1:])
    if line is not None and start(line):
        return
    from coopconsole.cli.commands import main as command_line

    command_line(prog_name="coopconsole")

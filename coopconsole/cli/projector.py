"""``coopconsole projector NAME``: the meeting full screen for a second display, read only.

Registered on ``coopconsole`` as this module is imported (by :mod:`coopconsole.cli.commands`).
The session is opened and read once here, so a name that is not a session, or a file that
cannot be read, is refused with a message and status 2 before the screen changes. Nothing
is written to the folder: not even the temporary files a killed writer left are tidied
(``SessionStore.open(tidy=False)``); the console does that.
"""

from __future__ import annotations

import click

from coopconsole.cli.commands import command, store_of, user_errors
from coopconsole.cli.console_start import refuse_without_terminal
from coopconsole.domain.clock import system_clock


@command()
@click.argument("name")
@click.pass_context
def projector(ctx: click.Context, name: str) -> None:
    """Show session NAME full screen for a second display, read only.

    The current item and its countdown in large digits, who has the floor, the next two
    items, the open parked points and the last decision, following the console (in this
    or another terminal) within a second. In the projector theme unless --theme says
    otherwise; q or Escape quits.
    """
    store = store_of(ctx)
    with user_errors():
        handle = store.open(name, tidy=False)
        try:
            handle.load()  # a damaged file is refused here, with a message
        except BaseException:
            handle.close()
            raise
    refuse_without_terminal(release=handle.close)
    options = ctx.find_root().obj
    from coopconsole.tui.projector_app import make_projector_app  # Textual: only for the commands that show it

    make_projector_app(store, handle, options["lang"], system_clock, options["theme"]).run()

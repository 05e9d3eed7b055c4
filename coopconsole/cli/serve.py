"""``coopconsole serve [NAME]``: the console (or, with ``--projector NAME``, the projector
view) in a web browser, through textual-serve.

Registered on ``coopconsole`` as this module is imported (by :mod:`coopconsole.cli.commands`).
textual-serve runs one shell command per browser that connects; that command is this
Python running ``coopconsole open NAME`` (or ``projector NAME``) with the sessions folder,
language and theme of this command line, every part quoted (:func:`app_command`). Each
browser is its own console on the same session file, which the store's lock and its
following of outside changes keep in step, as with two terminals.

It listens on the loopback address unless ``--host`` says otherwise. Whoever reaches the
port drives the meeting (there is no login), so a host that is not loopback is refused
unless ``--allow-remote`` is given, and then a warning says so.
"""

from __future__ import annotations

import ipaddress
import shlex
import socket
import sys

import click

from coopconsole.cli.commands import Fail, command, say, store_of, user_errors
from coopconsole.store import SessionStore

#: Host names that are the loopback address whatever the resolver says.
_LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 with or without brackets) is loopback only."""
    bare = host.strip().strip("[]").lower()
    if bare in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(bare).is_loopback
    except ValueError:  # another name: it may reach any interface
        return False


def browser_url(host: str, port: int) -> str:
    """The address the browser is told to connect back to (the page's websocket)."""
    bare = host.strip().strip("[]")
    try:
        address = ipaddress.ip_address(bare)
    except ValueError:
        return f"http://{bare}:{port}"
    if address.is_unspecified:  # every interface: the name other machines know this one by
        return f"http://{socket.gethostname()}:{port}"
    return f"http://[{bare}]:{port}" if address.version == 6 else f"http://{bare}:{port}"


def app_command(store: SessionStore, view: str, name: str | None, lang: str | None, theme: str | None) -> str:
    """The shell command textual-serve runs for each browser: ``coopconsole open NAME``
    (``view`` "open"), ``projector NAME``, or the picker (``view`` "open", ``name`` None)."""
    parts = [sys.executable, "-m", "coopconsole", "--sessions-dir", str(store.folder.resolve())]
    if lang is not None:
        parts += ["--lang", lang]
    if theme is not None:
        parts += ["--theme", theme]
    if name is not None:
        parts += [view, name]
    return shlex.join(parts)


@command()
@click.argument("name", required=False)
@click.option("--projector", "projector_name", metavar="NAME", default=None, help="Serve the projector view of NAME.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--allow-remote", is_flag=True, help="Allow a --host that is not loopback: whoever reaches it drives the meeting."
)
@click.option(
    "--public-url",
    metavar="URL",
    default=None,
    help="The address browsers use to reach this server (default: http://HOST:PORT).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    name: str | None,
    projector_name: str | None,
    host: str,
    port: int,
    allow_remote: bool,
    public_url: str | None,
) -> None:
    """Serve the console on session NAME to a web browser, e.g. for a note-taker on another laptop.

    Without NAME, the browser gets the picker of saved sessions; with --projector NAME,
    the read-only projector view. Listens on 127.0.0.1 unless --host says otherwise; a
    host that is not loopback needs --allow-remote, as anyone who can reach the port can
    drive the meeting. Ctrl+C stops the server.
    """
    if name is not None and projector_name is not None:
        raise Fail("give either NAME or --projector NAME, not both.")
    if not is_loopback(host):
        if not allow_remote:
            raise Fail(
                f"{host} is not a loopback address: anyone who can reach it could drive the meeting. "
                "Add --allow-remote if that is what you want."
            )
        say(
            f"coopconsole: warning: serving on {host}:{port}: anyone who can reach this port can drive "
            "the meeting; there is no password. Stop the server (Ctrl+C) when the meeting ends."
        )
    store = store_of(ctx)
    view, session = ("projector", projector_name) if projector_name is not None else ("open", name)
    if session is not None:
        with user_errors():  # an unknown or damaged session is refused here, not in the browser
            handle = store.open(session, tidy=False)
            try:
                handle.load()
            finally:
                handle.close()
    try:
        from textual_serve.server import Server
    except ImportError:
        raise Fail(
            "serving to a browser needs the textual-serve package, which is not installed. "
            "Install it with: pip install 'coopconsole[serve]'"
        ) from None
    options = ctx.find_root().obj
    title = f"coopconsole · {session}" if session else "coopconsole"
    url = public_url or browser_url(host, port)
    command_line = app_command(store, view, session, options["lang"], options["theme"])
    server = Server(command_line, host=host.strip().strip("[]"), port=port, title=title, public_url=url)
    server.serve()

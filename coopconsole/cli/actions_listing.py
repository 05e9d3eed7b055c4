"""``coopconsole actions``: every action of the folder, as a table or as JSON, and its
own way in, read without the command-line library.

The listing itself (:func:`listing`) is shared by both ways in: the ``actions``
sub-command of :mod:`coopconsole.cli.followup` and the entry point
(:mod:`coopconsole.cli.main`), which first asks :func:`read` whether the line is a plain
``actions`` line::

    coopconsole [--sessions-dir DIR] [--lang en|zh] [--theme NAME] actions
        [--series NAME] [--owner NAME] [--org ORG] [--status STATE] [--overdue] [--json]

with the options of ``coopconsole`` itself also after ``actions``, each option at most
once on the line, as ``--opt VALUE`` or ``--opt=VALUE``. A script or a board refresh that
runs ``actions`` often then pays neither for click nor for importing every other
command (about 40 ms of a look at a folder whose index is up to date). Anything else,
and anything this reader is unsure of (``--help``, an unknown option, a value starting
with ``-``, a language click would refuse), is left to the command line. So is every
refusal (a filter that fits no name, a state that is not one, a folder that cannot be
read): the listing only reads, so the command line reads again and says why, in its own
words. A test checks that both ways in print the same for every line this reader takes.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import orjson
from rich.cells import cell_len

from coopconsole.cli.console_start import value_at
from coopconsole.domain.board import STATE_WORD, state_of
from coopconsole.domain.model import ActionStatus
from coopconsole.domain.typed_text import clean_line, names_fitting
from coopconsole.texts import LANGS

if TYPE_CHECKING:
    from coopconsole.store import SessionStore
    from coopconsole.store.actions_index import IndexedAction

T = TypeVar("T")

_GLOBAL = {"--sessions-dir": "sessions_dir", "--lang": "lang", "--theme": "theme"}
_VALUES = {"--series": "series", "--owner": "owner", "--org": "org", "--status": "state"}
_FLAGS = {"--overdue": "overdue", "--json": "as_json"}


class Refused(Exception):
    """A listing that cannot be made as asked: the message says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ActionsLine(NamedTuple):
    """An ``actions`` command line: the folder and the filters."""

    sessions_dir: str | None = None
    series: str | None = None
    owner: str | None = None
    org: str | None = None
    state: str | None = None
    overdue: bool = False
    as_json: bool = False


class Listing(NamedTuple):
    """What ``actions`` prints: lines for standard error, then standard output."""

    warnings: list[str]
    output: bytes


def read(args: list[str]) -> ActionsLine | None:
    """``args`` (the command line without the program) as a plain ``actions`` line, or
    None: let the command line read it."""
    found: dict[str, Any] = {}
    i, seen_command = 0, False
    while i < len(args):
        arg = args[i]
        if arg == "actions" and not seen_command:
            seen_command, i = True, i + 1
            continue
        if seen_command and arg in _FLAGS:
            if _FLAGS[arg] in found:
                return None
            found[_FLAGS[arg]], i = True, i + 1
            continue
        flag = arg.partition("=")[0]
        key = _GLOBAL.get(flag) or (_VALUES.get(flag) if seen_command else None)
        given = value_at(args, i)
        if key is None or key in found or given is None:
            return None
        found[key], i = given
    if not seen_command or found.get("lang", "en") not in LANGS:
        return None
    if Path(found.get("sessions_dir", "")).is_file():
        return None  # click refuses it, with its message
    found.pop("lang", None), found.pop("theme", None)  # nothing of the listing depends on them
    return ActionsLine(**found)


def start(line: ActionsLine) -> bool:
    """Print the listing ``line`` asks for; False, having printed nothing, if it is
    refused (the command line will say why)."""
    from coopconsole.store import SessionStore, StoreError, sessions_folder

    wanted = None if line.state is None else state_of(line.state)
    if line.state is not None and wanted is None:
        return False
    store = SessionStore(sessions_folder(line.sessions_dir))
    try:
        made = listing(store, line.series, line.owner, line.org, wanted, line.overdue, line.as_json)
    except (Refused, StoreError, OSError):
        return False
    except Exception as exc:
        from coopconsole.service import ServiceError

        if isinstance(exc, ServiceError):
            return False
        raise
    for warning in made.warnings:
        sys.stderr.write(clean_line(warning) + "\n")
    write(made.output)
    return True


def listing(
    store: SessionStore,
    series: str | None,
    owner: str | None,
    org: str | None,
    wanted: ActionStatus | None,
    overdue: bool,
    as_json: bool,
) -> Listing:
    """Every action of the folder that passes the filters, as ``actions`` prints it.
    Raises :class:`Refused` for a filter that fits no name or several, and the store's
    and the service's errors for a folder or series it cannot read."""
    from coopconsole.domain.clock import system_clock
    from coopconsole.service import series as folder_series

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of objects made and kept to the end, no cycle among them
    try:
        found, damaged = folder_series.action_rows(store, series)
        narrowed = narrowed_to(found, owner, org, _row_field)
        today = system_clock().date()
        rows = [
            row
            for row in narrowed
            if (wanted is None or row.status is wanted) and (not overdue or overdue_days(row, today) > 0)
        ]
        if as_json:
            output = orjson.dumps([action_json(row, today) for row in rows], option=orjson.OPT_INDENT_2) + b"\n"
        elif not rows:
            output = b"No actions match.\n" if found else b"No actions in this folder yet.\n"
        else:
            output = _table(rows, today).encode()
    finally:
        if collecting:
            gc.enable()
    return Listing([f"skipped: {problem}" for problem in damaged], output)


def write(data: bytes) -> None:
    """``data`` on standard output in one write (a listing of thousands of lines)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _table(rows: list[IndexedAction], today: date) -> str:
    """The rows as ``coopconsole actions`` prints them: aligned columns (CJK counted as
    two), the deliverable last and whole."""
    table = [("REF", "STATE", "DEADLINE", "OVERDUE", "OWNER", "ORGANISATION", "FROM", "DELIVERABLE")]
    for row in rows:
        late = overdue_days(row, today)
        table.append(
            (
                f"{row.meeting}#{row.number}",
                STATE_WORD[row.status],
                row.deadline.isoformat() if row.deadline else "",
                f"{late} d" if late else "",
                row.owner,
                row.organisation,
                row.origin.split("#")[0],
                row.deliverable,
            )
        )
    columns = list(zip(*table, strict=True))[:7]
    widths = [_cells(column) for column in columns]
    lines = []
    for line in table:
        cells = [_padded(cell, width) for cell, width in zip(line[:7], widths, strict=True)]
        lines.append("  ".join([*cells, line[7]]).rstrip())
    return "\n".join(lines) + "\n"


def _cells(column: tuple[str, ...]) -> int:
    """The width of the widest cell, in terminal cells (ASCII-only cells at their length)."""
    return max(len(cell) if cell.isascii() else cell_len(cell) for cell in column)


def _padded(cell: str, width: int) -> str:
    return cell + " " * (width - (len(cell) if cell.isascii() else cell_len(cell)))


def overdue_days(row: IndexedAction, today: date) -> int:
    """As ``domain.board.overdue_days``, of a row."""
    if row.deadline is None or row.status is ActionStatus.DONE or row.deadline >= today:
        return 0
    return (today - row.deadline).days


def _row_field(row: IndexedAction, field: str) -> str:
    return str(getattr(row, field))


def narrowed_to(found: list[T], owner: str | None, org: str | None, value: Callable[[T, str], str]) -> list[T]:
    """The items of ``found`` of ``owner`` and of ``org`` (each a name or its start);
    :class:`Refused` if one fits no name or several."""
    for wanted, field, option in ((owner, "owner", "--owner"), (org, "organisation", "--org")):
        if wanted is None:
            continue
        known = sorted({value(item, field) for item in found} - {""})
        fits = set(names_fitting(wanted, known))
        if len(fits) > 1:
            raise Refused(f"{option} {wanted!r} fits several: {', '.join(sorted(fits))}. Give more of the name.")
        if not fits:
            shown = ", ".join(known[:20]) + (" ..." if len(known) > 20 else "")
            raise Refused(f"{option} {wanted!r} is not among the actions' {field}s: {shown or '(none)'}.")
        found = [item for item in found if value(item, field) in fits]
    return found


def action_json(row: IndexedAction, today: date) -> dict[str, Any]:
    """One action as ``coopconsole actions --json`` gives it."""
    meeting = row.meeting
    return {
        "ref": f"{meeting}#{row.number}",
        "origin": row.origin,
        "meeting": row.origin.split("#")[0],
        "series": row.series,
        "owner": row.owner,
        "organisation": row.organisation,
        "deliverable": row.deliverable,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "status": STATE_WORD[row.status],
        "overdue_days": overdue_days(row, today),
        "carried": row.carried,
        "history": [
            {"at": at, "status": STATE_WORD[status], "remark": remark, "meeting": made_in or meeting}
            for at, status, remark, made_in in row.history
        ],
    }

"""The follow-up across meetings: a series in a sessions folder, and its actions.

Making the next meeting of a series (:func:`follow_up`) reads the folder and refuses,
with a :class:`ServiceError` and nothing written, to follow a meeting that is not there,
one from another folder, one whose series loops, or one that another meeting already
follows. Finding an action by its name (:func:`locate`) goes to its newest copy: the one
a change must be made to. Looking across the folder (:func:`all_actions`,
:func:`action_rows`) reads only the header and the actions of each file, and only of the
files that changed since the last look (the folder's index of actions, see
``coopconsole.store.actions_index``).
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

from coopconsole.domain.board import Ref, origin_of, parse_ref
from coopconsole.domain.model import ActionItem, Session
from coopconsole.domain.series import (
    FollowUp,
    Latest,
    SeriesLoop,
    chain_of,
    follow_up,
    followers_of,
    latest_actions,
    merged,
    series_of,
)
from coopconsole.service.refusals import ServiceError
from coopconsole.store import SessionStore, StoreError
from coopconsole.store.actions_index import ActionsIndex, IndexedAction, IndexUnusable, SeriesEntry, Stamp, racy
from coopconsole.store.folder import StoredAction
from coopconsole.texts import t

#: What a follow-up needs of every session in the folder.
_SERIES_TABLES = ("goals", "participants", "agenda", "actions", "parked")


def _sessions(
    store: SessionStore, tables: tuple[str, ...] = _SERIES_TABLES, names: list[str] | None = None
) -> dict[str, Session]:
    """Every readable session of the folder (those parts of it), by name; ``names``:
    those sessions only."""
    return {s.name: s.session for s in store.read_tables(tables, names) if s.session is not None}


def previous_name(store: SessionStore, previous: str) -> str:
    """The session name ``previous`` gives (a name, or the path of a file in this
    folder); refused for a file in another folder."""
    if os.sep not in previous:  # a name, or a file name in this folder
        return previous.removesuffix(".json")
    path = Path(previous).expanduser()
    folder = store.folder.resolve()
    if path.resolve().parent != folder:
        raise ServiceError("series-other-folder", previous=previous, folder=str(folder))
    return path.stem


def chain(store: SessionStore, previous: str) -> list[Session]:
    """The series up to the meeting ``previous``, whole, the first first; refused if
    ``previous`` is not in the folder, its series loops, or it is already followed."""
    name = previous_name(store, previous)
    if not store.exists(name):
        raise ServiceError("series-missing", previous=name, folder=str(store.folder.resolve()))
    sessions = _sessions(store)
    if name not in sessions:  # in the folder, but it cannot be read
        with store.open(name) as handle:
            handle.load()  # says why, as a StoreError
    try:
        found = chain_of(sessions, name)
    except SeriesLoop as exc:
        raise ServiceError("series-loop", loop=" → ".join(exc.names)) from None
    followers = followers_of(sessions, name)
    if followers:
        raise ServiceError("series-followed", previous=name, follower=followers[0])
    return found


def follow_up_of(store: SessionStore, previous: str, base: Session, lang: str) -> FollowUp:
    """``base`` made the next meeting after ``previous`` (see ``domain.series.follow_up``)."""
    return follow_up(base, chain(store, previous), t("review.title", lang))


def create(store: SessionStore, made: FollowUp) -> None:
    """Write the follow-up meeting (a new file: the earlier meetings are not changed)."""
    store.create(made.session).close()


def reference(store: SessionStore, text: str) -> Ref:
    """``MEETING#N`` read, its meeting a session of ``store``'s folder; refused otherwise."""
    ref = parse_ref(text)
    if ref is None:
        raise ServiceError("bad-ref", ref=text)
    if not store.exists(ref.meeting):
        raise ServiceError("series-missing", previous=ref.meeting, folder=str(store.folder.resolve()))
    return ref


def locate(store: SessionStore, text: str | Ref, named: Session | None = None) -> tuple[str, ActionItem, Ref]:
    """The action ``text`` names (``MEETING#N``, or a :func:`reference` already read) as it
    stands now: the meeting holding its newest copy (where a change is made), that copy
    with the state and history of all its copies (see ``domain.series.latest_actions``),
    and the name it was given by. ``named``: the named meeting, if the caller has read it
    already (it is then not read again); otherwise its header and actions are read, all
    this needs."""
    ref = text if isinstance(text, Ref) else reference(store, text)
    if named is None or named.name != ref.meeting:
        named = store.read_part(ref.meeting, ("actions",))
    action = next((a for a in named.actions if a.id == ref.number), None)
    if action is None:
        raise ServiceError("no-action", ref=str(ref))
    key = origin_of(named.name, action)
    series = series_of(named)
    # The named meeting as just read, and the folder's others that are in its series.
    others = [name for name in store.names() if name != named.name]
    sessions = [named, *(s for s in _sessions(store, ("actions",), others).values() if series_of(s) == series)]
    try:
        ordered = _ordered(sessions)
    except SeriesLoop as exc:
        raise ServiceError("series-loop", loop=" → ".join(exc.names)) from None
    latest = next((found for found in latest_actions(ordered) if found.origin == key), None)
    if latest is None:  # the file changed between the two reads: take it as named
        return named.name, action, ref
    return latest.meeting, latest.action, ref


def _ordered(sessions: list[Session]) -> list[Session]:
    """The sessions of one series, the first first (by who follows whom, then by date)."""
    by_name = {s.name: s for s in sessions}
    ordered: list[Session] = []
    placed: set[str] = set()
    for session in sorted(sessions, key=lambda s: (s.date or date.min, s.name)):
        for member in chain_of(by_name, session.name):
            if member.name not in placed:
                placed.add(member.name)
                ordered.append(member)
    return ordered


def all_actions(store: SessionStore, series: str | None = None) -> tuple[list[Latest], list[str]]:
    """Every action of the folder once, as it stands now (its newest copy), each series
    in order; ``series``: that one only. Also the files that could not be read (their
    messages): a look across the folder says which ones it could not look into. See
    :func:`action_rows`, which this decodes."""
    rows, damaged = action_rows(store, series)
    try:
        return [row.latest() for row in rows], damaged
    except IndexUnusable:  # a record of the index does not decode: made again from the files
        rows, damaged = _folder_rows(store, series, ActionsIndex())
        return [row.latest() for row in rows], damaged


def action_rows(store: SessionStore, series: str | None = None) -> tuple[list[IndexedAction], list[str]]:
    """As :func:`all_actions`, each action as a listing reads it (not decoded whole).

    The folder's index of actions (``coopconsole.store.actions_index``) gives every series none of
    whose files changed since it was filed; the others are made from their files. Of a
    file, only the header and the actions are read, and of its actions only the copies
    that matter are decoded: each action's newest, and an older copy only if its history
    holds a move the newest copy's does not (a change made to it after it was carried
    on). A folder's older copies are most of its actions. What was made from the files
    is filed in the index for the next look (not where the folder cannot be written)."""
    return _folder_rows(store, series, store.load_actions_index())


def _folder_rows(store: SessionStore, series: str | None, index: ActionsIndex) -> tuple[list[IndexedAction], list[str]]:
    now = time.time_ns()  # before the stamps: a file changed after it is too recent to file
    stamps = store.stamps()
    kept = {
        name: entry for name, entry in index.series.items() if all(stamps.get(f) == s for f, s in entry.files.items())
    }
    unreadable = {f: found for f, found in index.damaged.items() if stamps.get(f) == found[0]}
    errors = {f: message for f, (_, message) in unreadable.items()}
    filed = {f for entry in kept.values() for f in entry.files}
    headers: dict[str, list[Session]] = {}
    stored: dict[str, list[StoredAction]] = {}
    to_read = [name for name in stamps if name not in filed and name not in errors]
    changed = bool(to_read) or len(kept) < len(index.series) or len(unreadable) < len(index.damaged)
    while to_read:
        joined = set()
        for summary, actions in store.read_stored_actions(to_read):
            if summary.session is None:
                errors[summary.name] = summary.error
                continue
            name = series_of(summary.session)
            headers.setdefault(name, []).append(summary.session)
            stored[summary.name] = actions
            joined.add(name)
        # A filed series that a file read now belongs to is made again, with all its files.
        to_read = [f for name in sorted(joined & kept.keys()) for f in kept.pop(name).files]
    made: dict[str, SeriesEntry] = {}
    loops: dict[str, SeriesLoop] = {}
    for name, sessions in headers.items():
        try:
            ordered = _ordered(sessions)
        except SeriesLoop as exc:
            loops[name] = exc
            continue
        damaged: list[str] = []
        rows = [IndexedAction.of(latest) for latest in _latest(ordered, stored, name, damaged)]
        made[name] = SeriesEntry({s.name: stamps[s.name] for s in sessions}, rows, damaged)
    every = {**kept, **made}
    if series is not None and series not in every and series not in loops:
        raise ServiceError("no-series", series=series)
    wanted = sorted({*every, *loops}) if series is None else [series]
    for name in wanted:
        if name in loops:
            raise ServiceError("series-loop", loop=" → ".join(loops[name].names))
    if changed:
        _file(store, every, errors, stamps, now)
    found = [row for name in wanted for row in every[name].rows]
    messages = [errors[name] for name in stamps if name in errors]
    return found, messages + [m for name in wanted for m in every[name].damaged if m not in messages]


def _file(
    store: SessionStore,
    every: dict[str, SeriesEntry],
    errors: dict[str, str],
    stamps: dict[str, Stamp | None],
    now: int,
) -> None:
    """Keep in the folder's index what was found, but for files changed too recently
    (or that could not be looked at) to be told apart from their next change."""

    def sure(stamp: Stamp | None) -> bool:
        return stamp is not None and not racy(stamp, now)

    index = ActionsIndex(
        {name: entry for name, entry in every.items() if all(sure(s) for s in entry.files.values())},
        {f: (stamp, message) for f, message in errors.items() if (stamp := stamps.get(f)) is not None and sure(stamp)},
    )
    store.save_actions_index(index)


def _latest(
    ordered: list[Session], stored: dict[str, list[StoredAction]], series: str, damaged: list[str]
) -> list[Latest]:
    """The series' actions as they stand now (see :func:`all_actions`); an action that
    cannot be decoded is left out and its file's message added to ``damaged`` (once)."""
    newest: dict[str, tuple[str, StoredAction]] = {}
    older: dict[str, list[tuple[str, StoredAction]]] = {}
    for session in reversed(ordered):  # the newest meeting first
        for action in stored[session.name]:
            key = action.origin or f"{session.name}#{action.number}"
            if key not in newest:
                newest[key] = (session.name, action)
            elif (last := action.last_move()) is not None and not newest[key][1].has_move(last):
                # moved after it was carried on (a history only grows at its end)
                older.setdefault(key, []).append((session.name, action))
    first_seen = dict.fromkeys(  # the order of the actions: where each was first captured
        action.origin or f"{session.name}#{action.number}" for session in ordered for action in stored[session.name]
    )
    found = []
    for key in first_seen:
        meeting, action = newest[key]
        try:
            copies = [(name, copy.decode()) for name, copy in reversed(older.get(key, []))]
            found.append(merged(key, [*copies, (meeting, action.decode())], series))
        except StoreError as exc:  # a malformed record: its file is named, the rest is listed
            if str(exc) not in damaged:
                damaged.append(str(exc))
    return found

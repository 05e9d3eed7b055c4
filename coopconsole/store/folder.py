"""The sessions folder: naming, creating, opening and listing session files.

An entry named like a session that is not a regular file (a folder, a named pipe, a
socket, a device) is listed as "not a session file" and refused by :meth:`SessionStore.open`,
both on a ``stat`` alone: opening a pipe for reading waits for a writer, forever. A
symbolic link to a session file in the same folder is followed as before (the name must
resolve inside the folder; see :meth:`SessionStore.path_for`).

The folder is created owner-only (``0700``) with any missing parents, like the files in
it; a folder that already exists is used as its owner made it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from coopconsole.domain.frozen import record
from coopconsole.domain.model import ActionItem, Session
from coopconsole.files import make_private_folder
from coopconsole.store.actions_index import ActionsIndex, Stamp, load_index, save_index, stamp_of
from coopconsole.store.errors import (
    BadSessionName,
    CorruptSession,
    SessionBusy,
    SessionExists,
    SessionNotFound,
    StoreError,
    corrupt_message,
    unreadable,
)
from coopconsole.store.locking import LockTimeout, SessionLock
from coopconsole.store.session_names import check_name
from coopconsole.store.sessions import LOCK_TIMEOUT_S, SUFFIX, SessionFile
from coopconsole.store.storage import UnreadableFileError, check_regular

if TYPE_CHECKING:
    from coopconsole.store.listing import SessionListing


class StoredAction:
    """One action as its session file holds it, decoded only when asked (:meth:`decode`)."""

    __slots__ = ("path", "number", "_record")

    def __init__(self, path: Path, number: int, record: dict) -> None:
        self.path = path
        self.number = number
        self._record = record

    @property
    def origin(self) -> str:
        """Where it was first captured, as stored ("" if in its own meeting)."""
        origin = self._record.get("origin", "") if type(self._record) is dict else ""
        return origin if type(origin) is str else ""

    def last_move(self) -> tuple[object, object, object] | None:
        """The last entry of its history as stored, (time, state, remark); None if none.
        A history only ever grows at its end."""
        history = self._record.get("history") if type(self._record) is dict else None
        if not history or type(history) is not list or type(history[-1]) is not dict:
            return None
        last = history[-1]
        return last.get("at"), last.get("status"), last.get("remark", "")

    def has_move(self, move: tuple[object, object, object]) -> bool:
        """Whether its history holds ``move`` (as :meth:`last_move` gives it)."""
        history = self._record.get("history") if type(self._record) is dict else None
        if type(history) is not list:
            return False
        at, status, remark = move
        return any(
            type(e) is dict and e.get("at") == at and e.get("status") == status and e.get("remark", "") == remark
            for e in history
        )

    def decode(self) -> ActionItem:
        """The action, checked as every read is; :class:`CorruptSession` if malformed."""
        from coopconsole.store import codecs
        from coopconsole.store.validate import Malformed, where

        try:
            if type(self._record) is not dict:
                raise Malformed("a record should be an object")
            action: ActionItem = codecs.action_from(self.number, self._record)
        except Malformed as exc:
            located = Malformed(exc.detail, where(codecs.ACTIONS, str(self.number)))
            raise CorruptSession(corrupt_message(self.path, str(located), record=True)) from None
        return action


def _withdrawn(record: object) -> bool:
    """Whether an action's record, as stored, was taken back (see ``Session.set_aside``)."""
    return type(record) is dict and record.get("withdrawn_at") is not None


def _number(stored: StoredAction) -> int:
    return stored.number


#: The folder's lock for making a meeting of a series (a hidden file: never listed).
SERIES_LOCK = ".series.lock"


@record
class SessionSummary:
    """One line of ``coopconsole list``."""

    name: str
    path: Path
    session: Session | None  # None when the file could not be read
    error: str = ""


class SessionStore:
    """The folder of session files."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def path_for(self, name: str) -> Path:
        check_name(name)
        folder = self.folder.resolve()
        path = (folder / f"{name}{SUFFIX}").resolve()
        if path.parent != folder:
            raise BadSessionName(f"{name!r} would lie outside the sessions folder {folder}.")
        return path

    def exists(self, name: str) -> bool:
        return self.path_for(name).exists()

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        found = []
        for entry in sorted(os.listdir(self.folder)):  # names, not paths: sorting paths costs
            if entry.endswith(SUFFIX) and not entry.startswith(".") and len(entry) > len(SUFFIX):
                try:
                    found.append(check_name(entry[: -len(SUFFIX)]))
                except BadSessionName:
                    continue
        return found

    def create(self, session: Session) -> SessionFile:
        """Write a new session file for ``session`` (refuses to overwrite one)."""
        path = self.path_for(session.name)
        make_private_folder(self.folder)
        handle = SessionFile(path, create=True)
        try:
            with handle.locked():
                if path.exists():
                    raise SessionExists(f"A session named {session.name!r} already exists in {self.folder}.")
                handle.write_session(session)
        except BaseException:
            handle.close()
            raise
        return handle

    def open(self, name: str, tidy: bool = True) -> SessionFile:
        """Open session ``name``, refusing (with a :class:`StoreError`) a file that cannot be used.

        ``tidy=False`` for a reader that must change nothing in the folder (the projector):
        the temporary files a killed writer left are then left for the next writer."""
        path = self.path_for(name)
        try:
            check_regular(path, os.stat(path))  # a stat opens nothing: a pipe cannot block it
        except (FileNotFoundError, NotADirectoryError):
            raise SessionNotFound(
                f"No session named {name!r} in {self.folder.resolve()}. "
                "Run 'coopconsole list' to see the saved sessions."
            ) from None
        except OSError as exc:  # not "missing": the folder will not say (permissions)
            raise unreadable(path, UnreadableFileError(path, exc)) from None
        except UnreadableFileError as exc:
            raise unreadable(path, exc) from None
        handle = SessionFile(path)
        if not tidy:
            return handle
        try:
            handle.clean_temporaries()
        except BaseException:
            handle.close()
            raise
        return handle

    def summaries(self) -> list[SessionSummary]:
        """One summary per session file; a file that cannot be read is one with no session.

        Never raises for one file: a listing exists to find the damaged one among the rest.
        """
        out = []
        for name in self.names():
            path = self.folder / f"{name}{SUFFIX}"  # until resolved: a message needs a path
            try:
                path = self.path_for(name)
                with self.open(name) as handle:
                    out.append(SessionSummary(name, handle.path, handle.load()))
            except StoreError as exc:
                out.append(SessionSummary(name, path, None, str(exc)))
            except Exception as exc:  # noqa: BLE001 - whatever it is, it is this file's
                detail = f"{type(exc).__name__}: {exc}"
                out.append(SessionSummary(name, path, None, corrupt_message(path, detail)))
        return out

    def listing(self) -> list[SessionListing]:
        """One line of ``coopconsole list`` per session file, read without the lock (a
        file is only ever replaced whole) and without decoding every record (see
        :mod:`coopconsole.store.listing`); a file that cannot be read is a line with no
        session and the reason."""
        from coopconsole.store.listing import SessionListing, read_listing

        out = []
        for name in self.names():
            path = self.folder / f"{name}{SUFFIX}"
            try:
                path = self.path_for(name)
            except StoreError as exc:
                out.append(SessionListing(name, path, None, error=str(exc)))
                continue
            out.append(read_listing(path, name))
        return out

    def read_part(self, name: str, tables: tuple[str, ...]) -> Session:
        """Session ``name`` with its header and ``tables`` only, read as
        :meth:`read_tables` reads (without the lock, the other tables not decoded); a
        file that cannot be read is refused as :meth:`open` refuses it."""
        from coopconsole.store.reading import decode_session, read_document

        path = self.path_for(name)
        return decode_session(path, read_document(path, tables), name, tables)

    def read_tables(self, tables: tuple[str, ...], names: list[str] | None = None) -> list[SessionSummary]:
        """As :meth:`summaries`, each session holding only its header and ``tables``
        (``"actions"``, ``"goals"``...): for a look across the whole folder, which needs
        a part of every file and must not pay for the rest (a long meeting's thousands
        of clock events). Read without the lock: a file is only ever replaced whole, so a
        read sees one complete version. ``names``: those sessions only."""
        from coopconsole.store import codecs
        from coopconsole.store.reading import decode_session, read_document

        unknown = set(tables) - set(codecs.TABLES)
        if unknown:
            raise ValueError(f"no such table: {', '.join(sorted(unknown))}")
        out = []
        for name in self.names() if names is None else names:
            path = self.folder / f"{name}{SUFFIX}"
            try:
                path = self.path_for(name)
                document = read_document(path, tables)
                out.append(SessionSummary(name, path, decode_session(path, document, name, tables)))
            except StoreError as exc:
                out.append(SessionSummary(name, path, None, str(exc)))
            except Exception as exc:  # noqa: BLE001 - whatever it is, it is this file's
                detail = f"{type(exc).__name__}: {exc}"
                out.append(SessionSummary(name, path, None, corrupt_message(path, detail)))
        return out

    def read_stored_actions(self, names: list[str] | None = None) -> list[tuple[SessionSummary, list[StoredAction]]]:
        """Each session's header (as :meth:`read_tables` with no table) and its actions as
        stored, not decoded: a look across a series needs every copy's name and moves but
        decodes only the copies it keeps (:meth:`StoredAction.decode`). A file that
        cannot be read is a summary with no session and no actions."""
        from coopconsole.store.reading import decode_session, read_document

        out: list[tuple[SessionSummary, list[StoredAction]]] = []
        for name in self.names() if names is None else names:
            path = self.folder / f"{name}{SUFFIX}"
            try:
                path = self.path_for(name)
                document = read_document(path, ("actions",))
                header = decode_session(path, document, name, ())
                rows = document.get("actions", {})
                # An action taken back (or merged into another) is listed nowhere.
                stored = [
                    StoredAction(path, int(key), record) for key, record in rows.items() if not _withdrawn(record)
                ]
            except StoreError as exc:
                out.append((SessionSummary(name, path, None, str(exc)), []))
                continue
            except Exception as exc:  # noqa: BLE001 - whatever it is, it is this file's
                detail = f"{type(exc).__name__}: {exc}"
                out.append((SessionSummary(name, path, None, corrupt_message(path, detail)), []))
                continue
            stored.sort(key=_number)
            out.append((SessionSummary(name, path, header), stored))
        return out

    def stamps(self) -> dict[str, Stamp | None]:
        """Each session file's stamp (inode, size, modification and change times; None if
        it cannot be looked at), by name, in the order of :meth:`names`: what tells a look
        across the folder which files changed since the last (see :mod:`.actions_index`)."""
        return {name: stamp_of(self.folder / f"{name}{SUFFIX}") for name in self.names()}

    def load_actions_index(self) -> ActionsIndex:
        """The folder's index of actions (an empty one if none can be used)."""
        return load_index(self.folder)

    def save_actions_index(self, index: ActionsIndex) -> bool:
        """Keep ``index`` as the folder's index of actions; False if the folder will not take it."""
        return self.folder.is_dir() and save_index(self.folder, index)

    @contextmanager
    def series_lock(self) -> Iterator[None]:
        """Hold the folder's lock for changes to its series: a meeting made to follow
        another is checked and written under it, so two terminals making the next meeting
        of the same one at once cannot both succeed (a series is a chain, not a tree)."""
        make_private_folder(self.folder)
        lock = SessionLock(str(self.folder / SERIES_LOCK), timeout=LOCK_TIMEOUT_S)
        try:
            lock.acquire()
        except LockTimeout:
            raise SessionBusy(
                f"Another coopconsole has been making a meeting of a series in {self.folder} for over "
                f"{LOCK_TIMEOUT_S:.0f} s; try again."
            ) from None
        except OSError as exc:
            raise StoreError(
                f"The sessions folder {self.folder} cannot be locked ({exc.strerror or exc}); nothing was written."
            ) from None
        try:
            yield
        finally:
            lock.release()
            lock.close()

    def unique_name(self, base: str) -> str:
        """``base`` or ``base-2``, ``base-3``... whichever is free."""
        check_name(base)
        candidate, n = base, 1
        while self.exists(candidate):
            n += 1
            candidate = f"{base}-{n}"
        return candidate

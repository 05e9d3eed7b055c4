"""One open session file (the folder of them is :mod:`.folder`).

This module (with :mod:`.storage` and :mod:`.records`) is the only code that knows
TinyDB. Everything else asks for a domain :class:`~coopconsole.domain.model.Session` or
hands over domain objects to persist.

Concurrency: every read-modify-write runs under an exclusive file lock
(``NAME.json.lock`` beside the session), after checking whether another process changed
the file. The console and a note-taker's ``coopconsole add`` in another terminal can
therefore write the same session at once without losing an update.

A session file that cannot be used is refused with a :class:`StoreError` that names the
file and says what to do, and is never written to:

* its content (torn or empty, no header, a record that breaks :mod:`.validate`'s rules,
  a newer schema): :class:`CorruptSession`;
* the system will not read it (a folder in its place, permissions, an I/O error):
  :class:`SessionUnreadable`;
* it disappeared while open: :class:`SessionNotFound`.

A session that can be read but not changed is opened, read and shown as usual; only a
write is refused, with :class:`SessionReadOnly` and before anything is written:

* the lock file cannot be opened for writing (a read-only file system or sessions folder,
  see :mod:`.locking`): reads then take a shared lock, or none;
* the session file's owner took away its write permission (``chmod u-w``, mode ``0400``):
  the atomic replace would otherwise ignore that and write a new file over it.

All of it is checked whenever the file is (re)read from disk, under the lock and so
before any write can follow: a refused file is never written to, whichever call finds it.
"""

from __future__ import annotations

import stat
import threading
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.table import Document, Table

import coopconsole.store.codecs as rec
from coopconsole.domain.model import Session
from coopconsole.store.amend import amended
from coopconsole.store.blanks import clean_temp_files
from coopconsole.store.decoding import Decoded
from coopconsole.store.errors import (
    SessionBusy,
    SessionNotFound,
    SessionReadOnly,
    SessionUnreadable,
    StoreError,
    read_only_file,
    read_only_folder,
)
from coopconsole.store.locking import LockTimeout, SessionLock
from coopconsole.store.reading import check_document, decode_session, storage_call
from coopconsole.store.storage import AtomicJSONStorage

SUFFIX = ".json"
LOCK_TIMEOUT_S = 10.0


class SessionFile:
    """One open session file: reads from memory, durable writes under the lock."""

    def __init__(self, path: Path, create: bool = False) -> None:
        self.path = path
        self.name = path.stem
        self._storage = AtomicJSONStorage(path, create=create)
        self._tables: dict[str, Table] = {}
        self._tables_generation = -1
        self._next_ids: dict[str, int] = {}
        self._next_ids_generation = -1
        self._thread_lock = threading.RLock()
        self._file_lock = SessionLock(f"{path}.lock", timeout=LOCK_TIMEOUT_S)
        self.revision = 0  # changes whenever the document changes (our write or theirs)
        self._prepared: tuple[int, Session] | None = None  # (revision, session), see _refresh
        self._decoded: Decoded = {}  # what the last decoding made (see session_from_document)

    # -- locking and freshness -------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[SessionFile]:
        """Hold the session lock; inside, reads are fresh and writes are not interleaved."""
        with self._thread_lock:
            self._lock_file(wait=True)
            try:
                self._refresh()
                yield self
            finally:
                self._file_lock.release()

    @contextmanager
    def locked_if_free(self) -> Iterator[bool]:
        """As :meth:`locked` (``True`` inside) if nobody holds the lock, neither another
        thread of this process nor another process; else ``False`` at once, nothing held
        or read. For a look that must never wait for someone else's save to reach the disk."""
        if not self._thread_lock.acquire(blocking=False):
            yield False
            return
        try:
            if not self._lock_file(wait=False):
                yield False
                return
            try:
                self._refresh()
                yield True
            finally:
                self._file_lock.release()
        finally:
            self._thread_lock.release()

    def _lock_file(self, wait: bool) -> bool:
        """Take the inter-process lock (``wait``: up to LOCK_TIMEOUT_S); False if not taken."""
        try:
            if not wait:
                return self._file_lock.try_acquire()
            self._file_lock.acquire()
            return True
        except LockTimeout:
            raise SessionBusy(
                f"Session {self.name!r} has been locked by another process for over "
                f"{LOCK_TIMEOUT_S:.0f} s; try again, or close the other coopconsole."
            ) from None
        except OSError as exc:  # the lock file cannot be created or opened
            raise SessionUnreadable(
                f"The session file {self.path} cannot be opened: its lock file "
                f"{self._file_lock.path} cannot be used ({exc.strerror or exc}). "
                "Check that the sessions folder is yours and writable; the file was not changed."
            ) from None

    def clean_temporaries(self) -> None:
        """Remove the temporary files a killed writer left beside the session, under the
        lock; not where the lock cannot be taken for writing (a reader may not remove
        what a writer it cannot keep out is using)."""
        with self.locked():
            if self._file_lock.read_only is None:
                clean_temp_files(self.path)

    def check_writable(self) -> None:
        """Raise :class:`SessionReadOnly` if a write would be refused (see the module's
        docstring); for a command that must know before it does anything else."""
        with self.locked():
            self._check_writable()

    def prepare_writes(self) -> None:
        """Get ready for a run of saves (see :meth:`AtomicJSONStorage.prepare`); nothing
        where a write would be refused, so no temporary file is made there."""
        with self.locked():
            try:
                self._check_writable()
            except SessionReadOnly:
                return
            self._storage_call(self._storage.prepare)

    def _check_writable(self) -> None:
        """Under the lock (so the mode seen is the one just read): refuse a write early."""
        if self._file_lock.read_only is not None:
            raise read_only_folder(self.path, self._file_lock.path, self._file_lock.read_only)
        mode = self._storage.mode
        if mode is not None and not mode & stat.S_IWUSR:
            raise read_only_file(self.path, stat.S_IMODE(mode))

    def _refresh(self) -> None:
        changed = self._storage_call(self._storage.refresh)
        if changed:
            try:
                document = self._read()
                self._check_document(document)
                # Decoding is the check of every field. The session decoded here is
                # handed over, once, to the next load() at this revision (a reload is
                # nearly always followed by one), so the check costs no second decode.
                session = self._decode(document)
            except StoreError:
                # Forget the refused document: every later access reads the file again
                # and refuses it again, instead of writing into what was refused.
                self._storage.forget()
                self._prepared = None
                raise
            self.revision += 1
            self._prepared = (self.revision, session)

    def _storage_call(self, call: Any) -> Any:
        """``call()`` on the storage, its failures worded for the user."""
        return storage_call(self.path, call)

    def _read(self) -> dict[str, dict[str, Any]]:
        """The document (empty only for a new session that is not written yet)."""
        return self._storage_call(self._storage.read) or {}

    def _check_document(self, document: dict[str, Any]) -> None:
        check_document(self.path, document)

    def _table(self, name: str) -> Table:
        # TinyDB's Table caches the next id; after another process wrote the file that
        # cache is stale, so tables are rebuilt whenever the document was reloaded.
        if self._tables_generation != self._storage.generation:
            self._tables = {}
            self._tables_generation = self._storage.generation
        table = self._tables.get(name)
        if table is None:
            table = self._tables[name] = Table(self._storage, name, cache_size=0)
        return table

    # -- reading ---------------------------------------------------------------------

    def document(self) -> dict[str, dict[str, Any]]:
        """The raw TinyDB document, fresh from disk if another process changed it."""
        with self.locked():
            return self._read()

    def load(self) -> Session:
        """The whole session as domain objects, a new one each time (the caller may change it).

        :class:`CorruptSession` if a record is malformed.
        """
        with self.locked():
            document = self._read()
            prepared, self._prepared = self._prepared, None
            if prepared is not None and prepared[0] == self.revision:
                return prepared[1]
        return self._decode(document)

    def _decode(self, document: dict[str, dict[str, Any]]) -> Session:
        return decode_session(self.path, document, self.name, kept=self._decoded)

    # -- writing ---------------------------------------------------------------------

    def write_session(self, session: Session) -> None:
        """Write a whole new session (used once, at creation)."""
        with self.locked():
            self._check_writable()
            document: dict[str, dict[str, Any]] = {rec.META: {"1": rec.meta_record(session)}}
            for table, (attr, _decode, encode) in rec.CODECS.items():
                rows = getattr(session, attr)
                document[table] = {str(i + 1): encode(obj) for i, obj in enumerate(rows)}
            self._storage.write(document)
            self.revision += 1

    def add(self, obj: Any) -> Any:
        """Persist a new domain object; return it with its id. Durable on return."""
        table_name = rec.TABLE_OF[type(obj)]
        record = rec.to_record(obj)
        with self.locked():
            self._check_writable()
            new_id = self._next_id(table_name)
            self._storage.append(table_name, str(new_id), record)
            self._next_ids[table_name] = new_id + 1
            self.revision += 1
        return rec.with_id(obj, new_id)

    def add_all(self, objs: list[Any]) -> list[Any]:
        """Persist several new objects (any tables) in one write: all of them or none."""
        with self.locked():
            self._check_writable()
            data = self._storage.read() or {}
            saved: list[Any] = []
            tables: dict[str, dict[str, Any]] = {}
            next_ids: dict[str, int] = {}
            for obj in objs:
                name = rec.TABLE_OF[type(obj)]
                new_id = next_ids.get(name) or self._next_id(name)
                tables.setdefault(name, dict(data.get(name, {})))[str(new_id)] = rec.to_record(obj)
                next_ids[name] = new_id + 1
                saved.append(rec.with_id(obj, new_id))
            self._storage.write({**data, **tables})  # new dicts: only these tables are encoded again
            self._next_ids.update(next_ids)
            self.revision += 1
        return saved

    def _next_id(self, table_name: str) -> int:
        """The next free id; while the session is open a removed record's id is not reused."""
        if self._next_ids_generation != self._storage.generation:
            self._next_ids = {}
            self._next_ids_generation = self._storage.generation
        known = self._next_ids.get(table_name)
        if known is None:
            rows = self._read().get(table_name, {})
            known = max(map(int, rows), default=0) + 1
        return known

    def replace(self, obj: Any) -> None:
        """Persist a changed domain object (same id). Durable on return."""
        record = rec.to_record(obj)
        with self.locked():
            self._check_writable()
            # TinyDB's update() changes the stored dict in place; the storage sees the
            # new table dict that _update_table builds, so serialisation stays exact.
            # What was decoded from that dict is forgotten first: it would compare equal
            # to itself once changed (see decoding.session_from_document).
            table = self._existing(obj)
            self._decoded.get(rec.TABLE_OF[type(obj)], {}).pop(str(obj.id), None)
            table.update(_overwrite_with(record), doc_ids=[obj.id])
            self.revision += 1

    def remove(self, obj: Any) -> None:
        """Delete a record (by the object's table and id). Durable on return."""
        with self.locked():
            self._check_writable()
            self._existing(obj).remove(doc_ids=[obj.id])
            self.revision += 1

    def _existing(self, obj: Any) -> Table:
        """The table holding ``obj``'s record; refuses an id that is not there."""
        table_name = rec.TABLE_OF[type(obj)]
        table = self._table(table_name)
        if not table.contains(doc_id=obj.id):
            raise SessionNotFound(f"There is no {rec.NOUN[table_name]} number {obj.id} in {self.name!r}.")
        return table

    def amend(self, session: Session, replaced: list[Any], removed: list[Any], added: list[Any]) -> None:
        """The header from ``session``, ``replaced`` records rewritten, ``removed`` ones
        deleted and ``added`` ones (numbered) written, in one write (see :mod:`.amend`)."""
        with self.locked():
            self._check_writable()
            self._storage.write(amended(self._storage.read() or {}, self.name, session, replaced, removed, added))
            for obj in added:  # counted again from the file when next needed
                self._next_ids.pop(rec.TABLE_OF[type(obj)], None)
            self.revision += 1

    def update_meta(self, session: Session) -> None:
        with self.locked():
            self._check_writable()
            self._table(rec.META).upsert(Document(rec.meta_record(session), doc_id=1))
            self.revision += 1

    def close(self) -> None:
        with self._thread_lock:
            self._prepared = None
            self._storage.close()
            self._file_lock.close()

    def __enter__(self) -> SessionFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _overwrite_with(record: dict[str, Any]) -> Callable[[MutableMapping[str, Any]], None]:
    """A TinyDB update that makes the stored record ``record`` (fields it lacks removed)."""

    def overwrite(doc: MutableMapping[str, Any]) -> None:
        doc.clear()
        doc.update(record)

    return overwrite

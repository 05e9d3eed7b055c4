"""A crash-safe, fast TinyDB storage for one session file.

The file is an ordinary TinyDB JSON document (``{"table": {"id": {...}}}``), so a plain
``TinyDB(path)`` opens it. What differs from TinyDB's ``JSONStorage`` is how it is read
and written:

* **Atomic replace.** A write goes to a temporary file in the same folder, which is
  flushed and fsynced, then ``os.replace``-d over the session file, then the folder is
  fsynced. A kill -9 at any instant leaves either the old or the new file, never a torn
  one. Temporary files left by a killed writer are removed by :func:`~coopconsole.store.blanks.clean_temp_files`
  (the store calls it under the session lock, when no writer can be active). The
  temporary file is usually a blank made ready in advance (``blanks.py``), which saves
  the write one journal commit.
* **Reads from memory.** The parsed document is kept. Another process's change is
  noticed by ``os.stat``: the file's inode, size and mtime. Every write of ours replaces
  the file, so a change by another coopconsole process always shows as a new inode. We
  keep the loaded file open, which stops the kernel from reusing its inode number for a
  different file while we compare against it. An in-place edit by another program
  (TinyDB's own storage writes in place) shows as a new size or mtime.
* **Serialises only what changed.** TinyDB hands ``write`` the whole document, but its
  ``Table._update_table`` replaces only the dict of the table it changed. We keep each
  table's serialised bytes with the dict they came from and re-serialise a table only
  when its dict is a different object. New records (the hot path) arrive through
  :meth:`AtomicJSONStorage.append`, which splices the record onto the cached bytes.
* **An existing file is never empty.** Every write replaces the file with a complete
  document, so an empty session file was truncated by something else: it is refused
  (:class:`CorruptFileError`) like torn JSON, never read as an empty document that the
  next write would fill in. Only a file that does not exist yet is a new, empty session.
* **Only a regular file is read.** A folder, a named pipe, a socket or a device with the
  session file's name is refused (:class:`NotAFileError`) on the ``stat`` that every read
  starts with, before anything opens it: opening a pipe waits for a writer, and a device
  like ``/dev/zero`` never ends. The file is then opened without blocking and checked
  again with ``fstat``, in case it was replaced in between.
* **Reading fails with** :class:`CorruptFileError` (the content) or
  :class:`UnreadableFileError` (the system refused: a folder where the file should be,
  permissions, an I/O error); both name the file, and neither changes it.
"""

from __future__ import annotations

import errno
import os
import queue
import stat
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from coopconsole.files import file_kind
from coopconsole.store.blanks import BlankSlot, new_name, temp_prefix

__all__ = [
    "AtomicJSONStorage",
    "CorruptFileError",
    "NotAFileError",
    "UnreadableFileError",
    "temp_prefix",
]

FILE_MODE = 0o600  # session files are readable by their owner only


class CorruptFileError(Exception):
    """The session file exists but is not a readable TinyDB document."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class UnreadableFileError(CorruptFileError):
    """The session file could not be read at all (``detail`` says what the system said)."""

    def __init__(self, path: Path, error: OSError) -> None:
        if isinstance(error, IsADirectoryError):
            detail = "it is a folder, not a session file"
        else:
            detail = error.strerror or str(error)
        super().__init__(path, detail)
        self.error = error


class NotAFileError(UnreadableFileError):
    """Something other than a regular file has the session file's name (a folder, a pipe,
    a socket, a device): refused without being opened for reading."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(path, OSError(errno.EINVAL, f"it is {file_kind(mode)}, not a session file"))
        self.mode = mode


def check_regular(path: Path, st: os.stat_result) -> None:
    """Raise :class:`NotAFileError` unless ``st`` (of ``path``) is a regular file's."""
    if not stat.S_ISREG(st.st_mode):
        raise NotAFileError(path, st.st_mode)


#: A table that has had this many records spliced on is joined into one fragment again.
_SPLICED_MAX = 256


def _splice(fragments: list[bytes], key: str, record: dict[str, Any]) -> list[bytes]:
    """A table's JSON object, as ``fragments``, with one more record at its end.

    The table's bytes are not copied at every record: the record and a closing brace
    follow as fragments of their own. (Copying a long meeting's actions table at every
    capture cost about a millisecond at 20,000 records, and grew with the meeting.) The
    table encoded whole loses its brace once, by a copy; after :data:`_SPLICED_MAX`
    records the fragments are joined into one again: one copy for that many captures."""
    entry = orjson.dumps({key: record})  # b'{"7":{...}}'
    if len(fragments) == 1 and fragments[0] == b"{}":
        return [entry]
    *head, last = fragments
    if last != b"}":  # the table as encoded whole (or one record): all but its brace
        head.append(last[:-1])
    spliced = [*head, b"," + entry[1:-1], b"}"]
    return [b"".join(spliced)] if len(spliced) > _SPLICED_MAX else spliced


def _write_all(fd: int, parts: Sequence[bytes | memoryview]) -> None:
    """Write every fragment, resuming after short writes (a full disk raises OSError)."""
    pending = [memoryview(p) for p in parts if p]
    while pending:
        written = os.writev(fd, pending[:1024])
        while written and pending:
            if written >= len(pending[0]):
                written -= len(pending.pop(0))
            else:
                pending[0] = pending[0][written:]
                written = 0


_retired: queue.SimpleQueue[int] = queue.SimpleQueue()
_closer: threading.Thread | None = None
_closer_guard = threading.Lock()


def _close_later(fd: int) -> None:
    """Close the descriptor of a replaced session file on a background thread.

    Closing the last reference to a replaced file makes the kernel free its blocks
    (half a millisecond for a 2 MB file). That is not part of making the new record
    durable, and ``os.close`` releases the GIL, so it runs beside the caller.
    """
    global _closer
    if _closer is None:
        with _closer_guard:
            if _closer is None:
                _closer = threading.Thread(target=_close_retired, name="coopconsole-closer", daemon=True)
                _closer.start()
    _retired.put(fd)


def _close_retired() -> None:
    while True:
        fd = _retired.get()
        try:
            os.close(fd)
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on write, cached reads, incremental serialisation."""

    def __init__(self, path: str | os.PathLike[str], create: bool = False) -> None:
        self.path = Path(path)
        self._create = create
        self._data: dict[str, dict[str, Any]] | None = None
        self._signature: tuple[int, int, int] | None = None
        self._pinned_fd: int | None = None  # keeps the loaded file's inode from reuse
        self._source: dict[str, Any] = {}  # table name -> the dict last serialised
        self._encoded: dict[str, list[bytes]] = {}  # table name -> its JSON, in fragments
        self.generation = 0  # bumped whenever the document is (re)loaded from disk
        self.mode: int | None = None  # the file's st_mode at the last look (None: no file)
        self._blanks = BlankSlot(self.path, lambda: new_name(self.path), _write_all, FILE_MODE)
        self._commits = 0

    # -- reading -------------------------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The document; None for a new session (``create``) whose file does not exist yet.

        Raises :class:`CorruptFileError` (or its :class:`UnreadableFileError`) for a file
        that exists but cannot be used, and ``FileNotFoundError`` for a missing file the
        session was opened, not created, from.
        """
        signature = self._current_signature()
        if signature is None:
            if self._create:
                return None
            raise FileNotFoundError(self.path)
        if self._data is None or signature != self._signature:
            self._load()
        return self._data

    def refresh(self) -> bool:
        """Reload if the file changed on disk; return True if it did."""
        before = self.generation
        self.read()
        return self.generation != before

    def _current_signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self.mode = None
            return None
        except OSError as exc:
            raise UnreadableFileError(self.path, exc) from None
        check_regular(self.path, st)
        self.mode = st.st_mode
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _load(self) -> None:
        try:
            # Not blocking: if a pipe has taken the file's place since the stat, opening
            # it must not wait for a writer. (Reading a regular file ignores the flag.)
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        except FileNotFoundError:
            raise  # gone since the stat: the session is missing, not unreadable
        except OSError as exc:
            raise UnreadableFileError(self.path, exc) from None
        try:
            st = os.fstat(fd)
            check_regular(self.path, st)
            self.mode = st.st_mode
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        except OSError as exc:  # an I/O error
            os.close(fd)
            raise UnreadableFileError(self.path, exc) from None
        except BaseException:
            os.close(fd)
            raise
        raw = b"".join(chunks)
        if not raw.strip():
            os.close(fd)
            raise CorruptFileError(self.path, "it is empty (a complete session file is never empty)")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            os.close(fd)
            raise CorruptFileError(self.path, f"not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            os.close(fd)
            raise CorruptFileError(self.path, "not a TinyDB document (tables of records)")
        self._pin(fd)
        self._data = data
        self._signature = (st.st_ino, st.st_size, st.st_mtime_ns)
        self._source = {}
        self._encoded = {}
        self.generation += 1

    def _pin(self, fd: int) -> None:
        if self._pinned_fd is not None:
            _close_later(self._pinned_fd)
        self._pinned_fd = fd

    # -- writing -------------------------------------------------------------------

    def append(self, table: str, key: str, record: dict[str, Any]) -> None:
        """Add one record to ``table`` and write the document: the capture hot path.

        TinyDB's ``Table.insert`` rebuilds the whole table twice (converting every id),
        which costs 0.8 ms at 2,000 actions. Here the table dict is extended in place
        and the record's JSON is spliced onto the table's cached bytes.
        """
        data = self.read()
        if data is None:
            data = {}
        rows = data.get(table)
        if rows is None:
            rows = data[table] = {}
        if key in rows:
            raise KeyError(f"{table} already has a record {key}")
        rows[key] = record
        self._commit(data, (table, key))

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """TinyDB's write: any change, tables compared by identity to find what changed."""
        self._commit(data, None)

    def encode(self, data: dict[str, dict[str, Any]], appended: tuple[str, str] | None = None) -> list[bytes]:
        """The document as a list of JSON fragments, re-serialising only changed tables.

        TinyDB always builds a new dict for a table it changes, so a table whose dict is
        the one serialised last time is unchanged, except the one :meth:`append` has just
        extended in place (``appended``), whose new record is spliced on. The fragments
        are written with one ``os.writev``: joining them would copy the whole document.
        """
        parts: list[bytes] = [b"{"]
        for name, table in data.items():
            if self._source.get(name) is not table:
                self._encoded[name] = [orjson.dumps(table)]
                self._source[name] = table
            elif appended is not None and appended[0] == name:
                self._encoded[name] = _splice(self._encoded[name], appended[1], table[appended[1]])
            if len(parts) > 1:
                parts.append(b",")
            parts.append(orjson.dumps(name) + b":")
            parts.extend(self._encoded[name])
        parts.append(b"}")
        for gone in set(self._source) - set(data):
            del self._source[gone], self._encoded[gone]
        return parts

    def _commit(self, data: dict[str, dict[str, Any]], appended: tuple[str, str] | None) -> None:
        try:
            parts = self.encode(data, appended)
            size = sum(len(part) for part in parts)
            blank = self._blanks.take(size)
            fd, tmp = self._blanks.fill(blank, parts) if blank else self._write_temp(parts)
        except BaseException:
            # The cached document already holds the change; forget it so the next
            # read shows what is really on disk. A blank made ready is given back too:
            # on a full disk it holds the very space the retry needs.
            self.forget()
            self._blanks.drop()
            raise
        try:
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)
        except BaseException:
            os.close(fd)
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            self.forget()
            self._blanks.drop()
            raise
        st = os.fstat(fd)
        self._pin(fd)
        self._data = data
        self._signature = (st.st_ino, st.st_size, st.st_mtime_ns)
        self.mode = st.st_mode
        # The next write's temporary file is made meanwhile, once this storage has shown
        # it writes repeatedly (a console, not one `coopconsole add`).
        self._commits += 1
        if self._commits > 1:
            self._blanks.want(tuple(parts))

    def prepare(self) -> None:
        """Get ready to write repeatedly (a console, before its first save): the document's
        JSON cached as :meth:`encode` keeps it, and the next write's temporary file made in
        the background. The first save then costs what every later one does."""
        data = self.read()
        if data is None:
            return
        self._commits = max(self._commits, 1)
        self._blanks.want(tuple(self.encode(data)))

    def _write_temp(self, parts: list[bytes]) -> tuple[int, str]:
        tmp = new_name(self.path)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            _write_all(fd, parts)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            os.unlink(tmp)
            raise
        return fd, tmp

    def forget(self) -> None:
        """Drop the cached document: the next read loads (and so checks) the file again."""
        self._data = None
        self._signature = None
        self._source = {}
        self._encoded = {}

    def close(self) -> None:
        self._blanks.close()
        if self._pinned_fd is not None:
            os.close(self._pinned_fd)
            self._pinned_fd = None


def is_private(path: Path) -> bool:
    """True if only the owner may read ``path``."""
    return stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0

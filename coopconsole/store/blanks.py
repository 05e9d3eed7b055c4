"""Blank temporary files made ready in advance, so a write costs one journal commit less.

Creating the temporary file at write time makes its fsync commit the file system's
journal for the new inode, its size and its blocks, and the rename then commits it
again. Instead, after each write a background thread prepares the next temporary file:
a copy of the document just written, then spaces a little beyond its size, fsynced,
size and blocks included. The next write finds where its document first differs from
the copy (a capture changes the end of one table, and the tables after it move), writes
from there on, and needs only ``fdatasync`` (the data is all that is new), then the
rename and the folder's fsync as always. A capture at hour 8 of a long meeting so puts
a few hundred kilobytes on the disk, not the whole session. The session file ends in
spaces, which JSON allows, so a plain ``TinyDB(path)`` still reads it.

The blank is made a moment after the write that asks for it (:data:`SETTLE_S`), not at
once: copying a long session to the disk and syncing it competes with the console for
the processor and the disk while it draws the capture the note-taker is waiting for (at
20,000 records, the captures it overlapped were drawn later, and the slowest were all
among them: see docs/decisions.md).
Captures are seconds apart; a write that comes sooner finds no blank and makes its
temporary file the ordinary way. A blank waiting to be made holds the newest document
asked for, and closing the session (or a failed write) calls it off at once.

A blank is an ordinary temporary file: a killed process leaves it behind like any other,
and the clean-up on the next open removes it (under the session lock, so never while a
write is using it). One that is too small, or that another process's clean-up removed,
is discarded and the write makes its temporary file the ordinary way.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

#: (descriptor, file name, size, the document it holds as the fragments written, then spaces)
Blank = tuple[int, str, int, tuple[bytes, ...]]

#: How long closing a session waits for a blank being prepared, so that none is left.
CLOSE_WAIT_S = 2.0

#: How long after the write that asks for it a blank is made (see the module notes).
SETTLE_S = 0.1


def blank_size(document: int) -> int:
    """Room for the document to grow by many captures before a bigger blank is needed."""
    return document + max(64 * 1024, document // 4)


class BlankSlot:
    """The one blank a session file may have ready; thread-safe."""

    def __init__(
        self,
        path: Path,
        make_name: Callable[[], str],
        write_all: Callable[[int, Sequence[bytes | memoryview]], None],
        mode: int,
    ) -> None:
        self.path = path
        self._make_name = make_name
        self._write_all = write_all
        self._mode = mode
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._blank: Blank | None = None
        self._pending = False
        self._wanted: tuple[bytes, ...] | None = None  # the document the next blank is to hold
        self._closed = False
        self._suspended = False  # after a failed write, until a write succeeds

    def want(self, document: tuple[bytes, ...]) -> None:
        """Have a blank ready (in the background) holding ``document``, the fragments of
        the document just written, for the next one. One asked for already and not made
        yet holds this document instead."""
        size = sum(len(part) for part in document)
        with self._lock:
            # One ready already (made while this write went without it) is kept: it holds
            # an older document, so the next write writes more, but none is made twice.
            ready = self._blank is not None and self._blank[2] >= size
            if self._closed or ready:
                return
            self._wanted = document
            self._suspended = False
            if self._pending:  # the worker takes the newest document when it makes it
                return
            self._pending = True
        _worker.put(self)

    def take(self, document: int) -> Blank | None:
        """The blank, if one is ready for ``document`` bytes and still there; else None."""
        with self._lock:
            blank, self._blank = self._blank, None
        if blank is None:
            return None
        if blank[2] < document or not os.path.exists(blank[1]):
            discard(blank)
            return None
        return blank

    def fill(self, blank: Blank, parts: list[bytes]) -> tuple[int, str]:
        """Write the document over the blank, from where it differs from what the blank
        holds, and make the data durable."""
        fd, name, _, held = blank
        try:
            start = held_already(held, parts)
            size, before = sum(len(part) for part in parts), sum(len(part) for part in held)
            os.lseek(fd, start, os.SEEK_SET)
            self._write_all(fd, [*fragments_from(parts, start), b" " * (before - size)])
            os.fdatasync(fd)  # size and blocks are durable already: only the data is new
        except BaseException:
            discard(blank)
            raise
        return fd, name

    def drop(self) -> None:
        """After a failed write: remove the blank (on a full disk it holds space) and make
        no other until a write succeeds and asks again."""
        self._empty(closing=False)

    def close(self) -> None:
        """Remove the blank and wait for one being made, so that none is left behind."""
        self._empty(closing=True)

    def _empty(self, closing: bool) -> None:
        with self._lock:
            self._closed = self._closed or closing
            self._suspended = True
            self._changed.notify_all()  # a blank still settling is called off at once
            self._changed.wait_for(lambda: not self._pending, timeout=CLOSE_WAIT_S)
            blank, self._blank = self._blank, None
        if blank is not None:
            discard(blank)

    def _prepare(self, settle: float | None = None) -> None:
        """Make the blank asked for, ``settle`` seconds on (:data:`SETTLE_S`), unless it
        is called off meanwhile (the session closed, a write failed)."""
        with self._lock:
            wait = SETTLE_S if settle is None else settle
            self._changed.wait_for(lambda: self._closed or self._suspended, timeout=wait)
            document = None if self._closed or self._suspended else self._wanted
            self._wanted = None
        blank = None
        try:
            blank = None if document is None else self._make(document)
        except OSError:  # a full disk, a read-only folder: writes make their own
            pass
        with self._lock:
            if blank is not None and self._blank is None and not (self._closed or self._suspended):
                self._blank, blank = blank, None
            if blank is not None:  # not wanted any more: gone before a close waiting for it goes on
                discard(blank)
            self._wanted = None  # one asked for while this was made: the next write asks again
            self._pending = False
            self._changed.notify_all()

    def _make(self, document: tuple[bytes, ...]) -> Blank:
        name = self._make_name()
        written = sum(len(part) for part in document)
        size = blank_size(written)
        fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, self._mode)
        try:
            self._write_all(fd, [*document, b" " * (size - written)])
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            os.unlink(name)
            raise
        return fd, name, size, document


def held_already(held: tuple[bytes, ...], parts: list[bytes]) -> int:
    """How many leading bytes of the document ``parts`` the fragments ``held`` have
    already, to the byte. A table not serialised again is the very same fragments, taken
    whole without a look; the rest is compared as bytes, across fragments that need not
    line up (a table that had records spliced on, see ``storage._splice``, is kept as
    several fragments and, now and then, joined into one again)."""
    start = i = j = at_old = at_new = 0
    while i < len(held) and j < len(parts):
        old, new = held[i], parts[j]
        if at_old == at_new == 0 and old is new:
            start, i, j = start + len(old), i + 1, j + 1
            continue
        length = min(len(old) - at_old, len(new) - at_new)
        same = _same_for(old, at_old, new, at_new, length)
        start += same
        if same < length:
            break
        at_old, at_new = at_old + length, at_new + length
        if at_old == len(old):
            i, at_old = i + 1, 0
        if at_new == len(new):
            j, at_new = j + 1, 0
    return start


def _same_for(old: bytes, at_old: int, new: bytes, at_new: int, length: int) -> int:
    """How many of the ``length`` bytes of ``old`` and ``new`` from those offsets are the
    same before the first that differs (compared by ``memcmp``, nothing copied)."""
    view = memoryview(old)
    if new.startswith(view[at_old : at_old + length], at_new):
        return length
    same, differs = 0, length  # the first ``same`` bytes are equal; one before ``differs`` is not
    while differs - same > 1:
        middle = (same + differs) // 2
        if new.startswith(view[at_old + same : at_old + middle], at_new + same):
            same = middle
        else:
            differs = middle
    return same


def fragments_from(parts: list[bytes], start: int) -> list[bytes | memoryview]:
    """The document ``parts`` from byte ``start`` on, as fragments (nothing copied)."""
    out: list[bytes | memoryview] = []
    for part in parts:
        if start >= len(part):
            start -= len(part)
            continue
        out.append(memoryview(part)[start:] if start else part)
        start = 0
    return out


def discard(blank: Blank) -> None:
    fd, name, _, _ = blank
    os.close(fd)
    try:
        os.unlink(name)
    except OSError:
        pass


class _Worker:
    """One daemon thread preparing blanks for every open session."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[BlankSlot] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._guard = threading.Lock()

    def put(self, slot: BlankSlot) -> None:
        if self._thread is None:
            with self._guard:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._run, name="coopconsole-blanks", daemon=True)
                    self._thread.start()
        self._queue.put(slot)

    def _run(self) -> None:
        while True:
            self._queue.get()._prepare()


_worker = _Worker()


def temp_prefix(path: Path) -> str:
    """Prefix of the temporary files written next to ``path``."""
    return f".{path.name}."


def new_name(path: Path) -> str:
    """A fresh temporary file name next to ``path``, in the pattern the clean-up removes."""
    # os.urandom, not the secrets module: that one loads hashlib and OpenSSL, 2 ms of the
    # console's start-up, for a name that only has to be unlikely to collide.
    return str(path.parent / f"{temp_prefix(path)}{os.urandom(6).hex()}.tmp")


def clean_temp_files(path: Path) -> list[Path]:
    """Remove temporary files a killed writer left next to ``path``; return them.

    Only call this while holding the session's lock: a live writer's temporary file
    looks exactly like a leftover. A leftover that cannot be removed now (a read-only
    folder) is left for the next open: it does not stop the session being read.
    """
    removed: list[Path] = []
    prefix = temp_prefix(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            leftover = path.parent / name
            try:
                leftover.unlink()
                removed.append(leftover)
            except OSError:
                pass
    return removed

"""The inter-process lock around each read-modify-write of a session file.

On POSIX systems this is ``fcntl.flock`` on a lock file that stays open for the life of
the :class:`SessionLock`: taking and releasing it is two system calls, which matters
when a captured action must be durable within a millisecond. (The ``filelock`` package
opens, locks and closes the file on every acquisition and costs 0.1-0.2 ms of Python
per cycle; it is used where ``fcntl`` does not exist.)

The lock file (``NAME.json.lock``) is never deleted, so every process locks the same
inode. The lock is released by the kernel when a process dies, kill -9 included.

**Read-only use.** Where the lock file cannot be opened for writing (a read-only file
system, a folder or lock file that is not ours to write), the session can still be read:
the lock file is opened read-only and locked *shared*, which keeps out every writer (they
lock exclusively) but not other readers; and if it cannot be opened at all (it does not
exist and cannot be created), reading goes on without a lock, which is safe because every
write replaces the session file in one rename. :attr:`SessionLock.read_only` then says
why, and the session refuses every write (see ``SessionFile``).
"""

from __future__ import annotations

import errno
import os
import time

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]
    import filelock  # only here: importing it costs more than the whole lock does

__all__ = ["LockTimeout", "SessionLock"]

#: Errors of opening the lock file for writing that still leave the session readable.
_READ_ONLY_ERRORS = (errno.EROFS, errno.EACCES, errno.EPERM)


class LockTimeout(Exception):
    pass


class SessionLock:
    """An exclusive, re-entrant (within one thread of control) inter-process lock; shared,
    or none at all, where the lock file cannot be written (:attr:`read_only`).

    Not thread-safe by itself: the session file serialises its threads first.
    """

    def __init__(self, path: str, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._depth = 0
        self._fd: int | None = None
        self._opened = False
        self._mode = fcntl.LOCK_EX if fcntl else 0
        #: Why the lock file cannot be opened for writing (None: it can); then only reads.
        self.read_only: OSError | None = None
        self._fallback = None if fcntl else filelock.FileLock(path, timeout=timeout, mode=0o600)

    def _open(self) -> None:
        """Open the lock file: for writing if possible, else read-only, else not at all."""
        self._opened, self._mode, self.read_only = True, fcntl.LOCK_EX, None
        try:
            # Not blocking: a pipe in the lock file's place must not stop the session.
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o600)
            return
        except OSError as exc:
            if exc.errno not in _READ_ONLY_ERRORS:
                self._opened = False
                raise
            self.read_only = exc
        self._mode = fcntl.LOCK_SH
        try:
            self._fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno not in (*_READ_ONLY_ERRORS, errno.ENOENT):
                self._opened = False
                raise
            self._fd = None  # reads only, without a lock

    def _try_flock(self) -> bool:
        if self._fd is None:
            return True
        try:
            fcntl.flock(self._fd, self._mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def acquire(self) -> None:
        if self._depth:
            self._depth += 1
            return
        if self._fallback is not None:  # pragma: no cover - not POSIX
            try:
                self._fallback.acquire()
            except filelock.Timeout:
                raise LockTimeout(self.path) from None
        else:
            self._flock()
        self._depth = 1

    def try_acquire(self) -> bool:
        """Take the lock if no other process holds it; never waits. False: not taken."""
        if self._depth:
            self._depth += 1
            return True
        if self._fallback is not None:  # pragma: no cover - not POSIX
            try:
                self._fallback.acquire(timeout=0)
            except filelock.Timeout:
                return False
        else:
            if not self._opened:
                self._open()
            if not self._try_flock():
                return False
        self._depth = 1
        return True

    def _flock(self) -> None:
        if not self._opened:
            self._open()
        if self._try_flock():
            return
        deadline = time.monotonic() + self.timeout
        delay = 0.0005
        while True:
            time.sleep(delay)
            if self._try_flock():
                return
            if time.monotonic() >= deadline:
                raise LockTimeout(self.path)
            delay = min(delay * 2, 0.01)

    def release(self) -> None:
        if self._depth == 0:
            raise RuntimeError("release of a lock that is not held")
        self._depth -= 1
        if self._depth:
            return
        if self._fallback is not None:  # pragma: no cover - not POSIX
            self._fallback.release()
        elif self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._opened = False

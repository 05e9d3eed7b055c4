"""The inter-process lock around each read-modify-write of a session file.

On POSIX systems this is ``fcntl.flock`` on a lock file that stays open for the life of
the :class:`SessionLock`: taking and releasing it is two system calls, which matters
when a captured action must be durable within a millisecond. (The ``filelock`` package
opens, locks and closes the file on every acquisition and costs 0.1-0.2 ms of Python
per cycle; it is used where ``fcntl`` does not exist.)

The lock file (``NAME.json.lock``) is never deleted, so every process locks the same
inode. The lock is released by the kernel when a process dies, kill -9 included.
"""

from __future__ import annotations

import os
import time

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]
    import filelock  # only here: importing it costs more than the whole lock does

__all__ = ["LockTimeout", "SessionLock"]


class LockTimeout(Exception):
    pass


class SessionLock:
    """An exclusive, re-entrant (within one thread of control) inter-process lock.

    Not thread-safe by itself: the session file serialises its threads first.
    """

    def __init__(self, path: str, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._depth = 0
        self._fd: int | None = None
        self._fallback = None if fcntl else filelock.FileLock(path, timeout=timeout, mode=0o600)

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
            if self._fd is None:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
        self._depth = 1
        return True

    def _flock(self) -> None:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        deadline = time.monotonic() + self.timeout
        delay = 0.0005
        while True:
            time.sleep(delay)
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(self.path) from None
                delay = min(delay * 2, 0.01)

    def release(self) -> None:
        if self._depth == 0:
            raise RuntimeError("release of a lock that is not held")
        self._depth -= 1
        if self._depth:
            return
        if self._fallback is not None:  # pragma: no cover - not POSIX
            self._fallback.release()
        else:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

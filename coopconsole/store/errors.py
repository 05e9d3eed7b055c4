"""The store's errors: each one is worded for the user, names the file, and says what to do.

A :class:`StoreError` ends a command with exit status 2 and its message; none of them
leaves a session file changed.
"""

from __future__ import annotations

from pathlib import Path

from coopconsole.store.storage import NotAFileError, UnreadableFileError


class StoreError(Exception):
    """A problem with the sessions folder or a session file, worded for the user."""

    exit_code = 2


class SessionNotFound(StoreError):
    pass


class SessionExists(StoreError):
    pass


class BadSessionName(StoreError):
    pass


class CorruptSession(StoreError):
    pass


class SessionBusy(StoreError):
    pass


class SessionUnreadable(StoreError):
    pass


class SessionReadOnly(StoreError):
    """The session can be read but not changed (a read-only folder, or a file its owner
    made read-only); raised before anything is written."""


def unreadable(path: Path, exc: UnreadableFileError) -> SessionUnreadable:
    if isinstance(exc, NotAFileError) or isinstance(exc.error, IsADirectoryError):
        fix = "Rename it, or move it out of the sessions folder."
    else:
        fix = "Check the file's permissions and the disk, or move the file out of the sessions folder."
    return SessionUnreadable(f"The session file {path} cannot be read: {exc.detail}. It was not changed. {fix}")


def corrupt_message(path: Path, detail: str, record: bool = False) -> str:
    fix = "correct that record in an editor, " if record else ""
    return (
        f"The session file {path} cannot be read: {detail}. It has been left exactly as it was. "
        f"Restore it from a backup, {fix}or move it out of the sessions folder to start again."
    )


def read_only_file(path: Path, mode: int) -> SessionReadOnly:
    return SessionReadOnly(
        f"The session file {path} is read-only (mode {mode:04o}), so it was not changed. "
        f"Reading it still works; to change it, make it writable again (chmod u+w '{path}')."
    )


def read_only_folder(path: Path, lock: str, reason: OSError) -> SessionReadOnly:
    return SessionReadOnly(
        f"The session file {path} can only be read here: its lock file {lock} cannot be opened for "
        f"writing ({reason.strerror or reason}). Nothing was changed. To change the session, make the "
        "sessions folder writable for you, or copy the session into one that is."
    )

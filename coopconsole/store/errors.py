"""The store's errors: each one is worded for the user, names the file, and says what to do.

A :class:`StoreError` ends a command with exit status 2 and its message; none of them
leaves a session file changed.
"""

from __future__ import annotations

from pathlib import Path

from coopconsole.store.storage import UnreadableFileError


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


def unreadable(path: Path, exc: UnreadableFileError) -> SessionUnreadable:
    if isinstance(exc.error, IsADirectoryError):
        fix = "Rename that folder, or move it out of the sessions folder."
    else:
        fix = "Check the file's permissions and the disk, or move the file out of the sessions folder."
    return SessionUnreadable(f"The session file {path} cannot be read: {exc.detail}. It was not changed. {fix}")


def corrupt_message(path: Path, detail: str, record: bool = False) -> str:
    fix = "correct that record in an editor, " if record else ""
    return (
        f"The session file {path} cannot be read: {detail}. It has been left exactly as it was. "
        f"Restore it from a backup, {fix}or move it out of the sessions folder to start again."
    )

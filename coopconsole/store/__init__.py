"""Persistence: one crash-safe TinyDB file per session. The only code that knows TinyDB."""

from .errors import (
    BadSessionName,
    CorruptSession,
    SessionBusy,
    SessionExists,
    SessionNotFound,
    SessionUnreadable,
    StoreError,
)
from .names import check_name, sessions_folder
from .folder import SessionStore, SessionSummary
from .sessions import SessionFile

__all__ = [
    "BadSessionName",
    "CorruptSession",
    "SessionBusy",
    "SessionExists",
    "SessionFile",
    "SessionNotFound",
    "SessionStore",
    "SessionSummary",
    "SessionUnreadable",
    "StoreError",
    "check_name",
    "sessions_folder",
]

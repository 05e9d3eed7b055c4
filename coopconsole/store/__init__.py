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
from .sessions import SessionFile, SessionStore, SessionSummary, check_name, sessions_folder

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

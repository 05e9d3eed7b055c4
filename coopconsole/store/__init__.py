"""Persistence: one crash-safe TinyDB file per session. The only code that knows TinyDB."""

from coopconsole.store.errors import (
    BadSessionName,
    CorruptSession,
    SessionBusy,
    SessionExists,
    SessionNotFound,
    SessionReadOnly,
    SessionUnreadable,
    StoreError,
)
from coopconsole.store.folder import SessionStore, SessionSummary
from coopconsole.store.session_names import check_name, sessions_folder
from coopconsole.store.sessions import SessionFile

__all__ = [
    "BadSessionName",
    "CorruptSession",
    "SessionBusy",
    "SessionExists",
    "SessionFile",
    "SessionNotFound",
    "SessionReadOnly",
    "SessionStore",
    "SessionSummary",
    "SessionUnreadable",
    "StoreError",
    "check_name",
    "sessions_folder",
]

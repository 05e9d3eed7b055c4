"""Persistence: one crash-safe TinyDB file per session. The only code that knows TinyDB."""

from .sessions import (
    BadSessionName,
    CorruptSession,
    SessionBusy,
    SessionExists,
    SessionFile,
    SessionNotFound,
    SessionStore,
    SessionSummary,
    StoreError,
    check_name,
    sessions_folder,
)

__all__ = [
    "BadSessionName",
    "CorruptSession",
    "SessionBusy",
    "SessionExists",
    "SessionFile",
    "SessionNotFound",
    "SessionStore",
    "SessionSummary",
    "StoreError",
    "check_name",
    "sessions_folder",
]

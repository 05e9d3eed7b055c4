"""One field of a record, as the session file writes it, and texts cleaned on the way in.

Shared by every table's codec (:mod:`.codecs`, :mod:`.action_codec`).
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, datetime, time
from typing import Any

from coopconsole.domain.model import Note, Session
from coopconsole.domain.typed_text import clean_block, clean_line

SCHEMA_VERSION = 1

#: One record of a table, as JSON.
Record = dict[str, Any]


def moment_text(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def day_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def time_text(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def cleaned(obj: Any) -> Any:
    """``obj`` with control characters removed from its text fields (notes keep line breaks)."""
    changes: dict[str, object] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        clean: object
        if isinstance(value, str):
            clean = clean_block(value) if isinstance(obj, Note) and f.name == "text" else clean_line(value)
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            clean = tuple(clean_line(v) for v in value)
        else:
            continue
        if clean != value:
            changes[f.name] = clean
    if not changes:
        return obj
    if isinstance(obj, Session):
        for key, value in changes.items():
            setattr(obj, key, value)
        return obj
    return replace(obj, **changes)

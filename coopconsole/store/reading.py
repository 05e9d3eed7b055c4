"""Reading a session file, for an open handle and for a look that reads a file once: the
storage's failures worded for the user, the document refused if a newer coopconsole wrote
it or it is not laid out as a session, and the session decoded from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import coopconsole.store.codecs as rec
import coopconsole.store.validate as check
from coopconsole.domain.model import Session
from coopconsole.store.decoding import Decoded, session_from_document
from coopconsole.store.errors import CorruptSession, SessionNotFound, corrupt_message, unreadable
from coopconsole.store.storage import AtomicJSONStorage, CorruptFileError, UnreadableFileError


def storage_call(path: Path, call: Callable[[], Any]) -> Any:
    """``call()`` on the storage of ``path``, its failures worded for the user."""
    try:
        return call()
    except UnreadableFileError as exc:
        raise unreadable(path, exc) from None
    except CorruptFileError as exc:
        raise CorruptSession(corrupt_message(path, exc.detail)) from None
    except FileNotFoundError:
        raise SessionNotFound(
            f"The session file {path} is no longer there: another program moved or deleted it."
        ) from None


def check_document(path: Path, document: dict[str, Any], tables: tuple[str, ...] = rec.TABLES) -> None:
    """Refuse a document written by a newer coopconsole or not laid out as a session
    (``tables``: the ones to be read; the others are not looked at: a look across the
    folder that reads the actions is not stopped by another table of a newer schema)."""
    try:
        newest = check.newest_schema(document, None if tables == rec.TABLES else (rec.META, *tables))
        if newest > rec.SCHEMA_VERSION:
            raise CorruptSession(
                f"{path} was written by a newer coopconsole (schema {newest}, this one reads "
                f"{rec.SCHEMA_VERSION}). Upgrade coopconsole to open it; the file was not changed."
            )
        check.check_layout(document, tables, rec.META)
    except check.Malformed as exc:
        raise CorruptSession(corrupt_message(path, str(exc), record=bool(exc.where))) from None


def decode_session(
    path: Path,
    document: dict[str, dict[str, Any]],
    name: str,
    tables: tuple[str, ...] | None = None,
    kept: Decoded | None = None,
) -> Session:
    """The session in ``document`` (``tables``: only those; ``kept``: what the file's
    last decoding made; see ``decoding.session_from_document``)."""
    try:
        return session_from_document(document, name, tables, kept)
    except check.Malformed as exc:
        raise CorruptSession(corrupt_message(path, str(exc), record=True)) from None
    except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
        # validate's rules should leave nothing to fail here; if one does, it is
        # still this file's fault, and still no traceback.
        raise CorruptSession(corrupt_message(path, f"a record is malformed ({exc!r})")) from None


def read_document(path: Path, tables: tuple[str, ...] = rec.TABLES) -> dict[str, dict[str, Any]]:
    """The document of the session file ``path``, read once, without the lock, and
    checked as every read is (a file is only ever replaced whole: this is one version);
    ``tables``: those that will be read (the layout of the others is not checked)."""
    storage = AtomicJSONStorage(path)
    try:
        document: dict[str, dict[str, Any]] = storage_call(path, storage.read) or {}
    finally:
        storage.close()
    check_document(path, document, tables)
    return document

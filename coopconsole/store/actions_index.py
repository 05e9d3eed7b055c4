"""The index of a sessions folder's actions: ``.actions-index``, a hidden file beside the
sessions, so that a look across the folder (``coopconsole actions``, the board) reads
only the files that changed since the last look.

What it holds: for each series, every action as it stands now (the merge of its copies,
see ``coopconsole.service.series``), with the stamp of every session file of the series
it was made from; and the message of each file that could not be read, with its stamp.
A file's stamp is what ``stat`` says of it: inode, size, modification and change times
(ns). A session file is only ever replaced whole, by a rename, so a save gives it a new
inode; an edit in place by another program changes its size or times.

The rules that keep it from ever showing stale data:

* **A stamp is taken before the file is read**, so what the index holds is at least as
  new as the stamp it is filed under; a later change gives another stamp.
* **Used only where every stamp matches.** A series is taken from the index only when
  every file it was made from has the same stamp now and no other file joined it; any
  other series (a file changed, added, removed, or read for the first time) is made again
  from its files.
* **A file changed in the last** :data:`RACY_NS` (two seconds) **is not filed**: two
  changes within one tick of the file system's clock could leave the same stamp, so such
  a series is made from its files again next time, until its files are older.
* **Only a sound index of this folder is used.** The file starts with a line naming the
  format, its version, the session schema, the folder it describes (resolved) and the
  length and CRC-32 of what follows. An index that fails any check (torn, edited, of
  another version, copied from another folder, holding a character the session files'
  decoder would have removed, a field of the wrong type) is ignored as a whole, and
  written again.
* **Written whole or not at all**, owner-only (``0600``), by ``coopconsole.files.write_atomic``
  (a temporary file renamed over it): two processes writing it at once leave one of their
  two versions, each sound. A folder that cannot be written (read-only, full) keeps no
  index: the look reads every file, as it would without one, and says nothing.

Texts in the index were cleaned on their way in (they come from decoded session files);
every text the listing reads from it is checked to be as that cleaning leaves it
(``isprintable`` first, which nearly every text is): an index holding a control
character, a line break or a bidirectional control is not used.
"""

from __future__ import annotations

import os
import stat
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from coopconsole.domain.model import ActionStatus
from coopconsole.domain.series import Latest
from coopconsole.domain.typed_text import clean_line
from coopconsole.files import PRIVATE_FILE, FileRefused, read_regular, write_atomic
from coopconsole.store.action_codec import action_from, action_record
from coopconsole.store.fields import SCHEMA_VERSION

INDEX_NAME = ".actions-index"
_FORMAT = "coopconsole-actions-index"
_VERSION = 1
#: A file changed less than this long before it was looked at is not filed (see above).
RACY_NS = 2_000_000_000
#: The largest index read (a folder of 10,000 actions makes about 4 MB).
INDEX_LIMIT = 1 << 28

#: A session file as ``stat`` sees it: inode, size, modification time, change time (ns).
Stamp = tuple[int, int, int, int]
#: One entry of an action's history as a listing shows it: when (ISO 8601, as stored),
#: the state, the remark, the meeting it was made in ("" for the copy's own).
Change = tuple[str, ActionStatus, str, str]

_STATUSES = {status.value: status for status in ActionStatus}


class _Records:
    """The index's records of its actions (the whole of each, for :meth:`IndexedAction.latest`),
    parsed only when one is first asked for: a listing never needs them."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._parsed: list[Any] | None = None

    def __getitem__(self, position: int) -> dict[str, Any]:
        if self._parsed is None:
            try:
                parsed = orjson.loads(self._raw)
            except orjson.JSONDecodeError:
                raise IndexUnusable from None
            if type(parsed) is not list:
                raise IndexUnusable
            self._parsed = parsed
        try:
            record = self._parsed[position]
        except IndexError:
            raise IndexUnusable from None
        if type(record) is not dict:
            raise IndexUnusable
        return record


class IndexedAction:
    """One action of the folder as it stands now, with what a listing needs of it read
    out; :meth:`latest` gives it as the domain has it (decoded only when asked)."""

    __slots__ = (
        "meeting",
        "number",
        "origin",
        "series",
        "deliverable",
        "owner",
        "organisation",
        "deadline",
        "status",
        "carried",
        "history",
        "_records",
        "_position",
        "_latest",
    )

    def __init__(
        self,
        meeting: str,
        number: int,
        origin: str,
        series: str,
        listed: tuple[str, str, str, date | None, ActionStatus, int, tuple[Change, ...]],
    ) -> None:
        self.meeting = meeting  # the session holding its newest copy
        self.number = number  # its number there
        self.origin = origin  # "meeting#N" where it was first captured
        self.series = series
        self.deliverable, self.owner, self.organisation, self.deadline, self.status, self.carried, changes = listed
        #: Its history, the first first (the states and remarks of all its copies).
        self.history = changes
        self._records: _Records | None = None
        self._position = 0
        self._latest: Latest | None = None

    @classmethod
    def of(cls, latest: Latest) -> IndexedAction:
        """The row of an action just merged from its files."""
        a = latest.action
        changes = tuple((c.at.isoformat(), c.status, c.remark, c.meeting) for c in a.history)
        listed = (a.deliverable, a.owner, a.organisation, a.deadline, a.status, a.carried, changes)
        row = cls(latest.meeting, a.id, latest.origin, latest.series, listed)
        row._latest = latest
        return row

    def latest(self) -> Latest:
        """The action as the domain has it; :class:`IndexUnusable` if the index's record
        of it does not decode (the index is then not to be used)."""
        if self._latest is None:
            assert self._records is not None
            try:
                action = action_from(self.number, self._records[self._position])
            except ValueError:  # validate.Malformed: a record the quick checks let through
                raise IndexUnusable from None
            self._latest = Latest(self.meeting, action, self.origin, self.series)
        return self._latest

    def listed(self) -> list[Any]:
        """The row as the index lists it."""
        deadline = None if self.deadline is None else self.deadline.isoformat()
        changes = [[at, status.value, remark, meeting] for at, status, remark, meeting in self.history]
        fields = (self.deliverable, self.owner, self.organisation, deadline, self.status.value, self.carried)
        return [self.meeting, self.number, self.origin, *fields, changes]

    def record(self) -> dict[str, Any]:
        """The whole action as the index keeps it (as a session file does)."""
        if self._latest is not None:
            return action_record(self._latest.action)
        assert self._records is not None
        return self._records[self._position]


class IndexUnusable(Exception):
    """The index, or a row of it, fails a check: it is not to be used."""


@dataclass
class SeriesEntry:
    """One series as the index has it: the stamps of its files, its actions, and the
    messages of the records of its files that could not be decoded."""

    files: dict[str, Stamp | None]  # None: a file that could not be looked at (never filed)
    rows: list[IndexedAction]
    damaged: list[str] = field(default_factory=list)


@dataclass
class ActionsIndex:
    """The index as read (empty if there was none, or none that could be used)."""

    series: dict[str, SeriesEntry] = field(default_factory=dict)
    damaged: dict[str, tuple[Stamp, str]] = field(default_factory=dict)  # file -> (stamp, message)


def racy(stamp: Stamp, now_ns: int) -> bool:
    """Whether a file with ``stamp``, looked at at ``now_ns``, changed too recently to be filed."""
    return stamp[2] > now_ns - RACY_NS


def index_path(folder: Path) -> Path:
    return folder / INDEX_NAME


def load_index(folder: Path) -> ActionsIndex:
    """The index of ``folder``; an empty one if there is none or it fails a check."""
    try:
        raw = read_regular(index_path(folder), INDEX_LIMIT, "")  # never a pipe, never without end
    except (OSError, FileRefused):
        return ActionsIndex()
    try:
        return _parsed(raw, _resolved(folder))
    except (IndexUnusable, orjson.JSONDecodeError, KeyError, IndexError, TypeError, ValueError, AttributeError):
        return ActionsIndex()


def _resolved(folder: Path) -> str:
    return str(folder.resolve())


def _parsed(raw: bytes, folder: str) -> ActionsIndex:
    """The index in ``raw``: a line of JSON saying what it is, then the listing (the
    files, their series and the rows of their actions), then the whole records."""
    head, _, rest = raw.partition(b"\n")
    header = orjson.loads(head)
    if (
        type(header) is not dict
        or header.get("format") != _FORMAT
        or header.get("v") != _VERSION
        or header.get("schema") != SCHEMA_VERSION
        or header.get("folder") != folder
        or header.get("crc") != zlib.crc32(rest)
    ):
        raise IndexUnusable
    split = _listing_size(header.get("listing"), len(rest))
    body, records = rest[:split], _Records(rest[split:])
    payload = orjson.loads(body)
    index = ActionsIndex()
    for name, (stamp, message) in payload["damaged"].items():
        index.damaged[name] = (_stamp(stamp), _text(message))
    position = 0
    for series, entry in payload["series"].items():
        files = {name: _stamp(stamp) for name, stamp in entry["files"].items()}
        rows = []
        for item in entry["actions"]:
            row = _row(item, series)
            row._records, row._position = records, position
            position += 1
            rows.append(row)
        index.series[series] = SeriesEntry(dict(files), rows, [_text(m) for m in entry["damaged"]])
    named = [f for entry in index.series.values() for f in entry.files]
    if len(set(named) | set(index.damaged)) != len(named) + len(index.damaged):
        raise IndexUnusable  # a file in two places
    return index


def _listing_size(value: object, whole: int) -> int:
    if type(value) is not int or not 0 < value <= whole:
        raise IndexUnusable
    return value


def _text(value: object) -> str:
    _texts(value)
    assert isinstance(value, str)
    return value


def _stamp(value: object) -> Stamp:
    if type(value) is not list or len(value) != 4 or any(type(n) is not int for n in value):
        raise IndexUnusable
    return (value[0], value[1], value[2], value[3])


def _row(item: list[Any], series: str) -> IndexedAction:
    """A row of the listing, every field checked (the record's are when it is decoded).
    Each text must be as the session files' decoder leaves it: ``isprintable`` (of all of
    them at once) rules out every control character, line break and bidirectional
    control; the rare text it does not pass (one with an ideographic space, say) must be
    as ``clean_line`` leaves it. Joining them is also the check that each is a text."""
    meeting, number, origin, deliverable, owner, organisation, deadline, status, carried, history = item
    if type(number) is not int or type(carried) is not int:
        raise IndexUnusable
    texts = [meeting, origin, deliverable, owner, organisation]
    for change in history:
        texts += change
    if not "".join(texts).isprintable():
        _texts(*texts)
    day = None if deadline is None else date.fromisoformat(deadline)
    changes = tuple([(at, _STATUSES[moved], remark, made_in) for at, moved, remark, made_in in history])
    listed = (deliverable, owner, organisation, day, _STATUSES[status], carried, changes)
    return IndexedAction(meeting, number, origin, series, listed)


def _texts(*values: object) -> None:
    """Each of ``values`` a text as the session files' decoder leaves it, else the index is not used."""
    for value in values:
        if type(value) is not str or not value.isprintable() and clean_line(value) != value:
            raise IndexUnusable


def save_index(folder: Path, index: ActionsIndex) -> bool:
    """Write ``index`` as ``folder``'s, whole or not at all; False (and nothing said) if
    the folder will not take it (read-only, full, gone)."""
    payload = {
        "damaged": {name: [list(stamp), message] for name, (stamp, message) in index.damaged.items()},
        "series": {
            name: {
                "files": {file: stamp and list(stamp) for file, stamp in entry.files.items()},
                "damaged": entry.damaged,
                "actions": [row.listed() for row in entry.rows],
            }
            for name, entry in index.series.items()
        },
    }
    path = index_path(folder)
    try:
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return False  # not ours to replace: a link, a folder, a pipe...
        except FileNotFoundError:
            pass
        body = orjson.dumps(payload)
        records = orjson.dumps([row.record() for entry in index.series.values() for row in entry.rows])
        header = {
            "format": _FORMAT,
            "v": _VERSION,
            "schema": SCHEMA_VERSION,
            "folder": _resolved(folder),
            "listing": len(body),
            "crc": zlib.crc32(records, zlib.crc32(body)),
        }
        write_atomic(path, orjson.dumps(header) + b"\n" + body + records, PRIVATE_FILE)
    except (OSError, IndexUnusable):
        return False
    return True


def stamp_of(path: Path) -> Stamp | None:
    """``path``'s stamp (links followed); None if it cannot be looked at."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

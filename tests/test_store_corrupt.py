"""Damaged session files: a clear error that names the file, and the file left as it was.

Every variant is written as another program (or a person with an editor) would leave it,
then read through the store and the command line. Each must fail with a StoreError whose
message names the file (and, for one bad record, its table and id) and says what to do,
and the file's bytes must be exactly what they were, whatever was attempted.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.domain.model import ActionItem, Decision, Event, EventKind, Goal, GoalTier, Note, ParkedItem, Stance
from coopconsole.store import CorruptSession, SessionNotFound, SessionStore, SessionUnreadable, StoreError
from coopconsole.store import sessions as sessions_module
from tests.support.sessions import small_session

NOW = datetime(2026, 12, 8, 9, 30, tzinfo=UTC)
DELETE = object()  # the field is removed from the record


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def written(store, session):
    """A session on disk with records in every table; returns (path, its document)."""
    with store.create(session) as handle:
        handle.add(Goal(0, GoalTier.PRIMARY, "Agree on the pilot"))
        handle.add(Event(0, NOW, EventKind.START))
        handle.add(Event(0, NOW, EventKind.SPEAKER, participant=3))
        handle.add(ActionItem(0, "Send the draft MOU", owner="Alice Chen", owner_id=1, deadline=date(2026, 12, 15)))
        handle.add(Decision(0, "Pilot in Q1", item=2, agreement=(("Company A", Stance.AGREE),)))
        handle.add(Note(0, "Data stays on site", item=2, created_at=NOW))
        handle.add(ParkedItem(0, "Pricing", raised_by="Bruno Silva", raised_by_id=2))
    path = store.path_for(session.name)
    return path, json.loads(path.read_bytes())


def _write(path, document) -> str:
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return sha256(path)


def _edit(path, content: bytes) -> str:
    """Rewrite ``path`` in place, as an editor would, a second later than it was.

    The kernel's file clock is coarse: an edit of the same size in the same tick as the
    last write would not show (the store notices in-place edits by size and mtime).
    """
    st = os.stat(path)
    path.write_bytes(content)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    return sha256(path)


def _run(folder, *args):
    return CliRunner().invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)


# (table, record id, field, value): one wrong field in an otherwise good file
MALFORMED = [
    ("meta", "1", "title", 12345),
    ("meta", "1", "date", "2026-13-01"),
    ("meta", "1", "start", "25:00"),
    ("meta", "1", "start", "09:00+08:00"),
    ("meta", "1", "lang", None),
    ("meta", "1", "created_at", "2026-12-08T09:30:00"),  # no UTC offset
    ("goals", "1", "tier", "secondary"),
    ("goals", "1", "text", DELETE),
    ("goals", "1", "achieved", "yes"),
    ("goals", "1", "achieved", 1),
    ("participants", "4", "name", 5),
    ("participants", "2", "role", "boss"),
    ("participants", "3", "attendance", True),
    ("participants", "1", "arrived_at", "yesterday"),
    ("participants", "1", "organisation", None),
    ("agenda", "2", "minutes", "abc"),
    ("agenda", "2", "minutes", True),
    ("agenda", "2", "minutes", 1.5),
    ("agenda", "2", "minutes", 10**9),
    ("agenda", "3", "sub_points", "a, b"),
    ("agenda", "3", "sub_points", [1, 2]),
    ("agenda", "4", "kind", "lunch"),
    ("agenda", "1", "start", 930),
    ("agenda", "1", "title", DELETE),
    ("events", "2", "t", "2026-12-08T09:30:00+00:00"),
    ("events", "2", "t", True),
    ("events", "2", "t", 1.5),
    ("events", "2", "t", -(10**15)),
    ("events", "2", "t", DELETE),
    ("events", "1", "k", "shout"),
    ("events", "1", "k", ["speaker"]),
    ("events", "1", "k", DELETE),
    ("events", "2", "p", True),
    ("events", "2", "p", "3"),
    ("events", "2", "i", 2.0),
    ("events", "2", "m", "5"),
    ("events", "2", "a", "1"),  # the item an added or moved item follows
    ("events", "2", "x", 7),  # a new title
    ("agenda", "1", "added_at", "10:12"),
    ("participants", "1", "walked_in", "yes"),
    ("actions", "1", "deliverable", None),
    ("actions", "1", "deadline", "2026-02-30"),
    ("actions", "1", "status", "finished"),
    ("actions", "1", "owner_id", True),
    ("actions", "1", "smart", "vague"),
    ("actions", "1", "smart", [None]),
    ("actions", "1", "item", "1"),
    ("decisions", "1", "agreement", {"Company A": "maybe"}),
    ("decisions", "1", "agreement", ["agree"]),
    ("decisions", "1", "item", False),
    ("decisions", "1", "created_at", 20261208),
    ("notes", "1", "text", None),
    ("notes", "1", "created_at", "08/12/2026 09:30"),
    ("notes", "1", "item", "x"),
    ("parked", "1", "resolution", "closed"),
    ("parked", "1", "target", "x"),
    ("parked", "1", "raised_by_id", 1.0),
    ("parked", "1", "raised_by", None),
]


def _ident(case):
    table, key, field, value = case
    return f"{table}.{key}.{field}={'DELETE' if value is DELETE else json.dumps(value)}"


def _malform(document, table, key, field, value):
    record = document[table][key]
    if value is DELETE:
        del record[field]
    else:
        record[field] = value
    return document


@pytest.mark.parametrize("case", MALFORMED, ids=[_ident(c) for c in MALFORMED])
def test_a_malformed_field_is_refused_naming_file_table_and_record(store, session, written, case):
    path, document = written
    table, key, field, value = case
    before = _write(path, _malform(document, table, key, field, value))
    with pytest.raises(CorruptSession) as info:
        store.open(session.name)
    message = str(info.value)
    assert str(path) in message
    assert f"record {key} of the {table} table" in message and f'"{field}"' in message
    assert "left exactly as it was" in message and "Restore it from a backup" in message
    assert sha256(path) == before


@pytest.mark.parametrize("case", [c for c in MALFORMED if c[0] in ("meta", "agenda", "events")], ids=_ident)
def test_the_command_line_refuses_a_malformed_field_with_status_2(store, session, written, case):
    path, document = written
    before = _write(path, _malform(document, *case))
    for args in (("show", session.name), ("add", session.name, "note", "hello"), ("open", session.name)):
        result = _run(store.folder, *args)
        assert result.exit_code == 2, args
        assert str(path) in result.stderr and "Traceback" not in result.stderr
        assert sha256(path) == before
    listing = _run(store.folder, "list")
    assert listing.exit_code == 0 and "damaged" in listing.stdout
    assert sha256(path) == before


def _no_meta(document):
    del document["meta"]
    return json.dumps(document).encode()


def _set(table, key, record):
    def change(document):
        document[table][key] = record
        return json.dumps(document).encode()

    return change


def _schema(value):
    def change(document):
        document["notes"]["1"]["v"] = value
        return json.dumps(document).encode()

    return change


def _renumber(new_key):
    def change(document):
        document["agenda"][new_key] = document["agenda"].pop("2")
        return json.dumps(document).encode()

    return change


# whole-file damage: (id, the new bytes from the good document, words the message must hold)
DAMAGED = [
    ("zero-bytes", lambda d: b"", "empty"),
    ("whitespace", lambda d: b" \n\t\n", "empty"),
    ("empty-object", lambda d: b"{}", '"meta"'),
    ("tables-no-meta", _no_meta, '"meta"'),
    ("empty-meta-table", lambda d: json.dumps({**d, "meta": {}}).encode(), '"meta"'),
    ("meta-not-record-1", lambda d: json.dumps({**d, "meta": {"2": d["meta"]["1"]}}).encode(), '"meta"'),
    ("record-not-object", _set("goals", "1", 5), "record 1 of the goals table"),
    ("record-id-not-a-number", _renumber("x"), '"x"'),
    ("record-id-leading-zero", _renumber("02"), '"02"'),
    ("schema-version-text", _schema("1"), "record 1 of the notes table"),
    ("schema-version-bool", _schema(True), "record 1 of the notes table"),
    ("truncated", lambda d: json.dumps(d).encode()[:120], "not valid JSON"),
]


@pytest.mark.parametrize("damage", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_a_damaged_file_is_refused_and_left_alone(store, session, written, damage):
    path, document = written
    _, make, words = damage
    path.write_bytes(make(document))
    before = sha256(path)
    with pytest.raises(CorruptSession) as info:
        store.open(session.name)
    assert str(path) in str(info.value) and words in str(info.value)
    assert "left exactly as it was" in str(info.value)
    assert sha256(path) == before


@pytest.mark.parametrize("damage", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_an_open_session_damaged_by_another_program_is_never_written(store, session, written, damage):
    path, document = written
    handle = store.open(session.name)
    before = _edit(path, damage[1](document))
    for _attempt in range(2):  # refused again: the refusal is not remembered as "seen"
        with pytest.raises(CorruptSession):
            handle.add(Note(0, "written into a damaged file?"))
        with pytest.raises(CorruptSession):
            handle.load()
    assert sha256(path) == before
    handle.close()


def test_an_open_session_with_a_field_malformed_by_another_program_is_never_written(store, session, written):
    path, document = written
    handle = store.open(session.name)
    before = _edit(path, json.dumps(_malform(document, "agenda", "2", "minutes", "abc")).encode())
    for _attempt in range(2):
        with pytest.raises(CorruptSession, match="record 2 of the agenda table"):
            handle.add(Note(0, "written into a damaged file?"))
    assert sha256(path) == before
    handle.close()


@pytest.mark.parametrize("content", [b"", b"{}"])
def test_the_command_line_refuses_an_empty_session(store, session, written, content):
    path, _ = written
    path.write_bytes(content)
    for args in (("show", session.name), ("add", session.name, "note", "hello"), ("open", session.name)):
        result = _run(store.folder, *args)
        assert result.exit_code == 2 and str(path) in result.stderr, args
        assert path.read_bytes() == content


def test_a_new_session_is_still_created_and_read(store, session):
    with store.create(session) as handle:
        assert handle.load().title == session.title
        assert handle.add(Note(0, "first")).id == 1
    assert [n.text for n in store.open(session.name).load().notes] == ["first"]


def test_creating_over_an_empty_file_is_refused(store, session):
    store.folder.mkdir(parents=True)
    path = store.path_for(session.name)
    path.write_bytes(b"")
    with pytest.raises(StoreError):
        store.create(session)
    assert path.read_bytes() == b""


# -- the system refuses to read ----------------------------------------------------


def test_a_folder_in_place_of_a_session_file(store, session):
    store.create(session).close()
    (store.folder / "x.json").mkdir()
    with pytest.raises(SessionUnreadable) as info:
        store.open("x")
    assert str(store.path_for("x")) in str(info.value) and "folder" in str(info.value)
    for args in (("show", "x"), ("add", "x", "note", "hello"), ("open", "x")):
        result = _run(store.folder, *args)
        assert result.exit_code == 2 and "x.json" in result.stderr and "Traceback" not in result.stderr
    assert (store.folder / "x.json").is_dir() and not list((store.folder / "x.json").iterdir())
    listing = _run(store.folder, "list")
    assert listing.exit_code == 0 and "damaged" in listing.stdout and session.title in listing.stdout


def test_an_io_error_while_reading_names_the_file(store, session, written, monkeypatch):
    path, _ = written
    before = sha256(path)

    def failing_read(fd, size):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "read", failing_read)
    with pytest.raises(SessionUnreadable) as info:
        store.open(session.name)
    assert str(path) in str(info.value) and "Input/output error" in str(info.value)
    monkeypatch.undo()
    assert sha256(path) == before


def test_a_file_the_system_will_not_even_stat(store, session, written, monkeypatch):
    path, _ = written
    real_stat = os.stat

    def denied(target, *args, **kwargs):
        if str(target) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return real_stat(target, *args, **kwargs)

    monkeypatch.setattr(os, "stat", denied)
    with pytest.raises(SessionUnreadable) as info:
        store.open(session.name)
    assert str(path) in str(info.value) and "Permission denied" in str(info.value)
    [summary] = store.summaries()
    assert summary.session is None and str(path) in summary.error


def test_a_file_without_read_permission(store, session, written):
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    path, _ = written
    os.chmod(path, 0)
    try:
        with pytest.raises(SessionUnreadable) as info:
            store.open(session.name)
        assert str(path) in str(info.value) and "ermission" in str(info.value)
    finally:
        os.chmod(path, 0o600)


def test_a_session_file_deleted_while_open(store, session, written):
    path, _ = written
    handle = store.open(session.name)
    path.unlink()
    with pytest.raises(SessionNotFound, match="no longer there"):
        handle.load()
    with pytest.raises(SessionNotFound):
        handle.add(Note(0, "into nothing"))
    assert not path.exists()
    handle.close()


# -- the listing survives -----------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        ("malformed-field", lambda path, d: _write(path, _malform(d, "meta", "1", "title", 12345))),
        ("zero-bytes", lambda path, d: path.write_bytes(b"")),
        ("no-meta", lambda path, d: path.write_bytes(_no_meta(d))),
        ("torn", lambda path, d: path.write_bytes(b'{"meta": {"1"')),
        ("folder", lambda path, d: (path.unlink(), path.mkdir())),
    ],
    ids=lambda damage: damage[0],
)
def test_summaries_survive_a_bad_file_next_to_a_good_one(store, session, written, damage):
    path, document = written
    bad = path.with_name("bad.json")
    path.rename(bad)
    damage[1](bad, document)
    store.create(small_session("good")).close()
    summaries = {s.name: s for s in store.summaries()}
    assert set(summaries) == {"bad", "good"}
    assert summaries["good"].session is not None and summaries["good"].session.title == session.title
    assert summaries["bad"].session is None and str(bad) in summaries["bad"].error


def test_summaries_survive_an_unexpected_failure(store, monkeypatch):
    store.create(small_session("good")).close()
    store.create(small_session("odd")).close()
    real_load = sessions_module.SessionFile.load

    def load(self):
        if self.name == "odd":
            raise RuntimeError("something nobody foresaw")
        return real_load(self)

    monkeypatch.setattr(sessions_module.SessionFile, "load", load)
    summaries = {s.name: s for s in store.summaries()}
    assert summaries["good"].session is not None
    assert summaries["odd"].session is None and "something nobody foresaw" in summaries["odd"].error
    assert "odd.json" in summaries["odd"].error


# -- what coopconsole writes, it reads ------------------------------------------------


def test_every_record_the_store_writes_passes_the_checks(store, written):
    path, document = written
    loaded = SessionStore(store.folder).open(path.stem).load()
    counts = {table: len(rows) for table, rows in document.items()}
    assert (len(loaded.goals), len(loaded.events), len(loaded.actions)) == (
        counts["goals"],
        counts["events"],
        counts["actions"],
    )
    assert loaded.events[1].at == NOW and loaded.events[1].participant == 3


@pytest.mark.parametrize(
    "record",
    [
        {"deliverable": "send the MOU"},
        {"deliverable": " two  spaces ", "owner": "Alice\u202e", "deadline": "", "created_at": None},
        {
            "deliverable": "x",
            "deadline": "2026-12-15",
            "created_at": "2026-12-08T09:00:00+08:00",
            "smart": ["owner-missing"],
        },
        {
            "deliverable": "x",
            "status": "todo",
            "history": [{"at": "2026-12-08T09:00:00+08:00", "status": "in_progress", "remark": "a\tb", "meeting": "m"}],
            "origin": "m#1",
            "carried_from": "m#1",
            "carried": 2,
        },
        {"deliverable": "x", "carried": -3, "owner_id": 2, "item": 4},
    ],
)
def test_the_quick_action_decoder_reads_what_the_checked_one_reads(record):
    """Actions are decoded field by field inline; the result is the checked decoder's."""
    from coopconsole.store import action_codec, codecs

    assert codecs.action_from(7, record) == codecs.cleaned(action_codec._action_checked(7, record))


@pytest.mark.parametrize(
    "record, said",
    [
        ({"deliverable": 3}, '"deliverable" should be text'),
        ({"deliverable": "x", "status": "finished"}, '"status" should be one of'),
        ({"deliverable": "x", "history": [{"status": "done"}]}, '"history" entry 1: "at" is missing'),
        ({"deliverable": "x", "history": [{"at": "2026-12-08T09:00:00", "status": "done"}]}, '"history" entry 1'),
        ({"deliverable": "x", "history": "done"}, '"history" should be a list of objects'),
        ({"deliverable": "x", "created_at": "yesterday"}, '"created_at" should be a date and time'),
    ],
)
def test_an_action_the_quick_decoder_refuses_is_said_by_the_checked_one(record, said):
    from coopconsole.store import codecs
    from coopconsole.store.validate import Malformed

    with pytest.raises(Malformed, match=re.escape(said)):
        codecs.action_from(7, record)

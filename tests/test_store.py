"""The store: atomic, private, shared between processes, honest about corrupt files."""

from __future__ import annotations

import errno
import json
import os
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from coopconsole.domain.model import ActionItem, ActionStatus, Event, EventKind, Note, ParkedItem
from coopconsole.store import (
    BadSessionName,
    CorruptSession,
    SessionExists,
    SessionNotFound,
    SessionStore,
)
from coopconsole.store.codecs import SCHEMA_VERSION
from coopconsole.store.storage import is_private

NOW = datetime(2026, 12, 8, 9, 30, tzinfo=UTC)


def test_round_trip_and_plain_tinydb_opens(store, session):
    with store.create(session) as handle:
        action = handle.add(ActionItem(0, "Send the draft MOU", owner="Alice Chen", deadline=date(2026, 12, 15)))
        handle.add(Event(0, NOW, EventKind.SPEAKER, participant=3))
        loaded = handle.load()
    assert action.id == 1
    assert loaded.title == session.title
    assert loaded.participants == session.participants
    assert loaded.agenda == session.agenda
    assert loaded.actions == [action]
    assert loaded.events == [Event(1, NOW, EventKind.SPEAKER, participant=3)]
    plain = TinyDB(store.path_for(session.name))
    assert plain.table("actions").all()[0]["deliverable"] == "Send the draft MOU"
    assert set(plain.tables()) >= {"meta", "participants", "agenda", "actions", "events"}
    plain.close()


def test_every_record_carries_the_schema_version(store, session):
    with store.create(session) as handle:
        handle.add(Note(0, "a note"))
    document = json.loads(store.path_for(session.name).read_text("utf-8"))
    records = [r for table in document.values() for r in table.values()]
    assert records and all(r["v"] == SCHEMA_VERSION for r in records)


def test_session_files_are_private(store, session):
    with store.create(session) as handle:
        handle.add(Note(0, "x"))
        assert is_private(handle.path)
        assert is_private(handle.path.with_name(handle.path.name + ".lock"))


def test_replace_changes_one_record(store, session):
    with store.create(session) as handle:
        a = handle.add(ActionItem(0, "draft", owner="Alice Chen"))
        b = handle.add(ActionItem(0, "report", owner="Bruno Silva"))
        handle.replace(ActionItem(a.id, "draft v2", owner="Alice Chen", status=ActionStatus.DONE))
        loaded = handle.load()
    assert [x.deliverable for x in loaded.actions] == ["draft v2", "report"]
    assert loaded.actions[0].status is ActionStatus.DONE and loaded.actions[1] == b
    assert store.open(session.name).load().actions == loaded.actions


def test_replace_or_remove_of_missing_record_is_refused(store, session):
    with store.create(session) as handle:
        with pytest.raises(SessionNotFound):
            handle.replace(Note(7, "nope"))
        with pytest.raises(SessionNotFound, match="no parked point number 7"):
            handle.remove(ParkedItem(7, "nope"))


def test_removed_ids_are_not_reused_while_open(store, session):
    with store.create(session) as handle:
        first = handle.add(Note(0, "one"))
        second = handle.add(Note(0, "two"))
        handle.remove(second)
        assert handle.add(Note(0, "three")).id == 3
        assert [n.id for n in handle.load().notes] == [first.id, 3]


def test_create_refuses_to_overwrite(store, session):
    store.create(session).close()
    with pytest.raises(SessionExists):
        store.create(session)


def test_open_missing_session(store):
    with pytest.raises(SessionNotFound, match="coopconsole list"):
        store.open("nothing-here")


@pytest.mark.parametrize(
    "name", ["../escape", "/etc/passwd", "a/b", "..", ".hidden", "", "x" * 200, "a\x00b", "trailing.", "-x", "a\\b"]
)
def test_names_that_escape_or_hide_are_refused(store, name):
    with pytest.raises(BadSessionName):
        store.path_for(name)


@pytest.mark.parametrize("name", ["smart-park", "Q4_review.2026", "智算科技推进会", "kickoff 2"])
def test_ordinary_names_are_accepted(store, name):
    assert store.path_for(name).parent == store.folder.resolve()


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"meta": {"1": {"v": 1, "title": "x"', b"[1, 2, 3]", b'{"meta": [1]}', b"\x00\xff\xfe"],
)
def test_corrupt_file_is_reported_and_left_alone(store, session, content):
    path = store.path_for(session.name)
    store.create(session).close()
    path.write_bytes(content)
    with pytest.raises(CorruptSession) as info:
        store.open(session.name).load()
    assert str(path) in str(info.value) and "left exactly as it was" in str(info.value)
    assert path.read_bytes() == content


def test_malformed_record_is_reported(store, session):
    path = store.path_for(session.name)
    store.create(session).close()
    document = json.loads(path.read_text("utf-8"))
    document["actions"] = {"1": {"v": 1, "owner": "no deliverable"}}
    path.write_text(json.dumps(document), "utf-8")
    before = path.read_bytes()
    with pytest.raises(CorruptSession, match='record 1 of the actions table is malformed: "deliverable" is missing'):
        store.open(session.name).load()
    assert path.read_bytes() == before


def test_newer_schema_is_refused_without_change(store, session):
    path = store.path_for(session.name)
    store.create(session).close()
    document = json.loads(path.read_text("utf-8"))
    document["notes"] = {"1": {"v": SCHEMA_VERSION + 1, "text": "from the future"}}
    path.write_text(json.dumps(document), "utf-8")
    before = path.read_bytes()
    with pytest.raises(CorruptSession, match="newer coopconsole"):
        store.open(session.name)
    assert path.read_bytes() == before


def test_leftover_temp_files_are_cleaned_on_open(store, session):
    store.create(session).close()
    leftover = store.folder / f".{session.name}.json.deadbeef.tmp"
    leftover.write_bytes(b'{"half": ')
    other = store.folder / ".unrelated.tmp"
    other.write_bytes(b"keep")
    store.open(session.name).close()
    assert not leftover.exists() and other.exists()


def test_change_by_another_handle_is_seen_before_writing(store, session):
    first = store.create(session)
    second = store.open(session.name)
    a = first.add(Note(0, "from the console"))
    b = second.add(Note(0, "from another terminal"))
    c = first.add(Note(0, "console again"))
    assert (a.id, b.id, c.id) == (1, 2, 3)
    assert [n.text for n in first.load().notes] == ["from the console", "from another terminal", "console again"]
    assert first.load().notes == second.load().notes
    first.close()
    second.close()


def test_in_place_edit_by_another_program_is_seen(store, session):
    handle = store.create(session)
    handle.add(Note(0, "one"))
    plain = TinyDB(handle.path)  # TinyDB's own storage rewrites the file in place
    plain.table("notes").insert({"v": SCHEMA_VERSION, "text": "edited elsewhere, a longer note"})
    plain.close()
    assert [n.text for n in handle.load().notes] == ["one", "edited elsewhere, a longer note"]
    assert handle.add(Note(0, "three")).id == 3
    handle.close()


def _no_temporaries_left(folder, patience_s: float = 30.0) -> bool:
    """Whether the folder's temporary files are all gone, waiting for a background blank
    to finish being discarded (a guard against hanging, not a speed check)."""
    import time

    give_up = time.monotonic() + patience_s
    while [p for p in folder.iterdir() if p.name.endswith(".tmp")]:
        if time.monotonic() > give_up:
            return False
        time.sleep(0.01)
    return True


def test_failed_write_loses_nothing_and_retry_works(store, session, monkeypatch):
    handle = store.create(session)
    handle.add(Note(0, "saved before"))
    real_write = os.writev

    def disk_full(fd, buffers):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "writev", disk_full)
    with pytest.raises(OSError):
        handle.add(Note(0, "not saved"))
    assert [n.text for n in handle.load().notes] == ["saved before"]
    # A blank being made in the background when the write failed is removed once it is
    # made (the failure suspends them); on a loaded machine that may be a moment later.
    assert _no_temporaries_left(store.folder)
    monkeypatch.setattr(os, "writev", real_write)
    assert handle.add(Note(0, "saved on retry")).id >= 2
    assert [n.text for n in store.open(session.name).load().notes] == ["saved before", "saved on retry"]
    handle.close()


def test_read_only_folder_fails_cleanly(store, session):
    handle = store.create(session)
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    os.chmod(store.folder, 0o500)
    try:
        with pytest.raises(PermissionError):
            handle.add(Note(0, "x"))
    finally:
        os.chmod(store.folder, 0o700)
    assert handle.add(Note(0, "after")).text == "after"


operations = st.lists(
    st.one_of(
        st.tuples(st.just("note"), st.text(max_size=30)),
        st.tuples(st.just("event"), st.integers(1, 4)),
        st.tuples(st.just("edit"), st.text(max_size=30)),
        st.tuples(st.just("remove"), st.integers(0, 5)),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_incremental_file_matches_a_full_serialisation(tmp_path_factory, ops):
    store = SessionStore(tmp_path_factory.mktemp("inc"))
    from tests.support.sessions import small_session

    handle = store.create(small_session("inc"))
    notes = []
    for kind, value in ops:
        if kind == "note":
            notes.append(handle.add(Note(0, value)))
        elif kind == "event":
            handle.add(Event(0, NOW, EventKind.SPEAKER, participant=value))
        elif kind == "edit" and notes:
            handle.replace(Note(notes[0].id, value))
        elif kind == "remove" and notes:
            handle.remove(notes.pop(value % len(notes)))
    on_disk = json.loads(handle.path.read_text("utf-8"))
    assert on_disk == handle.document()
    handle.close()
    assert SessionStore(store.folder).open("inc").load() == handle.load()


def test_a_blank_made_ready_is_used_and_left_nowhere(store, session, monkeypatch):
    """Repeated writes go through a blank temporary file prepared in advance; the file
    still opens with a plain TinyDB, and closing leaves no temporary file behind."""
    import threading

    from coopconsole.store import blanks

    used = []
    real_fill = blanks.BlankSlot.fill

    def fill(self, blank, parts):
        used.append(blank[2])
        return real_fill(self, blank, parts)

    # Captures are seconds apart in a meeting: time enough for the background thread to
    # make the next blank. Each write waits here until the blank asked for is made.
    asked, made = [], threading.Semaphore(0)
    real_put, real_prepare = blanks._worker.put, blanks.BlankSlot._prepare
    ours = store.path_for(session.name)

    def put(slot):
        if slot.path == ours:
            asked.append(slot)
        real_put(slot)

    def prepare(self, settle=None):
        try:
            real_prepare(self, settle)
        finally:
            if self.path == ours:
                made.release()

    def blanks_made():
        while asked:
            asked.pop()
            assert made.acquire(timeout=60), "the background thread never made the blank asked for"

    monkeypatch.setattr(blanks.BlankSlot, "fill", fill)
    monkeypatch.setattr(blanks._worker, "put", put)
    monkeypatch.setattr(blanks.BlankSlot, "_prepare", prepare)
    handle = store.create(session)
    for i in range(6):
        handle.add(Note(0, f"point {i}"))
        blanks_made()
    handle.close()
    # All but the first capture: a file gets blanks once it has been written twice.
    assert len(used) == 5, f"{len(used)} of the 6 captures went through a blank"
    assert not [p for p in store.folder.iterdir() if p.name.endswith(".tmp")]
    plain = TinyDB(store.path_for(session.name))
    texts = {doc["text"] for doc in plain.table("notes").all()}
    assert {f"point {i}" for i in range(6)} <= texts
    plain.close()
    raw = store.path_for(session.name).read_bytes()
    assert raw.rstrip().endswith(b"}") and set(raw[len(raw.rstrip()) :]) <= {0x20}


def test_several_records_in_one_write_get_their_ids_and_survive_reopening(store, session):
    store.create(session).close()
    with store.open(session.name) as handle:
        handle.add(Note(0, "first"))
        at = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
        saved = handle.add_all(
            [Event(0, at, EventKind.REPLAN, minutes=1), Note(0, "second"), Event(0, at, EventKind.DROP, item=2)]
        )
        assert [type(r).__name__ for r in saved] == ["Event", "Note", "Event"]
        assert [r.id for r in saved] == [1, 2, 2]
        assert TinyDB(handle.path).table("notes").get(doc_id=2)["text"] == "second"
    with store.open(session.name) as again:
        loaded = again.load()
    assert [n.text for n in loaded.notes] == ["first", "second"]
    assert [e.kind for e in loaded.events] == [EventKind.REPLAN, EventKind.DROP]

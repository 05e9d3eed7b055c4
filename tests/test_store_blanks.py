"""The blank a session file's next write goes through holds the document written last, so
a write puts on the disk only what changed from there on; the file is always the whole
new document and spaces."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from coopconsole.domain.model import ActionItem, Event, EventKind, Note
from coopconsole.store import blanks
from coopconsole.store import storage as storage_module
from coopconsole.store.blanks import fragments_from, held_already

AT = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
_NAMES = count()  # a session of its own for each example


def test_what_a_blank_holds_already():
    table = b'{"1":{"a":1}}'
    spliced = b'{"1":{"a":1},"2":{"a":2}}'
    assert held_already((b"{", b'"t":', table, b"}"), [b"{", b'"t":', table, b"}"]) == len(b'{"t":' + table + b"}")
    # A table with a record spliced on: held up to its closing brace.
    assert held_already((b"{", table, b",", b"x"), [b"{", spliced, b",", b"x"]) == 1 + len(table) - 1
    # A table serialised again: held up to its first byte that changed.
    assert held_already((b"{", table, b"}"), [b"{", b'{"1":{"a":3}}', b"}"]) == 1 + table.index(b"1}")
    # Nothing held: a blank of spaces from before the first write.
    assert held_already((), [b"{", table]) == 0
    # Records spliced on as the store splices them: the table but its brace, each record,
    # a brace of their own; then one more; then all of it joined into one fragment.
    head, two, three = table[:-1], b',"2":{"a":2}', b',"3":{}'
    assert held_already((b"{", table, b"}"), [b"{", head, two, b"}", b"}"]) == len(table)
    held = (b"{", head, two, b"}", b"}")
    assert held_already(held, [b"{", head, two, three, b"}", b"}"]) == 1 + len(spliced) - 1
    assert held_already(held, [b"{", head + two + three + b"}", b"}"]) == 1 + len(spliced) - 1
    # A document shorter than the one held, and one that only grew at its end.
    assert held_already((b"{", table, b"}"), [b"{", table]) == 1 + len(table)
    assert held_already((b"{", table), [b"{", table, b"}"]) == 1 + len(table)


@pytest.mark.parametrize("seed", range(30))
def test_what_a_blank_holds_is_the_common_start_however_cut(seed):
    """Two documents cut into fragments anywhere: what is held is their common start."""
    import random

    rnd = random.Random(seed)
    old = bytes(rnd.choice(b"ab{}") for _ in range(rnd.randint(0, 60)))
    new = old[: rnd.randint(0, len(old))] + bytes(rnd.choice(b"ab{}") for _ in range(rnd.randint(0, 30)))

    def cut(document: bytes) -> list[bytes]:
        marks = (
            sorted(rnd.sample(range(1, len(document)), min(len(document) - 1, rnd.randint(0, 6)))) if document else []
        )
        return [document[a:b] for a, b in zip([0, *marks], [*marks, len(document)], strict=True)]

    common = next((k for k, (x, y) in enumerate(zip(old, new, strict=False)) if x != y), min(len(old), len(new)))
    assert held_already(tuple(cut(old)), cut(new)) == common


def test_the_document_from_a_byte_on():
    parts = [b"{", b'"t":', b"{}", b"}"]
    for start in range(len(b"".join(parts)) + 1):
        assert b"".join(fragments_from(parts, start)) == b"".join(parts)[start:]


@pytest.fixture
def blanks_at_once(monkeypatch):
    """Blanks made on the caller's thread as soon as they are asked for (a meeting's
    captures are seconds apart, time enough for the background thread), and every
    byte the blanks' fills write counted."""
    written: list[int] = []
    real_fill = blanks.BlankSlot.fill

    def put(slot):
        slot._prepare(settle=0)

    def fill(self, blank, parts):
        real_write = self._write_all

        def counted(fd, fragments):
            written.append(sum(len(f) for f in fragments))
            real_write(fd, fragments)

        self._write_all = counted
        try:
            return real_fill(self, blank, parts)
        finally:
            self._write_all = real_write

    monkeypatch.setattr(blanks._worker, "put", put)
    monkeypatch.setattr(blanks.BlankSlot, "fill", fill)
    return written


def test_closing_while_a_blank_is_made_leaves_no_temporary_file(store, session, monkeypatch):
    """A session closed while the background thread makes its next blank: close waits for
    it, and the blank, no longer wanted, is gone when close returns (made and removed
    slowly here, so the order cannot be luck)."""
    import time

    real_make, real_discard = blanks.BlankSlot._make, blanks.discard

    def slow_make(self, document):
        time.sleep(0.3)
        return real_make(self, document)

    def slow_discard(blank):
        time.sleep(0.3)
        real_discard(blank)

    monkeypatch.setattr(blanks.BlankSlot, "_make", slow_make)
    monkeypatch.setattr(blanks, "discard", slow_discard)
    monkeypatch.setattr(blanks, "SETTLE_S", 0)  # made at once: the close finds it being made
    handle = store.create(session)
    handle.add(Note(0, "first"))
    handle.add(Note(0, "second"))  # the second write asks for a blank: being made now
    handle.close()
    assert [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")] == []


def _on_disk(path):
    raw = path.read_bytes()
    body = raw.rstrip(b" ")
    assert set(raw[len(body) :]) <= {0x20}
    return json.loads(body)


def test_a_capture_writes_what_follows_its_table_only(store, session, blanks_at_once):
    """An action at the end of a long meeting: the events before the actions table are
    not written again."""
    for n in range(400):
        session.events.append(Event(n + 1, AT, EventKind.SPEAKER, participant=1))
    handle = store.create(session)
    handle.add(Note(0, "first"))  # the second write of a file is the first to get a blank
    handle.add(Note(0, "second"))
    whole = len(handle.path.read_bytes().rstrip(b" "))
    blanks_at_once.clear()
    saved = handle.add(ActionItem(0, "send the draft", owner="Ana"))
    assert len(blanks_at_once) == 1
    assert blanks_at_once[0] < whole / 3, f"{blanks_at_once[0]} of {whole} bytes written"
    assert _on_disk(handle.path) == handle.document()
    handle.close()
    plain = TinyDB(store.path_for(session.name))
    assert plain.table("actions").get(doc_id=saved.id)["deliverable"] == "send the draft"
    plain.close()


def test_a_long_run_of_captures_copies_no_table_and_writes_only_its_end(store, session, blanks_at_once):
    """Hundreds of notes one after the other (more than a table is kept in fragments
    for, so it is joined once on the way): the table's bytes are never copied to add a
    record, each write puts only the new record and what follows on the disk, and the
    file is the whole document every time."""
    for n in range(300):
        session.events.append(Event(n + 1, AT, EventKind.SPEAKER, participant=1))
    handle = store.create(session)
    handle.add(Note(0, "first"))
    handle.add(Note(0, "second"))
    storage = handle._storage
    blanks_at_once.clear()
    for n in range(storage_module._SPLICED_MAX + 40):
        handle.add(Note(0, f"note {n}"))
        fragments = storage._encoded["notes"]
        assert len(fragments) <= storage_module._SPLICED_MAX
        if n % 37 == 0 or n == storage_module._SPLICED_MAX + 39:
            assert _on_disk(handle.path) == handle.document()
    assert max(blanks_at_once) < 200, [(i, w) for i, w in enumerate(blanks_at_once) if w >= 200]
    head = storage._encoded["notes"][0]
    handle.add(Note(0, "one more"))
    assert storage._encoded["notes"][0] is head  # the table so far, not copied again
    assert _on_disk(handle.path) == handle.document()
    handle.close()
    reopened = store.open(session.name)
    assert reopened.document() == _on_disk(reopened.path)
    assert [n.text for n in reopened.load().notes][-2:] == [f"note {storage_module._SPLICED_MAX + 39}", "one more"]
    reopened.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from(["note", "action", "event", "edit", "remove", "meta"]), min_size=1, max_size=12))
def test_every_write_through_a_blank_leaves_the_whole_document(store, session, blanks_at_once, steps):
    """Appends, changes in place, removals (a shorter document than the blank holds)
    and header changes, each through a blank holding the one before: the file is
    always the document and spaces."""
    name = f"s{next(_NAMES)}"
    session.name = name
    handle = store.create(session)
    notes: list[Note] = []
    for n, step in enumerate(steps):
        if step == "note" or (step in ("edit", "remove") and not notes):
            notes.append(handle.add(Note(0, f"note {n} " + "x" * (n * 7))))
        elif step == "action":
            handle.add(ActionItem(0, f"send draft {n}", owner="Ana"))
        elif step == "event":
            handle.add(Event(0, AT, EventKind.SPEAKER, participant=1))
        elif step == "edit":
            notes[-1] = Note(notes[-1].id, "changed")
            handle.replace(notes[-1])
        elif step == "remove":
            handle.remove(notes.pop())
        else:
            changed = handle.load()
            changed.title = f"Title {n}"
            handle.update_meta(changed)
        assert _on_disk(handle.path) == handle.document()
    handle.close()
    reopened = store.open(name)
    assert reopened.document() == _on_disk(reopened.path)
    reopened.close()


def test_a_blank_still_settling_is_called_off_by_closing(store, session, monkeypatch):
    """The blank a write asks for is made a moment later (``SETTLE_S``, long here): a
    close meanwhile calls it off at once, nothing is made and nothing is left."""
    made = []
    real_make = blanks.BlankSlot._make

    def make(self, document):
        made.append(document)
        return real_make(self, document)

    monkeypatch.setattr(blanks.BlankSlot, "_make", make)
    monkeypatch.setattr(blanks, "SETTLE_S", 60.0)
    handle = store.create(session)
    handle.add(Note(0, "first"))
    handle.add(Note(0, "second"))  # asks for a blank: settling for a minute
    slot = handle._storage._blanks
    assert slot._pending
    handle.close()  # waits at most CLOSE_WAIT_S for it: the call-off must wake it
    assert not slot._pending
    assert made == []
    assert [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_blank_holds_the_newest_document_asked_for(store, session, monkeypatch):
    """Writes that come while their blank settles find none and write the ordinary way;
    the blank, when it is made, holds the last document written."""
    asked = []
    monkeypatch.setattr(blanks._worker, "put", asked.append)  # made by hand below
    handle = store.create(session)
    for text in ("first", "second", "third", "fourth"):
        handle.add(Note(0, text))
    slot = handle._storage._blanks
    assert asked == [slot]  # one blank asked for, not one per write
    slot._prepare(settle=0)
    blank = slot.take(0)
    assert blank is not None
    held = b"".join(blank[3])
    assert held == handle.path.read_bytes().rstrip(b" ")
    assert b"fourth" in held
    blanks.discard(blank)
    handle.close()

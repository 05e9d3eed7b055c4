"""Reading a session again after another process wrote it decodes only the records that
changed: every other one is the very object decoded before. What changed, whoever
changed it and however, is what the reader gets."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopconsole.domain.model import ActionItem, ActionStatus, Event, EventKind, Note
from coopconsole.store import SessionStore

AT = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def test_an_unchanged_record_is_the_object_decoded_before(store, session):
    store.create(session).close()
    here, there = store.open(session.name), store.open(session.name)
    first = here.load()
    there.add(Note(0, "from the other terminal"))
    there.add(Event(0, AT, EventKind.SPEAKER, participant=2))
    again = here.load()
    assert [n.text for n in again.notes][-1] == "from the other terminal"
    assert all(a is b for a, b in zip(first.participants, again.participants, strict=True))
    assert all(a is b for a, b in zip(first.events, again.events, strict=False))
    assert len(again.events) == len(first.events) + 1
    here.close(), there.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["here", "there"]), st.sampled_from(["add", "replace", "remove"])),
        min_size=1,
        max_size=10,
    )
)
def test_a_reader_sees_every_change_whoever_made_it(tmp_path_factory, session, steps):
    """Two handles on one file change its actions in turn (adding, replacing in place,
    removing); after each change both read what a fresh handle reads."""
    store = SessionStore(tmp_path_factory.mktemp("sessions"))
    store.create(session).close()
    handles = {"here": store.open(session.name), "there": store.open(session.name)}
    for who, op in steps:
        handle = handles[who]
        actions = handle.load().actions
        if op == "add" or not actions:
            handle.add(ActionItem(0, f"deliverable {len(actions)}", owner="Ana"))
        elif op == "replace":
            moved = actions[0]
            status = ActionStatus.DONE if moved.status is not ActionStatus.DONE else ActionStatus.TODO
            handle.replace(ActionItem(moved.id, moved.deliverable + " (changed)", owner="Ana", status=status))
        else:
            handle.remove(actions[-1])
        with store.open(session.name) as fresh:
            expected = fresh.load()
        for reader in handles.values():
            assert reader.load() == expected
    for handle in handles.values():
        handle.close()

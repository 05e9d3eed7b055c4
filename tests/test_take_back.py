"""Taking back a capture, giving it back, merging duplicate actions: the service, the
session file, and every place a capture taken back must no longer be listed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.cli.export import select, to_csv, to_ics, to_tasks
from coopconsole.domain.closing_list import failing_smart
from coopconsole.domain.model import ActionItem, Decision, Note, ParkedItem
from coopconsole.minutes.build import render_minutes
from coopconsole.service import MeetingService, ServiceError
from coopconsole.service import series as folder_series
from coopconsole.store import codecs
from tests.support.sessions import small_session


@pytest.fixture
def service(store, clock):
    store.create(small_session("first")).close()
    handle = store.open("first")
    service = MeetingService(handle, clock)
    service.agenda.start()
    yield service
    handle.close()


def fill(service, clock) -> dict[str, object]:
    """One capture of each kind, a minute apart, and a second action."""
    caps = service.captures
    made: dict[str, object] = {}
    for kind, text in (
        ("action", "@alice send the draft contract by 2026-12-20"),
        ("decision", "Pilot in Zone B"),
        ("note", "Fibre is in place"),
        ("park", "@bruno pricing of the sensors"),
        ("action2", "@chloe book the east park site visit by 2026-12-18"),
    ):
        clock.advance(minutes=1)
        made[kind] = caps.capture(kind.rstrip("2"), text)
    return made


def reload(store, name: str = "first"):
    with store.open(name) as handle:
        return handle.load()


@pytest.mark.parametrize(
    ("kind", "cls", "listed"),
    [
        ("action", ActionItem, "actions"),
        ("decision", Decision, "decisions"),
        ("note", Note, "notes"),
        ("park", ParkedItem, "parked"),
    ],
)
def test_a_capture_taken_back_stays_in_the_file_and_is_listed_nowhere(service, store, clock, kind, cls, listed):
    made = fill(service, clock)
    record = made[kind]
    clock.advance(minutes=1)
    taken = service.withdrawals.take_back(kind, record.id)
    assert taken.withdrawn_at == service.now()
    for session in (service.session, reload(store)):
        assert all(r.id != record.id for r in getattr(session, listed))
        assert [(type(r), r.id) for r in session.set_aside] == [(cls, record.id)]
    document = store.open("first").document()
    table = {"park": "parked", "action": "actions"}.get(kind, f"{kind}s")
    assert document[table][str(record.id)]["withdrawn_at"]  # kept in the file, with the time


def test_numbers_are_never_reused_after_a_take_back(service, clock):
    made = fill(service, clock)
    service.withdrawals.take_back("action", made["action2"].id)
    again = service.captures.capture("action", "@alice call the city by 2026-12-21")
    assert again.id == made["action2"].id + 1
    assert [a.id for a in service.session.actions] == [made["action"].id, again.id]


def test_the_last_capture_is_taken_back(service, clock):
    made = fill(service, clock)
    taken = service.withdrawals.take_back_last()
    assert (type(taken), taken.id) == (ActionItem, made["action2"].id)
    taken = service.withdrawals.take_back_last()
    assert (type(taken), taken.id) == (ParkedItem, made["park"].id)


def test_refusals_unknown_already_taken_back_nothing_left(service, clock):
    with pytest.raises(ServiceError) as nothing:
        service.withdrawals.take_back_last()
    assert nothing.value.code == "nothing-to-take-back"
    made = fill(service, clock)
    with pytest.raises(ServiceError) as unknown:
        service.withdrawals.take_back("note", 99)
    assert unknown.value.code == "missing"
    service.withdrawals.take_back("note", made["note"].id)
    with pytest.raises(ServiceError) as twice:
        service.withdrawals.take_back("note", made["note"].id)
    assert twice.value.code == "taken-back"
    with pytest.raises(ServiceError) as bad:
        service.withdrawals.take_back("goal", 1)
    assert bad.value.code == "bad-kind"


def test_a_capture_given_back_is_listed_again_in_its_place(service, store, clock):
    made = fill(service, clock)
    first = made["action"].id
    service.withdrawals.take_back("action", first)
    with pytest.raises(ServiceError) as live:
        service.withdrawals.give_back("action", made["action2"].id)
    assert live.value.code == "not-taken-back"
    given = service.withdrawals.give_back("action", first)
    assert given.withdrawn_at is None
    for session in (service.session, reload(store)):
        assert [a.id for a in session.actions] == [first, made["action2"].id]
        assert session.set_aside == []


def test_merging_keeps_the_target_and_takes_the_duplicate_back(service, store, clock):
    made = fill(service, clock)
    kept_before, duplicate = made["action"], made["action2"]
    kept = service.withdrawals.merge(duplicate.id, kept_before.id)
    assert kept.id == kept_before.id and kept.deliverable == kept_before.deliverable
    assert kept.deadline == kept_before.deadline and kept.merged == (duplicate.id,)
    session = reload(store)
    assert [a.id for a in session.actions] == [kept.id]
    (aside,) = session.set_aside
    assert aside.merged_into == kept.id and aside.withdrawn_at is not None
    text = render_minutes(session, service.now())
    assert f"#{duplicate.id} into #{kept.id}" in text
    # given back, the duplicate is listed again and the kept one no longer names it
    service.withdrawals.give_back("action", duplicate.id)
    session = reload(store)
    assert [a.id for a in session.actions] == [kept.id, duplicate.id]
    assert session.actions[0].merged == () and session.actions[1].merged_into is None


def test_merge_refusals(service, clock):
    made = fill(service, clock)
    one, two = made["action"].id, made["action2"].id
    with pytest.raises(ServiceError) as same:
        service.withdrawals.merge(one, one)
    assert same.value.code == "merge-same"
    service.withdrawals.take_back("action", two)
    for pair in ((two, one), (one, two)):
        with pytest.raises(ServiceError) as gone:
            service.withdrawals.merge(*pair)
        assert gone.value.code == "taken-back"
    with pytest.raises(ServiceError) as unknown:
        service.withdrawals.merge(one, 42)
    assert unknown.value.code == "missing"


def test_a_capture_taken_back_is_in_no_report(service, store, clock):
    made = fill(service, clock)
    gone = made["action2"]
    # without a deadline: it would be flagged by the SMART checks
    vague = service.captures.capture("action", "@alice look into it")
    for record in (gone, vague):
        service.withdrawals.take_back("action", record.id)
    service.withdrawals.take_back("decision", made["decision"].id)
    session = reload(store)
    minutes = render_minutes(session, service.now())
    assert "east park site visit" not in minutes and "Pilot in Zone B" not in minutes
    assert "look into it" not in minutes
    actions = select(session)
    assert [a.id for a in actions] == [made["action"].id]
    for out in (to_csv(session, actions), to_tasks(session, actions), to_ics(session, actions, service.now()).decode()):
        assert "east park" not in out and "draft contract" in out
    assert failing_smart(session) == []
    shown = json.loads(CliRunner().invoke(main, ["show", "first", "--json"]).stdout)
    assert "east park" not in json.dumps(shown, ensure_ascii=False)
    health = CliRunner().invoke(main, ["health", "first"]).stdout
    assert f"#{vague.id}" not in health
    rows, _ = folder_series.action_rows(store)
    assert [row.deliverable for row in rows] == [session.actions[0].deliverable]


def test_an_action_taken_back_is_not_carried_to_the_next_meeting(service, store, clock):
    made = fill(service, clock)
    service.withdrawals.take_back("action", made["action2"].id)
    service.agenda.end()
    made_next = folder_series.follow_up_of(store, "first", small_session("second"), "en")
    carried = [a.deliverable for a in made_next.session.actions]
    assert carried == [made["action"].deliverable]


def test_old_files_without_the_new_fields_still_load_and_round_trip(store):
    record = {"v": 1, "deliverable": "Send it", "owner": "Alice", "status": "todo", "smart": []}
    old = codecs.action_from(3, record)
    assert old.withdrawn_at is None and old.merged_into is None and old.merged == ()
    assert "withdrawn_at" not in codecs.action_record(old)  # files without a take back are unchanged
    note = codecs.note_from(1, {"v": 1, "text": "x", "item": None, "created_at": None})
    assert note.withdrawn_at is None and "withdrawn_at" not in codecs.note_record(note)


def test_the_new_fields_are_checked_as_they_are_read(service, store, clock):
    made = fill(service, clock)
    service.withdrawals.merge(made["action2"].id, made["action"].id)
    document = store.open("first").document()
    merged = codecs.action_from(2, document["actions"]["2"])
    assert merged.merged_into == 1 and merged.withdrawn_at is not None
    bad = {**document["actions"]["1"], "merged": ["two"]}
    with pytest.raises(ValueError, match="merged"):
        codecs.action_from(1, bad)
    with pytest.raises(ValueError, match="withdrawn_at"):
        codecs.note_from(1, {"v": 1, "text": "x", "withdrawn_at": "yesterday"})

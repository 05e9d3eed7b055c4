"""Keys typed right behind the choice to record a decision, before the bar has opened.

Moving on from an item discussed with nothing recorded asks whether to record the
consensus first. A note-taker who chooses it with Enter and types on at once must find
every letter in the decision's bar: the letters reached the dialog before the choice
that Enter makes (the list turns the key into its choice a moment later) and were lost,
and one typed after the dialog had gone, before the bar opened, could reach the meeting's
own keys (a space pauses the clock). Through a real terminal, where the keys arrive as
one read, as they do from a fast typist.
"""

from __future__ import annotations

from datetime import timedelta

from coopconsole.domain.clock import system_clock
from coopconsole.domain.model import Event, EventKind
from coopconsole.store import SessionStore
from tests.support.pty_console import PtyConsole, console_env
from tests.support.sessions import small_session


def test_letters_typed_behind_the_choice_to_record_a_decision_are_in_its_bar(tmp_path):
    session = small_session("kickoff")
    now = system_clock()
    began = now - timedelta(minutes=3)  # the first item has been discussed
    session.date, session.start = began.date(), began.time().replace(second=0, microsecond=0, tzinfo=None)
    session.events = [Event(id=1, at=began, kind=EventKind.START)]
    store = SessionStore(tmp_path / "sessions")
    store.create(session).close()
    console = PtyConsole(["--sessions-dir", str(store.folder), "--lang", "en", "open", "kickoff"],
                         console_env(tmp_path))  # fmt: skip
    try:
        console.wait_for("Speakers")
        console.settle(1.0)
        console.write(b"n")
        console.wait_for("Nothing recorded")
        console.settle(0.3)
        console.write(b"\ragreed pilot")  # Enter chooses the first answer: record it now
        console.until(lambda: "agreed pilot" in console.painted(), "the letters in the bar")
        console.settle(0.3)
        console.write(b"\r")
        console.until(lambda: console.painted().count("agreed pilot") >= 2, "the saved decision")
        console.settle(0.5)
    finally:
        console.close()
    saved = store.open("kickoff").load()
    assert [d.text for d in saved.decisions] == ["agreed pilot"]
    # The space and the letters were not taken for the meeting's keys: the clock still
    # runs on the first item, and nothing else was captured.
    assert [e.kind for e in saved.events] == [EventKind.START]
    assert saved.actions == [] and saved.notes == [] and saved.parked == []

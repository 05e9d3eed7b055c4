"""Keys typed faster than the console opens its capture bar: each burst is written to the
terminal as raw bytes in one write (escape sequences back to back with letters), read
by Textual's own driver, and must land in the capture bar in the order it was typed."""

from __future__ import annotations

import pytest

from coopconsole.domain.model import EventKind
from coopconsole.store import SessionStore
from tests.support.pty_console import PtyConsole, console_env
from tests.support.sessions import small_session

LEFT, RIGHT, HOME, END, BACKSPACE, DELETE = b"\x1b[D", b"\x1b[C", b"\x1b[H", b"\x1b[F", b"\x7f", b"\x1b[3~"

BURSTS = [
    # (what is typed, one burst after the capture key; what is saved)
    (b"@alice send\x7f\x7fnd the draft by Friday\r", "@alice send the draft by Friday"),
    (
        b"@alice send the report" + LEFT * 6 + b"final " + END + b" by Friday\r",
        "@alice send the final report by Friday",
    ),
    (
        b"the plan by Friday" + HOME + b"@alice share " + END + BACKSPACE * 6 + b"Monday\r",
        "@alice share the plan by Monday",
    ),
    (b"@alice  send" + HOME + RIGHT * 6 + DELETE + END + b" the data by Friday\r", "@alice send the data by Friday"),
    # Tab completes the name at once, whether or not the suggestion is drawn yet.
    (b"@chl\tsend the draft by Friday\r", "@Chloe Martin send the draft by Friday"),
    ("@张".encode() + b"\tshare the data by Friday\r", "@张三 share the data by Friday"),
    ("＠张".encode() + b"\tshare the data by Friday\r", "＠张三 share the data by Friday"),  # a full-width ＠
]


@pytest.fixture
def console(tmp_path):
    store = SessionStore(tmp_path / "sessions")
    store.create(small_session("kickoff")).close()
    consoles: list[PtyConsole] = []

    def start() -> PtyConsole:
        args = ["--sessions-dir", str(tmp_path / "sessions"), "--lang", "en", "open", "kickoff"]
        process = PtyConsole(args, console_env(tmp_path))
        consoles.append(process)
        process.wait_for("Speakers")
        return process

    yield start, store
    for process in consoles:
        process.close()


def _actions(store: SessionStore) -> list[str]:
    handle = store.open("kickoff")
    try:
        return [action.text for action in handle.load().actions]
    finally:
        handle.close()


@pytest.mark.parametrize("typed, saved", BURSTS)
def test_a_burst_typed_right_behind_the_capture_key_is_kept_in_order(console, typed, saved):
    start, store = console
    process = start()
    process.settle(1.5)  # the bar's field is made right after the first frame
    process.write(b"a" + typed)
    process.until(lambda: bool(_actions(store)), "the action's save")
    assert _actions(store) == [saved]


def test_a_burst_before_the_bar_is_made_is_kept_too(console):
    start, store = console
    process = start()
    process.write(b"a@alice send the draft by Friday\r")  # at once, with the first frame
    process.until(lambda: bool(_actions(store)), "the action's save")
    assert _actions(store) == ["@alice send the draft by Friday"]


def _session(store: SessionStore):
    handle = store.open("kickoff")
    try:
        return handle.load()
    finally:
        handle.close()


def test_a_line_typed_right_behind_the_add_item_key_reaches_its_dialog(console):
    """``i`` opens a dialog; the letters behind it are the dialog's. Before, the ``d`` in
    "Budget" opened the decision bar ahead of ``i`` (a capture key ran before a key still
    on its way up from the focused pane), and the dialog never opened."""
    start, store = console
    process = start()
    process.settle(1.5)
    process.write(b"iBudget check 10 min\r")
    process.until(lambda: any(i.title == "Budget check" for i in _session(store).agenda), "the item's save")
    session = _session(store)
    assert [i.minutes for i in session.agenda if i.title == "Budget check"] == [10]
    assert session.decisions == [] and session.notes == []


def test_a_number_typed_right_behind_the_queue_key_chooses_in_its_list(console):
    start, store = console
    process = start()
    process.settle(1.5)
    process.write(b"q2")
    process.until(lambda: any(e.kind is EventKind.QUEUE for e in _session(store).events), "the queue's save")
    assert [e.participant for e in _session(store).events if e.kind is EventKind.QUEUE] == [2]

"""The terminal driver: keys arrive as with Textual's, and its input thread sleeps while
nobody types instead of waking ten times a second."""

from __future__ import annotations

import os
import re
import select
import selectors
import subprocess
import sys
import threading
import time

import pytest
from textual import events

from coopconsole.store import SessionStore
from coopconsole.tui.app import CoopConsoleApp
from coopconsole.tui.driver import QuietLinuxDriver

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Linux and macOS driver")

WAIT_S = 20.0  # how long to wait for something that must happen (never a speed target)


def _until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


class Input:
    """A driver's input thread reading the read end of a pipe, with what it dispatched and
    every timeout it waited with."""

    def __init__(self, monkeypatch) -> None:
        self.read_fd, self.write_fd = os.pipe()
        monkeypatch.setattr(sys, "__stdin__", os.fdopen(self.read_fd, "rb", buffering=0))
        self.driver = QuietLinuxDriver(object())
        self.received: list[events.Event] = []
        self.driver.process_message = self.received.append
        self.waits: list[float | None] = []
        original = selectors.SelectSelector.select

        def select(selector, timeout=None):
            self.waits.append(timeout)
            return original(selector, timeout)

        monkeypatch.setattr(selectors.SelectSelector, "select", select)
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self.driver.run_input_thread, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.driver.exit_event.set()
        self.thread.join(WAIT_S)
        assert not self.thread.is_alive(), "the input thread did not stop when told to"
        self.driver.exit_event.clear()

    def type(self, data: bytes) -> None:
        os.write(self.write_fd, data)

    def keys(self) -> list[str]:
        return [e.key for e in self.received if isinstance(e, events.Key)]

    def blocked_for_good(self) -> bool:
        """The thread's last wait has no timeout (it sleeps until a byte arrives)."""
        return bool(self.waits) and self.waits[-1] is None

    def settled_since(self, before: int) -> bool:
        """Since wait number ``before`` (the one input woke), the thread waited with a
        timeout (the escape delay) and is now waiting without one."""
        later = self.waits[before:]
        return len(later) >= 2 and later[-1] is None and any(w is not None and w > 0 for w in later)

    def close(self) -> None:
        os.close(self.write_fd)
        sys.__stdin__.close()
        self.driver.close()


@pytest.fixture
async def terminal_input(monkeypatch):
    # async: the driver takes the running event loop when it is made
    made = Input(monkeypatch)
    yield made
    if made.thread is not None and made.thread.is_alive():
        made.stop()
    made.close()


async def test_keys_arrive_and_a_character_split_across_reads_is_whole(terminal_input):
    terminal_input.start()
    chinese = "议".encode()
    terminal_input.type(b"ab" + chinese[:1])
    _until(lambda: terminal_input.keys()[:2] == ["a", "b"], "a and b")
    terminal_input.type(chinese[1:])
    _until(lambda: len(terminal_input.keys()) == 3, "the third key")
    assert terminal_input.received[-1].character == "议"


async def test_a_lone_escape_is_reported_without_a_following_byte(terminal_input):
    terminal_input.start()
    terminal_input.type(b"\x1b")
    _until(lambda: terminal_input.keys() == ["escape"], "the escape key on its own")


async def test_an_escape_sequence_is_one_key(terminal_input):
    terminal_input.start()
    terminal_input.type(b"\x1b[A")
    _until(lambda: terminal_input.keys() == ["up"], "the up key")


async def test_idle_the_thread_waits_without_a_timeout(terminal_input):
    terminal_input.start()
    _until(terminal_input.blocked_for_good, "a wait without timeout")
    before = len(terminal_input.waits)
    terminal_input.type(b"x")
    _until(lambda: terminal_input.keys() == ["x"], "the x key")
    # After input, one short wait (the parser's escape delay), then sleep until input.
    _until(lambda: terminal_input.settled_since(before), "a wait without timeout after the key")
    waits = len(terminal_input.waits)
    time.sleep(0.5)  # Textual's own driver would have polled five times meanwhile
    assert len(terminal_input.waits) == waits


async def test_stopping_wakes_the_sleeping_thread_and_it_can_start_again(terminal_input):
    terminal_input.start()
    _until(terminal_input.blocked_for_good, "a wait without timeout")
    terminal_input.stop()  # as on suspending: stop application mode
    terminal_input.start()  # and resuming
    terminal_input.type(b"z")
    _until(lambda: terminal_input.keys() == ["z"], "a key after the restart")
    _until(terminal_input.blocked_for_good, "a wait without timeout after the restart")


async def test_the_end_of_input_does_not_spin(terminal_input):
    terminal_input.start()
    _until(terminal_input.blocked_for_good, "a wait without timeout")
    before = len(terminal_input.waits)
    terminal_input.type(b"q")
    os.close(terminal_input.write_fd)
    terminal_input.write_fd = os.open(os.devnull, os.O_WRONLY)  # closed again by the fixture
    _until(lambda: terminal_input.keys() == ["q"], "the last key")
    _until(lambda: terminal_input.settled_since(before), "a wait without timeout after the end of input")
    waits = len(terminal_input.waits)
    time.sleep(0.2)
    assert len(terminal_input.waits) == waits


async def test_once_closed_stopping_writes_to_no_file(monkeypatch, tmp_path):
    made = Input(monkeypatch)
    wake_number = made.driver._wake_write
    made.close()
    opened = []  # files opened until one takes the closed pipe's number
    try:
        while not opened or opened[-1] != wake_number:
            assert len(opened) < 64, "the pipe's number was not reused"
            opened.append(os.open(tmp_path / f"file{len(opened)}", os.O_WRONLY | os.O_CREAT))
        made.driver.exit_event.set()  # as a late disable_input would
    finally:
        for fd in opened:
            os.close(fd)
    assert all(path.read_bytes() == b"" for path in tmp_path.iterdir())


def test_the_console_uses_it_where_textual_would_use_its_linux_driver(monkeypatch):
    from textual import constants
    from textual.drivers.linux_driver import LinuxDriver

    monkeypatch.setattr(constants, "DRIVER", None)  # no driver named in TEXTUAL_DRIVER
    app = CoopConsoleApp.__new__(CoopConsoleApp)  # the driver is chosen before anything is set
    assert issubclass(QuietLinuxDriver, LinuxDriver)
    assert CoopConsoleApp.get_driver_class(app) is QuietLinuxDriver
    monkeypatch.setattr(constants, "DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    assert CoopConsoleApp.get_driver_class(app).__name__ == "HeadlessDriver"  # a named one is kept


_ESCAPES = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[ -~]")


class Pty:
    """The console in a pseudo-terminal of 120x36."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import fcntl
        import struct
        import termios

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        self.master = master
        self.output = b""
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True
        )
        os.close(slave)

    def painted(self) -> str:
        return _ESCAPES.sub(b"", self.output).decode("utf-8", "replace")

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while text not in self.painted():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{text!r} never painted; last: {self.painted()[-300:]!r}")
            if select.select([self.master], [], [], 0.1)[0]:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    pass

    def send(self, data: bytes, then: str) -> None:
        self.output = b""
        os.write(self.master, data)
        self.wait_for(then)

    def finish(self) -> int:
        """The exit status, reading what the console writes until it has exited."""
        try:
            deadline = time.monotonic() + WAIT_S
            while self.process.poll() is None and time.monotonic() < deadline:
                if select.select([self.master], [], [], 0.1)[0]:
                    try:
                        self.output += os.read(self.master, 65536)
                    except OSError:
                        break
            return self.process.wait(WAIT_S)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            os.close(self.master)


def test_in_a_terminal_escape_cancels_the_capture_bar_on_its_own(tmp_path):
    """Escape, then nothing: the bar closes (the key was not held back waiting for the next
    byte), and the next key is a note, not alt+o."""
    env = {**os.environ, "TERM": "xterm-256color", "COOPCONSOLE_CONFIG": str(tmp_path / "cfg")}
    env.pop("TEXTUAL_DRIVER", None)
    sessions = tmp_path / "sessions"
    console = Pty([sys.executable, "-m", "coopconsole", "--sessions-dir", str(sessions), "--lang", "en", "demo"], env)
    try:
        console.wait_for("Speakers")
        # What the bar shows is painted as it changes, so a text typed can reach the
        # terminal in pieces: the waits are for short texts painted at once.
        console.send(b"a", then="Action ▸")  # the capture bar's prompt
        console.send(b"never saved", then="sav")
        console.send(b"\x1b", then="Clock")  # the footer's "space Clock": the bar is gone
        console.send(b"o", then="Note ▸")
        console.send(b"from the room\r", then="room")
        os.write(console.master, b"\x11")  # ctrl+q
    finally:
        assert console.finish() == 0
    session = SessionStore(sessions).open("demo-en")
    try:
        loaded = session.load()
    finally:
        session.close()
    assert [note.text for note in loaded.notes] == ["from the room"]
    assert [action for action in loaded.actions if "never saved" in action.deliverable] == []


async def test_a_wake_byte_without_a_stop_does_not_keep_it_awake(terminal_input):
    terminal_input.start()
    _until(terminal_input.blocked_for_good, "a wait without timeout")
    os.write(terminal_input.driver._wake_write, b"\0")  # as a set() cleared before it was seen
    _until(lambda: len(terminal_input.waits) >= 2 and terminal_input.blocked_for_good(), "the next wait")
    waits = len(terminal_input.waits)
    time.sleep(0.2)
    assert len(terminal_input.waits) == waits
    terminal_input.type(b"k")
    _until(lambda: terminal_input.keys() == ["k"], "a key after the stray byte")

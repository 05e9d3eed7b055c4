"""A full-screen view (the console, the board, the projector) started without a terminal
says so and exits with status 2, rather than drawing into a file or a pipe and waiting
for keys that never come; whatever the command made (a demo, the next meeting) is kept."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

import coopconsole.cli.console_start as start
from coopconsole.store import SessionStore
from tests.support.sessions import small_session

#: Far longer than a refusal takes; a console that waits for keys would reach it.
TIMEOUT_S = 60


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        if self.closed:
            raise ValueError("I/O operation on closed file")  # as Python's own streams
        return self.tty


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "sessions"


def _coopconsole(*args: str, folder) -> subprocess.CompletedProcess[str]:
    """``coopconsole ARGS`` with standard input from /dev/null and the rest piped."""
    env = {**os.environ, "COOPCONSOLE_SESSIONS": str(folder), "COOPCONSOLE_CONFIG": str(folder.parent / "cfg")}
    env.pop("TEXTUAL_DRIVER", None)
    return subprocess.run(
        [sys.executable, "-m", "coopconsole", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
    )


@pytest.mark.parametrize(
    "stdin_tty, stderr_tty, missing",
    [(False, True, "standard input"), (True, False, "standard error"), (False, False, "standard input")],
)
def test_the_stream_that_is_not_a_terminal_is_named(monkeypatch, stdin_tty, stderr_tty, missing):
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(sys, "__stdin__", _Stream(stdin_tty))
    monkeypatch.setattr(sys, "__stderr__", _Stream(stderr_tty))
    assert start.no_terminal() == missing


def test_both_terminals_or_a_driver_chosen_for_textual_pass(monkeypatch):
    monkeypatch.setattr(sys, "__stdin__", _Stream(True))
    monkeypatch.setattr(sys, "__stderr__", _Stream(True))
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert start.no_terminal() is None
    # The browser's console (coopconsole serve) runs over pipes with Textual's web driver.
    monkeypatch.setattr(sys, "__stdin__", _Stream(False))
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert start.no_terminal() is None


def test_a_closed_stream_is_no_terminal(monkeypatch):
    closed = _Stream(True)
    closed.close()  # isatty() on a closed stream raises ValueError
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(sys, "__stdin__", closed)
    assert start.no_terminal() == "standard input"


def test_open_without_a_terminal_is_refused_and_the_session_left_as_it_was(folder):
    SessionStore(folder).create(small_session("kickoff")).close()
    before = (folder / "kickoff.json").read_bytes()
    done = _coopconsole("open", "kickoff", folder=folder)
    assert done.returncode == 2
    assert done.stderr.startswith("coopconsole: this needs a terminal, and standard input is not one")
    assert "coopconsole open kickoff" in done.stderr
    assert "\x1b" not in done.stderr + done.stdout  # nothing was drawn
    assert (folder / "kickoff.json").read_bytes() == before


def test_a_demo_made_without_a_terminal_is_kept_and_named(folder):
    done = _coopconsole("demo", folder=folder)
    assert done.returncode == 2
    assert "\x1b" not in done.stderr + done.stdout
    assert sorted(p.stem for p in folder.glob("*.json")) == ["demo-en"]
    assert "coopconsole open demo-en" in done.stderr


def test_the_next_meeting_is_made_and_then_refused_with_how_to_open_it(folder):
    SessionStore(folder).create(small_session("kickoff")).close()
    done = _coopconsole("next", "kickoff", "--date", "2031-01-10", folder=folder)
    assert done.returncode == 2, done.stderr
    made = sorted(p.stem for p in folder.glob("*.json"))
    assert len(made) == 2
    newer = next(name for name in made if name != "kickoff")
    assert f"open {newer}" in done.stderr


@pytest.mark.parametrize("args", [(), ("board",), ("projector", "kickoff")])
def test_the_picker_the_board_and_the_projector_are_refused_too(folder, args):
    SessionStore(folder).create(small_session("kickoff")).close()
    done = _coopconsole(*args, folder=folder)
    assert done.returncode == 2
    assert (
        done.stderr.strip() == "coopconsole: this needs a terminal, and standard input is not one (over ssh: ssh -t)."
    )
    assert done.stdout == ""


def test_a_session_that_does_not_exist_is_said_first(folder):
    done = _coopconsole("projector", "missing", folder=folder)
    assert done.returncode == 2
    assert "missing" in done.stderr and "terminal" not in done.stderr


def test_a_folder_named_with_a_control_character_does_not_act_on_the_terminal(tmp_path):
    folder = tmp_path / "meetings\x1b]0;pwned\x07"
    SessionStore(folder).create(small_session("kickoff")).close()
    done = _coopconsole("--sessions-dir", str(folder), "open", "kickoff", folder=tmp_path / "default")
    assert done.returncode == 2
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "meetings]0;pwned" in done.stderr and "open kickoff" in done.stderr

"""``coopconsole actions`` read without the command-line library: which lines the reader
takes, and that for each of them it prints exactly what the command line prints."""

from __future__ import annotations

import gc
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from coopconsole.cli import actions_listing
from coopconsole.cli import commands as cli
from coopconsole.cli.actions_listing import ActionsLine, read
from coopconsole.cli.main import main as entry_point
from coopconsole.domain.model import ActionItem, ActionStatus
from coopconsole.store import SessionStore
from tests.support.sessions import small_session


@pytest.fixture
def folder(tmp_path):
    """Two meetings: one with actions of three owners in two organisations (one overdue,
    one done, one without a deadline), one with a Chinese owner; and a damaged file."""
    folder = tmp_path / "s"
    store = SessionStore(folder)
    first = small_session("kickoff")
    first.actions = [
        ActionItem(1, "Send the draft MOU", owner="Alice Chen", owner_id=1, organisation="Company A",
                   deadline=date(2001, 1, 15), status=ActionStatus.IN_PROGRESS),
        ActionItem(2, "Prepare the pilot budget", owner="Chloe Martin", owner_id=3, organisation="Company B",
                   deadline=date(2999, 12, 31)),
        ActionItem(3, "Write the press release", owner="Alice Chen", owner_id=1, organisation="Company A",
                   deadline=date(2001, 2, 1), status=ActionStatus.DONE),
        ActionItem(4, "Map the data flows", owner="Deepak Rao", owner_id=4, organisation="Company B"),
    ]  # fmt: skip
    store.create(first).close()
    second = small_session("solo")
    second.actions = [ActionItem(1, "订购传感器", owner="张三", owner_id=4, organisation="智算科技")]
    store.create(second).close()
    (folder / "broken.json").write_text("{not json", "utf-8")
    return folder


LINES = [
    ["actions"],
    ["actions", "--json"],
    ["actions", "--owner", "Alice"],
    ["actions", "--owner=张", "--json"],
    ["actions", "--org", "Company B", "--status", "todo"],
    ["actions", "--status", "进行中", "--overdue"],
    ["--lang", "zh", "actions", "--series", "kickoff", "--theme", "coopconsole-light"],
    ["actions", "--status", "done", "--org", "Company A", "--json"],
    ["actions", "--owner", "Nobody at all"],  # refused: left to the command line, which says why
    ["actions", "--status", "finished"],  # not a state: the same
    ["actions", "--series", "no-such-series"],  # the same
]


@pytest.mark.parametrize("args", LINES)
def test_both_ways_in_print_the_same(args, folder, capfdbinary, monkeypatch):
    line = ["--sessions-dir", str(folder), *args]
    assert read(line) is not None  # each is a line the reader takes
    clicked = CliRunner().invoke(cli.main, line)
    monkeypatch.setattr(sys, "argv", ["coopconsole", *line])
    capfdbinary.readouterr()
    code = 0
    try:
        entry_point()
    except SystemExit as exc:
        code = exc.code or 0
    here = capfdbinary.readouterr()
    assert (code, here.out, here.err) == (clicked.exit_code, clicked.stdout_bytes, clicked.stderr_bytes)
    assert gc.isenabled()  # as after any command that opens no console


def test_the_listing_itself_is_what_the_reader_runs(folder, capfdbinary):
    assert actions_listing.start(ActionsLine(sessions_dir=str(folder), owner="Deepak", as_json=True))
    out = capfdbinary.readouterr()
    assert b'"deliverable": "Map the data flows"' in out.out and b"Send the draft MOU" not in out.out
    assert out.err.startswith(b"skipped: The session file ") and b"broken.json" in out.err


def test_a_refused_listing_prints_nothing_and_is_left_to_the_command_line(folder, capfdbinary):
    assert not actions_listing.start(ActionsLine(sessions_dir=str(folder), owner="Nobody"))
    assert not actions_listing.start(ActionsLine(sessions_dir=str(folder), state="finished"))
    assert capfdbinary.readouterr() == (b"", b"")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["actions"], ActionsLine()),
        (["--sessions-dir", "s", "actions", "--json"], ActionsLine(sessions_dir="s", as_json=True)),
        (["actions", "--sessions-dir=s", "--overdue"], ActionsLine(sessions_dir="s", overdue=True)),
        (["actions", "--owner", "Ann", "--org=A B"], ActionsLine(owner="Ann", org="A B")),
        (["actions", "--status", "doing", "--series", "kick"], ActionsLine(state="doing", series="kick")),
    ],
)
def test_the_lines_it_reads(args, line):
    assert read(args) == line


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["actions", "--help"],
        ["actions", "-h"],
        ["actions", "--version"],
        ["actions", "--owner"],  # no value
        ["actions", "--owner", "-x"],  # a value starting with - : click's call
        ["actions", "--owner", "a", "--owner", "b"],  # twice
        ["actions", "--json", "--json"],
        ["actions", "--json=yes"],
        ["actions", "extra"],
        ["actions", "actions"],
        ["--json", "actions"],  # actions' own option before it
        ["actions", "--lang", "fr"],  # click refuses the language
        ["status", "kickoff#1", "done", "--note", "actions"],  # another command
        ["show", "actions"],
    ],
)
def test_lines_it_is_unsure_of_are_left_to_click(args):
    assert read(args) is None


def test_a_folder_that_is_a_file_is_left_to_click(tmp_path):
    (tmp_path / "f").write_text("", "utf-8")
    assert read(["--sessions-dir", str(tmp_path / "f"), "actions"]) is None

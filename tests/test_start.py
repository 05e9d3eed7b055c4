"""The console's own way in (coopconsole.cli.console_start): the lines it takes, and that it starts
the console exactly as the full command line would."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

import coopconsole.cli.commands as cli
import coopconsole.cli.console_start as start
from coopconsole.cli.console_start import ConsoleLine, read
from coopconsole.store import SessionStore
from tests.support.sessions import small_session


@pytest.mark.parametrize(
    "args, line",
    [
        ([], ConsoleLine(None)),
        (["open", "kickoff"], ConsoleLine("open", "kickoff")),
        (["--sessions-dir", "s", "open", "kickoff"], ConsoleLine("open", "kickoff", sessions_dir="s")),
        (
            ["--sessions-dir=s", "--lang=zh", "--theme", "coopconsole-light", "open", "kick off"],
            ConsoleLine("open", "kick off", sessions_dir="s", lang="zh", theme="coopconsole-light"),
        ),
        (["--lang", "zh"], ConsoleLine(None, lang="zh")),
        (["demo"], ConsoleLine("demo")),
        (["--lang", "en", "demo", "--lang=zh"], ConsoleLine("demo", lang="en", demo_lang="zh")),
    ],
)
def test_the_console_lines_are_read_here(args, line):
    assert read(args) == line


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["open", "kickoff", "--help"],
        ["demo", "--version"],
        ["list"],
        ["show", "kickoff"],
        ["open"],
        ["open", "a", "b"],
        ["open", "-x"],
        ["open", "--", "kickoff"],
        ["--lang", "fr"],
        ["--lang"],
        ["--lang="],
        ["--lang", "zh", "--lang", "en"],
        ["--colour", "open", "x"],
        ["--sessions-dir", "--lang", "zh"],
        ["demo", "--no-open"],
        ["demo", "--lang", "fr"],
        ["demo", "extra"],
        ["--", "open", "x"],
    ],
)
def test_every_other_line_is_left_to_the_command_line(args):
    assert read(args) is None


def test_a_sessions_dir_that_is_a_file_is_left_to_the_command_line(tmp_path):
    (tmp_path / "file").write_text("")
    assert read(["--sessions-dir", str(tmp_path / "file")]) is None


@pytest.fixture
def consoles(monkeypatch):
    """Each console either way in would run: (folder, session, language, theme, taken over)."""
    runs: list[tuple[str, str | None, str | None, str | None, bool]] = []

    def run_console(store, name, lang, theme, opened=None):  # noqa: ANN001, ANN202
        runs.append((str(store.folder), name, lang, theme, opened is not None))
        if opened is not None:
            opened.close()

    monkeypatch.setattr(start, "run_console", run_console)
    monkeypatch.setattr(cli, "run_console", run_console)
    return runs


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--sessions-dir", "s", "open", "kickoff"],
        ["--sessions-dir=s", "--lang", "zh", "--theme=coopconsole-projector", "open", "kickoff"],
        ["--sessions-dir", "s", "--lang", "zh"],
        ["--sessions-dir", "s", "demo"],
        ["--sessions-dir", "s", "--lang", "zh", "demo", "--lang", "en"],
        ["--sessions-dir", "s", "demo", "--lang=zh"],
    ],
)
def test_both_ways_in_start_the_same_console(args, consoles, tmp_path, monkeypatch):
    made = {}
    for way in ("here", "click"):
        (tmp_path / way).mkdir()
        monkeypatch.chdir(tmp_path / way)  # "s" is a different folder for each way
        SessionStore(tmp_path / way / "s").create(small_session("kickoff")).close()
        if way == "here":
            assert start.start(read(args))
        else:
            result = CliRunner().invoke(cli.main, args, catch_exceptions=False)
            assert result.exit_code == 0, result.output
        made[way] = sorted(p.name for p in (tmp_path / way / "s").iterdir())
    assert made["here"] == made["click"]
    here, click = consoles
    assert here == click


def test_a_session_that_cannot_be_opened_is_left_to_the_command_line(consoles, folder):
    assert start.start(read(["open", "missing"])) is False
    assert consoles == []
    assert not folder.exists() or list(folder.iterdir()) == []


def _entry_point(*args: str, folder) -> subprocess.CompletedProcess[str]:
    """The ``coopconsole`` entry point on ``args``, the console replaced by a line saying
    whether click was loaded."""
    code = (
        "import sys\n"
        "import coopconsole.cli.console_start as start\n"
        "start.run_console = lambda *a, **k: print('console; click loaded:', 'click' in sys.modules)\n"
        f"sys.argv = ['coopconsole', *{list(args)!r}]\n"
        "from coopconsole.cli.main import main\n"
        "main()\n"
    )
    env = {**os.environ, "COOPCONSOLE_SESSIONS": str(folder), "COOPCONSOLE_CONFIG": str(folder.parent / "cfg")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)


def test_open_starts_the_console_without_the_command_line_library(folder):
    SessionStore(folder).create(small_session("kickoff")).close()
    done = _entry_point("open", "kickoff", folder=folder)
    assert done.stdout.strip() == "console; click loaded: False", done.stderr


def test_a_missing_session_gets_the_command_lines_message(folder):
    done = _entry_point("open", "missing", folder=folder)
    assert done.returncode == 2
    assert "missing" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_quitting_says_the_session_is_saved_and_how_to_open_it_again(tmp_path, monkeypatch):
    monkeypatch.setenv("COOPCONSOLE_SESSIONS", str(tmp_path / "sessions"))
    found_by_default = SessionStore(tmp_path / "sessions")
    elsewhere = SessionStore(tmp_path / "my meetings")
    assert start.resume_line(found_by_default, "kickoff", "en") == (
        "Everything is saved. To go on with this session: coopconsole open kickoff"
    )
    said = start.resume_line(elsewhere, "kickoff", "zh")
    assert said.startswith("所有内容均已保存") and f"--sessions-dir '{tmp_path / 'my meetings'}' open kickoff" in said
    hostile = start.resume_line(SessionStore(tmp_path / "x\x1b]0;pwned\x07"), "kickoff", "en")
    assert "\x1b" not in hostile and "\x07" not in hostile and "x]0;pwned" in hostile


async def test_the_console_remembers_the_session_it_opened_to_say_it_at_the_end(store, clock):
    from coopconsole.tui.app import make_app

    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.last_session == "kickoff"
    picker = make_app(store=store, session_name=None, clock=clock, lang="en")
    async with picker.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert picker.last_session is None  # nothing opened: nothing to say

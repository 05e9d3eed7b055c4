"""Start-up: the collector held off until the console's first frame, and on again after."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from coopconsole.tui.app import make_app
from coopconsole.tui.screens.picker import PickerScreen
from tests.support.pilot import settle
from tests.support.sessions import small_session


def _after_command(*args: str, folder) -> str:
    """What ``gc.isenabled()`` is after the ``coopconsole`` entry point ran ``args``."""
    code = (
        "import gc, sys\n"
        f"sys.argv = ['coopconsole', '--sessions-dir', {str(folder)!r}, *{list(args)!r}]\n"
        "from coopconsole.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('collector', gc.isenabled())\n"
    )
    env = {**os.environ, "COOPCONSOLE_CONFIG": str(folder / "cfg")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_a_command_that_opens_no_console_turns_the_collector_back_on(tmp_path):
    assert _after_command("list", folder=tmp_path) == "collector True"


@pytest.fixture
def collector_held():
    """The collector off, as the entry point leaves it for the console, and nothing frozen
    yet (earlier tests' consoles froze what they made); on again after."""
    gc.unfreeze()
    gc.disable()
    yield
    gc.enable()


async def test_the_meeting_turns_the_collector_on_after_its_first_frame(store, clock, collector_held):
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, pauses=2)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up made is frozen, not walked


async def test_the_picker_turns_the_collector_on_too(store, clock, collector_held):
    app = make_app(store=store, session_name=None, clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert gc.isenabled()


def test_writing_minutes_or_an_export_keeps_the_collector_off(tmp_path):
    """They read one session, write one document and end: nothing to collect (see
    ``_COLLECTOR_OFF`` in coopconsole.cli.commands)."""
    from coopconsole.store import SessionStore

    SessionStore(tmp_path).create(small_session("kickoff")).close()
    out = tmp_path / "out"
    assert _after_command("minutes", "kickoff", "-o", str(out), folder=tmp_path) == "collector False"
    assert out.read_text(encoding="utf-8").startswith("# ")  # the minutes were written
    assert _after_command("export", "kickoff", "--format", "csv", "-o", str(out), folder=tmp_path) == "collector False"
    assert _after_command("show", "kickoff", folder=tmp_path) == "collector True"


def test_the_meeting_screen_loads_without_the_quick_capture_parser():
    """The parser and its dates are imported on a thread after the first frame
    (``tui/screens/first_frame.py``): compiling their patterns cost the first frame
    tens of milliseconds. The capture bar's name completion needs the dates' folding
    only once a bar opens."""
    code = (
        "import sys\n"
        "import coopconsole.tui.app, coopconsole.tui.screens.meeting\n"
        "print(sorted(m for m in ('coopconsole.domain.capture', 'coopconsole.domain.dates') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""Changes another process writes to the sessions folder reach the open views as they land
(the kernel's file notifications), not only at the views' next timer."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from coopconsole.service import MeetingService
from coopconsole.tui.app import make_app
from coopconsole.tui.file_changes import any_session, session_file, watch_folder
from coopconsole.tui.messages import FolderChanged
from coopconsole.tui.screens.meeting import MeetingScreen
from tests.support.pilot import settle
from tests.support.sessions import small_session

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")

#: How long a test waits for something that should come at once: a guard against a
#: hang, never a measure (the benchmark measures).
PATIENCE_S = 20


class Inbox:
    """A stand-in for a view: what was posted to it, from any thread."""

    def __init__(self) -> None:
        self.got: list[object] = []
        self.event = threading.Event()

    def post_message(self, message: object) -> bool:
        self.got.append(message)
        self.event.set()
        return True


def _replace(path: Path, text: str) -> None:
    """Write ``path`` whole by a rename, as the store does."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-0123456789ab.tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


def test_a_session_replaced_by_a_rename_is_told_and_its_temporaries_are_not(tmp_path):
    inbox = Inbox()
    watcher = watch_folder(inbox, tmp_path, session_file("kickoff"))  # type: ignore[arg-type]
    assert watcher is not None
    try:
        (tmp_path / ".kickoff.json.1-0123456789ab.tmp").write_text("half")  # a temporary
        (tmp_path / "other.json.lock").write_text("")  # another session's lock
        _replace(tmp_path / "other.json", "{}")  # another session
        _replace(tmp_path / "kickoff.json", "{}")
        assert inbox.event.wait(PATIENCE_S)
        time.sleep(0.2)  # anything else in flight lands too (there must be nothing else)
        assert inbox.got and all(isinstance(m, FolderChanged) for m in inbox.got)
        assert len(inbox.got) == 1
    finally:
        watcher.stop()


def test_a_lock_let_go_by_another_process_is_told(tmp_path):
    """The writer renames the file while it holds the lock: the view looks again when it
    lets go (its lock file closed after writing)."""
    inbox = Inbox()
    watcher = watch_folder(inbox, tmp_path, session_file("kickoff"))  # type: ignore[arg-type]
    assert watcher is not None
    try:
        with open(tmp_path / "kickoff.json.lock", "a"):
            pass
        assert inbox.event.wait(PATIENCE_S)
    finally:
        watcher.stop()


def test_the_whole_folder_is_told_of_any_session_and_stop_ends_the_thread(tmp_path):
    inbox = Inbox()
    watcher = watch_folder(inbox, tmp_path, any_session)  # type: ignore[arg-type]
    assert watcher is not None
    _replace(tmp_path / "a.json", "{}")
    assert inbox.event.wait(PATIENCE_S)
    watcher.stop()
    watcher.stop()  # twice: nothing happens
    watcher._thread.join(PATIENCE_S)
    assert not watcher._thread.is_alive()


def test_without_notifications_the_timers_follow_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("COOPCONSOLE_NO_FILE_NOTIFICATIONS", "1")
    assert watch_folder(Inbox(), tmp_path, any_session) is None  # type: ignore[arg-type]


def test_a_folder_that_does_not_exist_leaves_the_timers(tmp_path):
    assert watch_folder(Inbox(), tmp_path / "missing", any_session) is None  # type: ignore[arg-type]


async def test_an_action_added_elsewhere_is_shown_as_it_lands(store, clock, monkeypatch):
    """Another process's ``coopconsole add`` (here, a second service on the same file):
    the console is told by the folder, not only by its one-second timer."""
    told: list[FolderChanged] = []
    heard = MeetingScreen.on_folder_changed

    def listen(screen: MeetingScreen, message: FolderChanged) -> None:
        told.append(message)
        heard(screen, message)

    monkeypatch.setattr(MeetingScreen, "on_folder_changed", listen)
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen) and screen.file_changes is not None
        with store.open("kickoff") as handle:
            MeetingService(handle, clock).captures.capture("action", "@alice send the deck by Dec 10")
        for _ in range(PATIENCE_S * 20):
            if told and any(a.deliverable for a in screen.frame.session.actions):
                break
            await asyncio.sleep(0.05)
        assert told
        assert [a.id for a in screen.frame.session.actions] == [1]
    assert screen.file_changes._stopped  # closed with the screen


def counted_views(screen: MeetingScreen) -> list[object]:
    """Every time the screen works its figures out from here on (its live view)."""
    views: list[object] = []
    worked_out = screen.live.view

    def view(*args: object) -> object:
        views.append(args)
        return worked_out(*args)

    screen.live.view = view  # type: ignore[method-assign]
    return views


async def test_a_look_that_finds_the_session_as_the_last_one_left_it_does_nothing(store, clock):
    """The console's own saves notify it too, after it has drawn them: that look works out
    no figure. One that finds another process's save does."""
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        views = counted_views(screen)
        screen.service.captures.capture("action", "@alice send the deck by Dec 10")
        screen.tick()
        assert len(views) == 1
        screen.on_folder_changed(FolderChanged())  # the save's own notice
        assert len(views) == 1
        with store.open("kickoff") as handle:
            MeetingService(handle, clock).captures.capture("note", "written elsewhere")
        screen.on_folder_changed(FolderChanged())
        assert len(views) == 2
        assert [n.text for n in screen.frame.session.notes] == ["written elsewhere"]
        screen.tick()  # the clock's tick always works the figures out
        assert len(views) == 3


async def test_a_folder_change_while_an_intent_runs_is_looked_at_once_it_is_done(store, clock):
    """The console's own save notifies the folder before the intent's result is back:
    that look waits for the result, so the result is what the next frame draws. If the
    intent fails, the look is made then."""
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen)
        views = counted_views(screen)
        release = threading.Event()

        def elsewhere() -> None:
            with store.open("kickoff") as handle:
                MeetingService(handle, clock).captures.capture("note", "written elsewhere")

        def slow_note() -> object:
            elsewhere()  # the folder changes while the intent runs
            release.wait(PATIENCE_S)
            return screen.service.captures.capture("note", "ours")

        screen.do(slow_note)
        await asyncio.sleep(0.05)
        screen.on_folder_changed(FolderChanged())
        assert views == []  # put off: the intent is still running
        release.set()
        await screen.intents.idle()
        await pilot.pause()
        assert len(views) == 1  # the result's own tick, which read both notes
        assert [n.text for n in screen.frame.session.notes] == ["written elsewhere", "ours"]

        release.clear()
        reported: list[BaseException] = []

        def failing() -> object:
            elsewhere()
            release.wait(PATIENCE_S)
            raise RuntimeError("disk full")

        screen.do(failing, failed=reported.append)
        await asyncio.sleep(0.05)
        screen.on_folder_changed(FolderChanged())
        assert len(views) == 1
        release.set()
        await screen.intents.idle()
        await pilot.pause()
        assert [str(e) for e in reported] == ["disk full"]
        assert len(views) == 2  # looked once the intent had failed
        assert [n.text for n in screen.frame.session.notes][-1] == "written elsewhere"

"""The screen's look at the session never waits for a save on its way to the disk."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

from coopconsole.domain.model import Note
from coopconsole.service import MeetingService
from coopconsole.store.locking import SessionLock
from coopconsole.tui.app import make_app
from tests.support.pilot import settle
from tests.support.sessions import small_session


class Holder(threading.Thread):
    """Holds a session's lock, as a save does until its bytes are on the disk, until told."""

    def __init__(self, handle, then=None) -> None:
        super().__init__(daemon=True)
        self.handle, self.then = handle, then
        self.holding = threading.Event()
        self.release = threading.Event()
        self.let_go = threading.Event()  # set once the lock is released (told, or after 10 s)

    def run(self) -> None:
        with self.handle.locked():
            if self.then is not None:
                self.then()
            self.holding.set()
            self.release.wait(10)
        self.let_go.set()

    def __enter__(self) -> Holder:
        self.start()
        assert self.holding.wait(30)
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.join()


def test_try_acquire_takes_a_free_lock_and_gives_up_on_one_another_process_holds(tmp_path):
    path = str(tmp_path / "s.json.lock")
    lock = SessionLock(path, timeout=1)
    assert lock.try_acquire()
    lock.release()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import fcntl, os, sys
        fd = os.open({path!r}, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        print("held", flush=True)
        sys.stdin.readline()
    """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert not lock.try_acquire()  # at once: no waiting for the other process
    finally:
        holder.communicate("\n")
    assert lock.try_acquire()
    lock.release()
    lock.close()


def test_locked_if_free_says_no_while_another_thread_saves(store, session):
    handle = store.create(session)
    with Holder(handle):
        with handle.locked_if_free() as free:
            assert free is False
    with handle.locked_if_free() as free:
        assert free is True
    handle.close()


def test_glance_gives_the_last_session_seen_during_a_save_and_the_new_one_after(store, session, clock):
    handle = store.create(session)
    service = MeetingService(handle, clock)
    before = service.glance()
    note = Note(id=0, text="said while the other thread held the lock", created_at=clock())

    with Holder(handle, then=lambda: service.add(note)):  # the save, not yet "on the disk"
        during = service.glance()
        assert during is before
    after = service.glance()
    assert [n.text for n in after.notes][-1] == note.text
    handle.close()


async def test_the_screen_ticks_while_a_save_holds_the_lock(store, clock):
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")
        screen = await settle(pilot)
        with Holder(screen.service.handle) as holder:
            clock.advance(seconds=7)
            screen.tick()  # returns with the lock still held: it did not wait for the save
            assert not holder.let_go.is_set()
            assert screen.frame.view.now == screen.service.now()
        screen.tick()
        assert screen.frame.view.agenda.running

"""Changes another process makes to the sessions folder, seen as they happen.

A console, a board or another view follows what a second console, ``coopconsole add`` or
``coopconsole status`` writes. Each already looks again on its own timer (the meeting
once a second, the board every couple of seconds); this makes it look at once: a thread
waits on the kernel's file notifications (Linux's inotify, through ``inotify_simple``)
for a session file being replaced, and posts the view a
:class:`~coopconsole.tui.messages.FolderChanged` (``post_message`` is safe from any thread
and never waits).

* **No busy polling.** The thread sleeps in ``select`` on the notification descriptor and
  a pipe that :meth:`FolderChanges.stop` writes to; nothing runs while nothing changes.
* **What counts.** A session is only ever replaced whole, by a rename (see
  ``coopconsole.store.storage``): a file of the folder renamed into place
  (``IN_MOVED_TO``), deleted or moved away, is a change, and so is its lock let go by
  another process; temporary files and the folder's index are not (``wanted`` decides by
  name).
* **Bursts** of notifications read together give one call.
* **Fallback.** Where notifications are not available (another system, no
  ``inotify_simple``, the kernel's limit of watches reached, a folder that does not
  exist yet) :func:`watch_folder` returns None and the timers alone follow changes, as
  before. The view's own saves notify it too: one more look, which finds nothing new
  (the meeting screen sees that from the session and its revision, and works nothing out).
"""

from __future__ import annotations

import os
import select
import threading
from collections.abc import Callable
from pathlib import Path

from textual.message_pump import MessagePump

from coopconsole.tui.messages import FolderChanged


class FolderChanges:
    """A thread that posts ``view`` a :class:`FolderChanged` when a file of ``folder``
    whose name ``wanted`` accepts is replaced, created or removed (see the module notes)."""

    def __init__(self, view: MessagePump, folder: Path, wanted: Callable[[str], bool]) -> None:
        from inotify_simple import INotify, flags  # Linux only: see watch_folder

        self.view, self.wanted = view, wanted
        self._notify = INotify()
        mask = flags.MOVED_TO | flags.CLOSE_WRITE | flags.DELETE | flags.MOVED_FROM
        try:
            self._notify.add_watch(str(folder), mask)
        except OSError:
            self._notify.close()
            raise
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._run, name="coopconsole-file-changes", daemon=True)
        self._stopped = False
        self._lock = threading.Lock()  # the wake pipe is closed by the thread, under it

    def start(self) -> FolderChanges:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Wake the thread to end it; it frees its descriptors as it goes. Idempotent, and
        never waits (it runs as a view unmounts, on the app's loop)."""
        with self._lock:
            if not self._stopped:
                self._stopped = True
                os.write(self._wake_w, b"x")

    def _run(self) -> None:
        try:
            notify_fd = self._notify.fileno()
            while True:
                ready, _, _ = select.select([notify_fd, self._wake_r], [], [])
                if self._wake_r in ready:
                    return
                names = [event.name for event in self._notify.read(timeout=0)]
                if any(self.wanted(name) for name in names):
                    self.view.post_message(FolderChanged())
        except (OSError, ValueError):  # the descriptors are gone: nothing more to follow
            return
        finally:
            with self._lock:
                self._stopped = True
                for fd in (self._wake_r, self._wake_w):
                    os.close(fd)
                self._notify.close()


def watch_folder(view: MessagePump, folder: Path, wanted: Callable[[str], bool]) -> FolderChanges | None:
    """Start following ``folder`` for ``view`` (see :class:`FolderChanges`); None where the
    kernel's notifications cannot be had (or ``COOPCONSOLE_NO_FILE_NOTIFICATIONS`` is
    set), and the view's timer is all there is."""
    if os.environ.get("COOPCONSOLE_NO_FILE_NOTIFICATIONS"):
        return None
    try:
        return FolderChanges(view, folder, wanted).start()
    except (ImportError, OSError):
        return None


def session_file(name: str) -> Callable[[str], bool]:
    """``wanted`` for one session: its file (``NAME.json``) and its lock (``NAME.json.lock``).
    A writer renames the new file into place while it still holds the lock, and the
    view, which never waits for a lock, may look too soon and find it taken: the lock's
    file closed by the writer as it lets go (``IN_CLOSE_WRITE``) says when to look again."""
    targets = {f"{name}.json", f"{name}.json.lock"}
    return targets.__contains__


def any_session(found: str) -> bool:
    """``wanted`` for the whole folder: any session file or its lock (see
    :func:`session_file`), none of the temporaries."""
    return found.endswith((".json", ".json.lock")) and not found.startswith(".")

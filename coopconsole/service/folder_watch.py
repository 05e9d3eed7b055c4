"""Whether anything in the sessions folder changed since it was last read, without reading it.

A look across the folder (the board of every action) follows changes made elsewhere (a
``coopconsole status`` in another terminal, another console) by asking every couple of
seconds. Reading every file each time would cost a busy folder real time; a
:func:`folder_stamp` costs one ``stat`` per session file. A session file is only ever
replaced whole, by a rename (see ``coopconsole.store.storage``), so every save gives the
file a new inode as well as a new time and size: two stamps are equal only if no file
was saved, added or removed between them.
"""

from __future__ import annotations

from typing import NamedTuple

from coopconsole.domain.series import Latest
from coopconsole.store import SessionStore, StoreError

#: One session file as the stamp sees it: its name, inode, modification time (ns) and size.
FileStamp = tuple[str, int, int, int]


class FolderRead(NamedTuple):
    """The folder as read once: its stamp taken just before, every action of it (as
    ``coopconsole.service.series.all_actions`` gives them) and why the files that could
    not be read were not."""

    stamp: tuple[FileStamp, ...]
    found: list[Latest]
    damaged: list[str]


def folder_stamp(store: SessionStore) -> tuple[FileStamp, ...]:
    """What the session files of ``store``'s folder look like now, for comparing with a
    later stamp (an empty tuple: no folder, or no session in it). A file that cannot be
    looked at is in the stamp with zeros: its coming back changes the stamp too."""
    found: list[FileStamp] = []
    try:
        names = store.names()
    except OSError:  # the folder cannot be listed (gone, permissions): nothing to compare
        return ()
    for name in names:
        try:
            info = store.path_for(name).stat()
        except (OSError, StoreError):
            found.append((name, 0, 0, 0))
            continue
        found.append((name, info.st_ino, info.st_mtime_ns, info.st_size))
    return tuple(found)

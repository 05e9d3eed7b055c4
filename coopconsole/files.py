"""Files other than sessions: writing them whole or not at all (settings, minutes,
exports), making private folders, and reading a file the user names (an agenda) safely.

Writing: the data goes to a temporary file in the same folder, is flushed and fsynced,
and replaces the target in one rename; the folder is then fsynced so the rename itself
survives a power cut. On any failure (disk full, no permission) the temporary file is
removed, the old file (if any) is left as it was, and the ``OSError`` is raised.

* **Private by default.** A new file is ``0600`` and a folder we create is ``0700``,
  whatever the umask, as session files are: minutes and exports hold what was said in
  the meeting. A file being replaced keeps the mode its owner gave it; one its owner made
  read-only (no ``u+w``) is refused, and so is a target that is not a regular file (a
  pipe, a device): the atomic rename would replace it with a file.
* **Symbolic links are followed.** The file a link leads to is replaced and the link is
  left as it is; renaming over the link itself would cut it (and, for ``/dev/stdout``
  given as a file name, put a file in ``/dev``).
* **Leftovers of a killed writer.** A temporary file is named after the target and the
  writer's process id (``.NAME.PID-RANDOM.tmp``). Each write removes the temporaries of
  the same target whose writer is gone: the process id no longer runs here and the file
  is older than :data:`STALE_TEMP_AGE_S` (a writer on another machine sharing the folder
  has a process id that means nothing here; no write takes that long). A writer that is
  alive never loses its temporary file, whatever its age, and this process's own are
  never touched (another thread may be writing the same target).
* **Reading a named file** (:func:`read_regular`) never blocks and never reads without
  end: the file must be a regular one (not ``/dev/zero``, not a pipe that waits for a
  writer forever) of at most a given size, checked by ``stat`` first and again by
  ``fstat`` on a descriptor opened without blocking.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from pathlib import Path

#: Owner-only modes for what coopconsole creates.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
#: A temporary file of a dead writer is removed only once it is this old (seconds).
STALE_TEMP_AGE_S = 120.0

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISLNK, "a symbolic link"),
)


class FileRefused(ValueError):
    """A file the user named that coopconsole will not read (its message says why)."""


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, in words ("a named pipe (FIFO)")."""
    for test, words in _KINDS:
        if test(mode):
            return words
    return "not a regular file"


def read_regular(path: Path, limit: int, limit_words: str) -> bytes:
    """The bytes of the regular file ``path`` (symbolic links followed).

    Raises :class:`FileRefused` for anything else (checked before it is opened, so a
    pipe cannot block) and for a file larger than ``limit`` bytes (``limit_words``:
    that limit for people, "1 MiB"); ``OSError`` if the system refuses.
    """
    _check_readable(os.stat(path), limit, limit_words)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        _check_readable(os.fstat(fd), limit, limit_words)  # replaced since the stat?
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:  # it grew while read
        raise FileRefused(f"is larger than {limit_words}")
    return b"".join(chunks)


def _check_readable(st: os.stat_result, limit: int, limit_words: str) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(f"is not a regular file (it is {file_kind(st.st_mode)})")
    if st.st_size > limit:
        raise FileRefused(f"is {st.st_size / (1 << 20):.1f} MiB, larger than {limit_words}")


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents ``0700``; an existing folder is left as
    its owner made it (never chmod-ed). ``OSError`` if it cannot be made."""
    folder = Path(folder)
    try:
        os.mkdir(folder, PRIVATE_FOLDER)
    except FileNotFoundError:
        if folder.parent == folder:
            raise
        make_private_folder(folder.parent)
        try:
            os.mkdir(folder, PRIVATE_FOLDER)
        except FileExistsError:
            pass
    except FileExistsError:
        pass
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(folder))


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` whole or not at all.

    ``mode`` defaults to the mode of the file being replaced, else ``0600``.
    ``PermissionError`` (nothing written) if the file is read-only by its owner's choice,
    ``OSError`` if it is not a regular file.
    """
    try:
        current: os.stat_result | None = os.stat(path)  # what a link leads to, a pipe's too
    except FileNotFoundError:
        current = None
    # The file a symbolic link leads to is replaced, never the link: `-o /dev/stdout`
    # must not put a file in /dev in place of the link.
    path = Path(os.path.realpath(path))
    if current is not None:
        if not stat.S_ISREG(current.st_mode):
            raise OSError(
                errno.EINVAL,
                f"it is not a regular file (it is {file_kind(current.st_mode)}); leave out -o to write "
                "to standard output",
                str(path),
            )
        if not current.st_mode & stat.S_IWUSR:
            raise PermissionError(
                errno.EACCES,
                f"the file is read-only (mode {stat.S_IMODE(current.st_mode):04o}); make it writable "
                "(chmod u+w) to replace it",
                str(path),
            )
    if mode is None:
        mode = stat.S_IMODE(current.st_mode) if current is not None else PRIVATE_FILE
    remove_stale_temporaries(path)
    temp = _temp_name(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), mode)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    fsync_folder(path.parent)
    return path


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(6).hex()}.tmp")


def _temp_pattern(path: Path) -> re.Pattern[str]:
    """Our temporaries of ``path``; nothing else (not a session's ``.NAME.json.HEX.tmp``)."""
    return re.compile(rf"\.{re.escape(path.name)}\.([1-9][0-9]{{0,9}})-[0-9a-f]{{12}}\.tmp")


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files a dead writer left for ``path``; return them."""
    pattern, now = _temp_pattern(path), time.time()
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        found = pattern.fullmatch(name)
        if found is None or int(found[1]) == os.getpid() or _running(int(found[1])):
            continue
        leftover = path.parent / name
        try:
            if now - os.lstat(leftover).st_mtime < STALE_TEMP_AGE_S:
                continue
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists here (when unsure: yes, so nothing is removed)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # another user's process, or a number the system will not take
    return True


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible on every platform)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

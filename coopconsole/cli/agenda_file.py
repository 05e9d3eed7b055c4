"""Reading the agenda file ``coopconsole new`` is given, before anything is imported.

Every file that is not a Markdown agenda is refused with one message saying what it is,
quickly, and before anything is written:

* **Not a regular file** (a folder, a named pipe, ``/dev/zero``, a socket, a device) and
  **too big** (over :data:`AGENDA_LIMIT`; a real agenda is a few kilobytes): refused by
  :func:`coopconsole.files.read_regular` from ``stat`` alone, before the file is opened
  (a pipe would wait for a writer forever) or read (``/dev/zero`` never ends).
* **Binary**: a file that starts like a picture, a PDF, an archive (a Word document is
  one) or a compiled program, or that holds a NUL byte anywhere. Text never holds a NUL;
  read as text, the NULs would be dropped and a PNG's stray letters might pass for an
  agenda.
* **Not UTF-8**: the message names the line, the byte within it and in the file, and the
  byte's value, so the one ``é`` saved in Latin-1 can be found.

A UTF-8 byte-order mark at the start is allowed and dropped.
"""

from __future__ import annotations

from pathlib import Path

from coopconsole.files import FileRefused, read_regular

#: The largest agenda file read (a real one is a few kilobytes); said so in messages.
AGENDA_LIMIT, AGENDA_LIMIT_WORDS = 1 << 20, "1 MiB"

_BOM = b"\xef\xbb\xbf"
#: How the common binary files a user might mistake for an agenda begin.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word or OpenDocument file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
)
_ADVICE = "give the path of a Markdown agenda file (UTF-8 text)."


class AgendaFileRefused(ValueError):
    """The agenda file cannot be read as text; the message names it and says why."""


def read_agenda(path: Path) -> str:
    """The text of the agenda file ``path``; :class:`AgendaFileRefused` if it is not a
    regular UTF-8 text file of at most :data:`AGENDA_LIMIT` bytes or cannot be read."""
    try:
        data = read_regular(path, AGENDA_LIMIT, AGENDA_LIMIT_WORDS)
    except FileRefused as exc:  # /dev/zero, a pipe, a folder, a file far too big for an agenda
        raise AgendaFileRefused(f"{path} {exc}; {_ADVICE}") from None
    except OSError as exc:  # gone since it was named, no permission
        raise AgendaFileRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    binary = binary_kind(data)
    if binary is not None:
        raise AgendaFileRefused(f"{path} is {binary}, not text; {_ADVICE}")
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + len(data) - len(body)
        problem = f"{path} is not UTF-8 text ({where(data, at)})"
        raise AgendaFileRefused(f"{problem}; save it as UTF-8 and try again.") from None


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is if it is not text ("a PNG image", "a binary file (a NUL byte at
    line 3)"); None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return f"a binary file (a NUL byte at line {line})"
    return None


def where(data: bytes, at: int) -> str:
    """Byte ``at`` of ``data`` for people: ``line 3, byte 7 of the line (byte 41 of the
    file): 0xE9`` (all counted from 1)."""
    line = data.count(b"\n", 0, at) + 1
    column = at - (data.rfind(b"\n", 0, at) + 1) + 1
    return f"line {line}, byte {column} of the line (byte {at + 1} of the file): 0x{data[at]:02X}"

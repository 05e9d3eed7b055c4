"""Cleaning text that people type, before it is stored.

Whatever is typed is kept literally (markup like ``[bold]`` stays as characters; the
display layer never interprets it). What is removed are the characters that could act on
a terminal or break a one-line record: C0 and C1 control characters (ESC among them),
DEL, and bidirectional-override controls. Line breaks and tabs become single spaces in
one-line fields. A whole document (an agenda file) keeps its lines and indentation, so
that line numbers and Markdown structure survive the cleaning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: The most characters one capture (an action, a note, a decision, a parked point, a goal)
#: may hold: a long paragraph. Reading a line costs time in proportion to its length
#: (4,000 characters about 15 ms; a 5 MB paste 19 s, with the console waiting).
MAX_CAPTURE_CHARS = 4000

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_BREAKS = re.compile(r"[\t\n\r\u2028\u2029\x0b\x0c]+")
_INNER_BREAKS = re.compile(r"[\u2028\u2029\x0b\x0c]")
_SPACES = re.compile(r"[ \u3000]{2,}")


def clean_line(text: str) -> str:
    """One line of user text: no control characters, no line breaks, trimmed."""
    # Most text is clean already (every text of a session file is cleaned on the way in,
    # which for a folder of sessions is tens of thousands): "printable" rules out every
    # control character, line break, bidirectional mark and ideographic space at once.
    if text.isprintable() and "  " not in text and text.strip(" ") == text and unicodedata.is_normalized("NFC", text):
        return text
    text = unicodedata.normalize("NFC", text)
    text = _BREAKS.sub(" ", text)
    text = _CONTROLS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def clean_block(text: str) -> str:
    """Multi-line user text (notes): line breaks kept as ``\\n``, controls removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ")
    text = _CONTROLS.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def clean_document(text: str) -> str:
    """A typed document read line by line (an agenda): controls removed as in
    :func:`clean_line`, line ends made ``\\n``, every line and its indentation kept, so
    that line numbers still match the file."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INNER_BREAKS.sub(" ", text)
    return _CONTROLS.sub("", text)


def names_fitting(wanted: str, names: Iterable[str]) -> list[str]:
    """The names ``wanted`` stands for on a command line: those equal to it in any case,
    else those that start with it (``alice``, ``Chloe``, ``智算``)."""
    key = wanted.strip().casefold()
    names = list(names)
    exact = [n for n in names if n.casefold() == key]
    return exact or [n for n in names if n.casefold().startswith(key)]

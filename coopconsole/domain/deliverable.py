"""What is left of a quick-capture line once its owner and deadline are cut out: the
deliverable (:func:`deliverable_of`), and the CJK characters that need no space beside
them. The rules are :mod:`coopconsole.domain.capture`'s (its "Deliverable" decision)."""

from __future__ import annotations

import re


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


def tight(ch: str) -> bool:
    """No space is needed next to this character."""
    code = ord(ch)
    return is_cjk(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF


_JOIN_SEPS = ",，、;；:："
EDGE_SEPS = " ,，、;；:：.。-–—|/*•·"
_LEAD = re.compile(
    r"(?:to|will|shall|should|must|needs?\s+to|has\s+to|is\s+to|and|then)"
    r"(?![A-Za-z0-9'’-])|负责|需要|并且",
    re.IGNORECASE | re.ASCII,
)
_TRAIL = re.compile(r"(?:(?<![A-Za-z0-9'’-])(?:to|and)|负责)$", re.IGNORECASE | re.ASCII)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|（\s*）|\[\s*\]|【\s*】|\{\s*\}")


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _stitch(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        left, right = out.rstrip(), piece.lstrip()
        if left and right and left[-1] in _JOIN_SEPS and right[0] in _JOIN_SEPS:
            right = right.lstrip(_JOIN_SEPS + " ")
        if left and right and not (tight(left[-1]) or tight(right[0])):
            out = left + " " + right
        else:
            out = left + right
    return out


def _trim(text: str) -> str:
    text = " ".join(text.split())
    while True:
        before = text
        text = _EMPTY_BRACKETS.sub("", text).strip().strip(EDGE_SEPS).strip()
        lead = _LEAD.match(text)
        text = _TRAIL.sub("", text[lead.end() :] if lead else text)
        if text == before:
            return " ".join(text.split())


def deliverable_of(clean: str, spans: list[tuple[int, int]]) -> str:
    pieces, pos = [], 0
    for s, e in sorted(spans):
        pieces.append(clean[pos:s])
        pos = e
    pieces.append(clean[pos:])
    return _trim(_stitch(pieces))

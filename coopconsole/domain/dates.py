"""Deadline phrases in a typed line, in English and Chinese.

What each date expression means (month-days, weekdays, ``next week``, ``X内``, the limit
of 10 years ...) is decided in :mod:`coopconsole.domain.date_forms`; this module finds
them in a line. Full-width characters (``１２月８日``, ``截止：``) read as ASCII, Unicode
spaces and control characters as spaces; string offsets stay unchanged.

:func:`find_deadline` looks for a deadline *phrase*:

* a keyword (``by``, ``before``, ``due``, ``due by/on``, ``deadline``, ``ddl``, ``no later
  than``, ``截止``, ``截止日期``, ``截止时间``) followed by a date;
* a date followed by ``前``/``之前``/``内`` (optionally preceded by ``在``/``于``);
* a self-contained relative form, anywhere (``两周内``, ``3天内``, ``within 2 weeks``,
  ``in 3 days``);
* at the very end of the line (nothing after it but spaces, ``.``, ``。``, closing
  brackets or text the caller cut out, such as the ``@owner``), an unambiguous relative
  form: a signed offset (``+3d``, ``+2w``), weeks (``2w``, ``in 2w``), or a weekday after
  ``next``/``next next``/``this``/``coming``/``下``/``下下``/``本``/``这`` (``next Friday``,
  ``下周五``).
  Not at the end without a keyword: a bare weekday (``send the deck Friday``), ``3d``
  without its sign (also "3D"), ``2W`` (also two watts), a number, or any other form
  (``tomorrow``, ``next week``, ``Dec 8``, ``月底``). Nor after a word that makes the
  date part of the deliverable: ``to``, ``for``, ``from``, ``after``, ``since``,
  ``until``, ``till``, ``at``, ``on``, ``in``, ``of``, ``than``, ``around``, ``about``,
  ``到``, ``至``, ``从``, ``自``, ``在``, ``于``, ``的`` (``move the meeting to next Friday``).

The leftmost phrase wins; later ones stay in the text. The whole text is still scanned
and a malformed phrase anywhere raises :class:`DateError`:

* ``by``/``before``/``deadline`` followed by something date-like that is not a valid
  date (``by Feb 30``, ``by 12/08/2026``), and ``due``/``截止`` followed by anything that
  is not a date. ``due to``, ``due diligence``, ``due process``, ``due care`` and
  ``截止目前`` / ``截止现在`` are ordinary language, not deadlines.
* ``by``, ``due``, ``no later than`` or ``截止`` with nothing after it but spaces, ``.``,
  ``。`` or closing brackets ("a date is missing after 'by'"); ``by`` after a hyphen or in ``stop by``,
  ``drop by``, ``stand by``, ``come by``, ``pass by``, ``swing by``, ``go by``, ``get by``
  is a word. ``before``, ``deadline`` and ``ddl`` at the end are words too (``the day
  before``, ``miss the deadline``). Cut-out text after a keyword is not "nothing":
  ``signed by @bruno`` has no deadline.
* A date more than 10 years away ("that date is too far away"), a year longer than four
  digits among them; year 0 ("there is no year 0"); ``next`` or ``下`` more than twice
  (``next next next Friday``: "write the date instead").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from coopconsole.domain.date_forms import (
    ACCEPTED_FORMS,
    ANYWHERE,
    LOOSE,
    DateError,
    fail,
    resolve,
    shape_at,
    unambiguous,
)
from coopconsole.domain.frozen import record

__all__ = ["ACCEPTED_FORMS", "DateError", "DeadlineMatch", "find_deadline", "fold", "parse_date"]


@record
class DeadlineMatch:
    deadline: date
    start: int  # span of the whole phrase, keyword included: text[start:end]
    end: int


def fold(text: str) -> str:
    """Full-width ASCII to ASCII, spaces and control characters to ' '; same length."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif ch.isspace() or unicodedata.category(ch) in ("Cc", "Zs", "Zl", "Zp"):
            ch = " "
        out.append(ch)
    return "".join(out)


def parse_date(text: str, today: date) -> date:
    """Read ``text`` as a whole as one date expression."""
    work = fold(text).strip()
    if not work:
        raise DateError(f"A date is needed. Accepted forms: {ACCEPTED_FORMS}.")
    shape = shape_at(work, 0)
    if shape is None or shape[0].end() != len(work):
        raise fail(work)
    return resolve(shape, today)


_HOLE = "\ufffc"  # stands for text the caller cut out
_EN_KEYWORD = re.compile(
    r"(?P<kw>no\s+later\s+than|due(?:\s+date)?(?:\s+(?:by|on|before|is))?|deadline|ddl|by|before)"
    r"(?![A-Za-z0-9])\s*(?:[:=]\s*)?",
    re.ASCII | re.IGNORECASE,
)
_CN_KEYWORD = re.compile(r"(?P<kw>截止(?:日期|时间|日)?)\s*(?::\s*)?(?:为|是|到|至|于|在)?\s*")
_NOT_DEADLINE = re.compile(
    r"(?:to|diligence|process|care|course|respect|regard|credit)(?![A-Za-z0-9])|目前|现在|当前",
    re.ASCII | re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s*之?[前内]")
_PREFIX = re.compile(r"[在于]\s*")
_LINE_END = re.compile(r"[\s.。)）\]】]*")
_TAIL_END = re.compile(r"[\s.。)）\]】" + _HOLE + "]*")
_NEEDS_DATE = ("by", "due", "no later than", "截止")
_PHRASAL_BY = re.compile(
    r"(?:-|(?<![A-Za-z])(?:stop|stopp|drop|dropp|stand|stood|come|came|pass|swing|swung|go|goes|"
    r"went|get|gett|got)(?:s|es|ed|ing)?\s+)$",
    re.ASCII | re.IGNORECASE,
)
_TAKES_DATE_AS_OBJECT = re.compile(
    r"(?:(?<![A-Za-z0-9])(?:to|for|from|after|since|until|till|at|on|in|of|than|around|about)\s+"
    r"|[到至从自在于的]\s*)$",
    re.ASCII | re.IGNORECASE,
)


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _after_keyword(work: str, text: str, pos: int, kw: re.Match[str], today: date):
    after = kw.end()
    word = " ".join(kw["kw"].split())
    chinese = word.startswith("截止")
    strict = chinese or word.lower().startswith("due")
    if _LINE_END.fullmatch(work, after):
        dangling = word.lower().startswith(_NEEDS_DATE)
        if dangling and not (word.lower() == "by" and _PHRASAL_BY.search(work, 0, pos)):
            raise DateError(f"A date is missing after '{word}'. Accepted forms: {ACCEPTED_FORMS}.")
        return None
    if strict and _NOT_DEADLINE.match(work, after):
        return None
    shape = shape_at(work, after)
    if shape:
        end = shape[0].end()
        suffix = _SUFFIX.match(work, end) if chinese else None
        return resolve(shape, today), suffix.end() if suffix else end
    loose = LOOSE.match(work, after)
    if loose:
        raise fail(loose[0])
    if strict:
        rest = text[after:].split()
        got = f"'{rest[0][:20]}'" if rest else "nothing"
        raise DateError(f"'{word}' must be followed by a date, got {got}. Accepted forms: {ACCEPTED_FORMS}.")
    return None


def _phrase_at(work: str, text: str, pos: int, today: date) -> tuple[date, int] | None:
    """A deadline phrase starting at ``pos``: (deadline, end of phrase)."""
    kw = None
    if not (pos > 0 and _ascii_alnum(work[pos - 1])):
        kw = _EN_KEYWORD.match(work, pos)
    kw = kw or _CN_KEYWORD.match(work, pos)
    if kw:
        return _after_keyword(work, text, pos, kw, today)
    prefix = _PREFIX.match(work, pos)
    shape = shape_at(work, prefix.end() if prefix else pos)
    if shape is None:
        return None
    end = shape[0].end()
    suffix = _SUFFIX.match(work, end)
    if suffix:
        return resolve(shape, today), suffix.end()
    if prefix:
        return None
    if shape[2] == ANYWHERE or (
        unambiguous(shape) and _TAIL_END.fullmatch(work, end) and not _TAKES_DATE_AS_OBJECT.search(work, 0, pos)
    ):
        return resolve(shape, today), end
    return None


def find_deadline(text: str, today: date, cut: Sequence[tuple[int, int]] = ()) -> DeadlineMatch | None:
    """Locate the first deadline phrase in free text (see the module notes).

    ``cut`` holds spans of ``text`` the caller has already taken (the ``@owner``): they
    are never part of a phrase and count as the end of the line for trailing forms."""
    work = fold(text)
    for start, end in cut:
        work = work[:start] + _HOLE * (end - start) + work[end:]
    found: DeadlineMatch | None = None
    pos = 0
    while pos < len(work):
        hit = _phrase_at(work, text, pos, today)
        if hit and found is None:
            found = DeadlineMatch(hit[0], pos, hit[1])
        pos = hit[1] if hit else pos + 1
    return found

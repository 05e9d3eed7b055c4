"""The one-line quick capture: ``@alice send the draft MOU to Company B by Dec 8``.

A line yields an owner, a deadline (see :mod:`coopconsole.domain.dates`) and the
deliverable (what is left). Every failure is a :class:`CaptureError` with a stable
``code``: ``empty``, ``owner-empty``, ``two-owners``, ``bad-date``, ``empty-deliverable``.
Decisions:

* The line is first cleaned like any typed line (:func:`coopconsole.domain.typed_text.clean_line`:
  NFC, no control characters, breaks and tabs as spaces, trimmed); ``Capture.text`` is
  that cleaned line. Full-width forms (``＠``, ``：``) are read as ASCII.
* ``@`` right after an ASCII letter, digit or one of ``._%+-`` belongs to an e-mail
  address and is not an owner. ``@`` followed by a space, punctuation or nothing is
  ``owner-empty``.
* ``@`` owner lookup, case-insensitive, first tier with any hit wins: the longest full
  participant name the text after ``@`` starts with (for ASCII names the next character
  must not be a letter or digit; CJK names need no space after them); then the typed
  token (letters, digits, ``_ ' . -``; ``_`` and ``.`` stand for spaces) equal to a full
  name; equal to a word of a name; a prefix of a name or of one of its words.
* The owner may be anyone on the list, someone marked absent too (``owner_absent``: the
  SMART check notes it, see :mod:`coopconsole.domain.smart`).
* Unknown and ambiguous names are kept and flagged, never refused: the owner is the
  name as typed, with ``owner_known`` false. When two or more people are in the winning
  tier (``@c`` for Alice Chen and Chloe Martin), ``owner_candidates`` names them and the
  SMART check reports ``owner-ambiguous``. Parked points (:func:`parse_mention`) keep
  such a name as who raised the point.
* An unknown CJK token is cut before the first connector or verb (``负责``, ``在``,
  ``完成``, ...) so ``@王五负责提交报告`` keeps ``王五``; in an action's line, before a
  deadline phrase that starts after its first character too, so ``@王五下周五前提交报告``
  keeps ``王五`` and its deadline (a name unknown to the meeting that holds a date word,
  ``@李周五``, is cut as well: the owner is flagged unknown either way, and the row shows
  the date read). Other unknown tokens are kept as typed.
* Several ``@`` mentions are ``two-owners`` unless all of them name the same known
  participant.
* Without ``@``, the owner is a participant's full name or a word of it (two characters
  or more, exact, case-insensitive) that opens the line, optionally after ``请``/``由``/
  ``让``; or a full name right before ``负责`` (``A公司技术部张三,负责...``), where the
  qualifier glued to the name (``A公司技术部``) is dropped too. A name that fits several
  participants gives no owner (the SMART check reports it missing).
* The deadline is looked for after the ``@`` owner is cut out (so ``send it +3d @alice``
  ends with ``+3d``), the implicit owner after the deadline is cut out.
* Deliverable: the line minus the owner and the deadline phrase; separators doubled at a
  cut collapse to one, empty brackets go, runs of spaces become one, and at the ends
  separators (``, ，、;；:：.。-–—|/*•·``) and connector words (``to``, ``will``, ``shall``,
  ``should``, ``must``, ``need(s) to``, ``has to``, ``is to``, ``and``, ``then``,
  ``负责``, ``需要``, ``并且``) are removed. Cut pieces are joined by a space unless the
  join touches CJK text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from coopconsole.domain.dates import DateError, DeadlineMatch, find_deadline, fold
from coopconsole.domain.deliverable import EDGE_SEPS, blank, deliverable_of, is_cjk, tight
from coopconsole.domain.frozen import record
from coopconsole.domain.model import Attendance, Participant
from coopconsole.domain.typed_text import clean_line


class CaptureError(ValueError):
    """A line could not be captured; ``code`` is stable, ``message`` is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@record
class Capture:
    text: str
    deliverable: str
    owner: str
    owner_id: int | None
    owner_known: bool
    deadline: date | None
    deadline_text: str
    owner_candidates: tuple[str, ...] = ()  # who an ambiguous ``@name`` could be
    owner_absent: bool = False  # the owner found is marked absent from the meeting


_EMAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_TOKEN_EXTRA = "_'.-’"
_CJK_STOPS = re.compile(
    "负责|在|于|将|把|和|与|给|向|需要|要|完成|提交|发送|提供|起草|撰写|准备|整理|签署|发布|安排|制定|"
    "输出|跟进|推进|研究|考虑|讨论|沟通|了解|关注|协调|确认|联系|对接"
)
_POLITE = ("请", "由", "让")


# The names' folded forms are worked out once per name, not once per participant and
# capture: with thirty people in the room, folding every name again cost each capture
# about a millisecond.
_NAMES_KEPT = 4096


def _name(person: Participant) -> str:
    """The participant's name as it is compared with the (cleaned, folded) line."""
    return _folded_name(person.name)


def learn_names(people: Sequence[Participant]) -> None:
    """Work out the folded forms of everyone's name now, so that the first capture that
    names an owner does not (a console does this before its first capture)."""
    for person in people:
        _name(person)
        _words(person.name)


@lru_cache(maxsize=_NAMES_KEPT)
def _folded_name(name: str) -> str:
    return fold(unicodedata.normalize("NFC", name.strip()))


@lru_cache(maxsize=_NAMES_KEPT)
def _key(name: str) -> str:
    name = fold(unicodedata.normalize("NFC", name))
    return " ".join(name.replace("_", " ").replace(".", " ").split()).casefold()


@lru_cache(maxsize=_NAMES_KEPT)
def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s·・]+", _key(name)) if w)


def _at(work: str, pos: int, name: str) -> bool:
    """``name`` (case-insensitive) occurs at ``pos`` and is not glued to a following word."""
    end = pos + len(name)
    if not name or pos < 0 or work[pos:end].casefold() != name.casefold():
        return False
    return end >= len(work) or tight(name[-1]) or not work[end].isalnum()


_Found = tuple[Participant | None, tuple[str, ...]]  # (the one person, or the candidates)


def _one(people: list[Participant]) -> _Found:
    unique = list({p.id: p for p in people}.values())
    if len(unique) == 1:
        return unique[0], ()
    names = [p.name.strip() for p in unique]
    return None, tuple(
        f"{n} ({p.organisation})" if names.count(n) > 1 and p.organisation else n
        for n, p in zip(names, unique, strict=True)
    )


def _lookup(token: str, people: Sequence[Participant]) -> _Found:
    key = _key(token)
    tiers = (
        lambda p: _key(p.name) == key,
        lambda p: key in _words(p.name),
        lambda p: _key(p.name).startswith(key) or any(w.startswith(key) for w in _words(p.name)),
    )
    for test in tiers:
        hits = [p for p in people if test(p)]
        if hits:
            return _one(hits)
    return None, ()


def _mention(work: str, clean: str, at: int, people: Sequence[Participant], today: date | None = None):
    """Read the owner after the ``@`` at ``at``: (end, participant or None, typed token,
    candidates when ambiguous). ``today``: an action's line, whose deadline an unknown
    CJK name may run into."""
    start = at + 1
    full = [(len(_name(p)), p) for p in people if _at(work, start, _name(p))]
    if full:
        longest = max(n for n, _ in full)
        person, candidates = _one([p for n, p in full if n == longest])
        return start + longest, person, clean[start : start + longest], candidates
    end = start
    while end < len(work) and (work[end].isalnum() or work[end] in _TOKEN_EXTRA):
        end += 1
    token = work[start:end].rstrip(_TOKEN_EXTRA)
    if any(is_cjk(c) for c in token):
        stop = _CJK_STOPS.search(token, 1)
        token = token[: stop.start()] if stop else token
        if today is not None:
            token = token[: _deadline_start(token, today)]
    if not token:
        raise CaptureError("owner-empty", "'@' must be followed by the owner's name, e.g. '@Alice'.")
    end = start + len(token)
    person, candidates = _lookup(token, people)
    return end, person, clean[start:end], candidates


def _deadline_start(token: str, today: date) -> int:
    """Where a deadline phrase begins in an unknown CJK name after its first character
    (``王五下周五前``: 2, before ``下周五前``), or the name's length if none does."""
    try:
        found = find_deadline(token, today)
    except DateError:  # an impossible date (2月30日前): the name is left whole, as before
        return len(token)
    return found.start if found is not None and found.start >= 1 else len(token)


def _explicit_owner(work: str, clean: str, people: Sequence[Participant], today: date | None = None):
    ats = [i for i, c in enumerate(work) if c == "@" and not (i > 0 and work[i - 1] in _EMAIL_CHARS)]
    found = []
    for i in ats:
        try:
            found.append((i,) + _mention(work, clean, i, people, today))
        except CaptureError:
            if len(ats) == 1:
                raise
            found.append((i, i + 1, None, "?", ()))
    if not found:
        return None
    ids = {p.id if p else None for _, _, p, _, _ in found}
    if len(found) > 1 and (len(ids) > 1 or None in ids):
        raise CaptureError(
            "two-owners",
            "An action has one owner; the line names "
            f"{len(found)}: " + ", ".join(clean[s:e] for s, e, *_ in found) + ".",
        )
    spans = [(_polite_start(work, s), e) for s, e, *_ in found]
    return spans, found[0][2], found[0][3], found[0][4]


def _polite_start(work: str, start: int) -> int:
    i = start
    while i > 0 and work[i - 1] == " ":
        i -= 1
    return i - 1 if i > 0 and work[i - 1] in _POLITE else start


def _names(people: Sequence[Participant], words: bool) -> list[tuple[str, Participant]]:
    out = []
    for p in people:
        full = _name(p)
        out.append((full, p))
        if words:
            out += [(w, p) for w in full.split() if len(w) >= 2 and w != full]
    return out


def _ends_at(work: str, end: int, name: str) -> bool:
    """``name`` (case-insensitive) ends at ``end`` and is not glued to a preceding word."""
    begin = end - len(name)
    if not name or begin < 0 or work[begin:end].casefold() != name.casefold():
        return False
    return begin == 0 or tight(name[0]) or not work[begin - 1].isalnum()


def _implicit_owner(work: str, people: Sequence[Participant]):
    lead = len(work) - len(work.lstrip(EDGE_SEPS))
    start = lead
    if work.startswith(_POLITE, start):
        start += 1
        start += len(work[start:]) - len(work[start:].lstrip())
    hits = [(len(n), p) for n, p in _names(people, True) if _at(work, start, n)]
    if hits:
        longest = max(n for n, _ in hits)
        winners = {p.id: p for n, p in hits if n == longest}
        if len(winners) == 1:
            return (lead, start + longest), next(iter(winners.values()))
    for m in re.finditer("负责", work):
        end = m.start()
        while end > 0 and work[end - 1] in " ,，:：、":
            end -= 1
        found = {p.id: (n, p) for n, p in _names(people, False) if _ends_at(work, end, n)}
        if len(found) == 1:
            name, person = next(iter(found.values()))
            begin = end - len(name)
            while begin > 0 and not work[begin - 1].isspace() and work[begin - 1] not in EDGE_SEPS:
                begin -= 1
            return (begin, end), person
    return None


def parse_capture(text: str, participants: Sequence[Participant], now: datetime) -> Capture:
    """Read one quick-capture line; raises CaptureError (never anything else) on failure."""
    clean = clean_line(text)
    if not clean:
        raise CaptureError("empty", "Nothing to capture: type the action, e.g. '@Alice send the draft MOU by Dec 8'.")
    work = fold(clean)
    people = [p for p in participants if p.name.strip()]
    spans: list[tuple[int, int]] = []
    owner, typed, candidates = None, "", ()
    explicit = _explicit_owner(work, clean, people, now.date())
    if explicit:
        spans, owner, typed, candidates = explicit
    try:
        match = find_deadline(work, now.date(), cut=spans)
    except DateError as exc:
        raise CaptureError("bad-date", exc.message) from None
    if match:
        spans.append((match.start, match.end))
    if not explicit:
        implicit = _implicit_owner(blank(work, spans), people)
        if implicit:
            spans.append(implicit[0])
            owner = implicit[1]
            typed = owner.name
    deliverable = deliverable_of(clean, spans)
    if not deliverable:
        raise CaptureError(
            "empty-deliverable", "Say what will be delivered, e.g. '@Alice send the draft MOU by Dec 8'."
        )
    return _result(clean, deliverable, owner, typed, candidates, match)


def _result(
    clean: str,
    deliverable: str,
    owner: Participant | None,
    typed: str,
    candidates: tuple[str, ...] = (),
    match: DeadlineMatch | None = None,
) -> Capture:
    return Capture(
        text=clean,
        deliverable=deliverable,
        owner=owner.name if owner else typed,
        owner_id=owner.id if owner else None,
        owner_known=owner is not None,
        deadline=match.deadline if match else None,
        deadline_text=clean[match.start : match.end].strip() if match else "",
        owner_candidates=() if owner else candidates,
        owner_absent=owner is not None and owner.attendance is Attendance.ABSENT,
    )


def parse_mention(text: str, participants: Sequence[Participant], today: date | None = None) -> Capture:
    """Read a line whose only structure is an optional ``@name`` (who raised a point).

    Used for parked points: the words, dates included, are kept as typed; ``deadline``
    is always None. Raises CaptureError like :func:`parse_capture`.

    An unknown CJK name that runs into the point with nothing after it
    (``@王五下周五前再议``) stops where a date phrase starts, as an action's owner does
    (``today`` resolves the phrase): the point is ``下周五前再议``, raised by ``王五``,
    rather than refused as empty. A name followed by other words is read as before.
    """
    clean = clean_line(text)
    if not clean:
        raise CaptureError("empty", "Nothing to capture: type the point to park.")
    people = [p for p in participants if p.name.strip()]
    work = fold(clean)
    explicit = _explicit_owner(work, clean, people)
    if not explicit:
        return _result(clean, clean, None, "")
    spans, owner, typed, candidates = explicit
    rest = deliverable_of(clean, spans)
    if not rest and owner is None and today is not None:
        spans, owner, typed, candidates = _explicit_owner(work, clean, people, today)
        rest = deliverable_of(clean, spans)
    if not rest:
        raise CaptureError("empty-deliverable", "Say what the point is, e.g. '@Bruno pricing model'.")
    return _result(clean, rest, owner, typed, candidates)

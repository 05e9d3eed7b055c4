"""The people an agenda puts in charge are people in the meeting.

The facilitator, the note-taker and the owners of agenda items are named in the
meeting details and on the items, often without a line in the participants list. They
run the meeting, present, speak and own actions, so :func:`with_people_in_charge` makes
each of them a participant:

* Someone is found among the participants by name, case-insensitively: the full name,
  or one word that is the first or the last word of exactly one participant's name
  (``Dana`` for Dana Okafor), or a family name and a form of address that fit exactly
  one participant (``王总`` for 王磊). Found, they are not added again; the facilitator and the
  note-taker keep their row and are given the duty (a participant has one duty: someone
  named both facilitator and note-taker is the facilitator).
* Not found, they are added after the listed participants, in this order: the
  facilitator, the note-taker, then the item owners in agenda order. They have no
  organisation and no role; the facilitator and the note-taker have their duty, an item
  owner none.
* The facilitator and the note-taker are each one person: the value as written (with a
  bracketed remark already dropped by the importer). An item owner may name several
  people (``Alice Chen & Bruno Silva``, ``Alice Chen, Bruno Silva``, ``刘洋、王磊``); a
  bracketed remark (``周宁（主持）``) is dropped. An owner that is an organisation of the
  participants (``Company B``) or is written as one (``Chamber of Commerce and Industry``
  stays whole), everyone, a role or logins (see :mod:`coopconsole.agenda.owner_words`),
  or that does not read as a person's full name (``All``,
  ``Each party``, ``各方``, a lone given name nobody has) is not made a participant: the
  item keeps its owner as written.
* A name that fits several participants (``Wang`` for two Wangs) is left as written: it
  adds nobody and gives no duty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from coopconsole.agenda.owner_words import owner_words
from coopconsole.agenda.person_names import is_placeholder, names_in_round_brackets
from coopconsole.domain.model import Duty, Participant

_REMARK = re.compile(r"\s*[(（][^()（）]*[)）]")
_POLITE = re.compile(r"([\u4e00-\u9fff]{1,2}?)(?:总|工|经理|老师|主任|博士|董)")
_SEPARATORS = re.compile(r"\s*(?:[,，、/&＆+;；]|\s+and\s+)\s*")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _fits(name: str, people: Iterable[Participant]) -> list[Participant]:
    """The participants ``name`` may name (see the module notes)."""
    key = _key(name)
    if not key:
        return []
    people = list(people)
    exact = [p for p in people if _key(p.name) == key]
    if exact or " " in key:
        return exact[:1]
    polite = _POLITE.fullmatch(key)
    if polite:  # 王总 for 王磊: the family name and a form of address
        return [p for p in people if _key(p.name).startswith(polite.group(1))]
    return [p for p in people if _key(p.name) and key in (_key(p.name).split()[0], _key(p.name).split()[-1])]


def find_person(name: str, people: Iterable[Participant]) -> Participant | None:
    """The one participant ``name`` names (full name, or one word of exactly one name)."""
    fits = _fits(name, people)
    return fits[0] if len(fits) == 1 else None


def owner_names(owner: str, people: Iterable[Participant]) -> list[str]:
    """The people an item's owner names: each part that is a participant or reads as a
    person's full name, and is neither a placeholder nor an organisation."""
    people = list(people)
    orgs = {_key(p.organisation) for p in people if p.organisation.strip()}
    if _key(owner) not in {_key(p.name) for p in people} and owner_words(owner):
        return []  # "Chamber of Commerce and Industry", "全体", "Chair", "@dbaron": whole, nobody to add
    names = []
    for part in _SEPARATORS.split(_REMARK.sub("", owner).strip()):
        part = part.strip()
        if not part or is_placeholder(part) or _key(part) in orgs:
            continue
        fits = len(_fits(part, people))
        if fits == 1 or (fits == 0 and names_in_round_brackets(part)):
            names.append(part)
    return names


def with_people_in_charge(
    participants: list[Participant], facilitator: str, note_taker: str, owners: Iterable[str]
) -> list[Participant]:
    """``participants`` with the facilitator, the note-taker and the item owners among
    them (see the module notes); ids go on from the last one."""
    people = list(participants)

    def take(name: str, duty: Duty) -> None:
        name = name.strip()
        fits = _fits(name, people)
        if not name or is_placeholder(name) or len(fits) > 1:
            return
        found = fits[0] if fits else None
        if found is None:
            people.append(Participant(max((p.id for p in people), default=0) + 1, name, duty=duty))
        elif duty is not Duty.NONE and found.duty is Duty.NONE:
            people[people.index(found)] = replace(found, duty=duty)

    take(facilitator, Duty.FACILITATOR)
    take(note_taker, Duty.NOTE_TAKER)
    for owner in owners:
        for name in owner_names(owner, people):
            take(name, Duty.NONE)
    return people

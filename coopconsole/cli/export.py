"""A session's action items for other tools: CSV, iCalendar to-dos, a Markdown task list.

Choices:

* **Selecting.** ``--owner`` names a participant as the quick capture does (the whole
  name, or the start of exactly one name, any case); actions owned by that person are
  chosen, and so are actions whose typed owner is that text when nobody fits. ``--org``
  is an organisation, whole or the start of exactly one, any case; an action belongs to
  its own organisation, else its owner's. A name that fits nobody is refused with the
  names that would fit; a filter that fits but owns nothing gives an empty list.
* **CSV.** UTF-8 with a byte-order mark and CRLF line ends (RFC 4180), which spreadsheet
  programs need to open Chinese text correctly; a header row in the chosen language.
  Dates are ISO (``2026-12-15``), which every spreadsheet and task tool reads. A text
  cell that starts with ``=``, ``+``, ``-`` or ``@``, their full-width or small forms
  (``＝ ＋ － ＠``, ``﹦ ﹢ ﹣ ﹫``, which spreadsheets in East Asian locales take as the
  ASCII ones), a tab or a carriage return (OWASP's list for CSV injection) gets a
  leading ``'``, so that a spreadsheet shows it as text instead of running it as a
  formula.
* **iCalendar.** One ``VTODO`` per action, written by the icalendar package: ``UID``
  stable per session and action (importing again updates rather than duplicates), the
  deadline as an all-day ``DUE``, the owner in ``CONTACT`` and the description, the
  organisation in ``CATEGORIES``, ``STATUS`` from the action's status (under review
  counts as in process). An action carried from meeting to meeting keeps the ``UID`` of
  the meeting it was first captured in.
* **Task list.** ``- [ ]`` / ``- [x]`` lines, the text escaped as in the minutes; an
  action in progress or in review says so after its deadline.
* **A series** (``--series NAME``): every action of the series once, as it stands now
  (its newest copy, in the meeting that holds it), the series in meeting order.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from coopconsole.domain.board import origin_of
from coopconsole.domain.model import ActionItem, ActionStatus, Session
from coopconsole.domain.typed_text import names_fitting
from coopconsole.minutes.markdown import bold, inline
from coopconsole.texts.formats import short_date, w

FORMATS = ("csv", "ics", "md")
_FORMULA = frozenset("=+-@\t\r")
_ICS_STATUS = {
    ActionStatus.TODO: "NEEDS-ACTION",
    ActionStatus.IN_PROGRESS: "IN-PROCESS",
    ActionStatus.UNDER_REVIEW: "IN-PROCESS",
    ActionStatus.DONE: "COMPLETED",
}
CSV_COLUMNS = (
    "col.deliverable",
    "col.owner",
    "col.organisation",
    "col.deadline",
    "col.status",
    "col.item",
    "col.session",
    "col.id",
    "col.check",
)


class ExportError(ValueError):
    """A filter that fits nobody; the message says what would fit."""


def organisation_of(action: ActionItem, session: Session) -> str:
    if action.organisation:
        return action.organisation
    owner = session.participant(action.owner_id)
    return owner.organisation if owner else ""


def select(session: Session, owner: str | None = None, org: str | None = None) -> list[ActionItem]:
    """The actions owned by ``owner`` and belonging to ``org`` (each optional)."""
    chosen = list(session.actions)
    if owner is not None:
        people = list(session.participants)
        fits = names_fitting(owner, [p.name for p in people])
        if len(set(fits)) > 1:
            raise ExportError(
                f"--owner {owner!r} fits several participants: {', '.join(sorted(set(fits)))}. Give more of the name."
            )
        if fits:
            ids = {p.id for p in people if p.name == fits[0]}
            chosen = [a for a in chosen if a.owner_id in ids or (a.owner_id is None and a.owner == fits[0])]
        else:
            typed = [a for a in chosen if a.owner_id is None and a.owner.casefold() == owner.strip().casefold()]
            if not typed:
                known = sorted({p.name for p in people} | {a.owner for a in session.actions if a.owner})
                raise ExportError(
                    f"Nobody called {owner!r} is in this session. Owners and participants: "
                    f"{', '.join(known) or '(none)'}."
                )
            chosen = typed
    if org is not None:
        orgs = sorted(
            {p.organisation for p in session.participants if p.organisation}
            | {organisation_of(a, session) for a in session.actions} - {""}
        )
        fits = names_fitting(org, orgs)
        if len(fits) != 1:
            detail = "fits several" if fits else "is not one of"
            raise ExportError(f"--org {org!r} {detail} this session's organisations: {', '.join(fits or orgs)}.")
        chosen = [a for a in chosen if organisation_of(a, session) == fits[0]]
    return chosen


def _cell(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet could read it as a formula."""
    if text and unicodedata.normalize("NFKC", text[0])[:1] in _FORMULA:
        return f"'{text}"
    return text


#: An action and the meeting holding it (an export across a series has several meetings).
Held = tuple[Session, ActionItem]


def held(session: Session, actions: Sequence[ActionItem]) -> list[Held]:
    return [(session, a) for a in actions]


def to_csv(session: Session, actions: Sequence[ActionItem], lang: str = "en") -> str:
    """The CSV text of ``session``'s ``actions`` (see :func:`csv_of`)."""
    return csv_of(held(session, actions), lang)


def csv_of(actions: Sequence[Held], lang: str = "en") -> str:
    """The CSV text, byte-order mark first (write it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([w(key, lang) for key in CSV_COLUMNS])
    for session, a in actions:
        item = session.item(a.item)
        writer.writerow(
            [
                _cell(a.deliverable or a.text),
                _cell(a.owner),
                _cell(organisation_of(a, session)),
                a.deadline.isoformat() if a.deadline else "",
                w(f"status.{a.status.value}", lang),
                _cell(f"{item.id}. {item.title}") if item else "",
                _cell(session.title or session.name),
                str(a.id),
                ", ".join(w(f"check.{code}", lang) for code in a.smart.problems) or w("check.ok", lang),
            ]
        )
    return "\ufeff" + out.getvalue()


def to_ics(session: Session, actions: Sequence[ActionItem], now: datetime, lang: str = "en") -> bytes:
    """An iCalendar file of ``session``'s ``actions`` (see :func:`ics_of`)."""
    return ics_of(held(session, actions), now, session.title or session.name, lang)


def ics_of(actions: Sequence[Held], now: datetime, title: str, lang: str = "en") -> bytes:
    """An iCalendar file with one VTODO per action. The ``UID`` is the action's first
    name (``meeting-action-N``): an action carried into later meetings stays one to-do,
    updated by each export instead of added again."""
    from icalendar import Calendar, Todo  # only this format needs it

    calendar = Calendar()
    calendar.add("prodid", "-//coopconsole//actions//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", w("ics.calendar", lang, title=title))
    for session, a in actions:
        todo = Todo()
        meeting, _, number = origin_of(session.name, a).rpartition("#")
        todo.add("uid", f"{meeting}-action-{number}@coopconsole")
        todo.add("dtstamp", now)
        if a.created_at is not None:
            todo.add("created", a.created_at)
        todo.add("summary", a.deliverable or a.text)
        if a.deadline is not None:
            todo.add("due", a.deadline)
        todo.add("status", _ICS_STATUS[a.status])
        if a.status is ActionStatus.DONE:
            todo.add("percent-complete", 100)
        organisation = organisation_of(a, session)
        if a.owner:
            todo.add("contact", f"{a.owner} ({organisation})" if organisation else a.owner)
        if organisation:
            todo.add("categories", [organisation])
        todo.add("description", _description(session, a, organisation, lang))
        calendar.add_component(todo)
    return calendar.to_ical()


def _description(session: Session, a: ActionItem, organisation: str, lang: str) -> str:
    item = session.item(a.item)
    owner = a.owner or w("owner.none", lang)
    parts = [f"{w('col.owner', lang)}: {owner}" + (f" ({organisation})" if organisation else "")]
    if item is not None:
        parts.append(f"{w('col.item', lang)}: {item.id}. {item.title}")
    day = f", {session.date.isoformat()}" if session.date else ""
    parts.append(f"{w('col.session', lang)}: {session.title or session.name}{day}")
    if a.text and a.text != a.deliverable:
        parts.append(a.text)
    if a.smart.problems:
        parts.append(f"{w('col.check', lang)}: " + ", ".join(w(f"check.{c}", lang) for c in a.smart.problems))
    return "\n".join(parts)


def to_tasks(session: Session, actions: Sequence[ActionItem], lang: str = "en") -> str:
    """The task list of ``session``'s ``actions`` (see :func:`tasks_of`)."""
    return tasks_of(held(session, actions), lang)


def tasks_of(actions: Sequence[Held], lang: str = "en") -> str:
    """A Markdown task list, one line per action, with its state when it is under way."""
    out = []
    several = len({session.name for session, _ in actions}) > 1  # then "#3" alone would not say which
    for session, a in actions:
        box = "[x]" if a.status is ActionStatus.DONE else "[ ]"
        organisation = organisation_of(a, session)
        who = bold(inline(a.owner)) if a.owner else w("owner.none", lang)
        if organisation:
            who = f"{who} ({inline(organisation)})"
        due = short_date(a.deadline, lang) if a.deadline else w("deadline.none", lang)
        flag = "" if a.smart.ok else " ⚠ " + ", ".join(w(f"check.{c}", lang) for c in a.smart.problems)
        colon = ":" if lang == "zh" else ":"
        due = w("tasks.due", lang, date=due)
        if a.status in (ActionStatus.IN_PROGRESS, ActionStatus.UNDER_REVIEW):
            due = f"{due}, {w(f'status.{a.status.value}', lang)}"
        ref = f"{inline(session.name)}#{a.id}" if a.origin or several else f"#{a.id}"
        out.append(f"- {box} {who}{colon} {inline(a.deliverable or a.text)}, {due} ({ref}){flag}")
    return "".join(f"{line}\n" for line in out)

"""Import a Markdown agenda into a planned :class:`~coopconsole.domain.model.Session`.

The document is parsed with markdown-it (CommonMark plus tables) and walked block by
block. Headings open sections by their name or by an agenda word in it, and agenda
entries outside the agenda are imported or reported, as described in
:mod:`coopconsole.agenda.sections`. Block quotes are read as if unquoted; HTML blocks,
HTML comments and thematic breaks are skipped; front matter is skipped. Exports of
document tools and HTML headings and lists are made Markdown first (see
:mod:`coopconsole.agenda.exports`).

Decisions where the format leaves room:

* Title: the first level-1 heading; else the document's first heading unless it is a
  section name; else ``title:`` in front matter or a ``Title:``/``会议名称:`` line; else
  the first heading; in a document with no heading, its first line when that is plain
  text (no time, no box, no number), a date line right under it (``Tuesday 12 January
  2027, 9:30am, Zoom``) giving the date, the start and the place; else ``name`` as
  given by the caller (the command line passes the agenda file's name without its
  extension). Nothing else is made up.
* Meeting details are ``Key: value`` lines (list items, plain lines, or two-column table
  rows) outside the goals and participants sections; in an agenda section only plain
  lines are considered, and in one read strictly (see :mod:`coopconsole.agenda.sections`)
  also its list items and the rows of a table without agenda columns. The first value
  wins; front matter only fills what the body leaves empty. ``Date``/``Time``/``日期``/``时间``
  values may carry a date, a start and an end (``09:00-12:00``). Facilitator and note-taker lose a bracketed remark:
  ``周宁(第三方顾问)`` becomes ``周宁`` (the remark is dropped; the participants list
  carries who a person is). ``Participants: A, B`` and ``Goal: X`` lines add
  participants and goals.
* The session start is the start written on the date/time line, else the first item's
  start. A date that cannot be read is reported; a missing date is not.
* A time range on an item gives its time box unless a box is written. An item with a
  start but no box lasts until the next item's start; the last one until the meeting end
  from a range on the date/time line. Any item still without a box is reported (and kept
  with ``minutes=None``), as are boxes of 0 or more than 24 hours (dropped).
* A plan that runs past the end of its slot (the end on the date/time line), and an
  item that starts before the one before it ends, are reported (the times are kept).
  An agenda over several days (see :mod:`coopconsole.agenda.block_walk`) is one
  session, its items in day order; the first item of each day has the day as its first
  sub-point (``Day: Thursday, 12th October`` / ``日期：…``), and the checks start again
  with each day (the end on the date/time line is then each day's, not checked).
* A front-matter date written as a time stamp (``date: 2026-04-23T23:12:09Z``, as wikis
  and site generators record an edit) gives its day only, never the meeting's start.
* An item with no title keeps a placeholder ``Item N`` (``议题 N``) and is reported.
* No agenda heading at all: lists, tables, timed headings and timed or enumerated lines
  anywhere outside the goals and participants sections are read as the agenda, skipping
  meeting-detail lines; unless nothing there is timed and the document is written one
  heading per topic (see :mod:`coopconsole.agenda.walked_sections`). The same happens
  when the agenda sections hold no item. When they do, timed entries elsewhere are reported, not imported (see
  :mod:`coopconsole.agenda.sections`).
* The facilitator, the note-taker and the item owners are participants: those not in
  the participants list are added to it (see :mod:`coopconsole.agenda.in_charge`).
* Owners: a placeholder such as ``—``, ``TBD`` or ``待定`` (in an Owner column or after a
  dash) means no owner. Names in round brackets count as the owner when they name
  listed participants (see :mod:`coopconsole.agenda.person_names`), so participants are read
  before the agenda.
* ``lang`` is ``zh`` when the title and item titles hold at least one CJK character for
  every three Latin letters (a Chinese character carries about a word), else ``en``.
* Problems are listed in line order. Only :class:`AgendaError` is ever raised: for text
  with no agenda item, and (with the cause attached) should reading fail unexpectedly.
* Text is cleaned as the quick capture cleans it (control characters, ESC among them, and
  bidirectional overrides removed; see :mod:`coopconsole.agenda.markdown_lines`): every
  string of the session, every problem and every error message, which quote the agenda
  and are printed on a terminal. The ``name`` given by the caller too.
* A pasted video-call invitation (meeting ID, passcode, dial-in numbers) is reported
  once and not read (see :mod:`coopconsole.agenda.call_invite`); its join link is the
  place when the agenda names none. ``Topic:`` (the invitation's meeting name) is a
  title key.
* Entries under a heading that sets them aside (``Proposed agenda items (to be scheduled
  if time permits)``, ``Parking lot``, ``Deferred``; see :mod:`coopconsole.agenda.sections`)
  are open points of the session's parking lot, not items of the plan; each is reported.
* Lists and quotes nested deeper than Markdown is read (some 50 levels of lists) are
  reported with their lines, not imported.
"""

from __future__ import annotations

import re
from datetime import time

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.call_invite import strip_invite
from coopconsole.agenda.clock_order import settle_times
from coopconsole.agenda.exports import plain_markdown
from coopconsole.agenda.goals import read_goals
from coopconsole.agenda.in_charge import with_people_in_charge
from coopconsole.agenda.item_line import is_break
from coopconsole.agenda.items import AgendaReader, Draft, Report
from coopconsole.agenda.markdown_lines import (
    Line,
    cjk_count,
    latin_count,
    normalise_source,
    parse,
    split_front_matter,
    unread_spans,
)
from coopconsole.agenda.meeting_details import MeetingDetails, header_lines, plain_header
from coopconsole.agenda.people import Person, read_participants
from coopconsole.agenda.person_names import is_placeholder
from coopconsole.agenda.plan_checks import check_plan
from coopconsole.agenda.results import AgendaError, AgendaImport, ImportProblem
from coopconsole.agenda.sections import Section, mark_continuations, outline, outside_items
from coopconsole.agenda.walked_sections import section_items
from coopconsole.domain.model import AgendaItem, Goal, GoalTier, ItemKind, ParkedItem, Participant, Session
from coopconsole.domain.plan_review import PlanReview
from coopconsole.domain.typed_text import clean_line


def _flatten(nodes: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    out: list[SyntaxTreeNode] = []
    for node in nodes:
        if node.type == "blockquote":
            out.extend(_flatten(node.children))
        elif node.type not in ("html_block", "hr"):
            out.append(node)
    return out


def _minutes_between(a: time, b: time) -> int:
    return (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)


def _finish(drafts: list[Draft], meta: MeetingDetails, lang: str, report: Report) -> list[AgendaItem]:
    settle_times(drafts, meta.start)  # elapsed times; a 12-hour clock in the afternoon
    for d in drafts:
        if d.start and d.end:
            diff = _minutes_between(d.start, d.end)
            if diff <= 0:
                report(d.line, "range_backwards", title=d.title or d.source)
            elif d.minutes is None:
                d.minutes = diff
    for i, d in enumerate(drafts):
        if d.minutes is None and d.start is not None:
            nxt = drafts[i + 1].start if i + 1 < len(drafts) else meta.end
            if nxt is not None and _minutes_between(d.start, nxt) > 0:
                d.minutes = _minutes_between(d.start, nxt)
    items = []
    for number, d in enumerate(drafts, start=1):
        title = d.title
        if not title:
            title = f"议题 {number}" if lang == "zh" else f"Item {number}"
            report(d.line, "no_title", line=d.source, title=title)
        if d.minutes is not None and not 0 < d.minutes <= 24 * 60:
            report(d.line, "implausible_box", minutes=d.minutes, title=title)
            d.minutes = None
        if d.minutes is None:
            last = number == len(drafts) and d.start is not None  # nothing to count to
            report(d.line, "no_box_last" if last else "no_box", title=title)
        kind = ItemKind.BREAK if is_break(title) else ItemKind.TOPIC
        owner = "" if is_placeholder(d.owner) else d.owner.strip()
        points = ([f"{'日期' if lang == 'zh' else 'Day'}: {d.day}"] if d.day else []) + d.sub_points
        items.append(AgendaItem(number, title, d.start, d.minutes, owner, tuple(points), kind))
    days = {n for n, d in enumerate(drafts) if d.day and n}
    check_plan(items, [d.line for d in drafts], meta.start, None if days else meta.end, report, days)
    return items


def _import(text: str, name: str) -> AgendaImport:
    problems: list[ImportProblem] = []
    source = text

    def report(line: int, key: str, /, **values: object) -> None:
        problems.append(ImportProblem.of(line, key, **values))

    text, front = split_front_matter(normalise_source(text))
    text, invite = strip_invite(plain_markdown(text))
    if invite is not None:
        if invite.last > invite.first:
            report(invite.first, "invite_many", first=invite.first, last=invite.last)
        else:
            report(invite.first, "invite_one", first=invite.first)
    root = parse(text)
    unread = [_unread(first, last) for first, last in unread_spans(root)]
    problems.extend(unread)
    doc = outline(_flatten(root.children))
    sections = doc.sections
    # A trial reading that keeps nothing: it only tells which entries carry times.
    trial = AgendaReader(_ignore, lambda line: MeetingDetails.kind_of(line) is not None)

    def probe(blocks: list[SyntaxTreeNode]) -> list[Draft]:
        return trial.read(blocks, loose=True)

    mark_continuations(sections, probe)
    meta = MeetingDetails(report)
    plain_title = plain_header(sections[0].blocks, meta) if not doc.first_any else ""
    if not doc.first_any:
        header_lines(sections[0].blocks, meta)
    for section in sections:
        meta.headers = meta.headers and section.kind != "agenda"
        if section.kind in ("preamble", "other"):
            meta.scan(section.blocks)
    meta.headers = True
    goals: list[tuple[GoalTier, str]] = []
    people: list[Person | None] = []
    for section in sections:
        if section.kind == "goals":
            goals.extend(read_goals(section.blocks, report))
        elif section.kind == "participants":
            people.extend(read_participants(section.blocks, report, meta.take))
    known = [p.name for p in meta.people + people if p is not None]
    reader = AgendaReader(report, meta.take, known)
    drafts = [d for s in sections if s.kind == "agenda" for d in reader.read(s.blocks, strict=s.strict)]
    if drafts:
        for d in outside_items(sections, probe):
            report(d.line, "outside", entry=d.source or d.title)
    else:
        loose = [b for s in sections if s.kind in ("preamble", "other") for b in s.blocks]
        walked = section_items(sections, reader, probe(loose))
        drafts = walked or reader.read(loose, loose=True)
    parked = _parked(sections, reader, report)
    for key, line in front.items():
        value = line.text
        if re.match(r"\d{4}-\d\d-\d\dT\d", value):
            value = value[:10]  # a file's time stamp (``2026-04-23T23:12:09Z``): its day, not a start
        meta.take(Line(line.no, f"{key}: {value}"))
    goals = meta.goals + goals
    people = meta.people + people
    if not drafts:
        raise AgendaError.none_found(tuple(unread))
    title = doc.first_h1 or doc.first_plain or meta.title or doc.first_any or plain_title or name
    sample = title + " ".join(d.title for d in drafts)
    lang = "zh" if cjk_count(sample) and cjk_count(sample) * 3 >= latin_count(sample) else "en"
    items = _finish(drafts, meta, lang, report)
    session = Session(
        name=name,
        title=title,
        date=meta.date,
        start=meta.start or next((i.start for i in items if i.start), None),
        location=meta.location or (invite.link if invite is not None else ""),
        facilitator=meta.facilitator,
        note_taker=meta.note_taker,
        lang=lang,
        goals=[Goal(i, tier, text) for i, (tier, text) in enumerate(goals, start=1)],
        participants=with_people_in_charge(
            [
                Participant(i, p.name, p.organisation, p.title, p.role)
                for i, p in enumerate((p for p in people if p is not None), start=1)
            ],
            meta.facilitator,
            meta.note_taker,
            (i.owner for i in items),
        ),
        agenda=items,
        parked=parked,
    )
    unique = sorted(dict.fromkeys(problems), key=lambda p: p.line)
    review = PlanReview(
        lines=tuple(clean_line(line) for line in normalise_source(source).split("\n")),
        item_lines=tuple((item.id, d.line) for item, d in zip(items, drafts, strict=True)),
        reported=tuple((p.line, p.message) for p in unique),
        reported_zh=tuple((p.line, p.text("zh")) for p in unique),
    )
    return AgendaImport(session, unique, review)


def _parked(sections: list[Section], reader: AgendaReader, report: Report) -> list[ParkedItem]:
    """The entries of the sections that set entries aside (``Proposed agenda items (to be
    scheduled if time permits)``, ``Parking lot``): open points of the parking lot, not
    items of the plan, each reported so that the facilitator sees where it went."""
    parked: list[ParkedItem] = []
    for section in sections:
        if section.kind != "parked":
            continue
        for d in reader.read(section.blocks, strict=True):
            text = d.source or d.title  # as written: its box and presenters are kept with it
            if not text:
                continue
            report(d.line, "parked", entry=text)
            parked.append(ParkedItem(len(parked) + 1, text, raised_by=d.owner))
    return parked


def _unread(first: int, last: int) -> ImportProblem:
    """What markdown-it skipped for nesting too deep (see ``unread_spans``)."""
    if first == last:
        return ImportProblem.of(first, "unread_one", first=first)
    return ImportProblem.of(first, "unread_many", first=first, last=last)


def _ignore(line: int, key: str, /, **values: object) -> None:
    """The trial reading's report: it keeps nothing."""


def import_agenda(text: str, *, name: str = "") -> AgendaImport:
    """Read a Markdown agenda; see the module notes for what is understood."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", errors="replace")
    if not isinstance(text, str):
        raise AgendaError.of("not_text")
    name = clean_line(name if isinstance(name, str) else str(name))
    try:
        return _import(text, name)
    except AgendaError:
        raise
    except Exception as exc:  # the contract: callers only ever see AgendaError
        raise AgendaError.of("failed", error=f"{type(exc).__name__}: {exc}") from exc

"""A follow-up meeting's minutes and exports: the progress on the previous actions, the
state in every export, one to-do per action across a series, ``export --series``."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from coopconsole.cli.commands import main
from coopconsole.cli.export import csv_of, held, ics_of, tasks_of
from coopconsole.domain.model import ActionItem, ActionStatus, EventKind
from coopconsole.minutes.build import build_minutes
from coopconsole.minutes.check import outline, problems
from coopconsole.service import MeetingService
from coopconsole.service import series as folder_series
from tests.support.sessions import MEETING_START, small_session


@pytest.fixture
def second(store, clock):
    """``first`` left two actions open (one moved to in progress with a remark) and one
    done; ``second`` follows it, the week after."""
    first = small_session("first")
    first.actions = [
        ActionItem(1, "send the draft MOU", owner="Alice Chen", organisation="Company A", deadline=date(2026, 12, 1)),
        ActionItem(2, "draft the data annex", owner="Chloe Martin", deadline=date(2027, 1, 20)),
        ActionItem(3, "book the site visit", owner="Alice Chen", status=ActionStatus.DONE),
    ]
    store.create(first).close()
    with store.open("first") as handle:
        MeetingService(handle, clock).board.move(2, ActionStatus.IN_PROGRESS, "outline agreed")
    base = replace(small_session("second"), date=date(2026, 12, 15))
    folder_series.create(store, folder_series.follow_up_of(store, "first", base, "en"))
    return "second"


def _run_meeting(store, clock, name: str, moves) -> None:
    """Start ``name``'s clock a week on, then make ``moves`` (action, status, remark)."""
    clock.advance(minutes=7 * 24 * 60)
    with store.open(name) as handle:
        service = MeetingService(handle, clock)
        service.agenda.toggle()
        for action, status, remark in moves:
            clock.advance(minutes=1)
            service.board.move(action, status, remark)
        service.captures.capture("action", "@Chloe write the pilot plan by 2027-01-10")


@pytest.mark.parametrize("lang, heading", [("en", "Progress on previous actions"), ("zh", "上次行动项进展")])
def test_the_minutes_report_the_progress_on_each_carried_action(store, clock, second, lang, heading):
    _run_meeting(
        store, clock, second, [(1, ActionStatus.DONE, "signed"), (2, ActionStatus.IN_PROGRESS, "legal read it")]
    )
    with store.open(second) as handle:
        session = handle.load()
    built = build_minutes(session, clock(), lang)
    assert problems(built.text, built.headings) == []
    level_3 = [text for level, text in outline(built.text).headings if level == 3]
    assert heading in level_3
    section = built.text.split(heading, 1)[1].split("###", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| 1 ") or line.startswith("| 2 ")]
    assert len(rows) == 2
    if lang == "en":
        assert "| to do | done | signed |" in rows[0]
        assert "| in progress | in progress | legal read it |" in rows[1]  # "outline agreed" was the first's
        assert (
            "2 actions carried from earlier meetings: 1 done now, 0 moved on without being done, 1 unchanged" in section
        )
    else:
        assert "| 待办 | 已完成 | signed |" in rows[0]


def test_the_minutes_of_a_meeting_that_carried_nothing_have_no_progress_section(store, clock):
    store.create(small_session("alone")).close()
    with store.open("alone") as handle:
        text = build_minutes(handle.load(), clock(), "en").text
    assert "Progress on previous actions" not in text


def test_the_actions_table_shows_the_state_and_where_a_carried_action_comes_from(store, clock, second):
    _run_meeting(store, clock, second, [(1, ActionStatus.UNDER_REVIEW, "")])
    with store.open(second) as handle:
        text = build_minutes(handle.load(), clock(), "en").text
    table = text.split("### All actions", 1)[1]
    assert "| send the draft MOU (from first\\#1) |" in table and "| under review |" in table
    assert "The next meeting opens by reviewing the 3 open action items above." in text


def test_every_export_carries_the_state(store, clock, second):
    _run_meeting(store, clock, second, [(2, ActionStatus.UNDER_REVIEW, "")])
    with store.open(second) as handle:
        session = handle.load()
    rows = list(csv.reader(io.StringIO(csv_of(held(session, session.actions), "en")[1:], newline="")))
    assert [row[4] for row in rows[1:]] == ["to do", "under review", "to do"]
    tasks = tasks_of(held(session, session.actions), "en").splitlines()
    assert "under review (second#2)" in tasks[1]
    calendar = Calendar.from_ical(ics_of(held(session, session.actions), clock(), "t", "en"))
    statuses = [str(todo["status"]) for todo in calendar.walk("VTODO")]
    assert statuses == ["NEEDS-ACTION", "IN-PROCESS", "NEEDS-ACTION"]


def test_a_carried_action_keeps_the_uid_of_the_meeting_it_was_captured_in(store, clock, second):
    with store.open("first") as handle:
        first = handle.load()
    with store.open(second) as handle:
        session = handle.load()
    uids = [
        str(todo["uid"]) for todo in Calendar.from_ical(ics_of(held(first, first.actions), clock(), "t")).walk("VTODO")
    ]
    again = [
        str(todo["uid"])
        for todo in Calendar.from_ical(ics_of(held(session, session.actions), clock(), "t")).walk("VTODO")
    ]
    assert uids[:2] == again[:2] == ["first-action-1@coopconsole", "first-action-2@coopconsole"]


def test_export_series_gives_every_action_of_the_series_once_as_it_stands(store, clock, second, folder):
    _run_meeting(store, clock, second, [(1, ActionStatus.DONE, "")])
    runner = CliRunner()
    args = ["--sessions-dir", str(folder), "export", "--series", "first", "--format"]
    result = runner.invoke(main, [*args, "md", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 4  # first#3 (done there), second#1, second#2, second#3: each action once
    assert sum("send the draft MOU" in line for line in lines) == 1
    assert any(line.startswith("- [x]") and "(second#1)" in line for line in lines)
    assert any("(first#3)" in line for line in lines)
    ics = runner.invoke(main, [*args, "ics"])
    todos = Calendar.from_ical(ics.stdout_bytes).walk("VTODO")
    assert sorted(str(t["uid"]) for t in todos) == [
        "first-action-1@coopconsole",
        "first-action-2@coopconsole",
        "first-action-3@coopconsole",
        "second-action-3@coopconsole",
    ]
    owner = runner.invoke(main, [*args, "csv", "--owner", "chloe"])
    assert owner.exit_code == 0 and owner.stdout.count("\n") == 3  # the header and Chloe's two


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "--format", "md"], "give a session's NAME or --series SERIES"),
        (["export", "first", "--series", "first", "--format", "md"], "give a session's NAME or --series SERIES"),
        (["export", "--series", "nope", "--format", "md"], "There is no series named 'nope'"),
    ],
)
def test_export_needs_one_meeting_or_one_series(store, second, folder, args, message):
    result = CliRunner().invoke(main, ["--sessions-dir", str(folder), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_the_status_of_an_action_between_meetings_counts_before_the_meeting(store, clock, second):
    """A change made before the meeting began is its state "before"; one made during it
    is "now"; a remark made between the meetings is reported with the others."""
    with store.open(second) as handle:
        MeetingService(handle, clock).board.move(1, ActionStatus.IN_PROGRESS, "draft sent to legal")
    _run_meeting(store, clock, second, [])
    with store.open(second) as handle:
        session = handle.load()
    started = next(e.at for e in session.events if e.kind is EventKind.START)
    assert started > MEETING_START + timedelta(days=6)
    text = build_minutes(session, clock(), "en").text
    row = next(line for line in text.splitlines() if line.startswith("| 1 | first\\#1 "))
    assert row.endswith("| in progress | in progress | draft sent to legal |")

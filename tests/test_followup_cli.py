"""The follow-up across meetings on the command line: the next meeting of a series, an
action's state from any terminal, every action of the folder, and the series in 'list'."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.domain.model import ActionItem, ActionStatus, ItemKind, ParkedItem, Resolution, StatusChange
from coopconsole.domain.series import next_meeting_from
from coopconsole.service import series as folder_series
from coopconsole.store import SessionStore
from tests.support.sessions import small_session

SAMPLES = resources.files("coopconsole.samples")
ROOT = Path(__file__).resolve().parent.parent
TODO, DOING, IN_REVIEW, DONE = (
    ActionStatus.TODO,
    ActionStatus.IN_PROGRESS,
    ActionStatus.UNDER_REVIEW,
    ActionStatus.DONE,
)
PAST, FUTURE = date(2001, 1, 15), date(2999, 12, 31)  # whatever today is, one is past and one is not


def moment(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, 0, tzinfo=UTC)


@pytest.fixture
def run(folder):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def agenda(tmp_path) -> Path:
    path = tmp_path / "smart-park.md"
    path.write_text(SAMPLES.joinpath("smart-park.en.md").read_text("utf-8"), "utf-8")
    return path


@pytest.fixture
def agenda_with_review(tmp_path) -> Path:
    path = tmp_path / "second-round.md"
    path.write_text(
        "# Smart Park, second round\n\n- Date: 2026-12-16 10:00\n\n## Participants\n\n"
        "- Alice Chen, Company A, CTO\n- Deepak Rao, Company B, Marketing Director\n\n## Agenda\n\n"
        "| Time | Item | Duration |\n| --- | --- | --- |\n"
        "| 10:00 | Opening | 10 min |\n| 10:10 | Action items review | 12 min |\n| 10:22 | Pilot scope | 40 min |\n",
        "utf-8",
    )
    return path


@pytest.fixture
def first(run, agenda, store) -> Path:
    """'first', from the sample agenda: four actions (#3 done, #1 overdue), two parked
    points (one deferred), the first goal achieved. Returns its path."""
    assert run("new", str(agenda), "--name", "first", "--no-open").exit_code == 0
    with store.open("first") as handle:
        handle.add(
            ActionItem(
                0,
                "Send the draft MOU",
                owner="Alice Chen",
                owner_id=1,
                organisation="Company A",
                deadline=PAST,
                status=DOING,
                history=(StatusChange(moment(2001, 1, 2), DOING, "started"),),
            )
        )
        handle.add(
            ActionItem(
                0,
                "Prepare the pilot budget",
                owner="Chloe Martin",
                owner_id=3,
                organisation="Company B",
                deadline=FUTURE,
            )
        )
        handle.add(
            ActionItem(
                0,
                "Write the press release",
                owner="Bruno Silva",
                owner_id=2,
                organisation="Company A",
                deadline=date(2001, 2, 1),
                status=DONE,
                history=(StatusChange(moment(2001, 1, 3), DONE, "published"),),
            )
        )
        handle.add(
            ActionItem(
                0,
                "Map the data flows",
                owner="Deepak Rao",
                owner_id=4,
                organisation="Company B",
                status=IN_REVIEW,
                history=(StatusChange(moment(2001, 1, 4), IN_REVIEW),),
            )
        )
        handle.add(ParkedItem(0, "Pricing model", "Bruno Silva", 2, resolution=Resolution.DEFERRED))
        handle.add(ParkedItem(0, "Office move", "Alice Chen", 1))
        handle.replace(replace(handle.load().goals[0], achieved=True))
    return store.path_for("first")


@pytest.fixture
def second(run, first, store) -> Path:
    """'second', the meeting after 'first' (made by 'next')."""
    assert run("next", "first", "--name", "second", "--no-open").exit_code == 0
    return store.path_for("second")


def listing(folder: Path) -> dict[str, bytes]:
    """Every file of the folder and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def load(store: SessionStore, name: str):
    with store.open(name) as handle:
        return handle.load()


def action(store: SessionStore, name: str, number: int) -> ActionItem:
    return next(a for a in load(store, name).actions if a.id == number)


def rows(output: str) -> dict[str, list[str]]:
    """The table 'actions' prints, by REF (its first column)."""
    lines = output.splitlines()
    assert lines[0].split()[:2] == ["REF", "STATE"]
    return {line.split()[0]: line.split() for line in lines[1:]}


# -- the next meeting -------------------------------------------------------------------


def test_next_makes_the_meeting_a_week_later_and_says_what_was_carried(run, first, store):
    before = first.read_bytes()
    result = run("next", "first", "--name", "second", "--no-open")
    assert result.exit_code == 0
    assert result.stdout == "second\n"
    assert (
        "second follows first (series first): carried 3 open actions, 1 deferred parked point, "
        "2 goals not yet achieved." in result.stderr
    )
    assert "Added as the first item: 'Review of previous actions', 5 min." in result.stderr
    assert "Planned end: 12:05 (was 12:00)." in result.stderr
    session = load(store, "second")
    assert (session.date, session.start.isoformat("minutes"), session.follows, session.series) == (
        date(2026, 12, 15),
        "09:00",
        "first",
        "first",
    )
    assert [(a.id, a.origin, a.status) for a in session.actions] == [
        (1, "first#1", DOING),
        (2, "first#2", TODO),
        (3, "first#4", IN_REVIEW),
    ]
    assert [(p.text, p.origin) for p in session.parked] == [("Pricing model", "first#1")]
    assert [g.origin for g in session.goals] == ["first#2", "first#3"]
    assert (session.agenda[0].kind, session.agenda[0].minutes) == (ItemKind.REVIEW, 5)
    assert first.read_bytes() == before


def test_next_names_the_meeting_after_its_title_and_its_date(run, first):
    result = run("next", "first", "--no-open")
    assert result.exit_code == 0
    assert result.stdout == "smart-park-cooperation-promot-2026-12-15\n"


def test_next_on_a_given_date_and_start(run, first, store):
    result = run("next", "first", "--date", "2027-01-05", "--start", "14:00", "--name", "second", "--no-open")
    assert result.exit_code == 0 and result.stdout == "second\n"
    assert "Planned end: 17:05 (was 17:00)." in result.stderr
    session = load(store, "second")
    assert (session.date, session.start.isoformat("minutes")) == (date(2027, 1, 5), "14:00")
    assert [i.start.isoformat("minutes") for i in session.agenda if i.start is not None][:3] == [
        "14:00",
        "14:20",
        "14:50",
    ]


def test_next_with_an_agenda_uses_its_own_review_of_the_actions(run, first, store, agenda_with_review):
    result = run("next", "first", str(agenda_with_review), "--name", "second", "--no-open")
    assert result.exit_code == 0 and result.stdout == "second\n"
    assert "carried 3 open actions" in result.stderr
    assert "The review of the previous actions is item 2: 'Action items review', 12 min." in result.stderr
    assert "Planned end: 11:02." in result.stderr
    session = load(store, "second")
    assert [(i.title, i.kind, i.minutes) for i in session.agenda] == [
        ("Opening", ItemKind.TOPIC, 10),
        ("Action items review", ItemKind.REVIEW, 12),
        ("Pilot scope", ItemKind.TOPIC, 40),
    ]
    assert {a.item for a in session.actions} == {2}
    owners = {a.owner: a.owner_id for a in session.actions}
    assert owners == {"Alice Chen": 1, "Chloe Martin": None, "Deepak Rao": 2}


def test_new_with_follows_and_an_agenda_that_reviews_the_actions_puts_no_second_review(
    run, first, store, agenda_with_review
):
    result = run("new", str(agenda_with_review), "--follows", "first", "--name", "second", "--no-open")
    assert result.exit_code == 0 and result.stdout == "second\n"
    assert "The review of the previous actions is item 2: 'Action items review', 12 min." in result.stderr
    assert "Planned end: 11:02." in result.stderr
    session = load(store, "second")
    assert [(i.title, i.kind, i.minutes) for i in session.agenda] == [
        ("Opening", ItemKind.TOPIC, 10),
        ("Action items review", ItemKind.REVIEW, 12),
        ("Pilot scope", ItemKind.TOPIC, 40),
    ]
    assert {a.item for a in session.actions} == {2}
    assert {a.owner: a.owner_id for a in session.actions} == {"Alice Chen": 1, "Chloe Martin": None, "Deepak Rao": 2}


def test_new_with_follows_makes_the_follow_up_without_a_second_copy_of_a_goal(run, first, store, agenda):
    result = run("new", str(agenda), "--follows", "first", "--name", "second", "--no-open")
    assert result.exit_code == 0 and result.stdout == "second\n"
    assert "second follows first (series first): carried 3 open actions" in result.stderr
    assert "Planned end: 12:05 (was 12:00)." in result.stderr
    session = load(store, "second")
    assert (session.follows, session.series, session.date) == ("first", "first", date(2026, 12, 8))
    assert [g.text for g in session.goals] == [g.text for g in load(store, "first").goals]
    assert [a.origin for a in session.actions] == ["first#1", "first#2", "first#4"]


def test_without_no_open_the_console_opens_on_the_follow_up(run, first, agenda, monkeypatch):
    opened = []
    monkeypatch.setattr("coopconsole.cli.followup._open_console", lambda ctx, name, *a, **k: opened.append(name))
    monkeypatch.setattr("coopconsole.cli.commands._open_console", lambda ctx, name, *a, **k: opened.append(name))
    made = run("next", "first", "--name", "second")
    assert made.exit_code == 0 and made.stdout == ""
    again = run("new", str(agenda), "--follows", "second", "--name", "third")
    assert again.exit_code == 0 and again.stdout == ""
    assert opened == ["second", "third"]


def test_a_meeting_made_from_a_path_in_the_folder_follows_it(run, first, store):
    result = run("next", str(first), "--name", "second", "--no-open")
    assert result.exit_code == 0
    assert load(store, "second").follows == "first"


# -- refusals ----------------------------------------------------------------------------


@pytest.fixture
def crowded(run, second, store, tmp_path):
    """'first' followed by 'second'; 'loop-c' follows into a loop of 'loop-a' and
    'loop-b' (edited by hand); 'first' also in another folder. Returns that file."""
    for name in ("loop-a", "loop-b", "loop-c"):
        store.create(small_session(name)).close()
    for name, follows in (("loop-a", "loop-b"), ("loop-b", "loop-a"), ("loop-c", "loop-a")):
        path = store.path_for(name)
        document = json.loads(path.read_text("utf-8"))
        document["meta"]["1"]["follows"] = follows
        path.write_text(json.dumps(document), "utf-8")
    other = SessionStore(tmp_path / "elsewhere")
    other.create(small_session("first")).close()
    return other.path_for("first")


REFUSALS = [
    (("next", "nope", "--no-open"), "There is no session named 'nope'"),
    (("new", "AGENDA", "--follows", "nope", "--no-open"), "There is no session named 'nope'"),
    (("next", "loop-c", "--no-open"), "The series loops"),
    (("new", "AGENDA", "--follows", "loop-c", "--no-open"), "The series loops"),
    (("next", "OTHER", "--no-open"), "is not in this sessions folder"),
    (("new", "AGENDA", "--follows", "OTHER", "--no-open"), "is not in this sessions folder"),
    (("next", "first", "--no-open"), "first is already followed by second"),
    (("new", "AGENDA", "--follows", "first", "--no-open"), "first is already followed by second"),
    (("next", "second", "--date", "2026-13-01", "--no-open"), "--date '2026-13-01' is not a date"),
    (("next", "second", "--date", "next tuesday", "--no-open"), "is not a date"),
    (("next", "second", "--start", "25:00", "--no-open"), "--start '25:00' is not a time of day"),
    (("next", "second", "--start", "2pm", "--no-open"), "is not a time of day"),
    (("next", "second", "AGENDA", "--date", "2027-01-05", "--no-open"), "--date and --start are for a meeting"),
    (("next", "second", "AGENDA", "--start", "14:00", "--no-open"), "--date and --start are for a meeting"),
    (("next", "second", "--name", "first", "--no-open"), "already exists"),
]


@pytest.mark.parametrize("args, message", REFUSALS, ids=[" ".join(a) for a, _ in REFUSALS])
def test_a_refused_follow_up_exits_2_with_a_message_and_writes_nothing(run, crowded, agenda, folder, args, message):
    args = tuple({"AGENDA": str(agenda), "OTHER": str(crowded)}.get(a, a) for a in args)
    before = listing(folder)
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert listing(folder) == before


# -- status ------------------------------------------------------------------------------


def test_status_changes_the_newest_copy_of_an_action_named_by_its_first_name(run, first, second, store):
    before = first.read_bytes()
    result = run("status", "first#1", "done", "--note", "signed")
    assert result.exit_code == 0
    assert result.stdout == "first#1 (now second#1): done\n"
    assert first.read_bytes() == before
    moved = action(store, "second", 1)
    assert moved.status is DONE
    assert [(c.status, c.remark, c.meeting) for c in moved.history] == [
        (DOING, "started", "first"),
        (DONE, "signed", ""),
    ]
    renumbered = run("status", "first#4", "doing")
    assert renumbered.stdout == "first#4 (now second#3): doing\n"
    assert action(store, "second", 3).status is DOING


def test_status_on_the_newest_copy_says_no_other_name(run, second, store):
    result = run("status", "second#2", "doing")
    assert result.exit_code == 0 and result.stdout == "second#2: doing\n"


def test_status_reads_the_named_meeting_once(run, second, store, monkeypatch):
    # The meeting the action is named by is decoded once, by the service that changes it:
    # at 20,000 records a second read and decode of the file was a quarter of the command.
    from coopconsole.store import sessions

    decoded: list[str] = []
    decode = sessions.SessionFile._decode
    monkeypatch.setattr(
        sessions.SessionFile, "_decode", lambda self, doc: decoded.append(self.name) or decode(self, doc)
    )
    monkeypatch.setattr(SessionStore, "read_part", lambda *a: pytest.fail("the named meeting read a second time"))
    from coopconsole.service import series

    read: list[str] = []
    reference = series.reference
    monkeypatch.setattr(series, "reference", lambda store, text: read.append(text) or reference(store, text))
    result = run("status", "second#2", "doing")
    assert result.exit_code == 0 and result.stdout == "second#2: doing\n"
    assert decoded == ["second"] and action(store, "second", 2).status is DOING
    assert read == ["second#2"]  # the name read and its meeting looked for once


def test_status_reaches_an_action_carried_twice_by_any_of_its_names(run, second, store):
    assert run("next", "second", "--name", "third", "--no-open").exit_code == 0
    assert run("status", "first#2", "doing").stdout == "first#2 (now third#2): doing\n"
    assert run("status", "second#2", "review").stdout == "second#2 (now third#2): review\n"
    assert [c.status for c in action(store, "third", 2).history] == [DOING, IN_REVIEW]
    assert action(store, "second", 2).history == ()


@pytest.mark.parametrize(
    "word, state",
    [
        ("doing", DOING),
        ("DOING", DOING),
        ("in-progress", DOING),
        ("in_progress", DOING),
        ("review", IN_REVIEW),
        ("in-review", IN_REVIEW),
        ("under_review", IN_REVIEW),
        ("Done", DONE),
        ("进行中", DOING),
        ("待评审", IN_REVIEW),
        ("已完成", DONE),
    ],
)
def test_status_takes_english_and_chinese_state_words(run, second, store, word, state):
    result = run("status", "second#2", word)
    assert result.exit_code == 0
    assert action(store, "second", 2).status is state


@pytest.mark.parametrize("word", ["待办", "todo", "to-do"])
def test_status_moves_an_action_back_to_do(run, second, store, word):
    run("status", "second#2", "doing")
    result = run("status", "second#2", word, "--note", "blocked")
    assert result.exit_code == 0 and result.stdout == "second#2: todo\n"
    assert [(c.status, c.remark) for c in action(store, "second", 2).history] == [(DOING, ""), (TODO, "blocked")]


STATUS_REFUSALS = [
    (("second#2", "finished"), "'finished' is not a state"),
    (("second#2", ""), "'' is not a state"),
    (("second", "done"), "does not name an action"),
    (("second#0", "done"), "does not name an action"),
    (("second#x", "done"), "does not name an action"),
    (("#2", "done"), "does not name an action"),
    (("second#2#3", "done"), "does not name an action"),
    (("second#9", "done"), "There is no action second#9."),
    (("first#99", "done"), "There is no action first#99."),
    (("nope#1", "done"), "There is no session named 'nope'"),
]


@pytest.mark.parametrize("args, message", STATUS_REFUSALS, ids=[" ".join(a) for a, _ in STATUS_REFUSALS])
def test_a_refused_status_exits_2_with_a_message_and_changes_nothing(run, second, folder, args, message):
    before = listing(folder)
    result = run("status", *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert listing(folder) == before


def test_the_same_state_without_a_note_changes_nothing(run, second, folder):
    before = listing(folder)
    result = run("status", "first#2", "todo")
    assert result.exit_code == 0
    assert result.stdout == "second#2 is already todo: nothing changed.\n"
    assert listing(folder) == before


def test_the_same_state_with_a_note_is_a_remark_kept_in_the_history(run, second, store):
    result = run("status", "second#1", "进行中", "--note", "法务审核中")
    assert result.exit_code == 0 and result.stdout == "second#1: doing\n"
    history = action(store, "second", 1).history
    assert [(c.status, c.remark) for c in history] == [(DOING, "started"), (DOING, "法务审核中")]


# -- actions -----------------------------------------------------------------------------


@pytest.fixture
def folder_of_actions(run, second, store) -> None:
    """'first' and 'second' as above, and 'solo' (no series) with one action."""
    session = small_session("solo")
    session.actions = [ActionItem(1, "Order the sensors", owner="张三", owner_id=4, organisation="智算科技")]
    store.create(session).close()


def test_actions_lists_every_action_of_the_folder_once_at_its_newest_copy(run, folder_of_actions):
    result = run("actions")
    assert result.exit_code == 0
    table = rows(result.stdout)
    assert sorted(table) == ["first#3", "second#1", "second#2", "second#3", "solo#1"]
    assert table["second#1"][:3] == ["second#1", "doing", PAST.isoformat()]
    assert table["first#3"][:2] == ["first#3", "done"]
    assert "Send the draft MOU" in result.stdout and "Order the sensors" in result.stdout


def test_actions_as_json_gives_each_action_s_fields_and_history(run, folder_of_actions):
    run("status", "first#1", "review", "--note", "with legal")
    found = json.loads(run("actions", "--json").stdout)
    by_ref = {entry["ref"]: entry for entry in found}
    assert sorted(by_ref) == ["first#3", "second#1", "second#2", "second#3", "solo#1"]
    mou = by_ref["second#1"]
    assert {k: mou[k] for k in ("owner", "organisation", "deliverable", "deadline", "status", "meeting")} == {
        "owner": "Alice Chen",
        "organisation": "Company A",
        "deliverable": "Send the draft MOU",
        "deadline": PAST.isoformat(),
        "status": "review",
        "meeting": "first",
    }
    assert (mou["origin"], mou["series"], mou["carried"]) == ("first#1", "first", 1)
    assert mou["overdue_days"] > 0
    assert [(h["status"], h["remark"], h["meeting"]) for h in mou["history"]] == [
        ("doing", "started", "first"),
        ("review", "with legal", "second"),
    ]
    assert mou["history"][0]["at"] == moment(2001, 1, 2).isoformat()
    assert by_ref["second#2"]["overdue_days"] == 0  # deadline in the future
    assert by_ref["first#3"]["overdue_days"] == 0  # past its deadline, but done
    assert by_ref["second#3"]["overdue_days"] == 0 and by_ref["second#3"]["deadline"] is None
    assert by_ref["solo#1"]["series"] == "solo" and by_ref["solo#1"]["meeting"] == "solo"


def test_an_action_carried_twice_is_listed_once(run, second):
    assert run("next", "second", "--name", "third", "--no-open").exit_code == 0
    found = json.loads(run("actions", "--json").stdout)
    assert sorted(entry["ref"] for entry in found) == ["first#3", "third#1", "third#2", "third#3"]
    assert [entry["origin"] for entry in found if entry["ref"] == "third#1"] == ["first#1"]
    assert {entry["carried"] for entry in found if entry["ref"].startswith("third")} == {2}


@pytest.mark.parametrize(
    "options, refs",
    [
        (("--series", "first"), ["first#3", "second#1", "second#2", "second#3"]),
        (("--series", "solo"), ["solo#1"]),
        (("--owner", "alice"), ["second#1"]),
        (("--owner", "Chloe Martin"), ["second#2"]),
        (("--owner", "张"), ["solo#1"]),
        (("--org", "company b"), ["second#2", "second#3"]),
        (("--org", "智算"), ["solo#1"]),
        (("--status", "doing"), ["second#1"]),
        (("--status", "进行中"), ["second#1"]),
        (("--status", "todo"), ["second#2", "solo#1"]),
        (("--status", "已完成"), ["first#3"]),
        (("--overdue",), ["second#1"]),
        (("--series", "first", "--org", "Company A", "--status", "done"), ["first#3"]),
    ],
)
def test_actions_filters_by_series_owner_organisation_state_and_overdue(run, folder_of_actions, options, refs):
    as_json = run("actions", *options, "--json")
    assert as_json.exit_code == 0
    assert sorted(entry["ref"] for entry in json.loads(as_json.stdout)) == refs
    as_table = run("actions", *options)
    assert as_table.exit_code == 0
    assert sorted(rows(as_table.stdout)) == refs


def test_actions_says_when_nothing_matches(run, folder_of_actions):
    result = run("actions", "--owner", "alice", "--status", "todo")
    assert result.exit_code == 0 and result.stdout == "No actions match.\n"
    assert json.loads(run("actions", "--owner", "alice", "--status", "todo", "--json").stdout) == []


def test_actions_in_an_empty_folder_says_so(run):
    result = run("actions")
    assert result.exit_code == 0 and result.stdout == "No actions in this folder yet.\n"


@pytest.mark.parametrize(
    "options, message",
    [
        (("--series", "nope"), "There is no series named 'nope'"),
        (("--series", "second"), "There is no series named 'second'"),
        (("--owner", "zed"), "--owner 'zed' is not among"),
        (("--org", "company"), "--org 'company' fits several"),
        (("--status", "finished"), "--status 'finished' is not a state"),
    ],
)
def test_actions_refuses_a_filter_that_names_nothing_with_status_2(run, folder_of_actions, options, message):
    result = run("actions", *options)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_actions_skips_a_damaged_file_and_says_so(run, folder_of_actions, folder):
    (folder / "broken.json").write_text("{not json", "utf-8")
    result = run("actions")
    assert result.exit_code == 0
    assert "skipped:" in result.stderr and "broken.json" in result.stderr
    assert "second#1" in rows(result.stdout)


# -- list ----------------------------------------------------------------------------------


def test_list_shows_where_each_meeting_stands_in_its_series(run, folder_of_actions):
    assert run("next", "second", "--name", "third", "--no-open").exit_code == 0
    lines = run("list").stdout.splitlines()
    assert "SERIES" in lines[0].split()
    by_name = {line.split()[0]: line for line in lines[1:]}
    assert "first #1" in by_name["first"]
    assert "first #2" in by_name["second"]
    assert "first #3" in by_name["third"]
    assert "#" not in by_name["solo"].replace("Smart Park", "")


# -- several terminals at once ---------------------------------------------------------

#: A console left open on a session: it captures notes and moves its own action back and
#: forth, printing each once it is saved, until a line arrives on its standard input.
CONSOLE = """
import sys, threading
from coopconsole.service import MeetingService
from coopconsole.store import SessionStore

folder, name, action = sys.argv[1], sys.argv[2], int(sys.argv[3])
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
with SessionStore(folder).open(name) as handle:
    service = MeetingService(handle)
    print("ready", flush=True)
    i = 0
    while not stop.is_set() or i < 4:
        note = service.captures.note(f"console note {i}", item=None)
        moved = service.board.step(action, 1 if i % 2 == 0 else -1, f"console move {i}")
        print(f"ack {i} {note.id} {moved.status.value}", flush=True)
        i += 1
"""

TERMINALS = 6


def _env() -> dict[str, str]:
    return {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _status(folder: Path, ref: str, state: str, note: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "coopconsole", "--sessions-dir", str(folder), "status", ref, state, "--note", note],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=_env(),
    )


@pytest.mark.slow
def test_status_from_several_terminals_while_a_console_writes_loses_nothing(store, folder, clock):
    first = small_session("first")
    first.actions = [
        ActionItem(
            i,
            f"Deliverable {i}",
            history=(StatusChange(clock(), DOING, f"started {i}"),) if i <= TERMINALS else (),
            status=DOING if i <= TERMINALS else TODO,
        )
        for i in range(1, TERMINALS + 2)
    ]
    store.create(first).close()
    before_first = store.path_for("first").read_bytes()
    base = next_meeting_from(first, None, None)
    base.name = "second"
    folder_series.create(store, folder_series.follow_up_of(store, "first", base, "en"))
    carried = {a.id: a.history for a in load(store, "second").actions}
    console_action = TERMINALS + 1

    console = subprocess.Popen(
        [sys.executable, "-c", CONSOLE, str(folder), "second", str(console_action)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=_env(),
    )
    try:
        assert console.stdout.readline().strip() == "ready", console.stderr.read()
        first_ack = console.stdout.readline()
        assert first_ack.startswith("ack 0 "), console.stderr.read()  # it is writing
        for state, round_ in (("review", 1), ("done", 2)):
            terminals = [
                _status(folder, f"first#{k}", state, f"terminal {k} round {round_}") for k in range(1, TERMINALS + 1)
            ]
            for k, terminal in enumerate(terminals, start=1):
                out, err = terminal.communicate(timeout=120)
                assert terminal.returncode == 0, err
                assert out == f"first#{k} (now second#{k}): {state}\n"
        console.stdin.write("stop\n")
        console.stdin.close()
        # Read on through the same buffered reader as the first lines: communicate() reads
        # the pipe itself and would miss what readline() has already buffered.
        out = console.stdout.read()
        err = console.stderr.read()
        assert console.wait(timeout=120) == 0, err
    finally:
        if console.poll() is None:
            console.kill()
            console.communicate()
    acks = [line.split() for line in [first_ack, *out.splitlines()] if line.startswith("ack ")]
    assert [int(ack[1]) for ack in acks] == list(range(len(acks))) and len(acks) >= 4

    second = load(store, "second")
    by_id = {a.id: a for a in second.actions}
    for k in range(1, TERMINALS + 1):
        history = by_id[k].history
        assert history[: len(carried[k])] == carried[k]
        assert [(c.status, c.remark) for c in history[len(carried[k]) :]] == [
            (IN_REVIEW, f"terminal {k} round 1"),
            (DONE, f"terminal {k} round 2"),
        ]
        assert by_id[k].status is DONE
    moves = by_id[console_action].history
    assert [(c.status, c.remark) for c in moves] == [
        (DOING if i % 2 == 0 else TODO, f"console move {i}") for i in range(len(acks))
    ]
    assert [c.at for c in moves] == sorted(c.at for c in moves)
    assert {n.id: n.text for n in second.notes} == {int(ack[2]): f"console note {ack[1]}" for ack in acks}
    assert store.path_for("first").read_bytes() == before_first


def _next(folder: Path, previous: str, name: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "coopconsole",
            "--sessions-dir",
            str(folder),
            "next",
            previous,
            "--name",
            name,
            "--no-open",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=_env(),
    )


@pytest.mark.slow
def test_next_from_several_terminals_at_once_gives_a_meeting_one_follower(run, first, folder):
    """Six terminals make the meeting after the same one at once: one succeeds, the other
    five are refused as following a meeting already followed; ten rounds, each following
    the meeting the round before made."""
    previous = "first"
    for round_ in range(10):
        terminals = {f"r{round_}-{k}": _next(folder, previous, f"r{round_}-{k}") for k in range(TERMINALS)}
        made, refused = [], []
        for name, terminal in terminals.items():
            out, err = terminal.communicate(timeout=120)
            if terminal.returncode == 0:
                made.append(name)
            else:
                assert terminal.returncode == 2 and "already followed by" in err, err
                refused.append(name)
        assert len(made) == 1, f"round {round_}: {previous} is now followed by {sorted(made)}"
        assert sorted(p.stem for p in folder.glob(f"r{round_}-*.json")) == made
        previous = made[0]

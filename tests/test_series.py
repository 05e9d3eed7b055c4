"""A series of meetings: what is carried into the next one, the review of the previous
actions, the next meeting's plan, the refusals, the board of actions and its history."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from coopconsole.domain.board import moved
from coopconsole.domain.model import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Goal,
    GoalTier,
    ItemKind,
    ParkedItem,
    Participant,
    Resolution,
    Role,
    Session,
    StatusChange,
)
from coopconsole.domain.series import (
    carry_over,
    follow_up,
    latest_actions,
    next_meeting_from,
    review_minutes,
    with_review,
)
from coopconsole.domain.timeline import agenda_state
from coopconsole.service import MeetingService, ServiceError
from coopconsole.service import series as folder_series
from coopconsole.store import CorruptSession, SessionStore, codecs
from coopconsole.texts import t
from tests.support.sessions import MEETING_START, small_session

REVIEW = t("review.title", "en")
AT = MEETING_START
TODO, DOING, IN_REVIEW, DONE = (
    ActionStatus.TODO,
    ActionStatus.IN_PROGRESS,
    ActionStatus.UNDER_REVIEW,
    ActionStatus.DONE,
)


def change(minutes: int, status: ActionStatus, remark: str = "", meeting: str = "") -> StatusChange:
    """A move on the board ``minutes`` after the first meeting's start."""
    return StatusChange(AT + timedelta(minutes=minutes), status, remark, meeting)


def first_meeting() -> Session:
    """The first meeting of a series: four actions (one done, one whose owner is not at
    the table), five parked points (two deferred) and three goals (one achieved)."""
    session = small_session("first")
    session.goals = [
        Goal(1, GoalTier.PRIMARY, "Pick a pilot line", achieved=True),
        Goal(2, GoalTier.INTERMEDIATE, "Agree the data terms", achieved=False),
        Goal(3, GoalTier.ADVANCED, "Sign the MOU"),
    ]
    session.actions = [
        ActionItem(
            1,
            "Send the draft MOU",
            owner="Alice Chen",
            owner_id=1,
            organisation="Company A",
            deadline=date(2026, 12, 20),
            item=2,
            status=DOING,
            created_at=AT,
            text="@alice send the draft MOU by 2026-12-20",
            history=(change(10, DOING, "started"),),
        ),
        ActionItem(
            2,
            "Prepare the pilot budget",
            owner="Chloe Martin",
            owner_id=3,
            organisation="Company B",
            deadline=date(2026, 12, 22),
            status=DONE,
            history=(change(20, DOING), change(30, DONE, "sent")),
        ),
        ActionItem(3, "Share the line data", owner="张三", owner_id=4, organisation="智算科技"),
        ActionItem(
            4,
            "Book the venue",
            owner="Eve Stranger",
            organisation="Venue Co",
            deadline=date(2026, 12, 30),
            status=IN_REVIEW,
            history=(change(40, IN_REVIEW, "quote in"),),
        ),
    ]
    session.parked = [
        ParkedItem(1, "Pricing model", "Bruno Silva", 2, item=2, resolution=Resolution.DEFERRED, created_at=AT),
        ParkedItem(2, "Office move", "Alice Chen", 1, resolution=Resolution.OPEN),
        ParkedItem(3, "Data residency", resolution=Resolution.SCHEDULED, target=4),
        ParkedItem(4, "Logo", resolution=Resolution.ACTION, target=1),
        ParkedItem(5, "Trade fair", "Eve Stranger", resolution=Resolution.DEFERRED),
    ]
    return session


def follow(chain: list[Session], name: str, base: Session | None = None, day=None, start=None):
    """The meeting ``name`` after the last of ``chain`` (its plan made from the last one)."""
    base = base if base is not None else next_meeting_from(chain[-1], day, start)
    base.name = name
    return follow_up(base, chain, REVIEW)


def by_origin(session: Session) -> dict[str, ActionItem]:
    return {a.origin: a for a in session.actions}


def planned(session: Session) -> list[datetime | None]:
    return [item.planned_start for item in agenda_state(session, AT).items]


def planned_end(session: Session) -> datetime | None:
    return agenda_state(session, AT).planned_end


def three_meetings() -> tuple[Session, Session, Session]:
    """first -> second -> third, each made from the one before; action first#1 moved
    once in the second meeting."""
    first = first_meeting()
    second = follow([first], "second").session
    carried = by_origin(second)["first#1"]
    second.put(moved(carried, IN_REVIEW, AT + timedelta(days=7, minutes=5), "draft with legal"))
    third = follow([first, second], "third").session
    return first, second, third


# -- what is carried --------------------------------------------------------------------


def test_open_actions_are_carried_and_done_ones_are_not():
    second = follow([first_meeting()], "second").session
    assert [a.origin for a in second.actions] == ["first#1", "first#3", "first#4"]
    assert [a.id for a in second.actions] == [1, 2, 3]


def test_a_carried_action_keeps_its_owner_organisation_deadline_state_and_words():
    first = first_meeting()
    second = follow([first], "second").session
    for original in (first.actions[0], first.actions[2], first.actions[3]):
        copy = by_origin(second)[f"first#{original.id}"]
        assert (copy.owner, copy.organisation, copy.deadline, copy.status) == (
            original.owner,
            original.organisation,
            original.deadline,
            original.status,
        )
        assert (copy.deliverable, copy.text, copy.created_at) == (
            original.deliverable,
            original.text,
            original.created_at,
        )


def test_a_carried_action_names_the_meeting_of_every_change_in_its_history():
    first, second, third = three_meetings()
    assert by_origin(second)["first#1"].history[0] == change(10, DOING, "started", meeting="first")
    history = by_origin(third)["first#1"].history
    assert [(c.status, c.remark, c.meeting) for c in history] == [
        (DOING, "started", "first"),
        (IN_REVIEW, "draft with legal", "second"),
    ]
    assert [c.at for c in history] == [AT + timedelta(minutes=10), AT + timedelta(days=7, minutes=5)]
    assert by_origin(third)["first#1"].status is IN_REVIEW


def test_a_carried_action_names_its_origin_the_copy_it_came_from_and_how_often_it_was_carried():
    first, second, third = three_meetings()
    in_second = {a.origin: (a.id, a.carried_from, a.carried) for a in second.actions}
    assert in_second == {"first#1": (1, "first#1", 1), "first#3": (2, "first#3", 1), "first#4": (3, "first#4", 1)}
    in_third = {a.origin: (a.id, a.carried_from, a.carried) for a in third.actions}
    assert in_third == {"first#1": (1, "second#1", 2), "first#3": (2, "second#2", 2), "first#4": (3, "second#3", 2)}


def test_an_action_captured_in_a_later_meeting_is_carried_from_there():
    first = first_meeting()
    second = follow([first], "second").session
    second.put(ActionItem(4, "Draft the FAQ", owner="Bruno Silva", owner_id=2, organisation="Company A"))
    third = follow([first, second], "third").session
    faq = by_origin(third)["second#4"]
    assert (faq.deliverable, faq.carried_from, faq.carried) == ("Draft the FAQ", "second#4", 1)


def test_the_owner_is_found_again_by_name_among_the_new_participants():
    newcomers = [
        Participant(1, "张三", "智算科技", role=Role.EXECUTOR),
        Participant(2, "Alice Chen", "Company A", role=Role.DECISION_MAKER),
    ]
    carried = carry_over([first_meeting()], newcomers)
    owners = {a.origin: (a.owner, a.owner_id) for a in carried.actions}
    assert owners == {
        "first#1": ("Alice Chen", 2),
        "first#3": ("张三", 1),
        "first#4": ("Eve Stranger", None),  # never at the table
    }


def test_an_owner_absent_from_the_new_meeting_keeps_the_name_and_loses_the_id():
    first = first_meeting()
    first.actions[1] = replace(first.actions[1], status=TODO, history=())  # Chloe's action is open again
    carried = carry_over([first], [Participant(1, "Alice Chen", "Company A")])
    chloe = next(a for a in carried.actions if a.origin == "first#2")
    assert (chloe.owner, chloe.owner_id, chloe.organisation) == ("Chloe Martin", None, "Company B")


def test_deferred_parked_points_are_carried_and_other_resolutions_are_not():
    second = follow([first_meeting()], "second").session
    carried = [(p.id, p.text, p.raised_by, p.raised_by_id, p.resolution, p.origin) for p in second.parked]
    assert carried == [
        (1, "Pricing model", "Bruno Silva", 2, Resolution.OPEN, "first#1"),
        (2, "Trade fair", "Eve Stranger", None, Resolution.OPEN, "first#5"),
    ]
    assert second.parked[0].created_at == AT


def test_goals_not_achieved_are_carried_and_achieved_ones_are_not():
    second = follow([first_meeting()], "second").session
    assert [(g.id, g.tier, g.text, g.achieved, g.origin) for g in second.goals] == [
        (1, GoalTier.INTERMEDIATE, "Agree the data terms", None, "first#2"),
        (2, GoalTier.ADVANCED, "Sign the MOU", None, "first#3"),
    ]


def test_a_goal_carried_twice_keeps_the_meeting_it_was_first_set_in():
    first, second, third = three_meetings()
    assert [g.origin for g in third.goals] == ["first#2", "first#3"]


def test_a_goal_the_new_agenda_already_has_is_not_carried_twice():
    first = first_meeting()
    base = next_meeting_from(first, None, None)
    base.goals = [Goal(1, GoalTier.PRIMARY, "Sign the MOU"), Goal(2, GoalTier.PRIMARY, "Open the pilot")]
    second = follow([first], "second", base).session
    assert [(g.id, g.text, g.origin) for g in second.goals] == [
        (1, "Sign the MOU", ""),
        (2, "Open the pilot", ""),
        (3, "Agree the data terms", "first#2"),
    ]


def test_the_carried_actions_belong_to_the_review_item():
    made = follow([first_meeting()], "second")
    assert made.review == 1
    assert {a.item for a in made.session.actions} == {1}


# -- a change made to an older copy ---------------------------------------------------


def test_a_change_made_to_an_older_copy_after_it_was_carried_counts():
    first = first_meeting()
    second = follow([first], "second").session
    second.put(moved(by_origin(second)["first#1"], IN_REVIEW, AT + timedelta(days=7), "with legal"))
    first.put(moved(first.actions[0], DONE, AT + timedelta(days=8), "signed, told by mail"))
    latest = {x.origin: x for x in latest_actions([first, second])}
    mou = latest["first#1"]
    assert (mou.meeting, mou.action.id, mou.series) == ("second", 1, "first")
    assert mou.action.status is DONE
    # An entry names the meeting it was made in; the newest copy's own say none (the
    # meeting holding the action, as everywhere in a session).
    assert [(c.status, c.remark, c.meeting or mou.meeting) for c in mou.action.history] == [
        (DOING, "started", "first"),
        (IN_REVIEW, "with legal", "second"),
        (DONE, "signed, told by mail", "first"),
    ]
    assert mou.action.history[1].meeting == ""
    third = follow([first, second], "third").session
    assert "first#1" not in by_origin(third)


def test_the_state_of_an_action_is_its_latest_change_whichever_copy_it_was_made_to():
    first = first_meeting()
    second = follow([first], "second").session
    first.put(moved(first.actions[0], DONE, AT + timedelta(days=6), "late entry"))  # earlier than the next one
    second.put(moved(by_origin(second)["first#1"], IN_REVIEW, AT + timedelta(days=7), "reopened"))
    mou = {x.origin: x for x in latest_actions([first, second])}["first#1"]
    assert mou.action.status is IN_REVIEW
    assert [c.remark for c in mou.action.history] == ["started", "late entry", "reopened"]
    assert "first#1" in by_origin(follow([first, second], "third").session)


def test_every_action_of_a_series_is_listed_once_at_its_newest_copy():
    first, second, third = three_meetings()
    latest = latest_actions([first, second, third])
    assert sorted((x.origin, x.meeting, x.action.id) for x in latest) == [
        ("first#1", "third", 1),
        ("first#2", "first", 2),  # done in the first meeting: never carried
        ("first#3", "third", 2),
        ("first#4", "third", 3),
    ]


# -- the review of the previous actions -------------------------------------------------


@pytest.mark.parametrize(
    "open_actions, minutes",
    [(1, 5), (3, 5), (4, 6), (5, 8), (7, 11), (13, 20), (14, 20), (40, 20)],
)
def test_the_review_takes_one_and_a_half_minutes_an_action_rounded_up_within_5_and_20(open_actions, minutes):
    assert review_minutes(open_actions) == minutes


def test_the_review_is_put_first_and_every_later_start_moves_by_its_time_box():
    first = first_meeting()
    first.actions = [replace(a, status=TODO, history=()) for a in first.actions]  # 4 open: 6 minutes
    base = next_meeting_from(first, None, None)
    made = follow([first], "second", base)
    agenda = made.session.agenda
    assert (made.review, made.review_added) == (1, True)
    assert (agenda[0].title, agenda[0].kind, agenda[0].minutes, agenda[0].start) == (
        REVIEW,
        ItemKind.REVIEW,
        6,
        time(9, 0),
    )
    assert [i.id for i in agenda] == [1, 2, 3, 4, 5]
    assert [(i.title, i.minutes, i.kind) for i in agenda[1:]] == [(i.title, i.minutes, i.kind) for i in base.agenda]
    assert [i.start for i in agenda[2:]] == [time(9, 21), time(10, 6), time(10, 21)]
    day = made.session.date
    assert planned(made.session) == [
        datetime.combine(day, time(9, 0), AT.tzinfo),
        datetime.combine(day, time(9, 6), AT.tzinfo),
        datetime.combine(day, time(9, 21), AT.tzinfo),
        datetime.combine(day, time(10, 6), AT.tzinfo),
        datetime.combine(day, time(10, 21), AT.tzinfo),
    ]
    assert planned_end(base) == datetime.combine(day, time(10, 35), AT.tzinfo)
    assert planned_end(made.session) == datetime.combine(day, time(10, 41), AT.tzinfo)


def test_no_review_is_put_in_when_no_action_is_open():
    first = first_meeting()
    first.actions = [replace(a, status=DONE, history=(change(50, DONE),)) for a in first.actions]
    base = next_meeting_from(first, None, None)
    made = follow([first], "second", base)
    assert (made.review, made.review_added) == (None, False)
    assert made.session.agenda == base.agenda
    assert made.session.actions == []


@pytest.mark.parametrize("title", ["Review of previous actions", "上次行动项回顾", "Action items review"])
def test_an_agenda_item_titled_as_a_review_of_the_actions_is_the_review(title):
    agenda = [
        AgendaItem(1, "Opening", time(9, 0), 10),
        AgendaItem(2, title, time(9, 10), 12),
        AgendaItem(3, "Pilot scope", time(9, 22), 40),
    ]
    base = replace(next_meeting_from(first_meeting(), None, None), agenda=agenda)
    made = follow([first_meeting()], "second", base)
    assert (made.review, made.review_added) == (2, False)
    assert [(i.id, i.title, i.start, i.minutes) for i in made.session.agenda] == [
        (i.id, i.title, i.start, i.minutes) for i in agenda
    ]
    assert [i.kind for i in made.session.agenda] == [ItemKind.TOPIC, ItemKind.REVIEW, ItemKind.TOPIC]
    assert {a.item for a in made.session.actions} == {2}


def test_a_topic_title_is_not_taken_for_a_review_of_the_actions():
    agenda = [AgendaItem(1, "Cooperation directions and opportunities", time(9, 0), 45)]
    items, review = with_review(agenda, REVIEW, 2)
    assert review == 1
    assert [(i.title, i.kind) for i in items] == [
        (REVIEW, ItemKind.REVIEW),
        ("Cooperation directions and opportunities", ItemKind.TOPIC),
    ]


@pytest.mark.parametrize("title", ["Customer satisfaction review", "Review of the transaction fees"])
def test_a_word_that_only_contains_action_does_not_make_a_topic_the_review(title):
    agenda = [AgendaItem(1, "Opening", time(9, 0), 10), AgendaItem(2, title, time(9, 10), 30)]
    items, review = with_review(agenda, REVIEW, 2)
    assert review == 1 and items[0].title == REVIEW
    assert items[2].kind is ItemKind.TOPIC


# -- the next meeting's plan --------------------------------------------------------------


def test_the_next_meeting_is_a_week_later_at_the_same_time_with_the_same_people_and_agenda():
    first = first_meeting()
    first.location = "Room 2"
    first.participants[1] = replace(
        first.participants[1], attendance=Attendance.LEFT, left_at=AT, confirmed_at=AT + timedelta(hours=3)
    )
    first.participants[2] = replace(first.participants[2], attendance=Attendance.LATE, arrived_at=AT)
    base = next_meeting_from(first, None, None)
    assert (base.date, base.start) == (date(2026, 12, 15), time(9, 0))
    assert (base.title, base.location, base.facilitator, base.lang) == (
        first.title,
        "Room 2",
        "Dana Okafor",
        first.lang,
    )
    assert [(i.id, i.title, i.start, i.minutes, i.kind) for i in base.agenda] == [
        (i.id, i.title, i.start, i.minutes, i.kind) for i in first.agenda
    ]
    assert [p.name for p in base.participants] == [p.name for p in first.participants]
    assert {(p.attendance, p.arrived_at, p.left_at, p.confirmed_at) for p in base.participants} == {
        (Attendance.PRESENT, None, None, None)
    }
    assert (base.actions, base.parked, base.events) == ([], [], [])


def test_the_next_meeting_on_a_given_day_and_start_moves_every_written_start():
    base = next_meeting_from(first_meeting(), date(2027, 1, 5), time(14, 0))
    assert (base.date, base.start) == (date(2027, 1, 5), time(14, 0))
    assert [i.start for i in base.agenda] == [time(14, 0), time(14, 15), time(15, 0), time(15, 15)]


def test_the_previous_review_is_left_out_and_gives_its_time_back():
    first = first_meeting()
    second = follow([first], "second").session
    base = next_meeting_from(second, None, None)
    assert [(i.id, i.title, i.start, i.minutes, i.kind) for i in base.agenda] == [
        (i.id, i.title, i.start, i.minutes, i.kind) for i in first.agenda
    ]
    assert planned_end(base) - timedelta(days=14) == planned_end(first)


def test_the_previous_review_gives_its_time_back_when_the_start_moves_too():
    second = follow([first_meeting()], "second").session
    base = next_meeting_from(second, None, time(14, 0))
    assert [(i.title, i.start) for i in base.agenda] == [
        ("Opening", time(14, 0)),
        ("Directions", time(14, 15)),
        ("Tea break", time(15, 0)),
        ("Next steps", time(15, 15)),
    ]


def test_three_meetings_made_one_after_another_do_not_drift():
    first, second, third = three_meetings()
    assert [(i.title, i.start, i.minutes) for i in third.agenda] == [
        (i.title, i.start, i.minutes) for i in second.agenda
    ]
    assert third.agenda[0].start == first.agenda[0].start == time(9, 0)
    week = timedelta(days=7)
    assert [p - week for p in planned(third)] == planned(second)
    assert planned_end(third) - week == planned_end(second) == planned_end(first) + week + timedelta(minutes=5)
    # the first topic after the review starts where it did in the second meeting, not 5 minutes later
    assert planned(third)[1] - week == planned(second)[1] == datetime.combine(second.date, time(9, 5), AT.tzinfo)


def test_a_follow_up_belongs_to_the_series_of_the_first_meeting():
    first, second, third = three_meetings()
    assert (second.series, second.follows) == ("first", "first")
    assert (third.series, third.follows) == ("first", "second")


# -- refusals across the folder --------------------------------------------------------


def listing(folder) -> dict[str, bytes]:
    """Every file of the folder and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def follow_in_folder(store: SessionStore, previous: str, name: str = "next-one") -> None:
    """Make and write the meeting after ``previous`` as the command line does."""
    with store.open(folder_series.previous_name(store, previous)) as handle:
        base = next_meeting_from(handle.load(), None, None)
    base.name = name
    folder_series.create(store, folder_series.follow_up_of(store, previous, base, "en"))


def hand_edit_follows(store: SessionStore, name: str, follows: str) -> None:
    path = store.path_for(name)
    document = json.loads(path.read_text("utf-8"))
    document["meta"]["1"]["follows"] = follows
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")


@pytest.fixture
def first_on_disk(store) -> Session:
    session = first_meeting()
    store.create(session).close()
    return session


def refused(store, previous: str, code: str, name: str = "next-one") -> ServiceError:
    before = listing(store.folder)
    base = next_meeting_from(first_meeting(), None, None)
    base.name = name
    with pytest.raises(ServiceError) as info:
        folder_series.create(store, folder_series.follow_up_of(store, previous, base, "en"))
    assert info.value.code == code
    assert listing(store.folder) == before
    return info.value


def test_following_a_meeting_that_is_not_in_the_folder_is_refused(store, first_on_disk):
    error = refused(store, "nope", "series-missing")
    assert "'nope'" in error.message


def test_following_a_meeting_whose_series_loops_is_refused(store, first_on_disk):
    for name in ("loop-a", "loop-b", "loop-c"):
        store.create(small_session(name)).close()
    hand_edit_follows(store, "loop-a", "loop-b")
    hand_edit_follows(store, "loop-b", "loop-a")
    hand_edit_follows(store, "loop-c", "loop-a")
    error = refused(store, "loop-c", "series-loop")
    assert "loop-a" in error.message and "loop-b" in error.message


def test_following_a_meeting_that_follows_itself_is_refused(store, first_on_disk):
    store.create(small_session("selfish")).close()
    hand_edit_follows(store, "selfish", "selfish")
    refused(store, "selfish", "series-loop")


def test_following_a_meeting_of_another_folder_is_refused(store, first_on_disk, tmp_path):
    other = SessionStore(tmp_path / "elsewhere")
    other.create(small_session("first")).close()
    error = refused(store, str(other.path_for("first")), "series-other-folder")
    assert str(store.folder.resolve()) in error.message
    assert listing(other.folder).keys() == {"first.json", "first.json.lock"}


def test_a_path_in_this_folder_names_the_meeting_it_holds(store, first_on_disk):
    follow_in_folder(store, str(store.path_for("first")), "second")
    with store.open("second") as handle:
        assert handle.load().follows == "first"


def test_following_a_meeting_already_followed_is_refused(store, first_on_disk):
    follow_in_folder(store, "first", "second")
    error = refused(store, "first", "series-followed", name="second-again")
    assert "second" in error.message


def test_the_earlier_meetings_are_not_changed_by_a_follow_up(store, first_on_disk):
    before = store.path_for("first").read_bytes()
    follow_in_folder(store, "first", "second")
    assert store.path_for("first").read_bytes() == before


def test_a_change_made_in_an_older_file_after_it_was_carried_counts_across_the_folder(store, first_on_disk, clock):
    follow_in_folder(store, "first", "second")
    clock.set(AT + timedelta(days=8))
    with store.open("first") as handle:
        MeetingService(handle, clock).board.move(1, DONE, "signed, told by mail")
    found, damaged = folder_series.all_actions(store)
    assert damaged == []
    mou = next(x for x in found if x.origin == "first#1")
    assert (mou.meeting, mou.action.status, mou.action.history[-1].meeting) == ("second", DONE, "first")
    follow_in_folder(store, "second", "third")
    with store.open("third") as handle:
        assert "first#1" not in {a.origin for a in handle.load().actions}


def test_an_action_is_found_at_its_newest_copy_by_any_of_its_names(store, first_on_disk):
    follow_in_folder(store, "first", "second")
    follow_in_folder(store, "second", "third")
    for ref in ("first#4", "second#3", "third#3"):
        meeting, action, named = folder_series.locate(store, ref)
        assert (meeting, action.id, action.origin, str(named)) == ("third", 3, "first#4", ref)
    meeting, action, _ = folder_series.locate(store, "first#2")  # done: never carried
    assert (meeting, action.id) == ("first", 2)


@pytest.mark.parametrize(
    "ref, code", [("first", "bad-ref"), ("first#0", "bad-ref"), ("first#9", "no-action"), ("nope#1", "series-missing")]
)
def test_a_name_that_reaches_no_action_is_refused(store, first_on_disk, ref, code):
    with pytest.raises(ServiceError) as info:
        folder_series.locate(store, ref)
    assert info.value.code == code


# -- the board ------------------------------------------------------------------------------


@pytest.fixture
def board(store, clock):
    """A service on a session with one action to do (#1) and one done (#2)."""
    session = small_session("board")
    session.actions = [
        ActionItem(1, "Send the draft MOU", owner="Alice Chen", owner_id=1),
        ActionItem(2, "Book the room", status=DONE, history=(change(-60, DONE),)),
    ]
    handle = store.create(session)
    yield MeetingService(handle, clock)
    handle.close()


def saved_history(store, action_id: int = 1) -> tuple[StatusChange, ...]:
    with store.open("board") as handle:
        return next(a for a in handle.load().actions if a.id == action_id).history


def test_a_step_moves_an_action_to_the_next_or_the_previous_state(board, clock):
    assert board.board.step(1, 1).status is DOING
    clock.advance(minutes=1)
    assert board.board.step(1, 1, "sent to legal").status is IN_REVIEW
    clock.advance(minutes=1)
    back = board.board.step(1, -1, "legal wants changes")
    assert back.status is DOING
    assert [(c.status, c.remark) for c in back.history] == [
        (DOING, ""),
        (IN_REVIEW, "sent to legal"),
        (DOING, "legal wants changes"),
    ]
    assert [c.at for c in back.history] == [AT, AT + timedelta(minutes=1), AT + timedelta(minutes=2)]


def test_no_step_goes_past_the_last_or_the_first_state(board, store):
    before = store.path_for("board").read_bytes()
    with pytest.raises(ServiceError) as info:
        board.board.step(2, 1)
    assert info.value.code == "board-last"
    with pytest.raises(ServiceError) as info:
        board.board.step(1, -1)
    assert info.value.code == "board-first"
    assert store.path_for("board").read_bytes() == before


def test_a_remark_alone_adds_an_entry_with_the_same_state(board, store, clock):
    board.board.step(1, 1)
    clock.advance(minutes=3)
    said = board.board.remark(1, "waiting for the figures")
    assert said.status is DOING
    assert said.history[-1] == StatusChange(AT + timedelta(minutes=3), DOING, "waiting for the figures")
    assert saved_history(store) == said.history


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_remark_alone_is_refused(board, store, text):
    before = store.path_for("board").read_bytes()
    with pytest.raises(ServiceError) as info:
        board.board.remark(1, text)
    assert info.value.code == "empty"
    with pytest.raises(ServiceError) as info:
        board.board.move(1, TODO, text)
    assert info.value.code == "empty"
    assert store.path_for("board").read_bytes() == before


def test_moving_an_action_that_is_not_there_is_refused(board):
    with pytest.raises(ServiceError) as info:
        board.board.move(9, DONE)
    assert info.value.code == "missing"


def test_the_history_survives_a_round_trip_and_is_never_rewritten(board, store, clock):
    board.board.move(1, DOING, "started")
    clock.advance(minutes=5)
    board.board.remark(1, "halfway, 资料已发")
    early = saved_history(store)
    raw = json.loads(store.path_for("board").read_text("utf-8"))["actions"]["1"]["history"]
    assert len(early) == 2 and len(raw) == 2
    for step_ in range(3):
        clock.advance(minutes=7)
        with store.open("board") as handle:  # another process, reading the file afresh
            MeetingService(handle, clock).board.step(1, 1 if step_ < 2 else -1, f"move {step_}")
    later = saved_history(store)
    assert later[:2] == early
    assert json.loads(store.path_for("board").read_text("utf-8"))["actions"]["1"]["history"][:2] == raw
    assert [(c.status, c.remark) for c in later] == [
        (DOING, "started"),
        (DOING, "halfway, 资料已发"),
        (IN_REVIEW, "move 0"),
        (DONE, "move 1"),
        (IN_REVIEW, "move 2"),
    ]
    with store.open("board") as handle:
        assert next(a for a in handle.load().actions if a.id == 1).status is IN_REVIEW


# -- the history in the file ---------------------------------------------------------------


def test_an_action_s_follow_up_fields_are_written_and_read_back_as_they_were():
    action = ActionItem(
        3,
        "Send the draft MOU",
        owner="Alice Chen",
        status=IN_REVIEW,
        history=(
            change(10, DOING, "started", meeting="first"),
            change(60 * 24 * 7, IN_REVIEW, "with legal"),
        ),
        origin="first#1",
        carried_from="first#1",
        carried=1,
    )
    record = codecs.action_record(action)
    assert record["history"][1] == {
        "at": (AT + timedelta(days=7)).isoformat(),
        "status": "under_review",
        "remark": "with legal",
    }
    assert codecs.action_from(3, json.loads(json.dumps(record))) == action


def test_an_action_never_moved_nor_carried_writes_no_follow_up_fields():
    record = codecs.action_record(ActionItem(1, "Send the draft MOU"))
    assert not {"history", "origin", "carried_from", "carried"} & record.keys()


def test_the_state_read_from_a_file_is_the_last_change_of_the_history():
    record = codecs.action_record(ActionItem(1, "x", status=DOING, history=(change(1, DOING),)))
    record["status"] = "done"  # edited by hand: the history says what happened
    assert codecs.action_from(1, record).status is DOING


@pytest.mark.parametrize(
    "history, words",
    [
        ([{"at": "2026-12-08T09:30:00+08:00", "status": "finished"}], '"history" entry 1'),
        ([{"status": "in_progress"}], '"at" is missing'),
        (
            [{"at": "2026-12-08T09:30:00+08:00", "status": "todo"}, {"at": "later", "status": "done"}],
            '"history" entry 2',
        ),
        ([{"at": "2026-12-08T09:30:00", "status": "done"}], '"history" entry 1'),  # no UTC offset
        ("done at 9:30", '"history"'),
        ({"at": "2026-12-08T09:30:00+08:00", "status": "done"}, '"history"'),
        (["2026-12-08T09:30:00+08:00 done"], '"history"'),
    ],
    ids=["bad-status", "no-at", "second-entry-bad-at", "no-offset", "text", "object", "list-of-texts"],
)
def test_a_malformed_history_makes_the_file_refused_naming_the_action_record(store, history, words):
    session = small_session("hist")
    session.actions = [
        ActionItem(1, "Send the draft MOU"),
        ActionItem(2, "Book the room", status=DOING, history=(change(1, DOING),)),
    ]
    store.create(session).close()
    path = store.path_for("hist")
    document = json.loads(path.read_text("utf-8"))
    document["actions"]["2"]["history"] = history
    path.write_text(json.dumps(document), "utf-8")
    before = path.read_bytes()
    with pytest.raises(CorruptSession) as info:
        with store.open("hist") as handle:
            handle.load()
    message = str(info.value)
    assert str(path) in message
    assert "record 2 of the actions table" in message and words in message
    assert "left exactly as it was" in message
    assert path.read_bytes() == before
    [summary] = store.read_tables(("actions",))
    assert summary.session is None and "record 2 of the actions table" in summary.error

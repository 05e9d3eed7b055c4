"""The plan read from an agenda, fixed before the meeting: the planned starts as the plan
changes, the service's fixes (each saved at once, in one write), the review kept in the
session file, and which sessions the command line makes with a review."""

from __future__ import annotations

from datetime import time

import pytest
from click.testing import CliRunner

from coopconsole.domain.model import Event, EventKind
from coopconsole.domain.plan_review import PlanReview, plan_rows, shifted_after
from coopconsole.service import MeetingService, ServiceError
from coopconsole.store import CorruptSession, SessionStore
from tests.support.review import BUDGET, reviewed
from tests.support.sessions import MEETING_START


def starts(session) -> list[str]:
    rows, _end = plan_rows(session)
    return [f"{row.start:%H:%M}" if row.start else "--:--" for row in rows]


def end(session) -> str:
    _rows, finish = plan_rows(session)
    return f"{finish:%H:%M}" if finish else "--:--"


@pytest.fixture
def service(store, clock):
    reviewed(store)
    with store.open("budget") as handle:
        yield MeetingService(handle, clock)


def on_disk(folder, name: str = "budget"):
    """The session as a fresh reader finds it in the file."""
    with SessionStore(folder).open(name) as handle:
        return handle.load()


def test_the_import_says_where_each_item_was_read_and_which_lines_it_did_not_use(store):
    session = reviewed(store)
    review = session.review
    assert review.lines[12] == "1. 09:00 Opening (10 min) — Dana Okafor"
    assert [review.line_of(i.id) for i in session.agenda] == [13, 14, 15, 16, 17]
    assert review.unused() == {19} and review.troubled() == {17}
    assert "read as a note" in review.said_of(19)
    assert "被当作备注" in review.said_of(19, "zh")  # as the console's language asks


def test_a_review_written_without_its_chinese_says_the_english() -> None:
    review = PlanReview(lines=("a",), reported=((1, "Empty agenda heading; it was skipped."),))
    assert review.said_of(1, "zh") == "Empty agenda heading; it was skipped."


def test_dropping_an_item_moves_the_later_written_starts_and_restoring_moves_them_back(service, folder):
    assert starts(service.session) == ["09:00", "09:10", "09:40", "09:55", "10:15"]
    service.plan.drop(2)
    session = on_disk(folder)
    assert session.review.dropped == (2,)
    assert "被当作备注" in session.review.said_of(19, "zh")  # kept in the file in both languages
    assert [i.start for i in session.agenda][2:4] == [time(9, 10), time(9, 25)]
    assert starts(session) == ["09:00", "09:10", "09:10", "09:25", "09:45"]  # the dropped one: where it would be
    assert service.plan.drop_or_restore(2)[1] is False  # dropped: restored
    session = on_disk(folder)
    assert session.review.dropped == () and starts(session)[1:] == ["09:10", "09:40", "09:55", "10:15"]


def test_a_new_box_moves_the_items_after_it_and_the_planned_end(service, folder):
    service.plan.rebox(5, 25)  # the wrap-up had no box: now the plan has an end
    assert end(on_disk(folder)) == "10:40"
    service.plan.rebox(1, 20)
    session = on_disk(folder)
    assert session.agenda[0].minutes == 20
    assert starts(session) == ["09:00", "09:20", "09:50", "10:05", "10:25"] and end(session) == "10:50"
    for bad in (0, 24 * 60 + 1):
        with pytest.raises(ServiceError) as refused:
            service.plan.rebox(1, bad)
        assert refused.value.code == "item-bad-box"
    assert on_disk(folder).agenda[0].minutes == 20


def test_a_title_is_cleaned_and_an_empty_one_refused(service, folder):
    service.plan.retitle(2, "  Budget\x1b[31m 2028  ")
    assert on_disk(folder).agenda[1].title == "Budget[31m 2028"
    with pytest.raises(ServiceError) as refused:
        service.plan.retitle(2, "   ")
    assert refused.value.code == "item-no-title"


def test_a_new_owner_is_a_participant(service, folder):
    service.plan.reown(3, "Grace Hopper")
    service.plan.reown(4, "Alice")  # one of the participants, by her first name: nobody added
    service.plan.reown(1, "")
    session = on_disk(folder)
    assert [i.owner for i in session.agenda][:4] == ["", "Alice Chen", "Grace Hopper", "Alice"]
    names = [p.name for p in session.participants]
    assert names == ["Alice Chen", "Bruno Silva", "Dana Okafor", "Grace Hopper"]  # Dana stays: she may come
    assert [p.id for p in session.participants] == [1, 2, 3, 4]
    walked = service.agenda_edits.walk_in("Hana Sato")  # numbered after the owner added in one write
    assert walked.id == 5


def test_accepting_removes_the_dropped_items_and_the_review(service, folder):
    service.plan.drop(3)
    service.plan.accept()
    session = on_disk(folder)
    assert session.review is None
    assert [i.id for i in session.agenda] == [1, 2, 4, 5]
    assert [i.start for i in session.agenda] == [time(9, 0), time(9, 10), time(9, 40), None]
    assert not service.plan.pending()
    with pytest.raises(ServiceError) as refused:
        service.plan.drop(1)
    assert refused.value.code == "plan-accepted"


def test_the_last_item_cannot_be_dropped(service):
    for item in (1, 2, 3, 4):
        service.plan.drop(item)
    with pytest.raises(ServiceError) as refused:
        service.plan.drop(5)
    assert refused.value.code == "plan-keep-one"


def test_no_review_once_the_meeting_has_started(store, folder, clock):
    reviewed(store)
    with store.open("budget") as handle:
        service = MeetingService(handle, clock)
        handle.add(Event(id=0, at=MEETING_START, kind=EventKind.START))
        assert not service.plan.pending()
        with pytest.raises(ServiceError) as refused:
            service.plan.rebox(1, 5)
        assert refused.value.code == "plan-started"


def test_the_review_is_kept_in_the_file_and_a_bad_one_refused(store, folder):
    reviewed(store)
    assert on_disk(folder).review == reviewed(SessionStore(folder / "again")).review
    path = folder / "budget.json"
    text = path.read_text("utf-8")
    path.write_text(text.replace('"dropped":[]', '"dropped":["two"]').replace('"dropped": []', '"dropped": ["two"]'))
    with pytest.raises(CorruptSession, match="dropped"):
        SessionStore(folder).open("budget")


def test_renumbered_when_a_review_of_the_previous_actions_comes_first():
    review = PlanReview(item_lines=((1, 5), (2, 6)), dropped=(2,))
    assert review.renumbered(1) == PlanReview(item_lines=((2, 5), (3, 6)), dropped=(3,))


def test_shifted_after_moves_only_written_starts(store):
    session = reviewed(store)
    moved = shifted_after(session.agenda, 3, -15)
    assert [(i.id, i.start) for i in moved] == [(4, time(9, 40))]  # the wrap-up has no written start


@pytest.mark.parametrize("no_open", [False, True])
def test_new_makes_the_review_only_when_it_opens_the_console(folder, tmp_path, monkeypatch, no_open):
    import coopconsole.cli.commands as commands

    opened: list[str | None] = []
    monkeypatch.setattr(commands, "_open_console", lambda ctx, name, *a, **k: opened.append(name))
    agenda = tmp_path / "budget.md"
    agenda.write_text(BUDGET, "utf-8")
    args = ["--sessions-dir", str(folder), "new", str(agenda), "--name", "budget"]
    result = CliRunner().invoke(commands.main, [*args, "--no-open"] if no_open else args, catch_exceptions=False)
    assert result.exit_code == 0
    session = on_disk(folder)
    if no_open:
        assert session.review is None and opened == [] and result.stdout == "budget\n"
    else:
        assert opened == ["budget"] and session.review is not None and session.review.unused() == {19}


def test_next_with_an_agenda_reviews_it_with_the_items_renumbered(store, folder, tmp_path, monkeypatch):
    import coopconsole.cli.commands as commands
    from coopconsole.domain.model import ActionItem

    monkeypatch.setattr(commands, "_open_console", lambda ctx, name, *a, **k: None)
    reviewed(store, name="first")
    with store.open("first") as handle:
        handle.add(ActionItem(0, "Send the budget", owner="Alice Chen", owner_id=1))
    agenda = tmp_path / "budget.md"
    agenda.write_text(BUDGET, "utf-8")
    args = ["--sessions-dir", str(folder), "next", "first", str(agenda), "--name", "second"]
    assert CliRunner().invoke(commands.main, args, catch_exceptions=False).exit_code == 0
    session = on_disk(folder, "second")
    assert session.agenda[0].title == "Review of previous actions" and session.agenda[1].title == "Opening"
    assert session.review.line_of(1) is None and session.review.line_of(2) == 13


def test_a_kill_during_review_loses_no_acknowledged_fix_and_never_half_moves_the_plan(store, folder):
    import os
    import random
    import signal
    import subprocess
    import sys
    import time as wall
    from pathlib import Path

    from tests.plan_review_worker import fix

    reviewed(store)
    worker = str(Path(__file__).with_name("plan_review_worker.py"))
    rnd = random.Random(20261203)
    boxes = {1: 10, 2: 30, 3: 15}  # as acknowledged so far
    made = 0
    for trial in range(12):
        child = subprocess.Popen(
            [sys.executable, worker, str(folder), "budget"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        wall.sleep(rnd.uniform(0.0, 0.05))  # the kill lands at an instant nobody chose
        os.kill(child.pid, signal.SIGKILL)
        acks = [int(line.split()[1]) for line in child.stdout.read().splitlines() if line.startswith("ack ")]
        child.stderr.read()
        assert child.wait() == -signal.SIGKILL
        made += len(acks)
        for n in acks:
            item, minutes = fix(n)
            boxes[item] = minutes
        session = on_disk(folder)
        found = {i.id: i.minutes for i in session.agenda[:3]}
        next_item, next_minutes = fix(acks[-1] + 1 if acks else 0)
        assert found in (boxes, {**boxes, next_item: next_minutes}), f"trial {trial}"  # the fix after may have landed
        boxes = found
        written = [i.start for i in session.agenda[:4]]
        for before, after, item in zip(written, written[1:], session.agenda, strict=False):
            gap = (after.hour * 60 + after.minute) - (before.hour * 60 + before.minute)
            assert gap == item.minutes, f"trial {trial}: the starts after item {item.id} moved by half a fix"
    assert made > 12  # the children really were fixing the plan when killed

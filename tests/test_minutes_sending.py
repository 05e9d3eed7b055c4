"""Sending the minutes: an explicit act, only once the meeting has ended; printing and
previewing record nothing; anything recorded afterwards shows the sent minutes out of
date (list, header, health); old files still load. Also the preview's tables, which fit
or wrap at 120 columns in Chinese, never cutting a deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta

import pytest
from click.testing import CliRunner
from textual.widgets import Markdown
from tinydb import TinyDB

from coopconsole.cli.commands import main
from coopconsole.domain.balance import Roster, replay, stats_from
from coopconsole.domain.followup import MinutesState, minutes_digest, minutes_status
from coopconsole.domain.health import health
from coopconsole.domain.model import ActionStatus, StatusChange
from coopconsole.domain.timeline import agenda_state, state_from_replay
from coopconsole.service import MeetingService, ServiceError
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.minutes import MinutesScreen
from coopconsole.tui.widgets.footer import KeyFooter
from coopconsole.tui.widgets.header import minutes_line, status_line
from coopconsole.tui.widgets.preview_tables import TABLE, column_widths
from tests.support.pilot import settle
from tests.support.sessions import small_session

SIZE = (120, 36)


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _status(service: MeetingService):
    session, now = service.session, service.now()
    return minutes_status(session, agenda_state(session, now), now)


def _codes(service: MeetingService) -> list[str]:
    session, now = service.session, service.now()
    floor = replay(session, now)
    state = state_from_replay(session, floor.clock, now)
    stats = stats_from(Roster.of(session.participants), floor, now)
    return [f.code for f in health(session, state, stats, None, now)]


@pytest.fixture
def running(store):
    """A meeting under way on the real clock (the command line's), with one action."""
    store.create(small_session()).close()
    with store.open("smart-park") as handle:
        service = MeetingService(handle)
        service.agenda.start()
        service.captures.action("@Alice send the MOU | by Dec 15")
    return "smart-park"


@pytest.fixture
def ended(store, running):
    with store.open(running) as handle:
        MeetingService(handle).agenda.end()
    return running


@pytest.fixture
def frozen(store, clock):
    """The same meeting on the frozen clock, ended after 40 minutes; its service."""
    store.create(small_session()).close()
    handle = store.open("smart-park")
    service = MeetingService(handle, clock)
    service.agenda.start()
    service.captures.action("@Alice send the MOU | by Dec 15")
    clock.advance(minutes=40)
    service.agenda.end()
    yield service
    handle.close()


# -- the command line ---------------------------------------------------------------------


def test_looking_at_the_minutes_mid_meeting_records_nothing_and_says_draft(store, running, tmp_path):
    printed = _run("minutes", running)
    assert printed.exit_code == 0, printed.output
    first = printed.stdout.splitlines()[0]
    assert first.startswith("# DRAFT · Smart Park") and "still running" in printed.stdout
    assert "were sent on" not in printed.stdout  # a draft says nothing was sent
    target = tmp_path / "m.md"
    assert _run("minutes", running, "-o", str(target)).exit_code == 0
    assert target.read_text("utf-8").startswith("# DRAFT · ")
    with store.open(running) as handle:
        assert handle.load().minutes_at is None
    row = next(line for line in _run("list").stdout.splitlines() if line.startswith(running))
    assert "written" not in row and "confirmed" not in row


def test_sending_before_the_end_is_refused_clearly(store, running, tmp_path):
    target = tmp_path / "m.md"
    refused = _run("minutes", running, "--send", "-o", str(target))
    assert refused.exit_code == 2
    assert "end the meeting first" in refused.stderr and "--draft" in refused.stderr
    assert not target.exists()
    assert _run("minutes", running, "--send").stdout == ""
    draft = _run("minutes", running, "--send", "--draft")
    assert draft.exit_code == 0 and draft.stdout.startswith("# DRAFT · ")
    with store.open(running) as handle:
        assert handle.load().minutes_at is None


def test_sending_after_the_end_records_it_and_printing_still_does_not(store, ended, tmp_path):
    looked = _run("minutes", ended)
    assert looked.stdout.startswith("# DRAFT · ") and "add --send" in looked.stderr
    with store.open(ended) as handle:
        assert handle.load().minutes_at is None
    target = tmp_path / "sent.md"
    sent = _run("minutes", ended, "--send", "-o", str(target), "--next-meeting", "Friday 10:00")
    assert sent.exit_code == 0, sent.output
    text = target.read_text("utf-8")
    assert text.startswith("# Smart Park") and "Next meeting: Friday 10:00." in text
    assert "recorded as sent" in sent.stderr
    with store.open(ended) as handle:
        session = handle.load()
    assert session.minutes_at is not None and session.minutes_digest and session.next_meeting == "Friday 10:00"
    assert "written" in _run("list").stdout and "0/4 confirmed" in _run("list").stdout
    copy = _run("minutes", ended)  # the minutes sent, unchanged: a copy, no draft
    assert copy.stdout.startswith("# Smart Park") and copy.stderr == ""


def test_anything_recorded_after_sending_shows_the_minutes_out_of_date_until_sent_again(store, ended):
    assert _run("minutes", ended, "--send").exit_code == 0
    assert _run("confirm", ended, "1").exit_code == 0  # a reply to the minutes: not a change to them
    assert "out of date" not in _run("list").stdout
    with store.open(ended) as handle:
        MeetingService(handle).captures.note("Budget to be confirmed by Company B")
    assert "out of date" in _run("list").stdout
    checks = _run("health", ended)
    assert "minutes-out-of-date" in checks.stdout and f"coopconsole minutes {ended} --send" in checks.stdout
    again = _run("minutes", ended)
    assert again.stdout.startswith("# DRAFT · ") and "out of date" in again.stderr
    assert _run("minutes", ended, "--send").exit_code == 0
    assert "out of date" not in _run("list").stdout
    assert "minutes-out-of-date" not in _run("health", ended).stdout


def test_confirming_needs_the_minutes_sent(store, ended):
    refused = _run("confirm", ended, "1")
    assert refused.exit_code == 2 and "have not been sent" in refused.stderr
    assert _run("minutes", ended, "--send").exit_code == 0
    assert "[x]  1 Alice Chen" in _run("confirm", ended, "1").stdout


# -- the service and the domain -------------------------------------------------------------


def test_the_service_refuses_to_record_a_sending_before_the_end(store, clock):
    store.create(small_session()).close()
    with store.open("smart-park") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        for send in (service.closing.record_minutes, service.closing.check_sendable):
            with pytest.raises(ServiceError) as refused:
                send()
            assert refused.value.code == "minutes-not-ended"
        saved = service.closing.write_minutes("en")  # the console's "write": a draft
        assert not saved.sent and saved.path.read_text("utf-8").startswith("# DRAFT · ")
        assert service.session.minutes_at is None


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.captures.action("@Bruno share the data | by Dec 20"),
        lambda s: s.captures.decision("Pilot in Zone B"),
        lambda s: s.captures.note("Zone B has power"),
        lambda s: s.captures.park("Parking fees"),
        lambda s: s.board.move(1, ActionStatus.DONE),
    ],
    ids=["action", "decision", "note", "parked", "status"],
)
def test_each_kind_of_record_makes_the_sent_minutes_out_of_date(frozen, clock, change):
    clock.advance(minutes=30)
    frozen.closing.record_minutes()
    assert not _status(frozen).out_of_date and "minutes-out-of-date" not in _codes(frozen)
    clock.advance(minutes=5)
    change(frozen)
    assert _status(frozen).out_of_date and "minutes-out-of-date" in _codes(frozen)
    frozen.closing.record_minutes()  # sent again
    assert not _status(frozen).out_of_date and "minutes-out-of-date" not in _codes(frozen)


def test_what_does_not_change_the_minutes_sent(frozen, clock):
    frozen.closing.record_minutes()
    session = frozen.session
    digest = session.minutes_digest
    assert digest == minutes_digest(session)
    confirmed = replace(
        session, participants=[replace(session.participants[0], confirmed_at=clock()), *session.participants[1:]]
    )
    assert minutes_digest(confirmed) == digest  # a confirmation is a reply
    elsewhere = replace(session.actions[0], history=(StatusChange(clock(), ActionStatus.DONE, "", "next-one"),))
    later = replace(session, actions=[replace(elsewhere, status=ActionStatus.DONE)])
    assert minutes_digest(later) == digest  # reported by the later meeting's own minutes
    in_utc = replace(session, events=[replace(e, at=e.at.astimezone(UTC)) for e in session.events])
    assert minutes_digest(in_utc) == digest  # the same moments, written another way


def test_the_digest_survives_reopening_the_file(store, frozen):
    frozen.closing.send_minutes("en")
    frozen.handle.close()
    with store.open("smart-park") as handle:
        session = handle.load()
    state = agenda_state(session, frozen.now())
    assert session.minutes_digest == minutes_digest(session)
    assert minutes_status(session, state, frozen.now()).state is MinutesState.WRITTEN


def test_the_24_hour_rule_counts_from_the_sending(frozen, clock):
    clock.advance(minutes=25 * 60)
    frozen.closing.send_minutes("en")
    status = _status(frozen)
    assert status.state is MinutesState.LATE and status.written_at == frozen.now()


def _old_file(store, frozen, minutes_at) -> None:
    """The session as a version that kept no digest wrote it, the minutes "written" at ``minutes_at``."""
    path = frozen.handle.path
    frozen.handle.close()
    with TinyDB(path) as db:
        meta = db.table("meta")
        record = dict(meta.all()[0])
        record.pop("minutes_digest", None)
        record["minutes_at"] = minutes_at.isoformat()
        meta.truncate()
        meta.insert(record)


def test_an_old_file_with_minutes_written_before_the_end_loads_and_they_count_as_not_sent(store, frozen, clock):
    _old_file(store, frozen, clock() - timedelta(minutes=20))  # a look at the minutes, mid-meeting
    with store.open("smart-park") as handle:
        service = MeetingService(handle, clock)
        assert _status(service).state is MinutesState.DUE
        with pytest.raises(ServiceError):
            service.closing.confirm_minutes(1)


def test_an_old_file_with_minutes_sent_after_the_end_loads_as_sent(store, frozen, clock):
    _old_file(store, frozen, clock() + timedelta(minutes=5))
    clock.advance(minutes=10)
    with store.open("smart-park") as handle:
        service = MeetingService(handle, clock)
        status = _status(service)
        assert status.state is MinutesState.WRITTEN and not status.out_of_date  # nothing to compare with
        service.closing.confirm_minutes(1)


def test_a_draft_is_marked_and_still_parses_as_built(frozen):
    text, _ = frozen.closing.build("zh", None, frozen.now(), draft=True)
    assert text.startswith("# 【草稿】") and "**草稿**:本纪要尚未发给参会人。" in text
    assert "发出。如有错漏" not in text  # no "these minutes were sent on"
    sent, _ = frozen.closing.build("en", None, frozen.now(), draft=False)
    assert sent.startswith("# Smart Park") and "These minutes were sent on" in sent


# -- the console ---------------------------------------------------------------------------


def _app(store, clock, lang="en"):
    return make_app(store=store, session_name="smart-park", clock=clock, lang=lang)


async def _shown(pilot) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, MinutesScreen)
    await screen.meeting.intents.idle()
    document = screen.query_one(Markdown)
    async with document.lock:
        pass
    for _ in range(3):  # the tables are fitted once laid out
        await pilot.pause()
    return document.source


async def test_w_before_the_end_writes_a_draft_and_records_nothing(store, clock):
    store.create(small_session()).close()
    with store.open("smart-park") as handle:
        MeetingService(handle, clock).agenda.start()
    async with _app(store, clock).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert (await _shown(pilot)).startswith("# DRAFT · Smart Park")
        status = str(pilot.app.screen.query_one("#minutes-status").content)
        assert "draft: the meeting has not ended" in status
        footer = pilot.app.screen.query_one(KeyFooter)
        assert any(e.key == "w" and e.description == "Write" and e.enabled for e in footer.entries)  # still shown
        await pilot.press("w")
        await _shown(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any(m.startswith("Draft minutes written to") for m in messages)
        assert not any("reply window starts now" in m for m in messages)
        assert (store.folder / "smart-park.minutes.en.md").read_text("utf-8").startswith("# DRAFT · ")
        await pilot.press("escape")
        screen = await settle(pilot)
        assert "minutes sent" not in status_line(screen.frame)
    with store.open("smart-park") as handle:
        assert handle.load().minutes_at is None


async def test_the_header_says_when_the_sent_minutes_are_out_of_date(store, frozen, clock):
    frozen.closing.send_minutes("en")
    frozen.handle.close()
    async with _app(store, clock).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert "minutes sent 09:40 · 0/4 confirmed" in status_line(screen.frame)
        screen.do(lambda: screen.service.captures.note("One more point"))
        screen = await settle(pilot)
        assert "minutes out of date, sent 09:40" in status_line(screen.frame)


def test_the_header_line_in_chinese(frozen):
    frozen.closing.record_minutes()
    frozen.captures.note("补充一点")
    session, now = frozen.session, frozen.now()
    assert minutes_line(session, agenda_state(session, now), now, "zh").startswith("09:40 发出的纪要已过时")


@pytest.mark.parametrize(
    "naturals, room, widths",
    [
        ([6, 12, 20], 40, None),  # fits: Textual's own sizing
        ([6, 12, 11, 60, 16, 6, 40], 100, [6, 12, 11, 25, 16, 6, 24]),  # the widest wrap, dates stay whole
        ([30, 30], 41, [21, 20]),
        ([10, 10, 10], 6, [2, 2, 2]),  # no room at all: shares
    ],
)
def test_column_widths(naturals, room, widths):
    got = column_widths(naturals, room)
    assert got == widths
    if got is not None:
        assert sum(got) <= room


async def test_the_chinese_preview_shows_whole_deadlines_at_120_columns(store, clock):
    store.create(replace(small_session(), lang="zh")).close()  # the minutes in the session's language
    with store.open("smart-park") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        service.captures.action(
            "@Alice 提交合作备忘录草案并征求各方意见,同时整理园区三期的能耗数据和接入方案 | 12月15日前"
        )
        service.captures.action("@Zed 看一下 | 12月10日前")
        clock.advance(minutes=40)
        service.agenda.end()
    async with _app(store, clock, "zh").run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await _shown(pilot)
        await pilot.press(*["right"] * 5)
        assert "## 六、行动项" in await _shown(pilot)
        [table] = pilot.app.screen.query(TABLE)
        lines = [cell.render_line(y).text.strip() for cell in table.query(".cell") for y in range(cell.size.height)]
        assert "2026年12月15日" in lines and "2026年12月10日" in lines  # whole, on one line each
        assert "Alice Chen" in lines  # a name fits too: only the long texts wrap
        assert table.region.right <= SIZE[0]


def test_narrowed_columns_break_between_words_where_the_others_can_spare_cells():
    """At 80 columns the agenda's item column was narrowed below "Introductions:" and the
    word was folded ("Introduction/s:") while the planned and actual columns had cells
    to spare beyond their longest words."""
    naturals, words, room = [5, 44, 13, 18, 17, 9], [5, 16, 8, 7, 11, 9], 70
    plain = column_widths(naturals, room)
    assert plain is not None and plain[1] < 16  # without the words: the item column folds
    widths = column_widths(naturals, room, words)
    assert widths is not None and sum(widths) == sum(plain) <= room
    assert all(width >= word for width, word in zip(widths, words, strict=True))


def test_when_no_column_can_spare_a_cell_the_widths_stay():
    naturals, words, room = [30, 30], [30, 30], 40
    assert column_widths(naturals, room, words) == column_widths(naturals, room)

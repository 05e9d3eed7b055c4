"""The facilitator, the note-taker and the item owners named in an agenda are people in
the meeting: participants with their duty, who can own actions and speak."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from click.testing import CliRunner
from textual.content import Content

from coopconsole.agenda import import_agenda
from coopconsole.agenda.in_charge import with_people_in_charge
from coopconsole.cli.commands import main
from coopconsole.domain.balance import flags
from coopconsole.domain.capture import parse_capture
from coopconsole.domain.model import Duty, Event, EventKind, Participant, Role
from coopconsole.domain.smart import smart_check
from coopconsole.minutes import render_minutes
from coopconsole.samples.meetings import sample_session, sample_text
from coopconsole.service import MeetingService
from coopconsole.store.codecs import participant_from, participant_record
from coopconsole.tui.app import make_app
from coopconsole.tui.widgets.speakers import SpeakersPane
from tests.support.pilot import settle, texts
from tests.support.sessions import MEETING_START


def _people(session):
    return [(p.id, p.name, p.organisation, p.role, p.duty) for p in session.participants]


def test_english_sample_has_its_facilitator_and_note_taker_as_participants():
    session = import_agenda(sample_text("en"), name="park").session
    assert _people(session)[5:] == [
        (6, "Dana Okafor", "", Role.OTHER, Duty.FACILITATOR),  # owns three items too: listed once
        (7, "Sam Lee", "", Role.OTHER, Duty.NOTE_TAKER),
    ]
    assert [p.duty for p in session.participants[:5]] == [Duty.NONE] * 5


def test_chinese_sample_gives_the_listed_facilitator_the_duty_and_adds_the_note_taker():
    session = import_agenda(sample_text("zh"), name="kickoff").session
    assert [p.name for p in session.participants].count("周宁") == 1
    assert _people(session)[5:] == [
        (6, "周宁", "独立顾问", Role.EXPERT_ADVISOR, Duty.FACILITATOR),
        (7, "陈晓", "", Role.OTHER, Duty.NOTE_TAKER),
    ]


def test_the_built_in_demo_meetings_have_them_too():
    for lang, facilitator in (("en", "Dana Okafor"), ("zh", "周宁")):
        session = sample_session(lang, "demo", MEETING_START)
        assert [p.name for p in session.participants if p.duty is Duty.FACILITATOR] == [facilitator]


AGENDA = """# Pilot review

- Facilitator: dana okafor
- Note-taker: Alice (Company A)

## Participants

- Alice Chen, Company A, CTO
- Bruno Silva, Company B

## Agenda

1. 09:00 Opening (10 min) — Dana
2. 09:10 Pilot results (20 min) — Alice Chen & Raj Patel
3. 09:30 Company view (10 min) — Company B
4. 09:40 Round table (10 min) — All
5. 09:50 Close (10 min) — TBD
"""


def test_people_are_matched_by_name_and_nobody_appears_twice():
    session = import_agenda(AGENDA, name="review").session
    assert _people(session) == [
        (1, "Alice Chen", "Company A", Role.OTHER, Duty.NOTE_TAKER),  # "Alice" fits only her
        (2, "Bruno Silva", "Company B", Role.OTHER, Duty.NONE),
        (3, "dana okafor", "", Role.OTHER, Duty.FACILITATOR),  # "Dana" on item 1 is her
        (4, "Raj Patel", "", Role.OTHER, Duty.NONE),  # an item owner, with no duty
    ]
    # an organisation, "All" and a placeholder are not people; the items keep them as written
    assert [i.owner for i in session.agenda][2:4] == ["Company B", "All"]


def test_a_name_that_fits_several_people_adds_nobody():
    people = [Participant(1, "王磊", "甲"), Participant(2, "王芳", "乙"), Participant(3, "刘洋", "乙")]
    out = with_people_in_charge(people, "王总", "刘总", ["王总", "张伟"])
    assert [(p.name, p.duty) for p in out] == [
        ("王磊", Duty.NONE),
        ("王芳", Duty.NONE),
        ("刘洋", Duty.NOTE_TAKER),  # 刘总: the one 刘
        ("张伟", Duty.NONE),
    ]


def test_the_facilitator_owns_an_action_as_a_participant():
    session = import_agenda(sample_text("en"), name="park").session
    capture = parse_capture("@dana send the draft MOU by Friday", session.participants, MEETING_START)
    assert (capture.owner, capture.owner_id, capture.owner_known) == ("Dana Okafor", 6, True)
    assert smart_check(capture, MEETING_START.date()).ok


def test_the_reported_command_line_steps_find_the_owner(tmp_path, folder):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)

    assert run("demo", "--no-open").exit_code == 0
    assert run("add", "demo-en", "action", "@dana send the draft MOU by Friday").exit_code == 0
    shown = run("show", "demo-en")
    assert "owner-unknown" not in shown.stdout and "Dana Okafor" in shown.stdout
    data = json.loads(run("show", "demo-en", "--json").stdout)
    assert data["actions"][0]["owner"] == "Dana Okafor" and data["actions"][0]["smart"]["ok"]


def test_the_duty_is_stored_and_files_without_it_still_read():
    person = Participant(3, "Sam Lee", duty=Duty.NOTE_TAKER)
    record = participant_record(person)
    assert record["duty"] == "note_taker"
    assert participant_from(3, record) == person
    del record["duty"]  # a file written before participants had a duty
    assert participant_from(3, record).duty is Duty.NONE


def test_the_facilitator_and_the_note_taker_are_not_flagged_and_not_in_the_fair_shares(clock):
    session = import_agenda(sample_text("en"), name="park").session
    session.date, session.start = MEETING_START.date(), MEETING_START.timetz().replace(tzinfo=None)
    session.events = [
        Event(1, MEETING_START, EventKind.START),
        Event(2, MEETING_START, EventKind.SPEAKER, participant=6),  # the facilitator talks on
    ]
    found = flags(session, MEETING_START + timedelta(minutes=12))
    assert 6 not in found and 7 not in found  # not "dominant", not "quiet"
    assert found == {1: "quiet", 2: "quiet", 3: "quiet", 4: "quiet", 5: "quiet"}


@pytest.fixture
def sample_service(store, clock):
    def make(lang: str) -> MeetingService:
        session = sample_session(lang, f"demo-{lang}", clock())
        return MeetingService(store.create(session), clock)

    return make


@pytest.mark.parametrize(
    "lang, size, facilitator, note_taker",
    [
        ("en", (120, 36), "facilitator", "note-taker"),
        ("en", (80, 24), "chair", "scribe"),
        ("zh", (120, 36), "主持人", "记录人"),
        ("zh", (80, 24), "主持", "记录"),
    ],
)
async def test_the_speakers_pane_shows_the_duty_after_the_figures(store, clock, lang, size, facilitator, note_taker):
    session = sample_session(lang, "demo", clock())
    store.create(session).close()
    app = make_app(store=store, session_name="demo", clock=clock, lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = await settle(pilot)
        rows = texts(screen.query_one(SpeakersPane).query_one("#speaker-rows"))
        by_number = {r[:2].strip(): r.rstrip() for r in rows if r[:2].strip().isdigit()}
        assert by_number["6"].endswith(f"  {facilitator}") and by_number["7"].endswith(f"  {note_taker}")
        others = [r for n, r in by_number.items() if n not in ("6", "7")]
        assert not any(r.endswith((f" {facilitator}", f" {note_taker}")) for r in others)
        # the figures stay in their column, and the duty fits in the pane
        width = screen.query_one(SpeakersPane).query_one("#speaker-rows").size.width
        cells = {Content(r[: r.index("%")]).cell_length for r in by_number.values()}
        assert len(cells) == 1
        assert Content(by_number["6"]).cell_length <= width and Content(by_number["7"]).cell_length <= width


@pytest.mark.parametrize("lang, words", [("en", "facilitator"), ("zh", "主持人")])
def test_the_minutes_attendees_show_the_duty(sample_service, clock, lang, words):
    service = sample_service("en")
    session = service.session
    text = render_minutes(session, clock(), lang)
    dana = next(line for line in text.splitlines() if "| Dana Okafor |" in line)
    assert words in dana


def test_the_minutes_keep_the_role_and_add_the_duty(clock):
    session = import_agenda(sample_text("zh"), name="kickoff").session
    text = render_minutes(session, clock(), "en")
    row = next(line for line in text.splitlines() if "| 周宁 |" in line)
    assert "expert advisor, facilitator" in row


def test_a_listed_facilitator_keeps_everything_else():
    people = [Participant(1, "Dana Okafor", "Association", "Chair", Role.EXPERT_ADVISOR)]
    (dana,) = with_people_in_charge(people, "Dana Okafor", "", ["Dana Okafor"])
    assert dana == replace(people[0], duty=Duty.FACILITATOR)

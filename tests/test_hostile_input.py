"""Hostile input: what an agenda file, a typed line or an exported cell cannot do.

An agenda may carry terminal escape sequences (a file from anywhere, printed in the
warnings of ``coopconsole new``); a list nested deeper than Markdown is read must be
reported, not lost; a CSV cell must not run as a formula in any spelling; a typed date
with an impossible year or stacked ``next`` must be read or refused in plain words.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from coopconsole.agenda import AgendaError, import_agenda
from coopconsole.cli.commands import main
from coopconsole.cli.export import to_csv
from coopconsole.domain.capture import CaptureError, parse_capture
from coopconsole.domain.dates import DateError, parse_date
from coopconsole.domain.model import ActionItem, Participant, Session
from coopconsole.store import SessionStore

# ESC, BEL, CSI, OSC, a C1 control, the bidirectional overrides.
OSC = "\x1b]0;title\x07"
CSI = "\x1b[2J"
C1 = "\x9b31m"
RLO = "\u202e"
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE_AGENDA = f"""---
title: Front{OSC} matter
---
# Sync{OSC} meeting{RLO}

Date: {CSI}someday{C1}
Location: Room{CSI} 2{RLO}
Facilitator: Zh{C1}ou Ning
Note taker: Ev{RLO}a{OSC}

## Goals

- Primary: sign{CSI} the MOU{RLO}
- Intermediate: pilot &#x202E;plan

## Participants

- Dana\x1b\x07 Okafor, Acme\x9b Ltd{RLO}, CTO{C1}
- Bruno Silva{RLO}, Beta&#x202E; Ltd, CEO

## Agenda

1. 09:00 Opening{OSC} (15 min) — Dana\x07 Okafor
   - welcome{C1} words{RLO}
2. 09:15 Pricing &#x202E;model (30 min) — Bruno Silva
3. 09:45 Close{CSI} (25:99)

A note{OSC} in the agenda{RLO} section{C1}.
"""


def _strings(value: object):
    """Every string inside a session (dataclasses, lists and tuples walked)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _unsafe(texts) -> list[str]:
    return [t for t in texts if _UNSAFE.search(t)]


# -- 1. the agenda importer cleans what it keeps and what it quotes -------------------


def test_import_keeps_no_control_characters_anywhere():
    result = import_agenda(HOSTILE_AGENDA, name=f"file{CSI}name{RLO}")
    session = result.session
    assert _unsafe(_strings(session)) == []
    assert session.title == "Sync]0;title meeting"
    assert session.location == "Room[2J 2"
    assert session.facilitator == "Zh31mou Ning"
    assert session.note_taker == "Eva]0;title"
    assert [g.text for g in session.goals] == ["sign[2J the MOU", "pilot plan"]
    people = [(p.name, p.organisation, p.title) for p in session.participants]
    assert people == [
        ("Dana Okafor", "Acme Ltd", "CTO31m"),
        ("Bruno Silva", "Beta Ltd", "CEO"),
        ("Zh31mou Ning", "", ""),  # the facilitator and the note-taker are participants too
        ("Eva]0;title", "", ""),
    ]
    first, second, _ = session.agenda
    assert (first.title, first.owner, first.sub_points) == ("Opening]0;title", "Dana Okafor", ("welcome31m words",))
    assert second.title == "Pricing model" and second.owner == "Bruno Silva"


def test_import_cleans_the_name_it_falls_back_on():
    result = import_agenda("- 09:00 Opening (15 min)\n", name=f"file{OSC}{RLO}")
    assert result.session.title == result.session.name == "file]0;title"


def test_import_reports_quote_the_agenda_cleaned():
    problems = import_agenda(HOSTILE_AGENDA).problems
    messages = [p.message for p in problems]
    assert _unsafe(messages) == []
    # The quoted text is there, without the controls.
    assert any("[2Jsomeday31m" in m for m in messages), messages
    assert any("A note]0;title in the agenda section31m." in m for m in messages), messages
    assert any("Close[2J" in m for m in messages), messages


def test_import_of_control_characters_alone_reports_nothing_unsafe():
    text = "# T\n\n## Agenda\n\n- 09:00 \x1b\x07\x9b\u202e (15 min)\n- \x1b[\n"
    result = import_agenda(text)
    assert _unsafe(_strings(result.session)) == []
    assert _unsafe(p.message for p in result.problems) == []


def test_new_prints_no_escape_sequences(tmp_path):
    agenda = tmp_path / "hostile.md"
    agenda.write_text(HOSTILE_AGENDA, "utf-8")
    folder = tmp_path / "sessions"
    result = CliRunner().invoke(
        main, ["--sessions-dir", str(folder), "new", str(agenda), "--no-open"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert result.stderr and "\x1b" not in result.stderr and _unsafe([result.stderr, result.stdout]) == []
    name = result.stdout.strip()
    with SessionStore(folder).open(name) as handle:
        assert _unsafe(_strings(handle.load())) == []


@pytest.mark.parametrize("where", ["agenda", "output"])
def test_a_file_name_with_escape_sequences_is_printed_without_them(tmp_path, where):
    """The command line quotes file names in its messages: a name can carry ESC too."""
    folder = tmp_path / "sessions"
    if where == "agenda":
        agenda = tmp_path / f"agenda{OSC}{CSI}.md"
        agenda.write_text(
            "# Sync\n\n## Agenda\n\n1. 09:00 Opening\n2. Prose that is no item at all, really.\n", "utf-8"
        )
        args = ["--sessions-dir", str(folder), "new", str(agenda), "--no-open"]
    else:
        agenda = tmp_path / "agenda.md"
        agenda.write_text("# Sync\n\n## Agenda\n\n1. 09:00 Opening (15 min)\n", "utf-8")
        CliRunner().invoke(main, ["--sessions-dir", str(folder), "new", str(agenda), "--name", "q", "--no-open"])
        args = [
            "--sessions-dir",
            str(folder),
            "export",
            "q",
            "--format",
            "csv",
            "-o",
            str(tmp_path / f"no{OSC}folder" / "x.csv"),
        ]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.stderr, result.output  # something was said about the file
    assert _unsafe([result.stderr]) == [], result.stderr


# -- 2. deeply nested lists are read, or reported by line -----------------------------


def _nested_agenda(levels: int) -> str:
    lines = ["# Sync", "", "## Agenda", "", "1. 09:00 Opening (15 min)"]
    for level in range(2, levels + 1):
        lines.append("   " + "  " * (level - 2) + f"- level {level}")
    lines.append("2. 09:15 Close (10 min)")
    return "\n".join(lines) + "\n"


def test_a_twelve_level_list_is_read_to_its_last_level():
    result = import_agenda(_nested_agenda(12))
    opening, close = result.session.agenda
    levels = [f"level {n}" for n in range(4, 13)]
    assert opening.sub_points == ("level 2: level 3 (" + " (".join(levels) + ")" * len(levels),)
    assert close.title == "Close"
    assert result.problems == []


def test_a_list_nested_beyond_reading_is_reported_by_line():
    text = _nested_agenda(60)
    result = import_agenda(text)
    lines = text.split("\n")
    first_unread = next(p for p in result.problems if "nested too deeply" in p.message)
    # Markdown stops reading around the fiftieth level: from there on, nothing is lost unsaid.
    assert lines[first_unread.line - 1].strip().startswith("- level ")
    assert f"-{len(lines) - 1} " in first_unread.message  # up to the last line, "2. Close" included
    point = result.session.agenda[0].sub_points[0]
    read = {int(n) for n in re.findall(r"level (\d+)", point)}
    unread = set(range(2, 61)) - read
    assert min(unread) + 5 - 1 == first_unread.line  # "level N" is on line N + 3


def test_quotes_nested_beyond_reading_are_named_in_the_error():
    with pytest.raises(AgendaError) as info:
        import_agenda("# T\n\n## Agenda\n\n" + ">" * 120 + " 1. 09:00 Opening (15 min)\n")
    assert "Line 5 is inside lists or quotes nested too deeply" in str(info.value)


def test_goals_and_participants_nested_under_one_are_reported():
    text = """# T

## Goals

- Primary: sign the MOU
  - draft the annex

## Participants

- Company A
  - Alice Chen, CTO
    - Bob Jones, Engineer
- Carol White, Company B, CEO
  - Dan Brown, Company B, CFO

## Agenda

- 09:00 Opening (15 min)
"""
    result = import_agenda(text)
    assert [g.text for g in result.session.goals] == ["sign the MOU"]
    by_line = {p.line: p.message for p in result.problems}
    assert "“draft the annex” is nested under “sign the MOU”" in by_line[6]
    assert "“Bob Jones, Engineer” is nested under “Alice Chen, CTO”" in by_line[12]
    assert "“Dan Brown, Company B, CFO”" in by_line[14] and "participant" in by_line[14]


# -- 3. CSV cells never start a formula -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+1", "-1", "@SUM(A1)", "＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "﹢1", "﹣1", "﹫x", "\t=1", "\r=1"],
)
def test_csv_neutralises_formula_starts_in_every_form(text):
    session = Session(
        name="s",
        title=text,
        participants=[Participant(1, text, text)],
        actions=[ActionItem(1, text, owner=text, owner_id=1)],
    )
    rows = list(csv.reader(io.StringIO(to_csv(session, session.actions)[1:], newline="")))
    deliverable, owner, organisation, *_rest = rows[1]
    title = rows[1][6]
    assert deliverable == owner == organisation == title == "'" + text


def test_csv_leaves_ordinary_text_alone():
    session = Session(name="s", title="Sync", actions=[ActionItem(1, "send 1-2 decks = done", owner="Ann")])
    rows = list(csv.reader(io.StringIO(to_csv(session, session.actions)[1:], newline="")))
    assert rows[1][:2] == ["send 1-2 decks = done", "Ann"]


# -- 4. dates in the quick capture -----------------------------------------------------

NOW = datetime(2026, 12, 1, 11, 30, tzinfo=UTC)  # a Tuesday
PEOPLE = [Participant(1, "Alice Chen", "Company A"), Participant(2, "李娜", "宏远集团")]


def _refused(line: str) -> str:
    with pytest.raises(CaptureError) as info:
        parse_capture(line, PEOPLE, NOW)
    assert info.value.code == "bad-date"
    message = info.value.message
    # Plain words: no Python exception text, no code.
    assert not re.search(r"Error|out of range|\\x|None|datetime|Traceback", message), message
    return message


@pytest.mark.parametrize(
    "line",
    ["@alice send the deck by 0000-01-01", "@alice send the deck by Jan 1, 0000", "@李娜 截止0000年1月1日提交报告"],
)
def test_year_zero_is_refused_with_words_about_the_year(line):
    message = _refused(line)
    assert "there is no year 0" in message
    assert "has no day" not in message


@pytest.mark.parametrize(
    "line",
    [
        "@alice send the deck by 99999-01-01",
        "@alice send the deck by 10000-01-01",
        "@alice send the deck by Jan 1 99999",
        "@李娜 截止99999年1月1日提交报告",
        "@李娜 99999-01-01前提交报告",
    ],
)
def test_a_year_beyond_four_digits_is_refused_as_too_far(line):
    message = _refused(line)
    assert "too far away" in message and "2036-12-01" in message


def test_a_year_beyond_four_digits_is_too_far_for_parse_date_too():
    with pytest.raises(DateError) as info:
        parse_date("99999-01-01", NOW.date())
    assert "too far away" in info.value.message


@pytest.mark.parametrize(
    "line",
    [
        "@alice send the deck by next next Friday",
        "@alice send the deck next next Friday",
        "@alice send the deck by next next week",
        "@李娜 提交报告 下下周五",
    ],
)
def test_next_next_is_the_week_after_next(line):
    c = parse_capture(line, PEOPLE, NOW)
    assert c.deadline == date(2026, 12, 18)
    assert c.deliverable in ("send the deck", "提交报告")
    assert not re.search(r"\b(?:by|next|week|Friday)\b|下|周", c.deliverable)


@pytest.mark.parametrize("line", ["@alice send the deck by next next next Friday", "@李娜 提交报告 截止下下下周五"])
def test_next_three_times_is_refused(line):
    message = _refused(line)
    assert "write the date instead" in message


# -- one capture's length ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["action", "note", "decision", "park"])
def test_a_capture_longer_than_a_capture_may_be_is_refused_and_nothing_is_written(store, clock, kind):
    from coopconsole.domain.typed_text import MAX_CAPTURE_CHARS
    from coopconsole.service import MeetingService, ServiceError
    from tests.support.sessions import small_session

    store.create(small_session("long")).close()
    with store.open("long") as handle:
        service = MeetingService(handle, clock)
        pasted = "@alice " + "x" * (5 * 1024 * 1024)  # a 5 MB paste
        with pytest.raises(ServiceError) as refused:
            service.captures.capture(kind, pasted)
        assert refused.value.code == "too-long"
        assert "5,242,887 characters" in refused.value.message and f"{MAX_CAPTURE_CHARS:,}" in refused.value.message
        assert "5,242,887" in refused.value.text("zh")
        service.captures.capture(kind, "@alice " + "y" * (MAX_CAPTURE_CHARS - 7))  # the most it holds
        session = service.session
        assert len(session.actions + session.notes + session.decisions + session.parked) == 1


def test_a_goal_longer_than_a_capture_may_be_is_refused(store, clock):
    from coopconsole.domain.model import GoalTier
    from coopconsole.service import MeetingService, ServiceError
    from tests.support.sessions import small_session

    store.create(small_session("long")).close()
    with store.open("long") as handle:
        with pytest.raises(ServiceError, match="characters"):
            MeetingService(handle, clock).playbook.add_goal(GoalTier.PRIMARY, "z" * 10_000)


def test_the_command_line_refuses_a_long_capture_with_a_message(store):
    from tests.support.sessions import small_session

    store.create(small_session("long")).close()
    result = CliRunner().invoke(main, ["add", "long", "note", "w" * 50_000])
    assert result.exit_code == 2 and "50,000 characters" in result.stderr and "Traceback" not in result.stderr
    with store.open("long") as handle:
        assert handle.load().notes == []


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_a_line_found_clean_is_what_cleaning_it_gives(text):
    """The shortcut for text that is clean already gives what the full cleaning gives."""
    from coopconsole.domain import typed_text

    slow = typed_text.unicodedata.normalize("NFC", text)
    slow = typed_text._BREAKS.sub(" ", slow)
    slow = typed_text._CONTROLS.sub("", slow)
    slow = typed_text._SPACES.sub(" ", slow).strip()
    assert typed_text.clean_line(text) == slow
    assert typed_text.clean_line(slow) == slow

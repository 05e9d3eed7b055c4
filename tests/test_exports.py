"""Action exports (CSV, iCalendar, task list), their filters, and the commands after a meeting."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from coopconsole.cli.commands import main
from coopconsole.cli.export import ExportError, select, to_csv, to_ics, to_tasks
from coopconsole.domain.model import ActionStatus
from coopconsole.service import MeetingService
from tests.support.scripted import play


@pytest.fixture
def played(store):
    name, clock = play(store, "en")
    with store.open(name) as handle:
        return handle.load(), clock


@pytest.fixture
def played_zh(store):
    name, clock = play(store, "zh", name="scripted-zh")
    with store.open(name) as handle:
        return handle.load(), clock


def _csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")  # spreadsheet programs read UTF-8 (and Chinese) by it
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_csv_round_trips_through_the_csv_module(played):
    session, _ = played
    rows = _csv_rows(to_csv(session, session.actions, "en"))
    assert rows[0] == [
        "Deliverable",
        "Owner",
        "Organisation",
        "Deadline",
        "Status",
        "Item",
        "Session",
        "Number",
        "SMART check",
    ]
    assert len(rows) == 1 + len(session.actions)
    first = rows[1]
    assert first[:5] == ["send the draft MOU for the Zone B pilot", "Alice Chen", "Company A", "2026-12-15", "to do"]
    assert first[5] == "3. Cooperation directions and opportunities"
    assert first[6] == session.title and first[7] == "1" and first[8] == "ok"
    assert rows[3][1] == "" and rows[3][3] == "" and "no owner" in rows[3][8]


def test_csv_in_chinese_keeps_chinese_text(played_zh):
    session, _ = played_zh
    data = to_csv(session, session.actions, "zh").encode("utf-8")
    rows = _csv_rows(data.decode("utf-8"))
    assert rows[0][:3] == ["交付内容", "负责人", "单位"]
    assert rows[1][:5] == ["提交数据安全协议初稿", "刘洋", "智算科技", "2026-12-08", "待办"]


def test_csv_cells_that_look_like_formulas_are_kept_as_text(played):
    session, _ = played
    session.actions[0] = replace(session.actions[0], deliverable='=HYPERLINK("http://x")')
    rows = _csv_rows(to_csv(session, session.actions[:1], "en"))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'


def test_icalendar_has_one_todo_per_action_and_parses_back(played):
    session, clock = played
    calendar = Calendar.from_ical(to_ics(session, session.actions, clock(), "en"))
    todos = list(calendar.walk("VTODO"))
    assert len(todos) == len(session.actions)
    first = todos[0]
    assert str(first["SUMMARY"]) == "send the draft MOU for the Zone B pilot"
    assert first.decoded("DUE") == date(2026, 12, 15)
    assert str(first["STATUS"]) == "NEEDS-ACTION"
    assert str(first["CONTACT"]) == "Alice Chen (Company A)"
    assert "Owner: Alice Chen (Company A)" in str(first["DESCRIPTION"])
    assert str(first["UID"]) == f"{session.name}-action-1@coopconsole"
    assert "DUE" not in todos[2]  # no deadline, no due date
    assert len({str(t["UID"]) for t in todos}) == len(todos)


def test_icalendar_marks_done_actions_completed(played):
    session, clock = played
    done = replace(session.actions[1], status=ActionStatus.DONE)
    [todo] = Calendar.from_ical(to_ics(session, [done], clock())).walk("VTODO")
    assert str(todo["STATUS"]) == "COMPLETED" and int(todo["PERCENT-COMPLETE"]) == 100


def test_task_list_is_one_line_per_action(played):
    session, _ = played
    lines = to_tasks(session, session.actions, "en").splitlines()
    assert len(lines) == len(session.actions)
    assert (
        lines[0]
        == "- [ ] **Alice Chen** (Company A): send the draft MOU for the Zone B pilot, due 15 December 2026 (#1)"
    )
    assert lines[2].startswith("- [ ] (nobody): follow up on funding, due none (#3) ⚠ no owner")


@pytest.mark.parametrize("owner, expected", [("Alice Chen", [1]), ("alice", [1]), ("CHLOE", [2]), ("Eva", [4])])
def test_owner_filter_by_name_or_its_start(played, owner, expected):
    session, _ = played
    assert [a.id for a in select(session, owner=owner)] == expected


def test_org_filter_and_both_filters(played):
    session, _ = played
    assert [a.id for a in select(session, org="company a")] == [1]
    assert [a.id for a in select(session, org="Industry")] == [4]
    assert [a.id for a in select(session, owner="Bruno", org="Company A")] == []


@pytest.mark.parametrize(
    "owner, org, message",
    [
        ("Zed", None, "Nobody called 'Zed'"),
        (None, "Company", "fits several"),
        (None, "Acme", "is not one of"),
    ],
)
def test_filters_that_fit_nobody_say_what_would(played, owner, org, message):
    session, _ = played
    with pytest.raises(ExportError, match=message):
        select(session, owner=owner, org=org)


# -- the commands ------------------------------------------------------------------------


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_minutes_command_prints_and_records_nothing(store, played):
    session, _ = played
    result = _run("minutes", session.name, "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "Smart Park Cooperation Promotion Meeting 会议纪要" in result.stdout.splitlines()[0]
    with store.open(session.name) as handle:
        assert handle.load().minutes_at == session.minutes_at  # sending is --send (tests/test_minutes_sending.py)


def test_draft_minutes_record_nothing(store, played):
    session, _ = played
    result = _run("minutes", session.name, "--draft", "--next-meeting", "Friday 10:00")
    assert result.exit_code == 0 and "Next meeting: Friday 10:00." in result.stdout
    with store.open(session.name) as handle:
        reread = handle.load()
    assert reread.minutes_at == session.minutes_at and reread.next_meeting == session.next_meeting


def test_minutes_to_a_file(tmp_path, store, played):
    session, _ = played
    target = tmp_path / "minutes.md"
    result = _run("minutes", session.name, "-o", str(target), "--next-meeting", "5 January, 10:00")
    assert result.exit_code == 0
    assert "## 9. Next steps" in target.read_text("utf-8") and "Next meeting: 5 January, 10:00." in target.read_text()
    with store.open(session.name) as handle:
        assert handle.load().next_meeting == session.next_meeting  # kept when sent (--send)


def test_minutes_into_a_missing_folder_fail_clearly_and_record_nothing(tmp_path, store, played):
    session, _ = played
    result = CliRunner().invoke(main, ["minutes", session.name, "-o", str(tmp_path / "no" / "m.md")])
    assert result.exit_code == 2 and "cannot write" in result.stderr.lower()
    with store.open(session.name) as handle:
        assert handle.load().minutes_at == session.minutes_at


@pytest.mark.parametrize("fmt", ["csv", "ics", "md"])
def test_export_command_writes_each_format(tmp_path, played, fmt):
    session, _ = played
    target = tmp_path / f"actions.{fmt}"
    result = _run("export", session.name, "--format", fmt, "--owner", "alice", "-o", str(target))
    assert result.exit_code == 0 and "1 action item written" in result.stderr
    data = target.read_bytes()
    assert b"send the draft MOU" in data and b"provide 12 months" not in data


def test_export_with_an_unknown_owner_fails_with_the_names(played):
    session, _ = played
    result = CliRunner().invoke(main, ["export", session.name, "--format", "csv", "--owner", "Zed"])
    assert result.exit_code == 2 and "Alice Chen" in result.stderr and result.stdout == ""


def test_export_that_matches_nothing_says_so(played):
    session, _ = played
    result = _run("export", session.name, "--format", "md", "--owner", "Bruno")
    assert result.exit_code == 0 and result.stdout == "" and "No action items match." in result.stderr


def test_list_shows_the_minutes_deadline_and_confirmations(store, clock):
    from tests.support.sessions import small_session

    store.create(small_session()).close()
    with store.open("smart-park") as handle:
        service = MeetingService(handle)
        service.agenda.start()
        service.agenda.end()
        ended = service.state().ended_at
    due = (ended + timedelta(hours=24)).astimezone().strftime("%m-%d %H:%M")
    assert f"due {due}" in _run("list").stdout
    assert _run("minutes", "smart-park", "--send").exit_code == 0
    result = _run("confirm", "smart-park", "1", "chloe")
    assert result.exit_code == 0 and "[x]  1 Alice Chen" in result.stdout and "[x]  3 Chloe Martin" in result.stdout
    assert "2 of 4 attendees have confirmed" in result.stdout
    assert "2/4 confirmed" in _run("list").stdout
    undone = _run("confirm", "smart-park", "Chloe Martin", "--undo")
    assert "[ ]  3 Chloe Martin" in undone.stdout
    shown = _run("show", "smart-park", "--json").stdout
    assert '"state": "written"' in shown and '"confirmed": 1' in shown


def test_confirm_before_the_minutes_or_of_nobody_is_refused(store):
    from tests.support.sessions import small_session

    store.create(small_session()).close()
    with store.open("smart-park") as handle:
        MeetingService(handle).agenda.start()
        MeetingService(handle).agenda.end()
    assert _run("minutes", "smart-park", "--draft").exit_code == 0
    refused = CliRunner().invoke(main, ["confirm", "smart-park", "1"])
    assert refused.exit_code == 2 and "have not been sent" in refused.stderr
    _run("minutes", "smart-park", "--send")
    assert "[x]  3 Chloe Martin" in _run("confirm", "smart-park", "c").stdout  # the start of one name
    nobody = CliRunner().invoke(main, ["confirm", "smart-park", "Zed"])
    assert nobody.exit_code == 2 and "is not one of the participants" in nobody.stderr


def test_a_capture_on_a_full_disk_fails_with_a_message_not_a_traceback(store, monkeypatch):
    import errno
    import os

    from tests.support.sessions import small_session

    store.create(small_session()).close()

    def disk_full(fd, buffers):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "writev", disk_full)
    result = CliRunner().invoke(main, ["add", "smart-park", "note", "lost?"])
    assert (
        result.exit_code == 2 and "No space left on device" in result.stderr and "Nothing was changed" in result.stderr
    )
    assert result.stdout == "" and "Traceback" not in result.output
    monkeypatch.undo()
    with store.open("smart-park") as handle:
        assert handle.load().notes == []


def test_the_command_line_offers_every_export_format_without_loading_the_exports():
    import subprocess
    import sys

    import coopconsole.cli.commands as cli
    import coopconsole.cli.export as export

    assert cli.FORMATS == export.FORMATS
    code = "import sys, coopconsole.cli.commands; print('coopconsole.cli.export' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"

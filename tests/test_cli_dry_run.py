"""``coopconsole new AGENDA --dry-run``: the plan as read, with every problem, and nothing
written; ``new --date`` and ``--start`` over what the agenda says."""

from __future__ import annotations

import json
import os
from datetime import date, time
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.cli.plan_overrides import with_overrides
from coopconsole.domain.model import AgendaItem, Session

SAMPLES = resources.files("coopconsole.samples")

WITH_PROBLEMS = """# Budget review

- Date: 2027-03-02 10:00

## Agenda

1. Opening (10 min) — Ana Lima
2. Figures (30 min)

some prose that is not an item
3. Break (15 min)
"""


def tree(root: Path) -> set[str]:
    """Every file and folder under ``root``."""
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture
def run():
    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def agenda(tmp_path):
    def write(text: str, name: str = "agenda.md") -> Path:
        path = tmp_path / name
        path.write_text(text, "utf-8")
        return path

    return write


@pytest.fixture
def en(agenda):
    return agenda(SAMPLES.joinpath("smart-park.en.md").read_text("utf-8"), "park.md")


@pytest.fixture
def zh(agenda):
    return agenda(SAMPLES.joinpath("pilot-kickoff.zh.md").read_text("utf-8"), "kickoff.md")


def test_the_plan_is_printed_whole_and_nothing_is_written(run, en, tmp_path, folder):
    before = tree(tmp_path)
    result = run("new", str(en), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert tree(tmp_path) == before  # no session, no sessions folder, no settings
    assert not folder.exists() and not (tmp_path / "config").exists()
    lines = result.stdout.splitlines()
    assert lines[0] == "Smart Park Cooperation Promotion Meeting"
    assert "  Date: Tuesday 8 December 2026 · Planned 09:00–12:00" in lines
    assert "  Location: Riverside Innovation Hub, Room 2 (round table)" in lines
    assert "  Facilitator: Dana Okafor · Note-taker: Sam Lee" in lines
    assert "  Would be saved as: smart-park-cooperation-promotion-meeting" in lines
    assert "Agenda (7)" in lines
    assert "   1. 09:00 · 15 min · Opening and ice-breaker · Dana Okafor" in lines
    assert "   4. 10:30 · 15 min · Tea break · break" in lines
    assert "Participants (7)" in lines
    assert "   1. Alice Chen · Company A · CTO · decision maker" in lines
    assert "   5. Eva Novak · Industry Association · expert advisor" in lines
    assert "   7. Sam Lee · (no organisation) · note-taker" in lines
    assert "Goals (3)" in lines and "  Intermediate · Agree on a draft MOU for one concrete project" in lines
    assert "Problems in the agenda: none" in lines
    assert lines[-1] == "Dry run: nothing was written."


def test_every_problem_is_said_with_its_line_and_the_exit_status_is_0(run, agenda, tmp_path, folder):
    path = agenda(WITH_PROBLEMS)
    before = tree(tmp_path)
    result = run("new", str(path), "--dry-run")
    assert result.exit_code == 0 and tree(tmp_path) == before and not folder.exists()
    out = result.stdout
    assert "Problems in the agenda (1)" in out
    assert "  line 10: The line “some prose that is not an item”" in out
    assert "   1. 10:00 · 10 min · Opening · Ana Lima" in out and "   3. 10:40 · 15 min · Break · break" in out
    assert "Planned 10:00–10:55" in out and "   1. Ana Lima · (no organisation)" in out and "Goals: none" in out


def test_a_file_with_no_agenda_is_refused_with_exit_2(run, agenda, tmp_path):
    path = agenda("just some words\n")
    before = tree(tmp_path)
    result = run("new", str(path), "--dry-run")
    assert result.exit_code == 2 and result.stderr.startswith("coopconsole: ") and "Traceback" not in result.stderr
    assert result.stdout == "" and tree(tmp_path) == before


def test_the_language_is_lang_else_the_agenda_s(run, zh):
    chinese = run("new", str(zh), "--dry-run").stdout
    assert "议程(7)" in chinese and "参会人员(7)" in chinese and "议程中的问题:无" in chinese
    assert "   4. 10:30 · 15分钟 · 茶歇 · 休息" in chinese and chinese.endswith("试运行:未写入任何文件。\n")
    assert "   6. 周宁 · 独立顾问 · 主持人 · 专家顾问" in chinese.splitlines()  # the duty said once
    for args in (("--lang", "en", "new", str(zh), "--dry-run"), ("new", str(zh), "--dry-run", "--lang", "en")):
        english = run(*args).stdout
        assert "Agenda (7)" in english and "   4. 10:30 · 15 min · 茶歇 · break" in english
    assert "Agenda (7)" in run("new", str(zh), "--dry-run", "--lang", "en").stdout


def test_an_agenda_without_a_date_still_shows_its_times(run, agenda):
    path = agenda("# Sync\n\n## Agenda\n\n1. 14:00 Opening (15 min)\n2. Plans (45 min)\n")
    out = run("new", str(path), "--dry-run").stdout
    assert "  Date: no date given · Planned 14:00–15:00" in out and "   2. 14:15 · 45 min · Plans" in out
    no_times = run("new", str(agenda("# Sync\n\n## Agenda\n\n1. Opening\n", "b.md")), "--dry-run").stdout
    assert "  Date: no date given · no start time given" in no_times
    assert "   1. --:-- · no time box · Opening" in no_times


def test_a_name_that_is_taken_or_unusable_is_said_in_a_dry_run(run, en, folder):
    assert run("new", str(en), "--name", "park", "--no-open").exit_code == 0
    before = tree(folder)
    assert "Would be saved as: smart-park-cooperation-promotion-meeting" in run("new", str(en), "--dry-run").stdout
    taken = run("new", str(en), "--dry-run", "--name", "park")
    assert taken.exit_code == 2 and "already exists" in taken.stderr
    bad = run("new", str(en), "--dry-run", "--name", "../x")
    assert bad.exit_code == 2 and "not a usable session name" in bad.stderr
    assert tree(folder) == before


# -- --date and --start -----------------------------------------------------------------


def test_date_and_start_move_the_plan_in_a_dry_run(run, en):
    out = run("new", str(en), "--dry-run", "--date", "2027-01-05", "--start", "14:30").stdout
    assert "  Date: Tuesday 5 January 2027 · Planned 14:30–17:30" in out
    assert "   1. 14:30 · 15 min · Opening and ice-breaker · Dana Okafor" in out
    assert "   4. 16:00 · 15 min · Tea break · break" in out and "   7. 17:20 · 10 min · Summary and close" in out


def test_date_and_start_are_saved_with_the_session(run, en):
    assert run("new", str(en), "--name", "park", "--no-open", "--date", "2027-01-05", "--start", "08:00").exit_code == 0
    shown = json.loads(run("show", "park", "--json").stdout)
    assert shown["date"] == "2027-01-05"
    assert [item["start"] for item in shown["agenda"]] == [
        "08:00",
        "08:15",
        "08:45",
        "09:30",
        "09:45",
        "10:30",
        "10:50",
    ]
    assert [item["minutes"] for item in shown["agenda"]] == [15, 30, 45, 15, 45, 20, 10]


@pytest.mark.parametrize(
    "option, value, words",
    [
        ("--date", "2026-13-01", "not a day of the calendar"),
        ("--date", "2027-02-30", "not a day of the calendar"),
        ("--date", "08/12/2026", "YYYY-MM-DD"),
        ("--date", "", "YYYY-MM-DD"),
        ("--start", "25:00", "HH:MM"),
        ("--start", "12:60", "HH:MM"),
        ("--start", "9h30", "HH:MM"),
        ("--start", "7:5", "HH:MM"),
    ],
)
@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
def test_a_date_or_start_that_is_not_one_is_a_click_error(run, en, tmp_path, option, value, words, dry_run):
    before = tree(tmp_path)
    result = run("new", str(en), "--no-open", *dry_run, option, value)
    assert result.exit_code == 2 and f"Invalid value for '{option}'" in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr and tree(tmp_path) == before


def _session(start: time | None, *starts: time | None) -> Session:
    items = [AgendaItem(id=n, title=f"i{n}", start=s, minutes=30) for n, s in enumerate(starts, 1)]
    return Session(name="s", title="S", start=start, agenda=items)


def test_written_starts_move_with_the_meeting_s_start_round_midnight():
    moved = with_overrides(_session(time(9), time(9), None, time(10, 30)), date(2027, 1, 5), time(23, 0))
    assert moved.date == date(2027, 1, 5) and moved.start == time(23, 0)
    assert [i.start for i in moved.agenda] == [time(23, 0), None, time(0, 30)]
    earlier = with_overrides(_session(None, time(9), time(9, 45)), None, time(7, 15))
    assert [i.start for i in earlier.agenda] == [time(7, 15), time(8, 0)] and earlier.start == time(7, 15)


def test_an_agenda_with_no_start_is_given_one_and_later_written_times_stay():
    moved = with_overrides(_session(None, None, time(11, 0)), None, time(9, 0))
    assert moved.start == time(9, 0) and [i.start for i in moved.agenda] == [None, time(11, 0)]
    same = with_overrides(_session(time(9), time(9)), None, None)
    assert same.start == time(9) and same.agenda[0].start == time(9)


def test_the_dry_run_writes_nothing_even_where_the_folder_exists(run, en, folder):
    os.makedirs(folder)
    before = tree(folder)
    assert run("new", str(en), "--dry-run").exit_code == 0 and tree(folder) == before


def test_a_dry_run_of_a_follow_up_checks_previous_and_writes_nothing(run, en, folder):
    assert run("new", str(en), "--name", "park", "--no-open").exit_code == 0
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    result = run("new", str(en), "--dry-run", "--follows", "park")
    assert result.exit_code == 0 and "Agenda (7)" in result.stdout
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    missing = run("new", str(en), "--dry-run", "--follows", "nope")
    assert missing.exit_code == 2 and missing.stdout == "" and "nope" in missing.stderr


def test_entries_set_aside_are_shown_in_the_parking_lot(run, agenda):
    text = "# Plenary\n\n## Agenda\n\n1. Vote (15 min)\n\n## To be scheduled if time permits\n\n- Benchmarks (15 min)\n"
    out = run("new", str(agenda(text)), "--dry-run").stdout
    assert "Parking lot (to schedule if time permits) (1)\n   1. Benchmarks (15 min)\n" in out
    zh = run("--lang", "zh", "new", str(agenda(text)), "--dry-run").stdout
    assert "停车场(时间允许时再排)" in zh and "   1. Benchmarks" in zh

"""``coopconsole add`` says what it understood, in the session's language; ``--quiet``
prints only the number, for scripts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from tests.support.sessions import small_session

#: A deadline a month from today: the capture reads dates from the moment it is made.
DUE = (date.today() + timedelta(days=30)).isoformat()


@pytest.fixture
def add(store):
    store.create(small_session("park")).close()
    chinese = small_session("kickoff")
    chinese.lang = "zh"
    store.create(chinese).close()

    def invoke(*args: str):
        result = CliRunner().invoke(main, ["add", *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    return invoke


def test_an_action_is_said_back_with_owner_deadline_deliverable_and_verdict(add):
    said = add("park", "action", "@chloe", "send", "energy", "data", "by", DUE)
    assert said.stdout == f"#1 action · Chloe Martin · {DUE} · send energy data ✓SMART\n"
    assert said.stderr == ""


def test_an_action_that_is_not_smart_says_its_problems_in_short(add):
    said = add("park", "action", "@nobody", "follow", "up")
    assert said.stdout == "#1 action · nobody · no deadline · follow up ⚠ owner not in meeting, no deadline, vague\n"
    assert "check: The owner is not a participant" in said.stderr  # the advice, as before
    unowned = add("park", "action", "look", "into", "it")
    assert unowned.stdout.startswith("#2 action · (no owner) · no deadline · look into it ⚠ no owner")


@pytest.mark.parametrize(
    "kind, text, line",
    [
        ("decision", "Pilot in Zone B", "#1 decision · Pilot in Zone B"),
        ("note", "the pilot needs a budget line", "#1 note · the pilot needs a budget line"),
        ("park", "@bruno pricing model", "#1 parked point · pricing model · raised by Bruno Silva"),
        ("park", "pricing model", "#1 parked point · pricing model"),
    ],
)
def test_a_decision_note_or_parked_point_is_said_back_with_its_text(add, kind, text, line):
    assert add("park", kind, text).stdout == line + "\n"


def test_the_line_is_in_the_session_s_language_or_in_lang(add):
    assert add("kickoff", "decision", "在一条产线试点").stdout == "#1 决议 · 在一条产线试点\n"
    said = add("kickoff", "action", "@张三", "提交", "试点方案", "by", DUE)
    assert said.stdout == f"#1 行动项 · 张三 · {DUE} · 提交 试点方案 ✓SMART\n"
    assert add("kickoff", "note", "预算待定", "--lang", "en").stdout == "#1 note · 预算待定\n"
    assert add("park", "note", "budget", "--lang", "zh").stdout == "#1 讨论要点 · budget\n"
    assert add("park", "-q", "note", "x", "--lang", "zh").stdout == "2\n"


def test_quiet_prints_only_the_number(add):
    assert add("park", "action", "@alice", "send", "the", "MOU", "by", DUE, "--quiet").stdout == "1\n"
    assert add("park", "--quiet", "note", "hello").stdout == "1\n"
    unsmart = add("park", "action", "follow", "up", "-q")
    assert unsmart.stdout == "2\n" and "check:" in unsmart.stderr

"""The command line, as a note-taker in a second terminal would use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources

import pytest
from click.testing import CliRunner

from coopconsole import __version__
from coopconsole.cli.commands import main, slug

SAMPLES = resources.files("coopconsole.samples")


@pytest.fixture
def run(folder):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def agenda_en(tmp_path):
    path = tmp_path / "smart-park.md"
    path.write_text(SAMPLES.joinpath("smart-park.en.md").read_text("utf-8"), "utf-8")
    return path


@pytest.fixture
def agenda_zh(tmp_path):
    path = tmp_path / "kickoff.md"
    path.write_text(SAMPLES.joinpath("pilot-kickoff.zh.md").read_text("utf-8"), "utf-8")
    return path


def test_new_list_add_show(run, agenda_en):
    created = run("new", str(agenda_en), "--name", "park", "--no-open")
    assert created.exit_code == 0 and created.stdout.strip() == "park"
    listing = run("list")
    assert "park" in listing.stdout and "Smart Park Cooperation Promotion Meeting" in listing.stdout
    assert "2026-12-08" in listing.stdout and "planned" in listing.stdout and "7 items" in listing.stdout
    added = run("add", "park", "action", "@alice", "send the draft MOU to Company B", "by", "2026-12-20", "--quiet")
    assert added.exit_code == 0 and added.stdout.strip() == "1"
    shown = json.loads(run("show", "park", "--json").stdout)
    for key in (
        "title",
        "date",
        "location",
        "facilitator",
        "note_taker",
        "goals",
        "participants",
        "agenda",
        "actions",
        "decisions",
        "notes",
        "parked",
    ):
        assert key in shown
    first = shown["agenda"][0]
    assert (first["title"], first["start"], first["minutes"], first["owner"], first["kind"]) == (
        "Opening and ice-breaker",
        "09:00",
        15,
        "Dana Okafor",
        "topic",
    )
    assert shown["agenda"][3]["kind"] == "break"
    action = shown["actions"][0]
    assert action["id"] == 1 and action["owner"] == "Alice Chen" and action["organisation"] == "Company A"
    assert action["deliverable"] == "send the draft MOU to Company B"
    assert action["deadline"] == "2026-12-20" and action["status"] == "todo" and action["item"] is None
    assert action["smart"] == {"ok": True, "problems": []}


def test_new_names_the_session_after_the_title(run, agenda_zh):
    result = run("new", str(agenda_zh), "--no-open")
    assert result.exit_code == 0
    name = result.stdout.strip()
    assert name == slug("智算科技 × 宏远集团 AI质检合作推进会") == "智算科技-宏远集团-ai质检合作推进会"
    again = run("new", str(agenda_zh), "--no-open")
    assert again.stdout.strip() == f"{name}-2"
    shown = json.loads(run("show", name, "--json").stdout)
    assert [p["name"] for p in shown["participants"]][:2] == ["王磊", "刘洋"]
    assert len(shown["agenda"]) == 7 and len(shown["goals"]) == 3


@pytest.mark.parametrize(
    "args, message",
    [
        (("add", "nope", "note", "x"), "No session named 'nope'"),
        (("add", "../etc", "note", "x"), "not a usable session name"),
        (("add", "park", "action", "@alice", "fix", "it", "due", "someday"), "someday"),
        (("add", "park", "note", "   "), "empty"),
        (("open", "nope"), "No session named"),
        (("show", "nope"), "No session named"),
    ],
)
def test_bad_input_gets_a_message_exit_2_and_writes_nothing(run, agenda_en, folder, args, message):
    run("new", str(agenda_en), "--name", "park", "--no-open")
    before = (folder / "park.json").read_bytes()
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / "park.json").read_bytes() == before


def test_corrupt_session_file_exit_2_names_file_and_leaves_it(run, agenda_en, folder):
    run("new", str(agenda_en), "--name", "park", "--no-open")
    path = folder / "park.json"
    torn = path.read_bytes()[:100]
    path.write_bytes(torn)
    for args in (("show", "park"), ("add", "park", "note", "hello"), ("open", "park")):
        result = run(*args)
        assert result.exit_code == 2
        assert str(path.resolve()) in result.stderr and "left exactly as it was" in result.stderr
        assert path.read_bytes() == torn
    listing = run("list")
    assert listing.exit_code == 0 and "damaged" in listing.stdout


def test_agenda_that_is_not_utf8_or_not_an_agenda(run, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes("# Réunion\n\n## Agenda\n\n1. Café (15 min)\n".encode("latin-1"))
    result = run("new", str(latin), "--no-open")
    assert result.exit_code == 2 and "UTF-8" in result.stderr
    empty = tmp_path / "empty.md"
    empty.write_text("just some words\n", "utf-8")
    result = run("new", str(empty), "--no-open")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_demo_no_open_creates_a_fresh_copy(run):
    first = run("demo", "--lang", "zh", "--no-open").stdout.strip()
    second = run("demo", "--lang", "zh", "--no-open").stdout.strip()
    assert first == "demo-zh" and second == "demo-zh-2"
    shown = json.loads(run("show", first, "--json").stdout)
    assert shown["title"].startswith("智算科技") and len(shown["agenda"]) == 7


def test_version_and_help_on_every_command(run):
    assert run("--version").stdout.strip().endswith(__version__)
    for command in ("", "demo", "new", "open", "list", "add", "show"):
        result = run(*([command] if command else []), "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout


def test_list_with_no_sessions_says_what_to_do(run):
    assert "coopconsole demo" in run("list").stdout


def test_python_dash_m_runs_without_a_terminal(folder):
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    out = subprocess.run(
        [sys.executable, "-m", "coopconsole", "--sessions-dir", str(folder), "demo", "--no-open"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env=env,
    )
    assert out.returncode == 0 and out.stdout.strip() == "demo-en"


def test_the_demo_is_in_the_console_s_language_unless_told(run, monkeypatch):
    """``--lang zh`` before the command, or a Chinese locale, gives the Chinese sample."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert run("demo", "--no-open").stdout.strip() == "demo-zh"
    assert run("demo", "--lang", "en", "--no-open").stdout.strip() == "demo-en"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert run("--lang", "zh", "demo", "--no-open").stdout.strip() == "demo-zh-2"
    assert run("demo", "--no-open").stdout.strip() == "demo-en-2"

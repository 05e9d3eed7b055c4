"""The options of ``coopconsole`` itself (``--sessions-dir``, ``--lang``, ``--theme``)
work after the command too, with the same meaning, both through click and through the
console's own way in; the console's language and theme given on the command line are
remembered."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

import coopconsole.cli.commands as cli
import coopconsole.cli.console_start as start
from coopconsole.cli.console_start import ConsoleLine, read
from coopconsole.settings import Settings, load_settings, save_settings
from coopconsole.store import SessionStore
from tests.support.sessions import small_session


def invoke(*args: str):
    return CliRunner().invoke(cli.main, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--lang", "zh"],
        ["list", "--theme", "coopconsole-light"],
        ["demo", "--no-open", "--theme", "coopconsole-light"],
        ["show", "park", "--theme", "coopconsole-light"],
        ["minutes", "park", "--draft", "--theme", "coopconsole-projector"],
        ["actions", "--lang", "zh"],
    ],
)
def test_the_global_options_are_taken_after_the_command(args, store):
    store.create(small_session("park")).close()
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert "No such option" not in result.output


def test_they_mean_what_they_mean_before_it(store, tmp_path):
    elsewhere = SessionStore(tmp_path / "elsewhere")
    elsewhere.create(small_session("park")).close()
    before = invoke("--sessions-dir", str(elsewhere.folder), "--lang", "zh", "show", "park")
    after = invoke("show", "park", "--sessions-dir", str(elsewhere.folder), "--lang", "zh")
    assert before.exit_code == after.exit_code == 0
    assert after.stdout == before.stdout and "议程(4)" in after.stdout
    assert invoke("show", "park").exit_code == 2  # not in the default folder: the option was used
    made = invoke("demo", "--no-open", "--sessions-dir", str(elsewhere.folder))
    assert made.stdout.strip().startswith("demo-") and (elsewhere.folder / f"{made.stdout.strip()}.json").exists()


def test_the_later_one_wins_and_a_command_s_own_option_keeps_its_meaning(store):
    store.create(small_session("park")).close()
    assert "议程" in invoke("--lang", "en", "show", "park", "--lang", "zh").stdout
    assert invoke("--lang", "en", "demo", "--lang", "zh", "--no-open").stdout.strip() == "demo-zh"  # which sample
    assert invoke("--lang", "zh", "demo", "--no-open", "--lang", "en").stdout.strip() == "demo-en"
    refused = CliRunner().invoke(cli.main, ["list", "--lang", "fr"])
    assert refused.exit_code == 2 and "'fr' is not one of 'en', 'zh'" in refused.output


def test_the_help_of_a_command_lists_them(store):
    said = invoke("list", "--help").stdout
    assert "--sessions-dir" in said and "--lang" in said and "--theme" in said


@pytest.mark.parametrize(
    "args, line",
    [
        (["open", "kickoff", "--lang", "zh"], ConsoleLine("open", "kickoff", lang="zh")),
        (["open", "--theme=coopconsole-light", "kickoff"], ConsoleLine("open", "kickoff", theme="coopconsole-light")),
        (
            ["--lang", "zh", "open", "--sessions-dir", "s", "kickoff", "--theme", "coopconsole-light"],
            ConsoleLine("open", "kickoff", sessions_dir="s", lang="zh", theme="coopconsole-light"),
        ),
        (["demo", "--theme", "coopconsole-light"], ConsoleLine("demo", theme="coopconsole-light")),
        (
            ["demo", "--sessions-dir=s", "--lang", "zh", "--theme", "x"],
            ConsoleLine("demo", sessions_dir="s", theme="x", demo_lang="zh"),
        ),
    ],
)
def test_the_console_s_way_in_reads_them_after_the_command(args, line):
    assert read(args) == line


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "zh", "open", "kickoff", "--lang", "en"],  # twice: click takes the later one
        ["open", "--lang", "zh", "kickoff", "--lang", "en"],
        ["--theme", "a", "demo", "--theme", "b"],
        ["open", "kickoff", "--lang", "fr"],
        ["open", "kickoff", "--lang"],
        ["open", "kickoff", "--colour", "red"],
        ["open", "kickoff", "extra"],
        ["open", "--lang", "zh"],
        ["demo", "--no-open", "--theme", "x"],
    ],
)
def test_lines_it_is_unsure_of_are_left_to_click(args):
    assert read(args) is None


@pytest.fixture
def consoles(monkeypatch):
    """Each console either way in would run: (folder, session, language, theme, taken over)."""
    runs: list[tuple[str, str | None, str | None, str | None, bool]] = []

    def run_console(store, name, lang, theme, opened=None):  # noqa: ANN001, ANN202
        runs.append((str(store.folder), name, lang, theme, opened is not None))
        if opened is not None:
            opened.close()

    monkeypatch.setattr(start, "run_console", run_console)
    monkeypatch.setattr(cli, "run_console", run_console)
    return runs


@pytest.mark.parametrize(
    "args",
    [
        ["open", "kickoff", "--sessions-dir", "s", "--lang", "zh"],
        ["--sessions-dir", "s", "open", "--theme", "coopconsole-projector", "kickoff"],
        ["demo", "--sessions-dir", "s", "--theme", "coopconsole-light"],
        ["--lang", "en", "demo", "--sessions-dir", "s", "--lang", "zh"],
    ],
)
def test_both_ways_in_agree_on_them(args, consoles, tmp_path, monkeypatch):
    made = {}
    for way in ("here", "click"):
        (tmp_path / way).mkdir()
        monkeypatch.chdir(tmp_path / way)
        SessionStore(tmp_path / way / "s").create(small_session("kickoff")).close()
        if way == "here":
            assert start.start(read(args))
        else:
            result = CliRunner().invoke(cli.main, args, catch_exceptions=False)
            assert result.exit_code == 0, result.output
        made[way] = sorted(p.name for p in (tmp_path / way / "s").iterdir())
    assert made["here"] == made["click"]
    here, click = consoles
    assert here == click


@pytest.mark.parametrize("way", ["here", "click"])
@pytest.mark.parametrize("args", [["--lang", "zh", "open", "kickoff"], ["open", "kickoff", "--lang", "zh"]])
def test_the_console_s_language_is_remembered_from_either_place(args, way, consoles, store):
    store.create(small_session("kickoff")).close()
    save_settings(Settings(lang="en", theme="coopconsole-light"))
    if way == "here":
        assert start.start(read(args))
    else:
        assert invoke(*args).exit_code == 0
    settings = load_settings()[0]
    assert settings.lang == "zh" and settings.theme == "coopconsole-light"  # the rest kept


def test_a_command_that_opens_no_console_remembers_nothing(store):
    store.create(small_session("park")).close()
    invoke("--lang", "zh", "show", "park")
    invoke("list", "--lang", "zh")
    invoke("minutes", "park", "--draft", "--lang", "zh")
    assert load_settings()[0].lang is None


@pytest.fixture
def console_built(monkeypatch):
    """The console is made as the command line makes it, and quits at once."""
    from coopconsole.tui.app import CoopConsoleApp

    monkeypatch.setattr(CoopConsoleApp, "run", lambda self, *args, **kwargs: None)
    monkeypatch.setattr("coopconsole.cli.console_start.no_terminal", lambda: None)  # as in a terminal


@pytest.mark.parametrize("args", [["--theme", "coopconsole-projector"], ["demo", "--theme", "coopconsole-projector"]])
def test_the_theme_is_remembered_from_either_place(args, console_built, store):
    assert start.start(read(args))
    assert load_settings()[0].theme == "coopconsole-projector"
    save_settings(Settings(theme="coopconsole-light"))
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert load_settings()[0].theme == "coopconsole-projector"


def test_a_theme_that_does_not_exist_is_not_remembered(console_built, store):
    save_settings(Settings(theme="coopconsole-light"))
    assert start.start(read(["--theme", "no-such-theme"]))
    assert invoke("demo", "--theme", "no-such-theme").exit_code == 0
    assert load_settings()[0].theme == "coopconsole-light"


def test_the_entry_point_opens_the_console_without_click_for_options_after_the_command(folder):
    SessionStore(folder).create(small_session("kickoff")).close()
    code = (
        "import sys\n"
        "import coopconsole.cli.console_start as start\n"
        "start.run_console = lambda *a, **k: print('console', a[2], a[3], 'click loaded:', 'click' in sys.modules)\n"
        "sys.argv = ['coopconsole', 'open', 'kickoff', '--lang', 'zh', '--theme', 'coopconsole-light']\n"
        "from coopconsole.cli.main import main\n"
        "main()\n"
    )
    env = {**os.environ, "COOPCONSOLE_SESSIONS": str(folder), "COOPCONSOLE_CONFIG": str(folder.parent / "cfg")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "console zh coopconsole-light click loaded: False", done.stderr

"""The minutes, the exports and the command-line health checks are in the session's
language (the language of its agenda) unless ``--lang`` says otherwise, whatever
language the console speaks: they go to the meeting's people."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.service import MeetingService
from coopconsole.settings import Settings, save_settings, settings_path
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.minutes import MinutesScreen
from tests.support.pilot import settle
from tests.support.sessions import small_session


@pytest.fixture
def chinese_meeting(store, clock, folder):
    """A Chinese session, ended, with one action, in a console that speaks English."""
    save_settings(Settings(lang="en"), settings_path())
    store.create(replace(small_session("kickoff"), lang="zh")).close()
    with store.open("kickoff") as handle:
        service = MeetingService(handle, clock)
        service.agenda.start()
        service.captures.action("@Alice send the MOU | draft by Dec 15")
        clock.advance(minutes=40)
        service.agenda.end()
    runner = CliRunner()
    return lambda *args: runner.invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)


def test_the_minutes_are_in_the_sessions_language_unless_lang_says_otherwise(chinese_meeting):
    assert "## 六、行动项" in chinese_meeting("minutes", "kickoff").output
    assert "## 6. Action items" in chinese_meeting("minutes", "kickoff", "--lang", "en").output
    assert "## 6. Action items" in chinese_meeting("--lang", "en", "minutes", "kickoff").output


def test_the_exports_and_health_are_in_the_sessions_language_too(chinese_meeting):
    assert "交付内容" in chinese_meeting("export", "kickoff", "--format", "csv").output.splitlines()[0]
    assert "Deliverable" in chinese_meeting("export", "kickoff", "--format", "csv", "--lang", "en").output
    english = chinese_meeting("health", "kickoff", "--lang", "en").output
    chinese = chinese_meeting("health", "kickoff").output
    assert "→ Ask the decision maker" in english
    assert "→ Ask" not in chinese and chinese.count("→") == english.count("→")


async def test_the_consoles_preview_starts_in_the_sessions_language(chinese_meeting, store, clock):
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        assert screen.minutes_lang == "zh" and screen.lang == "en"  # the keys stay English

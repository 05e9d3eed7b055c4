"""The console in its language, the key help at 80x24, and true theme warnings."""

from __future__ import annotations

import re
import shutil

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Label

import coopconsole.tui.theming as theme_files
from coopconsole.settings import Settings, save_settings
from coopconsole.texts import CATALOGUE, t
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.dialogs import HelpDialog
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.footer import KeyFooter
from tests.support.pilot import settle as _settle
from tests.support.sessions import small_session

LATIN = re.compile(r"[A-Za-z]{2,}")
"""An English word (a key name such as ``N`` or ``esc`` is shown as is, see below)."""


def footer_words(screen) -> list[str]:
    """What the footer says about its keys: descriptions and tooltips, not key names."""
    footer = screen.query_one(KeyFooter)
    entries = [*footer.entries, *([footer.palette] if footer.palette else [])]
    return [text for key in entries for text in (key.description, key.tooltip) if text]


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()
    return lambda **kw: make_app(store=store, session_name="kickoff", clock=clock, **kw)


# -- 1. no English left in the Chinese console --------------------------------------------


async def test_chinese_capture_bar_and_palette_keys_have_no_english(meeting):
    app = meeting(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        words = footer_words(screen)
        assert t("key.palette", "zh") in words  # not Textual's "palette"
        await pilot.press("a")
        screen = await settle(pilot)
        words = footer_words(screen)
        assert t("key.cancel", "zh") in words and t("key.cancel.tip", "zh") in words
        assert not [w for w in words if LATIN.search(w)], words
        await pilot.press("escape")
        screen = await settle(pilot)
        assert not screen.query_one("#capture").display  # Escape still closes the bar


async def test_capture_bar_keys_follow_a_change_of_language(meeting):
    app = meeting(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.choose_language("zh")
        await settle(pilot)
        await pilot.press("a")
        screen = await settle(pilot)
        assert t("key.cancel", "zh") in footer_words(screen)
        assert "Cancel" not in footer_words(screen)


async def test_chinese_palette_prompts_and_titles_textual_commands_in_chinese(meeting):
    app = meeting(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        placeholder = app.screen.query_one(Input).placeholder
        assert placeholder == t("palette.placeholder", "zh") and not LATIN.search(placeholder)
        commands = list(app.get_system_commands(app.screen))
        assert commands
        chinese = {zh for key, zh in CATALOGUE["zh"].items() if key.startswith("sys.")}
        for command in commands:  # not Textual's "Quit", "Keys", "Screenshot"…
            assert command.title in chinese and command.help in chinese, command
        # Textual's own "Theme" is left out (the console's "theme: …" ones are remembered);
        # the others still do what Textual's do.
        assert all(command.callback != app.action_change_theme for command in commands)
        assert any(c.title == t("sys.quit", "zh") and c.callback == app.action_quit for c in commands)
        await pilot.press("escape")


# -- 2. the help dialog fits 80x24 --------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_help_at_80x24_keeps_its_close_hint_and_scrolls(meeting, lang):
    app = meeting(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HelpDialog)
        body = dialog.query_one("#help-body")
        hint = dialog.query_one("#help-close", Label)
        assert body not in hint.ancestors  # the hint does not scroll away
        box = dialog.query_one(".dialog").region
        assert box.bottom <= 24
        assert box.y < hint.region.y < box.bottom - 1  # inside the dialog, above its border
        assert body.region.bottom <= hint.region.y
        assert str(hint.render()) == t("help.close.scroll", lang)  # and it says the keys scroll
        assert body.max_scroll_y > 0
        last = dialog.query(".help-row").last()
        assert last.region.y >= body.region.bottom  # out of view before scrolling
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        assert body.region.y <= last.region.y < body.region.bottom  # the last key is in view
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_help_fits_without_scrolling_when_there_is_room(meeting):
    app = meeting(lang="en")
    # 62 lines: the speaker queue, taking captures back and changing the agenda live
    # made the help longer than 50 hold, in two columns
    async with app.run_test(size=(160, 62)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        assert dialog.has_class("-wide") and len(dialog.query(".help-column")) == 2
        assert dialog.query_one("#help-body").max_scroll_y == 0
        assert str(dialog.query_one("#help-close", Label).render()) == t("help.close", "en")


# -- 3. the help says what every key does ---------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_help_explains_every_key_and_the_keys_it_lacked(meeting, lang):
    app = meeting(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app.screen
        rows = [row for _, section in dialog.sections for row in section]
        keys = {keys for keys, _ in rows}
        texts = {text for _, text in rows}
        assert {"ctrl+p", "Esc", "Tab", "→"} <= keys
        assert any("f1" in k for k in keys)
        assert t("help.keys.enter", lang) in keys and t("help.keys.click", lang) in keys
        for key in (
            "help.enter_parked",
            "help.escape",
            "help.tab_bar",
            "help.palette",
            "help.click_participant",
            "help.click_row",
            "help.right",
        ):
            assert t(key, lang) in texts, key
        # Every key has a sentence: none is left with its footer word ("+5", "Back"…).
        sentences = {t(key, lang) for key in CATALOGUE[lang] if key.startswith("help.")}
        assert texts <= sentences, texts - sentences
        assert len(rows) >= len(dialog.lines) + 10
        # and what the dialog shows is what it holds
        shown = {str(label.render()) for label in dialog.query(".help-text")}
        assert shown == texts


# -- 4. the theme warning is true -----------------------------------------------------------


@pytest.fixture
def broken_dark(tmp_path, monkeypatch):
    """The shipped themes, with the dark (default) one broken."""
    folder = tmp_path / "shipped"
    shutil.copytree(theme_files.themes_dir(), folder)
    (folder / "coopconsole-dark.toml").write_text("name = 'coopconsole-dark'\n[colors\n", "utf-8")
    monkeypatch.setattr(theme_files, "themes_dir", lambda: folder)
    return folder / "coopconsole-dark.toml"


def told(app) -> list[str]:
    messages: list[str] = []
    app.notify = lambda message, **kw: messages.append(message)
    return messages


async def test_broken_dark_file_with_a_remembered_light_theme(meeting, broken_dark):
    save_settings(Settings(theme="coopconsole-light"))
    app = meeting(lang="en")
    messages = told(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "coopconsole-light"
    assert len(messages) == 1
    assert str(broken_dark) in messages[0] and messages[0].endswith("It is skipped.")
    assert "in its place" not in messages[0] and "instead" not in messages[0]


async def test_broken_dark_file_when_the_dark_theme_is_asked_for(meeting, broken_dark):
    app = meeting(lang="en")  # nothing remembered: the default theme is asked for
    messages = told(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
    assert messages == [messages[0]] and str(broken_dark) in messages[0]
    assert messages[0].endswith("It is skipped; using textual-dark instead.")


async def test_broken_file_of_the_theme_asked_for(meeting, tmp_path):
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.toml").write_text("name = 'mine'\n[colors\nprimary = '#123456'\n", "utf-8")
    app = meeting(lang="en", theme="mine")
    messages = told(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "coopconsole-dark"
    (message,) = messages[0].splitlines()  # one line: no second "there is no theme"
    assert "mine.toml" in message and message.endswith("It is skipped; using coopconsole-dark instead.")


async def test_unknown_theme_name(meeting):
    app = meeting(lang="en", theme="nope")
    messages = told(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "coopconsole-dark"
    assert messages == ["There is no theme named 'nope'; using coopconsole-dark instead."]


async def settle(pilot):
    return await _settle(pilot, pauses=2)  # the footer redraws after the bindings change

"""Palette, themes, language, the translation table, mouse and literal text."""

from __future__ import annotations

import json

import pytest

from coopconsole.domain.model import Attendance, Participant
from coopconsole.settings import load_settings
from coopconsole.texts import CATALOGUE, LANGS, detect_lang, t
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.widgets.speakers import SpeakersPane
from tests.support.pilot import settle
from tests.support.sessions import small_session


@pytest.fixture
def meeting(store, clock):
    session = small_session("kickoff")
    session.participants.append(Participant(5, "[bold]Eve[/bold] \x1b[31m", "Org [red]X[/red]"))
    store.create(session).close()
    return lambda **kw: make_app(store=store, session_name="kickoff", clock=clock, **kw)


def test_every_text_has_both_languages_with_the_same_fields():
    from string import Formatter

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name is not None}

    en, zh = CATALOGUE["en"], CATALOGUE["zh"]
    assert set(en) == set(zh) and len(en) > 400
    for key in en:
        # The role "other" is shown as nothing, in both languages.
        assert (en[key].strip() and zh[key].strip()) or key == "minutes.role.other", key
        assert fields(en[key]) == fields(zh[key]), key


def test_no_key_is_written_twice_in_a_catalogue():
    """A dict literal keeps the last of two equal keys without a word: a text lost."""
    import ast
    from pathlib import Path

    import coopconsole.texts as texts

    for lang in ("en", "zh"):
        keys = []  # across the language's files: a key in two of them is one text lost too
        for path in sorted((Path(texts.__file__).parent / lang).glob("*.py")):
            tree = ast.parse(path.read_text("utf-8"))
            keys += [
                k.value for node in ast.walk(tree) if isinstance(node, ast.Dict) for k in node.keys if k is not None
            ]
        assert len(keys) > 400 and len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


@pytest.mark.parametrize(
    "option, saved, env, expected",
    [
        ("zh", "en", {"LANG": "en_US.UTF-8"}, "zh"),
        (None, "zh", {"LANG": "en_US.UTF-8"}, "zh"),
        (None, None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, None, {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, None, {}, "en"),
    ],
)
def test_language_choice(option, saved, env, expected):
    assert detect_lang(option, saved, env) == expected


async def test_palette_commands_run_intents(meeting):
    app = meeting(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        commands = dict(screen.palette_commands())
        assert {
            "agenda: start or pause the clock",
            "agenda: next item",
            "capture: action",
            "parking lot: park a point",
            "speakers: give the floor to Alice Chen",
            "attendance: mark Chloe Martin absent",
        } <= set(commands)
        commands["agenda: start or pause the clock"]()
        commands["speakers: give the floor to Alice Chen"]()
        commands["attendance: mark Chloe Martin absent"]()
        screen = await settle(pilot)
        assert screen.frame.view.agenda.running and screen.frame.view.speaker == 1
        commands["speakers: give the floor to Alice Chen"]()  # again: still Alice, not a toggle
        screen = await settle(pilot)
        assert screen.frame.view.speaker == 1
        assert screen.service.session.participant(3).attendance is Attendance.ABSENT
        assert not any(row.flag for row in screen.frame.view.people if row.id == 3)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next item")
        await pilot.app.workers.wait_for_complete()  # the palette's search has found the commands
        await pilot.pause()
        await pilot.press("enter")
        screen = await settle(pilot)
        assert screen.frame.view.agenda.current == 2


async def test_theme_from_palette_is_remembered(meeting):
    app = meeting(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "coopconsole-dark"
        themes = [title for title, _ in app.palette_commands() if title.startswith("theme:")]
        assert len(themes) >= 3
        app.choose_theme("coopconsole-projector")
        await pilot.pause()
        assert app.theme == "coopconsole-projector"
    assert load_settings()[0].theme == "coopconsole-projector"
    again = meeting()
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.theme == "coopconsole-projector"


async def test_broken_theme_file_gives_one_notice_and_the_default(meeting, tmp_path, monkeypatch):
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.toml").write_text("name = 'mine'\n[colors\nprimary = '#123456'\n", "utf-8")
    app = meeting(lang="en", theme="mine")
    told = []
    app.notify = lambda message, **kw: told.append(message)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "coopconsole-dark"
    assert len(told) == 1 and "mine.toml" in told[0]


async def test_language_switch_rebuilds_keys_and_is_remembered(meeting):
    app = meeting(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        assert screen.query_one(SpeakersPane).border_title == "Speakers"
        app.choose_language("zh")
        screen = await settle(pilot)
        assert isinstance(screen, MeetingScreen) and screen.lang == "zh"
        assert screen.query_one(SpeakersPane).border_title == "发言"
        assert any(b.description == t("key.next", "zh") for b in screen.BINDINGS)
    assert load_settings()[0].lang == "zh"


async def test_click_on_a_participant_gives_the_floor(meeting):
    app = meeting(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        rows = screen.query_one("#speaker-rows")
        index = next(i for i in range(rows.option_count) if rows.get_option_at_index(i).id == "p-3")
        await pilot.click(rows, offset=(5, index - rows.scroll_offset.y))
        screen = await settle(pilot)
        assert screen.frame.view.speaker == 3


async def test_typed_markup_and_escapes_are_shown_literally(meeting):
    app = meeting(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("5")
        screen = await settle(pilot)
        rows = screen.query_one("#speaker-rows")
        plain = [rows.get_option_at_index(i).prompt.plain for i in range(rows.option_count)]
        assert any("[bold]Eve[/" in row for row in plain)  # cut to the name column
        assert any(row.startswith("Org [red]X[/re") for row in plain)
        assert not any("\x1b" in row for row in plain)
        now = str(screen.query_one("#speaker-now").render())
        assert "[bold]Eve[/bold]" in now and "\x1b" not in now


def test_settings_file_is_json_the_user_can_read(tmp_path):
    from coopconsole.settings import Settings, save_settings

    path = save_settings(Settings(theme="coopconsole-light", lang="zh"))
    assert json.loads(path.read_text("utf-8"))["theme"] == "coopconsole-light"
    assert LANGS == ("en", "zh")


def test_every_refusal_the_service_can_give_has_chinese():
    import re
    from pathlib import Path

    import coopconsole

    root = Path(coopconsole.__file__).parent
    files = [*(root / "service").glob("*.py"), root / "domain" / "capture.py"]
    source = "".join(path.read_text("utf-8") for path in files)
    codes = set(re.findall(r'(?:Service|Capture)Error\(\s*"([a-z-]+)"', source))
    assert len(codes) > 20
    for lang in LANGS:
        assert all(CATALOGUE[lang].get(f"error.{code}") for code in codes), codes


def test_a_refusal_is_worded_by_the_catalogue_in_both_languages():
    from coopconsole.service import ServiceError

    refused = ServiceError("no-item", item=7)
    assert refused.message == "There is no agenda item 7." == str(refused)
    assert refused.text("zh") == "没有第 7 项议题。"
    parsed = ServiceError("bad-date", "'by Smarch 3' is not a date.")  # the parser's own words
    assert parsed.text("en") == "'by Smarch 3' is not a date." and parsed.text("zh") == t("error.bad-date", "zh")


async def test_the_palette_shows_names_literally(meeting):
    from textual.fuzzy import Matcher

    from coopconsole.tui.commands import _highlight

    shown = _highlight(Matcher("eve"), "speakers: give the floor to [bold]Eve[/bold]")
    assert shown.plain == "speakers: give the floor to [bold]Eve[/bold]"
    app = meeting(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"floor eve")
        await pilot.app.workers.wait_for_complete()  # the palette's search has found the commands
        await pilot.pause()
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        assert any("[bold]Eve[/bold]" in getattr(p, "plain", str(p)) for p in prompts)

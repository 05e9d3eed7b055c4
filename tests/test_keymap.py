"""Keys remapped in the settings: every key has an id, the keymap is followed by the key
itself, the footer, the help and the capture keys, and a keymap the console cannot follow
is said, not silently ignored."""

from __future__ import annotations

import json

import pytest

from coopconsole.domain.model import SessionStatus
from coopconsole.domain.timeline import agenda_state
from coopconsole.settings import Settings, load_settings, save_settings, settings_path
from coopconsole.tui.app import make_app
from coopconsole.tui.keymap import REMAPPABLE, usable
from coopconsole.tui.screens.meeting_keys import help_lines, meeting_bindings
from coopconsole.tui.widgets.capture_bar import CaptureBar, CaptureField
from coopconsole.tui.widgets.footer import KeyFooter
from tests.support.pilot import settle
from tests.support.sessions import small_session


def _bindings_with_ids() -> set[str]:
    from coopconsole.tui.screens.board import BoardScreen
    from coopconsole.tui.screens.minutes import MinutesScreen
    from coopconsole.tui.screens.picker import PickerScreen
    from coopconsole.tui.widgets.line_list import LineList

    ids = {b.id for b in meeting_bindings("en")}
    ids |= {b.id for b in PickerScreen.bindings("en")}
    ids |= {b.id for b in CaptureField.bindings("en")}
    ids |= {b.id for b in MinutesScreen.bindings("en")}
    ids |= {b.id for b in LineList.BINDINGS}
    ids |= {b.id for b in BoardScreen.bindings("en")}
    return ids


def test_every_key_users_see_has_an_id_and_every_id_can_be_remapped():
    ids = _bindings_with_ids()
    assert None not in ids
    assert ids == set(REMAPPABLE)


def test_every_meeting_key_has_a_description_and_a_tooltip_in_both_languages():
    for lang in ("en", "zh"):
        for binding in meeting_bindings(lang):
            assert binding.description and binding.tooltip, binding.id


def test_the_settings_keep_remapped_keys_and_refuse_a_malformed_keymap(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(keys={"meeting.clock": "f5"}), path)
    settings, problem = load_settings(path)
    assert problem is None and settings.keys == {"meeting.clock": "f5"}
    path.write_text(json.dumps({"keys": {"meeting.clock": 5}}), "utf-8")
    settings, problem = load_settings(path)
    assert settings.keys == {} and problem is not None and "'keys'" in problem


def test_unknown_ids_are_named_and_left_out():
    kept, message = usable({"meeting.clock": "f5", "meeting.clocks": "x", "meeting.fly": "y"}, "en")
    assert kept == {"meeting.clock": "f5"}
    assert (
        message is not None and "meeting.fly" in message and "meeting.clocks (did you mean meeting.clock?)" in message
    )
    _, message = usable({"meeting.fly": "y"}, "zh")
    assert message is not None and message.startswith("设置")


@pytest.fixture
def remapped(store, clock):
    def make(keys: dict[str, str]):
        save_settings(Settings(keys=keys), settings_path())
        store.create(small_session("kickoff")).close()
        return make_app(store=store, session_name="kickoff", clock=clock, lang="en")

    return make


async def test_a_capture_key_remapped_to_a_symbol_opens_the_bar_and_a_key_given_away_does_not(remapped):
    app = remapped({"meeting.capture-note": "question_mark", "meeting.next": "a", "meeting.help": "f1"})
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        bar = screen.query_one(CaptureBar)
        await pilot.press("a")  # the next item's key now, as Textual's keymap has it
        await settle(pilot)
        assert not bar.display
        await pilot.press("question_mark", *"by its character", "enter")
        await settle(pilot)
        assert [n.text for n in screen.service.session.notes] == ["by its character"]


async def test_remapped_keys_are_followed_by_the_keys_the_footer_and_the_help(remapped):
    app = remapped({"meeting.clock": "f5", "meeting.capture-note": "x", "meeting.speaker-2": "b"})
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        await pilot.press("space")  # no longer the clock's key
        await settle(pilot)
        assert agenda_state(screen.service.session, screen.service.now()).status is SessionStatus.PLANNED
        await pilot.press("f5")
        await settle(pilot)
        assert agenda_state(screen.service.session, screen.service.now()).status is SessionStatus.RUNNING
        footer = screen.query_one(KeyFooter)
        assert "f5" in footer.render().plain and " space " not in footer.render().plain
        lines = {binding_id: keys for binding_id, keys, _ in help_lines(screen, app.keymap)}
        assert lines["meeting.clock"] == "f5"
        assert lines["meeting.speaker-2"] == "b" and "meeting.speaker-1" in lines  # 1-9 no longer one line
        await pilot.press("o")  # no longer a capture key: nothing opens
        await pilot.pause()
        assert not screen.query_one(CaptureBar).display
        await pilot.press("x", *"typed at once", "enter")
        await settle(pilot)
        assert [n.text for n in screen.service.session.notes] == ["typed at once"]


async def test_a_clash_and_an_unknown_id_are_said_once(remapped):
    app = remapped({"meeting.next": "a", "meeting.nonsense": "z"})
    told: list[str] = []
    app.notify = lambda message, **kw: told.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
    unknown = [m for m in told if "meeting.nonsense" in m]
    clashes = [m for m in told if "more than one action" in m]
    assert len(unknown) == 1 and len(clashes) == 1
    assert "meeting.next" in clashes[0] and "meeting.capture-action" in clashes[0]

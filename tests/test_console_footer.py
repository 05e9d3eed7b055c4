"""The footer drawn as one line, and the capture bar made after the first frame."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from coopconsole.texts import t
from coopconsole.tui.app import make_app
from coopconsole.tui.widgets.capture_bar import CaptureBar
from coopconsole.tui.widgets.footer import KeyFooter
from tests.support.pilot import settle
from tests.support.sessions import small_session


@pytest.fixture
def meeting(store, clock):
    store.create(small_session("kickoff")).close()
    return lambda lang="en": make_app(store=store, session_name="kickoff", clock=clock, lang=lang)


def line(footer: KeyFooter) -> str:
    return footer.render().plain


def x_of(footer: KeyFooter, description: str) -> int:
    """The first cell of the key whose word is ``description``, as drawn."""
    start, _end, _entry = next(span for span in footer._spans if span[2].description == description)
    return start


async def test_the_footer_lists_the_meetings_keys_once_each_with_the_palette_on_the_right(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot, pauses=2)
        footer = screen.query_one(KeyFooter)
        text = line(footer)
        assert text.startswith(" space Clock  n Next  a Action  o Note ")
        assert text.endswith("▏ ^p Commands ") and len(text) == 120
        assert text.count("Help") == 1  # ? and f1: one key, shown once
        assert " 1-9 Speaker " in text and " 2 " not in text  # speakers 2-9 are not shown


async def test_a_narrow_footer_leaves_keys_off_whole_and_keeps_the_palette(meeting):
    app = meeting()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot, pauses=2)
        text = line(screen.query_one(KeyFooter))
        assert len(text) == 80 and text.endswith("▏ ^p Commands ")
        assert " ? Help " in text and "Speaker" not in text
        # Whatever is left off is left off whole: every word shown is a whole key's word.
        shown = [entry.description for _start, _end, entry in screen.query_one(KeyFooter)._spans]
        assert shown[:3] == ["Clock", "Next", "Action"] and shown[-1] == t("key.palette", "en")


async def test_the_footer_follows_the_focus_into_the_capture_bar_and_back(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, pauses=2)
        await pilot.press("a")
        screen = await settle(pilot, pauses=2)
        text = line(screen.query_one(KeyFooter))
        assert " esc Cancel " in text and "Clock" not in text  # the meeting's keys are off
        await pilot.press("escape")
        screen = await settle(pilot, pauses=2)
        assert "Clock" in line(screen.query_one(KeyFooter))


async def test_clicking_a_key_in_the_footer_presses_it(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot, pauses=2)
        footer = screen.query_one(KeyFooter)
        await pilot.click(KeyFooter, offset=(x_of(footer, "Clock") + 2, 0))
        screen = await settle(pilot)
        assert screen.frame.view.agenda.running
        await pilot.click(KeyFooter, offset=(x_of(footer, "Action") + 1, 0))
        screen = await settle(pilot)
        assert screen.query_one(CaptureBar).display and screen.query_one(CaptureBar).kind == "action"


async def test_hovering_a_key_highlights_it_and_gives_its_tooltip(meeting):
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot, pauses=2)
        footer = screen.query_one(KeyFooter)
        plain_line = footer.render()
        await pilot.hover(KeyFooter, offset=(x_of(footer, "Next") + 1, 0))
        await pilot.pause()
        assert footer.tooltip == t("cmd.next", "en")
        assert footer.render().spans != plain_line.spans  # drawn highlighted
        await pilot.hover(KeyFooter, offset=(x_of(footer, "Clock") + 1, 0))
        await pilot.pause()
        assert footer.tooltip == t("cmd.clock", "en")


async def test_the_chinese_footer_aligns_wide_characters(meeting):
    app = meeting("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot, pauses=2)
        footer = screen.query_one(KeyFooter)
        content = footer.render()
        assert content.cell_length == 80  # wide characters counted as two cells
        assert content.plain.endswith(f" ^p {t('key.palette', 'zh')} ")


async def test_a_capture_key_pressed_before_the_bar_is_made_waits_for_it(meeting):
    """The bar's field is made after the first frame; a key that comes sooner opens it
    all the same, and the letters after it are typed into it."""
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        bar = (await settle(pilot)).query_one(CaptureBar)
        assert bar.query(Input)  # made once the first frame was drawn
        await bar.remove_children()  # as it was before that frame
        bar._made, bar.ready = None, False
        await pilot.press("a", "x", "y")
        screen = await settle(pilot)
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.query_one(Input).value == "xy"
        assert not screen.frame.view.agenda.running  # no letter reached the meeting's keys


async def test_a_burst_of_keys_behind_a_capture_key_is_typed_into_the_bar(meeting):
    """As a fast typist's (or a terminal's) keys arrive: all at once, before the first is
    handled. The letters behind ``a`` are the action's text, not the meeting's keys (the
    ``l`` of "Alice" would park a point, the ``n`` move to the next item)."""
    app = meeting()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(pilot)
        for character in "a@Alice plan n":
            key = "space" if character == " " else character
            app.post_message(events.Key(key, character))
        screen = await settle(pilot, pauses=3)
        bar = screen.query_one(CaptureBar)
        assert bar.display and bar.kind == "action"
        assert bar.query_one(Input).value == "@Alice plan n"
        assert not screen.service.session.events  # no "next", no clock started
        assert not screen.service.session.parked

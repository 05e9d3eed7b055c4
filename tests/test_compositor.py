"""The meeting screen's partial updates: what they write to the terminal is what Textual's
own compositor would write, while they render fewer widgets."""

from __future__ import annotations

import re

import pytest
from rich.console import Console
from textual._compositor import Compositor

import coopconsole.tui.textual_internals as internals
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.textual_internals import LineCompositor
from tests.support.pilot import advance, move_on, settle
from tests.support.sessions import small_session

# A cursor move with nothing written after it (Textual moves to a span's end and writes
# an empty piece there): it changes nothing on the terminal.
_IDLE_MOVE = re.compile(r"\x1b\[\d+;\d+H(?=\x1b\[\d+;\d+H|\n|$)")


def written(update, size) -> str:
    """What an update writes to the terminal, as Textual writes it, idle moves left out."""
    if update is None:
        return ""
    console = Console(
        width=size.width, height=size.height, color_system="truecolor", force_terminal=True, legacy_windows=False
    )
    return _IDLE_MOVE.sub("", update.render_segments(console))


class Checked(LineCompositor):
    """Every partial update made both ways: ours, and Textual's on the same changes."""

    compared: list[tuple[str, str]] = []
    rendered: list[tuple[int, int]] = []  # widgets rendered: (ours, Textual's)

    def render_partial_update(self):
        changes = set(self._dirty_regions)
        counted = _count_renders()
        with counted:
            theirs = Compositor.render_partial_update(self)
        their_renders = counted.calls
        self._dirty_regions.update(changes)
        with counted:
            ours = super().render_partial_update()
        Checked.rendered.append((counted.calls, their_renders))
        Checked.compared.append((written(ours, self.size), written(theirs, self.size)))
        return ours


class _count_renders:
    """Counts ``Widget.render_lines`` calls while in use."""

    def __enter__(self):
        from textual.widget import Widget

        self.calls = 0
        self._original = Widget.render_lines

        def counting(widget, crop):
            self.calls += 1
            return self._original(widget, crop)

        Widget.render_lines = counting
        return self

    def __exit__(self, *exc):
        from textual.widget import Widget

        Widget.render_lines = self._original


@pytest.fixture
def checked(monkeypatch):
    Checked.compared, Checked.rendered = [], []
    # Compared with Textual's whichever way the suite runs (COOPCONSOLE_PLAIN_TEXTUAL or not).
    monkeypatch.setattr(internals, "ENABLED", True)
    monkeypatch.setattr(internals, "LineCompositor", Checked)
    return Checked


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_partial_updates_write_what_textuals_would(store, clock, checked, size):
    store.create(small_session("kickoff")).close()
    app = make_app(store=store, session_name="kickoff", clock=clock, lang="en")
    async with app.run_test(size=size) as pilot:
        screen = await settle(pilot)
        assert isinstance(screen._compositor, Checked)
        await pilot.press("space")  # the clock runs
        await pilot.press("1")  # a speaker
        await settle(pilot)
        for _ in range(5):  # the countdown, the speaker's time and shares
            await advance(pilot, clock, seconds=1)
        await pilot.press("2")
        await settle(pilot)
        await advance(pilot, clock, minutes=14)  # into the warning colour, then overrun
        await advance(pilot, clock, minutes=2)
        await pilot.press("down", "down", "up")  # a highlighted row moves
        await pilot.press("a")  # the capture bar over the panes' bottom
        await pilot.press(*"Send the draft")
        await pilot.pause()
        await pilot.press("escape")
        screen.notify("A notification over the panes")  # a layer above the panes
        await advance(pilot, clock, seconds=1)
        await move_on(pilot)  # the next item (past the closing question)
        await advance(pilot, clock, seconds=1)
        await pilot.press("tab", "tab")  # the focus moves: borders restyle
        await advance(pilot, clock, seconds=1)
        assert isinstance(app.screen, MeetingScreen)

    assert len(checked.compared) >= 10
    for ours, theirs in checked.compared:
        assert ours == theirs
    # The point of it: fewer widgets rendered once a second, never more.
    assert all(mine <= theirs for mine, theirs in checked.rendered)
    assert sum(m for m, _ in checked.rendered) < sum(t for _, t in checked.rendered)


# -- overlapping widgets, refreshed at random ------------------------------------------------


def _overlapping_app(seed: int):
    """Boxes of random size, place, layer, border and scroll, some in a container; each
    step changes the text of one or refreshes part of one."""
    import random

    from textual.app import App
    from textual.containers import Container
    from textual.screen import Screen
    from textual.widgets import Static

    rng = random.Random(seed)

    def box(name: str) -> Static:
        widget = Static(
            "\n".join(f"{name} {'·' * rng.randint(0, 30)} 议程" for _ in range(rng.randint(1, 12))), id=name
        )
        styles = widget.styles
        styles.position = "absolute"
        styles.layer = rng.choice(["below", "above"])
        styles.offset = (rng.randint(-4, 50), rng.randint(-2, 16))
        styles.width, styles.height = rng.randint(1, 40), rng.randint(1, 10)
        styles.background = rng.choice(["red", "blue", "green", "#333333", "transparent"])
        if rng.random() < 0.4:
            styles.border = (rng.choice(["round", "heavy", "solid"]), "white")
        if rng.random() < 0.3:
            styles.overflow_y = "auto"
        return widget

    class Boxes(Screen):
        CSS = "Boxes { layers: below above; } Container { layers: below above; }"

        def __init__(self) -> None:
            super().__init__()
            self._compositor = Checked()

        def compose(self):
            for i in range(rng.randint(2, 7)):
                yield box(f"b{i}")
            with Container(id="group") as group:
                group.styles.position = "absolute"
                group.styles.offset = (rng.randint(0, 30), rng.randint(0, 8))
                group.styles.width, group.styles.height = rng.randint(10, 50), rng.randint(4, 14)
                group.styles.border = ("round", "yellow")
                for i in range(rng.randint(1, 4)):
                    yield box(f"g{i}")

    class BoxesApp(App):
        def on_mount(self) -> None:
            self.push_screen(Boxes())

    return BoxesApp(), rng


@pytest.mark.parametrize("seed", range(25))
async def test_overlapping_widgets_refreshed_at_random(checked, seed):
    from textual.geometry import Region
    from textual.widgets import Static

    app, rng = _overlapping_app(seed)
    async with app.run_test(size=(70, 26)) as pilot:
        await pilot.pause()
        boxes = list(app.screen.query(Static))
        for step in range(12):
            widget = rng.choice(boxes)
            if rng.random() < 0.5:
                widget.update(f"step {step} " + "█" * rng.randint(0, 40))
            else:
                widget.refresh(Region(rng.randint(0, 10), rng.randint(0, 5), rng.randint(1, 20), rng.randint(1, 4)))
            if rng.random() < 0.3:
                widget.scroll_to(y=rng.randint(0, 5), animate=False)
            await pilot.pause()
    assert checked.compared, "no partial update was made"
    for ours, theirs in checked.compared:
        assert ours == theirs

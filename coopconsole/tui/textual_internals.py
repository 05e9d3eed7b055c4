"""The one place where the console uses Textual's private internals, behind one switch.

Everything else in the console uses Textual's public API only (a test checks that no other
module imports ``textual._*`` or touches a private attribute of a Textual class). What is
here saves work Textual's public API gives no way to save, and each piece has a test that
compares it with Textual's own behaviour, so a Textual release that changes what it
relies on fails the tests rather than the console:

* :class:`LineCompositor`, the meeting screen's compositor: partial updates render only
  the rows that changed (below). ``tests/test_compositor.py`` makes every partial update
  both ways and compares what is written to the terminal.
* :func:`start_with_theme`: the app's first theme is chosen without Textual's theme
  watcher, which would parse every stylesheet and restyle every widget once more.
  ``tests/test_textual_internals.py`` compares the app it leaves with one whose theme
  was set the public way.
* :class:`HeldScreen`: a screen that paints nothing until it is ready (the meeting
  screen: until its first tick). Its first layout would otherwise be painted as a frame
  of empty panes, a whole render and write that the tick paints over at once: about
  20 ms of the console's start-up. The test compares the screen it paints with the one
  Textual paints without the hold.

``COOPCONSOLE_PLAIN_TEXTUAL=1`` in the environment turns all of it off: the console then
uses Textual exactly as any app does (the test suite runs both ways). Read once, when
this module is imported.

The line compositor
-------------------
Once a second the countdown, the speaker's time and a row or two of the balance table
change, in two panes side by side. Textual's partial update crops to the box around every
changed region, which on the meeting screen is nearly the whole screen, and has every
widget inside that box render all its visible lines (then keeps only the changed rows).
Each widget rendered costs a fixed amount (its background, filters and titles are worked
out again): the repaint was about 40 % of the console's CPU while the clock ran.

Here each widget is asked only for the rows where a changed region meets it, and not at
all where the widgets in front of it cover those rows. What is written to the terminal is
the same: the same spans, filled with the same strips (the front-most widget's, at every
cut the spans touch). Only the cursor moves Textual makes to the end of a span, where it
then writes nothing, are left out.
"""

from __future__ import annotations

import os

from textual._compositor import ChopsUpdate, Compositor
from textual.app import App
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip

#: The switch: false when ``COOPCONSOLE_PLAIN_TEXTUAL=1`` asks for Textual as it is.
ENABLED = os.environ.get("COOPCONSOLE_PLAIN_TEXTUAL", "") != "1"


class HeldScreen(Screen):
    """A screen that paints nothing until :meth:`ready_to_paint` says so: what is laid
    out meanwhile stays dirty, so the first paint is the whole screen as it is then.
    With the switch off it paints as any screen does."""

    def ready_to_paint(self) -> bool:
        """Whether the screen may be painted now (a subclass says when it is ready)."""
        return True

    def _compositor_refresh(self) -> None:
        if ENABLED and not self.ready_to_paint():
            return
        super()._compositor_refresh()


def use_line_compositor(screen: Screen) -> None:
    """Give ``screen`` the line compositor (with the switch off: leave Textual's)."""
    if ENABLED:
        screen._compositor = LineCompositor()


def start_with_theme(app: App, name: str) -> None:
    """Make ``name`` the theme of ``app`` while it is being constructed.

    Setting ``App.theme`` runs Textual's watcher, which parses every stylesheet and
    restyles every widget once more after the first parse: 15-20 ms of start-up for
    nothing, since no widget has been styled yet. This sets what the watcher sets (the
    theme, the app's theme classes, the ANSI colour filter and the stylesheet's
    variables) and leaves the stylesheet to be parsed once, as the app starts."""
    if not ENABLED:
        app.theme = name
        # Its watcher does nothing when ``name`` is the theme already (Textual's default):
        # the variables the stylesheet is parsed with are set here in any case.
        app.stylesheet.set_variables(app.get_css_variables())
        return
    app.set_reactive(App.theme, name)
    dark = app.current_theme.dark
    stale = {cls: False for cls in app.classes if cls.startswith("-theme-")}
    app.update_classes({**stale, f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


class LineCompositor(Compositor):
    """A compositor whose partial updates render only the changed rows of each widget."""

    def render_partial_update(self) -> ChopsUpdate | None:
        screen_region = self.size.region
        dirty = [region.intersection(screen_region) for region in self._dirty_regions]
        self._dirty_regions.clear()
        dirty = [region for region in dirty if region]
        if not dirty:
            return None
        spans = list(self._regions_to_spans(dirty))
        chop_ends = [cut_set[1:] for cut_set in self.cuts]
        return ChopsUpdate(self._changed_chops(spans), spans, chop_ends)

    def _changed_chops(self, spans: list[tuple[int, int, int]]) -> list[dict[int, Strip | None]]:
        """For every screen line, the strip at each cut the spans touch (None elsewhere),
        from the widgets front to back: the first strip found for a cut is the one on top,
        and a widget whose part of the spans is all covered already is not rendered."""
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        # Per line, the cuts the spans touch that no widget has filled yet.
        wanted: dict[int, set[int]] = {}
        for y, x1, x2 in spans:
            line_cuts = cuts[y]
            wanted.setdefault(y, set()).update(
                cut for cut, end in zip(line_cuts, line_cuts[1:], strict=False) if cut < x2 and end > x1
            )
        for widget, (region, clip) in self.visible_widgets.items():
            if not wanted:
                break
            visible = region.intersection(clip)
            first_cut, last_cut = visible.column_span
            rows = [
                y for y in visible.line_range if y in wanted and any(first_cut <= cut < last_cut for cut in wanted[y])
            ]
            if not rows:
                continue
            top, bottom = rows[0], rows[-1] + 1
            strips = widget.render_lines(Region(visible.x - region.x, top - region.y, visible.width, bottom - top))
            for y in rows:
                line = chops[y]
                line_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                pieces = strips[y - top].divide([cut - visible.x for cut in line_cuts[1:]])
                for cut, piece in zip(line_cuts, pieces, strict=False):
                    if line.get(cut) is None:
                        line[cut] = piece
                still = wanted[y]
                still.difference_update(cut for cut in line_cuts if cut < last_cut)
                if not still:
                    del wanted[y]
        return chops

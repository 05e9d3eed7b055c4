"""The agenda pane's countdown: Textual's ``Digits``, each line drawn directly.

The countdown is the one widget that changes every second of every meeting. Textual's
``Digits`` draws its three lines as a Rich renderable, aligned by Rich's ``Align`` and
turned into lines through a Rich console: about half a millisecond a second, the
largest single cost of an idle console. This subclass draws the same glyphs (Textual's
own 3x3 font, :mod:`textual.renderables.digits`) through the widget line API: a line is
the glyphs' row, padded as ``text-align`` says, in the widget's style, and a value
draws its three lines once. Everything else is ``Digits``: the value, ``update``, the
width and height it asks for, the bold glyphs of a bold style.

While text is selected in it, it draws as ``Digits`` does (the selection's colours).
``tests/test_countdown_widget.py`` compares every line with ``Digits``'s own.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.widgets import Digits


class CountdownDigits(Digits):
    """``Digits`` drawn line by line (see the module)."""

    _lines: tuple[tuple, list[Strip]] | None = None  # (what they were drawn from, the lines)
    _style: Style | None = None  # the widget's style, read once for the lines drawn together

    def render_lines(self, crop: Region) -> list[Strip]:
        # The style walks the widget's ancestors: once for the three lines, not per line.
        self._style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._style = None

    def render_line(self, y: int) -> Strip:
        if self.text_selection:
            return super().render_line(y)
        width = self.content_size.width
        style = self._style or self.rich_style
        align = self.styles.text_align
        key = (self.value, width, style, align)
        if self._lines is None or self._lines[0] != key:
            self._lines = (key, self._draw(width, style, align))
        lines = self._lines[1]
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, style)

    def _draw(self, width: int, style: Style, align: str) -> list[Strip]:
        # The glyphs' rows as Digits makes them: a segment per row, then a line break.
        made = DigitsRenderable(self.value, style).render(style)
        rows = [s for s in made if isinstance(s, Segment) and s.text != "\n"]
        lines = []
        for row in rows:
            excess = max(0, width - row.cell_length)
            if align == "center":
                left = excess // 2
            elif align == "right":
                left = excess
            else:
                left = 0
            right = excess - left
            segments = [Segment(" " * left, style)] if left else []
            segments.append(row)
            if right:
                segments.append(Segment(" " * right, style))
            lines.append(Strip(segments).crop_extend(0, width, style))
        return lines

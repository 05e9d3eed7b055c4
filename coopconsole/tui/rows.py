"""A list of rows that changes in place: no flicker, scroll and highlight kept.

The agenda's list, which changes only with the records. The lists that change often (the
speakers, actions and parking lot) are :class:`~coopconsole.tui.lines.LineList`, which
redraws only the lines that changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .paint import same


class RowList(OptionList):
    """An OptionList fed whole row sets; only rows that really changed are redrawn."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes=classes)

    def show_rows(self, rows: Sequence[tuple[str | None, Content]]) -> None:
        """Show ``(option id, prompt)`` rows (``None`` id: a row that cannot be chosen)."""
        ids = [row_id for row_id, _ in rows]
        if ids == [o.id for o in self.options]:
            for index, (_, prompt) in enumerate(rows):
                if not same(self.get_option_at_index(index).prompt, prompt):
                    self.replace_option_prompt_at_index(index, prompt)
            return
        chosen = self.highlighted_option.id if self.highlighted_option else None
        self.set_options(Option(prompt, id=row_id, disabled=row_id is None) for row_id, prompt in rows)
        if chosen is not None and chosen in ids:
            self.highlighted = ids.index(chosen)

    def on_focus(self) -> None:
        """Focused with nothing highlighted: highlight the first row that can be chosen,
        so Enter and ``e`` act at once instead of waiting for an arrow key."""
        if self.highlighted is None:
            self.select_id(next((o.id for o in self.options if not o.disabled), None))

    def select_id(self, option_id: str | None) -> None:
        """Highlight the row ``option_id`` (nothing happens if there is none)."""
        ids = [o.id for o in self.options]
        if option_id is not None and option_id in ids:
            self.highlighted = ids.index(option_id)

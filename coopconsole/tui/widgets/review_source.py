"""The review's right pane: the agenda as written, line by line with its numbers, the
line of the highlighted item picked out and scrolled to, and the lines the importer
did not use marked ✗ (and struck through), an item's line read with a problem marked !."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coopconsole.domain.plan_review import PlanReview


class SourceLines(OptionList, can_focus=False):
    """The agenda's lines; never focused (the keys belong to the plan), only pointed at."""

    DEFAULT_CSS = """
    SourceLines {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self._source: tuple[str, ...] | None = None

    def show(self, review: PlanReview) -> None:
        """Draw the lines of ``review`` (once: they do not change while it is reviewed)."""
        if review.lines == self._source:
            return
        self._source = review.lines
        width = len(str(len(review.lines)))
        unused, troubled = review.unused(), review.troubled()
        options = []
        for no, text in enumerate(review.lines, start=1):
            if no in unused:
                mark, style = ("✗ ", "$warning"), "$text-muted strike"
            elif no in troubled:
                mark, style = ("! ", "$warning"), ""
            else:
                mark, style = ("  ", ""), ""
            options.append(Option(Content.assemble((f"{no:>{width}} ", "$text-muted"), mark, (text, style))))
        self.clear_options()
        self.add_options(options)

    def point_at(self, line: int | None) -> None:
        """Pick out line ``line`` (1-based) and scroll it to the middle; None: none."""
        if line is None or not 1 <= line <= self.option_count:
            self.highlighted = None
            return
        self.highlighted = line - 1
        # One option a line (no wrapping): the line is the option's row; put it mid-pane.
        self.scroll_to(y=max(0, line - 1 - self.scrollable_content_region.height // 2), animate=False)

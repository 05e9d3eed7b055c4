"""The review's left pane: the plan as read, one row per item (number, planned start,
time box, title, owner), a dropped item struck through and dimmed."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from coopconsole.domain.plan_review import PlannedRow
from coopconsole.domain.typed_text import clean_line
from coopconsole.texts import t

_COLUMNS = ("no", "start", "box", "title", "owner")
#: The widest a title or an owner is drawn (cells): the source pane shows the whole line.
TITLE_CELLS, OWNER_CELLS = 32, 16


class PlanTable(DataTable):
    """The items of the plan under review; the highlighted row is the item the keys act on.

    Rows are keyed by item id, so a redraw after a change keeps the highlight on the
    same item. Cells are plain text (``Text``, never markup): a title is shown as typed."""

    DEFAULT_CSS = """
    PlanTable {
        height: 1fr;
    }
    """

    def __init__(self, lang: str, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)  # type: ignore[arg-type]
        self.lang = lang
        self._shown: list[PlannedRow] | None = None

    def on_mount(self) -> None:
        for key in _COLUMNS:
            self.add_column(t(f"plan_review.col.{key}", self.lang), key=key)

    def show(self, rows: list[PlannedRow]) -> None:
        """Draw ``rows`` (nothing if they are the ones drawn), keeping the highlighted item."""
        if rows == self._shown:
            return
        self._shown = rows
        keep = self.item
        self.clear()
        for number, row in enumerate(rows, start=1):
            self.add_row(*self._cells(number, row), key=str(row.item.id))
        if keep is not None:
            index = next((n for n, row in enumerate(rows) if row.item.id == keep), 0)
            self.move_cursor(row=index, animate=False)

    def _cells(self, number: int, row: PlannedRow) -> list[Text]:
        lang, item = self.lang, row.item
        if item.minutes is None:
            box = t("plan_review.no_box", lang)
        else:
            box = t("plan_review.box_cell", lang, minutes=item.minutes)
        style = "strike dim" if row.dropped else ""
        title = _cut(clean_line(item.title), TITLE_CELLS - (cell_len(t("plan_review.dropped", lang)) + 1) * row.dropped)
        if row.dropped:  # said in words too: a struck line may not show as struck in every terminal
            title.append(f" {t('plan_review.dropped', lang)}", style="italic")
        cells = [Text(str(number)), Text(_hhmm(row.start)), Text(box), title, _cut(clean_line(item.owner), OWNER_CELLS)]
        for cell in cells:
            cell.stylize_before(style)
        return cells

    @property
    def item(self) -> int | None:
        """The id of the highlighted item (None: no rows)."""
        if self._shown is None or not self.row_count:
            return None
        index = min(max(self.cursor_row, 0), len(self._shown) - 1)
        return self._shown[index].item.id


def _cut(text: str, cells: int) -> Text:
    """``text`` in at most ``cells`` cells, an ellipsis where it is cut."""
    shown = Text(text, no_wrap=True)
    shown.truncate(cells, overflow="ellipsis")
    return shown


def _hhmm(moment: datetime | None) -> str:
    return "--:--" if moment is None else f"{moment:%H:%M}"

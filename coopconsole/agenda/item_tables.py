"""Agenda tables: one draft item per row (see :mod:`coopconsole.agenda.items` for the
rules), columns recognised by header (:mod:`coopconsole.agenda.item_columns`). A grid
timetable (days as columns) is read by :mod:`coopconsole.agenda.grid_tables`. In a table
with a time column, a row without time or box that fills two columns or more names the
parallel tracks below it: it is reported, not an item. A Day/Date column holding two
days or more makes the table run over several days: the first row of each day notes
it, as day headings do."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.drafts import Draft, MetaSink, Report
from coopconsole.agenda.durations import parse_box, slot_full
from coopconsole.agenda.grid_tables import is_grid, read_grid
from coopconsole.agenda.item_columns import column_kind
from coopconsole.agenda.item_line import parse_line
from coopconsole.agenda.markdown_lines import Line, norm_key, table_rows
from coopconsole.agenda.person_names import looks_like_names


class TableReader:
    """Reads the rows of agenda tables; ``draft_of`` reads one line as an item."""

    def __init__(self, report: Report, on_meta: MetaSink, draft_of: Callable[[Line], Draft]) -> None:
        self.report = report
        self.on_meta = on_meta
        self._draft = draft_of

    def has_agenda_columns(self, table: SyntaxTreeNode) -> bool:
        """Does the header row name a time, item, time box or owner column?"""
        rows = table_rows(table)
        return bool(rows) and any(column_kind(h) not in ("", "skip") for h in rows[0][1])

    def has_time_column(self, table: SyntaxTreeNode) -> bool:
        """Does the header row name a time column (or is the table a grid timetable)?"""
        rows = table_rows(table)
        return bool(rows) and (is_grid(rows[0][1]) or any(column_kind(h) == "time" for h in rows[0][1]))

    def read(self, table: SyntaxTreeNode, details: bool = False) -> list[Draft]:
        rows = table_rows(table)
        if not rows:
            return []
        header_line, header = rows[0]
        if is_grid(header):
            return read_grid(rows, self._draft, self.report)
        kinds = [column_kind(h) for h in header]
        if not any(kinds):
            if details:
                rows = [(no, cells) for no, cells in rows if not self.on_meta(_row_line(no, cells))]
            return [d for no, cells in rows if (d := self._free_row(no, cells)) is not None]
        _day_column(kinds, rows)
        if "item" not in kinds and "" in kinds:
            kinds[kinds.index("")] = "item"
        drafts = []
        day = ""
        for no, cells in rows[1:]:
            if not any(c.strip() for c in cells):
                self.report(no, "empty_row")
                continue
            if _labels_tracks(kinds, cells):
                label = " | ".join(c.strip() for c in cells if c.strip())
                self.report(no, "track_row", row=label)
                continue
            by_kind: dict[str, str] = {}
            extras: list[str] = []
            for kind, head, cell in zip(kinds, header, cells, strict=False):
                cell = cell.strip()
                if kind and kind != "skip":
                    by_kind.setdefault(kind, cell)
                elif not kind and cell:
                    extras.append(f"{head}: {cell}" if head else cell)
            draft = self._draft(Line(no, by_kind.get("item", "")))
            self._row_fields(draft, no, by_kind)
            draft.sub_points.extend(extras)
            if by_kind.get("day") and by_kind["day"] != day:
                day = draft.day = by_kind["day"]
            drafts.append(draft)
        return drafts

    def _row_fields(self, draft: Draft, no: int, cells: dict[str, str]) -> None:
        when = cells.get("time", "")
        if when:
            parsed = parse_line(when)
            if parsed.start is not None or parsed.minutes is not None:
                draft.start, draft.end = parsed.start or draft.start, parsed.end or draft.end
                if draft.minutes is None:
                    draft.minutes = parsed.minutes
            else:
                self.report(no, "bad_time", time=when)
        box = cells.get("box", "")
        if box:
            minutes = parse_box(box, bare=True)
            if minutes is None:
                self.report(no, "bad_box_row", box=box)
            else:
                draft.minutes = minutes
        if cells.get("owner"):
            draft.owner = cells["owner"]

    def _free_row(self, no: int, cells: list[str]) -> Draft | None:
        """A row of a table whose header names no known column: classify each cell."""
        cells = [c.strip() for c in cells if c.strip()]
        if not cells:
            self.report(no, "empty_row")
            return None
        draft = Draft(no, "", source=" | ".join(cells))
        rest = []
        for cell in cells:
            slot = slot_full(cell)
            box = parse_box(cell)
            if slot is not None and draft.start is None and slot.start is not None:
                draft.start, draft.end = slot.start, slot.end
            elif box is not None and draft.minutes is None:
                draft.minutes = box
            elif not draft.title:
                parsed = self._draft(Line(no, cell))
                draft.title = parsed.title
                draft.start = draft.start or parsed.start
                draft.minutes = draft.minutes if draft.minutes is not None else parsed.minutes
                draft.owner = parsed.owner
            elif not draft.owner and looks_like_names(cell):
                draft.owner = cell
            else:
                rest.append(cell)
        draft.sub_points.extend(rest)
        return draft


def _row_line(no: int, cells: list[str]) -> Line:
    """A table row read as a ``Key: value`` line, the way the importer reads detail tables."""
    cells = [c.strip() for c in cells if c.strip()]
    return Line(no, f"{cells[0]}: {' '.join(cells[1:])}" if len(cells) >= 2 else "")


_DAY_COLS = {"day", "date", "日期", "星期", "天", "日子"}


def _day_column(kinds: list[str], rows: list[tuple[int, list[str]]]) -> None:
    """Mark a Day/Date column (``| Day | Time | Session |``) holding two days or more: its
    rows run over several days, and the first row of each day notes it (see the importer)."""
    header = rows[0][1]
    for k, head in enumerate(header):
        if kinds[k] or norm_key(head) not in _DAY_COLS:
            continue
        days = {cells[k].strip() for _, cells in rows[1:] if k < len(cells) and cells[k].strip()}
        if len(days) >= 2:
            kinds[k] = "day"
        return


def _labels_tracks(kinds: list[str], cells: list[str]) -> bool:
    """A row of a table with a time column that has no time and no box but fills two
    columns or more: the names of parallel tracks (``| | New Contributor Workshop |
    Current Contributor Workshop | Docs Sprint |``), not an item."""
    if "time" not in kinds:
        return False
    by = dict(zip(kinds, cells, strict=False))
    if by.get("time", "").strip() or by.get("box", "").strip():
        return False
    return sum(1 for kind, cell in zip(kinds, cells, strict=False) if kind in ("", "item") and cell.strip()) >= 2

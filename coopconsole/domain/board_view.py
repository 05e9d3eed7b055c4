"""What the board of actions shows: which actions its filters let through, in which
column and order, and what each filter may be set to. Pure: the board screen
(``coopconsole.tui.screens.board``) and the tests use it alike."""

from __future__ import annotations

from datetime import date

from coopconsole.domain.board import STATES
from coopconsole.domain.frozen import record
from coopconsole.domain.series import Latest

#: What the board can be narrowed to, in the order the filter dialog offers them.
FILTER_FIELDS = ("series", "owner", "organisation")


@record
class BoardFilters:
    """Which actions the board shows: those of one series, owner, organisation (None: all)."""

    series: str | None = None
    owner: str | None = None
    organisation: str | None = None


def value_of(latest: Latest, field: str) -> str:
    """``latest``'s series, owner or organisation."""
    return latest.series if field == "series" else str(getattr(latest.action, field))


def filtered(found: list[Latest], filters: BoardFilters) -> list[Latest]:
    """The actions of ``found`` that ``filters`` lets through."""
    wanted = [(field, getattr(filters, field)) for field in FILTER_FIELDS if getattr(filters, field) is not None]
    return [latest for latest in found if all(value_of(latest, field) == value for field, value in wanted)]


def filter_values(found: list[Latest], filters: BoardFilters, field: str) -> list[str]:
    """What ``field`` may be set to: every series; the owners or organisations of the
    series shown (all of them if none is chosen)."""
    among = found if field == "series" else filtered(found, BoardFilters(series=filters.series))
    return sorted({value_of(latest, field) for latest in among} - {""})


def columns_of(shown: list[Latest]) -> list[list[Latest]]:
    """``shown`` by state, in the board's column order; in a column, the nearest deadline
    first (none last), then by name."""

    def order(latest: Latest) -> tuple[date, str, str, int]:
        return (latest.action.deadline or date.max, latest.series, latest.meeting, latest.action.id)

    return [sorted((s for s in shown if s.action.status is state), key=order) for state in STATES]

"""Actions (current item first) with their state on the board and their SMART mark, then
decisions and notes. While the previous meeting's actions are reviewed, the actions
carried from it come first, the overdue ones marked.

An action's row reads as the room says it: number, state, owner, deadline, deliverable,
and last a compact SMART mark (``✓``, or ``✗`` and the number of problems), the deliverable
cut so the mark always shows. The highlighted action's problems are named in full under
the pane's border."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

from textual.content import Content
from textual.geometry import Region
from textual.reactive import var

from coopconsole.domain.board import is_open, looked_at, overdue_days
from coopconsole.domain.memo import Picked
from coopconsole.domain.model import ActionItem, ActionStatus, Decision, Note
from coopconsole.domain.series import in_review, review_started
from coopconsole.texts import t
from coopconsole.tui.frame import Frame
from coopconsole.tui.messages import RecordChosen
from coopconsole.tui.paint import set_border_subtitle, set_border_title
from coopconsole.tui.widgets.line_list import LineList

#: What a row of the pane shows: an action, a decision or a note.
Shown = ActionItem | Decision | Note

#: How many actions of other agenda items the pane lists (the latest); the rest are
#: counted in one line. The current item's actions are always all listed.
OTHER_ACTIONS = 30


class ActionsPane(LineList):
    """What was agreed: actions of the current item first, then its decisions and notes.

    An action's row is cut to the pane's width by the pane itself, so its SMART mark at
    the end of the row always shows; the highlighted action's SMART problems are said in
    full under the pane's border."""

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    _shown: tuple | None = None
    _records: dict[str, Shown] = {}
    _prompts: Prompts | None = None
    _detail: tuple[str | None, str] = (None, "")  # the row the detail line is about, and what it said

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        session = frame.session
        # The service gives a table a new list whenever one of its records changes, so the
        # lists themselves say whether there is anything new to draw: a speaker change (the
        # most frequent event) redraws nothing here.
        shown = (session.actions, session.decisions, session.notes, session.participants)
        # The day too: an action's deadline is overdue from the day after (at midnight).
        key = (frame.lang, frame.current_item, self._width(), frame.view.now.date())
        unchanged = self._shown is not None and all(a is b for a, b in zip(shown, self._shown[1], strict=True))
        if self._shown is not None and key == self._shown[0] and unchanged:
            return
        opened = self._shown is None or self._shown[0][1] != frame.current_item
        self._shown = (key, shown)
        set_border_title(self, t("actions.title", frame.lang))
        if self._prompts is None:
            self._prompts = Prompts()
        rows, self._records = _rows(frame, key[2], self._prompts)
        fit = self._width(len(rows))
        if fit != key[2]:  # the scrollbar comes or goes with these rows: cut them for it
            key = (*key[:2], fit, *key[3:])
            self._shown = (key, shown)
            rows, self._records = _rows(frame, fit, self._prompts)
        self.show_rows(rows)
        if opened:
            self._show_latest_here()

    def _show_latest_here(self) -> None:
        """The meeting opened, or another item came: unless a row is highlighted, the view
        ends at the item's latest action, where the next capture goes. The pane shows what
        was captured last, and a capture moves the view a row, as every later one does,
        rather than a whole view away from the item's first actions."""
        if self.highlighted is not None or self.frame is None:
            return
        if not self.scrollable_content_region.height:  # not laid out yet
            self.call_after_refresh(self._show_latest_here)
            return
        item = self.frame.current_item
        here = [
            index
            for index, row in enumerate(self.options)
            if isinstance(record := self._records.get(row.id or ""), ActionItem) and record.item == item
        ]
        if here:
            last = Region(0, here[-1], 1, 1)
            self.scroll_to_region(last, animate=False, immediate=True, force=True)

    def _width(self, count: int | None = None) -> int:
        """The cells a row has among ``count`` rows (by default those shown), the scrollbar's
        taken; 0 before the first layout: rows are then cut by the list."""
        if not self.is_mounted:
            return 0
        return self.row_width if count is None else self.row_width_for(count)

    def _refit(self) -> None:
        """Cut the rows again for the pane's width, if it changed."""
        if self._shown is not None and self._shown[0][2] != self._width():
            self.frame = self.frame

    def on_resize(self) -> None:
        self._refit()

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(old, new)
        self._tell_detail()

    def _tell_detail(self) -> None:
        """Say the highlighted action's SMART problems in full under the border. Only when
        another row is highlighted: a message the screen put there (saved, moved) stays
        until then, and is replaced only by a detail worth saying."""
        option = self.highlighted_option
        row_id = option.id if option is not None else None
        said_for, said = self._detail
        if row_id == said_for:
            return
        record = self._records.get(row_id or "")
        detail = ""
        if isinstance(record, ActionItem) and not record.origin and not record.smart.ok and self.frame is not None:
            lang = self.frame.lang
            problems = ", ".join(t(f"smart.{code}", lang) for code in record.smart.problems)
            detail = t("actions.problems", lang, id=record.id, problems=problems)
        self._detail = (row_id, detail)
        if detail or (said and str(self.border_subtitle) == said):
            set_border_subtitle(self, detail)

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        event.stop()
        record = self._records.get(event.row_id or "")
        if record is not None:
            self.post_message(RecordChosen(record))

    def selected(self) -> Shown | None:
        option = self.highlighted_option
        return self._records.get(option.id) if option and option.id else None


class Prompts:
    """The rows made at the last redraw, by row id, each with the record and the figures
    it was made from. A row is made again only when its record was replaced (records are
    immutable: the service replaces one that changes) or what else it shows changed (the
    language, the width, the day, whether it is the current item's): a capture at hour 8
    makes one row, not the hundred the pane lists.

    It also keeps which records belong to the current item and which actions to the
    others (:class:`~coopconsole.domain.memo.Picked`): a capture appends one record to
    a list of thousands at hour 8, and only that record is looked at."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Shown, Hashable, Content]] = {}
        self._made: dict[str, tuple[Shown, Hashable, Content]] = {}
        self.rows_made = 0  # how many rows were made, not taken from the last redraw
        self.actions_here: Picked[ActionItem] = Picked(_of_item)
        self.actions_elsewhere: Picked[ActionItem] = Picked(_not_of_item)
        self.decisions_here: Picked[Decision] = Picked(_of_item)
        self.notes_here: Picked[Note] = Picked(_of_item)

    def row(self, key: str, record: Shown, figures: Hashable, make: Callable[[], Content]) -> Content:
        kept = self._kept.get(key)
        if kept is not None and kept[0] is record and kept[1] == figures:
            prompt = kept[2]
        else:
            prompt = make()
            self.rows_made += 1
        self._made[key] = (record, figures, prompt)
        return prompt

    def done(self) -> None:
        """The redraw is complete: keep its rows, and only its rows, for the next one."""
        self._kept, self._made = self._made, {}


def _rows(
    frame: Frame, width: int = 0, prompts: Prompts | None = None
) -> tuple[list[tuple[str | None, Content]], dict[str, Shown]]:
    """The pane's rows, each action's cut to ``width`` cells (0: not cut); ``prompts``,
    if given, the rows made last time, taken again where nothing they show changed."""
    lang, session, current = frame.lang, frame.session, frame.current_item
    rows: list[tuple[str | None, Content]] = []
    records: dict[str, Shown] = {}
    kept = prompts if prompts is not None else Prompts()
    today = frame.view.now.date()

    def add(key: str, record: Shown, figures: Hashable, make: Callable[[], Content]) -> None:
        records[key] = record
        rows.append((key, kept.row(key, record, figures, make)))

    def add_text(record: Decision | Note) -> None:
        def make() -> Content:
            return _text_row(record)

        add(f"{type(record).__name__.lower()}-{record.id}", record, None, make)

    def add_action(action: ActionItem, here: bool) -> None:
        def make() -> Content:
            return _action(action, lang, here, today, width)

        add(f"action-{action.id}", action, (lang, here, today, width), make)

    here_first = kept.actions_here(session.actions, current)
    if in_review(session, frame.view.agenda):  # the carried ones first, in their order
        here_first = sorted(here_first, key=lambda a: not a.origin)
        since = review_started(session, frame.view.agenda)
        carried = [a for a in here_first if a.origin and is_open(a)]
        looked = sum(1 for a in here_first if a.origin and looked_at(a, since))
        heading = t("actions.review", lang, open=len(carried), looked=looked)
        rows.append((None, Content.styled(heading, "bold underline")))
    others = kept.actions_elsewhere(session.actions, current)
    if not session.actions:
        rows.append((None, Content(t("actions.empty", lang))))
    for action in here_first:
        add_action(action, True)
    # A day's workshop has hundreds of actions: the room needs this item's and the latest
    # others, and listing them all would cost every capture a redraw of hundreds of rows.
    hidden = max(0, len(others) - OTHER_ACTIONS)
    if hidden:
        rows.append((None, Content.styled(t("actions.earlier", lang, count=hidden), "italic")))
    for action in others[hidden:]:
        add_action(action, False)
    here = kept.decisions_here(session.decisions, current)
    if here:
        rows.append((None, Content.styled(t("decisions.title", lang), "bold underline")))
        for decision in here:
            add_text(decision)
    notes = kept.notes_here(session.notes, current)
    if notes:
        rows.append((None, Content.styled(t("notes.title", lang), "bold underline")))
        for note in notes:
            add_text(note)
    kept.done()
    return rows, records


#: A record the pane shows, of one kind.
R = TypeVar("R", ActionItem, Decision, Note)


def _of_item(record: R, item: int | None) -> R | None:
    return record if record.item == item else None


def _not_of_item(record: ActionItem, item: int | None) -> ActionItem | None:
    return record if record.item != item else None


#: How each state is marked on an action's row (to do is not: most actions are).
_STATE_STYLE = {
    ActionStatus.IN_PROGRESS: "bold $accent",
    ActionStatus.UNDER_REVIEW: "bold $secondary",
    ActionStatus.DONE: "bold $success",
}


def _action(action: ActionItem, lang: str, current: bool, today: date, width: int = 0) -> Content:
    """One action's row: number, state, owner, deadline, deliverable, then its SMART mark.

    Who does what by when comes first, as the room reads it; the deliverable is cut (by
    cells: a CJK character is never split) so that the mark at the end always shows."""
    # What is missing is a "?": the SMART mark counts it and the detail line names it,
    # and "(no owner) · no deadline" would leave a narrow pane no room for the deliverable.
    owner = action.owner or t("actions.row.no_owner", lang)
    if action.deadline is None:
        due = t("actions.row.no_deadline", lang)
    else:  # this year's dates without the year: a narrow pane keeps room for the deliverable
        due = action.deadline.strftime("%m-%d" if action.deadline.year == today.year else "%Y-%m-%d")
    state: tuple[str, str] | str = ""
    if action.status is not ActionStatus.TODO or action.origin:
        state = (f" [{t(f'board.{action.status.value}', lang)}]", _STATE_STYLE.get(action.status, "bold"))
    late = overdue_days(action, today)
    overdue: tuple[str, str] | str = (f" ⚠ {t('actions.overdue', lang, days=late)}", "bold $warning") if late else ""
    head = Content.assemble(
        (f"#{action.id}", "bold"), state, overdue, " ", (owner, "bold"), " · ", (due, "italic"), ": "
    )
    if action.origin:  # judged in the meeting it was captured in; the review looks at its state
        tail = Content.styled(f" ({t('actions.carried', lang, origin=action.origin)})", "italic")
    else:
        tail = smart_mark(action)
    deliverable = Content(action.deliverable)
    room = width - head.cell_length - tail.cell_length
    if width and deliverable.cell_length > room:
        deliverable = deliverable.truncate(max(room, 1), ellipsis=True)
    content = head + deliverable + tail
    return content if current else content.stylize("dim")


def smart_mark(action: ActionItem) -> Content:
    """The compact SMART mark at the end of an action's row: ``✓``, or ``✗`` and how many
    problems the check found (the detail line under the pane names them)."""
    if action.smart.ok:
        return Content.styled(" ✓", "bold $success")
    return Content.styled(f" ✗{len(action.smart.problems)}", "bold $error")


def _text_row(record: Decision | Note) -> Content:
    return Content.assemble((f"#{record.id} ", "bold"), record.text)

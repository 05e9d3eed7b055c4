"""Actions (current item first) with their SMART badge and their state on the board, then
decisions and notes. While the previous meeting's actions are reviewed, the actions
carried from it come first, the overdue ones marked."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.reactive import var

from coopconsole.domain.board import is_open, looked_at, overdue_days
from coopconsole.domain.model import ActionItem, ActionStatus, Decision, Note
from coopconsole.domain.series import in_review, review_started
from coopconsole.texts import t
from coopconsole.tui.frame import Frame
from coopconsole.tui.messages import RecordChosen
from coopconsole.tui.paint import set_border_title
from coopconsole.tui.widgets.line_list import LineList

#: What a row of the pane shows: an action, a decision or a note.
Shown = ActionItem | Decision | Note

#: How many actions of other agenda items the pane lists (the latest); the rest are
#: counted in one line. The current item's actions are always all listed.
OTHER_ACTIONS = 30


class ActionsPane(LineList):
    """What was agreed: actions of the current item first, then its decisions and notes."""

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    _shown: tuple | None = None
    _records: dict[str, Shown] = {}

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        session = frame.session
        # The service gives a table a new list whenever one of its records changes, so the
        # lists themselves say whether there is anything new to draw: a speaker change (the
        # most frequent event) redraws nothing here.
        shown = (session.actions, session.decisions, session.notes, session.participants)
        key = (frame.lang, frame.current_item)
        unchanged = self._shown is not None and all(a is b for a, b in zip(shown, self._shown[1], strict=True))
        if self._shown is not None and key == self._shown[0] and unchanged:
            return
        self._shown = (key, shown)
        set_border_title(self, t("actions.title", frame.lang))
        rows, self._records = _rows(frame)
        self.show_rows(rows)

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        event.stop()
        record = self._records.get(event.row_id or "")
        if record is not None:
            self.post_message(RecordChosen(record))

    def selected(self) -> Shown | None:
        option = self.highlighted_option
        return self._records.get(option.id) if option and option.id else None


def _rows(frame: Frame) -> tuple[list[tuple[str | None, Content]], dict[str, Shown]]:
    lang, session, current = frame.lang, frame.session, frame.current_item
    rows: list[tuple[str | None, Content]] = []
    records: dict[str, Shown] = {}

    def add(key: str, record: Shown, prompt: Content) -> None:
        records[key] = record
        rows.append((key, prompt))

    today = frame.view.now.date()
    here_first = [a for a in session.actions if a.item == current]
    if in_review(session, frame.view.agenda):  # the carried ones first, in their order
        here_first.sort(key=lambda a: not a.origin)
        since = review_started(session, frame.view.agenda)
        carried = [a for a in here_first if a.origin and is_open(a)]
        looked = sum(1 for a in here_first if a.origin and looked_at(a, since))
        heading = t("actions.review", lang, open=len(carried), looked=looked)
        rows.append((None, Content.styled(heading, "bold underline")))
    others = [a for a in session.actions if a.item != current]
    if not session.actions:
        rows.append((None, Content(t("actions.empty", lang))))
    for action in here_first:
        add(f"action-{action.id}", action, _action(action, lang, True, today))
    # A day's workshop has hundreds of actions: the room needs this item's and the latest
    # others, and listing them all would cost every capture a redraw of hundreds of rows.
    hidden = max(0, len(others) - OTHER_ACTIONS)
    if hidden:
        rows.append((None, Content.styled(t("actions.earlier", lang, count=hidden), "italic")))
    for action in others[hidden:]:
        add(f"action-{action.id}", action, _action(action, lang, False, today))
    here = [d for d in session.decisions if d.item == current]
    if here:
        rows.append((None, Content.styled(t("decisions.title", lang), "bold underline")))
        for decision in here:
            add(f"decision-{decision.id}", decision, _text_row(decision))
    notes = [n for n in session.notes if n.item == current]
    if notes:
        rows.append((None, Content.styled(t("notes.title", lang), "bold underline")))
        for note in notes:
            add(f"note-{note.id}", note, _text_row(note))
    return rows, records


#: How each state is marked on an action's row (to do is not: most actions are).
_STATE_STYLE = {
    ActionStatus.IN_PROGRESS: "bold $accent",
    ActionStatus.UNDER_REVIEW: "bold $secondary",
    ActionStatus.DONE: "bold $success",
}


def _action(action: ActionItem, lang: str, current: bool, today: date) -> Content:
    owner = action.owner or t("actions.no_owner", lang)
    if action.deadline is None:
        due = t("actions.no_deadline", lang)
    else:  # this year's dates without the year: a narrow pane keeps room for the deliverable
        due = action.deadline.strftime("%m-%d" if action.deadline.year == today.year else "%Y-%m-%d")
    state: tuple[str, str] | str = ""
    if action.status is not ActionStatus.TODO or action.origin:
        state = (f" [{t(f'board.{action.status.value}', lang)}]", _STATE_STYLE.get(action.status, "bold"))
    late = overdue_days(action, today)
    overdue: tuple[str, str] | str = (f" ⚠ {t('actions.overdue', lang, days=late)}", "bold $warning") if late else ""
    badge: tuple[str, str] | str
    if action.origin:  # judged in the meeting it was captured in; the review looks at its state
        badge = ""
    elif action.smart.ok:
        badge = (f" ✓{t('smart.ok', lang)}", "bold $success")
    else:
        missing = ", ".join(t(f"smart.{code}", lang) for code in action.smart.problems)
        badge = (f" ✗ {missing}", "bold $error")
    # The badge, owner and deadline come first: a long deliverable is cut at the right,
    # what the room must see never is.
    content = Content.assemble(
        (f"#{action.id}", "bold"),
        state,
        overdue,
        badge,
        " ",
        (owner, "bold"),
        " · ",
        (due, "italic"),
        ": ",
        action.deliverable,
    )
    if action.origin:
        content += Content.styled(f" ({t('actions.carried', lang, origin=action.origin)})", "italic")
    return content if current else content.stylize("dim")


def _text_row(record: Decision | Note) -> Content:
    return Content.assemble((f"#{record.id} ", "bold"), record.text)

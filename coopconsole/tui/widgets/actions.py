"""Actions (current item first) with their SMART badge, then decisions and notes."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import var

from coopconsole.domain.model import ActionItem, Decision, Note
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

    year = frame.view.now.year
    here_first = [a for a in session.actions if a.item == current]
    others = [a for a in session.actions if a.item != current]
    if not session.actions:
        rows.append((None, Content(t("actions.empty", lang))))
    for action in here_first:
        add(f"action-{action.id}", action, _action(action, lang, True, year))
    # A day's workshop has hundreds of actions: the room needs this item's and the latest
    # others, and listing them all would cost every capture a redraw of hundreds of rows.
    hidden = max(0, len(others) - OTHER_ACTIONS)
    if hidden:
        rows.append((None, Content.styled(t("actions.earlier", lang, count=hidden), "italic")))
    for action in others[hidden:]:
        add(f"action-{action.id}", action, _action(action, lang, False, year))
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


def _action(action: ActionItem, lang: str, current: bool, year: int) -> Content:
    owner = action.owner or t("actions.no_owner", lang)
    if action.deadline is None:
        due = t("actions.no_deadline", lang)
    else:  # this year's dates without the year: a narrow pane keeps room for the deliverable
        due = action.deadline.strftime("%m-%d" if action.deadline.year == year else "%Y-%m-%d")
    if action.smart.ok:
        badge = (f" ✓{t('smart.ok', lang)}", "bold $success")
    else:
        missing = ", ".join(t(f"smart.{code}", lang) for code in action.smart.problems)
        badge = (f" ✗ {missing}", "bold $error")
    # The badge, owner and deadline come first: a long deliverable is cut at the right,
    # what the room must see never is.
    content = Content.assemble(
        (f"#{action.id}", "bold"), badge, " ", (owner, "bold"), " · ", (due, "italic"), ": ", action.deliverable
    )
    return content if current else content.stylize("dim")


def _text_row(record: Decision | Note) -> Content:
    return Content.assemble((f"#{record.id} ", "bold"), record.text)

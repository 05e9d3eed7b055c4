"""The closing checklist (``ctrl+e``): what is still open before the meeting ends, each
line fixable from the list, then "End the meeting now" or "Back to the meeting".

What is on the list is :func:`coopconsole.domain.closing_list.closing_list`; this screen
shows it grouped, with counts, and hands each fix to what the meeting screen already
has, through the service:

* an item never reached: go to it now (the agenda's goto; the list closes) or defer it
  to the next meeting (``service.closing_list.defer_item``);
* an open parked point: the parking lot's dialog (schedule, defer, turn into an action:
  the list closes and the capture bar opens on it, as from the parking lot);
* an action failing the SMART check: the list closes and the edit bar opens on it;
* a decision without positions: the positions dialog, for the organisations missing.

The list follows the meeting's frame, so a fix shows as soon as it is saved; a fix
that closes the list finds it rebuilt at the next ``ctrl+e``. Every intent is started on
the meeting screen (``call_later``), not here: its result comes back in the context it
was started in, and a dialog it opens must answer to the meeting, which outlives the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from coopconsole.domain.closing_list import ClosingList, closing_list
from coopconsole.domain.model import AgendaItem, Resolution, Session, SessionStatus
from coopconsole.domain.timeline import AgendaState, agenda_state, items_to_come
from coopconsole.texts import t
from coopconsole.tui.frame import Frame
from coopconsole.tui.screens.dialogs import ConsoleDialog, resolve_choices

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen

#: The two ways out, at the end of the list.
END, BACK = "end", "back"


def lines(found: ClosingList, session: Session, state: AgendaState, lang: str) -> list[Option | None]:
    """The checklist's rows: each group under its heading (a disabled row) with its count,
    a rule between groups (None), "Nothing left open" if nothing is, and the two ways out
    (no "End the meeting now" once it has ended)."""
    rows: list[Option | None] = []

    def group(key: str, entries: list[tuple[str, Content]]) -> None:
        if not entries:
            return
        if rows:
            rows.append(None)
        rows.append(Option(Content(t(key, lang, count=len(entries))), id=f"group-{key}", disabled=True))
        rows.extend(Option(content, id=row_id) for row_id, content in entries)

    group("closing.group.unreached", [(f"item-{i.id}", _item(i, state, lang)) for i in found.unreached])
    group("closing.group.parked", [(f"parked-{p.id}", _parked(p, lang)) for p in found.parked])
    group("closing.group.actions", [(f"action-{a.id}", _action(a, lang)) for a in found.actions])
    positions = [(f"decision-{m.decision.id}", _decision(m, lang)) for m in found.positions]
    group("closing.group.positions", positions)
    if not rows:
        rows.append(Option(Content(t("closing.nothing", lang)), id="nothing", disabled=True))
    rows.append(None)
    if state.status is not SessionStatus.ENDED:
        rows.append(Option(Content(t("closing.end", lang)), id=END))
    rows.append(Option(Content(t("closing.back", lang)), id=BACK))
    return rows


def title(found: ClosingList, state: AgendaState, lang: str) -> str:
    if state.status is SessionStatus.ENDED:
        return t("closing.title.ended", lang, count=found.count)
    return t("closing.title", lang, count=found.count) if found.count else t("closing.title.none", lang)


def _number(item: AgendaItem, state: AgendaState) -> int:
    """The item's place in the agenda as changed so far (an item added during the meeting
    is numbered where it stands, as the minutes number it)."""
    plan = state.plan or ()
    return next((n for n, planned in enumerate(plan, start=1) if planned.id == item.id), item.id)


def _item(item: AgendaItem, state: AgendaState, lang: str) -> Content:
    line = Content(f"{_number(item, state)}. {item.title}")
    return line.append(f" · {t('closing.current', lang)}") if item.id == state.current else line


def _parked(point: Any, lang: str) -> Content:
    line = Content.assemble((f"#{point.id} ", "bold"), point.text)
    return line.append(f" · {t('parking.raised_by', lang, name=point.raised_by)}") if point.raised_by else line


def _action(action: Any, lang: str) -> Content:
    problems = ", ".join(t(f"smart.{code}", lang) for code in action.smart.problems)
    return Content.assemble((f"#{action.id} ", "bold"), action.text or action.deliverable, (f" · {problems}", "italic"))


def _decision(missing: Any, lang: str) -> Content:
    organisations = ", ".join(missing.organisations)
    said = t("closing.missing", lang, organisations=organisations)
    return Content.assemble((f"#{missing.decision.id} ", "bold"), missing.decision.text, (f" · {said}", "italic"))


class ClosingListDialog(ConsoleDialog[None]):
    """The closing checklist over the meeting: arrows move, Enter fixes the line (or
    ends the meeting, or goes back), Escape goes back to the meeting."""

    DEFAULT_CSS = """
    /* Title and hint docked, so they stay in view; the lines between them scroll. */
    ClosingListDialog > .dialog {
        width: 90%;
        max-width: 110;
        max-height: 90%;
    }
    ClosingListDialog .dialog-title {
        dock: top;
        margin-bottom: 0;
    }
    ClosingListDialog #closing-hint {
        dock: bottom;
    }
    ClosingListDialog #closing-lines {
        height: auto;
        max-height: 100%;
        & > .option-list--option-disabled {
            color: $accent;
            text-style: bold;
        }
    }
    """

    BINDINGS = [Binding("escape", "dismiss(None)", id="dialog.close", system=True)]

    def __init__(self, meeting: MeetingScreen) -> None:
        super().__init__()
        self.meeting = meeting
        self.lang = meeting.lang
        self.found = ClosingList()
        """What the list shows (see :func:`~coopconsole.domain.closing_list.closing_list`)."""
        self._shown: tuple[str, list[str]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(id="closing-title", classes="dialog-title")
            yield OptionList(id="closing-lines", markup=False)
            yield Label(Content(t("closing.hint", self.lang)), id="closing-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        self.rebuild()
        self.watch(self.meeting, "frame", self.rebuild, init=False)  # a fix shows once saved

    def _as_of(self) -> tuple[Session, AgendaState]:
        frame: Frame | None = self.meeting.frame
        if frame is not None:
            return frame.session, frame.view.agenda
        service = self.meeting.service
        session = service.glance()
        return session, agenda_state(session, service.now())

    def rebuild(self, _: Any = None) -> None:
        """Show what is open now; the highlighted line stays where it was (or the next)."""
        session, state = self._as_of()
        self.found = closing_list(session, state)
        rows = lines(self.found, session, state, self.lang)
        heading = title(self.found, state, self.lang)
        shown = (heading, [str(row.prompt) + (row.id or "") if row else "" for row in rows])
        if shown == self._shown:
            return
        self._shown = shown
        self.query_one("#closing-title", Label).update(Content(heading))
        options = self.query_one("#closing-lines", OptionList)
        before = options.highlighted_option.id if options.highlighted_option else None
        index = options.highlighted
        options.set_options(rows)
        listed = [row for row in rows if row is not None]  # a rule is not an option of its own
        ids = [row.id for row in listed]
        enabled = [i for i, row in enumerate(listed) if not row.disabled]
        if before in ids:
            options.highlighted = ids.index(before)
        elif index is not None:  # fixed: the line that took its place, or the next one
            options.highlighted = next((i for i in enabled if i >= index), enabled[-1])
        else:  # the first line to fix, or "End the meeting now" when nothing is open
            options.highlighted = enabled[0]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _, number = (event.option_id or "").partition("-")
        meeting = self.meeting
        if kind == END:
            self.dismiss()
            meeting.call_later(meeting.end_meeting)
        elif kind == BACK:
            self.dismiss()
        elif kind == "item":
            self._unreached(int(number))
        elif kind == "parked":
            self._parked(int(number))
        elif kind == "action":
            action = next((a for a in self.found.actions if a.id == int(number)), None)
            if action is not None:
                self.dismiss()
                meeting.call_later(meeting.capturing.edit, action)
        elif kind == "decision":
            missing = next((m for m in self.found.positions if m.decision.id == int(number)), None)
            if missing is not None:
                meeting.call_later(meeting.playbook.ask_positions, missing.decision, list(missing.organisations))

    def _unreached(self, item_id: int) -> None:
        """Go to the item now, or defer it to the next meeting."""
        meeting, service, lang = self.meeting, self.meeting.service, self.lang
        session, state = self._as_of()
        item = session.item(item_id)
        if item is None:
            return
        choices: list[tuple[str, str]] = []
        if state.status is not SessionStatus.ENDED and item_id != state.current:
            choices.append((t("closing.item.goto", lang), "goto"))
        choices.append((t("closing.item.defer", lang), "defer"))
        named = f"{_number(item, state)}. {item.title}"

        def chosen(choice: str | None) -> None:
            if choice == "goto":
                self.dismiss()
                meeting.call_later(meeting.do, lambda: service.agenda.goto(item_id))
            elif choice == "defer":
                said = "closing.item.deferred"
                meeting.call_later(
                    meeting.do,
                    lambda: service.closing_list.defer_item(item_id),
                    lambda point: meeting.notify(t(said, lang, item=named, id=point.id), markup=False),
                )

        meeting.ask(t("closing.item.ask", lang, item=named), choices, chosen)

    def _parked(self, parked_id: int) -> None:
        """The parking lot's dialog for the point: schedule it, turn it into an action (in
        the capture bar, the list closed), defer it."""
        meeting, service, lang = self.meeting, self.meeting.service, self.lang
        session, state = self._as_of()
        point = next((p for p in session.parked if p.id == parked_id), None)
        if point is None:
            return

        def chosen(choice: tuple[Resolution, int | None] | None) -> None:
            if choice is None:
                return
            resolution, item = choice
            if resolution is Resolution.ACTION:  # the bar, for the owner and the deadline
                self.dismiss()
                meeting.call_later(meeting.capturing.from_parked, point)
                return
            meeting.call_later(meeting.do, lambda: service.captures.resolve_parked(parked_id, resolution, item))

        choices = resolve_choices(session, lang, items_to_come(session, state))
        meeting.ask(t("pick.resolve", lang, id=point.id, text=point.text), choices, chosen)

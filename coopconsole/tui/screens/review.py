"""The plan review: what a freshly imported agenda opens on, before the meeting.

Left, the plan as read (:class:`~coopconsole.tui.widgets.review_plan.PlanTable`); right,
the agenda as written (:class:`~coopconsole.tui.widgets.review_source.SourceLines`), the
highlighted item's line picked out, the lines the importer did not use marked. The keys
drop or restore the highlighted item, give it a new title, time box or owner, accept the
plan (the meeting screen takes over) or quit. Every change is an intent of
``service.plan`` (:mod:`coopconsole.service.plan_review`), saved before it is shown; the
planned starts and the planned end are worked out again from the session after each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label

import coopconsole.tui.memory as memory
from coopconsole.domain.model import AgendaItem, Session
from coopconsole.domain.plan_review import MAX_PLAN_BOX, kept_plan, plan_rows
from coopconsole.domain.typed_text import clean_line
from coopconsole.service import MeetingService
from coopconsole.texts import t
from coopconsole.tui.commands import Command
from coopconsole.tui.intents import IntentRunner, report_failure
from coopconsole.tui.widgets.footer import KeyFooter
from coopconsole.tui.widgets.review_plan import PlanTable
from coopconsole.tui.widgets.review_source import SourceLines


class MeetingOpener(Protocol):
    """Makes the meeting screen of a session (the app does)."""

    def meeting_screen(self, service: MeetingService) -> Screen: ...


class ReviewScreen(Screen):
    """Review the plan read from an agenda, put it right, accept it."""

    BINDING_GROUP_TITLE = "Review"

    @staticmethod
    def bindings(lang: str) -> list[Binding]:
        """The review's keys, described in ``lang`` (see :func:`coopconsole.tui.localized.localized`)."""

        def b(key: str, action: str, name: str, **kw: Any) -> Binding:
            described = t(f"key.{name}", lang)
            return Binding(key, action, described, id=name.replace("_", "."), tooltip=t(f"key.{name}.tip", lang), **kw)

        return [
            b("d", "drop", "review_drop"),
            b("t", "title", "review_title"),
            b("b", "box", "review_box"),
            b("o", "owner", "review_owner"),
            b("a", "accept", "review_accept"),
            b("q", "app.quit", "review_quit"),
            Binding("ctrl+q", "app.quit", t("key.review_quit", lang), show=False, id="review.ctrl_quit"),
        ]

    def __init__(self, service: MeetingService, lang: str, opener: MeetingOpener) -> None:
        super().__init__()
        self.service = service
        self.lang = lang
        self.opener = opener
        self.intents = IntentRunner()
        """The review's saves, one at a time and in order, off the event loop."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        yield Label(id="review-summary")
        yield Label(Content(t("plan_review.hint", lang)), id="review-hint")
        with Horizontal(id="review-panes"):
            with Vertical(id="review-plan-pane") as plan:
                plan.border_title = t("plan_review.plan", lang)
                yield PlanTable(lang, id="review-plan")
            with Vertical(id="review-source-pane") as source:
                source.border_title = t("plan_review.source", lang)
                yield SourceLines(id="review-source")
        yield Label(id="review-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = t("plan_review.title", self.lang)
        self.show_plan()
        self.query_one(PlanTable).focus()
        self.call_after_refresh(memory.settle)  # the collector back on (see coopconsole.cli.main)

    def on_unmount(self) -> None:
        self.intents.close()

    # -- what is shown -------------------------------------------------------------------

    def show_plan(self) -> None:
        """Draw the plan as the session now has it, with its planned starts and end."""
        session = self.service.glance()
        rows, end = plan_rows(session)
        self.query_one(PlanTable).show(rows)
        kept = kept_plan(session).agenda
        start = next((row.start for row in rows if not row.dropped), None)
        if start is None:
            span = t("plan_review.no_times", self.lang)
        elif end is None:
            span = t("plan_review.span_open", self.lang, start=f"{start:%H:%M}")
        else:
            span = t("plan_review.span", self.lang, start=f"{start:%H:%M}", end=f"{end:%H:%M}")
        title = clean_line(session.title) or session.name
        summary = t("plan_review.summary", self.lang, title=title, span=span, count=len(kept))
        self.query_one("#review-summary", Label).update(Content(summary))
        if session.review is not None:
            self.query_one(SourceLines).show(session.review)
        self.show_line(session)

    def show_line(self, session: Session | None = None) -> None:
        """Point at the highlighted item's line; under the panes, that line in full and what
        the importer said of it (else what the marks mean)."""
        session = session or self.service.glance()
        review, item = session.review, self.item(session)
        status = self.query_one("#review-status", Label)
        if review is None or item is None:
            return
        line = review.line_of(item.id)
        self.query_one(SourceLines).point_at(line)
        if line is None:
            number = [i.id for i in session.agenda].index(item.id) + 1
            status.update(Content(t("plan_review.no_line", self.lang, no=number)))
            return
        said = review.said_of(line, self.lang)
        if said:
            note = t("plan_review.said", self.lang, message=said)
        elif review.reported:
            note = t("plan_review.unused", self.lang, unused=len(review.unused()), troubled=len(review.troubled()))
        else:
            note = t("plan_review.unused_none", self.lang)
        source = review.lines[line - 1].strip() if line <= len(review.lines) else ""
        text = t("plan_review.line_text", self.lang, line=line, text=source) + "\n" + note
        status.update(Content(text))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_line()

    def item(self, session: Session | None = None) -> AgendaItem | None:
        """The highlighted item."""
        session = session or self.service.glance()
        return session.item(self.query_one(PlanTable).item)

    def number(self, item: AgendaItem) -> int:
        """``item``'s number as the plan shows it."""
        return [i.id for i in self.service.glance().agenda].index(item.id) + 1

    # -- the keys ----------------------------------------------------------------------

    def action_drop(self) -> None:
        """Drop the highlighted item, or restore it if it is dropped."""
        item = self.item()
        if item is None:
            return

        def done(result: tuple[AgendaItem, bool]) -> None:
            fixed, dropped = result
            self.show_plan()
            said = "plan_review.done.dropped" if dropped else "plan_review.done.restored"
            self.notify(t(said, self.lang, title=clean_line(fixed.title)), markup=False)

        plan = self.service.plan
        self.intents.run(lambda: plan.drop_or_restore(item.id), done, self.report)

    def action_title(self) -> None:
        item = self.item()
        if item is not None:
            self.ask("plan_review.ask_title", "plan_review.ask_title.hint", item, item.title, self._retitle)

    def _retitle(self, item: AgendaItem, typed: str) -> None:
        self.do(lambda: self.service.plan.retitle(item.id, typed), "plan_review.done.saved")

    def action_box(self) -> None:
        item = self.item()
        if item is not None:
            value = "" if item.minutes is None else str(item.minutes)
            self.ask("plan_review.ask_box", "plan_review.ask_box.hint", item, value, self._rebox)

    def _rebox(self, item: AgendaItem, typed: str) -> None:
        text = typed.strip()
        if not text.isascii() or not text.isdigit():
            message = t("plan_review.bad_box", self.lang, value=clean_line(typed)[:20])
            self.notify(message, title=t("error.title", self.lang), severity="warning", markup=False)
            return
        self.do(lambda: self.service.plan.rebox(item.id, int(text)), "plan_review.done.saved")

    def action_owner(self) -> None:
        item = self.item()
        if item is not None:
            self.ask("plan_review.ask_owner", "plan_review.ask_owner.hint", item, item.owner, self._reown)

    def _reown(self, item: AgendaItem, typed: str) -> None:
        self.do(lambda: self.service.plan.reown(item.id, typed), "plan_review.done.saved")

    def action_accept(self) -> None:
        """Accept the plan; the meeting screen takes the review's place."""

        def accepted(_result: object) -> None:
            self.app.switch_screen(self.opener.meeting_screen(self.service))

        self.intents.run(self.service.plan.accept, accepted, self.report)

    def palette_commands(self) -> list[Command]:
        """The review's keys by name in the command palette ("plan: …")."""
        lang = self.lang
        actions = (
            ("drop", self.action_drop),
            ("title", self.action_title),
            ("box", self.action_box),
            ("owner", self.action_owner),
            ("accept", self.action_accept),
        )
        return [(t(f"palette.review_{name}", lang), action) for name, action in actions]

    # -- dialogs and saves -------------------------------------------------------------

    def ask(self, title: str, hint: str, item: AgendaItem, value: str, then: Callable[[AgendaItem, str], None]) -> None:
        """One line for ``item`` in a dialog; ``then(item, typed)`` unless it is cancelled."""
        from coopconsole.tui.screens.agenda_edit_dialogs import LineDialog

        def typed(line: str | None) -> None:
            if line is not None:
                then(item, line)

        heading = t(title, self.lang, no=self.number(item))
        self.app.push_screen(LineDialog(heading, t(hint, self.lang, most=MAX_PLAN_BOX), value=value), typed)

    def do(self, intent: Callable[[], AgendaItem], said: str) -> None:
        """Run ``intent`` (saved before it returns), then redraw the plan and say ``said``."""

        def done(item: AgendaItem) -> None:
            self.show_plan()
            self.notify(t(said, self.lang, title=clean_line(item.title)), markup=False)

        self.intents.run(intent, done, self.report)

    def report(self, exc: BaseException) -> None:
        """Why a fix was not made; the plan stays as it was."""
        report_failure(self, exc, self.lang)

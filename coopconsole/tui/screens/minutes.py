"""The minutes in the console: a preview as they will be sent, writing them, and ticking
off the attendees who confirmed them.

The preview is rendered by Textual's Markdown widget with the parser the minutes are
checked with (CommonMark and tables, no automatic links), so what the note-taker sees is
what every attendee's Markdown reader shows. It shows one section at a time (← →), with
long tables and lists cut to :data:`PREVIEW_ROWS` rows: the widget takes seconds, and
holds the event loop, for a full-day workshop's 250-row table. The file written has
everything. Building the minutes and writing them run on the meeting's intent thread,
like every save: the screen never waits for a disk.

The preview shows what "write" (``w``) writes: before the meeting has ended, a draft
(marked so in its title), which writing does not record as sent; after the end, the
minutes to send, which writing records as sent. Tables fit the screen or wrap their
text, never cut it (:mod:`coopconsole.tui.widgets.preview_tables`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, MarkdownViewer, SelectionList
from textual.widgets.selection_list import Selection

from coopconsole.domain.followup import minutes_sent_at
from coopconsole.domain.model import Attendance
from coopconsole.domain.timeline import agenda_state
from coopconsole.texts import LANGS, t
from coopconsole.tui.screens.dialogs import ConsoleDialog
from coopconsole.tui.widgets.footer import KeyFooter
from coopconsole.tui.widgets.header import minutes_line
from coopconsole.tui.widgets.preview_tables import fit_tables

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from textual.await_complete import AwaitComplete

    from coopconsole.service.closing import SavedMinutes
    from coopconsole.tui.screens.meeting import MeetingScreen


def preview_parser() -> MarkdownIt:
    """The check's parser, without raw HTML (the minutes never hold any)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


#: Rows per table, and items per section, in the preview.
PREVIEW_ROWS = 20
_SECTION = re.compile(r"(?m)^(?=## )")


def sections(text: str) -> list[str]:
    """The minutes cut into their sections, the title kept with the first."""
    parts = _SECTION.split(text)
    return [parts[0] + parts[1], *parts[2:]] if len(parts) > 1 else parts


class MinutesScreen(Screen):
    """The minutes of the meeting on the screen that opened it (``meeting``)."""

    DEFAULT_CSS = """
    MinutesScreen #minutes-status { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    MinutesScreen MarkdownViewer { height: 1fr; }
    MinutesScreen MarkdownTableContent > .cell, MinutesScreen MarkdownTableContent > .header {
        text-overflow: fold;
    }
    """

    @staticmethod
    def bindings(lang: str) -> list[Binding]:
        return [
            Binding(
                "escape,q",
                "close",
                id="minutes.close",
                description=t("key.minutes_close", lang),
                tooltip=t("minutes.close_tip", lang),
            ),
            Binding(
                "w",
                "write",
                id="minutes.write",
                description=t("key.minutes_write", lang),
                tooltip=t("cmd.minutes_write", lang),
            ),
            Binding(
                "c",
                "confirmations",
                id="minutes.confirm",
                description=t("key.minutes_confirm", lang),
                tooltip=t("cmd.minutes_confirm", lang),
            ),
            Binding(
                "g",
                "language",
                id="minutes.language",
                description=t("key.minutes_lang", lang),
                tooltip=t("minutes.lang_tip", lang),
            ),
            Binding(
                "left",
                "page(-1)",
                id="minutes.previous",
                description=t("key.minutes_prev", lang),
                tooltip=t("minutes.prev_tip", lang),
            ),
            Binding(
                "right",
                "page(1)",
                id="minutes.next",
                description=t("key.minutes_next", lang),
                tooltip=t("minutes.next_tip", lang),
            ),
        ]

    def __init__(self, meeting: MeetingScreen, lang: str) -> None:
        super().__init__()
        self.meeting = meeting
        self.lang = lang  # of the console's keys and messages
        # Of the minutes: the session's (its agenda's language), until switched; the
        # people who read them are the meeting's, whatever language the console speaks.
        session_lang = meeting.service.glance().lang
        self.minutes_lang = session_lang if session_lang in LANGS else lang
        self.written: Path | None = None
        self.pages: list[str] = []
        self.page = 0

    def compose(self) -> ComposeResult:
        yield Label(id="minutes-status")
        yield MarkdownViewer(
            t("minutes.building", self.lang),
            show_table_of_contents=False,
            parser_factory=preview_parser,
            open_links=False,
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_minutes()

    def refresh_minutes(self) -> None:
        service, lang = self.meeting.service, self.minutes_lang
        self._status()
        self.meeting.do(lambda: service.closing.preview(lang, limit=PREVIEW_ROWS), self._show)

    def _show(self, text: str) -> None:
        self.pages = sections(text)
        self.page = min(self.page, len(self.pages) - 1)
        self._draw()

    def _draw(self) -> None:
        viewer = self.query_one(MarkdownViewer)
        update = viewer.document.update(self.pages[self.page])
        viewer.scroll_home(animate=False)
        self._status()
        self.run_worker(self._fit_when_shown(update), group="minutes-fit")

    async def _fit_when_shown(self, update: AwaitComplete) -> None:
        await update
        self.call_after_refresh(self._fit_tables)

    def _fit_tables(self, tries: int = 3) -> None:
        """The preview's tables fitted to its width, once they are laid out."""
        if not fit_tables(self.query_one(MarkdownViewer)) and tries > 1:
            self.call_after_refresh(self._fit_tables, tries - 1)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_tables)

    def action_page(self, step: int) -> None:
        if self.pages and 0 <= self.page + step < len(self.pages):
            self.page += step
            self._draw()

    def _status(self) -> None:
        service = self.meeting.service
        parts = [t("minutes.preview", self.lang, language=t(f"lang.{self.minutes_lang}", self.lang))]
        if self.pages:
            parts.append(t("minutes.page", self.lang, page=self.page + 1, pages=len(self.pages)))
        session, now = service.glance(), service.now()
        state = agenda_state(session, now)
        line = minutes_line(session, state, now, self.lang)
        if line:
            parts.append(line)
        elif state.ended_at is None:
            parts.append(t("sending.preview_draft", self.lang))
        if self.written is not None:
            parts.append(t("minutes.saved_to", self.lang, path=str(self.written)))
        self.query_one("#minutes-status", Label).update(Content("  ·  ".join(parts)))

    def action_close(self) -> None:
        self.dismiss()

    def action_language(self) -> None:
        self.minutes_lang = LANGS[(LANGS.index(self.minutes_lang) + 1) % len(LANGS)]
        self.refresh_minutes()

    def action_write(self) -> None:
        def written(saved: SavedMinutes) -> None:
            self.written = saved.path
            self._status()

        write_minutes(self.meeting, self.minutes_lang, written)

    def action_confirmations(self) -> None:
        self.app.push_screen(ConfirmationsDialog(self.meeting, self.lang), lambda _: self._status())


def write_minutes(meeting: MeetingScreen, lang: str, then: Callable[[SavedMinutes], None] | None = None) -> None:
    """Write the minutes in ``lang`` next to the session (on the meeting's intent thread)
    and say what was written: the minutes sent, or a draft before the meeting has ended."""
    service = meeting.service

    def written(saved: SavedMinutes) -> None:
        key = "minutes.written_to" if saved.sent else "sending.draft_written"
        meeting.notify(t(key, meeting.lang, path=str(saved.path)), markup=False)
        if then is not None:
            then(saved)

    meeting.do(lambda: service.closing.write_minutes(lang), written)


class ConfirmationsDialog(ConsoleDialog[None]):
    """Every participant with a tick box: ticked once they have confirmed the minutes.

    Each tick or untick is saved at once (through the service, like every change)."""

    BINDINGS = [Binding("escape", "dismiss(None)", id="dialog.close", system=True)]
    DEFAULT_CSS = """
    ConfirmationsDialog SelectionList { height: auto; max-height: 20; }
    """

    def __init__(self, meeting: MeetingScreen, lang: str) -> None:
        super().__init__()
        self.meeting = meeting
        self.lang = lang

    def compose(self) -> ComposeResult:
        service = self.meeting.service
        session = service.glance()
        sent = minutes_sent_at(session, agenda_state(session, service.now())) is not None
        with Vertical(classes="dialog"):
            yield Label(Content(t("confirm.title", self.lang)), classes="dialog-title")
            # Confirmations are replies to minutes sent: nothing to tick before that.
            yield SelectionList[int](
                *(
                    Selection(Content(_label(p, self.lang)), p.id, p.confirmed_at is not None)
                    for p in session.participants
                ),
                disabled=not sent,
            )
            hint = t("confirm.hint", self.lang) if sent else t("confirm.not_written", self.lang)
            yield Label(Content(hint), classes="dialog-hint")

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        pid = event.selection.value
        ticked = pid in event.selection_list.selected
        service = self.meeting.service

        def refused(exc: BaseException) -> None:  # put the box back as it is on disk
            self.meeting.report(exc)
            person = service.glance().participant(pid)
            if person is not None and person.confirmed_at is not None:
                event.selection_list.select(pid)  # select/deselect: no second "toggled"
            else:
                event.selection_list.deselect(pid)

        self.meeting.intents.run(
            lambda: service.closing.confirm_minutes(pid, ticked), lambda _: self.meeting.tick(), refused
        )


def _label(person: Any, lang: str) -> str:
    org = f" ({person.organisation})" if person.organisation else ""
    absent = f" · {t('attendance.absent', lang)}" if person.attendance is Attendance.ABSENT else ""
    return f"{person.id:>2}  {person.name}{org}{absent}"

"""The speakers pane: who has the floor (this turn and in all), who is next in the queue,
and speaking time per person and organisation.

With a per-turn limit (the settings' ``turn_limit_minutes``), the turn is counted down,
in the countdown's warning colour in its last part and its overrun colour once over
(the ``-turn-warning`` / ``-turn-over`` classes; see
:func:`coopconsole.domain.speaker_queue.turn_time`). The queue's line is there only while
someone waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import lru_cache

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Label

from coopconsole.domain.memo import LastOf, same_parts
from coopconsole.domain.model import Attendance, Duty, Participant
from coopconsole.domain.speaker_queue import TurnTime, turn_time
from coopconsole.texts import t
from coopconsole.tui.format import bar_eighths, bar_of, clock
from coopconsole.tui.frame import Frame
from coopconsole.tui.messages import SpeakerChosen
from coopconsole.tui.paint import set_border_title, show, without_links
from coopconsole.tui.widgets.line_list import LineList

#: Below this many cells, only whole-meeting figures are shown (80-column terminals).
WIDE = 50
LEAD = 3  # "12▶": the number and the speaking mark
NAME_CELLS = 12
BAR = 4


class SpeakersPane(Vertical):
    """Participants numbered (the 1-9 keys), grouped by organisation, with bars and flags,
    and the facilitator's and the note-taker's duty in dim at the end of their row."""

    DEFAULT_CSS = """
    SpeakersPane LineList, SpeakersPane LineList:focus {
        height: 1fr;
        border: none;
    }
    """

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    _built: dict[tuple, Content] = {}
    _side: tuple | None = None  # what the pane was last drawn from (see _side)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._members = LastOf(_members)  # the grouping, kept while the list is the same

    def compose(self) -> ComposeResult:
        yield without_links(Label(id="speaker-now"))  # drawn again every second someone speaks
        yield without_links(Label(id="speaker-queue"))
        yield LineList(id="speaker-rows")

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        rows = self.query_one("#speaker-rows", LineList)
        wide = rows.size.width >= WIDE or rows.size.width == 0
        side = _side(frame, wide)
        if same_parts(self._side, side, 3):  # a capture, a silent second: nothing to draw
            return
        self._side = side
        lang, view = frame.lang, frame.view
        set_border_title(self, t("speakers.title", lang))
        speaker = frame.session.participant(view.speaker)
        now = self.query_one("#speaker-now", Label)
        level = "ok"
        if speaker is None or view.speaker_since is None:
            show(now, Content(t("speakers.nobody", lang)))
        else:
            turn = turn_time(view.speaker_since, view.now, frame.turn_limit)
            level = turn.level
            show(now, Content.styled(_now_line(frame, speaker.id, speaker.name, turn), "bold"))
        now.set_class(speaker is not None, "-speaking")
        now.set_class(level == "warning", "-turn-warning")
        now.set_class(level == "over", "-turn-over")
        self._show_queue(frame)
        built: dict[tuple, Content] = {}
        rows.show_rows(_rows(frame, wide, self._built, built, self._members))
        self._built = built  # the rows of this tick: next tick reuses those that look the same

    def _show_queue(self, frame: Frame) -> None:
        """The queue's line, "Next: 3 Chloe Martin · 5 Eva Novak", while anyone waits."""
        line = self.query_one("#speaker-queue", Label)
        waiting = frame.view.queue
        line.set_class(bool(waiting), "-waiting")
        if waiting:
            lang = frame.lang
            names = [f"{pid} {p.name}" for pid in waiting if (p := frame.session.participant(pid)) is not None]
            show(line, Content(t("speakers.next", lang, people=" · ".join(names))))

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        event.stop()
        if event.row_id and event.row_id.startswith("p-"):
            self.post_message(SpeakerChosen(int(event.row_id[2:])))


def _side(frame: Frame, wide: bool) -> tuple:
    """What the pane is drawn from: the rows' figures and the participants (the very same
    objects: the live figures keep the rows of a second in which nobody holds the floor),
    then who speaks, since when and the time if anyone does, the queue and the settings."""
    view = frame.view
    speaking = view.speaker is not None
    return (
        view.people,
        view.orgs,
        frame.session.participants,
        view.speaker,
        view.speaker_since,
        view.now if speaking else None,
        view.queue,
        frame.lang,
        frame.turn_limit,
        wide,
    )


def _now_line(frame: Frame, pid: int, name: str, turn: TurnTime) -> str:
    """Who speaks, this turn's time (or what is left of its limit) and their total."""
    lang = frame.lang
    row = next((r for r in frame.view.people if r.id == pid), None)
    total = clock(row.total if row is not None else turn.elapsed)
    if turn.limit is None or turn.remaining is None:
        if total == clock(turn.elapsed):  # their first turn: one figure, which fits at 80 columns
            return t("speakers.now_first", lang, name=name, turn=total)
        return t("speakers.now", lang, name=name, turn=clock(turn.elapsed), total=total)
    if turn.level == "over":
        return t("speakers.now_over", lang, name=name, over=clock(-turn.remaining), total=total)
    return t("speakers.now_left", lang, name=name, left=clock(turn.remaining), total=total)


def _cells(text: str, width: int) -> Content:
    """``text`` cut or padded to ``width`` terminal cells (CJK counts double)."""
    return Content(text).truncate(width, ellipsis=True, pad=True)


def _shown(total: timedelta, share: float, item_total: timedelta, item_share: float, wide: bool) -> tuple:
    """What a row's figures show: whole seconds, the percentage, the bars' eighths."""
    if not wide:
        return int(total.total_seconds()), round(share * 100), 0, 0, 0, False
    return (
        int(total.total_seconds()),
        round(share * 100),
        bar_eighths(share, BAR),
        int(item_total.total_seconds()),
        bar_eighths(item_share, BAR),
        True,
    )


@lru_cache(maxsize=2048)
def _figures_shown(
    seconds: int, share: int, eighths: int, item_seconds: int, item_eighths: int, wide: bool
) -> tuple[str, ...]:
    meeting = f" {clock(timedelta(seconds=seconds))} {share:3d}% "
    if not wide:  # narrow terminals keep the figures and the flags, not the bars
        return (meeting,)
    return meeting, bar_of(eighths, BAR), f"  {clock(timedelta(seconds=item_seconds))} ", bar_of(item_eighths, BAR)


def _styled(figures: tuple[str, ...], bar_style: str) -> list:
    return [(text, bar_style) if i % 2 else text for i, text in enumerate(figures)]


def _members(participants: list[Participant]) -> dict[str, list[Participant]]:
    """The participants by organisation, in their order."""
    members: dict[str, list[Participant]] = {}
    for person in participants:
        members.setdefault(person.organisation, []).append(person)
    return members


def _rows(
    frame: Frame,
    wide: bool,
    before: dict[tuple, Content],
    built: dict[tuple, Content],
    members: Callable[[list[Participant]], dict[str, list[Participant]]] = _members,
) -> list[tuple[str | None, Content]]:
    """Every row; one whose text is the same as a row of the last tick (``before``) is
    reused rather than built again. Each row built or reused is added to ``built``.

    A row is keyed by what it shows (see :func:`_shown`), so only the rows whose text
    changed are built; ``members`` may keep the grouping while the list is the same."""
    lang, view = frame.lang, frame.view
    key: tuple = ("scope", lang, wide)
    content: Content | None = before.get(key)
    if content is None:
        content = _heading(lang, wide)
    built[key] = content
    rows: list[tuple[str | None, Content]] = [("scope", content)]
    people = {row.id: row for row in view.people}
    grouped = members(frame.session.participants)
    for org in view.orgs:
        name = org.organisation or t("speakers.no_org", lang)  # the facilitator, the note-taker...
        member_rows: list[tuple[str | None, Content]] = []
        seconds = item_seconds = 0
        for person in grouped.get(org.organisation, ()):
            speaker = people.get(person.id)
            if speaker is None:
                continue
            shown = _shown(speaker.total, speaker.share, speaker.item_total, speaker.item_share, wide)
            seconds, item_seconds = seconds + shown[0], item_seconds + shown[3]
            key = (
                "person",
                person.id,
                speaker.name,
                speaker.speaking,
                speaker.attendance,
                speaker.flag,
                person.duty,
                lang,
                shown,
            )
            content = before.get(key)
            if content is None:
                content = _person(speaker, person.id, lang, _figures_shown(*shown), person.duty)
            built[key] = content
            member_rows.append((f"p-{person.id}", content))
        # The organisation's times are its rows' as shown, added up: each row's time is cut
        # to whole seconds, and the organisation's cut once would run ahead of its rows.
        whole = _shown(org.total, org.share, org.item_total, org.item_share, wide)
        key = ("org", name, (seconds, whole[1], whole[2], item_seconds, whole[4], whole[5]))
        content = before.get(key)
        if content is None:
            content = _org(name, _figures_shown(*key[2]))
        built[key] = content
        rows.append((f"org-{org.organisation}", content))
        rows.extend(member_rows)
    return rows


def _heading(lang: str, wide: bool) -> Content:
    heading: list[str | Content] = [
        _cells("", LEAD + NAME_CELLS),
        " ",
        _cells(t("speakers.scope_meeting", lang), 13 + BAR),
    ]
    if wide:
        heading.append(_cells(t("speakers.scope_item", lang), 8 + BAR))
    return Content.assemble(*heading).stylize("italic")


def _org(name: str, figures: tuple[str, ...]) -> Content:
    return Content.assemble(_cells(name, LEAD + NAME_CELLS), *_styled(figures, "$bar-org")).stylize("bold")


def _person(row, number: int, lang: str, figures: tuple[str, ...], duty: Duty = Duty.NONE) -> Content:
    mark = "▶" if row.speaking else " "
    parts: list = [f"{number:>2}{mark}", _cells(row.name, NAME_CELLS), *_styled(figures, "$bar-person")]
    if row.attendance is not Attendance.PRESENT:
        parts.append((f" {t('attendance.' + row.attendance.value, lang)}", "italic"))
    # The meeting's flag at every width: the current item's figures are in their column,
    # and someone not yet heard on this item is not "quiet" for the meeting.
    flag = row.flag
    if flag:
        parts.append((f" {t('flag.' + flag, lang)}", f"bold $flag-{flag}"))
    # Who runs the meeting, last and dim (the short word when narrow: the figures alone
    # are one column then); where the row is still too narrow, it is what is cut.
    if duty is not Duty.NONE:
        word = "speakers.duty." if len(figures) > 1 else "speakers.duty_short."
        parts.append((f" {t(word + duty.value, lang)}", "dim"))
    style = "bold" if row.speaking else ("dim" if row.attendance is Attendance.ABSENT else "")
    content = Content.assemble(*parts)
    return content.stylize(style) if style else content

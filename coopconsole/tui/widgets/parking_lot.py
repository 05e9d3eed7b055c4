"""The parking lot: points raised off the agenda, and what became of them."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import var

from coopconsole.domain.model import ParkedItem, Resolution, Session
from coopconsole.texts import t
from coopconsole.tui.frame import Frame
from coopconsole.tui.messages import ParkedChosen
from coopconsole.tui.paint import set_border_title
from coopconsole.tui.widgets.line_list import LineList


class ParkingLotPane(LineList):
    """Every parked point with who raised it and on which item; Enter resolves it."""

    frame: var[Frame | None] = var(None, always_update=True)
    """The meeting as of the last tick (bound to the screen's frame)."""

    _shown: tuple | None = None

    def watch_frame(self, frame: Frame | None) -> None:
        if frame is None:
            return
        # Redraw only when the points (a new list whenever one changes), the agenda or the
        # language changed: not every second, not for a speaker change.
        shown = (frame.session.parked, frame.session.agenda, frame.lang)
        if (
            self._shown is not None
            and all(a is b for a, b in zip(shown[:2], self._shown[:2], strict=False))
            and shown[2] == self._shown[2]
        ):
            return
        self._shown = shown
        set_border_title(self, t("parking.title", frame.lang))
        points = frame.session.parked
        if not points:
            self.show_rows([(None, Content(t("parking.empty", frame.lang)))])
            return
        open_first = sorted(points, key=lambda p: p.resolution is not Resolution.OPEN)
        self.show_rows([(f"parked-{p.id}", _row(p, frame.session, frame.lang)) for p in open_first])

    def on_line_list_selected(self, event: LineList.Selected) -> None:
        event.stop()
        if event.row_id:
            self.post_message(ParkedChosen(int(event.row_id.removeprefix("parked-"))))

    def selected_id(self) -> int | None:
        option = self.highlighted_option
        return int(option.id.removeprefix("parked-")) if option and option.id else None


def resolution_text(point: ParkedItem, session: Session, lang: str) -> str:
    if point.resolution is Resolution.SCHEDULED:
        item = session.item(point.target)
        return t("resolution.scheduled", lang, item=item.title if item else point.target)
    if point.resolution is Resolution.ACTION:
        return t("resolution.action", lang, id=point.target)
    return t(f"resolution.{point.resolution.value}", lang)


def _row(point: ParkedItem, session: Session, lang: str) -> Content:
    details = []
    if point.raised_by:
        details.append(t("parking.raised_by", lang, name=point.raised_by))
    item = session.item(point.item)
    if item is not None:
        details.append(t("parking.on_item", lang, item=item.title))
    is_open = point.resolution is Resolution.OPEN
    # What became of the point comes before its text, so a narrow pane never cuts it off.
    status = "" if is_open else f"[{resolution_text(point, session, lang)}] "
    content = Content.assemble(
        (f"#{point.id} ", "bold"),
        (status, "bold"),
        point.text,
        (f"  {' · '.join(details)}" if details else "", "italic"),
    )
    return content if is_open else content.stylize("dim")

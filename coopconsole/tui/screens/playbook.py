"""The facilitator's playbook in the console: the health panel, the goals, re-planning,
attendance and the cooling-down break.

Each dialog shows what the service will do and sends one intent through the meeting
screen (``meeting.do``); nothing here changes a session itself. Texts are in
:mod:`coopconsole.texts` (the console's) and :mod:`coopconsole.texts.health` (the checks').
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from coopconsole.domain.health import health, settled_findings, timed_findings
from coopconsole.domain.model import Attendance, GoalTier, Session
from coopconsole.domain.replan import ReplanOption
from coopconsole.domain.rounding import whole_minutes
from coopconsole.texts import t
from coopconsole.texts.health import entries
from coopconsole.tui.format import hhmm
from coopconsole.tui.frame import Frame
from coopconsole.tui.line_breaks import hanging, wrap_cells
from coopconsole.tui.screens.dialogs import ConsoleDialog

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen

COOL_MINUTES = (5, 10, 15, 20)
_TIER_WORDS = {
    GoalTier.PRIMARY: ("primary", "初级"),
    GoalTier.INTERMEDIATE: ("intermediate", "中级"),
    GoalTier.ADVANCED: ("advanced", "高级"),
}


def findings(frame: Frame) -> list[dict[str, str]]:
    """The health checks as of the frame, in its language."""
    return entries(_failing(frame), frame.lang, frame.view.now.tzinfo)


def _failing(frame: Frame) -> list:
    """The checks that fail as of the frame (their messages not yet written)."""
    view = frame.view
    if view.stats is None:
        return []
    return health(frame.session, view.agenda, view.stats, view.item_stats, view.now)


def health_summary(frame: Frame, kept: SettledChecks | None = None) -> str:
    """The header's part: goals achieved, and how many checks fail ("" if none).
    ``kept``: the checks that only records and events move, kept between seconds."""
    lang, parts = frame.lang, []
    goals = frame.session.goals
    if goals:
        parts.append(t("header.goals", lang, done=sum(1 for g in goals if g.achieved), total=len(goals)))
    # Only counted: the header writes no message out.
    failing = len(_failing(frame)) if kept is None else kept.count(frame)
    if failing:
        parts.append(t("header.health", lang, count=failing))
    return "  ·  ".join(parts)


class SettledChecks:
    """How many checks fail as of a frame, for the header once a second: the checks
    that only the records, the events in effect and the day move (``settled_findings``)
    are run again only when one of those changed; those the clock moves, every time."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._settled = 0

    def count(self, frame: Frame) -> int:
        """``len(health(...))`` as of ``frame`` (0 before the figures exist)."""
        view = frame.view
        if view.stats is None:
            return 0
        session, state, now = frame.session, view.agenda, view.now
        # The lists themselves, not their ids: a session's lists are replaced whenever a
        # record changes, and the ones kept here cannot be freed and their ids reused.
        key = (
            frame.epoch,
            now.date(),
            session.goals,
            session.participants,
            session.parked,
            session.actions,
            session.decisions,
            tuple(session.agenda),
        )
        if frame.epoch is None or self._key is None or not _same_key(key, self._key):
            self._settled = len(settled_findings(session, state, now.date()))
            self._key = key
        return self._settled + len(timed_findings(session, state, view.stats, view.item_stats, now))


def _same_key(new: tuple, old: tuple) -> bool:
    """The epoch, the day and the agenda equal, and the very same lists."""
    return (
        new[0] == old[0]
        and new[1] == old[1]
        and new[7] == old[7]
        and all(a is b for a, b in zip(new[2:7], old[2:7], strict=True))
    )


#: The fix lines' indent (their padding), in cells.
FIX_INDENT = 2


class HealthDialog(ConsoleDialog[None]):
    """Every failing check with what to do about it; it stays current while open."""

    BINDINGS = [Binding("escape,h", "dismiss(None)", id="dialog.close", system=True)]
    DEFAULT_CSS = """
    HealthDialog #health-body { height: auto; max-height: 24; }
    HealthDialog #health-body Label { width: 100%; }
    HealthDialog .health-critical { color: $error; text-style: bold; }
    HealthDialog .health-warning { color: $warning; text-style: bold; }
    HealthDialog .health-info { color: $text-muted; text-style: bold; }
    HealthDialog .health-fix { padding-left: 2; margin-bottom: 1; }  /* FIX_INDENT */
    """

    def __init__(self, meeting: MeetingScreen) -> None:
        super().__init__()
        self.meeting = meeting
        self.lang = meeting.lang
        self.shown: list[dict[str, str]] | None = None
        self._width = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(t("health.title", self.lang)), classes="dialog-title")
            yield VerticalScroll(id="health-body")
            yield Label(Content(t("health.close", self.lang)), classes="dialog-hint")

    def on_mount(self) -> None:
        self.update_findings()
        self.set_interval(1, self.update_findings)

    def on_resize(self, _: events.Resize) -> None:
        self.call_after_refresh(self.update_findings)

    def update_findings(self) -> None:
        frame = self.meeting.frame
        current = [] if frame is None else findings(frame)
        body = self.query_one("#health-body", VerticalScroll)
        width = body.scrollable_content_region.width or 60
        if (current, width) == (self.shown, self._width):
            return
        self.shown, self._width = current, width
        body.remove_children()
        if not current:
            body.mount(Label(Content(t("health.none", self.lang))))
            return
        widgets = []
        for entry in current:
            # The check's code is for scripts (``coopconsole health``, ``show --json``): the
            # dialog says what is wrong in the reader's language, and nothing else. Lines
            # are broken as Chinese is set (see ``line_breaks``), not only at spaces.
            label = f"{t('health.severity.' + entry['severity'], self.lang)} · {entry['message']}"
            wrapped = "\n".join(wrap_cells(label, width))
            widgets.append(Label(Content(wrapped), classes=f"health-{entry['severity']}"))
            widgets.append(Label(Content(hanging("→ ", entry["fix"], width - FIX_INDENT)), classes="health-fix"))
        body.mount_all(widgets)


def goal_label(goal: Any, lang: str) -> str:
    mark = {True: "✓", False: "✗", None: "·"}[goal.achieved]
    judged = t({True: "goal.achieved", False: "goal.missed", None: "goal.open"}[goal.achieved], lang)
    return f"{mark} {t('tier.' + goal.tier.value, lang)} · {goal.text} ({judged})"


def parse_goal(text: str) -> tuple[GoalTier, str]:
    """``"intermediate: draft MOU"`` / ``"中级:MOU初稿"`` -> tier and text (default primary)."""
    head, sep, rest = text.replace(":", ":").partition(":")
    for tier, words in _TIER_WORDS.items():
        if sep and head.strip().lower() in (*words, words[1] + "目标"):
            return tier, rest.strip()
    return GoalTier.PRIMARY, text.strip()


class GoalsDialog(ConsoleDialog[None]):
    """The goals by tier: Enter judges the highlighted one (achieved, not, not yet);
    the line below adds one."""

    BINDINGS = [Binding("escape", "dismiss(None)", id="dialog.close", system=True)]
    DEFAULT_CSS = """
    GoalsDialog OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, meeting: MeetingScreen) -> None:
        super().__init__()
        self.meeting = meeting
        self.lang = meeting.lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(t("goals.title", self.lang)), classes="dialog-title")
            yield OptionList(*self._options(self.meeting.service.glance()), id="goal-list", markup=False)
            yield Input(placeholder=t("goals.add", self.lang), id="goal-new")
            yield Label(Content(t("goals.hint", self.lang)), classes="dialog-hint")

    def _options(self, session: Session) -> list[Option]:
        if not session.goals:
            return [Option(Content(t("goals.none", self.lang)), id="none", disabled=True)]
        return [Option(Content(goal_label(g, self.lang)), id=f"g-{g.id}") for g in session.goals]

    def refresh_goals(self, _: Any = None) -> None:
        goals = self.query_one("#goal-list", OptionList)
        highlighted = goals.highlighted
        goals.clear_options()
        goals.add_options(self._options(self.meeting.service.glance()))
        if highlighted is not None and highlighted < goals.option_count:
            goals.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option_id or ""
        if not option_id.startswith("g-"):
            return
        goal_id = int(option_id[2:])
        goal = next(g for g in self.meeting.service.glance().goals if g.id == goal_id)
        following = {None: True, True: False, False: None}[goal.achieved]
        service = self.meeting.service
        self.meeting.do(lambda: service.playbook.judge_goal(goal_id, following), self.refresh_goals)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        tier, text = parse_goal(event.value)
        if not text:
            return
        service = self.meeting.service

        def added(_: Any) -> None:
            event.input.value = ""
            self.refresh_goals()

        self.meeting.do(lambda: service.playbook.add_goal(tier, text), added)


def replan_choices(options: list[ReplanOption], session: Session, frame: Frame) -> list[tuple[str, ReplanOption]]:
    """Each option in words, with the end it leads to."""
    lang, tz = frame.lang, frame.view.now.tzinfo
    out = []
    for option in options:
        item = session.item(option.item)
        title = f"{item.id}. {item.title}" if item else ""
        what = t(f"replan.{option.kind}", lang, item=title, minutes=whole_minutes(option.saves))
        end = t("replan.ends", lang, projected=hhmm(option.projected_end, tz), planned=hhmm(option.planned_end, tz))
        out.append((f"{what} → {end}", option))
    return out


#: Late arrivals and early leavers can be marked some minutes after the fact.
AGO_MINUTES = (10, 20, 30)


def attendance_choices(lang: str) -> list[tuple[str, tuple[Attendance, int]]]:
    """(label, (attendance, minutes ago)): present, absent, late or left now, or some time ago."""
    out = [(t(f"attendance.{state.value}", lang), (state, 0)) for state in Attendance]
    for state in (Attendance.LATE, Attendance.LEFT):
        out += [(t(f"attendance.{state.value}_ago", lang, minutes=m), (state, m)) for m in AGO_MINUTES]
    return out


def position_choices(lang: str) -> list[tuple[str, Any]]:
    from coopconsole.domain.model import Stance

    return [(t(f"stance.{s.value}", lang), s) for s in Stance] + [(t("stance.skip", lang), None)]


def cool_choices(lang: str) -> list[tuple[str, int]]:
    return [(t("cool.minutes", lang, minutes=m), m) for m in COOL_MINUTES]

"""The meeting screen's keys, the help's list of them, and its palette commands.

Every key is a :class:`~textual.binding.Binding` with a stable id (``meeting.clock``,
``meeting.capture-action``, ``meeting.speaker-3``, ``meeting.queue``...), a description and a tooltip in the
console's language. Users remap keys by id in their settings (``"keys"``: see
:mod:`coopconsole.settings`), which the app hands to Textual's keymap; the footer, the
help and the capture keys all follow the keys as remapped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from coopconsole.domain.model import Attendance
from coopconsole.texts import t
from coopconsole.tui.commands import Command, bind
from coopconsole.tui.messages import ParkedChosen
from coopconsole.tui.widgets.parking_lot import ParkingLotPane

if TYPE_CHECKING:
    from coopconsole.tui.screens.meeting import MeetingScreen

#: Actions a typed letter triggers; never while the capture bar has the focus.
KEY_ACTIONS = frozenset(
    {
        "clock",
        "next",
        "prev",
        "extend",
        "speaker",
        "pick_speaker",
        "queue",
        "floor_next",
        "capture",
        "edit",
        "help",
        "minutes",
        "health",
        "goals",
        "replan",
        "undo",
        "attendance",
        "cool",
        "positions",
        "move_action",
        "remark",
        "take_back",
        "take_back_last",
        "merge",
        "agenda_jump",
        "agenda_add",
        "agenda_rename",
        "agenda_move",
        "agenda_remove",
        "walk_in",
    }
)

#: The keys that change the agenda live, and the walk-in's: (id, keys, action, words).
AGENDA_EDIT_KEYS = (
    ("agenda-jump", "G,shift+g", "agenda_jump", "agenda_jump"),
    ("agenda-add", "i", "agenda_add", "agenda_add"),
    ("agenda-rename", "R,shift+r", "agenda_rename", "agenda_rename"),
    ("agenda-up", "K,shift+k", "agenda_move(-1)", "agenda_up"),
    ("agenda-down", "J,shift+j", "agenda_move(1)", "agenda_down"),
    ("agenda-remove", "X,shift+x", "agenda_remove", "agenda_remove"),
    ("walk-in", "w", "walk_in", "walk_in"),
)

#: The keys the footer shows first while the previous meeting's actions are reviewed.
REVIEW_KEYS = ("meeting.clock", "meeting.next", "meeting.state-next", "meeting.state-back", "meeting.remark")


def meeting_bindings(lang: str) -> list[Binding]:
    """Every key of the meeting screen, described in ``lang``."""

    def b(name: str, keys: str, action: str, key: str, tip: str, **kw: Any) -> Binding:
        # The keys a typed letter triggers come before any widget sees the key (priority):
        # the app runs each in its own turn, in the order typed. A key left to bubble up
        # from the focused pane would run after the keys typed behind it (the capture
        # key's bar, opened at once, took the letters typed after ``i``, or ``n``, and ran
        # before it). While the capture bar is open they are off (``check_action``), so
        # the letters are text; control keys (ctrl+e, ctrl+q) stay the field's first.
        kw.setdefault("priority", action.split("(")[0] in KEY_ACTIONS)
        return Binding(keys, action, t(key, lang), id=f"meeting.{name}", tooltip=t(tip, lang), **kw)

    return [
        # The footer shows them in this order and cuts what does not fit: at 80 columns the
        # clock, the next item, the four captures and the help come first.
        b("clock", "space", "clock", "key.clock", "cmd.clock"),
        b("next", "n", "next", "key.next", "cmd.next"),
        # The capture keys open the bar and give it the focus in the app's own turn, so
        # the keys typed right behind are the bar's, in order (see CaptureFlow.open).
        b("capture-action", "a", "capture('action')", "key.action", "cmd.action"),
        b("capture-note", "o", "capture('note')", "key.note", "cmd.note"),
        b("capture-decision", "d", "capture('decision')", "key.decision", "cmd.decision"),
        b("capture-park", "l", "capture('park')", "key.park", "cmd.park"),
        b("help", "question_mark,f1", "help", "key.help", "cmd.help", key_display="?"),
        b("previous", "N,shift+n", "prev", "key.prev", "cmd.prev", key_display="N"),
        b("extend", "plus", "extend(5)", "key.extend", "cmd.extend", key_display="+"),
        b("shorten", "minus", "extend(-5)", "key.shorten", "cmd.shorten", key_display="-"),
        b("speaker-1", "1", "speaker(1)", "key.speaker", "key.speaker", key_display="1-9"),
        *(b(f"speaker-{i}", str(i), f"speaker({i})", "key.speaker", "key.speaker", show=False) for i in range(2, 10)),
        b("nobody", "0", "speaker(0)", "key.nobody", "cmd.nobody", show=False),
        b("pick-speaker", "p", "pick_speaker", "key.pick_speaker", "key.pick_speaker", show=False),
        # The speaker queue: q, then a number (or a row), adds or takes out; f, the floor to the next.
        b("queue", "q", "queue", "key.queue", "cmd.queue", show=False),
        b("floor-next", "f", "floor_next", "key.floor_next", "cmd.floor_next", show=False),
        b("edit", "e", "edit", "key.edit", "key.edit"),
        # The board's moves: shown first in the footer while the previous actions are reviewed.
        b("state-next", "right_square_bracket", "move_action(1)", "key.state_next", "cmd.state_next", key_display="]"),
        b("state-back", "left_square_bracket", "move_action(-1)", "key.state_back", "cmd.state_back", key_display="["),
        b("remark", "k", "remark", "key.remark", "cmd.remark"),
        b("take-back", "x", "take_back", "key.take_back", "cmd.take_back", show=False),
        b("take-back-last", "ctrl+z", "take_back_last", "key.take_back_last", "cmd.take_back_last", show=False),
        b("merge", "j", "merge", "key.merge", "cmd.merge", show=False),
        b("minutes", "m", "minutes", "key.minutes", "cmd.minutes", show=False),
        b("replan", "r", "replan", "key.replan", "cmd.replan", show=False),
        b("undo", "u", "undo", "key.undo", "cmd.undo", show=False),
        b("health", "h", "health", "key.health", "cmd.health", show=False),
        b("goals", "g", "goals", "key.goals", "cmd.goals", show=False),
        b("attendance", "t", "attendance", "key.attendance", "cmd.attendance_pick", show=False),
        b("cool", "c", "cool", "key.cool", "cmd.cool", show=False),
        b("positions", "v", "positions", "key.positions", "cmd.positions", show=False),
        # Changing the agenda live and a walk-in: capitals for the changes that rearrange
        # the agenda (K and J move up and down, as k and j do in many a list).
        *(
            b(name, keys, action, f"key.{words}", f"key.{words}.tip", show=False, key_display=keys.split(",")[0])
            for name, keys, action, words in AGENDA_EDIT_KEYS
        ),
        b("end", "ctrl+e", "end", "key.end", "cmd.end", show=False),
        b("quit", "ctrl+q", "app.quit", "key.quit", "key.quit", show=False),
    ]


#: How the help writes the keys the meeting ships with (any other key as Textual names it).
_KEY_NAMES = {
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "shift+n": "N",
    "shift+g": "G",
    "shift+r": "R",
    "shift+k": "K",
    "shift+j": "J",
    "shift+x": "X",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
}


def help_lines(screen: MeetingScreen, keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """Each key of ``screen`` as the help lists it: (binding id, keys, description), in
    the footer's order, with the keys the user's ``keymap`` gave them. The speakers' keys
    are one line, ``1-9``, while they are the digits they ship as; so are the two moves of
    an action on the board, ``] [``, the two ways to take a capture back, ``x ^z``, and the
    two moves of an agenda item, ``K J``."""
    lines = []
    remapped_speakers = any(f"meeting.speaker-{i}" in keymap for i in range(1, 10))
    remapped_moves = "meeting.state-next" in keymap or "meeting.state-back" in keymap
    remapped_take_back = "meeting.take-back" in keymap or "meeting.take-back-last" in keymap
    remapped_order = "meeting.agenda-up" in keymap or "meeting.agenda-down" in keymap
    for binding in screen.BINDINGS:
        if not isinstance(binding, Binding) or binding.id is None:
            continue
        if binding.id in keymap:
            keys = [key.strip() for key in keymap[binding.id].split(",") if key.strip()]
        else:
            keys = [_KEY_NAMES.get(key.strip(), key.strip()) for key in binding.key.split(",")]
        if not remapped_speakers and binding.id.startswith("meeting.speaker-"):
            if binding.id == "meeting.speaker-1":
                lines.append((binding.id, "1-9", binding.description))
            continue
        if not remapped_moves and binding.id.startswith("meeting.state-"):  # one line: "] ["
            if binding.id == "meeting.state-next":
                lines.append((binding.id, "] [", binding.description))
            continue
        if not remapped_take_back and binding.id.startswith("meeting.take-back"):  # one line: "x ^z"
            if binding.id == "meeting.take-back":
                lines.append((binding.id, "x ^z", binding.description))
            continue
        if not remapped_order and binding.id in ("meeting.agenda-up", "meeting.agenda-down"):  # one line: "K J"
            if binding.id == "meeting.agenda-up":
                lines.append((binding.id, "K J", binding.description))
            continue
        lines.append((binding.id, " ".join(dict.fromkeys(keys)), binding.description))
    return lines


def palette_commands(screen: MeetingScreen) -> list[Command]:
    """Every intent of the meeting screen by name ("agenda: next item", ...)."""
    lang, session = screen.lang, screen.service.glance()
    commands: list[Command] = [
        (t("cmd.clock", lang), screen.action_clock),
        (t("cmd.next", lang), screen.action_next),
        (t("cmd.prev", lang), screen.action_prev),
        (t("cmd.extend", lang), bind(screen.action_extend, 5)),
        (t("cmd.shorten", lang), bind(screen.action_extend, -5)),
        (t("cmd.nobody", lang), bind(screen.action_speaker, 0)),
    ]
    for p in session.participants:
        # Not a toggle: "give the floor to X" leaves X speaking, whoever had it.
        commands.append((t("cmd.speaker", lang, name=p.name), bind(screen.give_floor, p.id)))
        for state in Attendance:
            label = t(f"attendance.{state.value}", lang)
            name = t("cmd.attendance", lang, name=p.name, state=label)
            commands.append((name, bind(screen.set_attendance, p.id, state)))
    for kind in ("action", "note", "decision", "park"):
        commands.append((t(f"cmd.{kind}", lang), bind(screen.action_capture, kind)))
    selected = screen.query_one(ParkingLotPane).selected_id()
    if selected is not None:
        commands.append((t("cmd.resolve", lang), bind(screen.post_message, ParkedChosen(selected))))
    commands.append((t("cmd.edit", lang), screen.action_edit))
    commands.append((t("cmd.state_next", lang), bind(screen.action_move_action, 1)))
    commands.append((t("cmd.state_back", lang), bind(screen.action_move_action, -1)))
    commands.append((t("cmd.remark", lang), screen.action_remark))
    commands.append((t("cmd.take_back", lang), screen.action_take_back))
    commands.append((t("cmd.take_back_last", lang), screen.action_take_back_last))
    commands.append((t("cmd.give_back", lang), screen.taking_back.give_back))
    commands.append((t("cmd.merge", lang), screen.action_merge))
    commands.append((t("cmd.pick", lang), screen.action_pick_speaker))
    commands += screen.queue.commands()
    commands.append((t("cmd.end", lang), screen.action_end))
    commands += screen.playbook.commands()
    commands += screen.agenda_edits.commands()
    commands.append((t("cmd.minutes", lang), screen.action_minutes))
    commands.append((t("cmd.minutes_write", lang), bind(_write_minutes, screen)))
    commands.append((t("cmd.minutes_confirm", lang), bind(_confirmations, screen)))
    from coopconsole.tui.board_app import open_board  # with the palette, not as the console starts

    commands.append((t("kanban.cmd.open", lang), bind(open_board, screen.app, lang)))
    from coopconsole.tui.screens.projector import open_over  # with the palette, not as the console starts

    commands.append((t("projector.cmd", lang), bind(open_over, screen, screen.app)))
    commands.append((t("cmd.help", lang), screen.action_help))
    return commands


def _write_minutes(screen: MeetingScreen) -> None:
    """Write the minutes next to the session file, in the console's language (a draft
    before the meeting has ended: see :func:`coopconsole.tui.screens.minutes.write_minutes`)."""
    from coopconsole.tui.screens.minutes import write_minutes  # the Markdown widget: only when asked for

    write_minutes(screen, screen.lang)


def _confirmations(screen: MeetingScreen) -> None:
    """The attendees' confirmations of the minutes sent."""
    from coopconsole.tui.screens.minutes import ConfirmationsDialog  # only when asked for

    screen.app.push_screen(ConfirmationsDialog(screen, screen.lang))

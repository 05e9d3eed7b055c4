"""Text typed to break the minutes: the hostile strings, a strategy over them and
arbitrary text, and a session whose every text field holds one of them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st

from coopconsole.domain.model import (
    ActionItem,
    AgendaItem,
    Decision,
    Event,
    EventKind,
    Goal,
    GoalTier,
    Note,
    ParkedItem,
    Participant,
    Session,
    Stance,
)
from tests.support.sessions import TZ

NOW = datetime(2026, 12, 8, 15, 0, tzinfo=TZ)

NASTY = [
    "a | b",
    "| leading pipe",
    "trailing pipe |",
    "\\|",
    "\\",
    "ends with backslash\\",
    "line\nbreak",
    "# heading",
    "## two",
    "- list",
    "+ plus",
    "* star",
    "1. ordered",
    "2) paren",
    "> quote",
    "```fence",
    "~~~tilde",
    "    indented code",
    "\tindent",
    "<script>alert(1)</script>",
    "<div>",
    "<!-- c -->",
    "`code`",
    "``",
    "[link](x)",
    "![img](y)",
    "[ref]: /url",
    "<http://x.y>",
    "http://example.com",
    "www.example.com",
    "a@b.com",
    "*em* _em_ **strong**",
    "~~strike~~",
    "&amp; &copy; &#35;",
    "---",
    "===",
    "***",
    "___",
    "-",
    "|",
    "||",
    "| --- |",
    ":---:",
    "智算科技 × 宏远集团",
    "🎉 emoji 👩‍💻",
    "closing #",
    "a ##",
    "x" * 300,
    "ＡＢＣ全角｜竖线",
    "\u2028sep\u2029",
    "\x1b[31mred\x1b[0m",
    "\u202eevil",
    "{title}",
    "%s",
]

texts = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from(list("|\\`*_[]()<>#&!~-+=.:1 \n")), max_size=30),
)


def hostile_session(t: list[str]) -> Session:
    start = datetime(2026, 12, 8, 9, 0, tzinfo=TZ)
    people = [Participant(1, t[1] or "P1", t[2], t[3]), Participant(2, t[4] or "P2", t[5]), Participant(3, "Ann", t[2])]
    agenda = [AgendaItem(1, t[6], time(9, 0), 30, t[7]), AgendaItem(2, t[8], time(9, 30), 30)]
    events = [
        Event(1, start, EventKind.START),
        Event(2, start, EventKind.SPEAKER, participant=1),
        Event(3, start + timedelta(minutes=20), EventKind.SPEAKER, participant=2),
        Event(4, start + timedelta(minutes=31), EventKind.NEXT),
        Event(5, start + timedelta(minutes=50), EventKind.END),
    ]
    return Session(
        name="s",
        title=t[0],
        date=date(2026, 12, 8),
        start=time(9, 0),
        location=t[9],
        facilitator=t[10],
        note_taker=t[11],
        next_meeting=t[12],
        goals=[Goal(1, GoalTier.PRIMARY, t[13], True)],
        participants=people,
        agenda=agenda,
        events=events,
        actions=[
            ActionItem(1, t[14], owner=t[1], owner_id=1, organisation=t[2], deadline=date(2026, 12, 20), item=1),
            ActionItem(2, t[15], owner=t[16], item=None),
        ],
        decisions=[Decision(1, t[17], item=2, agreement=((t[2], Stance.AGREE), (t[5], Stance.OBJECT)))],
        notes=[Note(1, t[18], item=1), Note(2, t[19], item=None)],
        parked=[ParkedItem(1, t[20], raised_by=t[4], item=1)],
    )

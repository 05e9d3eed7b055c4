"""The English side of the catalogue (:mod:`coopconsole.texts`).

Keys are grouped by where the text is shown (``agenda.``, ``speakers.``, ``help.``,
``error.``, ``health.``, ``minutes.`` for the minutes and exports...). ``{name}`` fields are
filled in by :func:`coopconsole.texts.t`; :mod:`coopconsole.texts.zh` has the same keys with
the same fields (a test checks both).
"""

from __future__ import annotations

from coopconsole.texts.en.agenda_edit import AGENDA_EDIT
from coopconsole.texts.en.agenda_import import AGENDA_IMPORT
from coopconsole.texts.en.alerts import ALERTS
from coopconsole.texts.en.board import BOARD
from coopconsole.texts.en.capture_flow import CAPTURE_FLOW
from coopconsole.texts.en.cli_output import CLI_OUTPUT
from coopconsole.texts.en.closing_list import CLOSING_LIST
from coopconsole.texts.en.console import CONSOLE
from coopconsole.texts.en.minutes_sending import MINUTES_SENDING
from coopconsole.texts.en.people import PEOPLE
from coopconsole.texts.en.plan_review import PLAN_REVIEW
from coopconsole.texts.en.projector import PROJECTOR
from coopconsole.texts.en.reports import REPORTS
from coopconsole.texts.en.speaker_queue import SPEAKER_QUEUE
from coopconsole.texts.en.take_back import TAKE_BACK

#: Every text of the console, the minutes and the exports in English, by key: the
#: console's words (``console.py``), the board's (``board.py``) and its reports' (``reports.py``).
TEXTS: dict[str, str] = {**CONSOLE, **BOARD, **REPORTS, **CAPTURE_FLOW, **CLI_OUTPUT, **PEOPLE, **MINUTES_SENDING}
TEXTS.update(ALERTS)  # the time-box alert's words
TEXTS.update(CLOSING_LIST)  # the closing checklist's words
TEXTS.update(TAKE_BACK)  # taking back a capture, merging duplicate actions
TEXTS.update(SPEAKER_QUEUE)  # the speaker queue's and the turn limit's words
TEXTS.update(AGENDA_EDIT)  # changing the agenda live, a walk-in
TEXTS.update(PROJECTOR)  # the projector, the read-only view for a second display
TEXTS.update(PLAN_REVIEW)  # the plan review before the meeting
TEXTS.update(AGENDA_IMPORT)  # the agenda importer's problems

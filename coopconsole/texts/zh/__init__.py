"""The Chinese side of the catalogue (:mod:`coopconsole.texts`): the same keys as
:mod:`coopconsole.texts.en`, in the words a facilitator uses in the room: 议程 (agenda),
发言 (speaking), 停车场 (parking lot), 行动项 (actions), 决议 (decisions), 纪要 (minutes).
"""

from __future__ import annotations

from coopconsole.texts.zh.agenda_edit import AGENDA_EDIT
from coopconsole.texts.zh.agenda_import import AGENDA_IMPORT
from coopconsole.texts.zh.alerts import ALERTS
from coopconsole.texts.zh.board import BOARD
from coopconsole.texts.zh.capture_flow import CAPTURE_FLOW
from coopconsole.texts.zh.cli_output import CLI_OUTPUT
from coopconsole.texts.zh.closing_list import CLOSING_LIST
from coopconsole.texts.zh.console import CONSOLE
from coopconsole.texts.zh.minutes_sending import MINUTES_SENDING
from coopconsole.texts.zh.people import PEOPLE
from coopconsole.texts.zh.plan_review import PLAN_REVIEW
from coopconsole.texts.zh.projector import PROJECTOR
from coopconsole.texts.zh.reports import REPORTS
from coopconsole.texts.zh.speaker_queue import SPEAKER_QUEUE
from coopconsole.texts.zh.take_back import TAKE_BACK

#: Every text of the console, the minutes and the exports in Chinese, by key: the
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

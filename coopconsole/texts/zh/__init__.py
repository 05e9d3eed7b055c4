"""The Chinese side of the catalogue (:mod:`coopconsole.texts`): the same keys as
:mod:`coopconsole.texts.en`, in the words a facilitator uses in the room: 议程 (agenda),
发言 (speaking), 停车场 (parking lot), 行动项 (actions), 决议 (decisions), 纪要 (minutes).
"""

from __future__ import annotations

from coopconsole.texts.zh.board import BOARD
from coopconsole.texts.zh.console import CONSOLE
from coopconsole.texts.zh.reports import REPORTS

#: Every text of the console, the minutes and the exports in Chinese, by key: the
#: console's words (``console.py``), the board's (``board.py``) and its reports' (``reports.py``).
TEXTS: dict[str, str] = {**CONSOLE, **BOARD, **REPORTS}

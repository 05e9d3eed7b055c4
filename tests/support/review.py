"""A session made from an agenda as ``coopconsole new`` makes one to open it: its plan
awaiting review (``Session.review``)."""

from __future__ import annotations

from coopconsole.agenda import import_agenda
from coopconsole.domain.model import Session
from coopconsole.store import SessionStore

#: An agenda with a line the importer does not use (19) and an item without a box (17).
BUDGET = """# Budget sync

- Date: 2026-12-08 09:00
- Facilitator: Dana Okafor

## Participants

- Alice Chen, Company A, CTO
- Bruno Silva, Company A, Head of Marketing

## Agenda

1. 09:00 Opening (10 min) — Dana Okafor
2. 09:10 Budget 2027 (30 min) — Alice Chen
3. 09:40 Tea break (15 min)
4. 09:55 Next steps (20 min) — Bruno Silva
5. Wrap-up — Dana Okafor

Please bring your laptops.
"""


def reviewed(store: SessionStore, text: str = BUDGET, name: str = "budget") -> Session:
    """The session of agenda ``text``, saved as ``name`` with its plan to review."""
    result = import_agenda(text, name=name)
    session = result.session
    session.name, session.review = name, result.review
    store.create(session).close()
    return session

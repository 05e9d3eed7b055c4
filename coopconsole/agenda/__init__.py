"""Import a Markdown meeting agenda into a planned session.

>>> result = import_agenda("# Sync\\n\\n## Agenda\\n\\n1. 09:00 Opening (15 min) — Dana\\n")
>>> result.session.agenda[0].owner
'Dana'

See :mod:`coopconsole.agenda.importer` for the decisions taken where agendas are
ambiguous, :mod:`coopconsole.agenda.sections` for the sections of a document and agenda
entries outside the agenda, :mod:`coopconsole.agenda.item_line` and
:mod:`coopconsole.agenda.items` for agenda entries (with :mod:`coopconsole.agenda.drafts`,
:mod:`coopconsole.agenda.item_groups`, :mod:`coopconsole.agenda.item_tables` and
:mod:`coopconsole.agenda.lettered`), :mod:`coopconsole.agenda.person_names` for owners' names,
:mod:`coopconsole.agenda.durations` for times and time boxes,
:mod:`coopconsole.agenda.people` for participants and roles, and :mod:`coopconsole.agenda.goals`
for goals.
"""

from coopconsole.agenda.importer import import_agenda
from coopconsole.agenda.results import AgendaError, AgendaImport, ImportProblem

__all__ = ["AgendaError", "AgendaImport", "ImportProblem", "import_agenda"]

"""What the agenda importer hands back."""

from __future__ import annotations

from dataclasses import dataclass, field

from coopconsole.domain.model import Session
from coopconsole.domain.plan_review import PlanReview


class AgendaError(ValueError):
    """The text is not an agenda at all: no agenda item was found anywhere."""


@dataclass(frozen=True)
class ImportProblem:
    line: int  # 1-based line in the source text
    message: str  # what was not understood and what was done about it


@dataclass
class AgendaImport:
    session: Session
    problems: list[ImportProblem] = field(default_factory=list)
    #: The agenda's text line by line (cleaned), where each item was read and the lines
    #: reported: what the console's review shows beside the plan (``Session.review``).
    review: PlanReview = field(default_factory=PlanReview)

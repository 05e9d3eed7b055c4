"""What the agenda importer hands back, and how it reports what it could not read.

A problem is kept as a catalogue key and its values (:mod:`coopconsole.texts`, ``import.``
keys), so it can be said in either language: :meth:`ImportProblem.text`. ``message`` is the
English text, as the importer always gave it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from coopconsole.domain.model import Session
from coopconsole.domain.plan_review import PlanReview
from coopconsole.domain.typed_text import clean_line
from coopconsole.texts import t


class Report(Protocol):
    """Where a reader reports a line it could not read: ``report(line, key, **values)``
    with an ``import.`` key of the catalogue (without the prefix)."""

    def __call__(self, line: int, key: str, /, **values: object) -> None: ...


class AgendaError(ValueError):
    """The text is not an agenda at all: no agenda item was found anywhere."""

    def __init__(self, message: str, problems: tuple[ImportProblem, ...] = (), key: str = "", **values: str) -> None:
        super().__init__(message)
        self.problems = problems  # what could not be read, which may be why nothing was found
        self.key = key  # the catalogue's "import." key, without the prefix ("" : said as raised)
        self.values = values

    @classmethod
    def of(cls, key: str, problems: tuple[ImportProblem, ...] = (), **values: object) -> AgendaError:
        """The error said by the catalogue's ``import.{key}``, followed by ``problems``."""
        cleaned = {name: clean_line(str(value)) for name, value in values.items()}
        error = cls("", problems, key, **cleaned)
        error.args = (error.text("en"),)
        return error

    @classmethod
    def none_found(cls, problems: tuple[ImportProblem, ...] = ()) -> AgendaError:
        """No agenda item anywhere; ``problems``: lines that could not be read at all."""
        return cls.of("no_agenda", problems)

    def text(self, lang: str) -> str:
        """The error in ``lang`` (``en`` or ``zh``)."""
        if not self.key:
            return str(self)
        return " ".join([t(f"import.{self.key}", lang, **self.values), *(p.text(lang) for p in self.problems)])


@dataclass(frozen=True)
class ImportProblem:
    line: int  # 1-based line in the source text
    message: str  # what was not understood and what was done about it (English)
    key: str = ""  # the catalogue's "import." key, without the prefix
    values: tuple[tuple[str, str], ...] = ()  # its fields, cleaned for a terminal

    @classmethod
    def of(cls, line: int, key: str, /, **values: object) -> ImportProblem:
        """A problem on ``line`` said by the catalogue's ``import.{key}`` with ``values``."""
        cleaned = tuple((name, clean_line(str(value))) for name, value in values.items())
        return cls(max(1, line), t(f"import.{key}", "en", **dict(cleaned)), key, cleaned)

    def text(self, lang: str) -> str:
        """The problem in ``lang`` (``en`` or ``zh``)."""
        return t(f"import.{self.key}", lang, **dict(self.values)) if self.key else self.message


@dataclass
class AgendaImport:
    session: Session
    problems: list[ImportProblem] = field(default_factory=list)
    #: The agenda's text line by line (cleaned), where each item was read and the lines
    #: reported: what the console's review shows beside the plan (``Session.review``).
    review: PlanReview = field(default_factory=PlanReview)

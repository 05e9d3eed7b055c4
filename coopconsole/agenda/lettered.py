"""Plain lines lettered as an outline (``A. Call to order``, ``(B) Invocation``,
``IV. Open Forum``), as in order-of-business documents."""

from __future__ import annotations

import re
from collections.abc import Callable

from coopconsole.agenda.drafts import Draft
from coopconsole.agenda.markdown_lines import ENUM_RE, Line, strip_enum

_LATIN_MARK = re.compile(r"^\s*(?:[(（](?P<paren>[A-Z])[)）]|(?P<roman>[IVX]{1,5})\.|(?P<letter>[A-Z])\.)\s+(?=\S)")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"]


def _latin_mark(text: str) -> tuple[str, str] | None:
    """The outline family (``(A)``, ``I.``, ``A.``) and marker at the start of a line."""
    m = _LATIN_MARK.match(text)
    if not m:
        return None
    if m.group("paren"):
        return "(A)", m.group("paren")
    if m.group("roman"):
        return "I.", m.group("roman")
    return "A.", m.group("letter")


class LetteredOutline:
    """Plain lines lettered as an outline (``A. Call to order``, ``(B) Invocation``,
    ``IV. Open Forum``), as in order-of-business documents.

    A family of Latin markers counts only when its first three lines run A, B, C (or
    I, II, III), so a line that starts with an initial (``J. Doe will chair``) is not
    taken for one. The family of the first such line gives the items; a line of another
    marker (``(1)``, ``A.`` under ``III.``) right after an item is one of its sub-points,
    and so is a list right under it.
    """

    def __init__(self, texts: list[str]) -> None:
        seen: dict[str, list[str]] = {"(A)": [], "I.": [], "A.": []}
        for text in texts:
            found = _latin_mark(text)
            if found is None:
                continue
            family, mark = found
            seen[family].append(mark)
            if family == "I." and len(mark) == 1:
                seen["A."].append(mark)  # I., V. and X. are letters too
        self.families = {
            family
            for family, marks in seen.items()
            if marks[:3] == (_ROMANS[:3] if family == "I." else ["A", "B", "C"])
        }
        self.items: str | None = None
        self.last: Draft | None = None
        self.plain = False  # the last line given is not part of the outline

    def _family(self, text: str) -> tuple[str, str] | None:
        found = _latin_mark(text)
        if found is None:
            return None
        family, mark = found
        if family not in self.families and family == "I." and len(mark) == 1 and "A." in self.families:
            family = "A."
        if family not in self.families:
            return None
        return family, _LATIN_MARK.sub("", text, count=1)

    def line(self, line: Line, make: Callable[[Line], Draft | None]) -> list[Draft | None]:
        self.plain = False
        found = self._family(line.text)
        if found is not None:
            family, text = found
            self.items = self.items or family
            if family == self.items or self.last is None:
                self.last = make(Line(line.no, text))
                return [self.last]
            self.last.sub_points.append(text)
            return []
        if self.last is not None and ENUM_RE.match(line.text):
            self.last.sub_points.append(strip_enum(line.text))
            return []
        self.plain = True
        self.last = None
        return []

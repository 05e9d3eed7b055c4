"""The plan under review (``Session.review``) in the session's header, and back.

Written as ``"review": {"lines": [...], "items": [[item, line], ...], "reported":
[[line, "what"], ...], "reported_zh": [[line, "所说"], ...], "dropped": [item, ...]}`` in
the ``meta`` record while the plan awaits the facilitator's acceptance; absent (or
``null``) once accepted, and in every file written before the review existed, which
therefore opens straight on the meeting. ``reported_zh`` is what the importer said in
Chinese; files written before it have none, and their review says it in English.
"""

from __future__ import annotations

from typing import Any

import coopconsole.store.validate as check
from coopconsole.domain.plan_review import PlanReview
from coopconsole.domain.typed_text import clean_line
from coopconsole.store.fields import Record


def review_record(review: PlanReview | None) -> Record | None:
    if review is None:
        return None
    return {
        "lines": list(review.lines),
        "items": [[item, line] for item, line in review.item_lines],
        "reported": [[line, message] for line, message in review.reported],
        "reported_zh": [[line, message] for line, message in review.reported_zh],
        "dropped": list(review.dropped),
    }


def review_from(r: Record) -> PlanReview | None:
    value = r.get("review")
    if value is None:
        return None
    if type(value) is not dict:
        raise check.Malformed(f'"review" is {check.shown(value)}, expected an object or null')
    return PlanReview(
        lines=tuple(clean_line(line) for line in check.texts(value, "lines")),
        item_lines=tuple((item, line) for item, line in _pairs(value, "items", int)),
        reported=tuple((line, clean_line(message)) for line, message in _pairs(value, "reported", str)),
        reported_zh=tuple((line, clean_line(message)) for line, message in _pairs(value, "reported_zh", str)),
        dropped=check.numbers(value, "dropped"),
    )


def _pairs(r: Record, key: str, second: type) -> list[tuple[int, Any]]:
    """A list of ``[whole number, second]`` pairs."""
    value = r.get(key, [])
    if type(value) is list and all(
        type(v) is list and len(v) == 2 and type(v[0]) is int and type(v[1]) is second for v in value
    ):
        return [(v[0], v[1]) for v in value]
    kind = "whole number" if second is int else "text"
    raise check.Malformed(f'"review" field "{key}" is {check.shown(value)}, expected a list of [number, {kind}] pairs')

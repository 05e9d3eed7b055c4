"""Real public agendas (``tests/corpus``) against what a careful facilitator expects.

Each file's expectation in ``tests/corpus/expected.json`` was written by reading the
agenda, not by running the importer. A file imports *exactly right* when the item
count, the first item's title, every time box and the start all match. The score is
reported in ``docs/agenda-corpus.md``; the test fails when it drops below ``REACHED``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from coopconsole.agenda import AgendaError, import_agenda

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, Any] = {
    k: v for k, v in json.loads((CORPUS / "expected.json").read_text(encoding="utf-8")).items() if not k.startswith("_")
}
REACHED = 32  # exact matches reached so far; raise it, never lower it


def _norm(text: str) -> str:
    """Spaces collapsed and trailing punctuation dropped (``Call to order;``, ``通报。``)."""
    return re.sub(r"\s+", " ", text).strip().rstrip(" .;:,。；：，、")


def observed(name: str) -> dict[str, Any]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    try:
        session = import_agenda(text, name=name.removesuffix(".md")).session
    except AgendaError as exc:
        return {"items": 0, "first": f"<{exc}>", "boxes": [], "start": None}
    items = session.agenda
    return {
        "items": len(items),
        "first": _norm(items[0].title) if items else "",
        "boxes": [item.minutes for item in items],
        "start": session.start.strftime("%H:%M") if session.start else None,
    }


def differences(name: str) -> list[str]:
    want, got = EXPECTED[name], observed(name)
    out = []
    if got["items"] != want["items"]:
        out.append(f"items {got['items']} (expected {want['items']})")
    if got["first"] != _norm(want["first"]):
        out.append(f"first {got['first']!r} (expected {want['first']!r})")
    if got["boxes"] != want["boxes"]:
        out.append(f"boxes {got['boxes']} (expected {want['boxes']})")
    if got["start"] != want.get("start"):
        out.append(f"start {got['start']} (expected {want.get('start')})")
    return out


def score() -> tuple[int, list[str]]:
    rows, exact = [], 0
    for name in sorted(EXPECTED):
        diff = differences(name)
        exact += not diff
        rows.append(f"{'OK ' if not diff else 'BAD'} {name}: {'; '.join(diff) or 'exactly right'}")
    return exact, rows


def test_every_corpus_file_is_annotated() -> None:
    files = {p.name for p in CORPUS.glob("*.md")}
    assert files == set(EXPECTED)
    for name, entry in EXPECTED.items():
        for key in ("source", "licence", "kind", "lang", "items", "first", "boxes", "start"):
            assert key in entry, (name, key)
        assert len(entry["boxes"]) == entry["items"], name


def test_corpus_score_does_not_drop() -> None:
    exact, rows = score()
    table = "\n".join(rows)
    print(f"\n{exact} of {len(EXPECTED)} agendas import exactly right\n{table}")
    assert exact >= REACHED, f"{exact} of {len(EXPECTED)} exactly right, below {REACHED}:\n{table}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_imports_without_crashing(name: str) -> None:
    observed(name)


# -- focused tests for the importer fixes the corpus led to ------------------------------


def _agenda(body: str):
    return import_agenda("# M\n\n" + body).session


def test_a_struck_out_entry_is_not_an_item() -> None:
    s = _agenda("## Agenda\n\n1. Intro (5m)\n1. ~~Review prior meetings (5m, Lee)~~\n1. Close (2m)\n")
    assert [(i.title, i.minutes) for i in s.agenda] == [("Intro", 5), ("Close", 2)]


def test_a_box_with_names_under_a_topic_gives_its_box_and_owner() -> None:
    s = _agenda("## Schedule\n\n- Relaxed SIMD: Phase 4 vote\n  - 10 mins (Deepti Gandluri)\n  - Prefer Wednesday\n")
    item = s.agenda[0]
    assert (item.title, item.minutes, item.owner) == ("Relaxed SIMD: Phase 4 vote", 10, "Deepti Gandluri")
    assert item.sub_points == ("Prefer Wednesday",)


def test_a_date_and_time_key_with_an_ampersand_is_read() -> None:
    s = _agenda("- **Date & Time**: December 7, 2023, 10:30 AM – 12:00 PM PST\n\n## Agenda\n\n1. A (5m)\n")
    assert (str(s.date), str(s.start)) == ("2023-12-07", "10:30:00")


def test_times_and_this_meetings_time_are_meeting_times() -> None:
    assert str(_agenda("- **Times**: 9:00AM - 5:00PM\n\n## Agenda\n\n1. A (5m)\n").start) == "09:00:00"
    s = _agenda("- 本次会议时间：2024/01/31 20:00-21:00\n\n## 会议议程\n1. 回顾\n")
    assert (str(s.date), str(s.start)) == ("2024-01-31", "20:00:00")


def test_lettered_order_of_business_lines_are_items() -> None:
    s = import_agenda(
        "Order of business:\n\nA. Call to order.\n\nB. Roll call.\n\nC. Pledge.\n\nD. Adjournment.\n"
    ).session
    assert [i.title for i in s.agenda] == ["Call to order", "Roll call", "Pledge", "Adjournment"]


def test_a_second_marker_family_gives_sub_points() -> None:
    body = "Business:\n(A) Call to order.\n(B) Ordinances.\n(1) Adoption.\n(2) Introduction.\n(C) Adjournment.\n"
    s = import_agenda(body).session
    assert [i.title for i in s.agenda] == ["Call to order", "Ordinances", "Adjournment"]
    assert s.agenda[1].sub_points == ("Adoption.", "Introduction.")


def test_a_list_under_a_lettered_entry_is_its_sub_points() -> None:
    s = import_agenda("A. Call to order;\n\nB. Reports:\n\n1. Mayor;\n2. Clerk;\n\nC. Adjournment.\n").session
    assert [i.title for i in s.agenda] == ["Call to order", "Reports", "Adjournment"]
    assert s.agenda[1].sub_points == ("Mayor;", "Clerk;")


def test_an_initial_is_not_a_lettered_entry() -> None:
    s = import_agenda("# Sync\n\nJ. Doe will chair.\n\n## Agenda\n\n1. Intro (5 min)\n").session
    assert [i.title for i in s.agenda] == ["Intro"]


def test_a_group_of_timed_entries_gives_its_entries() -> None:
    body = "## Agenda\n\n1. Opening (1 min)\n2. Talking points (12 min)\n    - Retro (4 min)\n    - State (5 min)\n    - Plan (3 min)\n"
    s = import_agenda("# M\n\n" + body).session
    assert [(i.title, i.minutes) for i in s.agenda] == [("Opening", 1), ("Retro", 4), ("State", 5), ("Plan", 3)]


def test_a_topic_with_untimed_or_differently_summed_points_stays_one_item() -> None:
    body = "## Agenda\n\n1. Review (30 min)\n    - Part A (10 min)\n    - Part B (10 min)\n2. Q&A (5 min)\n    - Questions\n"
    s = import_agenda("# M\n\n" + body).session
    assert [(i.title, i.minutes) for i in s.agenda] == [("Review", 30), ("Q&A", 5)]


def test_the_estimated_time_line_is_not_an_item() -> None:
    s = import_agenda("# M\n\n## Agenda\n\n1. A (5 min)\n2. B (7 min)\n\nEstimated time: 12 min\n").session
    assert [i.title for i in s.agenda] == ["A", "B"]

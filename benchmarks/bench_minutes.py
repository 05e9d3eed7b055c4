"""Minutes benchmark: the minutes of a full-day workshop, built in memory.

The session is the synthetic full-day workshop of ``workshop.py`` (30 participants, 40
items, 3,000 speaking turns, 250 actions and 250 notes), with a decision and a parked
point on every item and the meeting ended, so every section has content. The clock
stands one minute after the last event.

* ``minutes_ms``: median time of :func:`build_minutes` (English), the whole Markdown
  text with every figure derived from the events; ``minutes_p95_ms`` its 95th
  percentile, ``minutes_zh_ms`` the median in Chinese.
* ``minutes_check_ms``: median time of the markdown-it-py check that
  ``coopconsole minutes`` runs before writing (:func:`coopconsole.minutes.check.problems`).
* ``minutes_bytes``: the size of the English minutes.

Each is measured over ``RUNS`` runs after two warm-up runs. Prints ``name=value`` lines.
Run: ``python benchmarks/bench_minutes.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop import workshop  # noqa: E402

from coopconsole.domain.model import Decision, Event, EventKind, ParkedItem, Stance  # noqa: E402
from coopconsole.minutes import build_minutes  # noqa: E402
from coopconsole.minutes.check import problems  # noqa: E402

RUNS = 30


def full_day():
    session = workshop()
    last = max(e.at for e in session.events)
    session.events.append(Event(id=len(session.events) + 1, at=last + timedelta(seconds=30), kind=EventKind.END))
    orgs = sorted({p.organisation for p in session.participants})
    session.decisions = [
        Decision(
            id=i.id,
            text=f"Agree the scope of topic {i.id} 同意试点范围",
            item=i.id,
            agreement=tuple((org, Stance.AGREE) for org in orgs[:2]),
        )
        for i in session.agenda
    ]
    session.parked = [
        ParkedItem(id=i.id, text=f"Budget question on topic {i.id}", raised_by="Person 01", item=i.id)
        for i in session.agenda
    ]
    return session, last + timedelta(minutes=1)


def timed(call, runs: int = RUNS) -> list[float]:
    call(), call()  # warm-up: imports, caches
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    session, now = full_day()
    english = timed(lambda: build_minutes(session, now, "en"))
    chinese = timed(lambda: build_minutes(session, now, "zh"))
    built = build_minutes(session, now, "en")
    assert problems(built.text, built.headings) == []
    check = timed(lambda: problems(built.text, built.headings), runs=10)
    print(f"minutes_ms={statistics.median(english):.2f}")
    print(f"minutes_p95_ms={sorted(english)[int(len(english) * 0.95) - 1]:.2f}")
    print(f"minutes_zh_ms={statistics.median(chinese):.2f}")
    print(f"minutes_check_ms={statistics.median(check):.2f}")
    print(f"minutes_bytes={len(built.text.encode('utf-8'))}")


if __name__ == "__main__":
    main()

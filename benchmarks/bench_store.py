"""Store benchmark: one captured action made durable, at full-day and at 20,000 records.

Measured side by side in one run against TinyDB's default JSONStorage holding the same
records (which neither fsyncs nor replaces atomically, so it is a floor for "plain
TinyDB", not a like-for-like durability comparison).

Prints ``name=value`` lines. Run: ``python benchmarks/bench_store.py``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB  # noqa: E402
from workshop import START, record_count, workshop  # noqa: E402

from coopconsole.domain.model import ActionItem  # noqa: E402
from coopconsole.store import SessionStore  # noqa: E402
from coopconsole.store.records import action_record  # noqa: E402

SAMPLES = 300


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def new_action(i: int) -> ActionItem:
    return ActionItem(
        id=0,
        deliverable=f"Prepare the pilot line data sheet {i} and send it to the group",
        owner="Person 03 张2",
        owner_id=3,
        organisation="Organisation C",
        item=5,
        created_at=START,
        text=f"@person03 prepare the pilot line data sheet {i} by Friday",
    )


def time_ours(folder: Path, session) -> tuple[list[float], int]:
    store = SessionStore(folder)
    handle = store.create(session)
    timings = []
    for i in range(SAMPLES):
        t0 = time.perf_counter()
        handle.add(new_action(i))
        timings.append((time.perf_counter() - t0) * 1000)
    size = handle.path.stat().st_size
    handle.close()
    return timings, size


def time_default(folder: Path, session) -> list[float]:
    # Same records, through TinyDB's own JSONStorage.
    store = SessionStore(folder / "seed")
    with store.create(replace(session, name="seed")) as seeded:
        document = seeded.document()
    db = TinyDB(folder / "default.json")
    for table, rows in document.items():
        db.table(table).insert_multiple(rows.values())
    actions = db.table("actions")
    timings = []
    for i in range(SAMPLES):
        t0 = time.perf_counter()
        actions.insert(action_record(new_action(i)))
        timings.append((time.perf_counter() - t0) * 1000)
    db.close()
    return timings


def run(label: str, session) -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        ours, size = time_ours(Path(tmp), session)
        default = time_default(Path(tmp), session)
    print(f"{label}_records={record_count(session)}")
    print(f"{label}_file_kb={size / 1024:.0f}")
    print(f"{label}_p50_ms={statistics.median(ours):.3f}")
    print(f"{label}_p95_ms={percentile(ours, 95):.3f}")
    print(f"{label}_max_ms={max(ours):.3f}")
    print(f"{label}_default_p50_ms={statistics.median(default):.3f}")
    print(f"{label}_default_p95_ms={percentile(default, 95):.3f}")
    print(f"{label}_p95_ratio_vs_default={percentile(ours, 95) / percentile(default, 95):.3f}")


def main() -> None:
    run("fullday", workshop())
    # 20,000 records in the same proportions as a full day.
    run("big", workshop(participants=30, items=40, turns=15_600, actions=2_000, notes=2_000))


if __name__ == "__main__":
    main()

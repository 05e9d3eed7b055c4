"""Store benchmark: one captured action made durable, at full-day and at 20,000 records.

Each timed capture is followed by an untimed removal of the same record, so every
sample is taken at exactly the stated size (the session does not grow during the run).
A 20 ms pause follows the capture and the removal alike, as captures in a meeting are
seconds apart: it lets a write's background work (freeing the replaced file, making
the next blank temporary file ready) finish, as it would in the room.

Measured side by side in one run against TinyDB's default JSONStorage holding the same
records (which neither fsyncs nor replaces atomically, so it is a floor for "plain
TinyDB", not a like-for-like durability comparison).

``*_disk_floor_p95_ms`` is the plain write protocol (create a temp file, write, fsync,
rename, fsync the folder) on an opaque file of the same size: what the disk costs
without the blank made ready in advance (see ``coopconsole/store/blanks.py``), which
spares the store one of that protocol's two journal commits.

Prints ``name=value`` lines. Run: ``python benchmarks/bench_store.py``.
"""

from __future__ import annotations

import os
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
from coopconsole.store.codecs import action_record  # noqa: E402

SAMPLES = 300
SETTLE_S = 0.020


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
        saved = handle.add(new_action(i))
        timings.append((time.perf_counter() - t0) * 1000)
        time.sleep(SETTLE_S)
        handle.remove(saved)
        time.sleep(SETTLE_S)
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
        doc_id = actions.insert(action_record(new_action(i)))
        timings.append((time.perf_counter() - t0) * 1000)
        time.sleep(SETTLE_S)
        actions.remove(doc_ids=[doc_id])
        time.sleep(SETTLE_S)
    db.close()
    return timings


def time_floor(folder: Path, size: int) -> list[float]:
    """The disk alone: the same write protocol on an opaque file of the same size."""
    payload = b"x" * size
    path = folder / "floor.json"
    timings = []
    for i in range(SAMPLES):
        t0 = time.perf_counter()
        tmp = folder / f"floor{i}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, payload)
        os.fsync(fd)
        os.replace(tmp, path)
        dfd = os.open(folder, os.O_RDONLY)
        os.fsync(dfd)
        os.close(dfd)
        os.close(fd)
        timings.append((time.perf_counter() - t0) * 1000)
        time.sleep(2 * SETTLE_S)
    return timings


def run(label: str, session) -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        ours, size = time_ours(Path(tmp), session)
        default = time_default(Path(tmp), session)
        floor = time_floor(Path(tmp), size)
    print(f"{label}_records={record_count(session)}")
    print(f"{label}_file_kb={size / 1024:.0f}")
    print(f"{label}_p50_ms={statistics.median(ours):.3f}")
    print(f"{label}_p95_ms={percentile(ours, 95):.3f}")
    print(f"{label}_max_ms={max(ours):.3f}")
    print(f"{label}_default_p50_ms={statistics.median(default):.3f}")
    print(f"{label}_default_p95_ms={percentile(default, 95):.3f}")
    print(f"{label}_p95_ratio_vs_default={percentile(ours, 95) / percentile(default, 95):.3f}")
    print(f"{label}_disk_floor_p95_ms={percentile(floor, 95):.3f}")


def main() -> None:
    run("fullday", workshop())
    # 20,000 records in the full day's proportions: 30 people and 40 items as before,
    # speaker changes, actions and notes each 5.6 times as many.
    run("big", workshop(participants=30, items=40, turns=16_849, actions=1_520, notes=1_520))


if __name__ == "__main__":
    main()

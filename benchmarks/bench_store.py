"""Store benchmark: one captured action made durable, at the demo, full-day and 20,000
record sizes, beside what the disk itself costs.

Sizes: ``demo`` (the English sample meeting, a few dozen records), ``fullday`` (the
workshop of ``workshop.py``, about 3,600 records) and ``big`` (the same proportions at
20,000 records). For each, ``name=value`` lines prefixed with the size:

``*_p50_ms``, ``*_p95_ms``, ``*_max_ms``: the store call alone (``SessionFile.add``).
    Each timed capture is followed by an untimed removal of the same record, so every
    sample is taken at exactly the stated size. A pause follows the capture and the
    removal alike, as captures in a meeting are seconds apart: it lets a write's
    background work (freeing the replaced file, making the next blank temporary file
    ready, see ``coopconsole/store/blanks.py``) finish, as it would in the room. The
    blank is made ``blanks.SETTLE_S`` (100 ms) after the write that asks for it, so the
    pause is that and 20 ms.
``*_nopause_p50_ms``, ``*_nopause_p95_ms``: the same without the pauses (capture,
    removal, capture… back to back): what a write costs when the previous write's
    background work is not done, so the pause above hides nothing.
``*_background_cpu_ms_per_write``: that background work itself, the CPU time of the
    store's own threads (``coopconsole-blanks``, which writes and fsyncs each blank, and
    ``coopconsole-closer``; ``utime + stime`` of ``/proc/self/task/TID/stat``) over the
    paused run, per write (captures and removals). A blank's fsync waits for the disk
    without using the CPU: that part shows in the ``nopause`` figures, not here.
``*_service_p50_ms``, ``*_service_p95_ms``: the whole intent, ``capture_action`` of the
    service (``MeetingService.captures.action``: parse, SMART check, the store's write,
    the session kept in step), with the system clock; then, untimed, the record removed
    through the store and the service's session read again, so it stays at the size.
    One untimed capture first: the capture parser is imported on first use.
``*_default_p50_ms``, ``*_default_p95_ms``, ``*_p95_ratio_vs_default``: TinyDB's default
    JSONStorage holding the same records (which neither fsyncs nor replaces atomically,
    so it is a floor for "plain TinyDB", not a like-for-like durability comparison).
``*_disk_floor_p50_ms``, ``*_disk_floor_p95_ms``: the plain atomic-replace protocol
    (create a temp file, write, fsync, rename, fsync the folder) on an opaque file of the
    same size: what the disk costs without the blank made ready in advance, which spares
    the store one of that protocol's two journal commits.

Once, not per size: ``append_fsync_floor_p50_ms``, ``append_fsync_floor_p95_ms``, the
physical floor of this disk for making a capture durable at all: 300 bytes appended to a
file and fsynced. ``*_p95_ratio_vs_append_floor`` is the store's p95 over it.

Everything is written in a temporary folder of the current directory (the disk the
sessions would be on). Run: ``python benchmarks/bench_store.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from terminal import cpu_seconds  # noqa: E402
from tinydb import TinyDB  # noqa: E402
from workshop import START, record_count, workshop  # noqa: E402

from coopconsole.domain.clock import system_clock  # noqa: E402
from coopconsole.domain.model import ActionItem, Session  # noqa: E402
from coopconsole.samples.meetings import sample_session  # noqa: E402
from coopconsole.store import SessionFile, SessionStore, blanks  # noqa: E402
from coopconsole.store.codecs import action_record  # noqa: E402

SAMPLES = 300
SERVICE_SAMPLES = 100
GAP_S = 0.020  # between the samples of the references
PAUSE_S = blanks.SETTLE_S + GAP_S  # between the store's: its next blank made meanwhile
#: The store's own background threads (``coopconsole/store``).
BACKGROUND = ("coopconsole-blanks", "coopconsole-closer")


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


def _thread_cpu_s(names: tuple[str, ...]) -> float:
    """User + system CPU time of this process's threads called ``names``, in seconds."""
    total = 0.0
    for thread in threading.enumerate():
        if thread.name in names and thread.native_id is not None:
            total += cpu_seconds(f"self/task/{thread.native_id}")
    return total


def time_ours(handle: SessionFile, pause: float) -> tuple[list[float], float]:
    """The store call, each capture removed again; and the background threads' CPU time."""
    timings = []
    cpu0 = _thread_cpu_s(BACKGROUND)
    for i in range(SAMPLES):
        t0 = time.perf_counter()
        saved = handle.add(new_action(i))
        timings.append((time.perf_counter() - t0) * 1000)
        time.sleep(pause)
        handle.remove(saved)
        time.sleep(pause)
    if pause:
        time.sleep(10 * pause)  # the last write's background work, counted too
    return timings, _thread_cpu_s(BACKGROUND) - cpu0


def time_service(handle: SessionFile, owner: str) -> list[float]:
    """``capture_action`` of the service; each action removed again, untimed."""
    from coopconsole.service import MeetingService

    service = MeetingService(handle, system_clock)
    timings = []
    for i in range(-1, SERVICE_SAMPLES):  # -1: untimed, the parser's first import
        t0 = time.perf_counter()
        saved = service.captures.action(f"@{owner} prepare the pilot line data sheet {i} by Friday")
        if i >= 0:
            timings.append((time.perf_counter() - t0) * 1000)
        time.sleep(PAUSE_S)
        handle.remove(saved)
        service.session  # noqa: B018 -- the removal read back, so the next capture does not pay for it
        time.sleep(PAUSE_S)
    return timings


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
        time.sleep(GAP_S)
        actions.remove(doc_ids=[doc_id])
        time.sleep(GAP_S)
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
        time.sleep(2 * GAP_S)
    return timings


def time_append_floor(folder: Path) -> list[float]:
    """The disk's floor for a durable capture: 300 bytes appended to a file and fsynced."""
    line = b"x" * 299 + b"\n"
    timings = []
    fd = os.open(folder / "append.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for _ in range(SAMPLES):
            t0 = time.perf_counter()
            os.write(fd, line)
            os.fsync(fd)
            timings.append((time.perf_counter() - t0) * 1000)
            time.sleep(GAP_S)
    finally:
        os.close(fd)
    return timings


def _figures(name: str, timings: list[float]) -> None:
    print(f"{name}_p50_ms={statistics.median(timings):.3f}")
    print(f"{name}_p95_ms={percentile(timings, 95):.3f}")


def run(label: str, session: Session, append_floor_p95: float) -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        folder = Path(tmp)
        handle = SessionStore(folder / "sessions").create(session)
        # The size as written, before any write leaves the spaces of a blank at its end.
        size = handle.path.stat().st_size
        try:
            ours, background = time_ours(handle, PAUSE_S)
            nopause, _ = time_ours(handle, 0.0)
            service = time_service(handle, session.participants[0].name)
        finally:
            handle.close()
        default = time_default(folder, session)
        floor = time_floor(folder, size)
    print(f"{label}_records={record_count(session)}")
    print(f"{label}_file_kb={size / 1024:.0f}")
    _figures(label, ours)
    print(f"{label}_max_ms={max(ours):.3f}")
    _figures(f"{label}_nopause", nopause)
    print(f"{label}_background_cpu_ms_per_write={background * 1000 / (2 * SAMPLES):.3f}")
    _figures(f"{label}_service", service)
    _figures(f"{label}_default", default)
    print(f"{label}_p95_ratio_vs_default={percentile(ours, 95) / percentile(default, 95):.3f}")
    _figures(f"{label}_disk_floor", floor)
    print(f"{label}_p95_ratio_vs_append_floor={percentile(ours, 95) / append_floor_p95:.3f}")


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        append = time_append_floor(Path(tmp))
    _figures("append_fsync_floor", append)
    floor_p95 = percentile(append, 95)
    run("demo", sample_session("en", "demo", system_clock()), floor_p95)
    run("fullday", workshop(), floor_p95)
    # 20,000 records in the full day's proportions: 30 people and 40 items as before,
    # speaker changes, actions and notes each 5.6 times as many.
    run("big", workshop(participants=30, items=40, turns=16_849, actions=1_520, notes=1_520), floor_p95)


if __name__ == "__main__":
    main()

"""Console benchmark: start-up, idle CPU, event-loop stalls and capture-to-visible of the
meeting console.

Four measurements, each printed as ``name=value`` lines. The references are bare Textual
apps, Textual as shipped with its own driver (``references.py``; ``reference_textual`` and
``reference_driver`` are printed first); a figure named ``*_bare`` is such an app's, a
ratio ``*_vs_bare`` is the console's figure over it. The console runs Textual's own driver
too; its own additions to Textual are on unless a figure is named ``*_plain``
(``COOPCONSOLE_PLAIN_TEXTUAL=1``, see ``coopconsole/tui/textual_internals.py``).

Start-up (``startup_demo_ms``, ``startup_bare_ms``, ``startup_ratio_demo_vs_bare``)
    The console and the bare app (a Header, a Static and a Footer) are each spawned as a
    real process in a pseudo-terminal (``os.openpty``, 120x36 set with ``TIOCSWINSZ``,
    ``TERM=xterm-256color``), alternately, 7 times each. The clock starts just before the
    spawn and stops when the first complete frame is on the terminal: the pty output,
    with every escape sequence (CSI, OSC, others) stripped, contains every text known to
    be drawn in that frame, the footer's last (the console: the meeting title in the
    header, the "Speakers" pane title and the footer's ``a Action``; the bare app: its
    Header title, the Static's text and the footer's ``q Quit``). Then the process is
    killed. The console opens the demo meeting prepared beforehand
    (``coopconsole --sessions-dir TMP demo --no-open``, then ``coopconsole --sessions-dir
    TMP open demo-en`` is timed), so creating the session is not measured; its settings
    come from an empty ``COOPCONSOLE_CONFIG`` folder. The figures are the medians of the 7
    runs; the ratio is the console's median over the bare app's. They are taken
    twice: as installed (each program with its modules compiled to bytecode, as ``pip
    install .`` leaves them: a bytecode cache in a temporary folder, ``PYTHONPYCACHEPREFIX``,
    filled by an untimed first run), and, suffixed ``_uncompiled``, with
    ``PYTHONDONTWRITEBYTECODE=1`` as some development environments set it, where the
    console compiles its own modules on every start while Textual's come compiled.

Idle CPU (``idle_cpu_percent_{fullday,demo,bare,fullday_plain,fullday_silent,speaking_floor}``,
``idle_ratio_*_vs_bare``)
    A session whose agenda clock is running is written with the store (the full-day
    workshop of ``workshop.py``, its events re-stamped to end 5 s before now, so the
    clock, which starts with its first event, is running on the last item; and the small
    demo meeting with a START event at now). ``coopconsole open`` is spawned on each in
    a pty as above, and beside them, each in its own pty, ``_bare``: the bare app of the
    start-up part with its Static rewritten once a second by ``set_interval``, as a
    ticking clock would be (Textual's input thread polls ten times a second in all of
    them), and ``_fullday_plain``: the full-day console again with
    ``COOPCONSOLE_PLAIN_TEXTUAL=1``, and ``_fullday_silent``: the full day with the floor
    given back at its last event, so that nobody speaks (the speaker's line, their row
    and their organisation's do not change each second; the countdown does). The
    full day's figure against this one is what holding the floor costs a second. And
    ``_speaking_floor``: the bare app drawing again, besides, exactly the lines a
    speaking second changes (the countdown's three, the speaker's line, two rows of a
    list), as plain text with nothing styled or worked out (``SPEAKING_FLOOR_APP`` in
    ``references.py``): the least Textual itself asks for such a second, so
    ``idle_ratio_speaking_floor_vs_bare`` shows how much of the bare app's second is left
    for the console's own work (the clock's figures, styling the lines). All six run
    at once, so each window finds the machine as busy for all of them; idle,
    they use well under 1 % of a core each. A thread drains each pty all along, so no
    program blocks on a full terminal buffer.
    Once every first frame is painted they are left to settle 3 s, then their CPU time
    (all threads, to the nanosecond: ``clock_gettime`` on the process's CPU clock;
    ``/proc/PID/stat``'s clock ticks of 10 ms where that is not available) is read at
    the start and the end of each of three windows of 20 s with nothing typed.
    ``idle_cpu_percent_*`` is the median of the three windows' CPU time over wall time,
    as a percentage of one core; ``idle_ratio_*_vs_bare`` the median of the three
    windows' ratios; ``idle_output_bytes_per_s_*`` what each wrote to its terminal. The
    target for ``idle_ratio_fullday_vs_bare`` and ``idle_ratio_demo_vs_bare`` is at most
    1.

Event-loop stalls while saving (``max_stall_ms``, ``p99_stall_ms``)
    In-process: ``make_app`` on the full-day session (re-stamped as above, the system
    clock), run with ``app.run_test(size=(120, 36))`` (headless: everything is composed
    and rendered, nothing is written to a terminal). A task on the same event loop sleeps
    1 ms at a time and records, for each wake-up, how late it was against the time it
    asked for. The first second after the app starts (start-up, the first replay and
    paint) is not recorded. Then 200 saves are made through the screen as the keys make
    them, one every 150 ms: speaker changes (``action_speaker``, as the digit keys) and
    notes (``screen.do(service.captures.note)``), and every 10th an action submitted from
    the capture bar (``on_capture_submitted``, which also shows the "saved"
    notification). Each save runs on the intent thread and its completion re-ticks the
    screen on the loop; the screen's own 1 s timer keeps ticking throughout. Recording
    stops once every save has finished and the screen has redrawn. ``max_stall_ms`` is
    the largest lateness, ``p99_stall_ms`` its 99th percentile; ``stalls_over_16ms``
    counts wake-ups later than one 60 Hz frame.

Capture to visible (``capture_visible_p50_ms_*``, ``_p95_ms_*``, ``capture_visible_ratio_*``)
    From Enter in the capture bar to the new action's row drawn, in a pty, at the demo,
    full-day and 20,000-record sizes, against a bare app whose Enter appends the line to a
    file, fsyncs it and adds a row: see ``capture_visible.py`` (targets there).

Run: ``python benchmarks/bench_console.py`` (about five minutes), or name the parts to run:
``python benchmarks/bench_console.py startup idle stalls capture``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from idle_cpu import IDLE_WINDOWS, measure_idle, print_idle  # noqa: E402
from references import (  # noqa: E402
    BARE_APP,
    BARE_MARKERS,
    DEMO_MARKERS,
    FULLDAY_MARKERS,
    SPEAKING_FLOOR_APP,
    TICKING_BARE_APP,
    reference_driver,
    textual_version,
)
from terminal import COLUMNS, ROWS, Terminal  # noqa: E402
from workshop import workshop  # noqa: E402

from coopconsole.domain.clock import system_clock  # noqa: E402
from coopconsole.domain.model import Event, EventKind, Session  # noqa: E402
from coopconsole.samples.meetings import sample_session  # noqa: E402
from coopconsole.store import SessionStore  # noqa: E402

STARTUP_RUNS = 7
SAVES = 200
SAVE_EVERY_S = 0.150
ACTION_EVERY = 10
WAKE_S = 0.001


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def console_command() -> list[str]:
    beside = Path(sys.executable).parent / "coopconsole"
    found = str(beside) if beside.exists() else shutil.which("coopconsole")
    if found is None:
        raise SystemExit("coopconsole is not installed in this environment")
    return [found]


# -- sessions ------------------------------------------------------------------------------


def running_fullday(name: str = "fullday", session: Session | None = None) -> Session:
    """The full-day workshop (or ``session``, one like it), re-stamped so its last event
    was 5 s ago: the clock runs."""
    session = session if session is not None else workshop(name=name)
    now = system_clock()
    shift = now - timedelta(seconds=5) - session.events[-1].at
    session.events = [replace(e, at=e.at + shift) for e in session.events]
    session.actions = [replace(a, created_at=a.created_at + shift) for a in session.actions]
    session.notes = [replace(n, created_at=n.created_at + shift) for n in session.notes]
    first = session.events[0].at.astimezone(now.tzinfo)
    session.date, session.start = first.date(), first.time().replace(second=0, microsecond=0)
    session.created_at = first
    return session


def silent_fullday(name: str = "fullday-silent") -> Session:
    """The running full day with the floor given back at its last event: nobody speaks."""
    session = running_fullday(name)
    last = session.events[-1]
    ended = Event(id=max(e.id for e in session.events) + 1, at=last.at, kind=EventKind.SPEAKER, participant=None)
    session.events = [*session.events, ended]
    return session


def running_demo(name: str = "demo-running") -> Session:
    now = system_clock()
    session = sample_session("en", name, now)
    session.events = [Event(id=1, at=now.replace(microsecond=now.microsecond // 1000 * 1000), kind=EventKind.START)]
    return session


# -- processes in a pseudo-terminal -------------------------------------------------------


def startup(tmp: Path, env: dict[str, str]) -> None:
    sessions = tmp / "startup-sessions"
    made = subprocess.run(
        [*console_command(), "--sessions-dir", str(sessions), "demo", "--no-open"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    name = made.stdout.strip()
    bare = tmp / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    demo_argv = [*console_command(), "--sessions-dir", str(sessions), "open", name]
    bare_argv = [sys.executable, str(bare)]

    # As installed (``pip install .`` compiles every module to bytecode): both programs
    # run with a bytecode cache of their own, filled by an untimed first run. Then as in a
    # checkout whose environment forbids writing bytecode (PYTHONDONTWRITEBYTECODE): the
    # console compiles its own modules on every start, Textual's come compiled.
    compiled = {**env, "PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    compiled.pop("PYTHONDONTWRITEBYTECODE", None)
    for suffix, run_env in (("", compiled), ("_uncompiled", {**env, "PYTHONDONTWRITEBYTECODE": "1"})):
        _time_startup(demo_argv, bare_argv, run_env, suffix)
    print()


def _time_startup(demo_argv: list[str], bare_argv: list[str], env: dict[str, str], suffix: str) -> None:
    # One untimed run of each first, so neither pays for a cold file cache alone.
    for argv, markers in ((demo_argv, DEMO_MARKERS), (bare_argv, BARE_MARKERS)):
        terminal = Terminal(argv, env)
        terminal.wait_for(markers)
        terminal.kill()

    demo, plain = [], []
    for _ in range(STARTUP_RUNS):
        for argv, markers, into in ((demo_argv, DEMO_MARKERS, demo), (bare_argv, BARE_MARKERS, plain)):
            terminal = Terminal(argv, env)
            into.append(terminal.wait_for(markers) * 1000)
            terminal.kill()
    demo_ms, bare_ms = statistics.median(demo), statistics.median(plain)
    print(f"startup_demo_ms{suffix}={demo_ms:.1f}")
    print(f"startup_bare_ms{suffix}={bare_ms:.1f}")
    print(f"startup_demo_min_ms{suffix}={min(demo):.1f}")
    print(f"startup_bare_min_ms{suffix}={min(plain):.1f}")
    print(f"startup_ratio_demo_vs_bare{suffix}={demo_ms / bare_ms:.3f}")


# -- 2. idle CPU ---------------------------------------------------------------------------


def idle(tmp: Path, env: dict[str, str]) -> None:
    """The idle part: the full day, the demo, the bare app, the full day on plain
    Textual and the full day with nobody speaking, running side by side, measured over
    the same windows."""
    script = tmp / "ticking_bare_app.py"
    script.write_text(TICKING_BARE_APP, encoding="utf-8")
    floor = tmp / "speaking_floor_app.py"
    floor.write_text(SPEAKING_FLOOR_APP, encoding="utf-8")
    plain_env = {**env, "COOPCONSOLE_PLAIN_TEXTUAL": "1"}
    programs = {
        "fullday": (console_on(tmp, running_fullday(), "fullday"), env, FULLDAY_MARKERS),
        "demo": (console_on(tmp, running_demo(), "demo"), env, DEMO_MARKERS),
        "bare": ([sys.executable, str(script)], env, BARE_MARKERS),
        "fullday_plain": (console_on(tmp, running_fullday(), "fullday_plain"), plain_env, FULLDAY_MARKERS),
        "fullday_silent": (console_on(tmp, silent_fullday(), "fullday_silent"), env, FULLDAY_MARKERS),
        "speaking_floor": ([sys.executable, str(floor)], env, BARE_MARKERS),
    }
    percents, output = measure_idle(programs)
    print_idle(percents, output)
    bare = percents["bare"]
    for label in ("fullday", "demo", "fullday_plain", "fullday_silent", "speaking_floor"):
        ratios = [mine / base for mine, base in zip(percents[label], bare, strict=True) if base]
        print(
            f"idle_ratio_{label}_vs_bare={statistics.median(ratios):.2f}"
            if ratios
            else f"idle_ratio_{label}_vs_bare=nan"
        )
    print(f"idle_windows={IDLE_WINDOWS}")


def console_on(tmp: Path, session: Session, label: str) -> list[str]:
    """The command that opens ``session``, written in a sessions folder of its own."""
    sessions = tmp / f"idle-{label}"
    SessionStore(sessions).create(session).close()
    return [*console_command(), "--sessions-dir", str(sessions), "open", session.name]


# -- 3. event-loop stalls while saving -----------------------------------------------------


async def stalls_while_saving(tmp: Path) -> None:
    from coopconsole.tui.app import make_app
    from coopconsole.tui.messages import CaptureSubmitted

    store = SessionStore(tmp / "stall-sessions")
    session = running_fullday()
    store.create(session).close()
    people = len(session.participants)
    app = make_app(store, session.name, lang="en", clock=system_clock)

    lateness: list[float] = []
    recording = False
    stop = asyncio.Event()

    async def monitor() -> None:
        while not stop.is_set():
            asked = time.perf_counter() + WAKE_S
            await asyncio.sleep(WAKE_S)
            late = time.perf_counter() - asked
            if recording:
                lateness.append(late)

    async with app.run_test(size=(COLUMNS, ROWS)) as pilot:
        watcher = asyncio.create_task(monitor())
        await asyncio.sleep(1.0)  # start-up: not recorded
        screen = app.screen
        recording = True
        started = time.perf_counter()
        for n in range(SAVES):
            if n % ACTION_EVERY == ACTION_EVERY - 1:
                text = f"@person{n % people + 1:02d} send the pilot line data sheet {n} by Friday"
                screen.on_capture_submitted(CaptureSubmitted("action", text))
            elif n % 2:
                screen.do(lambda n=n: screen.service.captures.note(f"Point {n}: integration test plan 测试计划"))
            else:
                screen.action_speaker(n % 9 + 1)
            await asyncio.sleep(SAVE_EVERY_S)
        await screen.intents.idle()
        await pilot.pause()
        elapsed = time.perf_counter() - started
        recording = False
        stop.set()
        await watcher
        saved = len(screen.service.session.notes) - len(session.notes)
    print(f"stall_saves={SAVES}")
    print(f"stall_notes_saved={saved}")
    print(f"stall_seconds={elapsed:.1f}")
    print(f"stall_samples={len(lateness)}")
    print(f"max_stall_ms={max(lateness) * 1000:.2f}")
    print(f"p99_stall_ms={percentile(lateness, 99) * 1000:.2f}")
    print(f"median_stall_ms={statistics.median(lateness) * 1000:.3f}")
    print(f"stalls_over_16ms={sum(1 for x in lateness if x > 0.016)}")


# -- 4. capture to visible ------------------------------------------------------------------


def capture(tmp: Path, env: dict[str, str]) -> None:
    """The ``capture`` part: :mod:`capture_visible`, at the three sizes."""
    import capture_visible

    def argv(folder: Path, name: str) -> list[str]:
        return [*console_command(), "--sessions-dir", str(folder), "--lang", "en", "open", name]

    def big() -> Session:
        return running_fullday("big", workshop(name="big", turns=16_849, actions=1_520, notes=1_520))

    def early() -> Session:
        return running_fullday("early", workshop(name="early", turns=60, actions=4, notes=4))

    sizes = {
        "demo": (running_demo, DEMO_MARKERS),
        "early": (early, FULLDAY_MARKERS),
        "fullday": (running_fullday, FULLDAY_MARKERS),
        "big": (big, FULLDAY_MARKERS),
    }
    capture_visible.measure(tmp, env, argv, sizes)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-console-") as name:
        tmp = Path(name)
        config = tmp / "config"
        config.mkdir()
        os.environ["COOPCONSOLE_CONFIG"] = str(config)  # the in-process app, too
        env = {**os.environ, "TERM": "xterm-256color"}
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        env.pop("COOPCONSOLE_SESSIONS", None)
        env.pop("TEXTUAL", None)

        parts = set(sys.argv[1:]) or {"startup", "idle", "stalls", "capture"}
        if parts & {"startup", "idle", "capture"}:
            print(f"reference_textual={textual_version}")
            print(f"reference_driver={reference_driver(env)}")
        if "startup" in parts:
            startup(tmp, env)
        if "idle" in parts:
            idle(tmp, env)
        if "capture" in parts:
            capture(tmp, env)
        if "stalls" in parts:
            asyncio.run(stalls_while_saving(tmp))


if __name__ == "__main__":
    main()

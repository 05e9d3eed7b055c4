"""Capture to visible: from Enter in the capture bar to the new action's row on the terminal
(the ``capture`` part of ``bench_console.py``).

What is timed
    A console runs in a pseudo-terminal (120x36, ``TERM=xterm-256color``, an empty
    ``COOPCONSOLE_CONFIG``; ``coopconsole --sessions-dir DIR --lang en open NAME``), its
    output read all along by a thread that stamps each read with ``time.perf_counter``.
    A note-taker's capture is typed as raw bytes, as Textual's own driver reads keys
    (``tests/test_fast_keys.py``): ``a`` (the action key), then ``@`` and the start of a
    participant's first name, Tab once the console shows the name it would complete, then
    ``zq…`` (a text of its own for every sample) ``… by Friday``. Each step waits until the
    console has drawn it. After a random pause (0-1 s, so the samples do not fall in step
    with the console's one-second tick) Enter is written, and the clock starts. It stops
    at the read that completes the sample's unique text on a terminal row where the capture
    bar did not draw it: the new row in the actions pane, in a frame written after Enter.
    The bar's rows are those on which the text was drawn while it was typed; every span
    Textual writes starts with a cursor move (``ESC [ row ; col H``), which names its row.

    A console is opened on a fresh copy of the session for every ``ROUNDS_PER_CONSOLE``
    samples, so that the session keeps its size and the new rows stay in view.

Sizes
    ``demo``: the English sample meeting (7 people, no records yet), its clock started now;
    ``early``: the workshop of ``workshop.py`` (30 people, 40 items) with a few minutes'
    records (about 130: 60 speaker turns, 4 actions, 4 notes), the same meeting as the
    next two in its fifth minute; ``fullday``: the workshop (about 3,600 records);
    ``big``: the same in the proportions of 20,000 records (as ``bench_store.py``). The
    workshops are re-stamped so that their clock is running on the last item
    (``running_fullday``).

The reference: a bare Textual app
    Written to a temporary folder at run time and run by the same Python, Textual as
    shipped (its own driver, ``textual.drivers.linux_driver``; neither the console's
    modules nor ``COOPCONSOLE_PLAIN_TEXTUAL`` play any part in it): a Header, a scrolling
    list, an ``Input`` docked above the Footer. Enter appends the line to a file, flushes
    and fsyncs it, then mounts a ``Label`` with the line at the end of the list and
    scrolls to it. It is typed the same text in one go (it has no capture key and no name
    completion; what comes before Enter is not timed) and timed the same way: to its text
    on a row other than the Input's.

Printed
    ``capture_visible_p50_ms_{demo,early,fullday,big}``, ``capture_visible_p95_ms_{...}``,
    ``bare_capture_visible_p50_ms``, ``bare_capture_visible_p95_ms``;
    ``capture_visible_ratio_{demo,early,fullday,big}_vs_bare``: the console's p95 over the bare
    app's p95; ``capture_visible_ratio_big_vs_demo``: p95 over p95, and
    ``capture_visible_ratio_big_vs_early`` the same against the workshop in its fifth
    minute (the meeting's length alone; the demo also differs from it in its 7 people and
    7 items). The rounds of the five
    programs alternate, so a noisy minute of a shared machine falls on all of them. Each
    program's samples, in the order taken, go to standard error, for a look at the slow
    ones (the first capture of each console, a stall of the disk).

Targets: the console's p95 at most 1.5 times the bare app's at every size, and the 20,000
record session's p95 at most 1.2 times the demo's. The console does more than the bare app
for a capture, as it must: it parses and checks the line, replaces the session file
atomically (write, ``fdatasync``, rename, fsync of the folder) where the bare app appends,
and redraws the panes the record changes.
"""

from __future__ import annotations

import os
import random
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from terminal import Terminal, painted_text

from coopconsole.domain.model import Session
from coopconsole.store import SessionStore

SAMPLES = 40  # a p95 of twenty samples is their second slowest: one fsync stall of the disk
ROUNDS_PER_CONSOLE = 5
STEP_TIMEOUT_S = 20.0
SETTLE_S = 1.5  # the bar's field is made right after the first frame

BARE_MARKERS = ("BareCapture", "Quit")

BARE_CAPTURE_APP = """\
import os
import sys

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Input, Label


class BareCapture(App):
    CSS = "#rows { height: 1fr; }"
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="rows")
        yield Input(placeholder="capture a line")
        yield Footer()

    def on_mount(self) -> None:
        self.saved = open(sys.argv[1], "ab")
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        line = event.value
        self.saved.write(line.encode("utf-8") + b"\\n")
        self.saved.flush()
        os.fsync(self.saved.fileno())
        event.input.value = ""
        rows = self.query_one("#rows", VerticalScroll)
        rows.mount(Label(line))
        rows.scroll_end(animate=False)


BareCapture().run()
"""

_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")


def rows_showing(output: bytes, text: str) -> set[int]:
    """The terminal rows (1 is the top) on which ``output`` draws ``text`` in one span.

    A span is what follows a cursor move to ``row;column``, up to the next move; what
    comes before the first move is not placed and not counted."""
    rows: set[int] = set()
    moves = list(_MOVE.finditer(output))
    for move, after in zip(moves, [*moves[1:], None], strict=True):
        span = output[move.end() : after.start() if after is not None else len(output)]
        if text in painted_text(span):
            rows.add(int(move.group(1)))
    return rows


class Tape(threading.Thread):
    """Every read of a terminal's output, with the time it was read."""

    def __init__(self, terminal: Terminal) -> None:
        super().__init__(daemon=True)
        self.master = terminal.master
        self.reads: list[tuple[float, bytes]] = []
        self.changed = threading.Condition()
        self._stop_reading = threading.Event()

    def run(self) -> None:
        import select

        while not self._stop_reading.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if not ready:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the process is gone
                data = b""
            with self.changed:
                if data:
                    self.reads.append((time.perf_counter(), data))
                self.changed.notify_all()
            if not data:
                return

    def stop(self) -> None:
        self._stop_reading.set()
        self.join()

    def mark(self) -> int:
        with self.changed:
            return len(self.reads)

    def since(self, mark: int) -> bytes:
        with self.changed:
            return b"".join(data for _, data in self.reads[mark:])

    def wait(self, mark: int, found: Callable[[bytes], bool], what: str) -> float:
        """The time of the first read after ``mark`` at which ``found`` holds for the output
        since ``mark``; raises if it does not within ``STEP_TIMEOUT_S``."""
        deadline = time.perf_counter() + STEP_TIMEOUT_S
        seen = mark
        output = b""
        with self.changed:
            while True:
                while seen < len(self.reads):
                    at, data = self.reads[seen]
                    seen += 1
                    output += data
                    if found(output):
                        return at
                left = deadline - time.perf_counter()
                if left <= 0 or not self.is_alive():
                    tail = painted_text(output)[-400:]
                    raise SystemExit(f"{what}: not drawn within {STEP_TIMEOUT_S:.0f} s; last output: {tail!r}")
                self.changed.wait(left)


def completed_name(names: list[str], typed: str) -> str:
    """The name the capture bar completes ``@typed`` to (``NameSuggester``'s rule)."""
    low = typed.casefold()
    for name in names:
        if any(w.casefold().startswith(low) and w.casefold() != low for w in [name, *name.split()]):
            return name
    raise ValueError(f"no participant's name starts with {typed!r}")


class Typist:
    """Types captures into one program in a pty and times Enter to the row drawn."""

    def __init__(self, terminal: Terminal, console: bool, names: list[str], rnd: random.Random) -> None:
        self.terminal = terminal
        self.console = console
        self.names = names
        self.rnd = rnd
        self.tape = Tape(terminal)
        self.tape.start()

    def _type(self, data: bytes, shown: str, what: str) -> bytes:
        """Write ``data``; return what was drawn until ``shown`` was."""
        mark = self.tape.mark()
        os.write(self.terminal.master, data)
        self.tape.wait(mark, lambda out: shown in painted_text(out), what)
        return self.tape.since(mark)

    def capture(self, marker: str) -> float:
        """One sample: seconds from Enter to ``marker`` on a row the bar did not draw it on."""
        words = f"{marker} pilot line data sheet by Friday"
        if self.console:
            self._type(b"a", "Enter saves", "the capture bar")
            typed = self.names[0].split()[0][:-1]
            name = completed_name(self.names, typed)
            self._type(f"@{typed}".encode(), f"@{name}", "the name completion")
            drawn = self._type(f"\t{words}".encode(), marker, "the typed text")  # Tab adds the space
        else:
            drawn = self._type(f"@{self.names[0]} {words}".encode(), marker, "the typed text")
        bar_rows = rows_showing(drawn, marker)
        time.sleep(self.rnd.uniform(0.0, 1.0))
        mark = self.tape.mark()
        entered = time.perf_counter()
        os.write(self.terminal.master, b"\r")
        shown = self.tape.wait(mark, lambda out: bool(rows_showing(out, marker) - bar_rows), "the new row")
        return shown - entered

    def close(self) -> None:
        self.tape.stop()
        self.terminal.kill()


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(
    tmp: Path,
    env: dict[str, str],
    console_argv: Callable[[Path, str], list[str]],
    sessions: dict[str, tuple[Callable[[], Session], tuple[str, ...]]],
) -> None:
    """Time ``SAMPLES`` captures for each session and for the bare app; print the figures.

    ``sessions``: by label, a function making the session (a fresh copy each time) and the
    texts of its first frame. ``console_argv(folder, name)``: the command opening it."""
    bare_script = tmp / "bare_capture_app.py"
    bare_script.write_text(BARE_CAPTURE_APP, encoding="utf-8")
    samples: dict[str, list[float]] = {label: [] for label in [*sessions, "bare"]}
    names: dict[str, list[str]] = {}
    rnd = random.Random(7)
    for first in range(0, SAMPLES, ROUNDS_PER_CONSOLE):
        for label in samples:
            folder = tmp / f"capture-{label}-{first}"
            if label == "bare":
                folder.mkdir()
                argv, markers = [sys.executable, str(bare_script), str(folder / "lines.txt")], BARE_MARKERS
                people = names.get("fullday") or ["Person 01"]
            else:
                make, markers = sessions[label]
                session = make()
                SessionStore(folder).create(session).close()
                people = names.setdefault(label, [p.name for p in session.participants])
                argv = console_argv(folder, session.name)
            terminal = Terminal(argv, env)
            terminal.wait_for(markers)
            typist = Typist(terminal, label != "bare", people, rnd)
            try:
                time.sleep(SETTLE_S)
                for n in range(first, min(first + ROUNDS_PER_CONSOLE, SAMPLES)):
                    samples[label].append(typist.capture(f"zq{label[:2]}{n:03d}") * 1000)
            finally:
                typist.close()
    for label, values in samples.items():  # in the order taken, for a look at the outliers
        print(f"samples {label}: " + " ".join(f"{v:.1f}" for v in values), file=sys.stderr)
    bare_p95 = _percentile(samples["bare"], 95)
    for label in sessions:
        print(f"capture_visible_p50_ms_{label}={_percentile(samples[label], 50):.1f}")
        print(f"capture_visible_p95_ms_{label}={_percentile(samples[label], 95):.1f}")
    print(f"bare_capture_visible_p50_ms={_percentile(samples['bare'], 50):.1f}")
    print(f"bare_capture_visible_p95_ms={bare_p95:.1f}")
    for label in sessions:
        print(f"capture_visible_ratio_{label}_vs_bare={_percentile(samples[label], 95) / bare_p95:.2f}")
    for small in ("demo", "early"):
        if "big" in sessions and small in sessions:
            ratio = _percentile(samples["big"], 95) / _percentile(samples[small], 95)
            print(f"capture_visible_ratio_big_vs_{small}={ratio:.2f}")
    print(f"capture_samples={SAMPLES}")

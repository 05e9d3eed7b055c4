"""Follow-up benchmark: the actions of a whole sessions folder, from the command line and
on the board, against what merely reading the folder costs.

The folder (built once per run, in a temporary folder, from a fixed seed)
    200 session files: 20 series of 10 weekly meetings each. Every meeting after the
    first is made the way ``coopconsole next`` makes it (``next_meeting_from`` on the
    previous meeting, then ``follow_up`` on the series so far): it ``follows`` the
    previous one, its ``series`` is the first meeting's name, its agenda opens with the
    review of the previous actions, and every action of the series not done is carried
    into it by ``carry_over`` (``origin``, ``carried_from``, ``carried`` and the history
    of every copy). Each meeting then "happens": 8-14 participants from 3-5
    organisations (Chinese and English names, some absent or late), an agenda of 6-9
    items with owners and sub-points, 200-400 clock events (START, a speaker change every
    15-40 s, NEXT between items, END), notes, decisions, parked points, goals, and new
    actions with owners, organisations and deadlines (a tenth without). Actions move on
    the board (``domain.board.moved``) in the review of the meeting that holds their
    newest copy and in the days after it, sometimes with a remark only. The folder holds
    exactly 10,000 action records (carried copies included; ``actions_distinct`` of them
    are distinct actions) and 30,000 ``StatusChange`` entries in their histories (as
    stored: a carried copy stores the history it was carried with). Each meeting
    captures about an even share of the series' 500 records less what it carries; the
    week before a series' last meeting, the oldest open actions it would have no room
    for are closed ("no longer needed"). Moves are drawn at a rate that leaves some
    hundreds of changes short of 30,000; remarks after the last meeting of each series
    make up the rest. The files are written with ``SessionStore.create``.
    ``build_s``, ``folder_mb``, ``actions_records``, ``status_changes`` and
    ``events_total`` describe it.

The commands (``read_floor_ms``, ``actions_all_cold_ms``, ``actions_all_ms``, ``actions_owner_ms``, ratios)
    Each is a fresh process, timed from just before the spawn until it has exited and
    its output (a pipe, drained all along) is read to the end: Python's start-up and
    every import count, as a user feels them.

    A look across the folder keeps an index of its actions beside the sessions
    (``.actions-index``, see ``coopconsole.store.actions_index``) and, the next time,
    reads only the files that changed since. So ``actions`` is measured both ways:

    * ``read_floor_ms``: a ten-line Python script (written to the temporary folder) that
      reads every ``*.json`` file of the folder and decodes it with ``orjson.loads``,
      nothing else: what no command that looks at every file can go below.
    * ``actions_all_cold_ms``: ``coopconsole --sessions-dir DIR actions --json`` with no
      index (removed, untimed, before each run): every file read and decoded, and the
      index written. The first look at a folder, or the first after a coopconsole that
      keeps no index (or every session changed) costs this.
    * ``actions_all_ms``: the same command right after, the index in place and no file
      changed since (warm): each session file only ``stat``-ed. The index goes stale
      per series: after a ``status`` or an ``add`` only that series' files are read.
    * ``actions_owner_ms``: ``coopconsole --sessions-dir DIR actions --owner NAME``
      (warm), the table of one person's actions (``owner_filter`` says who;
      ``owner_actions`` how many rows).
    * ``actions_ratio_vs_floor`` = ``actions_all_ms`` / ``read_floor_ms`` (warm). Target:
      at most 2. ``actions_cold_ratio_vs_floor`` is the same for ``actions_all_cold_ms``.
    * ``python_startup_ms``, for reading the others: ``python -c pass`` timed the same way.
    * ``actions_listed`` is how many actions ``actions --json`` gave (one per distinct
      action: carried copies are listed once).

    The folder is left alone for two seconds after it is built: files saved less than
    that before a look are not filed in the index (two saves within one tick of the
    file system's clock could look alike). The run stops if the index does not hold
    every series after the first look (the warm figures would not be warm).

The board (``board_open_ms``, ``board_cards_ms``, ``console_startup_ms``, ``board_ratio_vs_console``)
    Each spawned in a pseudo-terminal (``terminal.Terminal``: 120x36,
    ``TERM=xterm-256color``) as ``bench_console.py`` does; the clock stops when the
    painted text (escape sequences stripped) shows every marker, then the process is
    killed.

    * ``board_open_ms``: ``coopconsole --sessions-dir DIR board`` until its first frame,
      the column titles "To do" and "In review" (the board screen paints them before the
      folder's actions are read, in a worker thread, and its status line says "reading
      the folder…" meanwhile).
    * ``board_cards_ms``: the same process, on until the status line says
      "N of N actions" (N: ``actions_distinct``): the board has read the folder and
      mounted every card; what a user waits for before the board is of any use.
    * ``console_startup_ms``: the console opening the demo meeting (made beforehand with
      ``demo --no-open``), until the meeting title and the "Speakers" pane show:
      ``startup_demo_ms`` of ``bench_console.py``, measured again here on the same
      machine in the same run.
    * ``board_ratio_vs_console`` = ``board_open_ms`` / ``console_startup_ms``. Target: at
      most 1.5. ``board_cards_ratio_vs_console`` is the same for ``board_cards_ms``.

    The board reads the folder as ``actions`` does: it runs after them in each round,
    so with the index in place (warm).

    Where ``coopconsole board --help`` fails (the command does not exist yet) the board
    is skipped: ``board_open_ms=nan`` and a note on standard error.

How
    Every process runs with an empty ``COOPCONSOLE_CONFIG`` folder, ``LC_ALL=C.UTF-8``
    (English texts, whatever the locale) and its own bytecode cache in the temporary
    folder (``PYTHONPYCACHEPREFIX``), as installed modules are compiled. One untimed
    round runs every command first (it fills that cache and checks the outputs). Then N
    rounds (``--rounds N``, default 7), each running every measured command once, in
    turn, so that noise on the machine hits all of them alike; each figure is the median
    of its N samples (``*_min_ms``: the fastest).

Run: ``python benchmarks/bench_followup.py`` (about two minutes), or name the parts:
``python benchmarks/bench_followup.py actions`` or ``... board``; ``--rounds 3``.
``--keep DIR`` builds the folder in DIR (left there, for profiling) instead.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_console import DEMO_MARKERS, console_command  # noqa: E402
from followup_folder import SERIES, status_changes, write_folder  # noqa: E402
from followup_words import CHINESE_NAMES  # noqa: E402
from terminal import Terminal  # noqa: E402

from coopconsole.domain.model import Session  # noqa: E402
from coopconsole.store.actions_index import INDEX_NAME, RACY_NS, load_index  # noqa: E402

ROUNDS = 7
BOARD_MARKERS = ("To do", "In review")

READ_FLOOR = """\
import os
import sys

import orjson

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if name.endswith(".json"):
        with open(os.path.join(folder, name), "rb") as f:
            orjson.loads(f.read())
"""


def describe(folder: Path, sessions: list[Session], seconds: float) -> tuple[str, int]:
    """Print what the folder holds; return the owner the ``--owner`` figure filters on,
    and how many distinct actions there are."""
    actions = [a for s in sessions for a in s.actions]
    distinct = {a.origin or f"{s.name}#{a.id}" for s in sessions for a in s.actions}
    size = sum(p.stat().st_size for p in folder.glob("*.json"))
    print(f"build_s={seconds:.1f}")
    print(f"sessions={len(sessions)}")
    print(f"series={len({s.series or s.name for s in sessions})}")
    print(f"folder_mb={size / 1e6:.1f}")
    print(f"actions_records={len(actions)}")
    print(f"actions_distinct={len(distinct)}")
    print(f"actions_carried_copies={sum(1 for a in actions if a.carried)}")
    print(f"status_changes={status_changes(sessions)}")
    print(f"events_total={sum(len(s.events) for s in sessions)}")
    # The owner of the most actions among the Chinese names: a name given whole.
    owners = Counter(a.owner for a in actions if a.owner in CHINESE_NAMES)
    return owners.most_common(1)[0][0], len(distinct)


# -- timing ------------------------------------------------------------------------------


def run(argv: list[str], env: dict[str, str]) -> tuple[float, bytes, bytes]:
    """Milliseconds from the spawn until the process exited, its output read to the end."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = process.communicate()
    elapsed = (time.perf_counter() - started) * 1000
    if process.returncode:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {err.decode(errors='replace')[-800:]}")
    return elapsed, out, err


def first_frame(argv: list[str], env: dict[str, str], *stages: tuple[str, tuple[str, ...]]) -> dict[str, float]:
    """Milliseconds from the spawn until each stage's markers are all painted, in turn
    (a later stage that never shows is NaN, and said on standard error)."""
    terminal = Terminal(argv, env)
    times: dict[str, float] = {}
    try:
        for figure, markers in stages:
            try:
                times[figure] = terminal.wait_for(markers) * 1000
            except SystemExit as exc:
                if not times:
                    raise
                print(f"note: {figure}: {exc}", file=sys.stderr)
                times[figure] = math.nan
                break
    finally:
        if terminal.process.returncode is None:
            terminal.kill()
    return times


def has_board(env: dict[str, str]) -> bool:
    done = subprocess.run([*console_command(), "board", "--help"], env=env, capture_output=True)
    return done.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("parts", nargs="*", choices=("actions", "board", []), default=[])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--keep", type=Path, default=None, help="build the folder here and leave it")
    options = parser.parse_args()
    parts = set(options.parts) or {"actions", "board"}

    with tempfile.TemporaryDirectory(prefix="bench-followup-") as name:
        tmp = Path(name)
        folder = options.keep or tmp / "sessions"
        if folder.exists() and any(folder.iterdir()):
            raise SystemExit(f"{folder} is not empty")
        config = tmp / "config"
        config.mkdir()
        env = {**os.environ, "TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "COOPCONSOLE_CONFIG": str(config)}
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        for unwanted in ("COLUMNS", "LINES", "COOPCONSOLE_SESSIONS", "TEXTUAL", "PYTHONDONTWRITEBYTECODE"):
            env.pop(unwanted, None)
        coop = [*console_command(), "--sessions-dir", str(folder)]

        sessions, seconds = write_folder(folder)
        owner, distinct = describe(folder, sessions, seconds)
        time.sleep(RACY_NS / 1e9)  # files saved just now are not filed in the index (see its docstring)

        def timed(figure: str, argv: list[str]) -> Callable[[], dict[str, float]]:
            return lambda: {figure: run(argv, env)[0]}

        def cold(figure: str, argv: list[str]) -> Callable[[], dict[str, float]]:
            def measure() -> dict[str, float]:
                (folder / INDEX_NAME).unlink(missing_ok=True)  # untimed
                return {figure: run(argv, env)[0]}

            return measure

        measures: list[Callable[[], dict[str, float]]] = []
        if "actions" in parts:
            floor_script = tmp / "read_floor.py"
            floor_script.write_text(READ_FLOOR, encoding="utf-8")
            _, out, err = run([*coop, "actions", "--json"], env)
            if err:  # "skipped: ..." for a file it could not read: the folder is not as built
                raise SystemExit(f"actions --json said: {err.decode(errors='replace')[:800]}")
            listed = json.loads(out)
            rows = run([*coop, "actions", "--owner", owner], env)[1].decode().splitlines()
            print(f"actions_listed={len(listed)}")
            print(f"owner_filter={owner}")
            print(f"owner_actions={len(rows) - 1}")  # less the table's heading
            filed = len(load_index(folder).series)
            if filed != SERIES:  # then the warm figures would not be warm
                raise SystemExit(f"the index holds {filed} series of {SERIES} after a look across the folder")
            measures += [
                timed("python_startup_ms", [sys.executable, "-c", "pass"]),
                timed("read_floor_ms", [sys.executable, str(floor_script), str(folder)]),
                cold("actions_all_cold_ms", [*coop, "actions", "--json"]),
                timed("actions_all_ms", [*coop, "actions", "--json"]),
                timed("actions_owner_ms", [*coop, "actions", "--owner", owner]),
            ]
        board = "board" in parts and has_board(env)
        if "board" in parts:
            if board:
                cards = (f"{distinct} of {distinct} actions",)
                stages = (("board_open_ms", BOARD_MARKERS), ("board_cards_ms", cards))
                measures.append(lambda: first_frame([*coop, "board"], env, *stages))
            else:
                print("note: 'coopconsole board' does not exist here yet: the board is skipped", file=sys.stderr)
            demo_folder = tmp / "demo-sessions"
            made = run([*console_command(), "--sessions-dir", str(demo_folder), "demo", "--no-open"], env)[1]
            demo = [*console_command(), "--sessions-dir", str(demo_folder), "open", made.decode().strip()]
            measures.append(lambda: first_frame(demo, env, ("console_startup_ms", DEMO_MARKERS)))

        for measure in measures:  # untimed: fills the bytecode cache
            measure()
        samples: dict[str, list[float]] = {}
        for _ in range(options.rounds):
            for measure in measures:
                for figure, ms in measure().items():
                    samples.setdefault(figure, []).append(ms)

        medians = {figure: statistics.median(values) for figure, values in samples.items()}
        for figure, values in samples.items():
            print(f"{figure}={medians[figure]:.1f}")
            print(f"{figure.removesuffix('_ms')}_min_ms={min(values):.1f}")
        if "actions" in parts:
            floor = medians["read_floor_ms"]
            print(f"actions_ratio_vs_floor={medians['actions_all_ms'] / floor:.2f}")
            print(f"actions_cold_ratio_vs_floor={medians['actions_all_cold_ms'] / floor:.2f}")
        if board:
            console = medians["console_startup_ms"]
            print(f"board_ratio_vs_console={medians['board_open_ms'] / console:.2f}")
            print(f"board_cards_ratio_vs_console={medians['board_cards_ms'] / console:.2f}")
        elif "board" in parts:
            print("board_open_ms=nan")
            print("board_ratio_vs_console=nan")


if __name__ == "__main__":
    main()

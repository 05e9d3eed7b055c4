"""Commands on one session at the demo's size and at 20,000 records.

What is timed
    ``coopconsole --sessions-dir DIR show NAME``, ``list``, ``add NAME note TEXT`` and
    ``status NAME#1 STATE``, each spawned as a process and timed from just before the
    spawn until it has exited (Python's start-up and every import count, as a user feels
    them), ``ROUNDS`` times after one untimed run. The rounds alternate the two sizes
    command by command, so a noisy minute of a shared machine falls on both. ``status``
    moves the session's action #1 between "doing" and "review", so every run changes it;
    every ``add`` adds a note, a few records in all.

Sizes (each session alone in its own sessions folder, so ``list`` lists one)
    ``demo``: the English sample meeting with its clock started (7 people, one event, and
    the one action ``status`` moves); ``big``: the synthetic workshop of ``workshop.py``
    in the proportions of 20,000 records (30 people, 40 items, 16,849 speaking turns,
    1,520 actions and 1,520 notes), its clock running on the last item, as
    ``bench_console.py`` and ``bench_store.py`` have it.

Printed
    ``cmd_{show,list,add,status}_ms_{demo,big}`` (medians), ``cmd_..._ratio_big_vs_demo``;
    ``records_big`` and ``file_kb_big``; and, to read them by, ``python_startup_ms``
    (``python -c pass``) and ``read_floor_ms_big``: a Python script that reads the big
    session file and decodes it with ``orjson.loads``, nothing else, what no command that
    reads the session can go below. ``list`` reads only the session's header, its people,
    its agenda and the events that start and end the clock (``coopconsole.store.listing``);
    the other three read and decode the whole file, and ``show`` replays every event for
    the floor's figures.

Run: ``python benchmarks/bench_commands.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_console import console_command, running_demo, running_fullday  # noqa: E402
from workshop import record_count, workshop  # noqa: E402

from coopconsole.domain.model import ActionItem  # noqa: E402
from coopconsole.store import SessionStore  # noqa: E402

ROUNDS = 7
SIZES = ("demo", "big")
COMMANDS = ("show", "list", "add", "status")

READ_FLOOR = """\
import sys
import orjson
with open(sys.argv[1], "rb") as f:
    orjson.loads(f.read())
"""


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env)
    return (time.perf_counter() - start) * 1000


def sessions(tmp: Path) -> dict[str, Path]:
    """A sessions folder per size, each holding its one session (named as the size)."""
    demo = running_demo("demo")
    demo.actions = [ActionItem(id=1, deliverable="send the site survey", owner=demo.participants[0].name)]
    made = {
        "demo": demo,
        "big": running_fullday(session=workshop(name="big", turns=16_849, actions=1_520, notes=1_520)),
    }
    folders = {}
    for size, session in made.items():
        folder = tmp / size
        SessionStore(folder).create(session).close()
        folders[size] = folder
    print(f"records_big={record_count(made['big'])}")
    print(f"file_kb_big={(folders['big'] / 'big.json').stat().st_size / 1024:.0f}")
    return folders


def command(name: str, size: str, round_no: int) -> list[str]:
    if name == "show":
        return ["show", size]
    if name == "list":
        return ["list"]
    if name == "add":
        return ["add", size, "note", f"the pilot site survey is booked, round {round_no}"]
    return ["status", f"{size}#1", "doing" if round_no % 2 else "review"]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-commands-", dir=Path.cwd()) as name:
        tmp = Path(name)
        config = tmp / "config"
        config.mkdir()
        env = {**os.environ, "COOPCONSOLE_CONFIG": str(config)}
        env.pop("COOPCONSOLE_SESSIONS", None)
        folders = sessions(tmp)
        floor_script = tmp / "read_floor.py"
        floor_script.write_text(READ_FLOOR, encoding="utf-8")
        base = console_command()
        times: dict[tuple[str, str], list[float]] = {(c, s): [] for c in COMMANDS for s in SIZES}
        startup: list[float] = []
        floor: list[float] = []
        for round_no in range(ROUNDS + 1):
            for cmd in COMMANDS:
                for size in SIZES:
                    argv = [*base, "--sessions-dir", str(folders[size]), *command(cmd, size, round_no)]
                    took = timed(argv, env)
                    if round_no:  # the first round is not timed: caches, the index, the imports' .pyc
                        times[cmd, size].append(took)
            python = timed([sys.executable, "-c", "pass"], env)
            read = timed([sys.executable, str(floor_script), str(folders["big"] / "big.json")], env)
            if round_no:
                startup.append(python)
                floor.append(read)
        print(f"python_startup_ms={statistics.median(startup):.1f}")
        print(f"read_floor_ms_big={statistics.median(floor):.1f}")
        for cmd in COMMANDS:
            demo, big = (statistics.median(times[cmd, size]) for size in SIZES)
            print(f"cmd_{cmd}_ms_demo={demo:.1f}")
            print(f"cmd_{cmd}_ms_big={big:.1f}")
            print(f"cmd_{cmd}_ratio_big_vs_demo={big / demo:.2f}")


if __name__ == "__main__":
    main()

"""How soon a change made by another process shows in an open console, and what following
the folder costs while nothing changes (part of ``bench_live.py``).

A console runs in a pseudo-terminal on the running demo session. ``coopconsole add`` is
run ``ROUNDS`` times from another process, each adding an action with a marker of its
own; the time from ``add`` returning (the record is on disk) to the marker painted in
the console's output is one sample. The rounds start at random moments so that they do
not fall in step with the console's one-second tick.

* ``cross_process_visible_p50_ms`` / ``_p95_ms``: with the kernel's file notifications
  (as shipped).
* ``cross_process_visible_polling_p50_ms`` / ``_p95_ms``: the same console with
  ``COOPCONSOLE_NO_FILE_NOTIFICATIONS=1``, following changes on its tick alone: the
  reference in the same run.
* ``idle_cpu_percent_watching`` / ``idle_cpu_percent_polling``: the console's CPU while
  nothing happens, with and without notifications (the target: no higher), both running
  at once over the same windows (the median of three, as ``bench_console.py idle``).
"""

from __future__ import annotations

import random
import subprocess
import time
from pathlib import Path

from bench_console import DEMO_MARKERS, console_command, percentile, running_demo
from idle_cpu import measure_idle, print_idle
from terminal import Terminal, painted_text

from coopconsole.store import SessionStore

ROUNDS = 30
#: The new rows a console's actions pane shows in the clear: at 120x36 the notice of the
#: previous round (a toast at the bottom right, a few seconds long) covers the fifth row on.
ROUNDS_PER_CONSOLE = 4
SEEN_TIMEOUT_S = 15.0


def _console(sessions: Path, env: dict[str, str], name: str) -> list[str]:
    return [*console_command(), "--sessions-dir", str(sessions), "--lang", "en", "open", name]


def visible_after_add(tmp: Path, env: dict[str, str], label: str) -> list[float]:
    """``ROUNDS`` samples, from consoles opened on a fresh session every
    ``ROUNDS_PER_CONSOLE`` rounds: the new action's row must be in view, neither scrolled
    below the actions pane's last line nor under the previous round's notice."""
    samples: list[float] = []
    rnd = random.Random(7)
    for first in range(0, ROUNDS, ROUNDS_PER_CONSOLE):
        sessions = tmp / f"cross{label}-{first}"
        SessionStore(sessions).create(running_demo("cross")).close()
        terminal = Terminal(_console(sessions, env, "cross"), env)
        terminal.wait_for(DEMO_MARKERS)
        try:
            for n in range(first, min(first + ROUNDS_PER_CONSOLE, ROUNDS)):
                samples.append(_one_round(terminal, sessions, env, f"zq{n:03d}", rnd, label))
        finally:
            terminal.kill()
    return samples


def _one_round(
    terminal: Terminal, sessions: Path, env: dict[str, str], marker: str, rnd: random.Random, label: str
) -> float:
    time.sleep(rnd.uniform(0.3, 1.3))
    subprocess.run(
        [*console_command(), "--sessions-dir", str(sessions), "add", "cross", "action", f"@alice {marker} draft"],
        env=env,
        check=True,
        capture_output=True,
    )
    returned = time.perf_counter()
    deadline = returned + SEEN_TIMEOUT_S
    while time.perf_counter() < deadline:
        terminal.read(0.005)
        if marker in painted_text(bytes(terminal.output[-20000:])):
            return time.perf_counter() - returned
    raise SystemExit(f"{marker} was not shown within {SEEN_TIMEOUT_S:.0f} s ({label or 'notified'})")


def main(tmp: Path, env: dict[str, str]) -> None:
    polling_env = {**env, "COOPCONSOLE_NO_FILE_NOTIFICATIONS": "1"}
    for label, run_env in (("", env), ("_polling", polling_env)):
        samples = visible_after_add(tmp, run_env, label)
        print(f"cross_process_visible{label}_p50_ms={percentile(samples, 50) * 1000:.0f}")
        print(f"cross_process_visible{label}_p95_ms={percentile(samples, 95) * 1000:.0f}")
    programs = {}
    for label, run_env in (("watching", env), ("polling", polling_env)):
        sessions = tmp / f"idle-cross-{label}"
        SessionStore(sessions).create(running_demo("idle")).close()
        programs[label] = (_console(sessions, run_env, "idle"), run_env, DEMO_MARKERS)
    print_idle(*measure_idle(programs))  # side by side, over the same windows

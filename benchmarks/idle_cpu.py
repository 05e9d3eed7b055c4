"""Idle CPU of programs in ptys, side by side: what ``bench_console.py idle`` and
``cross_process.py`` measure (see the former's docstring for the method)."""

from __future__ import annotations

import statistics
import time

from terminal import Drain, Terminal, process_cpu_seconds

SETTLE_S = 3.0  # after every first frame, before the first window
IDLE_S = 20.0  # one window
IDLE_WINDOWS = 3


def measure_idle(
    programs: dict[str, tuple[list[str], dict[str, str], tuple[str, ...]]],
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Each program's CPU use over each window (a percentage of one core), and what it
    wrote to its terminal per second over all of them. The programs run at once, each in
    its own pty, so every window finds the machine as busy for all of them."""
    terminals: dict[str, Terminal] = {}
    drains: dict[str, Drain] = {}
    try:
        for label, (argv, env, markers) in programs.items():
            terminals[label] = Terminal(argv, env)
            terminals[label].wait_for(markers)
            drains[label] = Drain(terminals[label])
            drains[label].start()
        time.sleep(SETTLE_S)
        pids = {label: terminal.process.pid for label, terminal in terminals.items()}
        percents: dict[str, list[float]] = {label: [] for label in programs}
        bytes0 = {label: drain.bytes for label, drain in drains.items()}
        start = time.perf_counter()
        for _ in range(IDLE_WINDOWS):
            cpu0 = {label: process_cpu_seconds(pid) for label, pid in pids.items()}
            wall0 = time.perf_counter()
            time.sleep(IDLE_S)
            cpu1 = {label: process_cpu_seconds(pid) for label, pid in pids.items()}
            wall = time.perf_counter() - wall0
            for label in programs:
                percents[label].append((cpu1[label] - cpu0[label]) / wall * 100)
        elapsed = time.perf_counter() - start
        for label, terminal in terminals.items():
            if terminal.process.poll() is not None:
                raise SystemExit(f"{label} exited during the idle measurement")
        output = {label: (drains[label].bytes - bytes0[label]) / elapsed for label in programs}
    finally:
        for drain in drains.values():
            drain.stop()
        for terminal in terminals.values():
            terminal.kill()
    return percents, output


def print_idle(percents: dict[str, list[float]], output: dict[str, float]) -> None:
    """``idle_cpu_percent_LABEL`` (the median of the windows) and what was written."""
    for label, windows in percents.items():
        print(f"idle_cpu_percent_{label}={statistics.median(windows):.3f}")
        print(f"idle_output_bytes_per_s_{label}={output[label]:.0f}")

"""A program run in a pseudo-terminal, for the console benchmark: its output drained all
along, the text it has painted (escape sequences stripped), and its CPU time."""

from __future__ import annotations

import ctypes
import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
import threading
import time

COLUMNS, ROWS = 120, 36
FRAME_TIMEOUT_S = 30.0

_ESCAPES = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[ -~]")


def painted_text(output: bytes) -> str:
    """The text the terminal was asked to draw, escape sequences removed."""
    return _ESCAPES.sub(b"", output).decode("utf-8", "replace")


class Terminal:
    """One process on the slave side of a fresh pty of COLUMNS x ROWS."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.output = bytearray()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)

    def read(self, timeout: float) -> bool:
        """Append what the process wrote within ``timeout``; False once the pty is closed."""
        import select

        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the process is gone
            return False
        if not data:
            return False
        self.output += data
        return True

    def wait_for(self, markers: tuple[str, ...]) -> float:
        """Read until every marker is painted; seconds since the spawn."""
        deadline = self.started + FRAME_TIMEOUT_S
        while time.perf_counter() < deadline:
            if not self.read(0.5):
                break
            text = painted_text(bytes(self.output))
            if all(marker in text for marker in markers):
                return time.perf_counter() - self.started
        tail = painted_text(bytes(self.output))[-500:]
        self.kill()
        raise SystemExit(f"no frame showing {markers!r} within {FRAME_TIMEOUT_S:.0f} s; last output: {tail!r}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


class Drain(threading.Thread):
    """Read a terminal's output until told to stop, counting the bytes."""

    def __init__(self, terminal: Terminal) -> None:
        super().__init__(daemon=True)
        self.terminal = terminal
        self.bytes = 0
        self._stop_reading = threading.Event()

    def run(self) -> None:
        while not self._stop_reading.is_set():
            before = len(self.terminal.output)
            if not self.terminal.read(0.1):
                return
            self.bytes += len(self.terminal.output) - before
            del self.terminal.output[:]  # keep memory flat; only the count matters now

    def stop(self) -> None:
        self._stop_reading.set()
        self.join()


def cpu_seconds(pid: int | str) -> float:
    """User + system CPU time of the whole process (all threads), in seconds; or, given
    ``"self/task/TID"``, of one thread of this process."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        stat = f.read()
    fields = stat[stat.rindex(b")") + 2 :].split()  # after "pid (comm) "
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


def process_cpu_seconds(pid: int) -> float:
    """CPU time of process ``pid`` (all its threads, those that ended too), to the
    nanosecond where the system gives it (``clock_getcpuclockid`` and ``clock_gettime``):
    ``/proc/PID/stat`` counts in clock ticks of 10 ms, a tenth of what a console uses in
    20 idle seconds. Elsewhere, :func:`cpu_seconds`."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        clock_id, spec = ctypes.c_int(), _Timespec()
        if libc.clock_getcpuclockid(pid, ctypes.byref(clock_id)) == 0:
            if libc.clock_gettime(clock_id, ctypes.byref(spec)) == 0:
                return spec.tv_sec + spec.tv_nsec / 1e9
    except (OSError, AttributeError):
        pass
    return cpu_seconds(pid)


# -- 1. start-up ---------------------------------------------------------------------------

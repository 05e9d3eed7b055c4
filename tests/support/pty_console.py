"""The console as a real process in a pseudo-terminal, for tests that must go through
the terminal's bytes (Textual's own driver and key parser), not the pilot's key events."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

_ESCAPES = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[ -~]")

#: How long a test waits for the console to show something before it fails.
PATIENCE_S = 60.0


class PtyConsole:
    """``coopconsole ARGS`` on the slave side of a fresh pty of ``size``."""

    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (120, 36)) -> None:
        master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.master = master
        self.output = bytearray()
        command = [sys.executable, "-m", "coopconsole", *args]
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True
        )
        os.close(slave)

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                self.output += os.read(self.master, 65536)
            except OSError:  # the process is gone
                pass

    def painted(self) -> str:
        return _ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + PATIENCE_S
        while time.monotonic() < deadline:
            self._read(0.2)
            if text in self.painted():
                return
            if self.process.poll() is not None:
                break
        raise AssertionError(f"the console never showed {text!r}; last output: {self.painted()[-400:]!r}")

    def settle(self, seconds: float) -> None:
        """Keep reading the console's output for ``seconds`` (so it never blocks on it)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read(0.05)

    def write(self, data: bytes) -> None:
        """``data`` in one write: the console reads it as one burst."""
        os.write(self.master, data)

    def until(self, check, what: str) -> None:  # type: ignore[no-untyped-def]
        """Read on until ``check()`` is true."""
        deadline = time.monotonic() + PATIENCE_S
        while time.monotonic() < deadline:
            self._read(0.1)
            if check():
                return
        raise AssertionError(f"{what} never happened; last output: {self.painted()[-400:]!r}")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def console_env(tmp: Path) -> dict[str, str]:
    """The environment of a console run by a test: its own settings, a colour terminal."""
    return dict(os.environ, TERM="xterm-256color", COOPCONSOLE_CONFIG=str(tmp / "config"), LANG="C.UTF-8")

"""The terminal driver: Textual's, with an input thread that sleeps until there is input.

Textual's input thread wakes ten times a second whether or not a key was pressed: it
polls the terminal with a 0.1 s timeout so that it can notice when it is told to stop,
and so that a lone Escape (which could be the start of a longer key sequence) is
reported once no more bytes follow within ``ESCAPE_DELAY``. Over a three-hour meeting
those wake-ups are a quarter of the console's CPU while the clock runs.

This thread waits on the terminal and on a pipe. It uses a timeout only for the
``ESCAPE_DELAY`` after input arrived, the only time the key parser can be waiting for
one; otherwise it sleeps until a byte arrives. Stopping it (``exit_event.set()``, as
Textual's ``disable_input`` does on quitting and on suspending) writes a byte to the
pipe, so it stops at once rather than at its next poll.
"""

from __future__ import annotations

import os
import selectors
import threading
import time
from codecs import getincrementaldecoder

from textual import constants
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

# Past the parser's own deadline, so that its tick() after the wait finds it due.
_MARGIN_S = 0.01


class _WakingEvent(threading.Event):
    """An Event whose ``set()`` also writes a byte to a pipe, waking a ``select`` on it."""

    def __init__(self, wake_fd: int) -> None:
        super().__init__()
        self._wake_fd = wake_fd

    def set(self) -> None:
        super().set()
        if self._wake_fd < 0:
            return
        try:
            os.write(self._wake_fd, b"\0")
        except OSError:  # full: the thread has a byte to wake it already
            pass

    def detach(self) -> None:
        """Stop writing to the pipe (it is about to be closed, and its number reused)."""
        self._wake_fd = -1


class QuietLinuxDriver(LinuxDriver):
    """Textual's Linux/macOS driver whose input thread does not poll while idle."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self.exit_event = _WakingEvent(self._wake_write)

    def _drain_wake_pipe(self) -> None:
        try:
            while os.read(self._wake_read, 512):
                pass
        except BlockingIOError:
            pass

    def run_input_thread(self) -> None:
        """Read the terminal and dispatch its events until ``exit_event`` is set."""
        self._drain_wake_pipe()  # bytes left by an earlier stop (suspend, then resume)
        selector = selectors.SelectSelector()  # as Textual: kqueue fails on macOS ttys
        selector.register(self.fileno, selectors.EVENT_READ)
        selector.register(self._wake_read, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        dispatch = self.process_message
        escape_delay = constants.ESCAPE_DELAY + _MARGIN_S
        last_input: float | None = None
        try:
            while not self.exit_event.is_set():
                timeout = None
                if last_input is not None:
                    timeout = max(0.0, last_input + escape_delay - time.monotonic())
                ready = selector.select(timeout)
                if any(key.fd == self.fileno for key, _mask in ready):
                    raw = os.read(self.fileno, 1024 * 4)
                    if raw:
                        last_input = time.monotonic()
                        text = decode(raw)  # "" while a character's bytes are incomplete
                        for event in parser.feed(text) if text else ():  # feed("") is the end
                            dispatch(event)
                    else:  # end of input (a closed or piped stdin): nothing more will come
                        selector.unregister(self.fileno)
                elif not ready:  # the wait after input ran out: the parser's deadline passed
                    last_input = None
                if any(key.fd == self._wake_read for key, _mask in ready):
                    self._drain_wake_pipe()  # a byte left without a stop would wake it forever
                for event in parser.tick():
                    dispatch(event)
        finally:
            selector.close()
            self._drain_wake_pipe()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass

    def close(self) -> None:
        super().close()
        self.exit_event.detach()
        for fd in (self._wake_read, self._wake_write):
            try:
                os.close(fd)
            except OSError:
                pass

"""``coopconsole serve`` in a real browser: Chromium (Debian's, ``apt-get install chromium``)
driven by Playwright for Python opens the served console, waits for the agenda, captures
an action from the keyboard and finds it in the session file.

Skipped, saying why, where Playwright or a Chromium executable is missing (Playwright's own
browser download is not used: it is pointed at the installed executable). The server is
a subprocess on a free port, always killed at the end; the timeouts only guard against a
hang, they are not speed limits.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopconsole.store import SessionStore
from tests.support.sessions import small_session

pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install 'coopconsole[serve]')")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install playwright)"
)


def chromium() -> str | None:
    """The installed Chromium, if any."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium executable (apt-get install chromium): the browser test cannot run"
)

HANG_GUARD = 120  # seconds: only so that a broken run ends, never a speed threshold
CAPTURE = "@alice send the draft by Friday"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server stopped: {server.communicate()[0]!r}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start listening")


@pytest.fixture
def server(folder):
    SessionStore(folder).create(small_session("kickoff")).close()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1]), *sys.path])}
    process = subprocess.Popen(
        [sys.executable, "-m", "coopconsole", "--sessions-dir", str(folder), "--lang", "en", "serve", "kickoff"]
        + ["--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,  # its own process group: the consoles it starts go with it
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        finally:
            if process.stdout is not None:
                process.stdout.close()


def test_a_capture_typed_in_the_browser_is_saved(server, store):
    received: list[str] = []  # what the console sent to the page (its screen, as terminal output)

    def listen(websocket) -> None:  # noqa: ANN001
        websocket.on("framereceived", lambda payload: received.append(_text(payload)))

    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("websocket", listen)
            page.goto(server)
            page.wait_for_selector("body.-first-byte", timeout=HANG_GUARD * 1000)
            # The terminal is drawn on a canvas: the agenda is read from what the console sent.
            deadline = time.monotonic() + HANG_GUARD
            while "Directions" not in "".join(received) and time.monotonic() < deadline:
                page.wait_for_timeout(200)
            assert "Directions" in "".join(received), "the agenda never reached the page"
            page.locator("#terminal").click()
            page.keyboard.press("a")
            page.wait_for_timeout(500)  # the capture line opens
            page.keyboard.type(CAPTURE)
            page.keyboard.press("Enter")
            actions: list = []
            while time.monotonic() < deadline:
                with store.open("kickoff", tidy=False) as handle:
                    actions = handle.load().actions
                if actions:
                    break
                page.wait_for_timeout(200)
        finally:
            browser.close()
    assert [a.deliverable for a in actions] == ["send the draft"], actions
    assert actions[0].owner == "Alice Chen"
    assert actions[0].deadline is not None


def _text(payload: str | bytes) -> str:
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload

"""The reference programs of the console benchmark: bare Textual apps, Textual as shipped.

Each is a script written to a temporary folder at run time and run by the benchmark's own
Python with the same environment as the console: an ``App`` subclass and ``App.run()``,
nothing else, so Textual chooses its own driver (on Linux ``LinuxDriver``, printed as
``reference_driver``), as it does for the console, which sets no driver of its own. What
the console does beyond Textual as shipped (``coopconsole/tui/textual_internals.py``,
turned off by ``COOPCONSOLE_PLAIN_TEXTUAL=1``) is therefore in the console's figures and
not in these. (The capture part's reference, an app with an ``Input``, is in
``capture_visible.py``.)
"""

from __future__ import annotations

import subprocess
import sys

from textual import __version__ as textual_version

__all__ = [
    "BARE_APP",
    "BARE_MARKERS",
    "DEMO_MARKERS",
    "FULLDAY_MARKERS",
    "SPEAKING_FLOOR_APP",
    "TICKING_BARE_APP",
    "reference_driver",
    "textual_version",
]

# The texts of a complete first frame: the header's title, a pane's (or the Static's)
# text, and a key of the footer, which is drawn last (its keys are laid out once the
# screen's bindings are known).
DEMO_MARKERS = ("Smart Park Cooperation Promotion Meeting", "Speakers", "a Action")
FULLDAY_MARKERS = ("Full-day cooperation workshop", "Speakers", "a Action")
BARE_MARKERS = ("BareApp", "Bare app: ready", "q Quit")

BARE_APP = """\
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Bare app: ready")
        yield Footer()


BareApp().run()
"""

# The bare app for the idle floor: BARE_APP with its Static rewritten once a second, as
# the console's clock is.
TICKING_BARE_APP = BARE_APP.replace(
    "        yield Footer()\n",
    "        yield Footer()\n"
    "\n"
    "    def on_mount(self) -> None:\n"
    "        self.ticks = 0\n"
    "        self.set_interval(1, self.tick)\n"
    "\n"
    "    def tick(self) -> None:\n"
    "        self.ticks += 1\n"
    '        self.query_one(Static).update(f"Bare app: ready {self.ticks}")\n',
)
assert TICKING_BARE_APP != BARE_APP

# The least a speaking second can cost in Textual: the bare app (its title, its Static,
# its footer) with, beside the Static, the lines the console draws again each second
# while someone holds the floor, and only those: three lines for the countdown's digits
# (one widget), the speaker's line (another) and, in a list of 20 lines, the speaker's row
# and their organisation's (a third, drawn again two lines at a time, as the console's
# list is). Each line is a plain segment of text made in the tick: nothing is styled,
# laid out or worked out. The Static is not rewritten, so no layout is paid for.
SPEAKING_FLOOR_APP = """\
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Header, Static


class Lines(Widget):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.texts = [f"line {n}" for n in range(count)]
        self.styles.height = count

    def render_line(self, y: int) -> Strip:
        text = self.texts[y] if y < len(self.texts) else ""
        return Strip([Segment(text.ljust(self.size.width)[: self.size.width])])

    def change(self, lines: list[int], tick: int) -> None:
        for y in lines:
            self.texts[y] = f"line {y}: {tick // 60:02d}:{tick % 60:02d}"
            self.refresh(Region(0, y, self.size.width, 1))


class BareApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Bare app: ready")
        yield Lines(3)
        yield Lines(1)
        yield Lines(20)
        yield Footer()

    def on_mount(self) -> None:
        self.ticks = 0
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        self.ticks += 1
        countdown, speaker, rows = self.query(Lines)
        countdown.change([0, 1, 2], self.ticks)
        speaker.change([0], self.ticks)
        rows.change([3, 5], self.ticks)


BareApp().run()
"""


def reference_driver(env: dict[str, str]) -> str:
    """The driver Textual chooses for a bare app run with ``env`` (its own, as shipped)."""
    script = "from textual.app import App; print(App().driver_class.__qualname__)"
    found = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    return found.stdout.strip()

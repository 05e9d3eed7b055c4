"""Textual's private internals are used in one module only, behind one switch, and what
that module does is what Textual's public way would do.

The rules (see ``coopconsole/tui/textual_internals.py``):

* no other module imports ``textual._*`` or names a private Textual module;
* no other module touches a private attribute of a Textual class: not through ``self`` in
  a subclass of a Textual class, and not through any other object;
* ``COOPCONSOLE_PLAIN_TEXTUAL=1`` turns the internals off.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import textual
from textual.app import App

import coopconsole
import coopconsole.tui.textual_internals as internals

PACKAGE = Path(coopconsole.__file__).resolve().parent
INTERNALS = PACKAGE / "tui" / "textual_internals.py"
TEXTUAL = Path(textual.__file__).resolve().parent


def _modules() -> list[Path]:
    """Every module of the package but the internals (and ``__main__``, which runs the command line)."""
    return sorted(path for path in PACKAGE.rglob("*.py") if path != INTERNALS and path.name != "__main__.py")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@cache
def _textual_private_names() -> frozenset[str]:
    """Every private name Textual's own code defines or assigns on an object."""
    names: set[str] = set()
    for path in TEXTUAL.rglob("*.py"):
        source = path.read_text("utf-8")
        names.update(re.findall(r"\bself\.(_[a-zA-Z]\w*)\s*(?::[^=\n]*)?=", source))
        names.update(re.findall(r"^\s*(?:async\s+)?def\s+(_[a-zA-Z]\w*)", source, re.MULTILINE))
        names.update(re.findall(r"^\s{4}(_[a-zA-Z]\w*)\s*(?::[^=\n]*)?=", source, re.MULTILINE))
    return frozenset(n for n in names if _private(n))


def _private_names_of(cls: type) -> set[str]:
    """The private names that Textual's classes in ``cls``'s ancestry define or assign."""
    names: set[str] = set()
    for base in cls.__mro__:
        if not base.__module__.startswith("textual"):
            continue
        names.update(n for n in vars(base) if _private(n))
        try:
            source = inspect.getsource(base)
        except (OSError, TypeError):
            continue
        names.update(re.findall(r"\bself\.(_[a-zA-Z]\w*)", source))
    return {n for n in names if _private(n)}


def _is_textual(cls: object) -> bool:
    return isinstance(cls, type) and any(base.__module__.startswith("textual") for base in cls.__mro__)


@cache
def _our_private_names() -> frozenset[str]:
    """Private names our own classes that are not Textual's define (methods, class or
    instance attributes): those may be used through any object."""
    names: set[str] = set()
    for path in _modules() + [INTERNALS]:
        tree = ast.parse(path.read_text("utf-8"))
        module = importlib.import_module(_module_name(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and not _is_textual(getattr(module, node.name, None)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and _private(inner.name):
                        names.add(inner.name)
                    elif isinstance(inner, ast.Attribute) and isinstance(inner.ctx, ast.Store) and _private(inner.attr):
                        names.add(inner.attr)
                    elif isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store) and _private(inner.id):
                        names.add(inner.id)
    return frozenset(names)


def _violations(path: Path) -> list[str]:
    """Where ``path`` imports a private Textual module or touches a private Textual attribute."""
    source = path.read_text("utf-8")
    tree = ast.parse(source)
    module = importlib.import_module(_module_name(path))
    found: list[str] = []

    def say(node: ast.AST, what: str) -> None:
        found.append(f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', '?')}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("textual.") and any(_private(p) for p in alias.name.split(".")):
                    say(node, f"imports {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "textual":
            if any(_private(p) for p in node.module.split(".")):
                say(node, f"imports from {node.module}")
            for alias in node.names:
                if _private(alias.name):
                    say(node, f"imports {alias.name} from {node.module}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.search(r"\btextual\._", node.value):
                say(node, f"names a private Textual module in {node.value!r}")

    textual_names = _textual_private_names()
    ours = _our_private_names()
    for cls_node in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
        cls = getattr(module, cls_node.name, None)
        if not _is_textual(cls):
            continue
        assert isinstance(cls, type)
        theirs = _private_names_of(cls)
        for node in ast.walk(cls_node):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in theirs:
                say(node, f"{cls_node.name} overrides Textual's private {node.name}")
            elif isinstance(node, ast.Attribute) and node.attr in theirs and _on_self(node):
                say(node, f"{cls_node.name} touches Textual's private {node.attr}")
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id in theirs:
                if any(
                    node in ast.walk(stmt) for stmt in cls_node.body if isinstance(stmt, (ast.Assign, ast.AnnAssign))
                ):
                    say(node, f"{cls_node.name} sets Textual's private {node.id}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and not _on_self(node):
            if node.attr in textual_names and node.attr not in ours:
                say(node, f"touches Textual's private {node.attr} on another object")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id
            in (
                "getattr",
                "setattr",
                "hasattr",
                "delattr",
            )
        ):
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                name = node.args[1].value
                if _private(name) and name in textual_names and name not in ours:
                    say(node, f"{node.func.id}(..., {name!r})")
    return found


def _on_self(node: ast.Attribute) -> bool:
    """``self._x``, ``cls._x`` or ``super()._x``."""
    value = node.value
    if isinstance(value, ast.Name):
        return value.id in ("self", "cls")
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super"


def test_only_the_internals_module_uses_textuals_private_internals():
    found = [line for path in _modules() for line in _violations(path)]
    assert found == []


def test_the_check_finds_what_it_is_for(tmp_path, monkeypatch):
    """The check itself can fail: a module doing each forbidden thing is caught."""
    bad = PACKAGE / "tui" / "_private_use_probe.py"
    bad.write_text(
        "from textual._compositor import Compositor\n"
        "from textual.screen import Screen\n"
        "\n"
        "\n"
        "class Probe(Screen):\n"
        "    def _compositor_refresh(self):\n"
        "        self._compositor = Compositor()\n"
        "\n"
        "\n"
        "def poke(app):\n"
        "    app._refresh_truecolor_filter(None)\n"
        "    return getattr(app, '_registered_themes')\n",
        "utf-8",
    )
    try:
        found = "\n".join(_violations(bad))
    finally:
        bad.unlink()
        sys.modules.pop("coopconsole.tui._private_use_probe", None)
    for what in (
        "imports from textual._compositor",
        "overrides Textual's private _compositor_refresh",
        "touches Textual's private _compositor",
        "touches Textual's private _refresh_truecolor_filter on another object",
        "getattr(..., '_registered_themes')",
    ):
        assert what in found


def test_the_internals_module_is_the_only_one_left():
    assert INTERNALS.is_file()
    assert "textual._compositor" in INTERNALS.read_text("utf-8")


# -- what the internals do is what Textual's public way does -------------------------------


def _themed_app(name: str, internal: bool, monkeypatch) -> App:
    """An app whose first theme is ``name``, chosen as the console chooses it; it shows
    the theme's colours, its derived shades, and ANSI colours (mapped by the theme's
    filter)."""
    from rich.text import Text
    from textual.widgets import Label, Static

    from coopconsole.tui.theming import load_themes, register_themes

    monkeypatch.setattr(internals, "ENABLED", internal)

    class Probe(App):
        CSS = """
        Label { background: $primary; color: $foreground; }
        #shade { background: $panel-darken-1; color: $text-success; border: tall $accent; }
        """

        def __init__(self) -> None:
            super().__init__()
            register_themes(self, load_themes())
            internals.start_with_theme(self, name)

        def compose(self):
            yield Label("primary")
            yield Static("shade", id="shade")
            yield Static(Text.assemble(("ansi red ", "red"), ("ansi blue", "blue on yellow")))

    return Probe()


@pytest.mark.parametrize("name", ["coopconsole-dark", "coopconsole-light", "coopconsole-projector", "textual-light"])
async def test_the_first_theme_is_what_setting_it_the_public_way_gives(name, monkeypatch):
    """The same screen, to the colour, as an app whose theme was set the public way."""
    shown = {}
    for internal in (True, False):
        app = _themed_app(name, internal, monkeypatch)
        async with app.run_test(size=(40, 8)) as pilot:
            await pilot.pause()
            assert app.theme == name
            shown[internal] = (set(app.classes), app.get_css_variables(), app.export_screenshot(title="probe"))
    assert shown[True] == shown[False]


def test_the_switch_turns_the_internals_off():
    code = (
        "import coopconsole.tui.textual_internals as i; from textual.screen import Screen; "
        "s = Screen(); i.use_line_compositor(s); print(i.ENABLED, type(s._compositor).__name__)"
    )
    plain = {**os.environ, "COOPCONSOLE_PLAIN_TEXTUAL": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=plain, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "Compositor"]
    usual = {k: v for k, v in os.environ.items() if k != "COOPCONSOLE_PLAIN_TEXTUAL"}
    out = subprocess.run([sys.executable, "-c", code], env=usual, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "LineCompositor"]


async def test_the_meeting_paints_nothing_before_its_first_tick_then_what_textual_paints(tmp_path, monkeypatch):
    """The hold: no frame of empty panes is painted, and the screen, once up, is the one
    Textual paints without the hold (and without the line compositor)."""
    from datetime import datetime, timedelta, timezone

    from textual.screen import Screen

    from coopconsole.domain.clock import FrozenClock
    from coopconsole.samples.meetings import sample_session
    from coopconsole.store import SessionStore
    from coopconsole.tui.app import make_app
    from coopconsole.tui.screens.meeting import MeetingScreen

    textuals_paint = Screen._compositor_refresh
    shown, empty_paints = {}, {}
    for held in (True, False):
        monkeypatch.setattr(internals, "ENABLED", held)
        empty: list[int] = []

        def paint(screen, empty=empty):  # Textual's own paint, as the hold lets it through
            if isinstance(screen, MeetingScreen) and screen.frame is None:
                empty.append(1)
            textuals_paint(screen)

        monkeypatch.setattr(Screen, "_compositor_refresh", paint)
        clock = FrozenClock(datetime(2026, 12, 8, 8, 58, tzinfo=timezone(timedelta(hours=8))))
        store = SessionStore(tmp_path / f"sessions-{held}")
        store.create(sample_session("en", "demo-en", clock())).close()
        app = make_app(store=store, session_name="demo-en", clock=clock, lang="en", theme="coopconsole-dark")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()  # the health checks, loaded after the first frame
            app.screen.tick()
            await pilot.pause()
            shown[held] = app.export_screenshot(title="meeting")
        empty_paints[held] = len(empty)
    assert empty_paints[True] == 0 and empty_paints[False] > 0
    assert shown[True] == shown[False]

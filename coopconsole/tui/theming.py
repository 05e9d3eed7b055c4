"""Themes: the console's ``.tcss`` files and its colour themes, one TOML file per theme.

The stylesheets are in ``coopconsole/tui/styles/`` and the shipped themes in
``coopconsole/tui/themes/``, inside the package; users add their own in
``<config dir>/themes/*.toml`` (a user theme with the name of a shipped one replaces
it). A theme file::

    name = "coopconsole-dark"        # optional: the file name without .toml
    dark = true
    [label]                          # optional: shown in the theme list
    en = "Dark"
    zh = "深色"
    [colors]                         # all required but boost
    primary = "#4ea1ff"              # secondary, accent, foreground, background,
    ...                              # surface, panel, warning, error, success
    [variables]                      # optional: the console's own colours (below)
    countdown-overrun = "#ff5c5c"    # and overrides of Textual's variables

The ``.tcss`` files name no colours, only variables (``$countdown-overrun``), so every
theme restyles the whole console. A theme that leaves out one of the console's variables
(a user theme, or one of Textual's own themes) gets it from its own colours, see
:func:`console_variables`. A broken theme file never stops the console: it is skipped
with one message naming the file and what is wrong; only when it was the theme asked for
does the message also name the theme used instead (see :meth:`ThemeLoad.messages`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import Theme

from coopconsole.files import FileRefused, read_regular
from coopconsole.settings import DEFAULT_THEME, config_dir
from coopconsole.texts import LANGS

__all__ = [
    "CONSOLE_VARIABLES",
    "DEFAULT_THEME",
    "ThemeLoad",
    "console_variables",
    "load_theme_file",
    "load_themes",
    "register_themes",
    "stylesheet",
    "themes_dir",
    "user_themes_dir",
]

_HERE = Path(__file__).resolve().parent
#: A theme file is a screenful of TOML; anything over this (or a pipe, a device) is skipped.
THEME_LIMIT, THEME_LIMIT_WORDS = 1 << 20, "1 MiB"

#: The console's own theme variables (all colours) and, for a theme that does not set
#: one, the Textual variable it is taken from.
CONSOLE_VARIABLES: dict[str, str] = {
    "countdown-ok": "text-success",
    "countdown-warning": "text-warning",
    "countdown-overrun": "text-error",
    "countdown-paused": "foreground-muted",
    "flag-quiet": "text-primary",
    "flag-dominant": "text-warning",
    "bar-person": "text-primary",
    "bar-org": "text-accent",
    "speaker-now": "text-success",
}

REQUIRED_COLORS: tuple[str, ...] = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel")
REQUIRED_COLORS += ("warning", "error", "success")
OPTIONAL_COLORS = ("boost",)
_TOP_KEYS = {"name", "dark", "label", "colors", "variables"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_VARIABLE = re.compile(r"^[a-zA-Z0-9_-]+$")
_ALPHA = re.compile(r"^(?P<base>\S+)\s+(?P<percent>\d{1,3}(?:\.\d+)?)%$")


def themes_dir() -> Path:
    """The folder of the shipped theme files (``*.toml``), inside the package."""
    return _HERE / "themes"


def stylesheet(name: str = "console.tcss") -> Path:
    """The path of one of the shipped ``.tcss`` files, inside the package."""
    return _HERE / "styles" / name


def user_themes_dir() -> Path:
    """Where users put their own theme files: ``<config dir>/themes``."""
    return config_dir() / "themes"


@dataclass
class ThemeLoad:
    """The themes found, their labels, and one message per theme file that was skipped."""

    themes: dict[str, Theme] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Theme name to ``{"en": ..., "zh": ...}``."""
    errors: list[str] = field(default_factory=list)
    broken: dict[str, tuple[Path, str]] = field(default_factory=dict)
    """Theme name to the file of that theme that was skipped and what is wrong with it."""

    def label(self, name: str, lang: str) -> str:
        """The theme's label in ``lang`` (English if it has none in ``lang``, else its name)."""
        labels = self.labels.get(name, {})
        return labels.get(lang) or labels.get("en") or name

    def choices(self, lang: str) -> list[tuple[str, str]]:
        """``(name, label)`` of every theme, the default first, for a theme list or palette."""
        names = sorted(self.themes, key=lambda name: (name != DEFAULT_THEME, name))
        return [(name, self.label(name, lang)) for name in names]

    def pick(self, name: str | None) -> str:
        """``name`` if it was loaded, else the default theme (else Textual's own dark theme)."""
        if name and name in self.themes:
            return name
        return DEFAULT_THEME if DEFAULT_THEME in self.themes else "textual-dark"

    def messages(self, asked: str, used: str) -> list[str]:
        """What to tell the user when theme ``asked`` was asked for and ``used`` is used.

        One message per skipped file, as in ``errors``; and when ``used`` is not ``asked``,
        which theme is used instead: in the message of the skipped file of ``asked`` if
        there is one, so no message claims a theme is used that is not.
        """
        if used == asked:
            return list(self.errors)
        if asked in self.broken:
            path, what = self.broken[asked]
            plain = _skipped(path, what)
            return [_skipped(path, what, instead=used) if message == plain else message for message in self.errors]
        return [*self.errors, f"There is no theme named {asked!r}; using {used} instead."]


def load_themes(extra_dirs: Iterable[Path] = ()) -> ThemeLoad:
    """Every ``*.toml`` theme in :func:`themes_dir`, :func:`user_themes_dir` and ``extra_dirs``.

    Later folders win when two themes share a name. Never raises: a file that cannot be
    used is left out and described in ``errors``.
    """
    load = ThemeLoad()
    for folder in [themes_dir(), user_themes_dir(), *map(Path, extra_dirs)]:
        try:
            files = sorted(Path(folder).glob("*.toml"))
        except OSError as exc:
            load.errors.append(_skipped(Path(folder), f"cannot be listed ({exc.strerror or exc})"))
            continue
        names_here: dict[str, Path] = {}
        for path in files:
            try:
                theme, labels = load_theme_file(path)
            except ThemeFileError as exc:
                load.errors.append(str(exc))
                load.broken[exc.name] = (path, exc.what)
                continue
            if theme.name in names_here:
                load.errors.append(_skipped(path, f"uses the name {theme.name!r}, as {names_here[theme.name]} does"))
                continue
            names_here[theme.name] = path
            load.themes[theme.name] = theme
            load.labels[theme.name] = labels
    return load


def register_themes(app: App, load: ThemeLoad | None = None) -> list[str]:
    """Register the themes of ``load`` (default :func:`load_themes`) on ``app``; return the errors.

    Call it before the app starts (its stylesheet names the console's variables), then
    set ``app.theme`` to ``load.pick(remembered name)``. Textual's own themes, which lack
    the console's variables, get them from :class:`ConsoleThemeVariables` on the app.
    """
    load = load_themes() if load is None else load
    for theme in load.themes.values():
        app.register_theme(theme)
    return list(load.errors)


class ConsoleThemeVariables:
    """App mixin: the console's variables for any theme, Textual's own ones included.

    Textual falls back on ``get_theme_variable_defaults`` for variables a theme does not
    define, so they are derived from the theme in use only when it is used, rather than
    for every installed theme at start-up.
    """

    def get_theme_variable_defaults(self) -> dict[str, str]:
        theme = self.current_theme  # type: ignore[attr-defined]
        if all(name in theme.variables for name in CONSOLE_VARIABLES):
            return {}  # a theme file's own: nothing to derive (Textual asks several times)
        return console_variables(theme)


def console_variables(theme: Theme) -> dict[str, str]:
    """The console's variables for ``theme``: its own values, else ones from its colours."""
    generated = theme.to_color_system().generate()
    derived = {name: generated.get(source, generated["foreground"]) for name, source in CONSOLE_VARIABLES.items()}
    return {**derived, **{k: v for k, v in theme.variables.items() if k in CONSOLE_VARIABLES}}


class ThemeFileError(Exception):
    """A theme file that cannot be used; the message names the file and says why."""

    def __init__(self, path: Path, what: str, name: str | None = None) -> None:
        super().__init__(_skipped(path, what))
        self.what = what
        self.name = name or path.stem
        """The name of the theme the file was for (its file name, unless it says another)."""


def load_theme_file(path: Path) -> tuple[Theme, dict[str, str]]:
    """The theme in one TOML file and its labels; raises :class:`ThemeFileError`."""
    try:
        text = read_regular(path, THEME_LIMIT, THEME_LIMIT_WORDS).decode("utf-8")  # never blocks on a pipe
    except UnicodeDecodeError:
        raise ThemeFileError(path, "is not UTF-8 text") from None
    except FileRefused as exc:
        raise ThemeFileError(path, f"cannot be read: it {exc}") from None
    except OSError as exc:
        raise ThemeFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(path, f"is not valid TOML ({exc})") from None
    problems: list[str] = []
    theme, labels = _theme_from(document, path.stem, problems)
    if problems or theme is None:
        name = document.get("name")
        raise ThemeFileError(path, "has " + "; ".join(problems), name if isinstance(name, str) else None)
    return theme, labels


def _theme_from(doc: dict[str, Any], stem: str, problems: list[str]) -> tuple[Theme | None, dict[str, str]]:
    for key in sorted(set(doc) - _TOP_KEYS):
        problems.append(f"an unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
    name = doc.get("name", stem)
    if not isinstance(name, str) or not _NAME.match(name):
        problems.append(f"a bad name {name!r} (lowercase letters, digits and '-')")
    dark = doc.get("dark")
    if not isinstance(dark, bool):
        problems.append("no 'dark = true' or 'dark = false'" if dark is None else f"dark = {dark!r}, not true or false")
    labels = _labels(doc.get("label"), problems)
    colors = _colors(doc.get("colors"), problems)
    if problems or not isinstance(dark, bool):
        return None, labels
    c = colors.get
    theme = Theme(
        name=name,
        dark=dark,
        primary=colors["primary"],
        secondary=c("secondary"),
        accent=c("accent"),
        foreground=c("foreground"),
        background=c("background"),
        surface=c("surface"),
        panel=c("panel"),
        warning=c("warning"),
        error=c("error"),
        success=c("success"),
        boost=c("boost"),
    )
    variables = _variables(doc.get("variables", {}), theme, problems)
    if problems:
        return None, labels
    theme = replace(theme, variables=variables)
    if any(name not in variables for name in CONSOLE_VARIABLES):  # derive only what is missing
        theme = replace(theme, variables={**variables, **console_variables(theme)})
    return theme, labels


def _labels(value: Any, problems: list[str]) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {lang: value for lang in LANGS}
    if not isinstance(value, dict):
        problems.append("a [label] that is neither text nor a table of en/zh texts")
        return {}
    labels = {}
    for lang, text in value.items():
        if lang not in LANGS:
            problems.append(f"a label in an unknown language {lang!r} (known: {', '.join(LANGS)})")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"an empty or non-text label for {lang!r}")
        else:
            labels[lang] = text.strip()
    return labels


def _colors(value: Any, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append("no [colors] table" if value is None else "a 'colors' that is not a table")
        return {}
    colors: dict[str, str] = {}
    for key in REQUIRED_COLORS:
        if key not in value:
            problems.append(f"no colour {key!r} in [colors]")
    for key, colour in value.items():
        if key not in REQUIRED_COLORS + OPTIONAL_COLORS:
            known = ", ".join(REQUIRED_COLORS + OPTIONAL_COLORS)
            problems.append(f"an unknown colour {key!r} in [colors] (known: {known})")
        elif not isinstance(colour, str) or not _is_colour(colour, alpha=False):
            problems.append(f'an invalid colour for {key!r}: {colour!r} (use e.g. "#1a2b3c" or "rgb(26, 43, 60)")')
        else:
            colors[key] = colour
    return colors


def _variables(value: Any, theme: Theme, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append("a 'variables' that is not a table")
        return {}
    # Textual's variables for this theme, to check overrides of them against: only when
    # the file has such overrides (generating them is most of what loading a theme costs).
    textual = theme.to_color_system().generate() if set(value) - set(CONSOLE_VARIABLES) else {}
    variables: dict[str, str] = {}
    for key, text in value.items():
        if not _VARIABLE.match(key) or (key not in CONSOLE_VARIABLES and key not in textual):
            problems.append(f"an unknown variable {key!r} in [variables]")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"an empty or non-text variable {key!r}")
        elif key in CONSOLE_VARIABLES and not _is_colour(text, alpha=True):
            problems.append(f"an invalid colour for {key!r}: {text!r}")
        elif key in textual and _is_colour(textual[key], alpha=True, auto=True) and not _is_colour(text, True, True):
            problems.append(f"an invalid colour for {key!r}: {text!r}")
        else:
            variables[key] = text.strip()
    return variables


def _is_colour(text: str, alpha: bool, auto: bool = False) -> bool:
    """A colour Textual parses, with ``alpha``: optionally ``"<colour> 40%"``; ``auto``: ``"auto 87%"``."""
    text = text.strip()
    match = _ALPHA.match(text) if alpha else None
    if match:
        if float(match["percent"]) > 100:
            return False
        text = match["base"]
        if auto and text == "auto":
            return True
    try:
        Color.parse(text)
    except ColorParseError:
        return False
    return True


def _skipped(path: Path, what: str, instead: str | None = None) -> str:
    # Which theme is used is the app's choice, often not the default (a remembered one):
    # the message names one only when told which (see ThemeLoad.messages).
    used = f"; using {instead} instead" if instead else ""
    return f"Theme file {path} {what}. It is skipped{used}."

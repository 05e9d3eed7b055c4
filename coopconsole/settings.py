"""Remembered user settings: the theme, the language, when the countdown warns, whether
the bell rings at the end of a time box, the time limit of a speaking turn, and the keys
a user remapped.

They live in ``settings.json`` in the configuration folder: ``$COOPCONSOLE_CONFIG`` if
set, else ``$XDG_CONFIG_HOME/coopconsole``, else ``~/.config/coopconsole``. User themes
go in its ``themes/`` subfolder.

Reading never fails: a missing file means the defaults; a file that cannot be read or
parsed means the defaults plus a message saying so, and the file is left as it is (it is
replaced only when a setting is next saved). A field with a wrong value falls back to its
default on its own, with a message; keys this version does not know are kept on saving.
Saving is atomic (temporary file, fsync, rename) and the file is private (``0600``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopconsole.files import FileRefused, make_private_folder, read_regular, write_atomic
from coopconsole.texts import LANGS

ENV_CONFIG = "COOPCONSOLE_CONFIG"
DEFAULT_THEME = "coopconsole-dark"
SETTINGS_FILE = "settings.json"
MAX_WARNING_MINUTES = 120
MAX_TURN_MINUTES = 60
#: A settings file is a few lines; anything over this (or a pipe, a device) is not read.
SETTINGS_LIMIT, SETTINGS_LIMIT_WORDS = 1 << 20, "1 MiB"


@dataclass
class Settings:
    """What the console remembers between runs."""

    theme: str = DEFAULT_THEME
    lang: str | None = None
    """``"en"`` or ``"zh"``; ``None`` means: follow the locale."""
    warning_minutes: int = 2
    """The countdown turns to its warning colour this many minutes before the end (0: never)."""
    bell: bool = False
    """Ring the terminal bell when the current item's time box runs out (see ``time_box_alert.py``)."""
    turn_limit_minutes: int | None = None
    """The time limit of one speaking turn, counted down in the speakers pane (None: no
    limit, the default; see :mod:`coopconsole.domain.speaker_queue`)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Remapped keys: a binding's id to the keys that replace its own (see :mod:`coopconsole.tui.keymap`)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys written by another version of coopconsole, kept as they are."""


def config_dir() -> Path:
    """The configuration folder (see the module docstring for the order of precedence)."""
    chosen = os.environ.get(ENV_CONFIG)
    if chosen:
        return Path(chosen).expanduser()
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and Path(xdg).is_absolute():  # the XDG spec says relative paths are ignored
        return Path(xdg) / "coopconsole"
    return Path.home() / ".config" / "coopconsole"


def settings_path() -> Path:
    """Where the settings file is: ``config_dir() / "settings.json"``."""
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The remembered settings and ``None``, or the defaults and a message saying what is wrong.

    ``path`` defaults to :func:`settings_path`. This never raises and never writes.
    """
    path = settings_path() if path is None else Path(path)
    try:
        raw = read_regular(path, SETTINGS_LIMIT, SETTINGS_LIMIT_WORDS)  # never blocks on a pipe
    except FileNotFoundError:
        return Settings(), None
    except FileRefused as exc:
        return Settings(), _message(path, f"cannot be read: it {exc}")
    except OSError as exc:
        return Settings(), _message(path, f"cannot be read ({exc.strerror or exc})")
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Settings(), _message(path, "is not UTF-8 text")
    except json.JSONDecodeError as exc:
        return Settings(), _message(path, f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
    if not isinstance(document, dict):
        return Settings(), _message(path, "does not hold a JSON object")
    return _from_document(document, path)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` atomically to ``path`` (default :func:`settings_path`); return the path.

    The folder and any missing parents are created (``0700``) if needed and the file is
    ``0600``. Raises ``OSError`` if the file cannot be written (or its owner made it
    read-only); the previous file is then unchanged.
    """
    path = settings_path() if path is None else Path(path)
    make_private_folder(path.parent)
    document = {**settings.extra, "theme": settings.theme, "lang": settings.lang}
    document["warning_minutes"] = settings.warning_minutes
    if settings.bell:  # off is the default: written only when switched on, as the keys
        document["bell"] = True
    if settings.turn_limit_minutes is not None:  # likewise: no limit is the default
        document["turn_limit_minutes"] = settings.turn_limit_minutes
    if settings.keys:
        document["keys"] = dict(settings.keys)
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomic(path, data, 0o600)
    return path


def _from_document(document: dict[str, Any], path: Path) -> tuple[Settings, str | None]:
    known = ("theme", "lang", "warning_minutes", "bell", "turn_limit_minutes", "keys")
    settings = Settings(extra={k: v for k, v in document.items() if k not in known})
    problems: list[str] = []
    theme = document.get("theme", settings.theme)
    if isinstance(theme, str) and theme.strip():
        settings.theme = theme.strip()
    else:
        problems.append(f"'theme' must be a theme name, not {theme!r}")
    lang = document.get("lang")
    if lang is None or lang in LANGS:
        settings.lang = lang
    else:
        problems.append(f"'lang' must be one of {', '.join(LANGS)} or null, not {lang!r}")
    minutes = document.get("warning_minutes", settings.warning_minutes)
    if isinstance(minutes, int) and not isinstance(minutes, bool) and 0 <= minutes <= MAX_WARNING_MINUTES:
        settings.warning_minutes = minutes
    else:
        problems.append(f"'warning_minutes' must be a whole number from 0 to {MAX_WARNING_MINUTES}, not {minutes!r}")
    bell = document.get("bell", settings.bell)
    if isinstance(bell, bool):
        settings.bell = bell
    else:
        problems.append(f"'bell' must be true or false, not {bell!r}")
    turn = document.get("turn_limit_minutes")
    if turn is None or (isinstance(turn, int) and not isinstance(turn, bool) and 1 <= turn <= MAX_TURN_MINUTES):
        settings.turn_limit_minutes = turn
    else:
        limits = f"a whole number from 1 to {MAX_TURN_MINUTES} or null"
        problems.append(f"'turn_limit_minutes' must be {limits}, not {turn!r}")
    keys = document.get("keys", {})
    if isinstance(keys, dict) and all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in keys.items()):
        settings.keys = {k: v.strip() for k, v in keys.items()}
    else:
        problems.append(f'\'keys\' must map key ids to keys, like {{"meeting.clock": "f5"}}, not {keys!r}')
    if not problems:
        return settings, None
    return settings, f"Settings file {path}: {'; '.join(problems)}. The default is used for these."


def _message(path: Path, what: str) -> str:
    return f"Settings file {path} {what}. The default settings are used; the file is left as it is."

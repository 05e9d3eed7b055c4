"""Session names and the sessions folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from coopconsole.store.errors import BadSessionName

DEFAULT_FOLDER = "sessions"
ENV_FOLDER = "COOPCONSOLE_SESSIONS"

_NAME = re.compile(r"^[^\W_][\w.\- ]{0,79}$")


def sessions_folder(option: str | os.PathLike[str] | None = None) -> Path:
    """The sessions folder: ``--sessions-dir``, else ``$COOPCONSOLE_SESSIONS``, else ./sessions."""
    chosen = option or os.environ.get(ENV_FOLDER) or DEFAULT_FOLDER
    return Path(chosen).expanduser()


def check_name(name: str) -> str:
    """Return ``name`` if it is a safe session name, else raise :class:`BadSessionName`."""
    if not isinstance(name, str) or not _NAME.match(name) or ".." in name or name.endswith((".", " ")):
        raise BadSessionName(
            f"{name!r} is not a usable session name: use letters, digits, spaces, '-', '_' or '.', "
            "starting with a letter or digit (no '/', no '..')."
        )
    return name

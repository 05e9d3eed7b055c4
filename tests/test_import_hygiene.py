"""The pure layers never pull in Textual (nor, outside the store, TinyDB).

The modules checked are found by walking the package's files, so a module added under
one of the folders below is checked without editing this file. Whether importing a module
loads Textual or TinyDB is seen in ``sys.modules`` of a fresh interpreter that imported
only that module; whether a module imports TinyDB itself is read from its source.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import coopconsole

PACKAGE = Path(coopconsole.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(*places: str) -> list[str]:
    """Every module at ``places`` (folders, searched through, or files), relative to the
    package; ``__main__`` modules are run, not imported, and left out."""
    files: list[Path] = []
    for place in places:
        path = PACKAGE / place
        files.extend(path.rglob("*.py") if path.is_dir() else [path])
    return sorted({_module_name(f) for f in files if f.stem != "__main__"})


#: Modules that import neither Textual nor TinyDB.
PURE = _modules("domain", "agenda", "minutes", "texts", "cli/export.py", "cli/show.py", "settings.py", "files.py")
#: Modules that do not import Textual (TinyDB they may reach through the store).
NO_TEXTUAL = _modules("store", "service")
#: The one folder whose modules may import TinyDB in their source.
TINYDB_HOME = PACKAGE / "store"


def _loaded_after_import(module: str) -> set[str] | str:
    """The top-level names in ``sys.modules`` once a fresh interpreter imported ``module``;
    the error output if the import failed."""
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        return done.stderr
    return {name.split(".")[0] for name in done.stdout.split()}


@pytest.fixture(scope="module")
def loaded() -> dict[str, set[str] | str]:
    """:func:`_loaded_after_import` for every module of both lists, one interpreter per
    module, several at a time."""
    modules = sorted(set(PURE) | set(NO_TEXTUAL))
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(modules, pool.map(_loaded_after_import, modules), strict=True))


def _imported_in_source(path: Path) -> set[str]:
    """The top-level names of every module the file imports, at its top or in a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_lists_are_made_from_the_package_tree():
    """The walk found the modules it should: an empty list would check nothing."""
    assert {
        "coopconsole.domain",
        "coopconsole.domain.model",
        "coopconsole.domain.timeline",
        "coopconsole.agenda",
        "coopconsole.agenda.importer",
        "coopconsole.minutes",
        "coopconsole.minutes.check",
        "coopconsole.texts",
        "coopconsole.cli.export",
        "coopconsole.cli.show",
        "coopconsole.settings",
        "coopconsole.files",
    } <= set(PURE)
    assert {
        "coopconsole.store",
        "coopconsole.store.storage",
        "coopconsole.service",
        "coopconsole.service.closing",
    } <= set(NO_TEXTUAL)
    assert not set(PURE) & set(NO_TEXTUAL)
    assert not [m for m in PURE + NO_TEXTUAL if m.startswith("coopconsole.tui")]


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_import_neither_textual_nor_tinydb(module, loaded):
    after = loaded[module]
    assert isinstance(after, set), f"importing {module} failed:\n{after}"
    assert "textual" not in after, f"importing {module} loads textual"
    assert "tinydb" not in after, f"importing {module} loads tinydb"


@pytest.mark.parametrize("module", NO_TEXTUAL)
def test_store_and_service_modules_do_not_import_textual(module, loaded):
    after = loaded[module]
    assert isinstance(after, set), f"importing {module} failed:\n{after}"
    assert "textual" not in after, f"importing {module} loads textual"


def test_only_the_store_imports_tinydb():
    sources = {path: _imported_in_source(path) for path in sorted(PACKAGE.rglob("*.py"))}
    in_store = [path for path, names in sources.items() if path.is_relative_to(TINYDB_HOME) and "tinydb" in names]
    assert in_store, "no module of the store imports tinydb: the source is not read as it should be"
    elsewhere = [
        str(path.relative_to(PACKAGE.parent))
        for path, names in sources.items()
        if not path.is_relative_to(TINYDB_HOME) and "tinydb" in names
    ]
    assert elsewhere == [], "only the store may import tinydb"


def test_capture_from_the_command_line_does_not_load_the_console():
    code = "import sys; import coopconsole.cli.commands; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

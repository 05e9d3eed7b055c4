"""The pure layers never pull in Textual (nor, outside the store, TinyDB)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE = [
    "coopconsole.domain.model",
    "coopconsole.domain.timeline",
    "coopconsole.domain.balance",
    "coopconsole.domain.capture",
    "coopconsole.domain.smart",
    "coopconsole.domain.dates",
    "coopconsole.domain.date_forms",
    "coopconsole.domain.clock",
    "coopconsole.domain.floor_replay",
    "coopconsole.domain.typed_text",
    "coopconsole.domain.followup",
    "coopconsole.agenda",
    "coopconsole.minutes",
    "coopconsole.minutes.check",
    "coopconsole.cli.export",
]


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module", PURE)
def test_domain_and_agenda_import_neither_textual_nor_tinydb(module):
    loaded = _loaded_after_import(module)
    assert "textual" not in loaded
    assert "tinydb" not in loaded


@pytest.mark.parametrize(
    "module",
    [
        "coopconsole.store",
        "coopconsole.service",
        "coopconsole.service.refusals",
        "coopconsole.cli.show",
        "coopconsole.service.closing",
    ],
)
def test_store_and_service_do_not_import_textual(module):
    assert "textual" not in _loaded_after_import(module)


def test_capture_from_the_command_line_does_not_load_the_console():
    code = "import sys; import coopconsole.cli.commands; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

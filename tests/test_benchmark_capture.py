"""The capture-to-visible benchmark's reading of the terminal (benchmarks/capture_visible.py):
where a text is drawn, and which name the capture bar completes. No timing here."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

from capture_visible import completed_name, rows_showing  # noqa: E402

from coopconsole.domain.model import Participant  # noqa: E402
from coopconsole.tui.widgets.capture_bar import NameSuggester  # noqa: E402


def test_a_text_is_placed_on_the_row_of_the_cursor_move_before_it():
    output = (
        b"zq001 before any move\x1b[35;11H\x1b[1;38;5;80m Action \xe2\x96\xb8 \x1b[0m@Alice zq001 draft"
        b"\x1b[22;62H\x1b[38;5;189m 1 \xe2\x97\x8b Alice Chen  zq001 draft\x1b[0m\r\n\x1b[23;62H other row"
    )
    assert rows_showing(output, "zq001") == {35, 22}
    assert rows_showing(output, "other row") == {23}
    assert rows_showing(output, "zq002") == set()


def test_a_text_cut_by_a_cursor_move_is_not_on_any_row():
    assert rows_showing(b"\x1b[3;1Hzq0\x1b[3;4H01", "zq001") == set()


@pytest.mark.parametrize("typed", ["Alic", "Bru", "Che", "Chl", "Perso"])
def test_the_benchmark_expects_the_name_the_capture_bar_completes(typed):
    names = ["Alice Chen", "Bruno Silva", "Chloe Chen", "Person 01 张0", "Person 02 张1"]
    people = [Participant(id=i + 1, name=name) for i, name in enumerate(names)]
    suggested = asyncio.run(NameSuggester(people).get_suggestion(f"@{typed}"))
    assert suggested == f"@{completed_name(names, typed)} "

"""What the closing checklist (ctrl+e) looks like over the demo meeting: in English at
120x36 and in Chinese at 80x24 (where its lines scroll between the title and the hint).

The meeting is :mod:`tests.test_snapshots`' few minutes of the demo, with its clock
frozen. Regenerate with ``pytest tests/test_snapshots_closing.py --snapshot-update`` after
an intended change, and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from tests.test_snapshots import _app, _then


@pytest.mark.parametrize(("lang", "size"), [("en", (120, 36)), ("zh", (80, 24))], ids=["en-120x36", "zh-80x24"])
def test_closing_checklist(snap_compare, tmp_path, lang, size):
    app, clock = _app(tmp_path, lang)
    assert snap_compare(app, terminal_size=size, run_before=_then(lang, clock, "ctrl+e"))

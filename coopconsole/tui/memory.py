"""The console's garbage-collection policy: no full collection in the middle of a meeting.

A full collection walks every live object the collector tracks. At full-day size that is
tens of thousands of records, widgets and their render caches, and on a small machine it
stopped the event loop for 20-80 ms, in the middle of saves and keystrokes. So while a
meeting screen is up:

* full collections never start by themselves (the third threshold is set out of reach);
* once the first frame is painted, and every minute after, the young generations are
  collected (a millisecond or two) and everything that survived is frozen
  (``gc.freeze``): later collections do not walk it again. The ``coopconsole`` command
  starts with the collector off (:mod:`coopconsole.cli.main`); the first settling freezes
  what start-up made and turns it on.

Almost everything is freed by reference counting the moment it is dropped; only garbage
held in reference cycles needs the collector, and young cycles still are collected. What
is lost is a cycle that became garbage after it had survived two young collections: a
few objects over a meeting, not a growing heap.
"""

from __future__ import annotations

import gc

#: Seconds between two settlings while a meeting is open.
SETTLE_EVERY_S = 60

_NEVER = 1_000_000  # full collections: not by themselves


def hold_full_collections() -> None:
    """Keep the young generations' thresholds; let no full collection start by itself."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NEVER)


def settle() -> None:
    """Collect the young generations and freeze what survived.

    The first time, if the collector was held off while the console started (see
    :mod:`coopconsole.cli.main`), what start-up made is frozen as it is and the collector
    turned back on: collecting it first would walk everything start-up made, the pause
    that holding the collector off avoided."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
        return
    gc.collect(1)
    gc.freeze()

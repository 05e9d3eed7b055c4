"""The English words of the time-box alert: the palette command that switches the bell at
the end of a time box on or off, and what the console says when it is switched (part of
:data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

ALERTS: dict[str, str] = {
    # the palette shows the one that changes something
    "alerts.cmd.bell_on": "sound: ring the bell at the end of a time box (now off)",
    "alerts.cmd.bell_off": "sound: no bell at the end of a time box (now on)",
    # said once the choice is remembered
    "alerts.bell_on": "Sound on: the terminal bell rings once when a time box runs out. "
    "It has just rung: if you heard nothing, your terminal's bell is muted.",
    "alerts.bell_off": "Sound off: a time box that runs out only flashes the countdown.",
}

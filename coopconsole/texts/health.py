"""The health checks in words: what is wrong and how to fix it, in English or Chinese
(the catalogue's ``health.`` entries).

:func:`report` turns the findings of :func:`coopconsole.domain.health.health` into
``{code, severity, message, fix}`` entries, the form ``coopconsole show --json`` and
``coopconsole health`` give and the console shows.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from coopconsole.domain.agenda_edit import as_changed
from coopconsole.domain.balance import Roster, replay, stats_from
from coopconsole.domain.health import Finding, health
from coopconsole.domain.model import Session
from coopconsole.domain.timeline import state_from_replay
from coopconsole.texts import CATALOGUE, t


def _listed(items: list[str], lang: str) -> str:
    return t("text.separator", lang).join(items)


def _strings(value: object) -> list[str]:
    """A finding's list of names or numbers, as text."""
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def _when(moment: datetime, tz: tzinfo | None) -> str:
    local = moment.astimezone(tz) if tz is not None else moment
    return local.strftime("%m-%d %H:%M")


def words(finding: Finding, lang: str, tz: tzinfo | None) -> tuple[str, str]:
    """(message, fix) for ``finding`` in ``lang``: the catalogue's ``health.CODE.what``
    and ``health.CODE.fix``, filled from the finding's details."""
    d = finding.details
    values: dict[str, Any] = {}
    if finding.code == "vague-goals":
        goals = [t("text.quoted", lang, text=goal) for goal in _strings(d.get("goals"))]
        what = "health.what.vague-goals" if goals else "health.what.no-goals"
        values["what"] = t(what, lang, goals=_listed(goals, lang))
    elif finding.code == "unbalanced-voices":
        if "org" in d:
            values["what"] = t("health.what.org-share", lang, org=d["org"], share=d["share"])
        else:
            who = _listed(_strings(d["silent"]), lang)
            values["what"] = t("health.what.not-heard", lang, item=d["item"], who=who)
    for key, value in d.items():
        if key in ("actions", "items"):
            values[key] = _listed([f"#{i}" for i in _strings(value)], lang)
        elif key == "orgs":
            values[key] = _listed(_strings(value), lang)
        elif isinstance(value, datetime):
            values[key] = _when(value, tz)
        elif key not in values:
            values[key] = value
    what = f"health.{finding.code}.what"
    listed = d.get("actions", d.get("items"))
    if isinstance(listed, (list, tuple)) and len(listed) == 1 and f"{what}.one" in CATALOGUE["en"]:
        what = f"{what}.one"  # "Action #3 has", not "Actions #3 have"
    return t(what, lang, **values), t(f"health.{finding.code}.fix", lang, **values)


def report(session: Session, now: datetime, lang: str = "en") -> list[dict[str, str]]:
    """The health of ``session`` as of ``now``: ``{code, severity, message, fix}`` each."""
    floor = replay(session, now)
    state = state_from_replay(session, floor.clock, now)
    roster = Roster.of(session.participants)
    stats = stats_from(roster, floor, now)
    item_stats = stats_from(roster, floor, now, state.current) if state.current is not None else None
    shown = as_changed(session, state)  # the agenda as changed during the meeting, as the console has it
    return entries(health(shown, state, stats, item_stats, now), lang, now.tzinfo)


def entries(findings: list[Finding], lang: str, tz: tzinfo | None) -> list[dict[str, str]]:
    """``{code, severity, message, fix}`` for each finding."""
    out = []
    for finding in findings:
        message, fix = words(finding, lang, tz)
        out.append({"code": finding.code, "severity": finding.severity.value, "message": message, "fix": fix})
    return out

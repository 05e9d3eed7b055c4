"""Minutes marked as a draft: any minutes that are not the ones sent to the attendees.

A draft's title starts with "DRAFT · " (【草稿】), a line under it says why (the meeting
has not ended; they were not sent; they differ from the ones sent), and the next steps
ask for replies once the minutes are sent, rather than saying they were sent. The rest
is the minutes as built: a draft is what would be sent, as it stands now.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from coopconsole.minutes.context import Minutes
from coopconsole.minutes.markdown import bold
from coopconsole.texts.formats import moment_text, w

#: Why minutes are a draft.
RUNNING, UNSENT, CHANGED = "running", "unsent", "changed"


def as_draft(
    minutes: Minutes, lang: str, built_at: datetime, why: str = UNSENT, sent: datetime | None = None
) -> Minutes:
    """``minutes`` (built as of ``built_at`` and sent then, which is how
    :func:`~coopconsole.minutes.build.build_minutes` words its next steps by default)
    marked as a draft; ``why`` is :data:`RUNNING`, :data:`UNSENT` or :data:`CHANGED`
    (then ``sent`` is when the minutes they differ from were sent)."""
    first, rest = minutes.text.split("\n", 1)
    if not first.startswith("# ") or not minutes.headings or minutes.headings[0][0] != 1:
        raise ValueError("the minutes do not start with their title")
    tz = built_at.tzinfo
    mark = w("draft.mark", lang)
    reason = w(f"draft.{why}", lang, sent=moment_text(sent, lang, tz) if sent is not None else "")
    colon = ":" if lang == "zh" else ": "
    note = f"{bold(w('draft.label', lang))}{colon}{reason}"
    sent_line = w(
        "next.confirm",
        lang,
        sent=moment_text(built_at, lang, tz),
        by=moment_text(built_at + timedelta(hours=24), lang, tz),
    )
    rest = rest.replace(sent_line, w("draft.reply", lang), 1)
    text = f"# {mark}{first[2:]}\n\n{note}\n{rest}"
    headings = [(1, f"{mark}{minutes.headings[0][1]}"), *minutes.headings[1:]]
    return Minutes(text, headings)

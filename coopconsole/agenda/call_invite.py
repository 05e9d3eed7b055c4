"""A video-call invitation pasted into an agenda (Zoom, Teams, Google Meet, Webex,
Tencent Meeting): its meeting ID, passcode, dial-in numbers and join link.

The invitation's own lines are not agenda entries: a phone number or a meeting ID can
look like a time or an enumeration. When two lines or more of the text are invitation
lines (``Join Zoom Meeting``, ``Meeting ID: 855 1234 5678``, ``Passcode: 123456``, ``One
tap mobile``, ``Dial by your location``, ``会议号：``, a join link of a call service),
they are blanked before the agenda is parsed, as are the dial-in number lines among
them; the lines keep their numbers, and the import reports the span once. Lines such
as ``Topic: Partner sync`` and ``Time: Dec 3, 2026 10:00 AM`` are left: they are the
meeting's details. The first join link is returned, to be the meeting's place when the
agenda names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(
    r"https?://\S*(?:zoom\.us/j/|zoom\.com\.cn/j/|teams\.microsoft\.com/l/meetup-join|teams\.live\.com/meet"
    r"|meet\.google\.com/|webex\.com/(?:meet|join|\S*j\.php)|meeting\.tencent\.com/)\S*",
    re.IGNORECASE,
)
_MARKER = re.compile(
    r"(?i)^\W*(?:join (?:zoom|microsoft teams|teams|with google meet|webex)\b.*|meeting id\s*[:：].*"
    r"|(?:passcode|password|meeting password|pin)\s*[:：].*|one tap mobile.*|dial by your location.*"
    r"|dial[- ]in.*|find your local number.*|join by phone.*|or call in.*|conference id\s*[:：].*"
    r"|.*is inviting you to a scheduled .*meeting.*|会议号\s*[:：].*|会议密码\s*[:：].*|#?腾讯会议.*"
    r"|点击链接入会.*|手机一键拨号入会.*|根据您的位置拨号.*)$"
)
_PHONE = re.compile(r"^\s*[+＋]?\d[\d\s,#*()+-]{7,}\S*(?:\s+[A-Za-z\u4e00-\u9fff ()]+)?\s*$")


@dataclass(frozen=True)
class Invite:
    first: int  # 1-based lines of the span
    last: int
    link: str


def strip_invite(text: str) -> tuple[str, Invite | None]:
    """``text`` with a pasted call invitation's lines blanked (see the module notes)."""
    lines = text.split("\n")
    marks = [i for i, line in enumerate(lines) if _MARKER.match(line) or _LINK.search(line)]
    if len(marks) < 2:
        return text, None
    link = next((m.group(0) for line in lines if (m := _LINK.search(line))), "")
    first, last = marks[0], marks[-1]
    blanked = 0
    for i in range(first, last + 1):
        line = lines[i]
        if _MARKER.match(line) or _PHONE.match(line) or (_LINK.search(line) and not _LINK.sub("", line).strip()):
            lines[i] = ""
            blanked += 1
    # Dial-in numbers right after the last marker line belong to the invitation too.
    i = last + 1
    while i < len(lines) and _PHONE.match(lines[i]):
        lines[i] = ""
        last = i
        i += 1
    return "\n".join(lines), Invite(first + 1, last + 1, link)

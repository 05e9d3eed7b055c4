"""The English words about sending the minutes: sent only on purpose and only once the
meeting has ended, drafts marked as such, and sent minutes that have fallen out of date
(part of :data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

MINUTES_SENDING: dict[str, str] = {
    # in the minutes themselves, when they are not the ones sent to the attendees
    "minutes.draft.mark": "DRAFT · ",
    "minutes.draft.label": "Draft",
    "minutes.draft.running": "the meeting has not ended; these are not the minutes sent to the attendees.",
    "minutes.draft.unsent": "these minutes have not been sent to the attendees yet.",
    "minutes.draft.changed": "these minutes differ from the ones sent to the attendees on {sent}.",
    "minutes.draft.reply": "Once these minutes are sent, please reply within 24 hours if anything in them "
    "is wrong or missing.",
    # the console
    "sending.draft_written": "Draft minutes written to {path}. The meeting has not ended, so they are not "
    "marked as sent: write them again once it has.",
    "sending.header_out_of_date": "minutes out of date, sent {time} · {confirmed}/{asked} confirmed",
    "sending.preview_draft": "draft: the meeting has not ended",
    # the command line
    "sending.list_out_of_date": " (out of date)",
    "sending.sent": "Minutes of {name} recorded as sent at {time}; the 24-hour reply window starts now.",
    "sending.not_sent": "Not marked as sent: add --send when these minutes go to the attendees.",
    "sending.still_out_of_date": "The minutes sent on {sent} are out of date: add --send to send these instead.",
    "sending.next_meeting_not_kept": "The next meeting is shown in these minutes only: it is kept in the session "
    "when they are sent (--send).",
    "error.minutes-not-ended": "The meeting has not ended, so its minutes cannot be sent yet: end the meeting "
    "first, or print a draft with --draft.",
    # the health check
    "health.minutes-out-of-date.what": "The minutes sent on {sent} are out of date: something was recorded "
    "after they were sent.",
    "health.minutes-out-of-date.fix": "Send the minutes again: m then w in the console.",
    "cli.health.minutes-out-of-date.fix": "Send the minutes again: coopconsole minutes {name} --send",
}

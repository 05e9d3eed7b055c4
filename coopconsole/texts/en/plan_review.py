"""The English words of the plan review, the screen that opens a freshly imported
agenda before the meeting (part of :data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

PLAN_REVIEW: dict[str, str] = {
    # the screen
    "review.title": "Review the plan",
    "review.summary": "{title} · {span} · {count} items in the plan",
    "review.span": "planned {start}–{end}",
    "review.no_times": "no planned times",
    "review.hint": "Check the plan against the agenda and put right what was misread; every change is saved "
    "at once. Accept (a) to open the meeting.",
    "review.plan": "Plan as read",
    "review.source": "Agenda as written",
    "review.col.no": "No.",
    "review.col.start": "Start",
    "review.col.box": "Box",
    "review.col.title": "Title",
    "review.col.owner": "Owner",
    "review.box_cell": "{minutes} min",
    "review.no_box": "—",
    "review.dropped": "dropped",
    "review.unused": "✗ a line the importer did not use ({unused}) · ! an item read with a problem ({troubled})",
    "review.unused_none": "The importer reported nothing: every line was read.",
    "review.line_said": "Line {line}: {message}",
    "review.no_line": "Item {no} was not read from the agenda (it was added to the plan).",
    # keys
    "key.review_drop": "Drop/restore",
    "key.review_drop.tip": "Leave the highlighted item out of the plan, or put it back",
    "key.review_title": "Title",
    "key.review_title.tip": "Give the highlighted item a new title",
    "key.review_box": "Box",
    "key.review_box.tip": "Give the highlighted item a new time box, in minutes",
    "key.review_owner": "Owner",
    "key.review_owner.tip": "Give the highlighted item a new owner (empty: nobody)",
    "key.review_accept": "Accept plan",
    "key.review_accept.tip": "Accept the plan as it stands and open the meeting",
    "key.review_quit": "Quit",
    "key.review_quit.tip": "Quit; the changes made so far are saved and the review opens again next time",
    # dialogs
    "review.ask_title": "New title for item {no}",
    "review.ask_title.hint": "Enter saves it; Escape keeps the title as it is.",
    "review.ask_box": "Time box of item {no}, in minutes",
    "review.ask_box.hint": "A whole number from 1 to {most}. Enter saves it; Escape keeps the box as it is.",
    "review.ask_owner": "Owner of item {no}",
    "review.ask_owner.hint": "One name or several (Alice Chen, Bruno Silva), empty for nobody; someone new "
    "joins the participants. Enter saves it; Escape keeps the owner as it is.",
    "review.bad_box": "“{value}” is not a whole number of minutes: the box was not changed.",
    # notices
    "review.done.dropped": "Dropped: {title}",
    "review.done.restored": "Restored: {title}",
    "review.done.saved": "Saved: {title}",
    # refusals
    "error.plan-accepted": "The plan has already been accepted.",
    "error.plan-started": "The meeting has started: change the agenda from the meeting screen.",
    "error.plan-keep-one": "The plan needs at least one item: restore another before dropping this one.",
}

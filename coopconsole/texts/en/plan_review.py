"""The English words of the plan review, the screen that opens a freshly imported
agenda before the meeting (part of :data:`coopconsole.texts.en.TEXTS`)."""

from __future__ import annotations

PLAN_REVIEW: dict[str, str] = {
    # the screen
    "plan_review.title": "Review the plan",
    "plan_review.summary": "{title} · {span} · {count} items in the plan",
    "plan_review.span": "planned {start}–{end}",
    "plan_review.span_open": "planned from {start}, the end not known (the last item has no box)",
    "plan_review.no_times": "no planned times",
    "plan_review.hint": "Check the plan against the agenda and put right what was misread; every change is saved "
    "at once. Accept (a) to open the meeting.",
    "plan_review.plan": "Plan as read",
    "plan_review.source": "Agenda as written",
    "plan_review.col.no": "No.",
    "plan_review.col.start": "Start",
    "plan_review.col.box": "Box",
    "plan_review.col.title": "Title",
    "plan_review.col.owner": "Owner",
    "plan_review.box_cell": "{minutes} min",
    "plan_review.no_box": "—",
    "plan_review.dropped": "dropped",
    "plan_review.unused": "✗ a line the importer did not use ({unused}) · ! an item read with a problem ({troubled})",
    "plan_review.unused_none": "The importer reported nothing: every line was read.",
    "plan_review.line_text": "Line {line}: {text}",
    "plan_review.said": "The importer: {message}",
    "plan_review.no_line": "Item {no} was not read from the agenda (it was added to the plan).",
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
    "palette.review_drop": "plan: drop or restore the highlighted item",
    "palette.review_title": "plan: new title for the highlighted item",
    "palette.review_box": "plan: new time box for the highlighted item",
    "palette.review_owner": "plan: new owner for the highlighted item",
    "palette.review_accept": "plan: accept and open the meeting",
    # dialogs
    "plan_review.ask_title": "New title for item {no}",
    "plan_review.ask_title.hint": "Enter saves it; Escape keeps the title as it is.",
    "plan_review.ask_box": "Time box of item {no}, in minutes",
    "plan_review.ask_box.hint": "A whole number from 1 to {most}. Enter saves it; Escape keeps the box as it is.",
    "plan_review.ask_owner": "Owner of item {no}",
    "plan_review.ask_owner.hint": "One name or several (Alice Chen, Bruno Silva), empty for nobody; someone new "
    "joins the participants. Enter saves it; Escape keeps the owner as it is.",
    "plan_review.bad_box": "“{value}” is not a whole number of minutes: the box was not changed.",
    # notices
    "plan_review.done.dropped": "Dropped: {title}",
    "plan_review.done.restored": "Restored: {title}",
    "plan_review.done.saved": "Saved: {title}",
    # refusals
    "error.plan-accepted": "The plan has already been accepted.",
    "error.plan-started": "The meeting has started: change the agenda from the meeting screen.",
    "error.plan-keep-one": "The plan needs at least one item: restore another before dropping this one.",
}

"""English: what the agenda importer reports about lines it could not read as written
(``coopconsole new AGENDA``, ``--dry-run``); ``{quoted}`` fields are the agenda's own text."""

from __future__ import annotations

AGENDA_IMPORT: dict[str, str] = {
    "import.bad_time_in_line": "Could not read the time “{time}” in “{line}”; the item was kept without a start time.",
    "import.bad_time": "Could not read the time “{time}”; the item was kept without a start time.",
    "import.bad_box_line": "Could not read the time box “{box}”; the item has no planned length from this line.",
    "import.bad_box_row": "Could not read the time box “{box}”; the item has no planned length from this row.",
    "import.empty_entry": "Empty agenda entry; there was nothing to keep, so it was skipped.",
    "import.struck_out": "Struck-out agenda entry “{entry}”; it was skipped.",
    "import.empty_row": "Empty agenda table row; it was skipped.",
    "import.empty_heading": "Empty agenda heading; it was skipped.",
    "import.meeting_length": "The line “{line}” gives the meeting's length, not an agenda item.",
    "import.note": "The line “{line}” in the agenda section was read as a note, not as an agenda item.",
    "import.outside": "“{entry}” looks like an agenda item, but it is outside the agenda section; it was not imported.",
    "import.bad_date": "Could not read the date “{value}”; the session has no date from this line.",
    "import.bad_when": "Could not read a date or time in “{value}”; it was ignored.",
    "import.range_backwards": "The time range of “{title}” ends before it starts; its end was ignored.",
    "import.no_title": "The agenda line “{line}” has no title; it was kept as “{title}”.",
    "import.implausible_box": "The time box of {minutes} minutes for “{title}” is not plausible; it was dropped.",
    "import.no_box": "No time box for “{title}” (no time box, time range or next start time was given); "
    "it was kept without a planned length.",
    "import.no_box_last": "No time box for “{title}” (it is the last item and the meeting has no end time to "
    "count to); it was kept without a planned length.",
    "import.overlap": "“{title}” starts at {start}, before “{before}” ends at {end} ({minutes} min of overlap).",
    "import.overrun": "The agenda runs to {end}, {minutes} min past the meeting's end at {slot_end}; "
    "shorten or drop items before the meeting.",
    "import.unread_one": "Line {first} is inside lists or quotes nested too deeply to read; it was not imported. "
    "Nest them less deeply.",
    "import.unread_many": "Lines {first}-{last} are inside lists or quotes nested too deeply to read; they were "
    "not imported. Nest them less deeply.",
    "import.no_name": "Could not find a name in the participant line “{line}”; it was skipped.",
    "import.name_whole": "Could not split the participant line “{line}” into name, organisation and title; "
    "it was kept whole as the name.",
    "import.row_no_name": "Participant row without a name; it was skipped.",
    "import.bad_yes_no": "Could not read “{cell}” in the “{header}” column for {name} (expected yes or no); "
    "the role was not set from it.",
    "import.nested_participant": "“{entry}” is nested under “{under}”; it was not read as a participant.",
    "import.nested_goal": "“{entry}” is nested under “{under}”; it was not read as a goal.",
    "import.empty_goal": "Goal entry has no text; it was skipped.",
    "import.placeholder": "The entry “{entry}” is a placeholder to be filled in; it is not an item.",
    "import.placeholder_point": "The entry “{entry}” is a placeholder to fill in; it was not kept.",
    "import.length_entry": "The entry “{entry}” gives the meeting's length, not an agenda item.",
    "import.label_entry": "The entry “{entry}” introduces the entries after it; it is not an item.",
    "import.empty_table": "“{entry}” holds an agenda table with no rows; it gives no item.",
    "import.track_row": "The row “{row}” names the tracks of the rows below it; it is not an item.",
    "import.label_row": "The row “{row}” has no time; it labels the rows below it and is not an item.",
    "import.timetable_note": "“{entry}” was read as a note about the timetable above it, not as an item.",
    "import.empty_day": "The day “{day}” has no items after it.",
    "import.empty_category": "The heading “{heading}” has nothing under it, beside headings that group items; "
    "it was read as an empty category, not an item.",
    "import.invite_one": "Line {first} is a video-call invitation (meeting ID, passcode, dial-in numbers); "
    "not agenda items.",
    "import.invite_many": "Lines {first}-{last} are a video-call invitation (meeting ID, passcode, dial-in numbers); "
    "not agenda items.",
    "import.parked": "“{entry}” is listed to be scheduled only if time permits (or later); "
    "it was put in the parking lot, not in the plan.",
    "import.not_text": "Expected the agenda as text (a Markdown document).",
    "import.failed": "Could not read this agenda ({error}).",
    "import.no_agenda": "No agenda items were found. Expected a Markdown agenda: a heading such as “## Agenda” or "
    "“## 议程” followed by a numbered or bulleted list, a table, or one heading per item, "
    "e.g. “1. 09:00 Opening (15 min) — Dana”.",
}

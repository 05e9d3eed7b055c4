"""A child process for the fault tests: captures notes in a loop and acknowledges each.

Usage: python store_worker.py FOLDER NAME TAG COUNT [wait]
Prints ``ready`` once, then ``ack <id> <text>`` after each note is durable (COUNT <= 0:
loop until killed). With ``wait``, it starts writing only once a line arrives on its
standard input, so several workers can be released at the same instant.
"""

import sys
from datetime import UTC, datetime

from coopconsole.domain.model import Note
from coopconsole.store import SessionStore


def main() -> None:
    folder, name, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    handle = SessionStore(folder).open(name)
    print("ready", flush=True)
    if sys.argv[5:] == ["wait"]:
        sys.stdin.readline()
    i = 0
    while count <= 0 or i < count:
        text = f"{tag}-{i} 停车场 | note"
        note = handle.add(Note(id=0, text=text, created_at=datetime.now(UTC)))
        print(f"ack {note.id} {text}", flush=True)
        i += 1
    handle.close()


if __name__ == "__main__":
    main()

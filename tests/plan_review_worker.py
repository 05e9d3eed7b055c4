"""A child process for the plan review's kill test: fixes time boxes in a loop and
acknowledges each once the service has returned (the fix is then on disk).

Usage: python plan_review_worker.py FOLDER NAME
Prints ``ready`` once, then ``ack <n>`` after fix number n (see :func:`fix`), until killed.
"""

import sys

from coopconsole.service import MeetingService
from coopconsole.store import SessionStore


def fix(n: int) -> tuple[int, int]:
    """Fix number ``n``: (item, new time box). Items 1-3 in turn, boxes 5 to 44 minutes."""
    return 1 + n % 3, 5 + (n * 7) % 40


def main() -> None:
    handle = SessionStore(sys.argv[1]).open(sys.argv[2])
    service = MeetingService(handle)
    print("ready", flush=True)
    n = 0
    while True:
        item, minutes = fix(n)
        service.plan.rebox(item, minutes)
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()

"""The folder's index of actions (``.actions-index``): used only where nothing changed,
never over a changed file, ignored when it fails a check, and never in the way."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
import zlib
from datetime import UTC, date, datetime

import orjson
import pytest
from click.testing import CliRunner

import coopconsole.store.actions_index as actions_index
from coopconsole.cli.commands import main
from coopconsole.domain.model import ActionItem, ActionStatus, StatusChange
from coopconsole.service import series as folder_series
from coopconsole.store import SessionStore
from coopconsole.store.actions_index import INDEX_NAME, RACY_NS, load_index, save_index
from tests.support.sessions import small_session

LONG_AGO = time.time_ns() - 3600 * 10**9  # an hour ago: well outside the racy window


@pytest.fixture
def run(folder):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)

    return invoke


def age(folder) -> None:
    """Every session file made as if saved an hour ago (its change time stays now)."""
    for path in folder.glob("*.json"):
        os.utime(path, ns=(LONG_AGO, LONG_AGO))


@pytest.fixture
def made(store, folder) -> SessionStore:
    """'first' (two actions, one moved) and 'second' following it (the open one carried,
    by hand, as ``next`` carries it), and 'solo' on its own; the files an hour old."""
    first = small_session("first")
    first.actions = [
        ActionItem(
            1,
            "Send the draft MOU",
            owner="Alice Chen",
            organisation="Company A",
            deadline=date(2001, 1, 15),
            status=ActionStatus.IN_PROGRESS,
            history=(StatusChange(datetime(2001, 1, 2, tzinfo=UTC), ActionStatus.IN_PROGRESS, "started"),),
        ),
        ActionItem(2, "Book the room", owner="张三", organisation="智算科技", status=ActionStatus.DONE),
    ]
    store.create(first).close()
    second = small_session("second")
    second.follows, second.series = "first", "first"
    second.actions = [
        ActionItem(
            1,
            "Send the draft MOU",
            owner="Alice Chen",
            organisation="Company A",
            deadline=date(2001, 1, 15),
            status=ActionStatus.IN_PROGRESS,
            history=first.actions[0].history,
            origin="first#1",
            carried_from="first#1",
            carried=1,
        )
    ]
    store.create(second).close()
    solo = small_session("solo")
    solo.actions = [ActionItem(1, "Order the sensors", owner="Bruno Silva", organisation="Company B")]
    store.create(solo).close()
    age(folder)
    return store


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The session files read for their actions, in order."""
    seen: list[str] = []
    real = SessionStore.read_stored_actions

    def spy(self, names=None):
        seen.extend(names or self.names())
        return real(self, names)

    monkeypatch.setattr(SessionStore, "read_stored_actions", spy)
    return seen


def listed(run, *options: str) -> list[dict]:
    result = run("actions", "--json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def index_bytes(folder) -> bytes:
    return (folder / INDEX_NAME).read_bytes()


def test_the_first_look_files_every_series_and_the_next_reads_no_file(run, made, folder, reads):
    first = listed(run)
    assert sorted(reads) == ["first", "second", "solo"]
    index = load_index(folder)
    assert sorted(index.series) == ["first", "solo"]
    assert sorted(index.series["first"].files) == ["first", "second"]
    reads.clear()
    assert listed(run) == first
    assert reads == []


def test_the_index_is_owner_only_and_not_a_session(run, made, folder):
    listed(run)
    assert stat.S_IMODE((folder / INDEX_NAME).stat().st_mode) == 0o600
    assert made.names() == ["first", "second", "solo"]
    result = run("list")
    assert result.exit_code == 0 and "actions-index" not in result.output
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_state_changed_by_status_shows_and_only_its_series_is_read_again(run, made, folder, reads):
    listed(run)
    reads.clear()
    assert run("status", "first#1", "done", "--note", "sent").exit_code == 0
    found = {entry["ref"]: entry for entry in listed(run)}
    assert found["second#1"]["status"] == "done"
    assert found["second#1"]["history"][-1]["remark"] == "sent"
    assert "solo" not in reads  # the series whose files did not change came from the index
    assert "second" in reads


def test_an_action_added_by_add_shows(run, made, folder):
    listed(run)
    assert run("add", "solo", "action", "@Bruno", "check the sensors").exit_code == 0
    assert {entry["ref"] for entry in listed(run, "--series", "solo")} == {"solo#1", "solo#2"}


def test_a_new_meeting_of_a_series_and_a_removed_one_show(run, made, folder):
    listed(run)
    age(folder)
    assert run("next", "second", "--name", "third", "--no-open").exit_code == 0
    assert {entry["ref"] for entry in listed(run, "--series", "first")} == {"first#2", "third#1"}
    age(folder)
    (folder / "third.json").unlink()
    assert {entry["ref"] for entry in listed(run, "--series", "first")} == {"first#2", "second#1"}


def test_a_file_edited_in_place_with_its_size_and_time_kept_is_read_again(run, made, folder):
    """Another program's edit that keeps the inode, the size and the modification time
    still changes the change time: the index does not hide it."""
    listed(run)
    path = folder / "solo.json"
    before = path.stat()
    data = path.read_bytes()
    assert data.count(b"Order the sensors") == 1
    with open(path, "r+b") as f:  # in place: the same inode
        f.write(data.replace(b"Order the sensors", b"Order the cameras"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert [entry["deliverable"] for entry in listed(run, "--series", "solo")] == ["Order the cameras"]


def test_a_file_changed_just_now_is_not_filed(run, made, folder, reads):
    """Two changes within one tick of the file system's clock could look alike: a file
    changed less than RACY_NS ago is read again at the next look, until it is older."""
    os.utime(folder / "solo.json")  # now
    listed(run)
    assert sorted(load_index(folder).series) == ["first"]
    reads.clear()
    listed(run)
    assert reads == ["solo"]
    soon = time.time_ns() - RACY_NS - 10**9
    os.utime(folder / "solo.json", ns=(soon, soon))
    listed(run)
    assert sorted(load_index(folder).series) == ["first", "solo"]


CORRUPTIONS = {
    "empty": lambda raw: b"",
    "torn": lambda raw: raw[: len(raw) // 2],
    "not JSON": lambda raw: b"\x00\xffnot an index at all",
    "a bit flipped": lambda raw: raw[:-40] + bytes([raw[-40] ^ 1]) + raw[-39:],
    "a plain JSON document": lambda raw: b'{"series": {}, "damaged": {}}',
    "another version": lambda raw: raw.replace(b'"v":1', b'"v":99', 1),
}


@pytest.mark.parametrize("how", sorted(CORRUPTIONS))
def test_a_corrupt_index_is_ignored_and_written_again(run, made, folder, reads, how):
    before = listed(run)
    good = index_bytes(folder)
    (folder / INDEX_NAME).write_bytes(CORRUPTIONS[how](good))
    reads.clear()
    assert listed(run) == before
    assert sorted(reads) == ["first", "second", "solo"]
    assert sorted(load_index(folder).series) == ["first", "solo"]


def forged(folder, change) -> None:
    """The index with ``change`` made to its listing, and its checksum made right again:
    as someone who set out to edit it would leave it."""
    raw = index_bytes(folder)
    head, _, rest = raw.partition(b"\n")
    header = orjson.loads(head)
    listing, records = rest[: header["listing"]], rest[header["listing"] :]
    listing, records = change(listing, records)
    header["listing"], header["crc"] = len(listing), zlib.crc32(listing + records)
    (folder / INDEX_NAME).write_bytes(orjson.dumps(header) + b"\n" + listing + records)


@pytest.mark.parametrize(
    "change",
    [
        lambda listing, records: (listing.replace(b"Order the sensors", b"Order\\u001b[31m the sensors"), records),
        lambda listing, records: (listing.replace(b"Order the sensors", b"Order\\nthe sensors"), records),
        lambda listing, records: (listing.replace(b"Order the sensors", "Order\u202ethe".encode()), records),
        lambda listing, records: (listing.replace(b'"todo"', b"7"), records),
        lambda listing, records: (listing.replace(b'"Bruno Silva"', b'["Bruno"]'), records),
    ],
    ids=["escape sequence", "line break", "bidirectional override", "a number for a state", "a list for a name"],
)
def test_an_edited_index_with_a_right_checksum_is_still_not_used(run, made, folder, change):
    before = listed(run)
    forged(folder, change)
    assert load_index(folder).series == {}
    assert listed(run) == before
    table = run("actions")
    assert "\x1b" not in table.stdout and "\u202e" not in table.stdout


def test_a_record_of_the_index_that_does_not_decode_sends_the_board_to_the_files(run, made, folder):
    expected = folder_series.all_actions(made)
    listed(run)
    forged(folder, lambda listing, records: (listing, records.replace(b'"deliverable"', b'"nothing"')))
    assert len(load_index(folder).series) == 2  # the listing itself is sound
    assert folder_series.all_actions(made) == expected


def test_an_index_copied_from_another_folder_is_not_used(run, made, folder, tmp_path):
    listed(run)
    other = SessionStore(tmp_path / "elsewhere")
    session = small_session("solo")
    session.actions = [ActionItem(1, "Something else entirely")]
    other.create(session).close()
    age(other.folder)
    (other.folder / INDEX_NAME).write_bytes(index_bytes(folder))
    assert load_index(other.folder).series == {}
    found, _ = folder_series.action_rows(other)
    assert [row.deliverable for row in found] == ["Something else entirely"]


def test_the_actions_from_the_index_are_those_from_the_files(run, made, folder):
    """The board's look (whole actions, decoded) gives the same from the index as from the files."""
    from_files = folder_series.all_actions(made)
    assert load_index(folder).series  # filed by that look
    assert folder_series.all_actions(made) == from_files
    assert listed(run) == listed(run)


def test_a_folder_that_will_not_take_the_index_is_listed_all_the_same(run, made, folder, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(actions_index, "write_atomic", refuse)
    result = run("actions")
    assert result.exit_code == 0 and result.stderr == ""
    assert "second#1" in result.stdout
    assert not (folder / INDEX_NAME).exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_folder_is_listed_without_an_index(run, made, folder):
    folder.chmod(0o500)
    try:
        result = run("actions")
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 0 and result.stderr == ""
    assert "second#1" in result.stdout
    assert not (folder / INDEX_NAME).exists()


def test_a_folder_with_something_else_in_the_index_s_place_is_listed(run, made, folder):
    (folder / INDEX_NAME).mkdir()
    result = run("actions")
    assert result.exit_code == 0 and result.stderr == ""
    assert (folder / INDEX_NAME).is_dir()


def test_a_damaged_file_is_said_from_the_index_too_until_it_changes(run, made, folder, reads):
    (folder / "broken.json").write_text("{not json", "utf-8")
    age(folder)
    first = run("actions")
    assert "skipped:" in first.stderr and "broken.json" in first.stderr
    reads.clear()
    again = run("actions")
    assert again.stderr == first.stderr and reads == []
    made.create(small_session("broken-2")).close()  # unrelated, just to see the next look
    (folder / "broken.json").unlink()
    assert "broken.json" not in run("actions").stderr


def test_two_writers_at_once_leave_a_sound_index(made, folder):
    """Every writer renames a whole file of its own over the index: whichever lands last,
    the index is one writer's, whole."""
    folder_series.action_rows(made)
    index = load_index(folder)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(20):
                assert save_index(folder, index)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    writers = [threading.Thread(target=write) for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert errors == []
    assert sorted(load_index(folder).series) == ["first", "solo"]
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]

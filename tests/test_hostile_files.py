"""Hostile files and command lines: what a user, a script or a full machine can put in the
way of the store and the command line, and what coopconsole does about it.

Each case must end in a clear one-line message (exit status 2 from the command line),
never a hang, a traceback or a lost record.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import OptionList

from coopconsole.cli.commands import main
from coopconsole.files import STALE_TEMP_AGE_S, write_atomic
from coopconsole.service import MeetingService
from coopconsole.settings import Settings, load_settings, save_settings
from coopconsole.store import SessionReadOnly, SessionStore, SessionUnreadable
from coopconsole.tui.app import make_app
from coopconsole.tui.screens.meeting import MeetingScreen
from coopconsole.tui.screens.picker import PickerScreen
from coopconsole.tui.theming import ThemeFileError, load_theme_file
from tests.support.pilot import texts
from tests.support.sessions import small_session

ROOT = Path(__file__).resolve().parents[1]
AS_ROOT = os.geteuid() == 0


@pytest.fixture
def deadline():
    """Fail, rather than hang the suite, if the test blocks for more than 20 s."""

    fired = []

    def expired(signum, frame):  # noqa: ANN001, ANN202 - a signal handler
        fired.append(signum)
        raise TimeoutError("blocked for 20 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
    assert not fired, "blocked for 20 s"  # even if what blocked swallowed the TimeoutError


@pytest.fixture
def saved(store):
    """A saved session and its bytes."""
    store.create(small_session("q")).close()
    path = store.path_for("q")
    return path, path.read_bytes()


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a runaway read ends in MemoryError


def cli(folder: Path | bytes, *args: str | bytes) -> subprocess.CompletedProcess[str]:
    """``coopconsole --sessions-dir FOLDER ARGS`` in a child process (arguments may be bytes)."""
    return command_line("--sessions-dir", folder, *args)


def command_line(*args: str | bytes | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``coopconsole ARGS`` in a child process, its memory capped, in a UTF-8 locale."""
    environ = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "coopconsole", *args],
        capture_output=True,
        text=True,
        errors="replace",
        env=environ,
        stdin=subprocess.DEVNULL,
        timeout=30,
        preexec_fn=_cap_memory,
    )


def run(folder: Path, *args: str):
    return CliRunner().invoke(main, ["--sessions-dir", str(folder), *args], catch_exceptions=False)


@pytest.fixture
def run_in(folder):
    """``coopconsole --sessions-dir FOLDER ARGS`` in this process."""

    def invoke(*args: str):
        return run(folder, *args)

    return invoke


def refused(result, *words: str) -> None:
    """Exit status 2 with one clear message holding ``words``, no traceback."""
    stderr = result.stderr
    assert (result.returncode if hasattr(result, "returncode") else result.exit_code) == 2, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    for word in words:
        assert word in stderr, stderr


# -- 1. something other than a regular file named NAME.json --------------------------


def _make_strange(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()  # the socket file stays
    elif kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # a /dev/null
        except PermissionError:
            pytest.skip("cannot make a device node here")
    else:
        path.mkdir()


@pytest.mark.parametrize("kind", ["fifo", "socket", "device", "folder"])
def test_a_pipe_socket_device_or_folder_named_like_a_session_is_listed_and_refused_without_blocking(store, saved, kind):
    strange = store.folder / "x.json"
    _make_strange(strange, kind)
    listing = cli(store.folder, "list")
    assert listing.returncode == 0, listing.stderr
    assert "Smart Park" in listing.stdout and "x.json" in listing.stdout and "not a session file" in listing.stdout
    for args in (("show", "x"), ("add", "x", "note", "hello"), ("health", "x")):
        refused(cli(store.folder, *args), "x.json", "not a session file")
    assert not store.path_for("x").is_file() and not (store.folder / "x.json.lock").exists()


def test_a_fifo_swapped_in_after_the_check_is_refused_without_blocking(store, saved, monkeypatch, deadline):
    """The check is a stat; the open that follows does not block and checks again."""
    path, _ = saved
    regular = os.stat(path)
    path.unlink()
    os.mkfifo(path)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: regular if str(p) == str(path) else real_stat(p, *a, **k))
    with pytest.raises(SessionUnreadable) as info:
        store.open("q").load()
    assert str(path) in str(info.value) and "named pipe" in str(info.value)


async def test_the_picker_lists_a_fifo_without_blocking(store, saved, clock, deadline):
    os.mkfifo(store.folder / "x.json")
    app = make_app(store=store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        rows = texts(app.screen.query_one(OptionList))
        assert "Smart Park" in rows[2] and rows[3] == "x: cannot be read"


def test_a_pipe_in_place_of_the_settings_or_a_theme_file_is_skipped_without_blocking(tmp_path, deadline):
    settings = tmp_path / "settings.json"
    os.mkfifo(settings)
    loaded, message = load_settings(settings)
    assert loaded == Settings() and message is not None and str(settings) in message and "named pipe" in message
    theme = tmp_path / "night.toml"
    os.mkfifo(theme)
    with pytest.raises(ThemeFileError) as info:
        load_theme_file(theme)
    assert str(theme) in str(info.value) and "not a regular file" in str(info.value)


# -- 2. a read-only file system or sessions folder ------------------------------------

WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


@pytest.fixture(params=["lock kept", "lock missing"])
def read_only(request, store, saved, monkeypatch):
    """The sessions folder as on a read-only file system: every write-mode open fails."""
    if request.param == "lock missing":
        (store.folder / "q.json.lock").unlink()
    real_open = os.open

    def no_writes(path, flags, *args, **kwargs):
        if flags & WRITING:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", no_writes)
    for name in ("mkdir", "unlink", "replace", "rename"):
        monkeypatch.setattr(os, name, refuse)
    return saved


READS = [
    ("list",),
    ("show", "q"),
    ("show", "q", "--json"),
    ("minutes", "q", "--draft"),
    ("export", "q", "--format", "csv"),
    ("health", "q"),
]


def test_reading_works_on_a_read_only_file_system(store, read_only):
    path, before = read_only
    for args in READS:
        result = run(store.folder, *args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "damaged" not in result.stdout and "cannot" not in result.stderr
    assert "Smart Park" in run(store.folder, "list").stdout
    sends = (("minutes", "q", "--send"), ("minutes", "q", "--send", "-o", str(path) + ".md"))
    for args in (("add", "q", "note", "hello"), *sends):
        result = run(store.folder, *args)
        assert result.exit_code == 2 and "Traceback" not in result.stderr
        assert str(path) in result.stderr and "can only be read" in result.stderr
        assert result.stdout == ""  # the minutes are not printed as if sent
    assert path.read_bytes() == before and not Path(f"{path}.md").exists()


async def test_the_console_opens_a_read_only_session_to_look(store, read_only, clock):
    path, before = read_only
    app = make_app(store=store, session_name="q", clock=clock)
    told = []
    app.notify = lambda message, **kw: told.append(message)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        with pytest.raises(SessionReadOnly):
            app.screen.service.captures.capture("note", "hello")
    assert not told and path.read_bytes() == before


def test_a_read_only_mount(tmp_path):
    """A real read-only file system (needs root to mount one; skipped elsewhere)."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if not AS_ROOT or subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a file system here")
    try:
        folder = mount / "sessions"
        assert run(folder, "demo", "--no-open").exit_code == 0
        (folder / "demo-en.json.lock").unlink()  # as if the files came from elsewhere
        before = (folder / "demo-en.json").read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        for args in READS:
            result = cli(folder, *[a.replace("q", "demo-en") if a == "q" else a for a in args])
            assert result.returncode == 0 and "damaged" not in result.stdout, (args, result.stderr)
        refused(cli(folder, "add", "demo-en", "note", "hello"), "demo-en", "can only be read")
        assert (folder / "demo-en.json").read_bytes() == before
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_read_only_folder_as_its_owner(store, saved):
    if AS_ROOT:
        pytest.skip("root ignores file permissions")
    path, before = saved
    (store.folder / "q.json.lock").unlink()
    os.chmod(store.folder, 0o555)
    try:
        assert "Smart Park" in run(store.folder, "list").stdout
        assert run(store.folder, "show", "q").exit_code == 0
        result = run(store.folder, "add", "q", "note", "hello")
        assert result.exit_code == 2 and "can only be read" in result.stderr
    finally:
        os.chmod(store.folder, 0o700)
    assert path.read_bytes() == before


# -- 3. a session file made read-only on purpose ------------------------------------


def test_a_session_file_made_read_only_is_read_but_never_replaced(store, saved):
    path, before = saved
    handle = store.open("q")  # open before the change of mode, as a running console is
    os.chmod(path, 0o400)
    with pytest.raises(SessionReadOnly) as info:
        MeetingService(handle).captures.capture("note", "hello")
    handle.close()
    assert str(path) in str(info.value) and "read-only" in str(info.value)
    refused(run(store.folder, "add", "q", "note", "hello"), str(path), "read-only", "chmod u+w")
    assert run(store.folder, "show", "q").exit_code == 0
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o400


# -- 4. an agenda that is not a regular file, or far too big -----------------------


@pytest.mark.parametrize("agenda", ["/dev/zero", "/dev/urandom", "fifo"])
def test_an_agenda_that_is_not_a_file_is_refused_without_reading_it(folder, tmp_path, agenda):
    if agenda == "fifo":
        agenda = str(tmp_path / "agenda.md")
        os.mkfifo(agenda)
    refused(cli(folder, "new", agenda, "--no-open"), agenda, "not a regular file")
    assert not folder.exists() or not list(folder.iterdir())


def test_an_agenda_over_one_mebibyte_is_refused(folder, tmp_path):
    agenda = tmp_path / "huge.md"
    agenda.write_text("# Huge\n\n## Agenda\n\n" + "1. Item (5 min)\n" * 80_000, "utf-8")
    refused(cli(folder, "new", str(agenda), "--no-open"), str(agenda), "1 MiB")


AGENDA = "# Sync\n\n## Agenda\n\n1. Opening (10 min)\n2. Plans (20 min)\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def _nothing_written(tmp_path: Path, before: set[Path]) -> None:
    assert set(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
@pytest.mark.parametrize(
    "content, words",
    [
        (PNG, ["is a PNG image, not text", "Markdown agenda"]),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", ["ZIP archive (a Word"]),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ["a PDF document"]),
        (AGENDA.encode() + b"3. Close\x00 (5 min)\n", ["is a binary file (a NUL byte at line 7)"]),
        (b"\x00" * 4096, ["a NUL byte at line 1"]),
        (AGENDA.encode() + "3. Café (5 min)\n".encode("latin-1"), ["not UTF-8", "line 7, byte 7 of the line", "0xE9"]),
        (b"\xef\xbb\xbf# A\n\xff", ["not UTF-8", "line 2, byte 1 of the line (byte 8 of the file): 0xFF"]),
    ],
)
def test_an_agenda_that_is_not_text_is_named_so_and_nothing_is_written(run_in, tmp_path, content, words, dry_run):
    agenda = tmp_path / "agenda.md"
    agenda.write_bytes(content)
    before = set(tmp_path.rglob("*"))
    result = run_in("new", str(agenda), "--no-open", *dry_run)
    refused(result, str(agenda), *words)
    assert result.stdout == ""
    _nothing_written(tmp_path, before)


def test_an_agenda_with_a_byte_order_mark_is_read(run_in, tmp_path):
    agenda = tmp_path / "bom.md"
    agenda.write_bytes(b"\xef\xbb\xbf" + AGENDA.encode())
    result = run_in("new", str(agenda), "--dry-run")
    assert result.exit_code == 0 and result.stdout.startswith("Sync\n")


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/null"])
def test_a_pipe_or_a_device_as_the_agenda_is_refused_in_process_without_blocking(
    run_in, tmp_path, deadline, kind, dry_run
):
    agenda = tmp_path / "pipe.md" if kind == "fifo" else Path(kind)
    if kind == "fifo":
        os.mkfifo(agenda)  # no writer: opening it to read would wait forever
    before = set(tmp_path.rglob("*"))
    refused(run_in("new", str(agenda), "--no-open", *dry_run), str(agenda), "not a regular file")
    _nothing_written(tmp_path, before)


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
def test_an_agenda_over_10_mb_is_refused_by_its_size_before_it_is_opened(run_in, tmp_path, monkeypatch, dry_run):
    agenda = tmp_path / "big.md"
    with open(agenda, "wb") as out:
        out.truncate(11 * 1000 * 1000)  # sparse: 11 MB of NULs, none of them written
    opened = []
    real_open = os.open

    def spying_open(path, *args, **kwargs):  # noqa: ANN001, ANN202 - os.open's signature
        if os.fspath(path) == str(agenda):
            opened.append(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spying_open)
    before = set(tmp_path.rglob("*"))
    refused(run_in("new", str(agenda), "--no-open", *dry_run), str(agenda), "10.5 MiB, larger than 1 MiB")
    assert opened == []
    _nothing_written(tmp_path, before)


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
@pytest.mark.parametrize("kind, words", [("folder", "is a directory"), ("missing", "does not exist")])
def test_a_folder_or_a_missing_file_is_a_click_error(run_in, tmp_path, kind, words, dry_run):
    agenda = tmp_path / ("agendas" if kind == "folder" else "nowhere.md")
    if kind == "folder":
        agenda.mkdir()
    before = set(tmp_path.rglob("*"))
    result = run_in("new", str(agenda), "--no-open", *dry_run)
    assert result.exit_code == 2 and words in result.stderr and str(agenda) in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    _nothing_written(tmp_path, before)


@pytest.mark.skipif(AS_ROOT, reason="root reads any file")
def test_an_unreadable_agenda_is_a_click_error(run_in, tmp_path):
    agenda = tmp_path / "secret.md"
    agenda.write_text(AGENDA, "utf-8")
    agenda.chmod(0)
    result = run_in("new", str(agenda), "--dry-run")
    assert result.exit_code == 2 and "not readable" in result.stderr


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
def test_an_agenda_the_system_will_not_let_us_read_is_said_so(run_in, tmp_path, monkeypatch, dry_run):
    """Readable when named, refused when opened (its mode changed, a mandatory lock...)."""
    agenda = tmp_path / "secret.md"
    agenda.write_text(AGENDA, "utf-8")

    def refuse(path, *args):  # noqa: ANN001, ANN202
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr("coopconsole.cli.agenda_file.read_regular", refuse)
    before = set(tmp_path.rglob("*"))
    refused(run_in("new", str(agenda), "--no-open", *dry_run), f"cannot read {agenda}: Permission denied")
    _nothing_written(tmp_path, before)


# -- 5. files and folders we create are private, whatever the umask ----------------


@pytest.fixture
def open_umask():
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_minutes_exports_and_the_sessions_folder_are_private_with_umask_000(tmp_path, open_umask):
    folder = tmp_path / "new" / "sessions"
    assert run(folder, "demo", "--no-open").exit_code == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    for args in (("minutes", "demo-en", "--draft", "-o"), ("export", "demo-en", "--format", "ics", "-o")):
        target = tmp_path / f"{args[0]}.out"
        assert run(folder, *args, str(target)).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with SessionStore(folder).open("demo-en") as handle:
        written = MeetingService(handle).closing.write_minutes("en").path
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    settings = save_settings(Settings(), tmp_path / "config" / "deep" / "settings.json")
    assert stat.S_IMODE(settings.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(settings.parent.parent.stat().st_mode) == 0o700


def test_a_folder_the_user_made_keeps_its_mode(tmp_path, open_umask):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    assert run(folder, "demo", "--no-open").exit_code == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_replacing_a_file_keeps_the_mode_its_owner_chose_and_refuses_a_read_only_one(tmp_path):
    target = tmp_path / "out.md"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o644
    os.chmod(target, 0o400)
    with pytest.raises(PermissionError) as info:
        write_atomic(target, b"newer")
    assert "read-only" in info.value.strerror and target.read_bytes() == b"new"


def test_an_output_that_is_a_symbolic_link_replaces_the_file_it_leads_to(store, saved, tmp_path):
    real, link = tmp_path / "real" / "actions.md", tmp_path / "actions.md"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link.symlink_to(real)
    assert run(store.folder, "export", "q", "--format", "md", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(real) and real.read_bytes() != b"old"
    assert _temporaries(real) == [] and _temporaries(link) == []


def test_an_output_that_is_a_pipe_is_refused_without_blocking(store, saved, tmp_path, deadline):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    refused(run(store.folder, "export", "q", "--format", "csv", "-o", str(fifo)), str(fifo), "not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


# -- 6. temporary files left by a killed writer ------------------------------------

HANGING_WRITER = """
import os, sys, time
from pathlib import Path
import coopconsole.files as files
def hang(fd):
    print("writing", flush=True)
    time.sleep(60)
files.os.fsync = hang
files.write_atomic(Path(sys.argv[1]), b"half")
"""


def _temporaries(target: Path) -> list[Path]:
    return sorted(p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def _hanging_writer(target: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen(
        [sys.executable, "-c", HANGING_WRITER, str(target)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    return writer


def _age(path: Path) -> None:
    old = time.time() - STALE_TEMP_AGE_S - 60
    os.utime(path, (old, old))


def test_a_writer_killed_mid_write_leaves_a_temporary_the_next_write_removes(tmp_path):
    target = tmp_path / "minutes.md"
    writer = _hanging_writer(target)
    [leftover] = _temporaries(target)
    writer.kill()
    writer.wait()
    write_atomic(target, b"first")
    assert leftover.exists()  # too fresh to be sure its writer is not on another machine
    _age(leftover)
    write_atomic(target, b"second")
    assert _temporaries(target) == [] and target.read_bytes() == b"second"


def test_a_live_writer_s_temporary_is_never_removed(tmp_path):
    target = tmp_path / "minutes.md"
    writer = _hanging_writer(target)
    try:
        [live] = _temporaries(target)
        _age(live)  # however old it looks
        write_atomic(target, b"mine")
        assert live.exists() and target.read_bytes() == b"mine"
    finally:
        writer.kill()
        writer.wait()


def test_the_command_line_cleans_up_after_a_killed_export(store, saved, tmp_path):
    target = tmp_path / "actions.csv"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".actions.csv.{int(gone.stdout)}-0123456789ab.tmp"
    stale.write_bytes(b"half")
    _age(stale)
    assert run(store.folder, "export", "q", "--format", "csv", "-o", str(target)).exit_code == 0
    assert not stale.exists() and target.exists()


def test_writers_of_the_same_file_at_once_never_remove_each_other_s_file(tmp_path):
    target, failures = tmp_path / "minutes.md", []

    def write(tag: bytes) -> None:
        try:
            for _ in range(200):
                write_atomic(target, tag)
        except OSError as exc:  # pragma: no cover - the failure this test looks for
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(bytes([65 + i]),)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures and _temporaries(target) == []


# -- 7. command lines that are not UTF-8 --------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (b"add", b"q", b"note", b"caf\xe9"),
        (b"minutes", b"q", b"--next-meeting", b"\xff"),
        (b"show", b"\xffq"),
        (b"open", b"\xff"),  # a console line, read without click
        (b"--lang", b"en", b"open", b"q\xfe"),
    ],
)
def test_arguments_that_are_not_utf8_get_a_message(store, saved, args):
    path, before = saved
    refused(cli(store.folder, *args), "UTF-8")
    assert path.read_bytes() == before


def test_a_file_name_or_folder_that_is_not_utf8_gets_a_message(store, saved, tmp_path):
    agenda = os.path.join(os.fsencode(tmp_path), b"\xffagenda.md")
    Path(os.fsdecode(agenda)).write_text("# Sync\n\n## Agenda\n\n1. Opening (15 min)\n", "utf-8")
    refused(cli(store.folder, "new", agenda, "--no-open"), "UTF-8")
    refused(cli(os.fsencode(tmp_path) + b"/\xff", "list"), "UTF-8")
    bad = {"COOPCONSOLE_SESSIONS": os.fsdecode(os.fsencode(tmp_path) + b"/\xff")}
    refused(command_line("list", env=bad), "COOPCONSOLE_SESSIONS", "UTF-8")

"""``coopconsole serve``: the checks it makes and the command it gives textual-serve, with
the server itself replaced (the browser test, tests/test_serve_browser.py, serves for real)."""

from __future__ import annotations

import shlex
import sys

import pytest
from click.testing import CliRunner

from coopconsole.cli.commands import main
from coopconsole.cli.serve import browser_url, is_loopback
from tests.support.sessions import small_session


class FakeServer:
    """textual-serve's Server, keeping its arguments instead of serving."""

    made: list[dict] = []

    def __init__(self, command: str, **options) -> None:  # noqa: ANN003
        FakeServer.made.append({"command": command, **options})

    def serve(self, debug: bool = False) -> None:
        FakeServer.made[-1]["served"] = True


@pytest.fixture
def served(monkeypatch, store):
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    monkeypatch.setattr("textual_serve.server.Server", FakeServer)
    FakeServer.made = []
    store.create(small_session("kickoff")).close()
    return FakeServer.made


def serve(folder, *args: str):
    return CliRunner().invoke(main, ["--sessions-dir", str(folder), "serve", *args])


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"])
def test_loopback_hosts_are_served(served, folder, host):
    result = serve(folder, "kickoff", "--host", host, "--port", "8123")
    assert result.exit_code == 0, result.output
    assert served[-1]["host"] == host.strip("[]")
    assert served[-1]["port"] == 8123
    assert served[-1]["served"]
    assert "warning" not in result.output


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "meeting-laptop.example"])
def test_other_hosts_are_refused_without_allow_remote(served, folder, host):
    result = serve(folder, "kickoff", "--host", host)
    assert result.exit_code == 2
    assert "not a loopback address" in result.output
    assert "--allow-remote" in result.output
    assert served == []


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20"])
def test_allow_remote_serves_them_with_a_warning(served, folder, host):
    result = serve(folder, "kickoff", "--host", host, "--allow-remote")
    assert result.exit_code == 0, result.output
    assert "warning" in result.output
    assert "anyone who can reach this port can drive the meeting" in result.output
    assert served[-1]["host"] == host


def test_the_default_is_loopback_on_port_8000(served, folder):
    result = serve(folder, "kickoff")
    assert result.exit_code == 0, result.output
    assert (served[-1]["host"], served[-1]["port"]) == ("127.0.0.1", 8000)
    assert served[-1]["public_url"] == "http://127.0.0.1:8000"
    assert served[-1]["title"] == "coopconsole · kickoff"


def test_the_console_command(served, folder):
    result = CliRunner().invoke(
        main, ["--sessions-dir", str(folder), "--lang", "zh", "serve", "kickoff", "--theme", "coopconsole-light"]
    )
    assert result.exit_code == 0, result.output
    assert shlex.split(served[-1]["command"]) == [
        sys.executable,
        "-m",
        "coopconsole",
        "--sessions-dir",
        str(folder.resolve()),
        "--lang",
        "zh",
        "--theme",
        "coopconsole-light",
        "open",
        "kickoff",
    ]


def test_the_projector_command(served, folder):
    result = serve(folder, "--projector", "kickoff")
    assert result.exit_code == 0, result.output
    assert shlex.split(served[-1]["command"]) == [
        sys.executable,
        "-m",
        "coopconsole",
        "--sessions-dir",
        str(folder.resolve()),
        "projector",
        "kickoff",
    ]


def test_without_a_name_the_picker(served, folder):
    result = serve(folder)
    assert result.exit_code == 0, result.output
    assert shlex.split(served[-1]["command"])[-2:] == ["--sessions-dir", str(folder.resolve())]
    assert served[-1]["title"] == "coopconsole"


def test_names_and_folders_are_quoted(served, tmp_path, store):
    folder = tmp_path / "it's a $(folder)"
    from coopconsole.store import SessionStore

    SessionStore(folder).create(small_session("kickoff")).close()
    result = serve(folder, "kickoff")
    assert result.exit_code == 0, result.output
    assert shlex.split(served[-1]["command"])[4] == str(folder.resolve())


def test_an_unknown_session_is_refused(served, folder):
    for args in (["nosuch"], ["--projector", "nosuch"]):
        result = serve(folder, *args)
        assert result.exit_code == 2
        assert "No session named 'nosuch'" in result.output
    assert served == []


def test_a_damaged_session_is_refused(served, folder):
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    result = serve(folder, "broken")
    assert result.exit_code == 2
    assert "broken" in result.output
    assert served == []


def test_name_and_projector_together_are_refused(served, folder):
    result = serve(folder, "kickoff", "--projector", "kickoff")
    assert result.exit_code == 2
    assert served == []


def test_without_textual_serve_a_clear_message(monkeypatch, store, folder):
    store.create(small_session("kickoff")).close()
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    result = serve(folder, "kickoff")
    assert result.exit_code == 2
    assert "textual-serve" in result.output
    assert "pip install" in result.output


def test_loopback_and_urls():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("LOCALHOST")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.0.0.5") and not is_loopback("example.org")
    assert browser_url("::1", 8000) == "http://[::1]:8000"
    assert browser_url("localhost", 9000) == "http://localhost:9000"
    assert browser_url("0.0.0.0", 8000) != "http://0.0.0.0:8000"  # other machines cannot connect back to that

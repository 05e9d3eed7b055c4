"""Remembered settings: where they live, round trip, damaged files, atomic private writes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coopconsole import settings as settings_module
from coopconsole.settings import (
    DEFAULT_THEME,
    Settings,
    config_dir,
    load_settings,
    save_settings,
    settings_path,
)


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cfg"
    monkeypatch.setenv("COOPCONSOLE_CONFIG", str(folder))
    return folder


def test_config_dir_prefers_coopconsole_config_over_xdg(config, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == config
    assert settings_path() == config / "settings.json"


def test_config_dir_uses_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.delenv("COOPCONSOLE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == tmp_path / "xdg" / "coopconsole"


@pytest.mark.parametrize("xdg", [None, "", "relative/path"])
def test_config_dir_falls_back_to_dot_config(tmp_path, monkeypatch, xdg):
    monkeypatch.delenv("COOPCONSOLE_CONFIG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    assert config_dir() == tmp_path / "home" / ".config" / "coopconsole"


def test_empty_coopconsole_config_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("COOPCONSOLE_CONFIG", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == tmp_path / "xdg" / "coopconsole"


def test_missing_file_gives_defaults_without_a_message(config):
    loaded, error = load_settings()
    assert error is None
    assert loaded == Settings()
    assert (loaded.theme, loaded.lang, loaded.warning_minutes) == (DEFAULT_THEME, None, 2)
    assert not config.exists()  # reading never creates anything


def test_round_trip(config):
    saved = Settings(theme="coopconsole-projector", lang="zh", warning_minutes=5)
    path = save_settings(saved)
    assert path == config / "settings.json"
    loaded, error = load_settings()
    assert error is None
    assert loaded == saved
    assert json.loads(path.read_text("utf-8")) == {"theme": "coopconsole-projector", "lang": "zh", "warning_minutes": 5}


def test_saved_file_is_private_and_folder_is_created(config):
    path = save_settings(Settings())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.stat().st_mode) == 0o700
    save_settings(Settings(lang="en"))  # replacing keeps it private
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_leaves_no_temporary_files(config):
    for minutes in range(3):
        save_settings(Settings(warning_minutes=minutes))
    assert sorted(p.name for p in config.iterdir()) == ["settings.json"]


def test_failed_save_keeps_the_old_file(config, monkeypatch):
    path = save_settings(Settings(lang="zh"))
    before = path.read_bytes()

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(Settings(lang="en"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in config.iterdir()) == ["settings.json"]


def test_unknown_keys_are_kept(config):
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"theme": "coopconsole-light", "future": [1, 2]}), "utf-8")
    loaded, error = load_settings()
    assert error is None
    assert loaded.theme == "coopconsole-light"
    save_settings(Settings(theme="coopconsole-dark", extra=loaded.extra))
    assert json.loads((config / "settings.json").read_text("utf-8"))["future"] == [1, 2]


@pytest.mark.parametrize(
    "content, words",
    [
        (b"{not json", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b"\xff\xfe\x00", "UTF-8"),
    ],
)
def test_corrupt_file_gives_defaults_a_message_and_is_left_untouched(config, content, words):
    config.mkdir()
    path = config / "settings.json"
    path.write_bytes(content)
    loaded, error = load_settings()
    assert loaded == Settings()
    assert error is not None
    assert str(path) in error and words in error and "default" in error
    assert path.read_bytes() == content


def test_unreadable_settings_give_defaults_and_a_message(config):
    (config / "settings.json").mkdir(parents=True)  # a folder where the file should be
    loaded, error = load_settings()
    assert loaded == Settings()
    assert error is not None and "cannot be read" in error


def test_bad_values_fall_back_one_by_one(config):
    config.mkdir()
    path = config / "settings.json"
    path.write_text(json.dumps({"theme": "coopconsole-light", "lang": "fr", "warning_minutes": "two"}), "utf-8")
    loaded, error = load_settings()
    assert loaded.theme == "coopconsole-light"
    assert loaded.lang is None and loaded.warning_minutes == 2
    assert error is not None and str(path) in error
    assert "'lang'" in error and "'warning_minutes'" in error and "'theme'" not in error


@pytest.mark.parametrize("minutes", [True, -1, 1.5, 10_000])
def test_warning_minutes_must_be_a_sensible_whole_number(config, minutes):
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"warning_minutes": minutes}), "utf-8")
    loaded, error = load_settings()
    assert loaded.warning_minutes == 2 and error is not None


def test_settings_do_not_import_textual():
    code = "import sys, coopconsole.settings; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ)
    assert out.stdout.strip() == "False"

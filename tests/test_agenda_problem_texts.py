"""Every problem the agenda importer reports is a catalogue key, said in English and in
Chinese: the problems of the structural readings (placeholders, meeting-length and label
entries, call invitations, entries set aside, empty categories) on small agendas, and a
check that every ``import.`` key the importer's code uses exists in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from coopconsole.agenda import import_agenda
from coopconsole.texts import CATALOGUE

AGENDA = Path(__file__).parent.parent / "coopconsole" / "agenda"


def _said(text: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.key, p.text("zh")) for p in import_agenda(text).problems]


def test_a_placeholder_entry_is_said_in_chinese() -> None:
    text = "# TAG\n\n### Breakout A\n\n* Self-profiling API (10 min)\n\n### Breakout B\n\n* ...\n"
    assert _said(text) == [(9, "placeholder", "条目“...”是待填写的占位内容,不是议题。")]


def test_a_label_entry_and_a_meeting_length_entry_are_said_in_chinese() -> None:
    text = (
        "# Agenda Items\n\n- Opening (2 min)\n\n- Talking Points : ( Inform / discuss )\n- Git issues (2 min)\n"
        "- Planned meeting duration (60 min)\n- Closure (1 min)\n"
    )
    assert _said(text) == [
        (5, "label_entry", "条目“Talking Points : ( Inform / discuss )”只是引出后面的条目,本身不是议题。"),
        (7, "length_entry", "条目“Planned meeting duration (60 min)”写的是会议总时长,不是议题。"),
    ]


def test_a_call_invitation_is_said_in_chinese() -> None:
    text = (
        "Dana is inviting you to a scheduled Zoom meeting.\n\nTopic: Partner sync\n\n"
        "Join Zoom Meeting\nhttps://us02web.zoom.us/j/85512345678?pwd=abc\n\n"
        "Meeting ID: 855 1234 5678\nPasscode: 123456\n\n1. Welcome (5 min)\n2. Budget (20 min)\n"
    )
    problems = import_agenda(text).problems
    assert [(p.line, p.key) for p in problems] == [(1, "invite_many")]
    assert problems[0].message.startswith("Lines 1-9 are a video-call invitation")
    assert problems[0].text("zh") == "第 1-9 行是视频会议邀请(会议号、密码、拨入号码),不是议题。"


def test_an_entry_set_aside_is_said_in_chinese() -> None:
    text = (
        "# Plenary\n\n## Schedule\n\n- Phase 4 vote (15 min)\n\n"
        "### Proposed agenda items (to be scheduled if time permits)\n\n- Profiles follow-up (15 min)\n"
    )
    assert _said(text) == [
        (
            9,
            "parked",
            "“Profiles follow-up (15 min)”注明时间允许时才安排(或以后再议),已放入停车场,没有列入议程。",
        )
    ]


def test_an_empty_category_is_said_in_chinese() -> None:
    text = "# Telechat\n\n## Agenda\n\n### Administrivia\n\n- Minutes (Med)\n\n### WG News\n\n### AOB\n- Moderators (Roman)\n"
    said = [(line, key, zh) for line, key, zh in _said(text) if key != "no_box"]
    assert said == [
        (
            9,
            "empty_category",
            "标题“WG News”下面是空的;它旁边的标题都用来给议题分组,因此它被当作一个空分组,不是议题。",
        )
    ]


def _keys(node: ast.expr) -> list[str] | None:
    """The keys an argument can hold: a literal, either side of ``a if c else b``, the
    known ``f"nested_{what}"`` (participants and goals), nothing for a ``key`` passed on;
    None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name) and node.id == "key":
        return []  # a report passing on the key it was given (the importer's own ``report``)
    if isinstance(node, ast.IfExp):
        body, orelse = _keys(node.body), _keys(node.orelse)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.JoinedStr) and ast.unparse(node) == "f'nested_{what}'":
        return ["nested_participant", "nested_goal"]
    return None


def _used_keys() -> dict[str, list[str]]:
    """Every key given to ``report(line, key, ...)``, ``ImportProblem.of(line, key, ...)``
    and ``AgendaError.of(key, ...)`` in coopconsole/agenda, by where it is used."""
    used: dict[str, list[str]] = {}
    for path in sorted(AGENDA.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            owner = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
            if name == "report" or (name == "of" and owner == "ImportProblem"):
                arg = node.args[1] if len(node.args) > 1 else None
            elif name == "of" and owner in ("AgendaError", "cls"):
                arg = node.args[0] if node.args else None
            else:
                continue
            where = f"{path.name}:{node.lineno}"
            assert arg is not None, f"{where}: a report without a key"
            keys = _keys(arg)
            assert keys is not None, f"{where}: the key is not a catalogue key ({ast.unparse(arg)})"
            for key in keys:
                used.setdefault(key, []).append(where)
    return used


def test_every_import_key_used_exists_in_both_languages() -> None:
    used = _used_keys()
    assert len(used) > 40  # the walk found the importer's reports
    for key, where in used.items():
        assert re.fullmatch(r"[a-z][a-z_]*", key), f"{where}: {key!r} is a sentence, not a key"
        for lang in ("en", "zh"):
            assert f"import.{key}" in CATALOGUE[lang], f"{where}: import.{key} missing in {lang}"


def test_the_import_texts_are_the_same_keys_in_both_languages_and_all_used() -> None:
    en = {k for k in CATALOGUE["en"] if k.startswith("import.")}
    zh = {k for k in CATALOGUE["zh"] if k.startswith("import.")}
    assert en == zh
    assert en == {f"import.{key}" for key in _used_keys()} | {"import.no_agenda"}

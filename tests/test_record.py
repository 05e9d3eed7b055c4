"""``@record`` behaves as ``@dataclass(frozen=True)`` does: repr, equality, hash, frozen."""

from __future__ import annotations

import dataclasses
import importlib
from datetime import UTC, datetime

import pytest

from coopconsole.domain.frozen import record
from coopconsole.domain.model import ActionItem, Event, EventKind, SmartCheck

AT = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)


def _twin(cls: type) -> type:
    """The same fields as ``cls``, made by the standard ``@dataclass(frozen=True)``."""
    spec = [
        (f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory))
        for f in dataclasses.fields(cls)
    ]
    twin = dataclasses.make_dataclass(cls.__name__, spec, frozen=True)
    twin.__qualname__ = cls.__qualname__
    return twin


EXAMPLES = [
    (Event, dict(id=1, at=AT, kind=EventKind.START)),
    (Event, dict(id=2, at=AT, kind=EventKind.SPEAKER, participant=3)),
    (SmartCheck, dict(problems=("owner", "deadline"))),
    (SmartCheck, dict()),
    (ActionItem, dict(id=4, deliverable="Send the budget table", owner="Alice", smart=SmartCheck(("deadline",)))),
]


@pytest.mark.parametrize("cls, values", EXAMPLES)
def test_repr_equality_and_hash_are_those_of_a_frozen_dataclass(cls, values):
    twin = _twin(cls)
    ours, theirs = cls(**values), twin(**values)
    assert repr(ours) == repr(theirs)
    assert hash(ours) == hash(theirs)
    assert ours == cls(**values) and not ours != cls(**values)
    changed = dataclasses.replace(ours, **{dataclasses.fields(cls)[0].name: None})
    assert ours != changed and hash(ours) != hash(changed)
    assert ours.__eq__(theirs) is NotImplemented  # another class is never equal
    assert ours != theirs


def test_a_record_stays_frozen():
    event = Event(id=1, at=AT, kind=EventKind.START)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.item = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del event.kind


def test_a_field_with_its_own_repr_or_comparison_is_refused():
    with pytest.raises(TypeError, match="needs @dataclass"):

        @record
        class Odd:
            shown: int
            hidden: int = dataclasses.field(default=0, compare=False)


@pytest.mark.parametrize(
    "module",
    [
        "coopconsole.domain.model",
        "coopconsole.domain.timeline",
        "coopconsole.domain.balance",
        "coopconsole.domain.clock_replay",
        "coopconsole.domain.followup",
        "coopconsole.domain.live",
        "coopconsole.store.folder",
    ],
)
def test_the_frozen_records_the_console_starts_with_are_records(module):
    loaded = importlib.import_module(module)
    frozen = [
        obj
        for obj in vars(loaded).values()
        if isinstance(obj, type)
        and obj.__module__ == module
        and dataclasses.is_dataclass(obj)
        and obj.__dataclass_params__.frozen
    ]
    assert frozen
    assert all(cls.__repr__ is Event.__repr__ for cls in frozen)

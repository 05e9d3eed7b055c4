"""``@record``: a frozen dataclass whose repr, equality and hash are shared, not compiled.

On Python 3.11, ``@dataclass(frozen=True)`` writes the source of six methods for each
class (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``) and compiles each one. Compiling is most of what defining a dataclass
costs, and the console defines some twenty of them while it starts: about 11 ms of a
200 ms start. Three of the six do the same for every class, so ``@record`` defines the
class with ``@dataclass(frozen=True, repr=False, eq=False)`` and gives it these three,
written once here, with what ``@dataclass`` gives them:

- ``repr``: ``Name(field=value!r, ...)``, every field in order;
- ``==``: same class and equal field values, in order (``NotImplemented`` otherwise);
- ``hash``: the hash of the tuple of field values.

Everything else is a plain frozen dataclass: ``dataclasses.fields`` and ``replace``,
``FrozenInstanceError`` on assignment, ``field(default_factory=...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:  # attrgetter of one name gives the value, not a 1-tuple
        get_one = attrgetter(names[0])
        return lambda obj: (get_one(obj),)
    return attrgetter(*names) if names else (lambda obj: ())


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_fields)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        return self._record_values(self) == other._record_values(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._record_values(self))


@dataclass_transform(frozen_default=True)
def record(cls: T) -> T:
    """``cls`` as a frozen dataclass, with the shared repr, equality and hash."""
    made: Any = dataclass(frozen=True, repr=False, eq=False)(cls)  # the methods are set below
    every = fields(made)
    if any(not f.repr or not f.compare or f.hash is not None for f in every):
        raise TypeError(f"{made.__qualname__}: a field with repr=, compare= or hash= needs @dataclass, not @record")
    names = tuple(f.name for f in every)
    made._record_fields = names
    made._record_values = staticmethod(_values_getter(names))
    made.__repr__ = _repr
    made.__eq__ = _eq
    made.__hash__ = _hash
    return cls

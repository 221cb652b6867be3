"""The closed set of rule kinds. Each kind turns a Gregorian year into the start dates of a
holiday in that year (a list: Islamic holidays can fall twice in one Gregorian year)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol, TypeVar


class Rule(Protocol):
    def dates(self, year: int) -> list[date]: ...


R = TypeVar("R")
RULES: dict[str, type] = {}


def rule(kind: str) -> Callable[[type[R]], type[R]]:
    """Register a rule dataclass under the name editors write as `kind:`."""

    def register(cls: type[R]) -> type[R]:
        RULES[kind] = cls
        return cls

    return register


class RuleProblem(ValueError):
    """A rule's fields are consistent one by one but not together (e.g. 30 February)."""


# Importing the kinds registers them; order is the order of the documentation.
from kalender.rules import gregorian, lunar, lunisolar, solar  # noqa: E402,F401

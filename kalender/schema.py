"""Typed fields for YAML records: one definition serves loading, messages and documentation.

A record type is a frozen dataclass whose fields carry a converter in their metadata
(`param(...)`). `read_record` turns a YAML mapping into such a record and collects every
problem (unknown key with a suggestion, missing key, wrong value) instead of stopping.
"""

from __future__ import annotations

import calendar
import dataclasses
import difflib
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from kalender.errors import DataError, Problem
from kalender.german import MONTHS
from kalender.source import Where, YList, YMap, load_yaml


class Invalid(ValueError):
    """A value does not fit its field; the message is German and says what is allowed."""


Converter = Callable[[Any], Any]
T = TypeVar("T")


def param(convert: Converter, doc: str, default: Any = dataclasses.MISSING) -> Any:
    """Declare a record field with its converter and a German description."""
    return dataclasses.field(default=default, metadata={"convert": convert, "doc": doc})


def integer(low: int, high: int) -> Converter:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not (
            isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())
        ):
            raise Invalid(f"erwartet eine ganze Zahl von {low} bis {high}, gefunden '{value}'")
        number = int(value)
        if not low <= number <= high:
            raise Invalid(f"{number} liegt nicht im erlaubten Bereich {low} bis {high}")
        return number

    convert.allowed = f"ganze Zahl {low}…{high}"  # type: ignore[attr-defined]
    convert.bounds = ("integer", low, high)  # type: ignore[attr-defined]
    return convert


def number(low: float, high: float) -> Converter:
    """A length in mm or a size in pt between `low` and `high`."""

    def convert(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Invalid(f"erwartet eine Zahl von {low} bis {high}, gefunden '{value}'")
        if not low <= value <= high:
            raise Invalid(f"{value} liegt nicht im erlaubten Bereich {low} bis {high}")
        return float(value)

    convert.bounds = ("number", low, high)  # type: ignore[attr-defined]
    return convert


def string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"erwartet einen Text, gefunden '{value}'")
    return " ".join(value.split())


def snake_id(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise Invalid(
            f"'{value}' ist keine gültige Kennung; erlaubt sind Kleinbuchstaben a–z, Ziffern und _ "
            "(z. B. eid_al_fitr)"
        )
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"erwartet true oder false, gefunden '{value}'")
    return value


def choice(*options: str) -> Converter:
    def convert(value: Any) -> str:
        if value not in options:
            hint = did_you_mean(str(value), options)
            raise Invalid(f"'{value}' ist nicht erlaubt{hint}; erlaubt: {', '.join(options)}")
        return str(value)

    convert.options = options  # type: ignore[attr-defined]
    return convert


def iso_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value).strip())
    if not match:
        raise Invalid(f"'{value}' ist kein Datum; bitte als JJJJ-MM-TT schreiben, z. B. 2018-06-15")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise Invalid(f"'{value}': einen Monat {month} gibt es nicht; erlaubt sind 01 bis 12")
    length = calendar.monthrange(year, month)[1] if year else 31
    if not 1 <= day <= length:
        raise Invalid(
            f"'{value}': den Tag {day} gibt es nicht; der {MONTHS[month - 1]} {year} hat {length} Tage – bitte das Datum prüfen"
        )
    return date(year, month, day)


def cmyk(value: Any) -> tuple[float, float, float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 4
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        or not all(0 <= v <= 100 for v in value)
    ):
        raise Invalid(f"erwartet vier Prozentwerte [C, M, Y, K] von 0 bis 100, gefunden {value}")
    return tuple(float(v) for v in value)  # type: ignore[return-value]


def did_you_mean(word: str, options: Any) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" – meinten Sie '{close[0]}'?" if close else ""


class Collector:
    """Gathers problems across files so that the editor sees all of them at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: Where, message: str) -> None:
        self.problems.append(where.problem(message))

    def warn(self, where: Where, message: str) -> None:
        self.problems.append(where.problem(message, severity="Warnung"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "Fehler"]


def read_fields(
    node: Any, cls: type, problems: Collector, what: str, skip: frozenset[str] = frozenset()
) -> dict[str, Any] | None:
    """Check `node` against the fields of dataclass `cls`; return converted values or None."""
    if not isinstance(node, YMap):
        where = getattr(node, "where", None)
        if where is not None:
            problems.add(where, f"{what}: erwartet Schlüssel mit Werten (key: value)")
        return None
    fields = {f.name: f for f in dataclasses.fields(cls) if "convert" in f.metadata}
    allowed = set(fields) | skip
    values: dict[str, Any] = {}
    ok = True
    for key in node:
        if key not in allowed:
            ok = False
            problems.add(
                node.key_where[key],
                f"{what}: unbekannter Schlüssel '{key}'{did_you_mean(key, sorted(allowed))}; "
                f"erlaubt: {', '.join(sorted(allowed))}",
            )
    for name, spec in fields.items():
        if name not in node:
            if spec.default is dataclasses.MISSING:
                ok = False
                problems.add(node.where, f"{what}: Pflichtangabe '{name}' fehlt ({spec.metadata['doc']})")
            continue
        if node[name] is None:  # `name:` with nothing after it: a skeleton from kalender new
            ok = False
            problems.add(node.at(name), f"{what}: '{name}' ist noch leer; bitte ausfüllen ({spec.metadata['doc']})")
            continue
        try:
            values[name] = spec.metadata["convert"](node[name])
        except Invalid as exc:
            ok = False
            problems.add(node.at(name), f"{what}: '{name}': {exc}")
    return values if ok else None


def items_of(node: Any, problems: Collector, where: Where, what: str) -> list[tuple[Any, Where]]:
    """The items of a YAML list with their places; anything else is a problem."""
    if not isinstance(node, YList):
        problems.add(getattr(node, "where", where), f"{what}: erwartet eine Liste (Zeilen mit „- “)")
        return []
    return list(zip(node, node.item_where, strict=True))


def documents(paths: list[Path], problems: Collector) -> Iterator[tuple[Path, Any]]:
    """Parse each YAML file; a file with a syntax error becomes a problem and is skipped."""
    for path in paths:
        try:
            yield path, load_yaml(path)
        except DataError as exc:
            problems.problems.extend(exc.problems)

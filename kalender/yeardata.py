"""Read the editors' file for one year, data/years/YYYY.yaml: announced dates and omissions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kalender.catalogue import read_explicit_dates
from kalender.errors import DataError, display_path
from kalender.model import Catalogue, ExplicitDate
from kalender.schema import Collector, did_you_mean, items_of
from kalender.source import Where, YMap, load_yaml

YEAR_DIR = "years"
_KEYS = ("year", "motto", "content", "template", "notice", "jewish_custom", "overrides", "omit")
CONTENT_KINDS = ("portraits", "photos")


@dataclass(frozen=True)
class YearData:
    """What the editors decide for one year; every field has a harmless default."""

    year: int
    path: str = ""
    overrides: dict[str, tuple[ExplicitDate, ...]] = field(default_factory=dict)
    omit: frozenset[str] = frozenset()
    jewish_custom: str = "diaspora"
    motto: str = "Interkultureller Kalender"
    content: str = "portraits"
    template: str = "a3"
    notice: str = ""
    where: dict[str, Where] = field(default_factory=dict)


def year_file(data_dir: Path, year: int) -> Path:
    return data_dir / YEAR_DIR / f"{year}.yaml"


def load_year(data_dir: Path, year: int, catalogue: Catalogue) -> YearData:
    """Load data/years/YEAR.yaml if it exists; check its ids against the catalogue."""
    path = year_file(data_dir, year)
    name = display_path(path)
    if not path.exists():
        return YearData(year, name)
    document = load_yaml(path)
    if document is None:
        return YearData(year, name)
    problems = Collector()
    if not isinstance(document, YMap):
        problems.add(Where(name, 1, 1), f"erwartet Abschnitte wie 'overrides:'; erlaubt: {', '.join(_KEYS)}")
        raise DataError(problems.problems)
    for key in document:
        if key not in _KEYS:
            problems.add(
                document.key_where[key],
                f"unbekannter Abschnitt '{key}'{did_you_mean(key, _KEYS)}; erlaubt: {', '.join(_KEYS)}",
            )
    if "year" in document and document["year"] != year:
        problems.add(
            document.at("year"), f"die Datei gilt für {year}, hier steht aber year: {document['year']}"
        )
    custom = document.get("jewish_custom", "diaspora")
    if custom not in ("diaspora", "israel"):
        problems.add(
            document.at("jewish_custom"),
            f"jewish_custom: '{custom}' ist nicht erlaubt; erlaubt: diaspora, israel",
        )
    known = {h.id for h in catalogue.holidays}
    overrides = _read_overrides(document, year, known, problems)
    omit = set()
    for item, where in items_of(document.get("omit", []), problems, document.at("omit"), "omit"):
        if item not in known:
            problems.add(where, f"omit: Feiertag '{item}' gibt es nicht{did_you_mean(str(item), known)}")
        omit.add(str(item))
    texts = {}
    for key in ("motto", "template", "notice"):
        if key in document:
            if isinstance(document[key], str) and document[key].strip():
                texts[key] = " ".join(document[key].split())
            else:
                problems.add(document.at(key), f"{key}: erwartet einen Text")
    content = document.get("content", "portraits")
    if content not in CONTENT_KINDS:
        problems.add(
            document.at("content"),
            f"content: '{content}' ist nicht erlaubt"
            f"{did_you_mean(str(content), CONTENT_KINDS)}; erlaubt: {', '.join(CONTENT_KINDS)}",
        )
    if problems.errors:
        raise DataError(problems.problems)
    places = {key: document.at(key) for key in document}
    return YearData(
        year, name, overrides, frozenset(omit), str(custom), content=str(content), where=places, **texts
    )


def _read_overrides(
    document: YMap, year: int, known: set[str], problems: Collector
) -> dict[str, tuple[ExplicitDate, ...]]:
    node = document.get("overrides")
    if node is None:
        return {}
    if not isinstance(node, YMap):
        problems.add(
            document.at("overrides"),
            "overrides: erwartet je Feiertag eine Kennung mit einer Liste "
            "von Terminen, z. B. eid_al_fitr: [{date: 2018-06-15, source: …}]",
        )
        return {}
    found = {}
    for holiday_id, dates_node in node.items():
        if holiday_id not in known:
            problems.add(
                node.key_where[holiday_id],
                f"overrides: Feiertag '{holiday_id}' gibt es nicht"
                f"{did_you_mean(holiday_id, known)}; die Kennungen stehen in data/holidays/*.yaml",
            )
            continue
        dates = read_explicit_dates(dates_node, node.at(holiday_id), problems, f"overrides '{holiday_id}'")
        for entry in dates:
            if entry.date.year != year and entry.where is not None:
                problems.add(
                    entry.where, f"overrides '{holiday_id}': {entry.date} liegt nicht im Jahr {year}"
                )
        found[holiday_id] = dates
    return found

"""Read the calendar-wide settings (data/settings.yaml) and the twelve month contents of a year."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kalender.errors import DataError, Problem, display_path
from kalender.files import file_exists
from kalender.german import MONTH_FILES, WEEKDAY_KEYS
from kalender.schema import (
    Collector,
    Invalid,
    boolean,
    choice,
    did_you_mean,
    documents,
    integer,
    iso_date,
    items_of,
    param,
    read_fields,
    string,
)  # fmt: skip
from kalender.source import Where, YMap, load_yaml

SETTINGS_FILE = "settings.yaml"
_SETTINGS_KEYS = ("publisher", "integration_office", "imprint", "groups", "towns")


def clock(value: Any) -> datetime.time:
    try:
        hour, minute = str(value).split(":")
        return datetime.time(int(hour), int(minute))
    except ValueError:
        raise Invalid(
            f'\'{value}\' ist keine Uhrzeit; bitte als "HH:MM" in Anführungszeichen, z. B. "09:30"'
        ) from None


def focus_point(value: Any) -> tuple[float, float]:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in value)
    ):
        return float(value[0]), float(value[1])
    raise Invalid(f"erwartet [x, y] mit Werten von 0 bis 1 (Bildmitte: [0.5, 0.5]), gefunden {value}")


@dataclass(frozen=True, kw_only=True)
class Publisher:
    name: str = param(string, "Herausgeber")
    office: str = param(string, "herausgebendes Büro")
    address: str = param(string, "Anschrift")
    web: str = param(string, "Internetadresse")


@dataclass(frozen=True, kw_only=True)
class OpeningTime:
    day: str = param(choice(*WEEKDAY_KEYS), "Wochentag mon … sun")
    start: datetime.time = param(clock, 'Beginn "HH:MM"')
    end: datetime.time = param(clock, 'Ende "HH:MM"')

    @property
    def hours(self) -> float:
        return (self.end.hour * 60 + self.end.minute - self.start.hour * 60 - self.start.minute) / 60


@dataclass(frozen=True, kw_only=True)
class Consultation:
    partner: str = param(string, "Träger")
    offer: str = param(string, "Angebot")
    times: tuple[OpeningTime, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Office:
    name: str = param(string, "Name des Büros")
    address: str = param(string, "Anschrift")
    text: str = param(string, "kurze Beschreibung")
    consultations: tuple[Consultation, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Settings:
    publisher: Publisher
    office: Office
    imprint: str
    towns: tuple[str, ...]
    groups: tuple[str, ...] = ()
    path: str = ""
    where: dict[str, Where] | None = None


@dataclass(frozen=True, kw_only=True)
class Consent:
    given: bool = param(boolean, "Einverständnis liegt vor: true")
    date: datetime.date = param(iso_date, "Datum der Einverständniserklärung")
    note: str | None = param(string, "Vermerk, wo die Erklärung liegt", default=None)


@dataclass(frozen=True, kw_only=True)
class MonthContent:
    """What fills one month's picture area: a portrait with text, or a contest photo."""

    month: int = param(integer(1, 12), "Monat 1–12")
    photo: str = param(string, "Bilddatei im selben Ordner")
    focus: tuple[float, float] = param(
        focus_point, "Bildpunkt [x, y], der sichtbar bleibt", default=(0.5, 0.4)
    )
    town: str | None = param(string, "einer der zwölf Orte", default=None)
    # portraits
    name: str | None = param(string, "Name, wie gedruckt", default=None)
    gender: str | None = param(choice("female", "male", "diverse"), "female, male oder diverse", default=None)
    origin: str | None = param(string, "Herkunft, wie gedruckt", default=None)
    arrived: int | None = param(integer(1900, 2100), "Jahr der Ankunft", default=None)
    text: str | None = param(string, "Text, 400–700 Zeichen", default=None)
    photo_credit: str | None = param(string, "Bildnachweis, wie gedruckt", default=None)
    # contest photos
    caption: str | None = param(string, "Bildunterschrift", default=None)
    photographer: str | None = param(string, "Fotografin oder Fotograf", default=None)
    consent: Consent | None = None
    kind: str = "portraits"
    file: str = ""
    photo_path: Path = Path()
    where: dict[str, Where] | None = None

    @property
    def label(self) -> str:
        return self.name or self.caption or self.photo

    @property
    def credit(self) -> str:
        return self.photo_credit or f"Foto: {self.photographer}"

    def at(self, key: str) -> Where:
        assert self.where is not None
        return self.where.get(key) or self.where["_"]


_REQUIRED = {
    "portraits": ("name", "gender", "town", "origin", "text", "photo_credit"),
    "photos": ("caption", "photographer"),
}


def load_settings(data_dir: Path) -> Settings:
    path = data_dir / SETTINGS_FILE
    document = load_yaml(path)
    name = display_path(path)
    problems = Collector()
    if not isinstance(document, YMap):
        raise DataError([Problem(name, 1, 1, "erwartet publisher:, integration_office:, imprint:, towns:")])
    for key in document:
        if key not in _SETTINGS_KEYS:
            problems.add(
                document.key_where[key],
                f"unbekannter Abschnitt '{key}'"
                f"{did_you_mean(key, _SETTINGS_KEYS)}; erlaubt: {', '.join(_SETTINGS_KEYS)}",
            )
    publisher = read_fields(document.get("publisher"), Publisher, problems, "publisher")
    office = _read_office(document.get("integration_office"), document.at("integration_office"), problems)
    towns = [str(t) for t, _ in items_of(document.get("towns"), problems, document.at("towns"), "towns")]
    groups = [
        str(g) for g, _ in items_of(document.get("groups", []), problems, document.at("groups"), "groups")
    ]
    imprint = document.get("imprint")
    if not isinstance(imprint, str):
        problems.add(document.at("imprint"), "imprint: erwartet den Text des Impressums")
    if problems.errors or publisher is None or office is None:
        raise DataError(problems.problems)
    return Settings(
        publisher=Publisher(**publisher),
        office=office,
        imprint=" ".join(str(imprint).split()),
        towns=tuple(towns),
        groups=tuple(groups),
        path=name,
        where={key: document.at(key) for key in document},
    )


def _read_office(node: Any, where: Where, problems: Collector) -> Office | None:
    values = read_fields(node, Office, problems, "integration_office", skip=frozenset({"consultations"}))
    if values is None:
        if node is None:
            problems.add(where, "Abschnitt 'integration_office:' fehlt")
        return None
    consultations = []
    for item, _ in items_of(node.get("consultations"), problems, node.at("consultations"), "consultations"):
        fields = read_fields(item, Consultation, problems, "Sprechstunde", skip=frozenset({"times"}))
        if fields is None:
            continue
        times = []
        for slot, _ in items_of(item.get("times"), problems, item.at("times"), "times"):
            slot_values = read_fields(slot, OpeningTime, problems, "Sprechzeit (day, start, end)")
            if slot_values is not None:
                times.append(OpeningTime(**slot_values))
        consultation = Consultation(**fields, times=tuple(times))
        if sum(t.hours for t in consultation.times) < 2:
            problems.warn(
                item.where,
                f"'{consultation.partner}' bietet weniger als zwei Stunden offene Sprechstunde pro Woche an",
            )
        consultations.append(consultation)
    return Office(**values, consultations=tuple(consultations))


def load_months(
    data_dir: Path, year: int, kind: str, towns: tuple[str, ...], lenient: bool = False
) -> tuple[list[MonthContent], list[Problem]]:
    """The twelve month contents of `year`, checked; returns them with warnings, or raises DataError.
    `lenient` (kalender check) returns the months that could be read with all problems instead."""
    folder = data_dir / kind / str(year)
    problems = Collector()
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise DataError(
            [
                Problem(
                    display_path(folder),
                    0,
                    0,
                    f"keine Monatsdateien (*.yaml) gefunden; "
                    f"für content: {kind} braucht jeder Monat eine Datei, z. B. 01-januar.yaml",
                )
            ]
        )
    months: list[MonthContent] = []
    attempted: set[object] = set()  # months named by files that have errors of their own
    for path, document in documents(paths, problems):
        content = _read_month(document, path, kind, towns, problems)
        if content is not None:
            months.append(content)
        elif isinstance(document, YMap) and isinstance(document.get("month"), (int, str)):
            attempted.add(document.get("month"))  # a month whose file has errors is not also "missing"
    _check_year(months, kind, towns, folder, problems, attempted)
    if lenient:
        return sorted(months, key=lambda m: m.month), problems.problems
    if problems.errors:
        raise DataError(problems.problems)
    return sorted(months, key=lambda m: m.month), [p for p in problems.problems if p.severity != "Fehler"]


def _read_month(
    document: Any, path: Path, kind: str, towns: tuple[str, ...], problems: Collector
) -> MonthContent | None:
    name = display_path(path)
    if not isinstance(document, YMap):
        problems.add(Where(name, 1, 1), "erwartet Angaben wie month:, photo:, …")
        return None
    values = read_fields(document, MonthContent, problems, "Monatsinhalt", skip=frozenset({"consent"}))
    consent = None
    if "consent" in document:
        consent_values = read_fields(document["consent"], Consent, problems, "consent")
        consent = Consent(**consent_values) if consent_values else None
    if values is None:
        return None
    where = {key: document.at(key) for key in document} | {"_": document.where}
    content = MonthContent(
        **values, consent=consent, kind=kind, file=name, photo_path=path.parent / values["photo"], where=where
    )
    docs = {f.name: f.metadata.get("doc", "") for f in dataclasses.fields(MonthContent)}
    for key in _REQUIRED[kind]:
        if getattr(content, key) is None:
            kind_name = "Porträts" if kind == "portraits" else "Fotos"
            problems.add(document.where, f"Pflichtangabe '{key}' fehlt ({docs[key]}); für {kind_name} bitte ergänzen")
    if consent is None or not consent.given:
        problems.add(
            document.at("consent"),
            f"'{content.label}': kein Einverständnis zur Veröffentlichung "
            "(consent: given: true mit Datum); ohne Einverständnis darf nichts gedruckt werden",
        )
    if content.town is not None and content.town not in towns:
        problems.add(
            document.at("town"),
            f"Ort '{content.town}' gehört nicht zu den zwölf Orten"
            f"{did_you_mean(content.town, towns)}; erlaubt: {', '.join(towns)}",
        )
    if not file_exists(content.photo_path):
        problems.add(
            document.at("photo"),
            f"Bilddatei '{content.photo}' nicht gefunden in {display_path(path.parent)}; bitte das Foto "
            "dort ablegen oder den Dateinamen unter photo: korrigieren",
        )
    return content


def _check_year(
    months: list[MonthContent],
    kind: str,
    towns: tuple[str, ...],
    folder: Path,
    problems: Collector,
    attempted: set[object] = frozenset(),  # type: ignore[assignment]
) -> None:
    by_month: dict[int, MonthContent] = {}
    for content in months:
        if content.month in by_month:
            problems.add(
                content.at("month"),
                f"Monat {content.month} ist doppelt belegt (auch in "
                f"{by_month[content.month].file}); jeder Monat genau einmal",
            )
        by_month.setdefault(content.month, content)
    for month in range(1, 13):
        if month not in by_month and month not in attempted:
            problems.add(
                Where(display_path(folder), 0, 0),
                f"für Monat {month} fehlt der Inhalt; bitte "
                f"{month:02d}-{MONTH_FILES[month - 1]}.yaml anlegen",
            )
    if kind != "portraits":
        return
    seen: dict[str, MonthContent] = {}
    for content in months:
        if content.town in seen and content.town is not None:
            problems.add(
                content.at("town"),
                f"'{content.town}' kommt schon im Monat {seen[content.town].month} vor; "
                "jeder der zwölf Orte genau einmal",
            )
        seen.setdefault(content.town or "", content)
    women = sum(1 for m in months if m.gender == "female")
    men = sum(1 for m in months if m.gender == "male")
    if len(months) == 12 and (women != 6 or men != 6):
        problems.warn(
            Where(display_path(folder), 0, 0),
            f"{women} Frauen und {men} Männer porträtiert; vorgesehen sind sechs Frauen und sechs Männer",
        )

"""Turn the holiday catalogue into dated occurrences for one Gregorian year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kalender.calendars import YearOutOfRange
from kalender.calendars.sky import SkyUnavailable
from kalender.errors import KalenderError, Problem
from kalender.model import Catalogue, ExplicitDate, Holiday, Occurrence
from kalender.source import Where
from kalender.yeardata import YEAR_DIR, YearData

_CALENDAR_NAMES = {
    "easter": "die Osterberechnung", "hebrew": "der hebräische Kalender",
    "islamic:umm_al_qura": "der Umm-al-Qura-Kalender", "islamic:tabular": "der tabellarische islamische Kalender",
    "persian": "der persische Kalender", "bahai": "der Badí'-Kalender (Bahá'í, seit 2015)",
    "sky": "die astronomische Rechnung (JPL-Ephemeride DE421)",
}  # fmt: skip
BROKEN_SKY = ("Die astronomischen Daten für die Mondkalender-Feste fehlen oder sind beschädigt ({detail}). "
              "Bitte kalender neu installieren (siehe README: pip install .); die Datei de421.bsp "
              "gehört zum Paket skyfield-data.")  # fmt: skip


@dataclass(frozen=True)
class MissingDate:
    """A holiday that has no date in `year`; `reason` says why, in German."""

    holiday: Holiday
    year: int
    reason: str

    def problem(self, years: str = "", severity: str = "Fehler") -> Problem:
        """The editor's message; `years` names several years at once (a range export)."""
        holiday = self.holiday
        return _where(holiday).problem(
            f"'{holiday.name}' ({holiday.id}) hat für {years or self.year} keinen Termin: {self.reason}; "
            f"bitte den Termin mit Quelle in {_year_file('<Jahr>' if years else self.year)} unter "
            f"overrides: {holiday.id}: "
            "eintragen",
            severity,
        )


@dataclass(frozen=True)
class YearHolidays:
    """The occurrences that touch `year`, sorted, and the holidays that have no date in it."""

    year: int
    occurrences: tuple[Occurrence, ...]
    missing: tuple[MissingDate, ...]


class _Missing(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


def compute_holidays(catalogue: Catalogue, year: int, year_data: YearData | None = None) -> YearHolidays:
    """All occurrences overlapping `year`, including multi-day ones that began the year before."""
    year_data = year_data or YearData(year)
    found: list[Occurrence] = []
    missing: list[MissingDate] = []
    for holiday in catalogue.holidays:
        if holiday.id in year_data.omit:
            continue
        try:
            found.extend(_starting_in(holiday, year, year_data))
        except _Missing as exc:
            missing.append(MissingDate(holiday, year, exc.reason))
        if holiday.length != 1 and _may_cross_new_year(holiday, year):
            found.extend(o for o in _previous_year(holiday, year) if o.end.year == year)
    order = {h.id: i for i, h in enumerate(catalogue.holidays)}
    found.sort(key=lambda o: (o.start, order[o.id]))
    return YearHolidays(year, tuple(found), tuple(missing))


def _may_cross_new_year(holiday: Holiday, year: int) -> bool:
    """Could last year's occurrence reach into `year`? A rule that knows its season says so (a
    festival of Ashvina never does), which spares computing last year's sky."""
    if any(d.date.year == year - 1 for d in holiday.dates):
        return True
    season = getattr(holiday.rule, "may_cross_new_year", None)
    return season() if season is not None else True


def _previous_year(holiday: Holiday, year: int) -> list[Occurrence]:
    # The editors' overrides of last year are not loaded here: a multi-day holiday that spills
    # over New Year is taken from its own data (holiday file or rule).
    try:
        return _starting_in(holiday, year - 1, YearData(year - 1))
    except _Missing:
        return []


def _starting_in(holiday: Holiday, year: int, year_data: YearData) -> list[Occurrence]:
    explicit = year_data.overrides.get(holiday.id)
    if explicit is None:
        explicit = tuple(d for d in holiday.dates if d.date.year == year) or None
    if explicit is not None:
        return [_from_explicit(holiday, entry, year_data) for entry in explicit]
    if holiday.rule is None:
        if holiday.only_dates:
            return []
        raise _Missing("es gibt (noch) keine Regel, und kein Termin ist eingetragen")
    try:
        starts = holiday.rule.dates(year)
    except YearOutOfRange as exc:
        calendar = _CALENDAR_NAMES.get(exc.calendar, exc.calendar)
        raise _Missing(f"{calendar} ist nur für {exc.first} bis {exc.last} berechenbar") from None
    except SkyUnavailable as exc:  # a broken installation, not the editors' data
        raise KalenderError(BROKEN_SKY.format(detail=exc)) from None
    return [
        Occurrence(holiday, start, _rule_end(holiday, start, year_data), holiday.source) for start in starts
    ]


def _from_explicit(holiday: Holiday, entry: ExplicitDate, year_data: YearData) -> Occurrence:
    end = entry.end or entry.date + timedelta(days=_length(holiday, year_data) - 1)
    return Occurrence(holiday, entry.date, end, entry.source, announced=True)


def _rule_end(holiday: Holiday, start: date, year_data: YearData) -> date:
    if holiday.length == "month":
        return holiday.rule.last_day(start)  # type: ignore[union-attr]
    return start + timedelta(days=_length(holiday, year_data) - 1)


def _length(holiday: Holiday, year_data: YearData) -> int:
    if year_data.jewish_custom == "israel" and holiday.length_israel is not None:
        return holiday.length_israel
    return holiday.length if isinstance(holiday.length, int) else 1


def _year_file(year: int | str) -> str:
    return f"data/{YEAR_DIR}/{year}.yaml"


def _where(holiday: Holiday) -> Where:
    return holiday.where or Where("data/holidays", 0, 0)

"""Rule kinds on the solar calendars that start at the March equinox: persian and bahai."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kalender.calendars import YearOutOfRange, astronomy
from kalender.rules import RuleProblem, rule
from kalender.schema import integer, param

# Farvardin..Shahrivar 31 days, Mehr..Bahman 30, Esfand 29 (30 in leap years).
_PERSIAN_MONTH_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30)
_BAHAI_MONTH_DAYS = 19
AYYAM_I_HA, ALA = 0, 19


def _solar_dates(
    year: int, start_of: Callable[[int], date], offset_in: Callable[[date, date], int | None]
) -> list[date]:
    """Dates in Gregorian `year` of a day counted from the new year of the calendar year that
    begins in `year - 1` or in `year`; `offset_in(start, next_start)` gives the day's offset or
    None when the day does not exist in that calendar year."""
    found = []
    for first in (year - 1, year):
        start, next_start = start_of(first), start_of(first + 1)
        offset = offset_in(start, next_start)
        if offset is not None:
            day = start + timedelta(days=offset)
            if day.year == year:
                found.append(day)
    return found


@rule("persian")
@dataclass(frozen=True)
class Persian:
    """A day of the Iranian solar calendar (Nouruz: 1 Farvardin at the March equinox)."""

    month: int = param(integer(1, 12), "persischer Monat 1–12 (1 = Farvardin)")
    day: int = param(integer(1, 31), "Tag im Monat")

    def validate(self) -> None:
        if self.day > _PERSIAN_MONTH_DAYS[self.month - 1]:
            raise RuleProblem(
                f"der persische Monat {self.month} hat höchstens {_PERSIAN_MONTH_DAYS[self.month - 1]} Tage"
            )

    def dates(self, year: int) -> list[date]:
        _check(year, "persian", astronomy.FIRST_YEAR + 1, astronomy.LAST_YEAR - 1)

        def offset(start: date, next_start: date) -> int | None:
            days = sum(_PERSIAN_MONTH_DAYS[: self.month - 1]) + self.day - 1
            return days if start + timedelta(days=days) < next_start else None

        return _solar_dates(year, astronomy.nowruz_day, offset)


@rule("bahai")
@dataclass(frozen=True)
class Bahai:
    """A day of the Badí' calendar since 2015: 19 months of 19 days from Naw-Rúz, Ayyám-i-Há
    (month 0) before the last month ʻAláʼ (19), which ends the day before the next Naw-Rúz."""

    month: int = param(integer(0, 19), "Bahá'í-Monat 1–19, 0 = Ayyám-i-Há")
    day: int = param(integer(1, 19), "Tag im Monat 1–19")

    def validate(self) -> None:
        if self.month == AYYAM_I_HA and self.day > 5:
            raise RuleProblem("Ayyám-i-Há hat höchstens 5 Tage")

    def dates(self, year: int) -> list[date]:
        _check(year, "bahai", astronomy.BAHAI_NAW_RUZ_FIRST_YEAR, astronomy.LAST_YEAR - 1)
        return _solar_dates(year, _naw_ruz, self._offset)

    def _offset(self, start: date, next_start: date) -> int | None:
        if self.month == ALA:
            return (next_start - start).days - _BAHAI_MONTH_DAYS + self.day - 1
        if self.month == AYYAM_I_HA:
            intercalary = (next_start - start).days - 19 * _BAHAI_MONTH_DAYS
            return 18 * _BAHAI_MONTH_DAYS + self.day - 1 if self.day <= intercalary else None
        return (self.month - 1) * _BAHAI_MONTH_DAYS + self.day - 1


def _naw_ruz(year: int) -> date:
    # Before 2015 the Bahá'ís of the West kept Naw-Rúz on 21 March; needed only for the
    # January and February days of 2015, which belong to the year that began in 2014.
    if year < astronomy.BAHAI_NAW_RUZ_FIRST_YEAR:
        return date(year, 3, 21)
    return astronomy.bahai_naw_ruz(year)


def _check(year: int, calendar: str, first: int, last: int) -> None:
    if not first <= year <= last:
        raise YearOutOfRange(calendar, year, first, last)

"""Rule kinds on the solar calendars of the churches: fixed, julian, weekday, easter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kalender.calendars.easter import orthodox_easter, western_easter
from kalender.calendars.julian import julian_month_length, julian_to_gregorian
from kalender.german import MONTHS, WEEKDAY_KEYS
from kalender.rules import RuleProblem, rule
from kalender.schema import choice, integer, param

WEEKDAYS = WEEKDAY_KEYS
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def check_month_day(month: int, day: int, days_in_month: tuple[int, ...] = _DAYS_IN_MONTH) -> None:
    if day > days_in_month[month - 1]:
        raise RuleProblem(
            f"den {day}. {MONTHS[month - 1]} gibt es nicht (höchstens {days_in_month[month - 1]} Tage)"
        )


@rule("fixed")
@dataclass(frozen=True)
class Fixed:
    """The same Gregorian day every year (Tag der Deutschen Einheit: 10-03)."""

    month: int = param(integer(1, 12), "Monat 1–12")
    day: int = param(integer(1, 31), "Tag im Monat")

    def validate(self) -> None:
        check_month_day(self.month, self.day)

    def dates(self, year: int) -> list[date]:
        if (self.month, self.day) == (2, 29) and not _is_leap(year):
            return []  # 29 February exists in leap years only
        return [date(year, self.month, self.day)]


@rule("julian")
@dataclass(frozen=True)
class Julian:
    """A fixed day of the Julian calendar (Orthodox Christmas: Julian 12-25 = 7 January)."""

    month: int = param(integer(1, 12), "Monat 1–12 im Julianischen Kalender")
    day: int = param(integer(1, 31), "Tag im Monat")

    def validate(self) -> None:
        check_month_day(self.month, self.day)

    def dates(self, year: int) -> list[date]:
        # Julian 25 December of Julian year Y-1 falls in January of Gregorian year Y.
        found = []
        for julian_year in (year - 1, year):
            if self.day <= julian_month_length(julian_year, self.month):
                day = julian_to_gregorian(julian_year, self.month, self.day)
                if day.year == year:
                    found.append(day)
        return found


@rule("weekday")
@dataclass(frozen=True)
class Weekday:
    """The n-th weekday on/after or before a day (Buß- und Bettag: Wednesday before 11-23)."""

    weekday: str = param(choice(*WEEKDAYS), "Wochentag mon, tue, wed, thu, fri, sat, sun")
    month: int = param(integer(1, 12), "Monat des Bezugstags")
    day: int = param(integer(1, 31), "Bezugstag im Monat")
    relation: str = param(
        choice("on_or_after", "after", "on_or_before", "before"),
        "Lage zum Bezugstag: on_or_after, after, on_or_before, before",
        default="on_or_after",
    )
    n: int = param(integer(1, 5), "der wievielte solche Wochentag (1 = der nächste)", default=1)

    def validate(self) -> None:
        check_month_day(self.month, self.day)

    def dates(self, year: int) -> list[date]:
        if (self.month, self.day) == (2, 29) and not _is_leap(year):
            return []
        anchor = date(year, self.month, self.day)
        target = WEEKDAYS.index(self.weekday)
        forward = self.relation in ("on_or_after", "after")
        if self.relation == "after":
            anchor += timedelta(days=1)
        elif self.relation == "before":
            anchor -= timedelta(days=1)
        shift = (target - anchor.weekday()) % 7 if forward else -((anchor.weekday() - target) % 7)
        step = 7 if forward else -7
        day = anchor + timedelta(days=shift + step * (self.n - 1))
        return [day] if day.year == year else []


@rule("easter")
@dataclass(frozen=True)
class Easter:
    """Days counted from Easter Sunday, Western or Orthodox (Pfingstmontag: offset 50)."""

    offset: int = param(integer(-100, 100), "Tage nach Ostersonntag (negativ: davor)", default=0)
    church: str = param(choice("western", "orthodox"), "western oder orthodox", default="western")

    def dates(self, year: int) -> list[date]:
        easter = western_easter(year) if self.church == "western" else orthodox_easter(year)
        day = easter + timedelta(days=self.offset)
        return [day] if day.year == year else []


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

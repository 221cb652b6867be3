"""Rule kinds on the lunar and lunisolar calendars: hebrew and islamic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kalender.calendars import hebrew, islamic
from kalender.rules import RuleProblem, rule
from kalender.schema import choice, integer, param

SATURDAY = 5


@rule("hebrew")
@dataclass(frozen=True)
class Hebrew:
    """A day of the Hebrew calendar (Pesach: 15 Nisan); `adar` means Adar II in leap years."""

    month: str = param(choice(*hebrew.MONTH_NAMES), "hebräischer Monat, z. B. nisan, tishri, adar")
    day: int = param(integer(1, 30), "Tag im Monat 1–30")
    shabbat: str = param(
        choice("keep", "postpone"),
        "keep: bleibt am Schabbat; postpone: fällt es auf Schabbat, auf Sonntag verschoben (Tischa beAw)",
        default="keep",
    )

    def validate(self) -> None:
        if self.day == 30 and self.month in hebrew.ALWAYS_29:
            raise RuleProblem(f"der Monat {self.month} hat immer 29 Tage; einen 30. gibt es nicht")

    def _start(self, hebrew_year: int) -> date | None:
        return hebrew.to_gregorian(hebrew_year, self.month, self.day)

    def dates(self, year: int) -> list[date]:
        found = []
        for hebrew_year in hebrew.hebrew_years(year):
            day = self._start(hebrew_year)
            if day is not None and self.shabbat == "postpone" and day.weekday() == SATURDAY:
                day += timedelta(days=1)
            if day is not None and day.year == year:
                found.append(day)
        return found

    def last_day(self, start: date) -> date:
        """The last day of the Hebrew month that `start` (a date of this rule) lies in."""
        for hebrew_year in hebrew.hebrew_years(start.year):
            if self._start(hebrew_year) == start:
                return start + timedelta(days=hebrew.month_length(hebrew_year, self.month) - self.day)
        raise ValueError(f"{start} is not a date of {self}")


@rule("islamic")
@dataclass(frozen=True)
class Islamic:
    """A day of the Hijri calendar (Opferfest: 10 Dhu al-Hijja), Umm al-Qura or tabular."""

    month: int = param(integer(1, 12), "islamischer Monat 1–12 (1 = Muharram, 9 = Ramadan)")
    day: int = param(integer(1, 30), "Tag im Monat 1–30")
    calendar: str = param(
        choice(*islamic.CALENDARS),
        "umm_al_qura (Saudi-Arabien, Standard) oder tabular (rechnerischer Kalender)",
        default="umm_al_qura",
    )

    def _start(self, hijri_year: int) -> date | None:
        return islamic.to_gregorian(hijri_year, self.month, self.day, self.calendar)

    def dates(self, year: int) -> list[date]:
        starts = (self._start(h) for h in islamic.hijri_years(year, self.calendar))
        return [day for day in starts if day is not None and day.year == year]

    def last_day(self, start: date) -> date:
        """The last day of the Hijri month that `start` (a date of this rule) lies in."""
        for hijri_year in islamic.hijri_years(start.year, self.calendar):
            if self._start(hijri_year) == start:
                length = islamic.month_length(hijri_year, self.month, self.calendar)
                return start + timedelta(days=length - self.day)
        raise ValueError(f"{start} is not a date of {self}")

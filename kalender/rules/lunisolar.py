"""Rule kinds on the lunisolar calendars computed from the Sun and Moon (kalender.calendars.sky):
Indian tithis and sankrantis, full moons, the Chinese/Vietnamese New Year, the Bahá'í Twin Holy
Birthdays. Each names its place and time zone, so a reader can check the convention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kalender.calendars import astronomy, lunisolar
from kalender.rules import rule
from kalender.schema import choice, integer, number, param

_PLACES = ", ".join(lunisolar.PLACES)


@rule("tithi")
@dataclass(frozen=True)
class Tithi:
    """A lunar day (tithi) of an amanta month, kept on the day it is current at a time of day
    at a place (Diwali: ashvina 30 at sunset in New Delhi)."""

    month: str = param(choice(*lunisolar.MONTHS), "Mondmonat (amanta, Neumond bis Neumond), z. B. ashvina")
    tithi: int = param(integer(1, 30), "Mondtag 1–30: 1–15 zunehmend (15 = Vollmond), 16–30 abnehmend (30 = Neumond)")
    at: str = param(
        choice(*lunisolar.TIMES, *lunisolar.WINDOWS),
        "Tageszeit, zu der der Mondtag gelten muss: " + ", ".join(lunisolar.TIMES) + "; oder madhyahna: der Tag, "
        "in dessen drittes Fünftel des Tageslichts der Mondtag fällt, an zwei Tagen (oder keinem) der spätere",
    )
    place: str = param(choice(*lunisolar.PLACES), f"Ort der Berechnung: {_PLACES}", default="new_delhi")
    add_days: int = param(integer(0, 3), "Tage danach (Holi: Farbenfest am Tag nach Holika Dahan)", default=0)
    nakshatra: str | None = param(
        choice(*lunisolar.NAKSHATRAS),
        "Mondhaus, das am Folgetag den Ausschlag gibt (Dussehra: shravana), wenn der Tithi dort noch drei "
        "Muhurtas nach Sonnenaufgang gilt",
        default=None,
    )

    def dates(self, year: int) -> list[date]:
        place = lunisolar.PLACES[self.place]
        shift = timedelta(days=self.add_days)
        years = (year - 1, year) if self.add_days and self.may_cross_new_year() else (year,)
        found = [d + shift for y in years
                 for d in lunisolar.tithi_festival(y, self.month, self.tithi, self.at, place, self.nakshatra)]  # fmt: skip
        return sorted({d for d in found if d.year == year})


    def may_cross_new_year(self) -> bool:
        """Only a festival of Margashirsha or Pausha (late November to January) can lie in the
        last days of December and reach, or be shifted, into the next year."""
        return self.month in ("margashirsha", "pausha")


@rule("sankranti")
@dataclass(frozen=True)
class Sankranti:
    """The day the Sun enters a sidereal sign (Lahiri): Vaisakhi, Thai Pongal, Puthandu."""

    sign: str = param(choice(*lunisolar.SIGNS), "Tierkreiszeichen (siderisch), z. B. mesha (Widder), makara")
    day: str = param(
        choice("civil", "before_sunset", "sunrise_day"),
        "civil: Kalendertag des Eintritts; before_sunset: dieser Tag, wenn vor Sonnenuntergang, sonst der nächste "
        "(tamilisch); sunrise_day: der Tag, dessen Sonnenaufgang zuletzt vorausging (Punjab)",
    )
    place: str = param(choice(*lunisolar.PLACES), f"Ort der Berechnung: {_PLACES}", default="new_delhi")

    def dates(self, year: int) -> list[date]:
        return lunisolar.sankranti(year, self.sign, self.day, lunisolar.PLACES[self.place])


@rule("full_moon")
@dataclass(frozen=True)
class FullMoon:
    """The day of the full moon in a Gregorian month, in a time zone (Vesakh: the first in May, MESZ)."""

    month: int = param(integer(1, 12), "Monat 1–12")
    utc_offset: float = param(number(-12, 14), "Zeitzone in Stunden gegenüber UTC (MESZ: 2)")
    which: str = param(choice("first", "last"), "bei zwei Vollmonden im Monat: first oder last", default="first")

    def dates(self, year: int) -> list[date]:
        days = lunisolar.full_moons(year, self.month, self.utc_offset)
        if not days:
            return []
        return [days[0] if self.which == "first" else days[-1]]


@rule("lunar_new_year")
@dataclass(frozen=True)
class LunarNewYear:
    """The first day of the Chinese lunisolar year (UTC+8; Vietnamese Tết: UTC+7)."""

    utc_offset: float = param(number(-12, 14), "Zeitzone in Stunden gegenüber UTC (China 8, Vietnam 7)")

    def dates(self, year: int) -> list[date]:
        return [lunisolar.lunar_new_year(year, self.utc_offset)]


@rule("twin_birthday")
@dataclass(frozen=True)
class TwinBirthday:
    """The Bahá'í Twin Holy Birthdays (since 2015): day 1 Birth of the Báb, day 2 of Bahá'u'lláh."""

    day: int = param(integer(1, 2), "1 = Geburt des Báb, 2 = Geburt Bahá'u'lláhs")

    def dates(self, year: int) -> list[date]:
        if year < astronomy.BAHAI_NAW_RUZ_FIRST_YEAR:  # before: fixed dates in the West
            return [date(year, 10, 20) if self.day == 1 else date(year, 11, 12)]
        return [lunisolar.twin_birthdays(year, astronomy.bahai_naw_ruz(year))[self.day - 1]]

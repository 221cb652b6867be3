"""Festival days of the Indian, Chinese and Bahá'í lunisolar reckonings, from the almanac of
kalender.calendars.sky (moments of the tithis, sankrantis and solar terms).

Contract: pure functions of a Gregorian year that return civil dates. Conventions (sources in
the holiday files and docs/data-format.md):

- Indian months are amanta (new moon to new moon) and named by the sidereal sign the Sun is in
  when the month begins: Sun in Mina (Pisces) gives Chaitra. A month in which the Sun enters no
  new sign is adhika (leap); festivals fall in the regular month after it. Purnimanta (North
  Indian) names of the dark fortnight are one month later: Diwali, the new moon ending amanta
  Ashvina, is "Kartika Amavasya" in the North.
- A festival is the first local civil day on which its tithi is current at the festival's
  time of day (TIMES); if the tithi never is (it begins and ends between two such moments),
  the day on which it begins. A festival kept in a part of the day (WINDOWS: madhyahna, the
  third of the five parts of daylight) falls on the day whose part the tithi touches; if it
  touches that part on two days, or on none, on the later day (Dharmasindhu and
  Nirnayasindhu for Rama Navami: the Navami mixed with the Ashtami is avoided).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kalender.calendars import astronomy, sky

MONTHS = ("chaitra", "vaishakha", "jyeshtha", "ashadha", "shravana", "bhadrapada",
          "ashvina", "kartika", "margashirsha", "pausha", "magha", "phalguna")  # fmt: skip
SIGNS = ("mesha", "vrishabha", "mithuna", "karka", "simha", "kanya",
         "tula", "vrishchika", "dhanu", "makara", "kumbha", "mina")  # fmt: skip
# The time of day at which a tithi must be current, as a share of daylight after sunrise
# (midnight: halfway from sunset to the next sunrise). "morning" is three muhurtas (2 h 24 min
# of a 12-hour day) after sunrise, the rule for Raksha Bandhan; "afternoon" the middle of
# aparahna, the fourth of five parts of daylight.
NAKSHATRAS = ("ashvini", "bharani", "krittika", "rohini", "mrigashira", "ardra", "punarvasu", "pushya",
              "ashlesha", "magha", "purva_phalguni", "uttara_phalguni", "hasta", "chitra", "svati",
              "vishakha", "anuradha", "jyeshtha", "mula", "purva_ashadha", "uttara_ashadha", "shravana",
              "dhanishtha", "shatabhisha", "purva_bhadrapada", "uttara_bhadrapada", "revati")  # fmt: skip
TIMES = {"sunrise": 0.0, "morning": 0.2, "midday": 0.5, "afternoon": 0.7, "sunset": 1.0, "midnight": None}
WINDOWS = {"madhyahna": (0.4, 0.6)}  # parts of daylight, as shares after sunrise


@dataclass(frozen=True)
class Place:
    name: str  # German, for messages and docs
    latitude: float
    longitude: float  # east positive
    utc_offset: float  # hours of the civil time zone


PLACES = {
    "new_delhi": Place("Neu-Delhi", 28.6139, 77.2090, 5.5),
    "chennai": Place("Chennai", 13.0827, 80.2707, 5.5),
    "amritsar": Place("Amritsar", 31.6340, 74.8723, 5.5),
    "colombo": Place("Colombo", 6.9271, 79.8612, 5.5),
    "tehran": Place("Teheran", 35.6892, 51.3890, 3.5),
}


@dataclass(frozen=True)
class LunarMonth:
    name: str
    leap: bool
    start: float  # JD (UT) of the new moon that begins it
    end: float


@lru_cache(maxsize=64)
def hindu_months(year: int) -> tuple[LunarMonth, ...]:
    """The amanta months that begin in the almanac window of `year` (October before to January after)."""
    almanac = sky.almanac(year)
    new_moons = [t for t, k in almanac.tithis if k == 0]
    ingress = [t for t, _ in almanac.sidereal]
    months = []
    for start, end in itertools.pairwise(new_moons):
        sign = _sign_at(almanac, start)
        if sign is None:
            continue  # before the first sankranti of the window: sign unknown
        entered = bisect.bisect_left(ingress, end) - bisect.bisect_right(ingress, start)
        months.append(LunarMonth(MONTHS[(sign + 1) % 12], entered == 0, start, end))
    return tuple(months)


def tithi_festival(
    year: int, month: str, tithi: int, at: str, place: Place, nakshatra: str | None = None
) -> list[date]:
    """Civil dates in `year` of tithi 1-30 (1-15 bright, 16-30 dark fortnight) of the regular
    amanta `month`, kept on the day it is current at `at` at `place`.

    With `nakshatra` (Dussehra: shravana), the next day instead if the tithi still holds three
    muhurtas after its sunrise and the Moon is in that nakshatra at `at` there."""
    almanac = sky.almanac(year)
    found = []
    for lunar in hindu_months(year):
        if lunar.name != month or lunar.leap:
            continue
        begin, end = _tithi_span(almanac, lunar, tithi)
        day = _touched_day(begin, end, at, place) if at in WINDOWS else _observed_day(begin, end, at, place)
        if nakshatra is not None:
            after = day + timedelta(days=1)
            if begin <= _moment(after, "morning", place) < end and _nakshatra_at(
                almanac, _moment(after, at, place)
            ) == NAKSHATRAS.index(nakshatra):
                day = after
        if day.year == year:
            found.append(day)
    return found


def sankranti(year: int, sign: str, rule: str, place: Place) -> list[date]:
    """Days in `year` on which the Sun enters sidereal `sign`: the civil day of the moment
    ("civil"); that day if before sunset, else the next ("before_sunset", Tamil); the day
    whose sunrise last preceded it ("sunrise_day", Punjabi)."""
    index = SIGNS.index(sign)
    found = []
    for moment, crossed in sky.almanac(year).sidereal:
        if crossed != index:
            continue
        day = _civil_date(moment, place.utc_offset)
        if rule == "before_sunset" and moment >= _sun_event(day, place, "sunset"):
            day += timedelta(days=1)
        elif rule == "sunrise_day" and moment < _sun_event(day, place, "sunrise"):
            day -= timedelta(days=1)  # the Hindu day runs from sunrise to sunrise
        if day.year == year:
            found.append(day)
    return found


def full_moons(year: int, month: int, utc_offset: float) -> list[date]:
    """Civil dates (at `utc_offset`) of the full moons in `month` of `year`, in order."""
    moments = (t for t, k in sky.almanac(year).tithis if k == 15)
    days = (_civil_date(t, utc_offset) for t in moments)
    return [d for d in days if d.year == year and d.month == month]


def lunar_new_year(year: int, utc_offset: float) -> date:
    """The first day of the first month of the Chinese calendar (Vietnamese at UTC+7) in `year`.

    Days are civil days at `utc_offset`. Month 11 holds the winter solstice; when 13 months lie
    between two months 11, the first of them without a major solar term (a multiple of 30° of
    the Sun's longitude) is a leap month and does not count.
    """
    almanac = sky.almanac(year)
    starts = [_civil_date(t, utc_offset) for t, k in almanac.tithis if k == 0]
    terms = [_civil_date(t, utc_offset) for t, _ in almanac.tropical]
    solstices = [_civil_date(t, utc_offset) for t, k in almanac.tropical if k == 9]
    eleventh = [bisect.bisect_right(starts, s) - 1 for s in solstices[:2]]  # month 11 of each
    leap_year = eleventh[1] - eleventh[0] == 13
    month, index = 11, eleventh[0]
    while month != 1:
        index += 1
        first, after = starts[index], starts[index + 1]
        if leap_year and not any(first <= t < after for t in terms):
            leap_year = False  # only the first month without a term is the leap month
            continue
        month = month % 12 + 1
    return starts[index]


def twin_birthdays(year: int, naw_ruz: date) -> tuple[date, date]:
    """The Bahá'í Twin Holy Birthdays: the first and second days after the day (sunset to
    sunset in Tehran) of the eighth new moon after the day of Naw-Rúz."""
    tehran = PLACES["tehran"]
    # Counted from the end of the day of Naw-Rúz: in 2034 the new moon on Naw-Rúz itself does
    # not count (Bahá'í World Centre: Twin Birthdays 12/13 November 2034, not 13/14 October).
    end = _sun_event(naw_ruz, tehran, "sunset")
    new_moons = [t for t, k in sky.almanac(year).tithis if k == 0 and t > end]
    eighth = new_moons[7]
    day = _civil_date(eighth, tehran.utc_offset)
    if eighth >= _sun_event(day, tehran, "sunset"):
        day += timedelta(days=1)  # after sunset: the Bahá'í day of the next civil date
    return day + timedelta(days=1), day + timedelta(days=2)


# --- helpers ---------------------------------------------------------------------------------


def _sign_at(almanac: sky.Almanac, moment: float) -> int | None:
    """The sidereal sign the Sun is in at `moment`."""
    index = bisect.bisect_right([t for t, _ in almanac.sidereal], moment) - 1
    return almanac.sidereal[index][1] if index >= 0 else None


def _nakshatra_at(almanac: sky.Almanac, moment: float) -> int | None:
    """The nakshatra (0 = Ashvini) the Moon is in at `moment`."""
    index = bisect.bisect_right([t for t, _ in almanac.nakshatras], moment) - 1
    return almanac.nakshatras[index][1] if index >= 0 else None  # crossing 13°20′ × n begins mansion n


def _tithi_span(almanac: sky.Almanac, lunar: LunarMonth, tithi: int) -> tuple[float, float]:
    """Begin and end (JD UT) of tithi 1-30 of the month: it runs while the elongation is
    between 12° × (tithi − 1) and 12° × tithi."""
    moments = [t for t, _ in almanac.tithis]
    first = bisect.bisect_left(moments, lunar.start - 1e-9)  # the new moon itself
    begin = almanac.tithis[first + tithi - 1][0]
    end = almanac.tithis[first + tithi][0]
    return begin, end


def _observed_day(begin: float, end: float, at: str, place: Place) -> date:
    first = _civil_date(begin, place.utc_offset) - timedelta(days=1)
    for offset in range(4):
        day = first + timedelta(days=offset)
        if begin <= _moment(day, at, place) < end:
            return day
    return _civil_date(begin, place.utc_offset)


def _touched_day(begin: float, end: float, part: str, place: Place) -> date:
    """The day whose `part` of daylight the tithi overlaps; the later of two, or the day the
    tithi ends if it falls between two such parts (a tithi lasts 19 to 27 hours)."""
    first = _civil_date(begin, place.utc_offset) - timedelta(days=1)
    touched = [day for day in (first + timedelta(days=n) for n in range(4))
               if begin < _moment(day, part, place, 1) and _moment(day, part, place, 0) < end]  # fmt: skip
    return touched[-1] if touched else _civil_date(end, place.utc_offset)


def _moment(day: date, at: str, place: Place, edge: int | None = None) -> float:
    """JD (UT) of the time of day `at` on the civil `day` at `place` (of a part of the day in
    WINDOWS: its start with `edge` 0, its end with 1, its middle without)."""
    rise, set_ = _sun_event(day, place, "sunrise"), _sun_event(day, place, "sunset")
    if at in WINDOWS:
        share: float | None = WINDOWS[at][edge] if edge is not None else sum(WINDOWS[at]) / 2
    else:
        share = TIMES[at]
    if share is None:  # midnight (nishita)
        return (set_ + _sun_event(day + timedelta(days=1), place, "sunrise")) / 2
    return rise + share * (set_ - rise)


def _sun_event(day: date, place: Place, which: str) -> float:
    return astronomy.sun_event_jd(day, place.latitude, place.longitude, setting=which == "sunset")


def _civil_date(jd: float, utc_offset: float) -> date:
    return date.fromordinal(int(jd + 0.5 + utc_offset / 24 - 1721425))

"""Check calendars.astronomy against skyfield/DE421, PyMeeus, convertdate and published dates."""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from convertdate import bahai, persian
from hypothesis import given
from hypothesis import strategies as st
from pymeeus.Epoch import Epoch
from pymeeus.Sun import Sun

from kalender.calendars.astronomy import (
    IRAN_STANDARD_TIME,
    TEHRAN,
    TEHRAN_MERIDIAN,
    apparent_noon,
    bahai_naw_ruz,
    delta_t,
    march_equinox,
    nowruz_day,
    sunrise,
    sunset,
)

# DE421 (the ephemeris skyfield-data ships) covers 1899-07-29..2053-10-09 only; later years are
# checked against PyMeeus' full VSOP87 and convertdate instead.
DE421_YEARS = range(1950, 2054)
LATER_YEARS = range(2054, 2201)
EQUINOX_TOLERANCE = timedelta(minutes=2)  # Meeus ch. 27 promises about a minute
SUN_TOLERANCE = timedelta(seconds=30)  # ch. 25 positions are good to ~0.01°: a few seconds
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_JD_UNIX_EPOCH = 2440587.5

PLACES = {  # latitude, longitude east: both hemispheres, both sides of Greenwich and the dateline
    "tehran": TEHRAN,
    "berlin": (52.52, 13.405),
    "reykjavik": (64.15, -21.94),
    "los_angeles": (34.05, -118.24),
    "quito": (-0.18, -78.47),
    "sydney": (-33.87, 151.21),
    "auckland": (-36.85, 174.76),
}
SAMPLE_DAYS = [date(1950, 1, 1) + timedelta(days=n) for n in range(17, 37_600, 1_313)]


def _from_jd(jd: float) -> datetime:
    return _UNIX_EPOCH + timedelta(days=jd - _JD_UNIX_EPOCH)


def _local_mean_date(moment: datetime, longitude: float) -> date:
    return (moment + timedelta(hours=longitude / 15)).date()


@dataclass
class Skyfield:
    """Reference moments from skyfield with JPL DE421, offline, as UT1 (skyfield's own ΔT)."""

    ts: Any
    eph: Any
    equinoxes: dict[int, datetime] = field(default_factory=dict)

    def ut1(self, t: Any) -> datetime:
        return _from_jd(float(t.ut1))

    def _local_day(self, day: date, longitude: float) -> tuple[Any, Any]:
        start = self.ts.ut1_jd(day.toordinal() + 1721424.5 - longitude / 360)
        return start, self.ts.ut1_jd(start.ut1 + 1)

    def _observer(self, latitude: float, longitude: float) -> Any:
        from skyfield.api import wgs84

        return self.eph["earth"] + wgs84.latlon(latitude, longitude)

    def sunset(self, day: date, latitude: float, longitude: float) -> datetime | None:
        from skyfield import almanac

        start, end = self._local_day(day, longitude)
        obs = self._observer(latitude, longitude)
        times, crosses = almanac.find_settings(obs, self.eph["sun"], start, end, -0.833)
        return self.ut1(times[0]) if len(times) and crosses[0] else None

    def sunrise(self, day: date, latitude: float, longitude: float) -> datetime | None:
        from skyfield import almanac

        start, end = self._local_day(day, longitude)
        obs = self._observer(latitude, longitude)
        times, crosses = almanac.find_risings(obs, self.eph["sun"], start, end, -0.833)
        return self.ut1(times[0]) if len(times) and crosses[0] else None

    def noon(self, day: date, longitude: float) -> datetime:
        from skyfield import almanac

        start, end = self._local_day(day, longitude)
        times = almanac.find_transits(self._observer(0.0, longitude), self.eph["sun"], start, end)
        return self.ut1(times[0])

    def nowruz(self, year: int) -> date:
        equinox = self.equinoxes[year]
        day = equinox.astimezone(IRAN_STANDARD_TIME).date()
        return day if equinox < self.noon(day, TEHRAN_MERIDIAN) else day + timedelta(days=1)

    def naw_ruz(self, year: int) -> date:
        equinox = self.equinoxes[year]
        day = equinox.astimezone(IRAN_STANDARD_TIME).date()
        evening = self.sunset(day, *TEHRAN)
        assert evening is not None
        return day if equinox < evening else day + timedelta(days=1)


@pytest.fixture(scope="module")
def sky() -> Iterator[Skyfield]:
    """Load DE421 from skyfield-data (never downloads) and find all March equinoxes once."""
    with warnings.catch_warnings():
        # skyfield-data warns that its IERS file is stale; the builtin timescale does not use it.
        warnings.simplefilter("ignore", RuntimeWarning)
        from skyfield import almanac
        from skyfield.api import Loader
        from skyfield_data import get_skyfield_data_path

        load = Loader(get_skyfield_data_path(), expire=False)
        ref = Skyfield(load.timescale(builtin=True), load("de421.bsp"))
    start, end = ref.ts.utc(DE421_YEARS[0], 1, 1), ref.ts.utc(DE421_YEARS[-1], 10, 1)
    times, seasons = almanac.find_discrete(start, end, almanac.seasons(ref.eph))
    ref.equinoxes = {t.tt_calendar()[0]: ref.ut1(t) for t, s in zip(times, seasons, strict=True) if s == 0}
    assert sorted(ref.equinoxes) == list(DE421_YEARS)
    yield ref


def assert_close(mine: datetime, reference: datetime, tolerance: timedelta) -> None:
    assert mine.tzinfo is not None and mine.utcoffset() == timedelta(0)
    assert abs(mine - reference) <= tolerance, f"{mine} vs reference {reference}"


# --- equinox -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", DE421_YEARS)
def test_march_equinox_matches_de421(sky: Skyfield, year: int) -> None:
    """skyfield `almanac.seasons` with DE421, converted to UT1 with skyfield's ΔT."""
    assert_close(march_equinox(year), sky.equinoxes[year], EQUINOX_TOLERANCE)


@pytest.mark.parametrize("year", LATER_YEARS)
def test_march_equinox_matches_vsop87(year: int) -> None:
    """PyMeeus `Sun.get_equinox_solstice` (iterates full VSOP87) and its own ΔT (`tt2ut`).

    Beyond DE421; PyMeeus implements the same Espenak-Meeus ΔT polynomials independently.
    """
    jde = Sun.get_equinox_solstice(year, target="spring").jde()
    reference = _from_jd(jde - Epoch.tt2ut(year, 3) / 86400)
    assert_close(march_equinox(year), reference, EQUINOX_TOLERANCE)


@pytest.mark.parametrize(
    ("year", "published"),
    [(2018, datetime(2018, 3, 20, 16, 15)), (2024, datetime(2024, 3, 20, 3, 6)),
     (2025, datetime(2025, 3, 20, 9, 1))],
)  # fmt: skip
def test_march_equinox_published(year: int, published: datetime) -> None:
    """US Naval Observatory, "Earth's Seasons" tables (UTC to the minute)."""
    tolerance = timedelta(seconds=30 + 60)  # the published rounding plus our one minute
    assert_close(march_equinox(year), published.replace(tzinfo=UTC), tolerance)


@pytest.mark.parametrize("year", range(1800, 2021, 5))
def test_delta_t_matches_skyfield(sky: Skyfield, year: int) -> None:
    """skyfield's builtin ΔT (IERS values from 1973, Morrison-Stephenson-Hohenkerk 2020 before).

    The two reconstructions differ by up to 5 s before 1900; after 2015 Espenak-Meeus' 2005
    extrapolation runs ahead of the observed Earth (2.5 s in 2020). Coefficient typos show as more.
    """
    tolerance = 5.0 if year < 1900 else 2.5
    assert abs(delta_t(year + 0.5) - float(sky.ts.tt(year, 7, 1).delta_t)) < tolerance


# --- sunset and apparent noon --------------------------------------------------------------


@pytest.mark.parametrize("place", PLACES)
def test_sunset_matches_de421(sky: Skyfield, place: str) -> None:
    """skyfield `almanac.find_settings` with DE421, horizon −0.833°, on the local civil day."""
    latitude, longitude = PLACES[place]
    for day in SAMPLE_DAYS:
        reference = sky.sunset(day, latitude, longitude)
        if reference is None:  # midnight sun or polar night in Reykjavik's edge cases
            continue
        mine = sunset(day, latitude, longitude)
        assert_close(mine, reference, SUN_TOLERANCE)
        assert _local_mean_date(mine, longitude) == day


@pytest.mark.parametrize("place", PLACES)
def test_sunrise_matches_de421(sky: Skyfield, place: str) -> None:
    """skyfield `almanac.find_risings` with DE421, horizon −0.833°, on the local civil day."""
    latitude, longitude = PLACES[place]
    for day in SAMPLE_DAYS:
        reference = sky.sunrise(day, latitude, longitude)
        if reference is None:
            continue
        mine = sunrise(day, latitude, longitude)
        assert_close(mine, reference, SUN_TOLERANCE)
        assert _local_mean_date(mine, longitude) == day


@pytest.mark.parametrize("year", range(1950, 2054, 3))
def test_tehran_sunset_at_equinox_matches_de421(sky: Skyfield, year: int) -> None:
    """skyfield `almanac.find_settings` (DE421) in Tehran on equinox days, the case that counts."""
    day = sky.equinoxes[year].astimezone(IRAN_STANDARD_TIME).date()
    reference = sky.sunset(day, *TEHRAN)
    assert reference is not None
    assert_close(sunset(day, *TEHRAN), reference, SUN_TOLERANCE)


@pytest.mark.parametrize("place", PLACES)
def test_apparent_noon_matches_de421(sky: Skyfield, place: str) -> None:
    """skyfield `almanac.find_transits` of the Sun with DE421 on the local civil day."""
    longitude = PLACES[place][1]
    for day in SAMPLE_DAYS:
        mine = apparent_noon(day, longitude)
        assert_close(mine, sky.noon(day, longitude), SUN_TOLERANCE)
        assert _local_mean_date(mine, longitude) == day


def test_no_sunset_in_polar_day_or_night() -> None:
    """Fact: at 78° N the Sun does not set at the June solstice nor rise at the December one."""
    with pytest.raises(ValueError, match="does not rise or set"):
        sunset(date(2024, 6, 21), 78.2, 15.6)  # Longyearbyen
    with pytest.raises(ValueError, match="does not rise or set"):
        sunset(date(2024, 12, 21), 78.2, 15.6)
    with pytest.raises(ValueError, match="does not rise or set"):
        sunrise(date(2024, 12, 21), 78.2, 15.6)


# --- Nowruz (Iranian calendar) -------------------------------------------------------------


@pytest.mark.parametrize("year", DE421_YEARS)
def test_nowruz_matches_de421(sky: Skyfield, year: int) -> None:
    """The Iranian rule applied to skyfield/DE421 equinoxes and Sun transits at 52.5° E."""
    assert nowruz_day(year) == sky.nowruz(year)


@pytest.mark.parametrize("year", range(2000, 2151))
def test_nowruz_matches_convertdate(year: int) -> None:
    """convertdate `persian.to_gregorian(year − 621, 1, 1)` (PyMeeus VSOP87 equinox)."""
    assert nowruz_day(year) == date(*persian.to_gregorian(year - 621, 1, 1))


@pytest.mark.parametrize(
    ("year", "first_farvardin"),
    [(2018, date(2018, 3, 21)), (2024, date(2024, 3, 20)), (2025, date(2025, 3, 21))],
)
def test_nowruz_published(year: int, first_farvardin: date) -> None:
    """Official Iranian calendar (Calendar Centre, Institute of Geophysics, University of
    Tehran): 1 Farvardin 1397 = 21 March 2018, 1403 = 20 March 2024, 1404 = 21 March 2025."""
    assert nowruz_day(year) == first_farvardin


# --- Bahá'í Naw-Rúz ------------------------------------------------------------------------

# Bahá'í World Centre, Naw-Rúz dates for 172-221 B.E., as transcribed in GNU Emacs
# lisp/calendar/cal-bahai.el (`calendar-bahai--nawruz-reference-dates`): years on 21 March.
BWC_MARCH_21 = {2015, 2018, 2019, 2022, 2023, 2026, 2027, 2031, 2035, 2039, 2043, 2047, 2051, 2055}


@pytest.mark.parametrize("year", range(2015, 2065))
def test_bahai_naw_ruz_matches_world_centre_table(year: int) -> None:
    """Bahá'í World Centre table 2015-2064 (see BWC_MARCH_21): 2016, 2017 on 20 March, 2018 on
    21 March; 2026 (21 March) and 2059 (20 March) are the close calls the module pins."""
    assert bahai_naw_ruz(year) == date(year, 3, 21 if year in BWC_MARCH_21 else 20)


@pytest.mark.parametrize("year", range(2015, 2054))
def test_bahai_naw_ruz_matches_de421(sky: Skyfield, year: int) -> None:
    """The equinox-before-Tehran-sunset rule applied to skyfield/DE421 moments.

    2026 is decided by 1.3 s in DE421 (equinox after sunset), which the published table follows.
    """
    assert bahai_naw_ruz(year) == sky.naw_ruz(year)


@pytest.mark.parametrize("year", range(2015, 2151))
def test_bahai_naw_ruz_matches_convertdate(year: int) -> None:
    """convertdate `bahai.gregorian_nawruz` (PyMeeus VSOP87 equinox and its Tehran sunset)."""
    assert bahai_naw_ruz(year) == date(year, *bahai.gregorian_nawruz(year))


def test_bahai_naw_ruz_before_2015_is_refused() -> None:
    """Universal House of Justice, 10 July 2014: the Tehran rule starts with 172 B.E. (2015)."""
    with pytest.raises(ValueError, match="2015"):
        bahai_naw_ruz(2014)


# --- laws, range, speed --------------------------------------------------------------------

years = st.integers(min_value=1800, max_value=2200)


@given(years)
def test_equinox_laws(year: int) -> None:
    """Gregorian calendar facts: the March equinox falls on 19-21 March (UT) in 1800-2200, and
    the days it decides are its own civil day in Iran or the next."""
    equinox = march_equinox(year)
    assert date(year, 3, 19) <= equinox.date() <= date(year, 3, 21)
    iran_day = equinox.astimezone(IRAN_STANDARD_TIME).date()
    assert (nowruz_day(year) - iran_day).days in (0, 1)
    if year >= 2015:
        assert (bahai_naw_ruz(year) - iran_day).days in (0, 1)


@given(st.dates(date(1800, 1, 1), date(2200, 12, 31)), st.floats(-180, 180))
def test_apparent_noon_within_equation_of_time_bound(day: date, longitude: float) -> None:
    """Fact: the equation of time peaks near 3 November at about 16.5 min (slowly growing), so
    true noon stays within 17 min of mean noon."""
    mean_noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    offset = apparent_noon(day, longitude) - (mean_noon - timedelta(hours=longitude / 15))
    assert abs(offset) <= timedelta(minutes=17)


@given(st.dates(date(1800, 1, 1), date(2200, 12, 31)), st.floats(-60, 60), st.floats(-180, 180))
def test_sunset_follows_noon(day: date, latitude: float, longitude: float) -> None:
    """Fact: below 60° latitude days last 5-19 h, so sunset comes 2.5-9.5 h after true noon."""
    afternoon = sunset(day, latitude, longitude) - apparent_noon(day, longitude)
    assert timedelta(hours=2.5) < afternoon < timedelta(hours=9.5)


@pytest.mark.parametrize(
    "call",
    [lambda: march_equinox(1799), lambda: march_equinox(2201), lambda: nowruz_day(2201),
     lambda: sunset(date(1799, 12, 31), *TEHRAN), lambda: apparent_noon(date(2201, 1, 1), 0.0)],
)  # fmt: skip
def test_years_outside_range_are_refused(call: Callable[[], object]) -> None:
    """The module's stated range 1800-2200 (ΔT polynomials)."""
    with pytest.raises(ValueError, match="outside"):
        call()


def test_calls_are_fast() -> None:
    """Brief: each call well under 1 ms (rule evaluation runs per year and per holiday)."""
    calls: list[Callable[[], object]] = [
        lambda: march_equinox(2024), lambda: sunset(date(2024, 3, 20), *TEHRAN),
        lambda: apparent_noon(date(2024, 3, 20), 52.5), lambda: nowruz_day(2024),
        lambda: bahai_naw_ruz(2024),
    ]  # fmt: skip
    for call in calls:
        start = time.perf_counter()
        for _ in range(200):
            call()
        assert (time.perf_counter() - start) / 200 < 0.5e-3

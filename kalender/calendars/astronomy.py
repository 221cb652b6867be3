"""Give the March equinox, sunrise, sunset and apparent noon in UTC, and the Nowruz days they decide.

Contract: pure functions on `date`/`int` that return timezone-aware UTC `datetime`s (or civil
`date`s), valid for the years FIRST_YEAR..LAST_YEAR and accurate to about a minute. Outside
that range they raise ValueError; so does `sunset` where the Sun does not set that day.

Sources (formulas only, the code is our own): Jean Meeus, "Astronomical Algorithms", 2nd ed.
(1998): ch. 27 equinoxes (table 27.B and the 24 periodic terms of table 27.C), ch. 25
low-precision solar coordinates, ch. 22 obliquity, ch. 12 sidereal time, ch. 15 rising and
setting; ΔT from the Espenak–Meeus polynomials (NASA eclipse web site, "Polynomial Expressions
for Delta T", 2006). "UTC" here is UT1, which leap seconds keep within 0.9 s of UTC. Future ΔT
is an extrapolation: moments after today carry its uncertainty (minutes by 2150).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

TEHRAN: tuple[float, float] = (35.6892, 51.3890)  # latitude N, longitude E, degrees
TEHRAN_MERIDIAN: float = 52.5  # the Iranian calendar's reference meridian, UTC+3:30
IRAN_STANDARD_TIME = timezone(timedelta(hours=3, minutes=30), "IRST")
FIRST_YEAR, LAST_YEAR = 1800, 2200  # where the ΔT polynomials below are defined and tested

SUNSET_ALTITUDE = -0.833  # degrees: upper limb (16') plus standard refraction (34'), Meeus ch. 15
BAHAI_NAW_RUZ_FIRST_YEAR = 2015  # 172 BE: Naw-Rúz by the Tehran equinox rule from here on

# Published dates where the equinox-before-sunset test is closer than this model can decide
# (Bahá'í World Centre, table of Naw-Rúz dates 172-221 B.E. = 2015-2064). Margins measured:
# 2026: equinox 1.3 s after sunset by DE421 (skyfield), 3 s before by VSOP87 (PyMeeus), 30 s
# before by this module; published 21 March. 2059: 1.4-2 min before sunset (VSOP87, ΔT 74-112 s);
# published 20 March, which the rule also gives: pinned so a ΔT change cannot move it.
BAHAI_NAW_RUZ_PUBLISHED: dict[int, date] = {2026: date(2026, 3, 21), 2059: date(2059, 3, 20)}

_J2000 = 2451545.0  # JD of 2000-01-01 12:00 TT
_JD_UNIX_EPOCH = 2440587.5
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Meeus table 27.C: amplitude A, phase B (degrees), rate C (degrees per Julian century).
_EQUINOX_TERMS: tuple[tuple[int, float, float], ...] = (
    (485, 324.96, 1934.136), (203, 337.23, 32964.467), (199, 342.08, 20.186),
    (182, 27.85, 445267.112), (156, 73.14, 45036.886), (136, 171.52, 22518.443),
    (77, 222.54, 65928.934), (74, 296.72, 3034.906), (70, 243.58, 9037.513),
    (58, 119.81, 33718.147), (52, 297.17, 150.678), (50, 21.02, 2281.226),
    (45, 247.54, 29929.562), (44, 325.15, 31555.956), (29, 60.93, 4443.417),
    (18, 155.12, 67555.328), (17, 288.79, 4562.452), (16, 198.04, 62894.029),
    (14, 199.76, 31436.921), (12, 95.39, 14577.848), (12, 287.11, 31931.756),
    (12, 320.81, 34777.259), (9, 227.73, 1222.114), (8, 15.45, 16859.074),
)  # fmt: skip


def march_equinox(year: int) -> datetime:
    """The moment (UTC) the apparent Sun reaches ecliptic longitude 0° in March of `year`."""
    _check_year(year)
    jde = _march_equinox_jde(year)
    return _datetime_from_jd(jde - delta_t(year + 2.5 / 12) / 86400.0)


def sunset(day: date, latitude: float, longitude: float) -> datetime:
    """The moment (UTC) the Sun's upper limb sets on the local civil `day` at that place.

    Longitude is east-positive. The civil day is taken in local mean time, so the sunset found
    is the one of that evening wherever the place's time zone lies. ValueError in polar day or
    night.
    """
    return _datetime_from_jd(sun_event_jd(day, latitude, longitude, setting=True))


def sunrise(day: date, latitude: float, longitude: float) -> datetime:
    """The moment (UTC) the Sun's upper limb rises on the local civil `day` (as `sunset`)."""
    return _datetime_from_jd(sun_event_jd(day, latitude, longitude, setting=False))


def sun_event_jd(day: date, latitude: float, longitude: float, setting: bool) -> float:
    """Julian Day (UT) of sunset (`setting`) or sunrise on the local civil `day`."""
    _check_year(day.year)
    phi = math.radians(latitude)

    def hour_angle(declination: float) -> float:
        cos_h0 = (math.sin(math.radians(SUNSET_ALTITUDE)) - math.sin(phi) * math.sin(declination)) / (
            math.cos(phi) * math.cos(declination)
        )
        if not -1.0 <= cos_h0 <= 1.0:
            raise ValueError(f"the Sun does not rise or set on {day} at latitude {latitude}")
        h0 = math.degrees(math.acos(cos_h0))
        return h0 if setting else -h0

    guess = _local_midnight_jd(day, longitude) + (0.75 if setting else 0.25)  # 18h or 6h local mean time
    return _hour_angle_moment(guess, longitude, hour_angle)


def apparent_noon(day: date, longitude: float) -> datetime:
    """The moment (UTC) of true solar noon (the Sun on the meridian) at `longitude` on `day`.

    Solving for local hour angle 0 of the apparent Sun is mean noon corrected by the equation
    of time. The day is the civil day in local mean time at that longitude.
    """
    _check_year(day.year)
    guess = _local_midnight_jd(day, longitude) + 0.5
    return _datetime_from_jd(_hour_angle_moment(guess, longitude, lambda _declination: 0.0))


def nowruz_day(year: int) -> date:
    """1 Farvardin of the Persian solar year that begins in March of Gregorian `year`.

    Iranian civil rule: the day (Iran Standard Time, UTC+3:30) on which the March equinox falls
    before true noon at 52.5° E; an equinox at or after that noon starts the year the next day.
    """
    equinox = march_equinox(year)
    day = equinox.astimezone(IRAN_STANDARD_TIME).date()
    return day if equinox < apparent_noon(day, TEHRAN_MERIDIAN) else day + timedelta(days=1)


def bahai_naw_ruz(year: int) -> date:
    """The civil date of Bahá'í Naw-Rúz in `year` (from 2015, Universal House of Justice rule).

    The day (Tehran local time, UTC+3:30) on which the March equinox occurs before sunset in
    Tehran; an equinox after sunset falls in the Bahá'í day that began then, the next civil
    date. Before 2015 Naw-Rúz was fixed to 21 March in the West: ValueError there.
    """
    if year < BAHAI_NAW_RUZ_FIRST_YEAR:
        raise ValueError(f"Naw-Rúz by the equinox rule starts in 2015, not {year}")
    if year in BAHAI_NAW_RUZ_PUBLISHED:
        return BAHAI_NAW_RUZ_PUBLISHED[year]
    equinox = march_equinox(year)
    day = equinox.astimezone(IRAN_STANDARD_TIME).date()
    return day if equinox < sunset(day, *TEHRAN) else day + timedelta(days=1)


def delta_t(year: float) -> float:
    """ΔT = TT − UT in seconds for a decimal year (Espenak–Meeus polynomials, 1800-2200)."""
    if year < 1860:
        t = year - 1800
        return _poly(t, 13.72, -0.332447, 0.0068612, 0.0041116, -0.00037436, 1.21272e-5,
                     -1.699e-7, 8.75e-10)  # fmt: skip
    if year < 1900:
        t = year - 1860
        return _poly(t, 7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1 / 233174)
    if year < 1920:
        return _poly(year - 1900, -2.79, 1.494119, -0.0598939, 0.0061966, -0.000197)
    if year < 1941:
        return _poly(year - 1920, 21.20, 0.84493, -0.076100, 0.0020936)
    if year < 1961:
        return _poly(year - 1950, 29.07, 0.407, -1 / 233, 1 / 2547)
    if year < 1986:
        return _poly(year - 1975, 45.45, 1.067, -1 / 260, -1 / 718)
    if year < 2005:
        t = year - 2000
        return _poly(t, 63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599)
    if year < 2050:
        return _poly(year - 2000, 62.92, 0.32217, 0.005589)
    u = (year - 1820) / 100
    # The last term only joins the 2050 value smoothly to the long-term parabola.
    return -20 + 32 * u * u - (0.5628 * (2150 - year) if year < 2150 else 0.0)


def _poly(t: float, *coefficients: float) -> float:
    result = 0.0
    for c in reversed(coefficients):  # Horner: highest power first
        result = result * t + c
    return result


def _march_equinox_jde(year: int) -> float:
    """Julian Ephemeris Day (TT) of the March equinox, Meeus ch. 27 (tables 27.B and 27.C)."""
    y = (year - 2000) / 1000
    jde0 = _poly(y, 2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057)
    t = (jde0 - _J2000) / 36525
    w = math.radians(35999.373 * t - 2.47)
    dlambda = 1 + 0.0334 * math.cos(w) + 0.0007 * math.cos(2 * w)
    s = sum(a * math.cos(math.radians(b + c * t)) for a, b, c in _EQUINOX_TERMS)
    return jde0 + 0.00001 * s / dlambda


def _sun_hour_angle(jd_ut: float, longitude: float) -> tuple[float, float]:
    """Local hour angle (degrees, −180..180) and declination (radians) of the apparent Sun."""
    # The Sun's place runs on TT, the Earth's rotation on UT: ΔT separates them.
    t = (jd_ut + delta_t(2000 + (jd_ut - _J2000) / 365.25) / 86400 - _J2000) / 36525
    mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    centre = (
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(m)
        + (0.019993 - 0.000101 * t) * math.sin(2 * m)
        + 0.000289 * math.sin(3 * m)
    )
    omega = math.radians(125.04 - 1934.136 * t)
    nutation = -0.00478 * math.sin(omega)  # Δψ in degrees, its leading term (Meeus ch. 25)
    lam = math.radians(mean_longitude + centre - 0.00569 + nutation)  # 0.00569°: aberration
    eps0 = 23.4392911 - (46.8150 * t + 0.00059 * t * t - 0.001813 * t**3) / 3600  # eq. 22.2
    eps = math.radians(eps0 + 0.00256 * math.cos(omega))
    ra = math.degrees(math.atan2(math.cos(eps) * math.sin(lam), math.cos(lam)))
    declination = math.asin(math.sin(eps) * math.sin(lam))
    tu = (jd_ut - _J2000) / 36525
    gmst = 280.46061837 + 360.98564736629 * (jd_ut - _J2000) + tu * tu * (0.000387933 - tu / 38710000)
    gast = gmst + nutation * math.cos(eps)  # the equation of the equinoxes
    return _wrap180(gast + longitude - ra), declination


def _hour_angle_moment(jd_guess: float, longitude: float, target: Callable[[float], float]) -> float:
    """JD (UT) near `jd_guess` when the Sun's hour angle equals target(its declination)."""
    jd = jd_guess
    for _ in range(8):
        hour_angle, declination = _sun_hour_angle(jd, longitude)
        # The Sun's hour angle grows by 360° per solar day, so degrees/360 is days.
        step = _wrap180(target(declination) - hour_angle) / 360.0
        jd += step
        if abs(step) < 1e-6:  # 0.09 s
            break
    return jd


def _wrap180(degrees: float) -> float:
    return (degrees + 180.0) % 360.0 - 180.0


def _local_midnight_jd(day: date, longitude: float) -> float:
    """JD (UT) of 0h local mean time on `day` at `longitude`."""
    return day.toordinal() + 1721424.5 - longitude / 360.0


def _datetime_from_jd(jd: float) -> datetime:
    moment = _UNIX_EPOCH + timedelta(days=jd - _JD_UNIX_EPOCH)
    return (moment + timedelta(microseconds=500_000)).replace(microsecond=0)  # whole seconds


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year {year} outside {FIRST_YEAR}..{LAST_YEAR}")

"""Moments of the Sun and Moon from the JPL ephemeris DE421 (skyfield), for lunisolar calendars.

Contract: `almanac(year)` gives, for a window from October of the year before to February of
the year after, the moments (Julian Day, UT) at which

- the Moon's elongation from the Sun crosses each multiple of 12° (the ends of the tithis of
  the Indian calendar; 0° is new moon, 180° full moon),
- the Sun's sidereal longitude (Lahiri) crosses each multiple of 30° (the sankrantis),
- the Sun's tropical longitude crosses each multiple of 30° (the Chinese major solar terms),
- the Moon's sidereal longitude crosses each multiple of 13°20' (the 27 nakshatras).

Longitudes are apparent and geocentric, in the true ecliptic and equinox of date. The only
module that imports skyfield; the ephemeris file comes with the skyfield-data package, nothing
is downloaded. Results are cached on disk per year, so a build needs skyfield only once.
DE421 covers 1899-07-29 to 2053-10-08: FIRST_YEAR..LAST_YEAR leave the window inside it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kalender.calendars import YearOutOfRange

if TYPE_CHECKING:
    import numpy as np

FIRST_YEAR, LAST_YEAR = 1901, 2052
EPHEMERIS = "de421.bsp"
VERSION = 5  # raise when the almanac's content changes: part of the cache name

# Lahiri (Chitrapaksha) ayanamsa as Drik Panchang prints it on its day pages for New Delhi
# ("Lahiri Ayanamsha": 23.801399° on 15 July 1995, 24.229558° on 8 March 2026, 24.493046° on
# 15 January 2045): 23°51'49.7" on 2000 January 1, moving with the IAU 2006 general precession
# in longitude (5028.796195" T + 1.1054348" T²), which reproduces all three within 0.2".
# Subtracted from true longitudes of date, the sankrantis come out within about two minutes of
# Drik's (tests/rules/published/moments). The 23°51'11" quoted from the Indian Astronomical
# Ephemeris in the New International Ephemerides is 39" less and put every sankranti about 15
# minutes earlier than the panchangs the communities print from.
LAHIRI_J2000 = 23 + 51 / 60 + 49.7 / 3600
_J2000 = 2451545.0
NAKSHATRA = 360 / 27  # degrees of one lunar mansion
_GRID = 0.75  # days between samples: elongation and Moon move at most 14.5° and 15.4° a day, 11.6° in 0.75 d
_SUN_GRID = 3.0  # the Sun moves about 1° a day: one 30° crossing per sample step at most


class SkyUnavailable(RuntimeError):
    """The ephemeris or skyfield cannot be loaded (a broken installation)."""


@dataclass(frozen=True)
class Almanac:
    """Crossing moments in JD (UT) with the multiple crossed, each list in time order."""

    year: int
    tithis: tuple[tuple[float, int], ...]  # (moment, k): elongation reaches 12° × k, k 0..29
    sidereal: tuple[tuple[float, int], ...]  # (moment, sign): Lahiri longitude reaches 30° × sign
    tropical: tuple[tuple[float, int], ...]  # (moment, term): tropical longitude reaches 30° × term
    nakshatras: tuple[tuple[float, int], ...]  # (moment, n): the Moon's Lahiri longitude reaches 13°20' × n


def almanac(year: int) -> Almanac:
    """The almanac of `year`, from the disk cache or computed (about 60 ms plus loading skyfield)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRange("sky", year, FIRST_YEAR, LAST_YEAR)
    return _remembered(year)


@lru_cache(maxsize=64)
def _remembered(year: int) -> Almanac:
    from kalender.cache import cached

    return cached(f"sky/{VERSION}-{year}.pickle", lambda: _replacing_older(year))  # type: ignore[no-any-return]


def _replacing_older(year: int) -> Almanac:
    """The almanac of `year` for the cache; the year's files of older VERSIONs go (never read again)."""
    from kalender.cache import cache_dir

    for old in (cache_dir() / "sky").glob(f"*-{year}.pickle"):
        version = old.name.split("-")[0]
        if version.isdigit() and int(version) < VERSION:
            with contextlib.suppress(OSError):
                old.unlink()
    return _compute(year)


def _compute(year: int) -> Almanac:
    import numpy as np

    sky = _sky()
    start = _jd(year - 1, 10, 1)
    end = _jd(year + 1, 2, 1)
    grid = np.arange(start, end + _GRID, _GRID)
    sun, moon = sky.longitudes(grid, "sun", "moon")
    elongation = np.unwrap(np.radians((moon - sun) % 360)) * 180 / np.pi
    tithis = _crossings(grid, elongation, 12.0, lambda t: _elongation(sky, t))
    sun_grid = grid[:: int(_SUN_GRID / _GRID)]
    tropical_sun = np.unwrap(np.radians(sun[:: int(_SUN_GRID / _GRID)])) * 180 / np.pi
    sidereal_sun = tropical_sun - ayanamsa(sun_grid)
    sidereal = _crossings(sun_grid, sidereal_sun, 30.0, lambda t: sky.longitudes(t, "sun")[0] - ayanamsa(t))
    tropical = _crossings(sun_grid, tropical_sun, 30.0, lambda t: sky.longitudes(t, "sun")[0])
    sidereal_moon = np.unwrap(np.radians(moon)) * 180 / np.pi - ayanamsa(grid)
    nakshatras = _crossings(grid, sidereal_moon, NAKSHATRA, lambda t: sky.longitudes(t, "moon")[0] - ayanamsa(t))

    def in_ut(found: list[tuple[float, int]], count: int) -> tuple[tuple[float, int], ...]:
        moments: Any = sky.ut([t for t, _ in found]) if found else []
        return tuple((float(t), k % count) for t, (_, k) in zip(moments, found, strict=True))

    return Almanac(year, in_ut(tithis, 30), in_ut(sidereal, 12), in_ut(tropical, 12), in_ut(nakshatras, 27))


def ayanamsa(jd_tt: Any) -> Any:
    """The Lahiri ayanamsa in degrees at Julian Day(s) TT."""
    t = (jd_tt - _J2000) / 36525
    return LAHIRI_J2000 + (5028.796195 * t + 1.1054348 * t * t) / 3600


def _elongation(sky: _Sky, jd_tt: np.ndarray) -> np.ndarray:
    sun, moon = sky.longitudes(jd_tt, "sun", "moon")
    return (moon - sun) % 360  # type: ignore[no-any-return]


def _crossings(grid: np.ndarray, values: np.ndarray, step: float, function: Any) -> list[tuple[float, int]]:
    """Where the increasing, unwrapped `values` sampled on `grid` cross a multiple of `step`:
    (JD TT, the multiple). Linear interpolation between the samples, then Newton steps on
    `function` (wrapped degrees) with the slope of the bracketing samples, all crossings at once."""
    import numpy as np

    levels = np.floor(values / step).astype(np.int64)
    index = np.flatnonzero(np.diff(levels))
    if np.any(np.diff(levels)[index] != 1):
        raise ArithmeticError("two crossings between samples")  # the grids above rule this out
    targets = levels[index + 1] * step
    slope = (values[index + 1] - values[index]) / (grid[index + 1] - grid[index])  # degrees per day
    moments = grid[index] + (targets - values[index]) / slope
    for _ in range(8):
        behind = (function(moments) - targets % 360 + 180) % 360 - 180  # degrees past the target
        moments = moments - behind / slope
        if np.all(np.abs(behind / slope) < 1e-6):  # 0.09 s
            break
    else:
        raise ArithmeticError("crossings did not converge")
    return [(float(t), int(k)) for t, k in zip(moments, levels[index + 1], strict=True)]


def _jd(year: int, month: int, day: int) -> float:
    from datetime import date

    return date(year, month, day).toordinal() + 1721424.5


class _Sky:
    """skyfield's timescale and the Sun, Moon and Earth of DE421, loaded once per process."""

    def __init__(self) -> None:
        try:
            from importlib.resources import files

            from skyfield.api import Loader
            from skyfield.framelib import ecliptic_frame
            from skyfield.nutationlib import iau2000b_radians

            folder = files("skyfield_data") / "data"
            loader = Loader(str(folder), verbose=False, expire=False)
            if not (folder / EPHEMERIS).is_file():
                raise FileNotFoundError(EPHEMERIS)
            self.ts = loader.timescale(builtin=True)
            planets = loader(EPHEMERIS)
        except (ImportError, OSError, ValueError) as exc:
            raise SkyUnavailable(f"{EPHEMERIS} from skyfield-data cannot be loaded: {exc}") from None
        self.frame, self.nutation = ecliptic_frame, iau2000b_radians
        self.earth, self.sun, self.moon = planets["earth"], planets["sun"], planets["moon"]

    def longitudes(self, jd_tt: np.ndarray, *bodies: str) -> list[np.ndarray]:
        """Apparent geocentric ecliptic longitudes (degrees, 0..360) of "sun" and/or "moon"."""
        t = self.ts.tt_jd(jd_tt)
        # IAU 2000B nutation (77 terms) instead of 2000A (1365): 1 mas apart, five times faster
        t._nutation_angles_radians = self.nutation(t)
        observer = self.earth.at(t)
        targets = {"sun": self.sun, "moon": self.moon}
        return [observer.observe(targets[b]).apparent().frame_latlon(self.frame)[1].degrees for b in bodies]

    def ut(self, jd_tt: list[float]) -> np.ndarray:
        return self.ts.tt_jd(jd_tt).ut1  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _sky() -> _Sky:
    return _Sky()

"""Easter Sunday in the Gregorian (Western) and the Julian (Orthodox) reckoning."""

from __future__ import annotations

from datetime import date

from kalender.calendars import YearOutOfRange
from kalender.calendars.julian import julian_to_gregorian

# The Gregorian computus applies from its introduction; the algorithms below hold to 4099.
FIRST_YEAR, LAST_YEAR = 1583, 4099


def _check(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRange("easter", year, FIRST_YEAR, LAST_YEAR)


def western_easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus ch. 8)."""
    _check(year)
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - Meeus' name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: Julian computus (Meeus ch. 8), given as a Gregorian date."""
    _check(year)
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return julian_to_gregorian(year, month, day + 1)

"""The Julian calendar, by way of the Julian Day Number."""

from __future__ import annotations

from datetime import date

# date.toordinal() counts 1 January 1 (proleptic Gregorian) as day 1; JDN of that day:
_ORDINAL_TO_JDN = 1721425


def is_julian_leap(year: int) -> bool:
    return year % 4 == 0


def julian_month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_julian_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def julian_to_jdn(year: int, month: int, day: int) -> int:
    """Julian calendar date to Julian Day Number (Richards' algorithm, no year zero issues
    for positive years)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of a Julian calendar date."""
    if not 1 <= day <= julian_month_length(year, month):
        raise ValueError(f"julian {year}-{month}-{day} does not exist")
    return date.fromordinal(julian_to_jdn(year, month, day) - _ORDINAL_TO_JDN)

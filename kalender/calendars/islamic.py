"""The Islamic (Hijri) calendar: Umm al-Qura (by hijridate) and the tabular civil calendar."""

from __future__ import annotations

from datetime import date

from hijridate import Hijri
from hijridate.ummalqura import GREGORIAN_RANGE, HIJRI_RANGE

from kalender.calendars import YearOutOfRange

CALENDARS = ("umm_al_qura", "tabular")
# Tabular (civil, "type II") leap years of the 30-year cycle get 30 days in Dhu al-Hijja.
_TABULAR_LEAP = {2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29}
# JDN of 1 Muharram 1 AH (16 July 622 Julian), civil epoch.
_TABULAR_EPOCH_JDN = 1948440
_ORDINAL_TO_JDN = 1721425
# Umm al-Qura tables cover whole Gregorian years 1925-2076 (hijridate 1343-1500 AH).
UAQ_FIRST, UAQ_LAST = GREGORIAN_RANGE[0][0] + 1, GREGORIAN_RANGE[1][0] - 1
TABULAR_FIRST, TABULAR_LAST = 623, 9999
_UAQ_HIJRI_FIRST, _UAQ_HIJRI_LAST = HIJRI_RANGE[0][0], HIJRI_RANGE[1][0]


def hijri_years(year: int, calendar: str) -> range:
    """The Hijri years that have days in Gregorian `year` (two or three)."""
    first, last = (UAQ_FIRST, UAQ_LAST) if calendar == "umm_al_qura" else (TABULAR_FIRST, TABULAR_LAST)
    if not first <= year <= last:
        raise YearOutOfRange(f"islamic:{calendar}", year, first, last)
    # A Hijri year is about 354.37 days: 1 Muharram of AH h falls near 622.5 + h * 0.970224.
    start = int((year - 622) / 0.970224) - 1
    if calendar == "umm_al_qura":
        return range(max(start, _UAQ_HIJRI_FIRST), min(start + 4, _UAQ_HIJRI_LAST + 1))
    return range(max(start, 1), start + 4)


def _tabular_jdn(h_year: int, month: int, day: int) -> int:
    return (
        day
        + (59 * (month - 1) + 1) // 2  # months alternate 30, 29 days
        + 354 * (h_year - 1)
        + (3 + 11 * h_year) // 30  # leap days before this year
        + _TABULAR_EPOCH_JDN
        - 1
    )


def month_length(h_year: int, month: int, calendar: str) -> int:
    if calendar == "umm_al_qura":
        return int(Hijri(h_year, month, 1).month_length())
    if month == 12:
        return 30 if (h_year % 30 or 30) in _TABULAR_LEAP else 29
    return 30 if month % 2 else 29


def to_gregorian(h_year: int, month: int, day: int, calendar: str) -> date | None:
    """Gregorian date of a Hijri date; None if that day does not exist in that year."""
    if day > month_length(h_year, month, calendar):
        return None
    if calendar == "umm_al_qura":
        g = Hijri(h_year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)
    return date.fromordinal(_tabular_jdn(h_year, month, day) - _ORDINAL_TO_JDN)

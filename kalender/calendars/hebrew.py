"""The Hebrew calendar: month names, leap years and conversion (arithmetic by convertdate)."""

from __future__ import annotations

from datetime import date

from convertdate import hebrew as _hebrew

from kalender.calendars import YearOutOfRange

# convertdate numbers months from Nisan = 1; Adar = 12, Adar II = 13 (leap years only).
MONTHS = {
    "nisan": 1, "iyar": 2, "sivan": 3, "tammuz": 4, "av": 5, "elul": 6, "tishri": 7,
    "cheshvan": 8, "kislev": 9, "tevet": 10, "shevat": 11, "adar_1": 12, "adar_2": 13,
}  # fmt: skip
# "adar" is the Adar of Purim: Adar II in leap years, the only Adar otherwise.
MONTH_NAMES = (*MONTHS, "adar")
ALWAYS_29 = {"iyar", "tammuz", "elul", "tevet", "adar", "adar_2"}
# Years the tests have compared with an independent implementation, with margin.
FIRST_YEAR, LAST_YEAR = 1600, 2400
# Gregorian year Y holds the end of Hebrew year Y + 3760 and the start of Y + 3761.
_OFFSET = 3760


def is_leap(hebrew_year: int) -> bool:
    return bool(_hebrew.leap(hebrew_year))


def month_number(hebrew_year: int, month: str) -> int | None:
    """convertdate's month number of a named month in that year, or None if it has none."""
    if month == "adar":
        return 13 if is_leap(hebrew_year) else 12
    if month == "adar_1":
        return 12 if is_leap(hebrew_year) else None
    if month == "adar_2":
        return 13 if is_leap(hebrew_year) else 12
    return MONTHS[month]


def month_length(hebrew_year: int, month: str) -> int:
    number = month_number(hebrew_year, month)
    return 0 if number is None else int(_hebrew.month_length(hebrew_year, number))


def to_gregorian(hebrew_year: int, month: str, day: int) -> date | None:
    """Gregorian date of day `day` of `month` in `hebrew_year`; None if that day does not exist."""
    number = month_number(hebrew_year, month)
    if number is None or day > month_length(hebrew_year, month):
        return None
    return date(*_hebrew.to_gregorian(hebrew_year, number, day))


def hebrew_years(year: int) -> tuple[int, int]:
    """The two Hebrew years that share Gregorian `year`."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRange("hebrew", year, FIRST_YEAR, LAST_YEAR)
    return year + _OFFSET, year + _OFFSET + 1

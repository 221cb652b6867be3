"""German names and date formats as the calendar prints them."""

from __future__ import annotations

from datetime import date

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")  # fmt: skip
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAYS_SHORT = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Month names as they appear in file names (ASCII): 03-maerz.yaml
MONTH_FILES = ("januar", "februar", "maerz", "april", "mai", "juni", "juli", "august", "september",
               "oktober", "november", "dezember")  # fmt: skip


def short_date(day: date) -> str:
    """1.4."""
    return f"{day.day}.{day.month}."


def short_span(start: date, end: date) -> str:
    """1.4. or 31.3.–7.4."""
    return short_date(start) if start == end else f"{short_date(start)}–{short_date(end)}"


def long_date(day: date) -> str:
    """1. April"""
    return f"{day.day}. {MONTHS[day.month - 1]}"


def long_span(start: date, end: date) -> str:
    """1. April; 31. März bis 7. April; 3. bis 10. Dezember; across a year: 26.12.2024 bis 2.1.2025."""
    if start == end:
        return long_date(start)
    if start.year != end.year:
        return f"{start:%d.%m.%Y} bis {end:%d.%m.%Y}".replace(".0", ".").lstrip("0")
    if start.month == end.month:
        return f"{start.day}. bis {long_date(end)}"
    return f"{long_date(start)} bis {long_date(end)}"

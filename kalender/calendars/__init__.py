"""Pure date maths of the calendars kalender knows. No YAML, no model, no German text."""

from __future__ import annotations


class YearOutOfRange(ValueError):
    """A calendar cannot compute this year (a library's table or a rule's era ends)."""

    def __init__(self, calendar: str, year: int, first: int, last: int) -> None:
        self.calendar, self.year, self.first, self.last = calendar, year, first, last
        super().__init__(f"{calendar}: {year} outside {first}-{last}")

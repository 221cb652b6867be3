"""Jewish holidays 2000-2040 against pyluach, an independent implementation of the Hebrew
calendar and its festivals (diaspora), and against a published table (hebcal.com / Spier)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from pyluach import dates as luach

from tests.conftest import assert_holiday, occurrences

# pyluach's names (diaspora) -> our holiday ids.
_FESTIVALS = {
    "Rosh Hashana": "rosh_hashanah", "Yom Kippur": "yom_kippur", "Succos": "sukkot",
    "Shmini Atzeres": "shemini_atzeret", "Simchas Torah": "simchat_torah", "Chanuka": "chanukka",
    "Tu B'shvat": "tu_bishvat", "Purim": "purim", "Pesach": "pesach", "Shavuos": "shavuot",
}  # fmt: skip
_FAST_OF_AV = "9 of Av"  # pyluach's holiday() name; it moves the fast to Sunday after Shabbat
YEARS = range(2000, 2041)


def _pyluach_days(year: int) -> dict[str, set[date]]:
    days: dict[str, set[date]] = defaultdict(set)
    day = date(year, 1, 1)
    while day.year == year:
        hebrew = luach.GregorianDate(day.year, day.month, day.day).to_heb()
        name = hebrew.festival(israel=False, include_working_days=True)
        if name in _FESTIVALS:
            days[_FESTIVALS[name]].add(day)
        if hebrew.holiday(israel=False) == _FAST_OF_AV:
            days["tisha_bav"].add(day)
        day += timedelta(days=1)
    return days


def _our_days(year: int) -> dict[str, set[date]]:
    days: dict[str, set[date]] = defaultdict(set)
    for o in occurrences(year):
        if o.holiday.group == "jewish":
            day = o.start
            while day <= o.end:
                if day.year == year:
                    days[o.id].add(day)
                day += timedelta(days=1)
    return days


@pytest.mark.parametrize("year", YEARS)
def test_jewish_holidays_match_pyluach(year: int) -> None:
    expected, ours = _pyluach_days(year), _our_days(year)
    for holiday_id in [*_FESTIVALS.values(), "tisha_bav"]:
        assert sorted(ours[holiday_id]) == sorted(expected[holiday_id]), holiday_id


# Published first days (hebcal.com, diaspora; Spier, The Comprehensive Hebrew Calendar).
@pytest.mark.parametrize(
    ("holiday", "day"),
    [
        ("rosh_hashanah", "2018-09-10"), ("yom_kippur", "2018-09-19"), ("sukkot", "2018-09-24"),
        ("chanukka", "2018-12-03"), ("pesach", "2018-03-31"), ("shavuot", "2018-05-20"),
        ("purim", "2018-03-01"), ("tisha_bav", "2018-07-22"), ("tu_bishvat", "2018-01-31"),
        ("purim", "2019-03-21"), ("purim", "2024-03-24"), ("rosh_hashanah", "2023-09-16"),
        ("pesach", "2024-04-23"), ("chanukka", "2024-12-26"), ("yom_kippur", "2025-10-02"),
    ],
)  # fmt: skip
def test_published_jewish_dates(holiday: str, day: str) -> None:
    assert_holiday(holiday, day)


def test_purim_is_in_adar_ii_in_a_leap_year() -> None:
    # 5779 is a leap year: Purim on 14 Adar II = 21 March 2019, not 14 Adar I (19 February).
    assert luach.HebrewDate(5779, 13, 14).to_pydate() == date(2019, 3, 21)
    assert_holiday("purim", "2019-03-21")


def test_tisha_bav_moves_off_shabbat() -> None:
    # 9 Av 5778 was Saturday 21 July 2018; the fast was kept on Sunday.
    assert luach.HebrewDate(5778, 5, 9).to_pydate() == date(2018, 7, 21)
    assert_holiday("tisha_bav", "2018-07-22")


def test_diaspora_lengths() -> None:
    spans = {o.id: (o.end - o.start).days + 1 for o in occurrences(2018) if o.holiday.group == "jewish"}
    assert spans["pesach"] == 8 and spans["shavuot"] == 2 and spans["rosh_hashanah"] == 2
    assert spans["chanukka"] == 8 and spans["sukkot"] == 7

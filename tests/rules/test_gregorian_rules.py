"""Fixed, Julian and weekday rules against convertdate's Julian calendar, dateutil's
relativedelta and published dates."""

from __future__ import annotations

from datetime import date

import pytest
from convertdate import julian as cd_julian
from dateutil.relativedelta import SU, WE, relativedelta
from hypothesis import given
from hypothesis import strategies as st

from kalender.calendars.julian import julian_to_gregorian
from kalender.rules.gregorian import WEEKDAYS, Julian, Weekday
from tests.conftest import assert_holiday, starts


@given(st.integers(1000, 3000), st.integers(1, 12), st.integers(1, 31))
def test_julian_to_gregorian_matches_convertdate(year: int, month: int, day: int) -> None:
    try:
        expected = date(*cd_julian.to_gregorian(year, month, day))
    except ValueError:
        return
    if day > 28 and cd_julian.month_length(year, month) < day:
        return
    assert julian_to_gregorian(year, month, day) == expected


@pytest.mark.parametrize("year", range(1901, 2100))
def test_orthodox_christmas_is_7_january_1901_to_2099(year: int) -> None:
    """The Julian calendar runs 13 days behind from 1900-03-01 to 2100-02-28."""
    assert Julian(month=12, day=25).dates(year) == [date(year, 1, 7)]
    assert Julian(month=1, day=6).dates(year) == [date(year, 1, 19)]


def test_julian_christmas_moves_to_8_january_after_2100() -> None:
    assert Julian(month=12, day=25).dates(2101) == [date(2101, 1, 8)]


@pytest.mark.parametrize("year", range(2000, 2041))
def test_weekday_rules_match_relativedelta(year: int) -> None:
    # Buß- und Bettag: Wednesday before 23 November; 1. Advent: 4th Sunday before Christmas Day;
    # Erntedankfest: first Sunday in October; Çarşema Sor: first Wednesday on or after 14 April.
    assert starts("repentance_day", year) == [date(year, 11, 22) + relativedelta(weekday=WE(-1))]
    assert starts("first_advent", year) == [date(year, 12, 24) + relativedelta(weekday=SU(-4))]
    assert starts("harvest_festival", year) == [date(year, 10, 1) + relativedelta(weekday=SU(+1))]
    assert starts("yazidi_new_year", year) == [date(year, 4, 14) + relativedelta(weekday=WE(+1))]


@given(
    st.integers(1900, 2200), st.sampled_from(WEEKDAYS), st.integers(1, 12), st.integers(1, 28),
    st.sampled_from(["on_or_after", "after", "on_or_before", "before"]), st.integers(1, 5),
)  # fmt: skip
def test_weekday_rule_law(year: int, weekday: str, month: int, day: int, relation: str, n: int) -> None:
    """The result has the asked weekday, lies on the asked side, and n-1 such weekdays lie between."""
    rule = Weekday(weekday=weekday, month=month, day=day, relation=relation, n=n)
    anchor = date(year, month, day)
    for found in rule.dates(year):
        assert found.year == year
        assert WEEKDAYS[found.weekday()] == weekday
        gap = (found - anchor).days
        if relation in ("on_or_after", "after"):
            assert gap >= (1 if relation == "after" else 0)
            assert (gap - (1 if relation == "after" else 0)) // 7 == n - 1
        else:
            assert gap <= (-1 if relation == "before" else 0)
            assert (-gap - (1 if relation == "before" else 0)) // 7 == n - 1


# Published: Hessisches Feiertagsgesetz § 1 and the EKD calendar of the church year.
@pytest.mark.parametrize(
    ("holiday", "day"),
    [
        ("new_year", "2018-01-01"), ("labour_day", "2018-05-01"), ("german_unity_day", "2018-10-03"),
        ("christmas_orthodox", "2018-01-07"), ("repentance_day", "2018-11-21"),
        ("repentance_day", "2017-11-22"), ("first_advent", "2018-12-02"), ("first_advent", "2017-12-03"),
        ("harvest_festival", "2018-10-07"), ("reformation_day_2017", "2017-10-31"),
        ("yazidi_new_year", "2018-04-18"),
    ],
)  # fmt: skip
def test_published_fixed_and_weekday_dates(holiday: str, day: str) -> None:
    assert_holiday(holiday, day)


def test_one_time_holiday_only_in_its_year() -> None:
    assert starts("reformation_day_2017", 2018) == []

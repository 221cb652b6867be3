"""Easter and the days counted from it, against python-dateutil's independent computus and
against published Easter tables."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from hypothesis import given
from hypothesis import strategies as st

from kalender.calendars import YearOutOfRange
from kalender.calendars.easter import orthodox_easter, western_easter
from tests.conftest import assert_holiday, starts


@pytest.mark.parametrize("year", range(1583, 4100))
def test_western_easter_matches_dateutil(year: int) -> None:
    assert western_easter(year) == easter(year, EASTER_WESTERN)


@pytest.mark.parametrize("year", range(1900, 2200))
def test_orthodox_easter_matches_dateutil(year: int) -> None:
    # dateutil's EASTER_ORTHODOX gives the Julian-computus Easter as a Gregorian date.
    assert orthodox_easter(year) == easter(year, EASTER_ORTHODOX)


@given(st.integers(1583, 4099))
def test_western_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    day = western_easter(year)
    assert day.weekday() == 6
    assert date(year, 3, 22) <= day <= date(year, 4, 25)


# Published: EKD "Kirchenjahr" tables and the Orthodox Church calendars (Ökumenisches Patriarchat).
@pytest.mark.parametrize(
    ("holiday", "day"),
    [
        ("easter", "2018-04-01"), ("easter", "2019-04-21"), ("easter", "2024-03-31"),
        ("easter", "2025-04-20"), ("easter", "2038-04-25"), ("easter", "2008-03-23"),
        ("easter_orthodox", "2018-04-08"), ("easter_orthodox", "2019-04-28"),
        ("easter_orthodox", "2023-04-16"), ("easter_orthodox", "2024-05-05"),
        ("easter_orthodox", "2025-04-20"), ("easter_orthodox", "2010-04-04"),
        ("ash_wednesday", "2018-02-14"), ("good_friday", "2018-03-30"), ("ascension", "2018-05-10"),
        ("pentecost", "2018-05-20"), ("corpus_christi", "2018-05-31"), ("easter_monday", "2018-04-02"),
        ("whit_monday", "2018-05-21"), ("pentecost_orthodox", "2018-05-27"),
        ("clean_monday_orthodox", "2018-02-19"), ("good_friday_orthodox", "2018-04-06"),
    ],
)  # fmt: skip
def test_published_easter_dates(holiday: str, day: str) -> None:
    assert_holiday(holiday, day)


@pytest.mark.parametrize("year", range(2000, 2041))
def test_easter_relative_days_2000_2040(year: int) -> None:
    """Offsets as defined by the church year (EKD), anchored on dateutil's Easter."""
    west, east = easter(year, EASTER_WESTERN), easter(year, EASTER_ORTHODOX)
    expected = {
        "ash_wednesday": west - timedelta(46), "palm_sunday": west - timedelta(7),
        "maundy_thursday": west - timedelta(3), "good_friday": west - timedelta(2),
        "easter": west, "easter_monday": west + timedelta(1), "ascension": west + timedelta(39),
        "pentecost": west + timedelta(49), "whit_monday": west + timedelta(50),
        "corpus_christi": west + timedelta(60), "easter_orthodox": east,
        "good_friday_orthodox": east - timedelta(2), "pentecost_orthodox": east + timedelta(49),
        "clean_monday_orthodox": east - timedelta(48),
    }  # fmt: skip
    for holiday, day in expected.items():
        assert starts(holiday, year) == [day], holiday


def test_easter_outside_the_gregorian_computus_is_refused() -> None:
    with pytest.raises(YearOutOfRange):
        western_easter(1500)

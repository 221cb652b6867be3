"""Persian and Bahá'í rules against convertdate (PyMeeus astronomy, an implementation
independent of ours) and against the Bahá'í World Centre's published dates."""

from __future__ import annotations

from datetime import date

import pytest
from convertdate import bahai as cd_bahai
from convertdate import persian as cd_persian

from kalender.calendars import YearOutOfRange
from kalender.rules.solar import Bahai, Persian
from tests.conftest import assert_holiday

# convertdate numbers Ayyám-i-Há 19 and ʻAláʼ 20; we number them 0 and 19.
_CD_MONTH = {0: 19, 19: 20}
_BADI_ERA = 1843  # year 172 BE begins in 2015


@pytest.mark.parametrize("year", range(2015, 2101))
def test_bahai_days_match_convertdate(year: int) -> None:
    for month, day in [(1, 1), (2, 13), (3, 2), (3, 5), (4, 8), (4, 13), (6, 17), (14, 4), (14, 6),
                       (0, 1), (19, 1), (19, 19)]:  # fmt: skip
        badi_year = year - _BADI_ERA if month not in (0, 19) else year - _BADI_ERA - 1
        expected = date(*cd_bahai.to_gregorian(badi_year, _CD_MONTH.get(month, month), day))
        assert Bahai(month=month, day=day).dates(year) == [expected], (month, day)


@pytest.mark.parametrize("year", range(2000, 2101))
def test_persian_days_match_convertdate(year: int) -> None:
    for month, day in [(1, 1), (1, 13), (7, 1), (10, 11), (12, 29)]:
        found = Persian(month=month, day=day).dates(year)
        expected = [
            d for p in (year - 622, year - 621)
            if (d := date(*cd_persian.to_gregorian(p, month, day))).year == year
        ]  # fmt: skip
        assert found == expected, (month, day)


# Published: Bahá'í World Centre, dates of Naw-Rúz and the holy days 172-221 BE (2015-2064);
# Iranian calendar: Nowruz 1397 = 21 March 2018, 1403 = 20 March 2024 (Iranian Calendar Center).
@pytest.mark.parametrize(
    ("holiday", "day"),
    [
        ("naw_ruz", "2018-03-21"), ("declaration_of_the_bab", "2018-05-24"),
        ("martyrdom_of_the_bab", "2018-07-10"), ("ridvan_first", "2018-04-21"),
        ("naw_ruz", "2016-03-20"), ("naw_ruz", "2017-03-20"), ("naw_ruz", "2020-03-20"),
        ("nowruz", "2018-03-21"), ("nowruz", "2024-03-20"), ("nowruz", "2025-03-21"),
    ],
)  # fmt: skip
def test_published_solar_dates(holiday: str, day: str) -> None:
    assert_holiday(holiday, day)


def test_bahai_rule_before_2015_is_refused() -> None:
    with pytest.raises(YearOutOfRange):
        Bahai(month=1, day=1).dates(2014)

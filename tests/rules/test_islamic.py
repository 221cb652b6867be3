"""Islamic holidays against the `ummalqura` package (an independent Umm al-Qura table),
convertdate's arithmetic calendar, and dates published by KACST / Diyanet."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from convertdate import islamic as cd_islamic
from ummalqura.hijri_date import HijriDate

from kalender.calendars import YearOutOfRange
from kalender.calendars.islamic import hijri_years, to_gregorian
from kalender.rules.lunar import Islamic
from tests.conftest import assert_holiday, span, starts

# (holiday id, Hijri month, day) as the data defines them.
_DAYS = [
    ("islamic_new_year", 1, 1), ("ashura", 1, 10), ("mawlid", 3, 12), ("lailat_al_miraj", 7, 27),
    ("lailat_al_baraa", 8, 15), ("ramadan", 9, 1), ("lailat_al_qadr", 9, 27), ("eid_al_fitr", 10, 1),
    ("eid_al_adha", 12, 10),
]  # fmt: skip


def _uaq(h_year: int, month: int, day: int) -> date:
    g = HijriDate(h_year, month, day, gr=False)
    return date(int(g.year_gr), int(g.month_gr), int(g.day_gr))


@pytest.mark.parametrize("year", range(2000, 2041))
def test_islamic_holidays_match_independent_umm_al_qura_table(year: int) -> None:
    for holiday_id, month, day in _DAYS:
        expected = sorted(d for h in range(year - 580, year - 576) if (d := _uaq(h, month, day)).year == year)
        assert starts(holiday_id, year) == expected, holiday_id


@pytest.mark.parametrize("h_year", range(1420, 1465))
def test_ramadan_lasts_until_the_day_before_eid(h_year: int) -> None:
    start, eid = _uaq(h_year, 9, 1), _uaq(h_year, 10, 1)
    assert (start, eid - timedelta(days=1)) in span("ramadan", start.year)


def test_eid_al_fitr_twice_in_2000_and_2033() -> None:
    assert_holiday("eid_al_fitr", "2000-01-08", "2000-12-27")
    assert len(starts("eid_al_fitr", 2033)) == 2


@pytest.mark.parametrize("h_year", range(1, 3000, 3))
def test_tabular_calendar_matches_convertdate(h_year: int) -> None:
    for month in (1, 9, 12):
        for day in (1, 10, 29, 30):
            ours = to_gregorian(h_year, month, day, "tabular")
            if ours is not None:
                assert ours == date(*cd_islamic.to_gregorian(h_year, month, day))


def test_tabular_rule_can_fall_twice() -> None:
    assert len(Islamic(month=10, day=1, calendar="tabular").dates(2000)) == 2


# KACST Umm al-Qura calendar and Diyanet (Türkiye) published dates, which agree for these.
@pytest.mark.parametrize(
    ("holiday", "day"),
    [
        ("ramadan", "2018-05-16"), ("eid_al_fitr", "2018-06-15"), ("eid_al_adha", "2018-08-21"),
        ("islamic_new_year", "2018-09-11"), ("eid_al_fitr", "2024-04-10"), ("eid_al_adha", "2024-06-16"),
        ("ramadan", "2025-03-01"), ("eid_al_fitr", "2025-03-30"),
    ],
)  # fmt: skip
def test_published_islamic_dates(holiday: str, day: str) -> None:
    assert_holiday(holiday, day)


def test_umm_al_qura_range_is_enforced() -> None:
    with pytest.raises(YearOutOfRange):
        hijri_years(2090, "umm_al_qura")

"""The lunisolar rules of the sample data against published dates (tests/rules/published/*.csv:
timeanddate and Government of India holiday lists, Sri Lankan government lists, the Bahá'í
World Centre's table 2015-2064, NASA/USNO moon phases, HKO and Vietnamese sources; each row
names its source), and the almanac against an independent lunar theory (PyMeeus, Meeus ch. 49).

A festival-year counts as exact when the rule gives a date some published source gives (where
two sources disagree, both rows are in the table, the second marked "Second source"). Every
miss must be listed in KNOWN_MISSES with its reason and be one day off at most; the match
rate of each festival is printed (pytest -s) and checked against MIN_RATE.
"""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kalender.calendars import sky
from kalender.catalogue import load_catalogue
from kalender.rules.lunisolar import FullMoon, Tithi
from tests.conftest import DATA

PUBLISHED = Path(__file__).parent / "published"
# Reference rows whose festival has another name in the data, or a rule defined here.
ALIASES = {"vesak_sri_lanka": "vesakh_theravada", "may_full_moon": "vesakh"}
SMARTA = Tithi("shravana", 23, "midnight")  # Janmashtami of the Smarta tradition (the may_differ note)
MIN_RATE = 0.95

# festival -> {published date: reason we differ}. Reasons come from the tithi and sankranti
# moments (IST) of kalender's almanac; the sources are named in the CSV rows.
KNOWN_MISSES: dict[str, dict[str, str]] = {
    "dussehra": {
        "2028-09-27": "Dashami 27 Sep 08:09 to 28 Sep 09:55, Shravana 28 Sep 07:18 to 29 Sep 10:00: Dashami still "
        "holds three muhurtas after sunrise on the 28th (08:36) and Shravana in its afternoon, so the Shravana rule "
        "(Drik Panchang's, which gives 8 Oct 2019 and 5 Oct 2022 with the list) moves it to the 28th; the list, "
        "computed ahead, keeps the 27th",
    },
    "ram_navami": {
        "2008-04-14": "Navami 13 Apr 11:25 to 14 Apr 10:38: it falls into the madhyahna (11:05-13:38) of 13 Apr only, "
        "the day the Dharmasindhu rule gives; the list (and Tamil Wikipedia) take the day Navami holds at sunrise "
        "(the Vaishnava rule), as they do not in 2017 (Navami 4 Apr 11:20 to 5 Apr 10:04, list: 4 Apr)",
        "2029-04-22": "Navami 22 Apr 12:54 to 23 Apr 11:30 falls into the madhyahna of both days (44 and 29 minutes): "
        "the Dharmasindhu rule takes the second day, as the list does in 2005 and 2032 (Navami reaching 37 and 86 "
        "minutes into the second day's madhyahna), and so does the Vaishnava rule (Navami at sunrise and for more "
        "than six ghatis after it); the list, computed ahead, keeps the first",
    },
    "thai_pongal": {
        "2003-01-15": "Makara Sankranti 14 Jan 17:42 IST, 18 min before sunset in Chennai (18:00): the Tamil sunset "
        "rule (Drik Panchang's) gives 14 Jan; the Sri Lankan government's list gives the next day, as in 2026 (Sankranti "
        "15:13, Drik: 14 Jan, Sri Lanka: 15 Jan): its almanac reckons the sankranti later",
    },
    "puthandu": {
        "2008-04-13": "Mesha Sankranti 13 Apr 18:35 IST, 14 min after sunset in Chennai (18:21): the sunset rule gives "
        "14 Apr; the blog (and Tamil Wikipedia) report 13 Apr, as observed that year with almanacs that reckon the "
        "sankranti differently; Drik Panchang's Puthandu page for 2012 names this split and keeps the sunset rule",
    },
    "vaisakhi": {
        "2013-04-13": "Mesha Sankranti 14 Apr 01:33 IST, after midnight: the civil date is 14 Apr; the list (and the "
        "Haryana and GoI restricted lists) count the day from sunrise, 13 Apr, but not in 2017 (02:17) or 2021 "
        "(02:49), where the list gives 14 Apr",
    },
    "navaratri": {
        "2004-10-14": "Pratipada 14 Oct 08:18 to 15 Oct 06:33: current at the sunrise of 15 Oct (06:21) only, "
        "12 minutes before it ends; the list starts on the day the tithi begins",
    },
    "krishna_janmashtami": {
        "2034-09-06": "Ashtami 5 Sep 06:18 to 6 Sep 04:07 is current at no sunrise (06:01 on both days is outside "
        "it); kalender takes the day it begins, the list the day after",
    },
    "guru_nanak_gurpurab": {},
    "vesakh_theravada": {
        "2007-05-01": "Purnima 1 May 13:18 to 2 May 15:39 (Colombo): at midday only on 2 May; Sri Lanka kept "
        "1 May, the day it began",
    },
    "vesakh": {},
}


def published() -> list[tuple[str, date, str]]:
    rows = []
    for path in sorted(PUBLISHED.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for festival, day, source in csv.reader(line for line in handle if not line.startswith("#")):
                rows.append((festival, date.fromisoformat(day), source))
    return rows


@pytest.fixture(scope="module")
def rules() -> dict[str, object]:
    rules: dict[str, object] = {h.id: h.rule for h in load_catalogue(DATA).holidays if h.rule is not None}
    rules["janmashtami_smarta"] = SMARTA
    return rules


def _compared(rules: dict[str, object]) -> dict[str, list[tuple[date, list[date]]]]:
    """Per festival: (a published date, the rule's dates in its year), one pair per year, the
    date the rule gives if any source gives it."""
    published_by_year: dict[tuple[str, int], list[date]] = defaultdict(list)
    for festival, day, source in published():
        name = ALIASES.get(festival, festival)
        if name == "krishna_janmashtami" and source.startswith("Smarta"):
            name = "janmashtami_smarta"
        if name in rules and sky.FIRST_YEAR <= day.year <= sky.LAST_YEAR:
            published_by_year[name, day.year].append(day)
        # else: buddha_purnima (India) is not in the calendar; DE421 ends in 2053
    by_festival: dict[str, list[tuple[date, list[date]]]] = defaultdict(list)
    for (name, year), days in sorted(published_by_year.items()):
        got = rules[name].dates(year)  # type: ignore[attr-defined]
        by_festival[name].append((next((d for d in days if d in got), days[0]), got))
    return by_festival


def test_every_rule_against_the_published_dates(rules: dict[str, object]) -> None:
    compared = _compared(rules)
    assert len(compared) >= 20  # every lunisolar festival of the data has a reference table
    report, failures = [], []
    for name, pairs in sorted(compared.items()):
        misses = {day.isoformat(): got for day, got in pairs if day not in got}
        exact = len(pairs) - len(misses)
        report.append(f"{name:22} {exact:2}/{len(pairs):2} exact ({100 * exact / len(pairs):.0f} %)")
        years = {day.year for day, _ in pairs}
        assert len(years) >= 20 or name in ("janmashtami_smarta",), name
        for day, got in misses.items():
            if not any(abs((g - date.fromisoformat(day)).days) <= 1 for g in got):
                failures.append(f"{name} {day}: got {got}, more than a day off")
        unexplained = set(misses) - set(KNOWN_MISSES.get(name, {}))
        failures += [f"{name} {day}: got {misses[day]}, not in KNOWN_MISSES" for day in sorted(unexplained)]
        fixed = set(KNOWN_MISSES.get(name, {})) - set(misses)
        failures += [f"{name} {day}: matches now, remove it from KNOWN_MISSES" for day in sorted(fixed)]
    print("\n" + "\n".join(report))
    assert failures == []


BELOW_TARGET = {  # published lists that mix conventions; each miss is explained in KNOWN_MISSES
    "ram_navami": "33/35: the list follows the Dharmasindhu rule in 2005, 2007 (NSE) and 2032, not in 2008 and 2029",
}


@pytest.mark.parametrize(
    "name",
    ["chinese_new_year", "vietnamese_new_year", "birth_of_the_bab", "birth_of_bahaullah", "diwali", "holi",
     "maha_shivaratri", "raksha_bandhan", "ganesh_chaturthi", "puthandu", "navaratri", "guru_nanak_gurpurab",
     "krishna_janmashtami", "janmashtami_smarta", "vesakh", "vesakh_theravada", "dussehra", "vaisakhi",
     "thai_pongal"]
    + [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=why)) for name, why in BELOW_TARGET.items()],
)  # fmt: skip
def test_match_rate(rules: dict[str, object], name: str) -> None:
    pairs = _compared(rules)[name]
    exact = sum(day in got for day, got in pairs)
    assert exact / len(pairs) >= MIN_RATE, (name, exact, len(pairs))


def test_two_full_moons_in_may_take_the_first() -> None:
    assert FullMoon(5, 2.0).dates(2026) == [date(2026, 5, 1)]
    assert FullMoon(5, 2.0, "last").dates(2026) == [date(2026, 5, 31)]
    assert FullMoon(2, 1.0).dates(2018) == []  # February 2018 had no full moon


# --- the almanac against PyMeeus (Meeus ch. 49, an independent lunar theory) -------------------


def _moment(jd: float) -> datetime:
    return datetime(2000, 1, 1, 12, tzinfo=UTC) + timedelta(days=jd - 2451545.0)


@pytest.mark.parametrize("year", range(2001, 2036, 2))
def test_new_and_full_moons_agree_with_meeus(year: int) -> None:
    """Meeus' phase algorithm (as PyMeeus implements it) is accurate to a few seconds against the
    modern ephemerides; DE421 and the almanac's root finding must agree within a minute."""
    from pymeeus.Epoch import Epoch
    from pymeeus.Moon import Moon

    almanac = sky.almanac(year)
    for phase, k in (("new", 0), ("full", 15)):
        ours = [_moment(t) for t, level in almanac.tithis if level == k and _moment(t).year == year]
        assert 12 <= len(ours) <= 13
        for moment in ours:
            # PyMeeus gives the phase of the lunation its epoch falls in; try a few epochs before
            candidates = []
            for days in (4, 8, 12, 16):
                before = moment - timedelta(days=days)
                reference = Moon.moon_phase(Epoch(before.year, before.month, before.day), target=phase)  # TT
                y, m, d = reference.get_date()
                tt = datetime(y, m, 1, tzinfo=UTC) + timedelta(days=d - 1)
                candidates.append(tt - timedelta(seconds=float(sky._sky().ts.tt_jd(reference.jde()).delta_t)))
            ut = min(candidates, key=lambda c: abs(c - moment))
            assert abs((ut - moment).total_seconds()) < 60, (phase, moment, ut)


def test_tithis_run_round_the_month() -> None:
    """30 tithis per lunation, each 19-27 hours long (the Moon's speed varies), in order."""
    almanac = sky.almanac(2018)
    levels = [k for _, k in almanac.tithis]
    assert all((b - a) % 30 == 1 for a, b in itertools.pairwise(levels))
    lengths = [(b[0] - a[0]) * 24 for a, b in zip(almanac.tithis, almanac.tithis[1:], strict=False)]
    assert 19 < min(lengths) and max(lengths) < 27


def _drik_moments() -> list[tuple[str, datetime, str]]:
    rows = []
    with (PUBLISHED / "moments" / "drik_sankranti.csv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                sign, moment, source = line.rstrip("\n").split(",", 2)
                rows.append((sign, datetime.fromisoformat(moment).replace(tzinfo=UTC), source))
    return rows


@pytest.mark.parametrize(("sign", "published", "source"), _drik_moments())
def test_sankranti_moments_agree_with_drik_panchang(sign: str, published: datetime, source: str) -> None:
    """Drik Panchang prints its moments to the minute; the ayanamsa is Drik's own, the Sun DE421."""
    signs = ("mesha", "vrishabha", "mithuna", "karka", "simha", "kanya", "tula", "vrishchika", "dhanu",
             "makara", "kumbha", "mina")  # fmt: skip
    ist = timedelta(hours=5, minutes=30)
    ours = [_moment(t) + ist for t, k in sky.almanac(published.year).sidereal if k == signs.index(sign)]
    assert min(abs(m - published) for m in ours) < timedelta(minutes=3), source


@pytest.mark.parametrize(
    ("day", "degrees"),  # Drik Panchang day pages, New Delhi, "Lahiri Ayanamsha" (via VedaCal's fixtures):
    # the values LAHIRI_J2000 was taken from (their mean); that one constant and the IAU precession
    # reproduce all five, 1995 to 2045. The sankranti moments above are the independent check.
    [(date(1995, 7, 15), 23.801399), (date(2026, 3, 8), 24.229558), (date(2026, 6, 21), 24.233573),
     (date(2026, 12, 21), 24.240576), (date(2045, 1, 15), 24.493046)],
)  # fmt: skip
def test_the_ayanamsa_is_the_one_drik_panchang_prints(day: date, degrees: float) -> None:
    jd = 2451545.0 + (day - date(2000, 1, 1)).days  # noon; the value moves 0.14" a day
    assert abs(sky.ayanamsa(jd) - degrees) * 3600 < 1.0


def test_the_2020_editors_dates_agree_with_the_rules(rules: dict[str, object]) -> None:
    """data/years/2020.yaml carries dates researched from published calendars before the rules
    existed (each with its source there): every one of a lunisolar holiday is what its rule gives."""
    from kalender.yeardata import load_year

    catalogue = load_catalogue(DATA)
    overrides = load_year(DATA, 2020, catalogue).overrides
    lunisolar_kinds = (Tithi, FullMoon, *(type(r) for r in rules.values() if type(r).__module__.endswith("lunisolar")))
    checked = 0
    for holiday_id, entries in overrides.items():
        rule = rules.get(holiday_id)
        if isinstance(rule, lunisolar_kinds):
            assert rule.dates(2020) == [e.date for e in entries], holiday_id  # type: ignore[attr-defined]
            checked += 1
    assert checked >= 18


@pytest.mark.parametrize(
    ("year", "begins", "ends"),
    [  # Drik Panchang (New Delhi) as quoted by the Indian Express (2019) and India.com (2022)
        (2019, datetime(2019, 10, 7, 17, 26), datetime(2019, 10, 8, 20, 13)),
        (2022, datetime(2022, 10, 4, 22, 51), datetime(2022, 10, 5, 21, 15)),
    ],
)
def test_shravana_nakshatra_published_moments(year: int, begins: datetime, ends: datetime) -> None:
    ist = timedelta(hours=5, minutes=30)
    shravana = 21  # the 22nd mansion, 280° to 293°20' of Lahiri longitude

    def nearest(level: int, published: datetime) -> timedelta:
        moments = [_moment(t) + ist for t, k in sky.almanac(year).nakshatras if k == level]
        return min(abs(m - published.replace(tzinfo=UTC)) for m in moments)

    assert nearest(shravana, begins) < timedelta(minutes=3)
    assert nearest(shravana + 1, ends) < timedelta(minutes=3)


def test_nothing_is_fetched_from_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ephemeris and the time scale come with the installed packages: with every socket
    refused and nothing cached, a year is still computed."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setenv("KALENDER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    sky._sky.cache_clear()
    sky._remembered.cache_clear()
    try:
        assert Tithi("ashvina", 30, "sunset").dates(2031) == [date(2031, 11, 14)]  # Diwali, as the table
    finally:
        sky._sky.cache_clear()
        sky._remembered.cache_clear()


def test_a_year_needs_only_its_own_sky(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Navaratri (Ashvina, 9 days) cannot reach into the next year, nor Holi's day after: computing
    a year's holidays computes that year's almanac only (the build's first run pays for one)."""
    from kalender.compute import compute_holidays

    assert not Tithi("ashvina", 1, "sunrise").may_cross_new_year()
    assert Tithi("pausha", 15, "sunrise").may_cross_new_year()
    monkeypatch.setenv("KALENDER_CACHE", str(tmp_path / "cache"))
    sky._remembered.cache_clear()
    compute_holidays(load_catalogue(DATA), 2018)
    assert sky._remembered.cache_info().misses == 1
    sky._remembered.cache_clear()


def test_a_tithi_in_the_madhyahna_of_two_days_or_of_none_is_kept_on_the_second() -> None:
    """Dharmasindhu's rule for Rama Navami, on made-up tithis around 13 and 14 April 2008 in
    New Delhi: the madhyahna is the third fifth of daylight (about 11:05 to 13:38 IST)."""
    from kalender.calendars import lunisolar

    delhi, first, second = lunisolar.PLACES["new_delhi"], date(2008, 4, 13), date(2008, 4, 14)

    def at(day: date, hhmm: str) -> float:  # JD (UT) of a time in IST
        hours, minutes = map(int, hhmm.split(":"))
        return 2451545.0 + (day - date(2000, 1, 1)).days - 0.5 + (hours - 5.5 + minutes / 60) / 24

    def kept(begin: float, end: float) -> date:
        return lunisolar._touched_day(begin, end, "madhyahna", delhi)

    assert kept(at(first, "11:25"), at(second, "10:38")) == first  # only the first day's
    assert kept(at(first, "09:19"), at(second, "11:39")) == second  # both: the second
    assert kept(at(first, "14:00"), at(second, "10:30")) == second  # none: the day it ends
    assert kept(at(first, "05:00"), at(first, "23:30")) == first


# Adhika (leap) months as published: hindupad.com's list of Adhika Masam years 2015-2053
# (http://hindupad.com/adhik-maas-in-2012-2015-2018-2023-2026-next-adhika-masam/; its line for
# 2018 names Ashvina, which is 2020's), the 2018, 2020 and 2026 months with their first and last
# days: hindupad.com/tag/mal-maas ("Mal Maas 2018 begins on May 16 and ends on June 13"),
# bhaktibharat.com/amp/en/blogs/adhik-maas (2020: 18 September - 16 October, Ashwin),
# patrika.com (2026: Jyeshtha, 17 May - 15 June).
ADHIKA = {2015: "ashadha", 2018: "jyeshtha", 2020: "ashvina", 2023: "shravana", 2026: "jyeshtha",
          2029: "chaitra", 2031: "bhadrapada", 2034: "ashadha", 2037: "jyeshtha", 2039: "ashvina",
          2042: "shravana", 2045: "jyeshtha", 2048: "chaitra", 2050: "bhadrapada"}  # fmt: skip
ADHIKA_DAYS = {2018: (date(2018, 5, 16), date(2018, 6, 13)), 2020: (date(2020, 9, 18), date(2020, 10, 16)),
               2026: (date(2026, 5, 17), date(2026, 6, 15))}  # fmt: skip


def test_leap_months_are_the_published_ones() -> None:
    from kalender.calendars import lunisolar

    delhi = lunisolar.PLACES["new_delhi"]
    for year in range(2015, 2051):
        leap = [m for m in lunisolar.hindu_months(year) if m.leap and lunisolar._civil_date(m.start, 5.5).year == year]
        assert [m.name for m in leap] == ([ADHIKA[year]] if year in ADHIKA else []), year
        if year in ADHIKA_DAYS:  # a Hindu day runs from sunrise: the first and last sunrise in the month
            start = lunisolar._civil_date(leap[0].start, 5.5)
            first = start if lunisolar._sun_event(start, delhi, "sunrise") > leap[0].start else start + timedelta(days=1)
            end = lunisolar._civil_date(leap[0].end, 5.5)
            last = end if lunisolar._sun_event(end, delhi, "sunrise") < leap[0].end else end - timedelta(days=1)
            assert (first, last) == ADHIKA_DAYS[year]

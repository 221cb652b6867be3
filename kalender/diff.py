"""`kalender diff A B`: what changed between two years' calendars, the page an editor reads
before sign-off: settings, holidays added or dropped, holidays that moved unlike the others of
their calendar, announced dates, and the portraits or photos of each month."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kalender.catalogue import load_catalogue
from kalender.compute import compute_holidays
from kalender.content import MonthContent, load_months, load_settings
from kalender.errors import DataError
from kalender.german import MONTHS, short_date
from kalender.model import Occurrence
from kalender.yeardata import YearData, load_year


@dataclass(frozen=True)
class Section:
    title: str
    lines: list[str]


def diff_years(first: int, second: int, data_dir: Path) -> list[Section]:
    catalogue = load_catalogue(data_dir)
    years = [load_year(data_dir, y, catalogue) for y in (first, second)]
    holidays = [compute_holidays(catalogue, y.year, y) for y in years]
    starts = [_starts(h.occurrences, y.year) for h, y in zip(holidays, years, strict=True)]
    sections = [Section("Einstellungen", _settings(*years))]
    sections.append(Section("Feiertage", _holidays(starts[0], starts[1], catalogue, years[1])))
    sections.append(Section("Monate", _months(data_dir, years)))
    return sections


def _starts(occurrences: tuple[Occurrence, ...], year: int) -> dict[str, Occurrence]:
    """The first occurrence of each holiday that starts in `year`."""
    found: dict[str, Occurrence] = {}
    for o in occurrences:
        if o.start.year == year:
            found.setdefault(o.id, o)
    return found


def _settings(a: YearData, b: YearData) -> list[str]:
    lines = []
    for label, attribute in (("Motto", "motto"), ("Vorlage", "template"), ("Monatsinhalt", "content"),
                             ("jüdische Festlängen", "jewish_custom")):  # fmt: skip
        old, new = getattr(a, attribute), getattr(b, attribute)
        if old != new:
            lines.append(f"{label}: „{old}“ → „{new}“")
    for hid in sorted(b.omit - a.omit):
        lines.append(f"neu weggelassen: {hid}")
    for hid in sorted(a.omit - b.omit):
        lines.append(f"nicht mehr weggelassen: {hid}")
    return lines or ["unverändert"]


def _holidays(a: dict[str, Occurrence], b: dict[str, Occurrence], catalogue, year_b: YearData) -> list[str]:  # type: ignore[no-untyped-def]
    names = {h.id: h.name for h in catalogue.holidays}
    lines = [f"neu: {names[h]} ({short_date(b[h].start)})" for h in b if h not in a]
    lines += [f"entfällt: {names[h]} (zuletzt {short_date(a[h].start)})" for h in a if h not in b]
    shifts = {h: _shift(a[h].start, b[h].start) for h in a if h in b}
    by_kind: dict[str, list[int]] = {}
    for h, shift in shifts.items():
        by_kind.setdefault(_kind(b[h]), []).append(shift)
    usual = {kind: Counter(values).most_common(1)[0][0] for kind, values in by_kind.items()}
    for h, shift in shifts.items():
        kind = _kind(b[h])
        if not _usual(kind, shift, usual[kind], len(by_kind[kind])):
            lines.append(f"ungewöhnlich verschoben: {names[h]} {short_date(a[h].start)} → {short_date(b[h].start)} "
                         f"({shift:+d} Tage gegenüber dem Kalenderdatum; die anderen Feste dieser Art: "
                         f"{usual[kind]:+d}){_LEAP.get(kind, '')} – bitte prüfen")  # fmt: skip
    for h, occurrence in b.items():
        if h in year_b.overrides:
            source = occurrence.source if len(occurrence.source) <= 90 else occurrence.source[:89] + "…"
            lines.append(f"angekündigter Termin: {names[h]} {short_date(occurrence.start)} ({source})")
    return lines or ["keine Auffälligkeiten"]


def _shift(old: date, new: date) -> int:
    """Days `new` lies after the same calendar date as `old` in new's year (Diwali: −11 or +19)."""
    same = date(new.year, old.month, min(old.day, 28 if old.month == 2 else old.day))
    return (new - same).days


_LEAP = {kind: "; ein Schaltmonat des Mondkalenders verschiebt Feste um etwa einen Monat"
         for kind in ("tithi", "hebrew", "lunarnewyear", "dates")}


def _kind(o: Occurrence) -> str:
    """Holidays of one rule kind move together from year to year (Islamic ones 11 days earlier)."""
    rule = o.holiday.rule
    return type(rule).__name__.lower() if rule is not None else "dates"


def _usual(kind: str, shift: int, usual: int, count: int) -> bool:
    if kind in ("fixed", "julian"):
        return shift == 0
    if kind in ("weekday", "persian", "bahai", "sankranti"):  # a weekday rule moves within the week
        return abs(shift) <= (6 if kind == "weekday" else 1)
    return count < 2 or abs(shift - usual) <= 1


def _months(data_dir: Path, years: list[YearData]) -> list[str]:
    towns = load_settings(data_dir).towns
    contents: list[dict[int, MonthContent] | None] = []
    lines = []
    for y in years:
        try:
            months, _ = load_months(data_dir, y.year, y.content, towns)
            contents.append({m.month: m for m in months})
        except DataError:
            contents.append(None)
            lines.append(f"{y.year}: die Monatsdateien haben Fehler – kalender check {y.year}")
    if None in contents:
        return lines
    old, new = contents
    assert old is not None and new is not None
    for month in range(1, 13):
        before, after = old.get(month), new.get(month)
        if before is None or after is None:
            continue
        if (before.label, before.town) == (after.label, after.town):
            changed = "Text geändert" if before.text != after.text else "unverändert"
            lines.append(f"{MONTHS[month - 1]}: {_who(after)} – {changed}")
        else:
            lines.append(f"{MONTHS[month - 1]}: {_who(before)} → {_who(after)}")
    return lines


def _who(content: MonthContent) -> str:
    return f"{content.name} ({content.town})" if content.name and content.town else content.label

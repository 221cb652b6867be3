"""Write computed holidays as a table for people, or as CSV, JSON and iCalendar for machines."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from kalender.german import WEEKDAYS_SHORT
from kalender.model import Catalogue, Occurrence

FORMATS = ("table", "csv", "json", "ics")
COLUMNS = (
    "date",
    "end",
    "id",
    "group",
    "name",
    "name_en",
    "evening_before",
    "may_differ",
    "announced",
    "source",
)


def occurrence_record(occurrence: Occurrence) -> dict[str, object]:
    holiday = occurrence.holiday
    return {
        "date": occurrence.start.isoformat(),
        "end": occurrence.end.isoformat(),
        "id": holiday.id,
        "group": holiday.group,
        "name": holiday.name,
        "name_en": holiday.name_en,
        "evening_before": holiday.evening_before,
        "may_differ": holiday.may_differ,
        "announced": occurrence.announced,
        "source": occurrence.source,
    }


def render(fmt: str, occurrences: list[Occurrence], catalogue: Catalogue, title: str) -> str:
    """The text of `occurrences` in format `fmt` (one of FORMATS)."""
    return {"table": _table, "csv": _csv, "json": _json, "ics": _ics}[fmt](occurrences, catalogue, title)


def _table(occurrences: list[Occurrence], catalogue: Catalogue, title: str) -> str:
    rows = []
    for o in occurrences:
        until = "" if o.end == o.start else f"bis {WEEKDAYS_SHORT[o.end.weekday()]} {o.end:%d.%m.%Y}"
        marks = " ".join(
            m
            for m, on in (("V", o.holiday.evening_before), ("±1", o.holiday.may_differ), ("B", o.announced))
            if on
        )
        rows.append(
            (
                f"{o.start:%d.%m.%Y}",
                WEEKDAYS_SHORT[o.start.weekday()],
                until,
                o.holiday.name,
                catalogue.groups[o.holiday.group].name,
                marks,
            )
        )
    header = ("Datum", "Tag", "Dauer", "Name", "Gruppe", "Hinweis")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [title, ""]
    for row in [header, *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    lines += [
        "",
        "V = beginnt am Vorabend · ±1 = Datum kann um einen Tag abweichen · "
        "B = bekanntgegebener/eingetragener Termin",
    ]
    return "\n".join(lines) + "\n"


def _csv(occurrences: list[Occurrence], catalogue: Catalogue, title: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for o in occurrences:
        writer.writerow(
            {k: str(v).lower() if isinstance(v, bool) else v for k, v in occurrence_record(o).items()}
        )
    return out.getvalue()


def _json(occurrences: list[Occurrence], catalogue: Catalogue, title: str) -> str:
    return json.dumps([occurrence_record(o) for o in occurrences], ensure_ascii=False, indent=1) + "\n"


def _ics(occurrences: list[Occurrence], catalogue: Catalogue, title: str) -> str:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Main-Taunus-Kreis//kalender//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for o in occurrences:
        holiday = o.holiday
        event = Event()
        event.add("uid", f"{holiday.id}-{o.start:%Y%m%d}@kalender.main-taunus-kreis.de")
        event.add("dtstamp", stamp)
        event.add("dtstart", o.start)
        event.add("dtend", o.end + timedelta(days=1))  # all-day DTEND is exclusive (RFC 5545 3.6.1)
        event.add("summary", holiday.name)
        notes = [holiday.text]
        if holiday.evening_before:
            notes.append("Beginnt am Vorabend.")
        if holiday.may_differ:
            notes.append("Das Datum kann um einen Tag abweichen.")
        notes.append(f"Quelle: {o.source}")
        event.add("description", " ".join(notes))
        event.add("categories", [catalogue.groups[holiday.group].name])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")

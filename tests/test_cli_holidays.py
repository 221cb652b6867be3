"""`kalender holidays` on the sample data: the table for people, CSV, JSON and iCalendar for
machines, writing to a file, and running as `python -m kalender`."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from tests.conftest import DATA, ROOT, Run

Invoke = Callable[..., Run]

COLUMNS = ("date", "end", "id", "group", "name")


def holidays(run: Invoke, *args: str) -> Run:
    result = run("holidays", *args, "--data", str(DATA))
    assert "Traceback" not in result.err
    return result


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def day(text: str) -> date:
    return date.fromisoformat(text)


# -- table ----------------------------------------------------------------------------------


def test_table_2018(run: Invoke) -> None:
    result = holidays(run, "2018")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "2018" in lines[0]
    header = next(line for line in lines if line.startswith("Datum"))
    for column in ("Datum", "Tag", "Name", "Gruppe", "Hinweis"):
        assert column in header
    rows = [line for line in lines if re.match(r"\d\d\.\d\d\.\d{4}\s", line)]
    assert len(rows) > 50
    starts = [date(int(line[6:10]), int(line[3:5]), int(line[0:2])) for line in rows]
    assert starts == sorted(starts)
    # Easter 2018 fell on 1 April (published Easter tables).
    assert any(line.startswith("01.04.2018") and "Ostersonntag" in line for line in rows)
    # Pesach 5778 began on the evening of 30 March 2018: marked "V" (Vorabend).
    pesach = next(line for line in rows if "Pessach" in line)
    assert pesach.startswith("31.03.2018") and pesach.split()[-1] == "V"
    # Every mark used in the rows is explained in the legend below the table.
    legend = lines[-1]
    for mark in ("V", "±1", "B"):
        assert f"{mark} = " in legend
    assert "Vorabend" in legend


# -- CSV and JSON ---------------------------------------------------------------------------


def test_csv_2018(run: Invoke) -> None:
    result = holidays(run, "2018", "--format", "csv")
    assert result.code == 0, result.err
    rows = csv_rows(result.out)
    assert rows
    assert set(COLUMNS) <= set(rows[0])
    for row in rows:
        start, end = day(row["date"]), day(row["end"])
        assert start <= end, row
        assert start.year == 2018 or (start.year < 2018 and end.year >= 2018), row
        assert all(row[column] for column in COLUMNS), row
    starts = [row["date"] for row in rows]
    assert starts == sorted(starts)
    # 15 Nisan 5778 = 31 March 2018; outside Israel Pesach lasts eight days.
    pesach = [row for row in rows if row["id"] == "pesach"]
    assert [row["date"] for row in pesach] == ["2018-03-31"]
    assert day(pesach[0]["end"]) == day(pesach[0]["date"]) + timedelta(days=7)


def test_csv_range_2000_2040(run: Invoke) -> None:
    result = holidays(run, "2000-2040", "--format", "csv")
    assert result.code == 0, result.err
    assert "Warnung" in result.err  # holidays with dates only for 2018 have none in most years
    rows = csv_rows(result.out)
    keys = [(row["id"], row["date"]) for row in rows]
    assert len(keys) == len(set(keys)), [k for k, n in Counter(keys).items() if n > 1]
    for row in rows:
        assert day(row["date"]) <= date(2040, 12, 31) and day(row["end"]) >= date(2000, 1, 1), row
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    # Umm al-Qura: 1 Shawwal 1420 = 8 January 2000, 1 Shawwal 1421 = 27 December 2000.
    eid_2000 = [row["date"] for row in rows if row["id"] == "eid_al_fitr" and row["date"].startswith("2000-")]
    assert eid_2000 == ["2000-01-08", "2000-12-27"]
    # 25 Kislev always falls in late November or December: one Chanukka per year, also when it
    # runs over New Year (2005-12-26 … 2006-01-02) and so touches two years of the range.
    chanukka = [row for row in rows if row["id"] == "chanukka"]
    assert sorted(day(row["date"]).year for row in chanukka) == list(range(2000, 2041))
    assert [(row["date"], row["end"]) for row in chanukka if row["date"].startswith("2005-")] == [
        ("2005-12-26", "2006-01-02")
    ]


def _as_csv_text(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value is None else str(value)


def test_json_equals_csv(run: Invoke) -> None:
    for years in ("2018", "2023-2025"):
        from_csv = csv_rows(holidays(run, years, "--format", "csv").out)
        result = holidays(run, years, "--format", "json")
        assert result.code == 0, result.err
        from_json = json.loads(result.out)
        assert [
            {key: _as_csv_text(value) for key, value in record.items()} for record in from_json
        ] == from_csv


# -- iCalendar ------------------------------------------------------------------------------


def test_ics_2018(run: Invoke, tmp_path: Path) -> None:
    rows = csv_rows(holidays(run, "2018", "--format", "csv").out)
    target = tmp_path / "feiertage.ics"
    result = holidays(run, "2018", "--format", "ics", "-o", str(target))
    assert result.code == 0, result.err
    raw = target.read_bytes()
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n"), "jede Zeile endet mit CRLF (RFC 5545 3.1)"

    calendar = Calendar.from_ical(raw)
    assert calendar.get("prodid")
    assert str(calendar.get("version")) == "2.0"
    events = calendar.walk("VEVENT")
    assert len(events) == len(rows)
    uids = [str(event.get("uid")) for event in events]
    assert len(set(uids)) == len(uids)
    seen = []
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and type(end) is date, "ganztägig: DATE, nicht DATE-TIME"
        seen.append((start.isoformat(), (end - timedelta(days=1)).isoformat(), str(event.get("summary"))))
    assert Counter(seen) == Counter((row["date"], row["end"], row["name"]) for row in rows)
    assert b"DTSTART;VALUE=DATE:20180401" in raw


# -- output file and module -----------------------------------------------------------------


def test_output_file(run: Invoke, tmp_path: Path) -> None:
    printed = holidays(run, "2018", "--format", "csv").out
    target = tmp_path / "neu" / "feiertage.csv"
    result = holidays(run, "2018", "--format", "csv", "-o", str(target))
    assert result.code == 0, result.err
    assert result.out == ""
    assert target.read_text(encoding="utf-8") == printed
    note = result.err.strip()
    assert len(note.splitlines()) == 1
    assert str(target) in note and "geschrieben" in note
    assert str(len(csv_rows(printed))) in note


def test_python_m_kalender() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "kalender", "holidays", "2018"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr
    assert "Ostersonntag" in completed.stdout
    assert completed.stdout.splitlines()[0].strip() == "Feiertage 2018"

"""Errors are for people: every bad input ends with exit code 2 and a German message that
names the file, the exact line, what is wrong and what is allowed, and never a traceback.

Most cases write their own group file `data/holidays/testgruppe.yaml` into a copy of the data,
so that the expected line numbers come from text the test wrote, not from the sample data.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import DATA, Run, line_of

Invoke = Callable[..., Run]

# kalender's own rule kinds, as documented in docs/data-format.md (not read from the code).
RULE_KINDS = ("fixed", "julian", "weekday", "easter", "hebrew", "islamic", "persian", "bahai")

GROUP = """\
group:
  id: {group_id}
  name: Testgruppe
  name_en: Test group
  colour: {colour}
  description: Eine Gruppe, die es nur in den Tests gibt.
holidays:
"""

FEAST = """\
  - id: test_feast
    name: Testfest
    name_en: Test feast
    text: Ein Fest, das es nur in den Tests gibt.
    source: Testdaten
    rule: {kind: fixed, month: 2, day: 3}
"""
RULE_LINE = "    rule: {kind: fixed, month: 2, day: 3}\n"

# English words that must not reach an editor (PyYAML, argparse and OS phrases).
_ENGLISH = re.compile(
    r"\b(the|is|are|not|no|expected|found|invalid|error|while|could|cannot|unknown|line|column|"
    r"such|file|directory|exists|denied|permission|usage|argument|arguments|required|choice|"
    r"must|allowed|outside|mapping|scanning|token|Traceback|Exception)\b",
    re.IGNORECASE,
)
_PROBLEM = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>Fehler|Warnung|Hinweis): (?P<message>.*)$"
)


@dataclass
class Reported:
    file: str
    line: int
    severity: str
    message: str


# -- helpers --------------------------------------------------------------------------------


def write_group(
    data: Path,
    holidays: str = FEAST,
    *,
    name: str = "testgruppe",
    group_id: str | None = None,
    colour: str = "[10, 20, 30, 0]",
) -> Path:
    """Write data/holidays/NAME.yaml with a valid group header and the given holiday items."""
    path = data / "holidays" / f"{name}.yaml"
    path.write_text(GROUP.format(group_id=group_id or name, colour=colour) + holidays, encoding="utf-8")
    return path


def write_year(data: Path, year: int, text: str) -> Path:
    path = data / "years" / f"{year}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def reported(err: str) -> list[Reported]:
    found = []
    for text in err.splitlines():
        match = _PROBLEM.match(text)
        if match:
            found.append(Reported(match["file"], int(match["line"]), match["severity"], match["message"]))
    return found


def same_file(shown: str, suffix: str) -> bool:
    return shown == suffix or shown.endswith("/" + suffix)


def assert_german(message: str, *remove: str) -> None:
    """No English phrase in `message` (quoted values and the given paths are ignored)."""
    for text in remove:
        message = message.replace(text, "")
    message = re.sub(r"'[^']*'", "", message)
    english = _ENGLISH.findall(message)
    assert not english, f"englische Wörter {english} in: {message}"


def assert_clean_failure(result: Run) -> None:
    assert result.code == 2, f"Exit-Code {result.code}, stderr:\n{result.err}"
    assert "Traceback" not in result.err, result.err
    assert result.err.strip(), "keine Meldung auf stderr"


def assert_error(result: Run, file: str, line: int | set[int], *fragments: str) -> str:
    """Exit code 2 and an error `file:line:col: Fehler: …` whose text contains all `fragments`."""
    assert_clean_failure(result)
    lines = {line} if isinstance(line, int) else line
    here = [
        p
        for p in reported(result.err)
        if same_file(p.file, file) and p.line in lines and p.severity == "Fehler"
    ]
    assert here, f"kein Fehler in {file}:{sorted(lines)}; stderr:\n{result.err}"
    matching = [p for p in here if all(fragment in p.message for fragment in fragments)]
    assert matching, (
        f"keine Meldung in {file}:{sorted(lines)} enthält {fragments}; dort steht:\n"
        + "\n".join(p.message for p in here)
    )
    assert_german(matching[0].message)
    return matching[0].message


@pytest.fixture
def holidays_2018(run: Invoke, data_copy: Path) -> Invoke:
    """Run `kalender holidays 2018` on the broken copy of the data."""
    return lambda *extra: run("holidays", "2018", "--data", str(data_copy), *extra)


def test_the_copy_of_the_data_and_the_test_group_are_valid(holidays_2018: Invoke, data_copy: Path) -> None:
    # Guards every case below: only the change a case makes can cause its error.
    write_group(data_copy)
    result = holidays_2018()
    assert result.code == 0, result.err
    assert "Testfest" in result.out


# -- 1. malformed YAML ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "needle", "fragments"),
    [
        pytest.param(
            "    source: Testdaten", "\tsource: Testdaten", "\tsource", ("Tabulator", "Leerzeichen"), id="tab"
        ),
        pytest.param(
            "    name: Testfest",
            '    name: "Testfest',
            '"Testfest',
            ("Anführungszeichen",),
            id="unclosed-quote",
        ),
        pytest.param(
            "    name: Testfest",
            "    name: Testfest: ein Tag",
            "Testfest: ein Tag",
            ("Doppelpunkt", "Anführungszeichen"),
            id="key-value-value",
        ),
        pytest.param("    name: Testfest", "    name: @Testfest", "@Testfest", ("Zeichen", "Anführungszeichen"),
                     id="at-sign"),
        pytest.param("    name: Testfest", "    name: !!python/object:os.system Testfest", "!!python",
                     ("„!!“", "nicht erlaubt"), id="python-tag"),
    ],
)
def test_malformed_yaml(
    holidays_2018: Invoke, data_copy: Path, old: str, new: str, needle: str, fragments: tuple[str, ...]
) -> None:
    path = write_group(data_copy, FEAST.replace(old, new))
    assert_error(holidays_2018(), "holidays/testgruppe.yaml", line_of(path, needle), "YAML", *fragments)


# -- 2.-4. unknown keys, rule kinds and rule fields -------------------------------------------


def test_unknown_key_in_holiday_suggests_the_right_one(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, FEAST.replace("    name: Testfest", "    nmae: Testfest"))
    message = assert_error(
        holidays_2018(),
        "holidays/testgruppe.yaml",
        line_of(path, "nmae:"),
        "'nmae'",
        "meinten Sie 'name'",
        "erlaubt",
    )
    for key in ("name", "name_en", "text", "source", "rule", "dates"):
        assert key in message


def test_unknown_rule_kind_lists_the_allowed_kinds(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, FEAST.replace(RULE_LINE, "    rule: {kind: hijri, month: 10, day: 1}\n"))
    message = assert_error(
        holidays_2018(), "holidays/testgruppe.yaml", line_of(path, "hijri"), "'hijri'", "erlaubt"
    )
    for kind in RULE_KINDS:
        assert kind in message, kind


def test_misspelt_rule_kind_suggests_the_right_one(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, FEAST.replace(RULE_LINE, "    rule: {kind: easte, offset: 1}\n"))
    assert_error(
        holidays_2018(),
        "holidays/testgruppe.yaml",
        line_of(path, "easte,"),
        "'easte'",
        "meinten Sie 'easter'",
        "erlaubt",
    )


def test_misspelt_lunar_month_suggests_the_right_one(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, FEAST.replace(RULE_LINE, "    rule: {kind: tithi, month: kartik, tithi: 15, at: sunrise}\n"))
    assert_error(holidays_2018(), "holidays/testgruppe.yaml", line_of(path, "kartik,"), "'kartik'",
                 "meinten Sie 'kartika'")  # fmt: skip


def test_a_missing_ephemeris_is_a_clear_message(
    run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken installation (de421.bsp gone): one German message, exit 2, no traceback."""
    from kalender.calendars import sky

    monkeypatch.setenv("KALENDER_CACHE", str(tmp_path / "cache"))  # no almanac remembered
    monkeypatch.setattr(sky, "EPHEMERIS", "fehlt.bsp")
    sky._sky.cache_clear()
    sky._remembered.cache_clear()
    try:
        result = run("holidays", "2018", "--data", str(DATA))
    finally:
        sky._sky.cache_clear()
        sky._remembered.cache_clear()
    assert_clean_failure(result)
    assert "skyfield-data" in result.err and "neu installieren" in result.err
    assert result.err.count("Fehler") == 1


def test_unknown_field_in_rule(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, FEAST.replace(RULE_LINE, "    rule: {kind: fixed, month: 2, dya: 3}\n"))
    assert_error(
        holidays_2018(),
        "holidays/testgruppe.yaml",
        line_of(path, "dya"),
        "'dya'",
        "meinten Sie 'day'",
        "erlaubt",
    )


# -- 5. impossible dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "fragments"),
    [
        pytest.param("{kind: fixed, month: 2, day: 30}", ("30", "Februar", "29"), id="fixed-30-february"),
        pytest.param("{kind: julian, month: 4, day: 31}", ("31", "April", "30"), id="julian-31-april"),
        pytest.param(
            "{kind: hebrew, month: 14, day: 1}",
            ("'14'", "erlaubt", "nisan", "tishri", "adar_2"),
            id="hebrew-month-14",
        ),
        pytest.param("{kind: hebrew, month: iyar, day: 30}", ("iyar", "29"), id="hebrew-30-iyar"),
        pytest.param("{kind: islamic, month: 13, day: 1}", ("13", "1 bis 12"), id="islamic-month-13"),
    ],
)
def test_impossible_rule_date(
    holidays_2018: Invoke, data_copy: Path, rule: str, fragments: tuple[str, ...]
) -> None:
    path = write_group(data_copy, FEAST.replace(RULE_LINE, f"    rule: {rule}\n"))
    assert_error(holidays_2018(), "holidays/testgruppe.yaml", line_of(path, rule), *fragments)


def test_impossible_explicit_date_in_holiday_file(holidays_2018: Invoke, data_copy: Path) -> None:
    dates = "    dates:\n      - date: 2018-02-30\n        source: Testquelle\n"
    path = write_group(data_copy, FEAST.replace(RULE_LINE, dates))
    days_in_february = calendar.monthrange(2018, 2)[1]
    assert_error(
        holidays_2018(),
        "holidays/testgruppe.yaml",
        line_of(path, "2018-02-30"),
        "2018-02-30",
        str(days_in_february),
    )


def test_impossible_explicit_date_in_year_file(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_year(
        data_copy, 2018, "overrides:\n  eid_al_fitr:\n    - date: 2018-02-30\n      source: Testquelle\n"
    )
    days_in_february = calendar.monthrange(2018, 2)[1]
    assert_error(
        holidays_2018(), "years/2018.yaml", line_of(path, "2018-02-30"), "2018-02-30", str(days_in_february)
    )


# -- 6.-8. duplicates and missing rules -------------------------------------------------------


def test_duplicate_holiday_id_across_files_names_both_places(holidays_2018: Invoke, data_copy: Path) -> None:
    christian = data_copy / "holidays" / "christian.yaml"
    first = ("holidays/christian.yaml", line_of(christian, "- id: easter"))
    path = write_group(data_copy, FEAST.replace("- id: test_feast", "- id: easter"))
    second = ("holidays/testgruppe.yaml", line_of(path, "- id: easter"))
    result = holidays_2018()
    assert_clean_failure(result)
    named = []
    for here, there in ((first, second), (second, first)):
        for problem in reported(result.err):
            if same_file(problem.file, here[0]) and problem.line == here[1] and "easter" in problem.message:
                if re.search(rf"(^|[\s(/]){re.escape(there[0])}:{there[1]}\b", problem.message):
                    named.append(problem.message)
    assert named, f"keine Meldung nennt beide Stellen {first} und {second}:\n{result.err}"
    assert "doppelt" in named[0]
    assert "einmal" in named[0]


def test_duplicate_yaml_key_in_one_mapping(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(
        data_copy,
        FEAST.replace("    source: Testdaten\n", "    source: Testdaten\n    name: Noch ein Name\n"),
    )
    assert_error(
        holidays_2018(), "holidays/testgruppe.yaml", line_of(path, "Noch ein Name"), "'name'", "doppelt"
    )


def test_holiday_without_rule_and_dates(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, FEAST.replace(RULE_LINE, ""))
    assert_error(
        holidays_2018(),
        "holidays/testgruppe.yaml",
        line_of(path, "- id: test_feast"),
        "'rule'",
        "'dates'",
        "weder",
    )


# -- 9.-10. no date for the requested year ----------------------------------------------------

ONLY_2018 = FEAST.replace(RULE_LINE, "    dates:\n      - date: 2018-11-07\n        source: Testquelle\n")


def test_holiday_with_dates_but_none_in_the_year(run: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, ONLY_2018)
    result = run("holidays", "2019", "--data", str(data_copy))
    assert_error(
        result,
        "holidays/testgruppe.yaml",
        line_of(path, "- id: test_feast"),
        "Testfest",
        "test_feast",
        "2019",
        "years/2019.yaml",
    )
    assert "--skip-missing" in result.err


def test_skip_missing_prints_the_table_and_warns(run: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, ONLY_2018)
    result = run("holidays", "2019", "--data", str(data_copy), "--skip-missing")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    assert "Feiertage 2019" in result.out and "Datum" in result.out
    assert "Testfest" not in result.out
    warnings = [p for p in reported(result.err) if p.severity == "Warnung" and "test_feast" in p.message]
    assert warnings, result.err
    assert same_file(warnings[0].file, "holidays/testgruppe.yaml")
    assert warnings[0].line == line_of(path, "- id: test_feast")
    assert not [p for p in reported(result.err) if p.severity == "Fehler"]
    assert_german(warnings[0].message)


@pytest.mark.parametrize(
    ("year", "rule", "fragments"),
    [
        pytest.param(
            "2090", "{kind: islamic, month: 10, day: 1}", ("2090", "2076", "Umm"), id="umm-al-qura-2090"
        ),
        pytest.param("1500", "{kind: easter, offset: 1}", ("1500", "1583", "Oster"), id="easter-1500"),
        pytest.param(
            "2060", "{kind: tithi, month: ashvina, tithi: 30, at: sunset}", ("2060", "1901 bis 2052", "DE421"),
            id="ephemeris-2060",
        ),
    ],
)
def test_year_outside_the_calendar_range(
    run: Invoke, data_copy: Path, year: str, rule: str, fragments: tuple[str, ...]
) -> None:
    path = write_group(data_copy, FEAST.replace(RULE_LINE, f"    rule: {rule}\n"))
    result = run("holidays", year, "--data", str(data_copy))
    # The holiday's first line or its rule line: both point the editor at the right place.
    lines = {line_of(path, "- id: test_feast"), line_of(path, rule)}
    assert_error(result, "holidays/testgruppe.yaml", lines, "Testfest", f"years/{year}.yaml", *fragments)


# -- 11. year files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "fragments"),
    [
        pytest.param(
            "overides:\n  eid_al_fitr:\n    - {date: 2018-06-15, source: Testquelle}\n",
            "overides",
            ("'overides'", "meinten Sie 'overrides'", "erlaubt"),
            id="unknown-top-level-key",
        ),
        pytest.param(
            "overrides:\n  eid_al_fitt:\n    - {date: 2018-06-15, source: Testquelle}\n",
            "eid_al_fitt",
            ("'eid_al_fitt'", "meinten Sie 'eid_al_fitr'"),
            id="unknown-holiday-id",
        ),
        pytest.param(
            "overrides:\n  eid_al_fitr:\n    - date: 2019-06-04\n      source: Testquelle\n",
            "2019-06-04",
            ("2019-06-04", "2018"),
            id="date-outside-the-year",
        ),
        pytest.param("year: 2019\n", "year: 2019", ("2018", "2019"), id="wrong-year"),
    ],
)
def test_year_file_error(
    holidays_2018: Invoke, data_copy: Path, text: str, needle: str, fragments: tuple[str, ...]
) -> None:
    path = write_year(data_copy, 2018, text)
    assert_error(holidays_2018(), "years/2018.yaml", line_of(path, needle), *fragments)


# -- 12. group files --------------------------------------------------------------------------


def test_group_id_must_match_the_file_name(holidays_2018: Invoke, data_copy: Path) -> None:
    path = write_group(data_copy, group_id="testgruppen")
    assert_error(
        holidays_2018(),
        "holidays/testgruppe.yaml",
        line_of(path, "id: testgruppen"),
        "'testgruppen'",
        "testgruppe.yaml",
    )


@pytest.mark.parametrize(
    ("colour", "fragments"),
    [
        pytest.param("[10, 20, 30]", ("vier", "0 bis 100"), id="three-values"),
        pytest.param("[120, 20, 30, 0]", ("120", "0 bis 100"), id="value-120"),
    ],
)
def test_group_colour_must_be_four_percentages(
    holidays_2018: Invoke, data_copy: Path, colour: str, fragments: tuple[str, ...]
) -> None:
    path = write_group(data_copy, colour=colour)
    assert_error(holidays_2018(), "holidays/testgruppe.yaml", line_of(path, "colour:"), "colour", *fragments)


# -- all problems at once ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_change", "first_fragment"),
    [
        pytest.param(("    source: Testdaten", "\tsource: Testdaten"), "Tabulator", id="syntax-and-schema"),
        pytest.param(
            (RULE_LINE, "    rule: {kind: hijri, month: 10, day: 1}\n"), "hijri", id="schema-and-schema"
        ),
    ],
)
def test_problems_in_two_files_are_reported_together(
    holidays_2018: Invoke, data_copy: Path, first_change: tuple[str, str], first_fragment: str
) -> None:
    first = write_group(data_copy, FEAST.replace(*first_change), name="testgruppe_a")
    second = write_group(
        data_copy,
        FEAST.replace("- id: test_feast", "- id: test_feast_b").replace(
            "    name: Testfest", "    nmae: Testfest"
        ),
        name="testgruppe_b",
    )
    result = holidays_2018()
    first_line = line_of(first, first_change[1].strip())
    assert_error(result, "holidays/testgruppe_a.yaml", first_line, first_fragment)
    assert_error(result, "holidays/testgruppe_b.yaml", line_of(second, "nmae:"), "meinten Sie 'name'")
    # Sorted by file and line, so that the editor can work through them from the top.
    places = [(p.file, p.line) for p in reported(result.err) if p.severity == "Fehler"]
    assert places == sorted(places)


# -- 13. command line usage -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        pytest.param(("holidays", "abc"), ("'abc'", "kein Jahr", "2000-2040"), id="not-a-year"),
        pytest.param(("holidays", "2040-2000"), ("2040-2000", "Bereich"), id="reversed-range"),
        pytest.param(
            ("holidays", "2018", "--format", "pdf"),
            ("'pdf'", "csv", "ics", "json", "table"),
            id="unknown-format",
        ),
    ],
)
def test_command_line_usage_error(run: Invoke, args: tuple[str, ...], fragments: tuple[str, ...]) -> None:
    result = run(*args)
    assert_clean_failure(result)
    assert "Fehler" in result.err
    for fragment in fragments:
        assert fragment in result.err, fragment
    assert_german(result.err.replace("--help", "").replace("--format", ""))
    assert not result.out


# -- 14. output files -------------------------------------------------------------------------


def test_output_into_a_path_that_cannot_be_written(run: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "keinordner"
    blocker.write_text("eine Datei, kein Ordner\n", encoding="utf-8")
    target = blocker / "feiertage.csv"
    result = run("holidays", "2018", "--format", "csv", "--data", str(DATA), "-o", str(target))
    assert_clean_failure(result)
    assert "Fehler" in result.err
    assert str(target) in result.err or str(blocker) in result.err
    assert_german(result.err, str(target), str(blocker))
    assert blocker.read_text(encoding="utf-8") == "eine Datei, kein Ordner\n"


@pytest.mark.parametrize(
    ("year", "break_data"),
    [
        pytest.param("2018", True, id="data-error"),
        pytest.param("2019", False, id="missing-date"),
    ],
)
def test_failed_run_keeps_the_existing_output_file(
    run: Invoke, data_copy: Path, tmp_path: Path, year: str, break_data: bool
) -> None:
    write_group(
        data_copy,
        FEAST.replace(RULE_LINE, "    rule: {kind: hijri, month: 1, day: 1}\n") if break_data else ONLY_2018,
    )
    out_dir = tmp_path / "ausgabe"
    out_dir.mkdir()
    target = out_dir / "feiertage.csv"
    target.write_text("date,end\n2018-01-01,2018-01-01\n", encoding="utf-8")
    result = run("holidays", year, "--format", "csv", "--data", str(data_copy), "-o", str(target))
    assert_clean_failure(result)
    assert target.read_text(encoding="utf-8") == "date,end\n2018-01-01,2018-01-01\n"
    assert [p.name for p in out_dir.iterdir()] == ["feiertage.csv"], "Reste einer Zwischendatei"

"""`kalender check YEAR`: every problem of a year at once, sorted by file and line, exit codes
0 / 1 (--strict with warnings) / 2 (errors), and a JSON report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from tests.conftest import DATA, Run, line_of

LINE = re.compile(r"^(?P<file>[^:]+):(?:(?P<line>\d+):(?P<col>\d+): )?\s*(?P<severity>Fehler|Warnung|Hinweis): (?P<message>.*)$")
PORTRAITS = Path("portraits/2018")


def problems(out: str) -> list[tuple[str, int, str, str]]:
    found = []
    for text in out.splitlines():
        match = LINE.match(text)
        if match:
            found.append((match["file"], int(match["line"] or 0), match["severity"], match["message"]))
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_sample_year_is_ready_to_build(run) -> None:  # type: ignore[no-untyped-def]
    result: Run = run("check", "2018", "--data", str(DATA))
    assert result.code == 0, result.out + result.err
    assert "2018: 0 Fehler" in result.out and "bereit zum Bauen" in result.out
    notes = [p for p in problems(result.out) if p[2] == "Hinweis"]
    assert any("12 Porträts: 6 Frauen, 6 Männer; 12 Orte" in p[3] for p in notes)
    assert any("bitte bestätigen lassen" in p[3] and "Diwali (Deepavali) (7.11.)" in p[3] for p in notes)


def test_no_room_for_the_people_on_the_back_page_is_a_note(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    settings = data_copy / "settings.yaml"
    long = " ".join(["Herausgeber und Gestaltung nach den Vorgaben des Kreises."] * 45)
    edit(settings, "imprint: >-\n", f"imprint: >-\n  {long}\n")
    result: Run = run("check", "2018", "--data", str(data_copy))
    assert result.code == 0, result.out + result.err
    line = line_of(settings, "imprint:")
    notes = [p for p in problems(result.out) if "kein Platz für die Übersicht der Menschen" in p[3]]
    assert [(p[0], p[1], p[2]) for p in notes] == [(str(settings), line, "Hinweis")], result.out


def test_every_problem_at_once_with_file_and_line(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    folder = data_copy / PORTRAITS
    edit(folder / "02-februar.yaml", "town:", "twon:")
    edit(folder / "03-maerz.yaml", "text: >-\n", "text: >-\n  " + "Ein sehr langer Satz. " * 50 + "\n")
    edit(folder / "04-april.yaml", "text: >-\n", "text: >-\n  " + "Noch ein langer Satz. " * 45 + "\n")
    edit(folder / "05-mai.yaml", "focus: [0.5, 0.38]", "focus: [0.02, 0.98]")
    small = folder / "06-juni.jpg"
    small.unlink()  # a link to the sample photo: replace it by a small copy
    Image.open(DATA / PORTRAITS / "06-juni.jpg").resize((600, 675)).save(small, quality=90)
    edit(folder / "07-juli.yaml", "consent:\n  given: true", "consent:\n  given: false")

    result: Run = run("check", "2018", "--data", str(data_copy))
    assert result.code == 2
    assert "Traceback" not in result.err
    found = problems(result.out)
    assert [(f, n) for f, n, _, _ in found] == sorted((f, n) for f, n, _, _ in found)  # sorted by file, line

    def one(name: str, needle: str, severity: str, *fragments: str) -> None:
        path = folder / name
        line = line_of(path, needle)
        hits = [p for p in found if p[0].endswith(name) and p[1] == line and p[2] == severity]
        assert hits, (name, line, found)
        assert all(f in hits[0][3] for f in fragments), hits[0][3]

    one("02-februar.yaml", "twon:", "Fehler", "'twon'", "meinten Sie 'town'")
    length = len(" ".join(yaml.safe_load((folder / "03-maerz.yaml").read_text(encoding="utf-8"))["text"].split()))
    one("03-maerz.yaml", "text:", "Fehler", "zu lang", "Zeichen kürzen", f"jetzt {length} Zeichen")
    one("04-april.yaml", "text:", "Fehler", "zu lang", "Zeichen kürzen")
    one("05-mai.yaml", "focus:", "Warnung", "focus [0.02, 0.98]", "am Rand")
    one("06-juni.yaml", "photo:", "Fehler", "06-juni.jpg", "nur 84 ppi", "mindestens 150 ppi")
    one("07-juli.yaml", "given: false", "Fehler", "Einverständnis")
    assert re.search(r"2018: 5 Fehler, \d+ Warnungen", result.out)


def test_warnings_fail_only_with_strict(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    edit(data_copy / PORTRAITS / "05-mai.yaml", "focus: [0.5, 0.38]", "focus: [0.02, 0.98]")
    assert run("check", "2018", "--data", str(data_copy)).code == 0
    strict: Run = run("check", "2018", "--data", str(data_copy), "--strict")
    assert strict.code == 1 and "0 Fehler" in strict.out


def test_a_low_resolution_photo_is_a_warning_between_150_and_300_ppi(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    photo = data_copy / PORTRAITS / "08-august.jpg"
    photo.unlink()
    with Image.open(DATA / PORTRAITS / "08-august.jpg") as original:  # 2400 px wide: about 336 ppi
        original.resize((1600, 1800)).save(photo, quality=90, icc_profile=original.info.get("icc_profile"))
    result: Run = run("check", "2018", "--data", str(data_copy))
    assert result.code == 0
    [hit] = [p for p in problems(result.out) if p[0].endswith("08-august.yaml")]
    assert hit[2] == "Warnung" and re.search(r"nur 22\d ppi", hit[3]) and "300 ppi empfohlen" in hit[3]


def test_a_new_year_without_dates_and_portraits(run) -> None:  # type: ignore[no-untyped-def]
    """2019 has no year file and no portraits yet; Asalha Puja and Losar have dates for 2018 only."""
    result: Run = run("check", "2019", "--data", str(DATA))
    assert result.code == 2
    found = problems(result.out)
    for holiday_id, name in (("asalha_puja", "Asalha Puja"), ("losar", "Losar")):
        line = line_of(DATA / "holidays" / "buddhist.yaml", f"- id: {holiday_id}")
        assert any(f.endswith("buddhist.yaml") and n == line and s == "Fehler" and name in m and "für 2019 keinen Termin"
                   in m and "data/years/2019.yaml" in m for f, n, s, m in found), found  # fmt: skip
    assert any(f.endswith("portraits/2019") and "keine Monatsdateien" in m for f, _, _, m in found)


def test_json_report(run) -> None:  # type: ignore[no-untyped-def]
    result: Run = run("check", "2018", "--data", str(DATA), "--json")
    report = json.loads(result.out)
    assert report["year"] == 2018
    assert {p["severity"] for p in report["problems"]} <= {"Fehler", "Warnung", "Hinweis"}
    assert all(set(p) == {"file", "line", "column", "severity", "message"} for p in report["problems"])


@pytest.mark.parametrize("year", ["2020"])
def test_the_photo_edition_checks_too(run, year: str) -> None:  # type: ignore[no-untyped-def]
    result: Run = run("check", year, "--data", str(DATA))
    assert result.code == 0, result.out


def test_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    from kalender.cli import _progress

    _progress()("Fotos vorbereiten: 1 von 12 …")
    assert capsys.readouterr().err == ""  # not a terminal: quiet
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _progress()("Fotos vorbereiten: 1 von 12 …")
    assert capsys.readouterr().err == "\r\x1b[KFotos vorbereiten: 1 von 12 …"


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "severity", "fragments"),
    [
        pytest.param("02-februar.yaml", "town: Eppstein", "town: Eschborn", "03-maerz.yaml|town: Eschborn", "Fehler",
                     "'Eschborn' kommt schon im Monat 2 vor; jeder der zwölf Orte genau einmal", id="town-twice"),
        pytest.param("02-februar.yaml", "month: 2", "month: 3", "03-maerz.yaml|month: 3", "Fehler",
                     ("Monat 3 ist doppelt belegt", "02-februar.yaml"), id="month-twice"),
        pytest.param("02-februar.yaml", "town: Eppstein", "town: Frankfurt", "town: Frankfurt", "Fehler",
                     ("Frankfurt",), id="unknown-town"),
        pytest.param("02-februar.yaml", "photo_credit:", "# photo_credit:", "month: 2", "Fehler",
                     "Pflichtangabe 'photo_credit' fehlt (Bildnachweis, wie gedruckt); für Porträts bitte ergänzen", id="credit-missing"),
        pytest.param("02-februar.yaml", "photo: 02-februar.jpg", "photo: fehlt.jpg", "photo: fehlt.jpg", "Fehler",
                     ("'fehlt.jpg' nicht gefunden",), id="photo-missing"),
        pytest.param("02-februar.yaml", "gender: male", "gender: female", None, "Warnung",
                     "7 Frauen und 5 Männer porträtiert; vorgesehen sind sechs Frauen und sechs Männer", id="balance"),
        pytest.param("02-februar.yaml", "arrived: 2015", "arrived: 1850", "arrived: 1850", "Fehler",
                     "Monatsinhalt: 'arrived': 1850 liegt nicht im erlaubten Bereich 1900 bis 2100", id="arrived-range"),
    ],
)  # fmt: skip
def test_each_portrait_check(run, data_copy: Path, file: str, old: str, new: str, needle: str | None,  # type: ignore[no-untyped-def]
                             severity: str, fragments: tuple[str, ...] | str) -> None:  # fmt: skip
    """`fragments` as a string is the exact message; a tuple, parts of a message naming a path."""
    path = data_copy / PORTRAITS / file
    edit(path, old, new)
    result: Run = run("check", "2018", "--data", str(data_copy))
    assert result.code == (2 if severity == "Fehler" else 0), result.out
    if needle is None:  # about the folder, not a line
        hits = [p for p in problems(result.out) if p[0].endswith("portraits/2018") and p[2] == severity]
    else:
        at, _, needle = needle.rpartition("|")  # reported in another file: the second of two
        line = line_of(data_copy / PORTRAITS / (at or file), needle)
        hits = [p for p in problems(result.out) if p[0].endswith(at or file) and p[1] == line and p[2] == severity]
    assert hits, result.out
    if isinstance(fragments, str):
        assert fragments in [hit[3] for hit in hits], hits
    else:
        assert any(all(f in hit[3] for f in fragments) for hit in hits), hits

"""Shared fixtures: the project's real data and a way to run the command line in-process."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from kalender.catalogue import load_catalogue
from kalender.cli import main
from kalender.compute import compute_holidays
from kalender.model import Catalogue, Occurrence

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(DATA)


_cache: dict[int, tuple[Occurrence, ...]] = {}


def occurrences(year: int) -> tuple[Occurrence, ...]:
    """The computed occurrences of the sample data for `year` (no year file applied)."""
    if year not in _cache:
        _cache[year] = compute_holidays(load_catalogue(DATA), year).occurrences
    return _cache[year]


def starts(holiday_id: str, year: int) -> list[date]:
    return [o.start for o in occurrences(year) if o.id == holiday_id and o.start.year == year]


def span(holiday_id: str, year: int) -> list[tuple[date, date]]:
    return [(o.start, o.end) for o in occurrences(year) if o.id == holiday_id and o.start.year == year]


def assert_holiday(holiday_id: str, *expected: str) -> None:
    """The holiday starts on exactly these ISO dates in their year."""
    year = date.fromisoformat(expected[0]).year
    assert [d.isoformat() for d in starts(holiday_id, year)] == list(expected), holiday_id


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `kalender ARGS` in-process; a traceback fails the test by propagating."""

    def invoke(*args: str) -> Run:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break it on purpose; photos are linked, not copied."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("*.jpg", "*.jpeg", "*.png"))
    for photo in [*DATA.glob("*/*/*.jpg"), *DATA.glob("*/*/*.png")]:
        (target / photo.relative_to(DATA)).symlink_to(photo)
    return target


@pytest.fixture(scope="session")
def built_2018(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The 2018 sample calendar, built once per test session: (result, pdf path)."""
    from kalender.build import build_calendar

    output = tmp_path_factory.mktemp("build") / "kalender-2018.pdf"
    return build_calendar(2018, DATA, output), output


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the one line of `path` that contains `needle`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [number for number, text in enumerate(lines, start=1) if needle in text]
    assert len(hits) == 1, f"{needle!r} steht {len(hits)}-mal in {path}"
    return hits[0]

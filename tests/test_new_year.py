"""`kalender new YEAR`: next year's files from this year's, nothing overwritten, a to-do list."""

from __future__ import annotations

from pathlib import Path

import yaml

from kalender.catalogue import load_catalogue
from kalender.content import load_settings
from kalender.yeardata import load_year
from tests.conftest import Run


def test_new_year_from_the_last(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    result: Run = run("new", "2019", "--data", str(data_copy))
    assert result.code == 0, result.err
    catalogue = load_catalogue(data_copy)
    old, new = load_year(data_copy, 2018, catalogue), load_year(data_copy, 2019, catalogue)
    assert (new.year, new.motto, new.template, new.content, new.omit) == (2019, old.motto, old.template,
                                                                            old.content, old.omit)  # fmt: skip
    assert new.overrides == {}
    files = sorted((data_copy / "portraits" / "2019").glob("*.yaml"))
    assert [f.name for f in files][:2] == ["01-januar.yaml", "02-februar.yaml"] and len(files) == 12
    towns = [yaml.safe_load(f.read_text(encoding="utf-8"))["town"] for f in files]
    assert sorted(towns) == sorted(load_settings(data_copy).towns)  # each town proposed once
    assert "Asalha Puja" in result.out and "Losar" in result.out  # dates to enter
    assert "kalender check 2019" in result.out


def test_the_skeleton_is_what_check_asks_to_fill(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("new", "2019", "--data", str(data_copy)).code == 0
    check: Run = run("check", "2019", "--data", str(data_copy))
    assert check.code == 2
    assert "01-januar.yaml:5:6: Fehler: Monatsinhalt: 'name' ist noch leer; bitte ausfüllen" in check.out
    assert "12-dezember.yaml" in check.out


def test_nothing_is_overwritten(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    before = (data_copy / "years" / "2018.yaml").read_text(encoding="utf-8")
    result: Run = run("new", "2018", "--from", "2018", "--data", str(data_copy))
    assert result.code == 2 and "gibt es schon" in result.err and "Traceback" not in result.err
    assert (data_copy / "years" / "2018.yaml").read_text(encoding="utf-8") == before


def test_a_missing_source_year_is_explained(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    result: Run = run("new", "2031", "--data", str(data_copy))
    assert result.code == 2 and "2030.yaml gibt es nicht" in result.err and "--from" in result.err

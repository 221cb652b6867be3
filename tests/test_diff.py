"""`kalender diff A B`: settings, holidays added, dropped or moved unlike the others of their
kind, announced dates, and the months' portraits or photos."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA, Run


def sections(out: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for line in out.splitlines()[1:]:
        if line and not line.startswith(" "):
            current = line
            found[current] = []
        elif line.strip():
            found[current].append(line.strip())
    return found


def test_from_the_portrait_year_to_the_photo_year(run) -> None:  # type: ignore[no-untyped-def]
    result: Run = run("diff", "2018", "2020", "--data", str(DATA))
    assert result.code == 0, result.err
    found = sections(result.out)
    assert set(found) == {"Einstellungen", "Feiertage", "Monate"}
    assert "Monatsinhalt: „portraits“ → „photos“" in found["Einstellungen"]
    assert found["Monate"][0].startswith("Januar: Agnieszka Wróbel (Bad Soden am Taunus) → Winter über den Feldern")
    assert any(line.startswith("angekündigter Termin: Diwali (Deepavali) 14.11.") for line in found["Feiertage"])
    # Easter, Islamic and fixed holidays move as their calendars do: none of them is singled out
    moved = [line for line in found["Feiertage"] if line.startswith("ungewöhnlich")]
    assert not [line for line in moved if "Ostern" in line or "Ramadan" in line or "Weihnacht" in line]


def test_an_odd_announced_date_is_singled_out(run, data_copy: Path) -> None:  # type: ignore[no-untyped-def]
    year_file = data_copy / "years" / "2020.yaml"
    text = year_file.read_text(encoding="utf-8")
    year_file.write_text(text.replace("\noverrides:\n", "\noverrides:\n  eid_al_fitr:\n    - date: 2020-06-10\n"
                                      "      source: Test\n", 1), encoding="utf-8")  # fmt: skip
    result: Run = run("diff", "2018", "2020", "--data", str(data_copy))
    moved = [line for line in sections(result.out)["Feiertage"] if line.startswith("ungewöhnlich")]
    assert any("Ramadan-Fest (Eid al-Fitr) 15.6. → 10.6." in line for line in moved), moved


def test_same_year_has_nothing_to_report(run) -> None:  # type: ignore[no-untyped-def]
    found = sections(run("diff", "2018", "2018", "--data", str(DATA)).out)
    assert found["Einstellungen"] == ["unverändert"] and found["Feiertage"] == ["keine Auffälligkeiten"]
    assert all(line.endswith("– unverändert") for line in found["Monate"])

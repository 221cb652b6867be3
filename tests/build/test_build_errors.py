"""Bad input for `kalender build`: a German message with file and line, exit code 2, no
traceback, and the last good PDF left as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PORTRAIT = "portraits/2018/03-maerz.yaml"


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def _replace(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, old
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def _key_line(path: Path, key: str) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(f"{key}:"))


@pytest.fixture
def old_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "out" / "kalender.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-1.3 the last good calendar")
    return path


def _build_fails(run, data: Path, old_pdf: Path, *extra: str):  # type: ignore[no-untyped-def]
    result = run("build", "2018", "--data", str(data), "-o", str(old_pdf), *extra)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    assert old_pdf.read_bytes() == b"%PDF-1.3 the last good calendar"
    assert not [p for p in old_pdf.parent.iterdir() if p.name != old_pdf.name]  # no temporary left
    return result.err


def _assert_at(err: str, file: str, line: int, *phrases: str) -> None:
    assert re.search(rf"{re.escape(file)}:{line}:\d+: Fehler: ", err), err
    for phrase in phrases:
        assert phrase in err, (phrase, err)


def test_missing_photo(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / PORTRAIT
    (data_copy / "portraits/2018/03-maerz.jpg").unlink()
    err = _build_fails(run, data_copy, old_pdf)
    _assert_at(err, PORTRAIT, _line_of(path, "photo:"), "nicht gefunden")


def test_unreadable_photo(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    photo = data_copy / "portraits/2018/03-maerz.jpg"
    photo.unlink()
    photo.write_bytes(b"this is no image")
    err = _build_fails(run, data_copy, old_pdf)
    _assert_at(err, PORTRAIT, _line_of(data_copy / PORTRAIT, "photo:"), "kann nicht gelesen werden")


def test_portrait_without_consent(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / PORTRAIT
    _replace(path, "given: true", "given: false")
    err = _build_fails(run, data_copy, old_pdf)
    _assert_at(err, PORTRAIT, _line_of(path, "consent:") + 1, "Einverständnis")


def test_portrait_without_credit(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / PORTRAIT
    _replace(path, _key_line(path, "photo_credit") + "\n", "")
    err = _build_fails(run, data_copy, old_pdf)
    assert f"{PORTRAIT}:" in err and "'photo_credit' fehlt" in err


def test_month_without_portrait(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    (data_copy / PORTRAIT).unlink()
    err = _build_fails(run, data_copy, old_pdf)
    assert "für Monat 3 fehlt der Inhalt" in err and "03-maerz.yaml" in err


def test_month_with_two_portraits(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / "portraits/2018/04-april.yaml"
    _replace(path, _key_line(path, "month"), "month: 3")
    err = _build_fails(run, data_copy, old_pdf)
    _assert_at(err, "portraits/2018/04-april.yaml", _line_of(path, "month: 3"), "Monat 3 ist doppelt belegt")


def test_unknown_town(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / PORTRAIT
    _replace(path, _key_line(path, "town"), "town: Hofheim am Taunos")
    err = _build_fails(run, data_copy, old_pdf)
    _assert_at(err, PORTRAIT, _line_of(path, "town:"), "meinten Sie 'Hofheim am Taunus'")


def test_overlong_text(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / PORTRAIT
    long_text = "Ein langer Satz über das Ankommen im Main-Taunus-Kreis. " * 40
    content = path.read_text(encoding="utf-8")
    start = content.index("\ntext:")
    end = content.index("\nphoto:")
    path.write_text(content[:start] + f"\ntext: {long_text}" + content[end:], encoding="utf-8")
    err = _build_fails(run, data_copy, old_pdf)
    _assert_at(err, PORTRAIT, _line_of(path, "text:"), "zu lang", "Zeichen kürzen")
    name = _key_line(path, "name").split(":", 1)[1].strip()
    assert name in err


def test_broken_template(run, data_copy: Path, old_pdf: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = Path(__file__).resolve().parents[2]
    template = tmp_path / "templates" / "kaputt.yaml"
    template.parent.mkdir()
    content = (root / "templates/a3.yaml").read_text(encoding="utf-8")
    template.write_text(content.replace("height: 132", "height: 400").replace("day_size: 17", "day_sise: 17"),
                        encoding="utf-8")  # fmt: skip
    (tmp_path / "fonts").symlink_to(root / "fonts")
    err = _build_fails(run, data_copy, old_pdf, "--template", str(template))
    assert "meinten Sie 'day_size'" in err
    assert re.search(r"kaputt.yaml:\d+:\d+: Fehler: ", err)


def test_unknown_template_name(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    err = _build_fails(run, data_copy, old_pdf, "--template", "a5")
    assert "Vorlage 'a5' nicht gefunden" in err and "a3" in err


def test_a_good_build_replaces_the_old_pdf(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("build", "2018", "--data", str(data_copy), "-o", str(old_pdf))
    assert result.code == 0, result.err
    assert old_pdf.read_bytes().startswith(b"%PDF-1.")
    assert "Seiten" in result.out


def test_problems_in_holidays_and_portraits_are_reported_together(run, data_copy: Path, old_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    portrait = data_copy / PORTRAIT
    _replace(portrait, _key_line(portrait, "name"), _key_line(portrait, "name").replace("name:", "nmae:"))
    holidays = data_copy / "holidays/public_hesse.yaml"
    _replace(holidays, "{kind: fixed, month: 5, day: 1}", "{kind: fixed, month: 2, day: 30}")
    err = _build_fails(run, data_copy, old_pdf)
    assert "meinten Sie 'name'" in err and "30. Februar" in err
    assert "für Monat 3 fehlt" not in err  # the broken file names its month; no second, misleading message


def test_a_new_pdf_is_readable_by_others(run, data_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "kalender.pdf"
    assert run("build", "2018", "--data", str(data_copy), "-o", str(output)).code == 0
    assert output.stat().st_mode & 0o044  # not private to the owner, as a temporary file would be


def test_a_rotated_camera_photo_is_laid_out_upright(run, data_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A camera stores a portrait photo lying on its side with EXIF orientation 6 (rotate 90°)."""
    from PIL import Image

    from kalender.build import build_calendar

    photo = data_copy / "portraits/2018/03-maerz.jpg"
    upright = Image.open(photo)
    lying = upright.transpose(Image.Transpose.ROTATE_90)  # what the sensor stored
    exif = Image.Exif()
    exif[0x0112] = 6
    photo.unlink()
    lying.save(photo, quality=90, exif=exif.tobytes())
    result = build_calendar(2018, data_copy, tmp_path / "k.pdf")
    picture = next(i for i in result.pages[3].items if type(i).__name__ == "Picture")
    assert picture.pixels == upright.size  # width < height, as the person stands

"""Bad input for the print edition: photos Pillow reads but print cannot use, a wrong output
profile, a file preflight cannot parse — German messages, exit code 2, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from tests.conftest import ROOT

PORTRAIT = "portraits/2018/03-maerz"


def _photo_line(data: Path) -> int:
    lines = (data / f"{PORTRAIT}.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith("photo:"))


def _replace_photo(data: Path, image: Image.Image, **save: object) -> None:
    photo = data / f"{PORTRAIT}.jpg"
    photo.unlink()
    png = photo.with_suffix(".png")
    image.save(png, **save)
    text = (data / f"{PORTRAIT}.yaml").read_text(encoding="utf-8").replace("03-maerz.jpg", "03-maerz.png")
    (data / f"{PORTRAIT}.yaml").write_text(text, encoding="utf-8")


def test_sixteen_bit_photo_is_refused_with_its_line(run, data_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _replace_photo(data_copy, Image.new("I;16", (2400, 2700), 30000))
    result = run("build", "2018", "--data", str(data_copy), "-o", str(tmp_path / "k.pdf"))
    assert result.code == 2 and "Traceback" not in result.err
    assert re.search(rf"{PORTRAIT}.yaml:{_photo_line(data_copy)}:\d+: Fehler: .*16", result.err), result.err
    assert not (tmp_path / "k.pdf").exists()


def test_greyscale_photo_without_profile_builds_with_a_warning(run, data_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _replace_photo(data_copy, Image.new("L", (2400, 2700), 128))
    result = run("build", "2018", "--data", str(data_copy), "-o", str(tmp_path / "k.pdf"))
    assert result.code == 0, result.err
    assert f"{PORTRAIT}.yaml:{_photo_line(data_copy)}" in result.err and "Warnung" in result.err


def test_low_resolution_photo_is_an_error(run, data_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _replace_photo(data_copy, Image.new("RGB", (500, 560), (200, 120, 80)))
    result = run("build", "2018", "--data", str(data_copy), "-o", str(tmp_path / "k.pdf"))
    assert result.code == 2 and "ppi" in result.err and "Traceback" not in result.err


def _template_with_profile(tmp_path: Path, profile: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (tmp_path / "fonts").symlink_to(ROOT / "fonts")
    text = (ROOT / "templates/a3.yaml").read_text(encoding="utf-8").replace("icc/FOGRA39L_coated.icc", profile)
    (folder / "a3x.yaml").write_text(text, encoding="utf-8")
    return folder / "a3x.yaml"


def test_missing_output_profile(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = _template_with_profile(tmp_path, "icc/fehlt.icc")
    result = run("build", "2018", "--template", str(template), "-o", str(tmp_path / "k.pdf"))
    assert result.code == 2 and "Traceback" not in result.err
    assert re.search(r"a3x.yaml:\d+:\d+: Fehler: Ausgabeprofil .*nicht gefunden", result.err), result.err


def test_rgb_profile_is_not_an_output_profile(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = _template_with_profile(tmp_path, "srgb.icc")
    ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    (tmp_path / "templates/srgb.icc").write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    result = run("build", "2018", "--template", str(template), "-o", str(tmp_path / "k.pdf"))
    assert result.code == 2 and "kein CMYK-Druckprofil" in result.err, result.err


@pytest.mark.parametrize("content", [b"kein PDF", b"%PDF-1.4\n1 0 obj\n<<"])
def test_preflight_of_a_file_that_is_no_pdf(run, tmp_path: Path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "kaputt.pdf"
    path.write_bytes(content)
    result = run("preflight", str(path))
    assert result.code == 2 and "Traceback" not in result.err
    assert "keine lesbare PDF-Datei" in result.err


def test_preflight_report_of_the_print_edition(run, built_2018) -> None:  # type: ignore[no-untyped-def]
    _, path = built_2018
    result = run("preflight", str(path))
    assert result.code == 0, result.out
    assert "druckfertig" in result.out
    as_json = run("preflight", str(path), "--json")
    assert as_json.code == 0 and '"ok": true' in as_json.out

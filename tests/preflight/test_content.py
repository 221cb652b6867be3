"""Content streams written by hand (pikepdf): forms, named colour spaces, raw images, rotated pages."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from pathlib import Path

import pikepdf
import pytest

from kalender.preflight import Settings
from kalender.preflight.checks import CHECKS
from kalender.preflight.checks.safe_zone import _safe_box
from kalender.preflight.document import open_document
from kalender.preflight.objects import MM
from kalender.preflight.report import Finding


def page_pdf(path: Path, content: bytes, resources: Mapping[str, object], rotate: int = 0) -> Path:
    """One 200 × 200 pt page with `content`; `resources` built inside the same Pdf by the caller."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    page.obj.TrimBox = pikepdf.Array([10, 10, 190, 190])
    page.obj.BleedBox = pikepdf.Array([0, 0, 200, 200])
    page.obj.Rotate = rotate
    page.obj.Contents = pdf.make_stream(content)
    page.obj.Resources = pikepdf.Dictionary({k: _make(pdf, v) for k, v in resources.items()})
    pdf.save(path)
    return path


def _make(pdf: pikepdf.Pdf, value: object) -> object:
    return value(pdf) if callable(value) else value


def run_check(path: Path, check: str) -> list[Finding]:
    doc = open_document(path)
    try:
        return CHECKS[check](doc, Settings())
    finally:
        doc.close()


def cmyk_image(pdf: pikepdf.Pdf, pixels: bytes, width: int, height: int, **extra: object) -> pikepdf.Stream:
    image = pdf.make_stream(zlib.compress(pixels))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = width, height, 8
    image.ColorSpace = pikepdf.Name.DeviceCMYK
    image.Filter = pikepdf.Name.FlateDecode
    for key, value in extra.items():
        image[f"/{key}"] = value
    return image


def test_image_in_nested_form_uses_the_form_matrix(tmp_path: Path) -> None:
    def xobjects(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
        image = cmyk_image(pdf, bytes(4 * 200 * 100), 200, 100)
        form = pdf.make_stream(b"q 100 0 0 50 0 0 cm /Im0 Do Q")
        form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        form.BBox, form.Matrix = [0, 0, 100, 100], [2, 0, 0, 2, 0, 0]
        form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        return pikepdf.Dictionary(Fm0=form)

    # The page turns the form by 90° and halves it, the form doubles: the 200 × 100 px image is placed
    # 100 × 50 pt, 144 ppi both ways. Matrices multiplied in the wrong order give 288 × 72 ppi.
    path = page_pdf(tmp_path / "form.pdf", b"q 0 0.5 -0.5 0 150 20 cm /Fm0 Do Q", {"/XObject": xobjects})
    (finding,) = run_check(path, "image_resolution")
    assert finding.severity == "Fehler" and "144 ppi" in finding.message and "Im0" in finding.message
    assert "200 × 100 Pixel, 35 × 18 mm" in finding.message


def test_flate_cmyk_image_ink_ignores_a_few_noisy_pixels(tmp_path: Path) -> None:
    # 100 × 100 pixels at C50 M50 Y50 K50 (200 %), one pixel at 400 %: the top 0.01 % is noise
    pixels = bytearray(bytes([128, 128, 128, 128]) * 10000)
    pixels[0:4] = bytes([255, 255, 255, 255])
    path = page_pdf(
        tmp_path / "flate.pdf",
        b"q 20 0 0 20 20 20 cm /Im0 Do Q",
        {"/XObject": lambda pdf: pikepdf.Dictionary(Im0=cmyk_image(pdf, bytes(pixels), 100, 100))},
    )
    (finding,) = run_check(path, "ink")
    assert finding.severity == "OK" and "höchster Farbauftrag 201 %" in finding.message


def test_inverted_decode_array_of_a_flate_image(tmp_path: Path) -> None:
    inverted = pikepdf.Array([1, 0] * 4)
    path = page_pdf(
        tmp_path / "decode.pdf",
        b"q 20 0 0 20 20 20 cm /Im0 Do Q",
        {
            "/XObject": lambda pdf: pikepdf.Dictionary(
                Im0=cmyk_image(pdf, bytes(4 * 64), 8, 8, Decode=inverted)
            )
        },
    )
    (finding,) = run_check(path, "ink")
    assert finding.severity == "Fehler" and "400 %" in finding.message


def test_named_colour_spaces_are_resolved(tmp_path: Path) -> None:
    def spaces(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
        icc = pdf.make_stream(b"\0" * 128)
        icc.N = 3
        tint = pdf.make_stream(b"{0 0 0 4 -1 roll}")
        tint.FunctionType, tint.Domain, tint.Range = 4, [0, 1], [0, 1] * 4
        hks = pikepdf.Array(
            [pikepdf.Name.Separation, pikepdf.Name("/HKS 43 K"), pikepdf.Name.DeviceCMYK, tint]
        )
        return pikepdf.Dictionary(CS0=pikepdf.Array([pikepdf.Name.ICCBased, icc]), CS1=hks)

    content = b"/CS0 cs 1 0 0 sc 10 10 50 50 re f /CS1 cs 1 scn 60 60 50 50 re f"
    path = page_pdf(tmp_path / "spaces.pdf", content, {"/ColorSpace": spaces})
    findings = {f.severity: f.message for f in run_check(path, "colour_spaces")}
    assert "ICCBased (RGB)" in findings["Fehler"] and "Fläche" in findings["Fehler"]
    assert "Sonderfarbe „HKS 43 K“" in findings["Warnung"]


def test_rgb_black_text_is_an_error(tmp_path: Path) -> None:
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    content = b"0 0 0 rg BT /F1 12 Tf 40 100 Td (Feiertage) Tj ET"
    path = page_pdf(tmp_path / "rgbtext.pdf", content, {"/Font": pikepdf.Dictionary(F1=font)})
    (finding,) = run_check(path, "black_text")
    assert finding.severity == "Fehler"
    assert "RGB (R0 G0 B0" in finding.message and "bitte 100 % K" in finding.message
    assert "„Feiertage“" in finding.message


def test_white_text_set_to_overprint_disappears(tmp_path: Path) -> None:
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    state = pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, op=True, OPM=1)
    content = b"/GS0 gs 0 0 0 0 k BT /F1 12 Tf 40 100 Td (weiss) Tj ET"
    resources = {"/Font": pikepdf.Dictionary(F1=font), "/ExtGState": pikepdf.Dictionary(GS0=state)}
    (finding,) = run_check(page_pdf(tmp_path / "white.pdf", content, resources), "black_text")
    assert finding.severity == "Fehler" and "verschwindet" in finding.message


@pytest.mark.parametrize(("rotate", "binding_side"), [(0, 3), (90, 0), (180, 1), (270, 2)])
def test_binding_follows_the_page_rotation(rotate: int, binding_side: int) -> None:
    """The binding sits at the top as the page is shown; /Rotate turns it clockwise."""
    trim = (0.0, 0.0, 1000.0, 1000.0)
    safe, names = _safe_box(trim, rotate, Settings(safe_mm=3, binding_mm=11))
    insets = (safe[0], safe[1], 1000 - safe[2], 1000 - safe[3])
    assert insets[binding_side] == pytest.approx(14 * MM)
    assert names[binding_side] == "oben"
    assert sorted(insets)[:3] == pytest.approx([3 * MM] * 3)


def test_invisible_text_may_sit_in_the_binding(tmp_path: Path) -> None:
    """Text rendering mode 3 (an OCR layer) prints nothing; mode 0 in the same place does."""
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    resources = {"/Font": pikepdf.Dictionary(F1=font)}
    hidden = b"BT 3 Tr /F1 10 Tf 40 180 Td (Lochung) Tj ET"
    (finding,) = run_check(page_pdf(tmp_path / "hidden.pdf", hidden, resources), "safe_zone")
    assert finding.severity == "OK"
    shown = hidden.replace(b"3 Tr", b"0 Tr")
    (finding,) = run_check(page_pdf(tmp_path / "shown.pdf", shown, resources), "safe_zone")
    assert finding.severity == "Fehler" and "„Lochung“" in finding.message and "(Bindung)" in finding.message


OVERPRINT = {
    "/Font": pikepdf.Dictionary(
        F1=pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    ),
    "/ExtGState": pikepdf.Dictionary(OP=pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, op=True, OPM=1)),
}


@pytest.mark.parametrize(("y", "expected"), [(50, "Fehler"), (150, "OK")])
def test_black_overprint_adds_to_the_fill_below_it_only(tmp_path: Path, y: int, expected: str) -> None:
    """K100 overprinting C35 M100 Y90 K55 (280 %) prints 325 %; beside the fill it is 100 %."""
    content = b"0.35 1 0.9 0.55 k 0 0 200 100 re f /OP gs 0 0 0 1 k BT /F1 10 Tf 20 %d Td (Hallo) Tj ET" % y
    (finding,) = run_check(page_pdf(tmp_path / "op.pdf", content, OVERPRINT), "ink")
    assert finding.severity == expected
    if expected == "Fehler":
        assert "325 %" in finding.message and "überdruckend auf Fläche C35 M100 Y90 K55" in finding.message
    else:
        assert "280 %" in finding.message


@pytest.mark.parametrize(("y", "expected"), [(170, "320 %"), (40, "220 %")])
def test_black_overprint_on_an_image_counts_the_pixels_under_the_text(
    tmp_path: Path, y: int, expected: str
) -> None:
    """An image dark (C80 M70 Y70, 220 %) in its upper half: K100 text there prints 320 %."""
    dark, light = bytes([204, 179, 179, 0]), bytes(4)
    pixels = (dark * 10) * 5 + (light * 10) * 5  # first rows are the top of the image
    resources = dict(
        OVERPRINT, **{"/XObject": lambda pdf: pikepdf.Dictionary(Im0=cmyk_image(pdf, pixels, 10, 10))}
    )
    content = b"q 200 0 0 200 0 0 cm /Im0 Do Q /OP gs 0 0 0 1 k BT /F1 10 Tf 20 %d Td (Hallo) Tj ET" % y
    (finding,) = run_check(page_pdf(tmp_path / "opimage.pdf", content, resources), "ink")
    assert expected in finding.message

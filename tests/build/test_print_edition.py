"""The print edition as a print shop receives it, checked with the project's preflight and
independently with pikepdf; the web edition as the district's website gets it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image, ImageCms

from kalender.build import BuildOptions, build_calendar
from kalender.colours import delta_e, srgb_to_lab
from kalender.preflight import Settings, preflight
from tests.conftest import DATA, ROOT

MM = 72 / 25.4
PROFILE = ROOT / "templates/icc/FOGRA39L_coated.icc"


@pytest.fixture(scope="module")
def print_pdf(built_2018) -> Path:  # type: ignore[no-untyped-def]
    return built_2018[1]


@pytest.fixture(scope="module")
def web_pdf(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    output = tmp_path_factory.mktemp("web") / "kalender-2018-web.pdf"
    build_calendar(2018, DATA, output, options=BuildOptions(web=True))
    return output


def test_own_preflight_passes(print_pdf: Path) -> None:
    report = preflight(print_pdf, Settings())
    assert report.ok, report.text()


def test_pdfx_identification(print_pdf: Path) -> None:
    with pikepdf.open(print_pdf) as pdf:
        assert pdf.pdf_version == "1.3"
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-3:2002"
        assert pdf.docinfo.Trapped == pikepdf.Name("/False")
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFX
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert intent.DestOutputProfile.read_bytes() == PROFILE.read_bytes()
        assert b"PDF/X-3:2002" in pdf.Root.Metadata.read_bytes()


def _content_operators(page: pikepdf.Page) -> list[tuple[list, str]]:  # type: ignore[type-arg]
    return [(list(operands), str(operator)) for operands, operator in pikepdf.parse_content_stream(page)]


def test_only_cmyk_and_gray(print_pdf: Path) -> None:
    with pikepdf.open(print_pdf) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            operators = {op for _, op in _content_operators(page)}
            assert not operators & {"rg", "RG", "sc", "SC", "scn", "SCN"}, number
            for _, xobject in page.get_images().items():
                assert xobject.ColorSpace in (pikepdf.Name.DeviceCMYK, pikepdf.Name.DeviceGray), number


def test_black_text_is_k_only_and_overprints(print_pdf: Path) -> None:
    with pikepdf.open(print_pdf) as pdf:
        page = pdf.pages[1]
        states = page.Resources.get("/ExtGState", {})
        fill, overprint, checked = None, False, 0
        for operands, op in _content_operators(page):
            if op == "k":
                fill = tuple(float(v) for v in operands)
            elif op == "gs":
                state = states[str(operands[0])]
                if "/op" in state:
                    overprint = bool(state["/op"])
            elif op in ("Tj", "TJ") and fill is not None and fill[3] > 0.9:
                assert fill == (0.0, 0.0, 0.0, 1.0)
                assert overprint
                checked += 1
        assert checked > 20


def test_every_page_has_trim_and_bleed(print_pdf: Path) -> None:
    with pikepdf.open(print_pdf) as pdf:
        for page in pdf.pages:
            trim = [float(v) for v in page.TrimBox]
            bleed = [float(v) for v in page.BleedBox]
            assert trim[0] - bleed[0] == pytest.approx(3 * MM, abs=0.01)
            assert bleed[2] - trim[2] == pytest.approx(3 * MM, abs=0.01)


def test_photos_are_placed_at_print_resolution(print_pdf: Path) -> None:
    with pikepdf.open(print_pdf) as pdf:
        page = pdf.pages[1]
        (_, image), *_ = page.get_images().items()
        ctm = next(operands for operands, op in _content_operators(page) if op == "cm" and float(operands[0]) > 100)
        width_inch = float(ctm[0]) / 72
        assert 295 <= int(image.Width) / width_inch <= 305


def test_print_colours_look_like_the_photo(print_pdf: Path) -> None:
    """Convert the embedded CMYK photo back to sRGB through the output profile and compare it
    with the source illustration: the average colour difference stays small."""
    with pikepdf.open(print_pdf) as pdf:
        image = next(iter(pdf.pages[1].get_images().values()))
        cmyk = Image.open(io.BytesIO(image.read_raw_bytes()))
        cmyk.load()
    assert cmyk.mode == "CMYK"  # Pillow undoes the Adobe inversion that /Decode [1 0 …] declares
    back = ImageCms.profileToProfile(cmyk, str(PROFILE), ImageCms.createProfile("sRGB"), outputMode="RGB")
    source = Image.open(DATA / "portraits/2018/01-januar.jpg").convert("RGB")
    small = (60, 60)
    a, b = back.resize(small), source.resize(small)  # both show (nearly) the whole picture
    differences = [delta_e(srgb_to_lab(tuple(v / 255 for v in p)), srgb_to_lab(tuple(v / 255 for v in q)))  # type: ignore[arg-type]
                   for p, q in zip(np.asarray(a).reshape(-1, 3), np.asarray(b).reshape(-1, 3), strict=True)]  # fmt: skip
    assert sum(differences) / len(differences) < 8


def test_web_edition_is_rgb_trimmed_and_light(web_pdf: Path, print_pdf: Path) -> None:
    with pikepdf.open(web_pdf) as pdf:
        for page in pdf.pages:
            media = [float(v) for v in page.MediaBox]
            assert media[2] - media[0] == pytest.approx(297 * MM, abs=0.1)
            for _, image in page.get_images().items():
                assert image.ColorSpace == pikepdf.Name.DeviceRGB
            assert not {op for _, op in _content_operators(page)} & {"k", "K"}
    assert web_pdf.stat().st_size < print_pdf.stat().st_size / 3


def test_crop_marks_outside_the_bleed(tmp_path: Path) -> None:
    output = tmp_path / "marks.pdf"
    build_calendar(2018, DATA, output, options=BuildOptions(crop_marks=True))
    with pikepdf.open(output) as pdf:
        page = pdf.pages[0]
        media, bleed = [float(v) for v in page.MediaBox], [float(v) for v in page.BleedBox]
        assert bleed[0] - media[0] >= 8 * MM - 0.01
        assert preflight(output, Settings()).ok


@pytest.mark.parametrize(("standard", "version"), [("X-1a", "1.3"), ("X-4", "1.6")])
def test_other_pdfx_versions(tmp_path: Path, standard: str, version: str) -> None:
    output = tmp_path / f"{standard}.pdf"
    build_calendar(2018, DATA, output, options=BuildOptions(pdfx=standard))
    with pikepdf.open(output) as pdf:
        assert pdf.pdf_version == version
        assert re.search(rf"PDF/{standard}", str(pdf.docinfo.GTS_PDFXVersion))

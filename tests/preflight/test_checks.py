"""Each check against a PDF that passes everything and a variant broken in exactly one way."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kalender.preflight import Report, Settings, preflight
from tests.preflight.pdfs import Spec, make_pdf

CHECKS = {
    "boxes",
    "bleed",
    "fonts",
    "image_resolution",
    "colour_spaces",
    "output_intent",
    "pdfx",
    "transparency",
    "black_text",
    "ink",
    "safe_zone",
}
GOOD = Spec()


def check(tmp_path: Path, spec: Spec, settings: Settings = Settings()) -> Report:  # noqa: B008
    return preflight(make_pdf(tmp_path / "probe.pdf", spec), settings)


def problems(report: Report) -> dict[str, list[str]]:
    """check id → severities of its findings that are not OK."""
    found: dict[str, list[str]] = {}
    for f in report.findings:
        if f.severity != "OK":
            found.setdefault(f.check, []).append(f.severity)
    return found


def test_good_pdf_passes_every_check(tmp_path: Path) -> None:
    report = check(tmp_path, GOOD)
    assert {f.check for f in report.findings} == CHECKS
    assert problems(report) == {}, report.text()
    assert report.ok
    assert report.text().splitlines()[-1] == "Ergebnis: druckfertig – alle Prüfungen bestanden"


BROKEN = [
    pytest.param(replace(GOOD, trim_box=False), "boxes", ["Seite 1", "TrimBox"], id="no-trimbox"),
    pytest.param(
        replace(GOOD, bleed=1.0), "bleed", ["Seite 1", "links 1,0 mm", "gefordert 3,0 mm"], id="bleed-1mm"
    ),
    pytest.param(
        replace(GOOD, embedded_font=False),
        "fonts",
        ["„Helvetica“", "nicht eingebettet", "Seite 1"],
        id="helvetica",
    ),
    # 85 pixels over 30 mm are 72 ppi
    pytest.param(
        replace(GOOD, image_px=85), "image_resolution", ["Seite 1", "72 ppi", "85 × 85 Pixel"], id="72ppi"
    ),
    pytest.param(
        replace(GOOD, rgb_fill=True),
        "colour_spaces",
        ["Seite 1", "Fläche", "DeviceRGB", "CMYK"],
        id="rgb-fill",
    ),
    pytest.param(
        replace(GOOD, image_mode="RGB"), "colour_spaces", ["Seite 1", "Bild", "DeviceRGB"], id="rgb-image"
    ),
    pytest.param(
        replace(GOOD, output_intent=False),
        "output_intent",
        ["keine Ausgabebedingung", "Output Intent"],
        id="no-output-intent",
    ),
    pytest.param(
        replace(GOOD, alpha=0.5),
        "transparency",
        ["Seite 1", "Deckkraft Flächen 50 %", "PDF/X-1a"],
        id="transparency",
    ),
    pytest.param(
        replace(GOOD, text_colour=(0.6, 0.5, 0.4, 1.0)),
        "black_text",
        ["Seite 1", "Vierfarbschwarz", "C60 M50 Y40 K100", "100 % K", "„Januar 2018“"],
        id="rich-black",
    ),
    pytest.param(
        replace(GOOD, extra_fill=(1.0, 1.0, 0.9, 0.9)),
        "ink",
        ["Seite 1", "380 %", "Grenzwert 300 %"],
        id="ink-380-fill",
    ),
    # the JPEG's darkest pixel: 255+255+230+230 of 255 = 380 %; a mistake in the CMYK inversion gives 20 %
    pytest.param(
        replace(GOOD, image_ink=(255, 255, 230, 230)), "ink", ["Seite 1", "380 %", "Bild"], id="ink-380-image"
    ),
    pytest.param(
        replace(GOOD, text_from_top=5.0),
        "safe_zone",
        ["Seite 1", "Bindung", "„Januar“", "„2018“"],
        id="binding-zone",
    ),
]


@pytest.mark.parametrize(("spec", "check_id", "words"), BROKEN)
def test_broken_pdf_fails_exactly_one_check(
    tmp_path: Path, spec: Spec, check_id: str, words: list[str]
) -> None:
    report = check(tmp_path, spec)
    assert problems(report) == {check_id: ["Fehler"]}, report.text()
    assert not report.ok
    (finding,) = [f for f in report.findings if f.check == check_id]
    for word in words:
        assert word in finding.message
    assert f"✗ {finding.message}" in report.text()


def test_black_text_that_knocks_out_is_a_warning(tmp_path: Path) -> None:
    report = check(tmp_path, replace(GOOD, overprint=False))
    assert problems(report) == {"black_text": ["Warnung"]}
    assert report.ok
    (finding,) = [f for f in report.findings if f.check == "black_text"]
    assert "überdruckt nicht" in finding.message and finding.page == 1


def test_overprint_in_mode_zero_does_not_overprint_process_black(tmp_path: Path) -> None:
    report = check(tmp_path, replace(GOOD, overprint_mode=0))
    (finding,) = [f for f in report.findings if f.check == "black_text"]
    assert finding.severity == "Warnung" and "OPM 0" in finding.message


def test_missing_pdfx_parts_are_warnings_when_not_required(tmp_path: Path) -> None:
    report = check(tmp_path, replace(GOOD, output_intent=False), Settings(require_pdfx=False))
    assert problems(report) == {"output_intent": ["Warnung"]}
    assert report.ok


def test_transparency_is_allowed_in_pdfx4(tmp_path: Path) -> None:
    report = check(tmp_path, replace(GOOD, alpha=0.5, pdfx_version="PDF/X-4"))
    assert problems(report) == {"transparency": ["Warnung"]}, report.text()


def test_undeclared_pdfx_version(tmp_path: Path) -> None:
    report = check(tmp_path, replace(GOOD, pdfx_version="PDF/X-9z"))
    assert problems(report) == {"pdfx": ["Fehler"]}
    assert "unbekannte PDF/X-Kennung" in report.text()


def test_settings_change_the_limits(tmp_path: Path) -> None:
    """The good PDF's image has 339 ppi and its darkest pixel 196 % ink."""
    report = check(tmp_path, GOOD, Settings(min_ppi=400, ink_limit=190, bleed_mm=5))
    assert problems(report) == {"image_resolution": ["Warnung"], "ink": ["Fehler"], "bleed": ["Fehler"]}


def test_ink_of_an_image_is_measured_exactly(tmp_path: Path) -> None:
    report = check(tmp_path, replace(GOOD, image_ink=(255, 204, 153, 102)))  # 100 + 80 + 60 + 40
    (finding,) = [f for f in report.findings if f.check == "ink"]
    assert "höchster Farbauftrag 280 %" in finding.message

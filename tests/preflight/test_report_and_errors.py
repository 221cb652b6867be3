"""Unreadable files, the text and JSON report, and the command-line helper's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kalender.errors import KalenderError
from kalender.preflight import Finding, PreflightError, Report, Settings, preflight, run
from kalender.preflight.report import pages_text
from tests.preflight.pdfs import Spec, make_pdf


@pytest.fixture(scope="module")
def good_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("good") / "gut.pdf")


def test_a_text_file_is_no_pdf(tmp_path: Path) -> None:
    path = tmp_path / "kalender.pdf"
    path.write_text("Das ist kein PDF.\n", encoding="utf-8")
    with pytest.raises(PreflightError) as caught:
        preflight(path)
    assert "kalender.pdf" in str(caught.value) and "keine lesbare PDF-Datei" in str(caught.value)


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_a_truncated_pdf_is_refused(tmp_path: Path, good_pdf: Path, keep: float) -> None:
    data = good_pdf.read_bytes()
    path = tmp_path / "abgebrochen.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(PreflightError, match=r"keine lesbare PDF-Datei \(beschädigt"):
        preflight(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PreflightError, match="Datei nicht gefunden"):
        preflight(tmp_path / "fehlt.pdf")


def test_preflight_error_is_a_kalender_error_for_the_cli() -> None:
    assert issubclass(PreflightError, KalenderError)


def test_run_prints_json(good_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(good_pdf, as_json=True, settings=Settings()) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["file"].endswith("gut.pdf")
    assert {f["check"] for f in data["findings"]} >= {"boxes", "ink", "safe_zone"}
    assert all(set(f) == {"check", "severity", "message", "page"} for f in data["findings"])


def test_run_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = make_pdf(tmp_path / "rgb.pdf", Spec(rgb_fill=True))
    assert run(broken, as_json=False, settings=Settings()) == 1
    assert "✗ Farbräume – 1 Fehler" in capsys.readouterr().out
    (tmp_path / "leer.pdf").write_bytes(b"")
    assert run(tmp_path / "leer.pdf", as_json=False, settings=Settings()) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "leer.pdf: Fehler: keine lesbare PDF-Datei" in captured.err


def test_text_report_layout() -> None:
    report = Report(
        "k.pdf",
        (
            Finding("boxes", "OK", "alle Seiten haben TrimBox und BleedBox"),
            Finding("ink", "Fehler", "Seite 3: Farbauftrag 380 %", 3),
            Finding("ink", "Warnung", "Seite 4: Bild nicht messbar", 4),
            Finding("black_text", "Warnung", "Seite 2: überdruckt nicht", 2),
        ),
    )
    assert report.text().splitlines() == [
        "Preflight k.pdf",
        "✓ Seitenboxen: alle Seiten haben TrimBox und BleedBox",
        "! Schwarzer Text – 1 Warnung",
        "    ! Seite 2: überdruckt nicht",
        "✗ Farbauftrag – 1 Fehler, 1 Warnung",
        "    ✗ Seite 3: Farbauftrag 380 %",
        "    ! Seite 4: Bild nicht messbar",
        "Ergebnis: nicht druckfertig – 1 Fehler, 2 Warnungen",
    ]
    assert not report.ok


def test_pages_text() -> None:
    assert pages_text([4]) == "Seite 4"
    assert pages_text([5, 1, 2, 3, 3]) == "Seiten 1–3, 5"

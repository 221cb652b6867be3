"""Image resolution: effective ppi of every placed image, from its pixels and its size on the page."""

from __future__ import annotations

from kalender.preflight.content import Placement
from kalender.preflight.document import Document
from kalender.preflight.report import ERROR, OK, WARNING, Finding, Settings

MIN_SIZE_PT = 1.0  # smaller placements are invisible; their ppi says nothing
# Images scaled to exactly 300 ppi come out a fraction below after rounding to whole pixels.
TOLERANCE = 0.995


def effective_ppi(placement: Placement) -> float | None:
    """Pixels per inch as printed: the lower of width and height; None for invisible placements."""
    info = placement.info
    width, height = int(info.get("/Width", 0)), int(info.get("/Height", 0))
    if placement.width_pt < MIN_SIZE_PT or placement.height_pt < MIN_SIZE_PT or not width or not height:
        return None
    return min(width / (placement.width_pt / 72), height / (placement.height_pt / 72))


def check_image_resolution(doc: Document, settings: Settings) -> list[Finding]:
    """image_resolution: below error_ppi Fehler, below min_ppi Warnung."""
    findings: list[Finding] = []
    lowest: float | None = None
    count = 0
    for number, _ in doc.numbered():
        reported: set[tuple[str, int]] = set()
        for placement in doc.content(number).placements:
            if placement.space is None:
                continue  # stencil masks are line art; their needs differ from photos
            ppi = effective_ppi(placement)
            if ppi is None:
                continue
            count += 1
            lowest = ppi if lowest is None else min(lowest, ppi)
            if ppi >= settings.min_ppi * TOLERANCE or (placement.name, round(ppi)) in reported:
                continue
            reported.add((placement.name, round(ppi)))
            severity = ERROR if ppi < settings.error_ppi * TOLERANCE else WARNING
            findings.append(
                Finding("image_resolution", severity, _message(number, placement, ppi, settings), number)
            )
    if findings:
        return findings
    if lowest is None:
        return [Finding("image_resolution", OK, "keine Bilder")]
    return [
        Finding(
            "image_resolution",
            OK,
            f"{count} Bildplatzierung{'en' if count > 1 else ''}, niedrigste Auflösung {lowest:.0f} ppi",
        )
    ]


def _message(number: int, placement: Placement, ppi: float, settings: Settings) -> str:
    info = placement.info
    name = placement.label
    width_mm, height_mm = placement.width_pt / 72 * 25.4, placement.height_pt / 72 * 25.4
    return (
        f"Seite {number}: {name} ({int(info.get('/Width', 0))} × {int(info.get('/Height', 0))} Pixel, "
        f"{width_mm:.0f} × {height_mm:.0f} mm) hat nur {ppi:.0f} ppi (gefordert {settings.min_ppi:.0f} ppi) – "
        "ein größeres Bild verwenden oder es kleiner platzieren"
    )

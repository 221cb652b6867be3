"""Page boxes: TrimBox and BleedBox on every page, inside the MediaBox, with enough bleed."""

from __future__ import annotations

from kalender.preflight.document import Document
from kalender.preflight.objects import MM, Box, box, inherited
from kalender.preflight.report import ERROR, Finding, Settings, ok_or, pages_text

TOLERANCE_MM = 0.1
SIDES = ("links", "unten", "rechts", "oben")


def check_boxes(doc: Document, settings: Settings) -> list[Finding]:
    """boxes: TrimBox and BleedBox present, TrimBox inside the MediaBox."""
    findings = []
    missing: dict[str, list[int]] = {"/TrimBox": [], "/BleedBox": []}
    for number, page in doc.numbered():
        for key, pages in missing.items():
            if box(page.get(key)) is None:
                pages.append(number)
        media, trim = box(inherited(page, "/MediaBox")), box(page.get("/TrimBox"))
        if media is None:
            findings.append(Finding("boxes", ERROR, f"Seite {number}: keine gültige MediaBox", number))
        elif trim is not None and not _inside(trim, media):
            findings.append(
                Finding(
                    "boxes",
                    ERROR,
                    f"Seite {number}: die TrimBox (Endformat) ragt über die "
                    "MediaBox hinaus – das Seitenformat des PDFs ist zu klein",
                    number,
                )
            )
    for key, pages in missing.items():
        if pages:
            what = "Endformat (TrimBox)" if key == "/TrimBox" else "Beschnittrahmen (BleedBox)"
            findings.append(
                Finding(
                    "boxes",
                    ERROR,
                    f"{pages_text(pages)}: kein {what} angegeben – "
                    "beim PDF-Export „Beschnittzugabe/Anschnitt“ einschalten",
                    pages[0],
                )
            )
    every = "die Seite hat" if len(doc.pages) == 1 else f"alle {len(doc.pages)} Seiten haben"
    return ok_or("boxes", findings, f"{every} TrimBox und BleedBox innerhalb der MediaBox")


def check_bleed(doc: Document, settings: Settings) -> list[Finding]:
    """bleed: the BleedBox reaches bleed_mm beyond the TrimBox on all sides and stays in the MediaBox."""
    findings = []
    smallest = None
    for number, page in doc.numbered():
        trim, bleed = box(page.get("/TrimBox")), box(page.get("/BleedBox"))
        media = box(inherited(page, "/MediaBox"))
        if trim is None or bleed is None or media is None:
            continue  # reported by check_boxes
        margins = _margins(trim, bleed)
        smallest = min(margins) if smallest is None else min(smallest, *margins)
        short = [
            f"{side} {_mm(m)} mm"
            for side, m in zip(SIDES, margins, strict=True)
            if m < settings.bleed_mm - TOLERANCE_MM
        ]
        if short:
            findings.append(
                Finding(
                    "bleed",
                    ERROR,
                    f"Seite {number}: Beschnittzugabe zu klein ({', '.join(short)}; "
                    f"gefordert {_mm(settings.bleed_mm)} mm) – Hintergründe und Bilder am Rand "
                    "über das Endformat hinaus ziehen und mit Anschnitt exportieren",
                    number,
                )
            )
        elif not _inside(bleed, media):
            findings.append(
                Finding(
                    "bleed",
                    ERROR,
                    f"Seite {number}: die BleedBox ragt über die MediaBox hinaus – "
                    "die Beschnittzugabe fehlt im PDF",
                    number,
                )
            )
    if smallest is None:
        return findings
    return ok_or("bleed", findings, f"Beschnittzugabe mindestens {_mm(smallest)} mm auf allen Seiten")


def _margins(trim: Box, bleed: Box) -> tuple[float, float, float, float]:
    """How far the BleedBox reaches beyond the TrimBox, in mm: left, bottom, right, top."""
    return (
        (trim[0] - bleed[0]) / MM,
        (trim[1] - bleed[1]) / MM,
        (bleed[2] - trim[2]) / MM,
        (bleed[3] - trim[3]) / MM,
    )


def _inside(inner: Box, outer: Box) -> bool:
    slack = TOLERANCE_MM * MM
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def _mm(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")

"""Transparency: soft masks, opacity and blend modes, which PDF/X-1a and X-3 forbid."""

from __future__ import annotations

from typing import Any

import pikepdf

from kalender.preflight.checks.pdfx import declared_version
from kalender.preflight.document import Document
from kalender.preflight.report import ERROR, WARNING, Finding, Settings, ok_or
from kalender.preflight.resources import page_resources

NORMAL_BLEND = ("/Normal", "/Compatible")


def check_transparency(doc: Document, settings: Settings) -> list[Finding]:
    """transparency: Fehler for PDF/X-1a and X-3 (and undeclared files), Warnung for PDF/X-4."""
    x4 = (declared_version(doc) or "").startswith("PDF/X-4")
    severity = WARNING if x4 else ERROR
    findings = []
    for number, page in doc.numbered():
        reasons, masks = _page_reasons(doc, number, page)
        if reasons:
            advice = (
                "in PDF/X-4 erlaubt, die Druckerei muss sie verarbeiten können"
                if x4
                else "in PDF/X-1a/X-3 nicht erlaubt: deckend gestalten oder Transparenz reduzieren (verflachen)"
            )
            findings.append(
                Finding(
                    "transparency",
                    severity,
                    f"Seite {number}: Transparenz ({'; '.join(reasons)}) – {advice}",
                    number,
                )
            )
        if masks:
            findings.append(
                Finding(
                    "transparency",
                    WARNING,
                    f"Seite {number}: Bildmaske ({', '.join(masks)}) – "
                    "keine Transparenz im Sinn von PDF 1.4, aber bitte im Ausdruck prüfen",
                    number,
                )
            )
    return ok_or("transparency", findings, "keine Transparenz")


def _page_reasons(doc: Document, number: int, page: pikepdf.Dictionary) -> tuple[list[str], list[str]]:
    reasons: list[str] = []
    masks: list[str] = []
    if _transparency_group(page):
        reasons.append("Transparenzgruppe der Seite")
    for resources in page_resources(doc, number):
        for name, state in _entries(resources, "/ExtGState"):
            reasons += [f"{what} in Grafikzustand „{name}“" for what in _state_reasons(state)]
        for name, xobject in _entries(resources, "/XObject"):
            if xobject.get("/Subtype") == "/Image" and "/SMask" in xobject:
                reasons.append(f"Bild „{name}“ mit Alphakanal (SMask)")
            elif xobject.get("/Subtype") == "/Image" and isinstance(xobject.get("/Mask"), pikepdf.Stream):
                masks.append(f"Bild „{name}“ mit Maskenbild")
            elif xobject.get("/Subtype") == "/Form" and _transparency_group(xobject):
                reasons.append(f"Transparenzgruppe in Formular „{name}“")
    return list(dict.fromkeys(reasons)), list(dict.fromkeys(masks))


def _entries(resources: pikepdf.Dictionary, category: str) -> list[tuple[str, pikepdf.Object]]:
    table = resources.get(category)
    if not isinstance(table, pikepdf.Dictionary):
        return []
    return [
        (str(name).lstrip("/"), value)
        for name, value in table.items()
        if isinstance(value, (pikepdf.Dictionary, pikepdf.Stream))
    ]


def _state_reasons(state: Any) -> list[str]:
    found = []
    for key, what in (("/ca", "Deckkraft Flächen"), ("/CA", "Deckkraft Linien")):
        if key in state and float(state[key]) < 1:
            found.append(f"{what} {float(state[key]) * 100:.0f} %")
    if "/SMask" in state and state.SMask != "/None":
        found.append("weiche Maske (SMask)")
    blend = state.get("/BM")
    blends = list(blend) if isinstance(blend, pikepdf.Array) else [blend] if blend is not None else []
    if blends and str(blends[0]) not in NORMAL_BLEND:
        found.append(f"Füllmethode {str(blends[0]).lstrip('/')}")
    return found


def _transparency_group(obj: Any) -> bool:
    group = obj.get("/Group")
    return isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/Transparency"
